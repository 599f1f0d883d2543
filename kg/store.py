"""The embedded store: a pyoxigraph ``Store`` behind kg's store interface.

Writes are atomic per batch of documents: :meth:`KnowledgeGraph.replace_graphs`
either stores every named graph of the batch (with its ``graph/meta``
provenance) or none, so an interrupted ingest never leaves a document
half-written.  A store that does not exist yet is built with pyoxigraph's
fast bulk loader into a fresh directory that is renamed into place only
when the build succeeded (DESIGN C: ``bulk_load`` is not atomic).

Queries see the union of all named graphs as their default graph (DESIGN A2);
``GRAPH ?g`` still answers "according to which document?".  Parameters are
bound with a ``VALUES`` block written by the term serialiser
(:mod:`kg.sparql`), never pasted into query text.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import pyoxigraph as ox

from kg.errors import QueryError, StoreError, StoreLockedError
from kg.sparql import Term, bind


@dataclass(frozen=True)
class GraphUpdate:
    """The new content of one named graph and its provenance quads in ``graph/meta``."""

    graph: str
    quads: Sequence[ox.Quad]
    meta: Sequence[ox.Quad] = ()


@dataclass
class SelectResult:
    variables: list[str]
    rows: list[list[Term | None]] = field(default_factory=list)

    def dicts(self) -> list[dict[str, Term | None]]:
        return [dict(zip(self.variables, row, strict=True)) for row in self.rows]


QueryResult = SelectResult | bool | list[ox.Triple]


def _translate_os_error(error: OSError, path: Path) -> StoreError:
    text = str(error)
    if "lock" in text.lower():
        return StoreLockedError(f"the store at {path} is locked by another process ({text})")
    return StoreError(f"cannot open the store at {path}: {text}")


class KnowledgeGraph:
    """A knowledge graph in an embedded pyoxigraph store (or in memory).

    The methods here are the whole store interface; :mod:`kg.remote` offers
    the same over the SPARQL 1.1 protocols.
    """

    def __init__(
        self, store: ox.Store, *, path: Path | None = None, read_only: bool = False
    ) -> None:
        self._store = store
        self.path = path
        self.read_only = read_only

    # --- opening -------------------------------------------------------------------------
    @classmethod
    def in_memory(cls) -> KnowledgeGraph:
        return cls(ox.Store())

    @classmethod
    def open(cls, path: str | os.PathLike[str], *, read_only: bool = False) -> KnowledgeGraph:
        """Open (and create when writing) the store directory at ``path``."""
        location = Path(path)
        if read_only and not location.exists():
            raise StoreError(
                f"no store at {location}",
                hint="Create it with 'kg ingest PATH…' or point --store/KG_STORE at a store.",
            )
        try:
            store = ox.Store.read_only(str(location)) if read_only else ox.Store(str(location))
        except OSError as error:
            raise _translate_os_error(error, location) from error
        return cls(store, path=location, read_only=read_only)

    @classmethod
    def build(cls, path: str | os.PathLike[str], quads: Iterable[ox.Quad]) -> KnowledgeGraph:
        """Build a new store at ``path`` with the bulk loader, atomically by rename.

        The quads are streamed (not held in memory).  On any failure the
        partial build is removed and ``path`` is left as it was.
        """
        target = Path(path)
        if target.exists():
            raise StoreError(f"cannot build a new store at {target}: it exists")
        target.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.build-", dir=target.parent))
        try:
            store = ox.Store(str(staging))
            store.bulk_extend(quads)
            store.flush()
            del store
            staging.rename(target)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        return cls.open(target)

    def close(self) -> None:
        """Flush and release the store (its lock goes with the last reference)."""
        if not self.read_only:
            with contextlib.suppress(OSError):
                self._store.flush()
        self._store = _CLOSED

    def __enter__(self) -> KnowledgeGraph:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- writing -------------------------------------------------------------------------
    def replace_graphs(self, updates: Sequence[GraphUpdate]) -> None:
        """Replace the named graphs of ``updates`` (and their meta) in one transaction.

        New graphs are added with ``extend`` (atomic, fast); when any graph of
        the batch already exists the whole batch becomes one SPARQL update
        (``DROP GRAPH`` + ``DELETE`` its meta + ``INSERT DATA``), which
        pyoxigraph applies atomically.  Graph names are minted by kg and the
        data is written by pyoxigraph's own term serialiser, so no user text
        is pasted into the update.
        """
        if not updates:
            return
        try:
            existing = [
                u for u in updates if self._store.contains_named_graph(ox.NamedNode(u.graph))
            ]
            if not existing:
                self._store.extend(q for u in updates for q in (*u.quads, *u.meta))
                return
            self._store.update(_replace_update(updates))
        except OSError as error:
            raise StoreError(f"writing to the store failed: {error}") from error

    def add_quads(self, quads: Iterable[ox.Quad]) -> None:
        try:
            self._store.extend(quads)
        except OSError as error:
            raise StoreError(f"writing to the store failed: {error}") from error

    def update_quads(self, remove: Sequence[ox.Quad], add: Sequence[ox.Quad]) -> None:
        """Delete and insert single quads in one transaction (the dataset description)."""
        parts = []
        if remove:
            lines = list(_as_trig([f"{q} ." for q in remove]))
            parts.append("DELETE DATA {\n" + "\n".join(lines) + "\n}")
        if add:
            lines = list(_as_trig([f"{q} ." for q in add]))
            parts.append("INSERT DATA {\n" + "\n".join(lines) + "\n}")
        if parts:
            try:
                self._store.update(" ;\n".join(parts))
            except OSError as error:
                raise StoreError(f"writing to the store failed: {error}") from error

    def remove_graph(self, graph: str) -> None:
        with contextlib.suppress(OSError):
            self._store.remove_graph(ox.NamedNode(graph))

    def optimize(self) -> None:
        self._store.optimize()

    # --- reading -------------------------------------------------------------------------
    def query(
        self,
        sparql: str,
        *,
        bindings: Mapping[str, Term] | None = None,
        union_default_graph: bool = True,
    ) -> QueryResult:
        """Run a SPARQL query; ``bindings`` are bound with ``VALUES`` (:func:`kg.sparql.bind`)."""
        text = bind(sparql, bindings) if bindings else sparql
        try:
            result: Any = self._store.query(text, use_default_graph_as_union=union_default_graph)
            if isinstance(result, ox.QuerySolutions):
                variables = [v.value for v in result.variables]
                rows = [[solution[i] for i in range(len(variables))] for solution in result]
                return SelectResult(variables, rows)
            if isinstance(result, ox.QueryBoolean):
                return bool(result)
            return list(result)
        except SyntaxError as error:
            raise QueryError(f"the query does not parse: {error}") from error
        except OSError as error:
            raise StoreError(f"reading the store failed: {error}") from error

    def select(self, sparql: str, *, bindings: Mapping[str, Term] | None = None) -> SelectResult:
        result = self.query(sparql, bindings=bindings)
        if not isinstance(result, SelectResult):
            raise QueryError("expected a SELECT query")
        return result

    def count_quads(self) -> int:
        return len(self._store)

    def named_graphs(self) -> list[str]:
        return sorted(g.value for g in self._store.named_graphs() if isinstance(g, ox.NamedNode))

    def quads(self, graph: str | None = None) -> Iterator[ox.Quad]:
        graph_node = ox.NamedNode(graph) if graph else None
        return iter(self._store.quads_for_pattern(None, None, None, graph_node))

    def dump(self, output: IO[bytes], *, format: ox.RdfFormat = ox.RdfFormat.N_QUADS) -> None:
        self._store.dump(output, format=format)


class _ClosedStore:
    """Stands in for a released store, so use after close() fails with a clear message."""

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        raise StoreError("the store was closed")


_CLOSED: Any = _ClosedStore()


def _replace_update(updates: Sequence[GraphUpdate]) -> str:
    """One SPARQL update replacing each graph of the batch (see ``replace_graphs``).

    The old provenance of a graph is every quad whose subject is the graph's
    IRI, wherever it is stored (``graph/meta``).
    """
    parts: list[str] = []
    for u in updates:
        g = str(ox.NamedNode(u.graph))
        parts.append(f"DROP SILENT GRAPH {g}")
        parts.append(f"DELETE WHERE {{ GRAPH ?meta {{ {g} ?p ?o }} }}")
    body = [str(q) + " ." for u in updates for q in (*u.quads, *u.meta)]
    parts.append("INSERT DATA {\n" + "\n".join(_as_trig(body)) + "\n}")
    return " ;\n".join(parts)


def _as_trig(lines: list[str]) -> Iterator[str]:
    """N-Quads lines are not valid inside INSERT DATA; wrap them as GRAPH blocks."""
    for line in lines:
        # "<s> <p> <o> <g> ." -> "GRAPH <g> { <s> <p> <o> . }"
        body, _, graph = line[:-2].rpartition(" ")
        yield f"GRAPH {graph} {{ {body} . }}"
