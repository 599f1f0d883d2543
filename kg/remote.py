"""The store interface over the SPARQL 1.1 protocols: kg's graph in a remote server.

:class:`RemoteStore` does what :class:`kg.store.KnowledgeGraph` does, with
standard requests only (SPARQL Query and Update), so kg works the same
against Virtuoso, Oxigraph server, Fuseki, GraphDB, QLever or Neptune:

* SELECT/ASK results come as SPARQL JSON and are parsed by pyoxigraph into
  the same terms the embedded store returns; CONSTRUCT/DESCRIBE as
  N-Triples.
* The default graph is the union of the named graphs (DESIGN A2):
  Virtuoso, GraphDB, QLever and Neptune do that anyway; Oxigraph server gets
  its ``union-default-graph`` parameter on each query.
* A batch of graphs is replaced by update requests that each hold whole
  graphs (``DROP SILENT GRAPH`` + delete the old provenance + ``INSERT
  DATA``), so every graph is either old or new whatever happens to a
  request.  Requests are sized in quads for the server (:class:`Dialect`).
* Reading every quad (``kg validate``, dumps) goes page by page, a group of
  graphs per request, because servers cap result sizes.

Server quirks live in :data:`DIALECTS`, picked from the ``Server`` header
(``KG_SPARQL_SERVER`` overrides): Virtuoso's system graphs are hidden, its
update compiler needs ``define sql:big-data-const 1`` and small ``GRAPH``
blocks to take large inserts, and its ``timeout`` parameter is in ms.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import replace
from typing import IO, Any

import pyoxigraph as ox

from kg.errors import QueryError, RemoteStoreError, StoreError
from kg.remote_dialects import DIALECTS, Dialect, detect_dialect
from kg.remote_http import Credentials, HttpSettings, Transport
from kg.remote_results import parse_results, parse_triples
from kg.sparql import Term, bind
from kg.store import GraphUpdate, QueryResult, SelectResult

JSON_RESULTS = "application/sparql-results+json"
GRAPH_RESULTS = "application/n-triples, text/turtle;q=0.8, application/rdf+xml;q=0.5"
DIP = "https://w3id.org/dipkg/ontology#"


class RemoteStore:
    """kg's graph in a SPARQL 1.1 server; the same methods as the embedded store."""

    def __init__(
        self,
        transport: Transport,
        dialect: Dialect,
        *,
        read_only: bool = True,
        batch_quads: int | None = None,
    ) -> None:
        self.transport = transport
        self.dialect = dialect
        self.read_only = read_only
        self.batch_quads = batch_quads or dialect.batch_quads
        transport.timeout_param = dialect.timeout_param

    @property
    def endpoint(self) -> str:
        return self.transport.endpoint

    @classmethod
    def connect(
        cls,
        endpoint: str,
        *,
        update_endpoint: str | None = None,
        read_only: bool = True,
        settings: HttpSettings | None = None,
        dialect: str | None = None,
        batch_quads: int | None = None,
    ) -> RemoteStore:
        """Connect to ``endpoint`` and check that it answers SPARQL.

        Settings not given come from the environment (``KG_SPARQL_TIMEOUT``,
        ``KG_SPARQL_SERVER_TIMEOUT``, ``KG_SPARQL_RETRIES``, credentials);
        the dialect from ``KG_SPARQL_SERVER`` or the ``Server`` header.
        """
        settings = settings or settings_from_environment(endpoint)
        transport = Transport(endpoint, update_endpoint or endpoint, settings)
        response = transport.query("ASK {}", accept=JSON_RESULTS)
        parse_results(response, endpoint)
        name = dialect or os.environ.get("KG_SPARQL_SERVER", "").strip().lower()
        if name and name not in DIALECTS:
            raise RemoteStoreError(
                f"unknown SPARQL server kind {name!r}",
                hint="KG_SPARQL_SERVER is one of: " + ", ".join(DIALECTS) + ".",
            )
        chosen = DIALECTS[name] if name else detect_dialect(response.headers.get("server", ""))
        return cls(transport, chosen, read_only=read_only, batch_quads=batch_quads)

    def close(self) -> None:
        """Nothing to release: every request stands alone."""

    def __enter__(self) -> RemoteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- writing -------------------------------------------------------------------------
    def replace_graphs(self, updates: Sequence[GraphUpdate]) -> None:
        """Replace each graph of ``updates`` and its provenance; whole graphs per request.

        Graphs are grouped into requests of about ``batch_quads`` quads; a
        request either applies completely or not at all, so after a failure
        every graph is old or new, never half-written.  Raises
        :class:`kg.errors.RemoteStoreError` naming the endpoint.
        """
        self._writable()
        if not updates:
            return
        existing = self._existing([u.graph for u in updates])
        for group in self._requests(updates):
            self.transport.update(self._replace_text(group, existing))

    def remove_graph(self, graph: str) -> None:
        self._writable()
        node = str(ox.NamedNode(graph))
        self.transport.update(
            f"DROP SILENT GRAPH {node} ;\nDELETE WHERE {{ GRAPH ?meta {{ {node} ?p ?o }} }}"
        )

    def update_quads(self, remove: Sequence[ox.Quad], add: Sequence[ox.Quad]) -> None:
        """Delete and insert single quads in one request (``kg push``: the dataset description)."""
        self._writable()
        parts = []
        fixed = [q for q in remove if not isinstance(q.subject, ox.BlankNode)]
        fixed = [q for q in fixed if not isinstance(q.object, ox.BlankNode)]
        if fixed:
            parts.append("DELETE DATA {\n" + "\n".join(_quad_lines(fixed)) + "\n}")
        if add:
            parts.append("INSERT DATA {\n" + "\n".join(_quad_lines(add)) + "\n}")
        if parts:
            self.transport.update(" ;\n".join(parts))

    def _writable(self) -> None:
        if self.read_only:
            raise StoreError(f"the store at {self.endpoint} was opened read-only")

    def _existing(self, graphs: Sequence[str]) -> set[str]:
        found: set[str] = set()
        for start in range(0, len(graphs), 500):
            chunk = " ".join(str(ox.NamedNode(g)) for g in graphs[start : start + 500])
            text = f"SELECT DISTINCT ?g WHERE {{ VALUES ?g {{ {chunk} }} GRAPH ?g {{ ?s ?p ?o }} }}"
            found.update(_iri(row[0]) for row in self._select(text).rows)
        return found

    def _requests(self, updates: Sequence[GraphUpdate]) -> Iterator[list[GraphUpdate]]:
        """Whole graphs per request; on Virtuoso a graph with blank nodes goes alone."""
        group: list[GraphUpdate] = []
        size = 0
        for update in updates:
            quads = len(update.quads) + len(update.meta)
            alone = self.dialect.update_prefix and _has_blank_nodes(update)
            if group and (alone or size + quads > self.batch_quads):
                yield group
                group, size = [], 0
            group.append(update)
            size += quads
            if alone:
                yield group
                group, size = [], 0
        if group:
            yield group

    def _replace_text(self, group: Sequence[GraphUpdate], existing: set[str]) -> str:
        old = [str(ox.NamedNode(u.graph)) for u in group if u.graph in existing]
        parts = [f"DROP SILENT GRAPH {g}" for g in old]
        if old:
            parts.append(
                "DELETE { GRAPH ?meta { ?g ?p ?o } } WHERE { VALUES ?g { "
                + " ".join(old)
                + " } GRAPH ?meta { ?g ?p ?o } }"
            )
        by_graph: dict[str, list[str]] = {}
        blank: list[ox.Quad] = []
        for update in group:
            for q in (*update.quads, *update.meta):
                if isinstance(q.subject, ox.BlankNode) or isinstance(q.object, ox.BlankNode):
                    blank.append(q)
                    continue
                by_graph.setdefault(str(q.graph_name), []).append(
                    f"{q.subject} {q.predicate} {q.object} ."
                )
        step = self.dialect.block_triples
        blocks = [
            f"GRAPH {g} {{\n" + "\n".join(lines[i : i + step]) + "\n}"
            for g, lines in by_graph.items()
            for i in range(0, len(lines), step)
        ]
        if blocks:
            parts.append("INSERT DATA {\n" + "\n".join(blocks) + "\n}")
        if blank:
            # Blank nodes go into one template (Virtuoso refuses them in INSERT DATA);
            # the same label within one template is the same new node.
            parts.append("INSERT {\n" + "\n".join(_graph_blocks(blank)) + "\n} WHERE {}")
        prefix = "" if blank else self.dialect.update_prefix
        return prefix + " ;\n".join(parts)

    # --- reading -------------------------------------------------------------------------
    def query(
        self,
        sparql: str,
        *,
        bindings: Mapping[str, Term] | None = None,
        union_default_graph: bool = True,
    ) -> QueryResult:
        """Run a query on the server; results as the embedded store gives them."""
        text = bind(sparql, bindings) if bindings else sparql
        params = self.dialect.union_params if union_default_graph else {}
        if _is_graph_query(text):
            response = self.transport.query(text, accept=GRAPH_RESULTS, params=params)
            return parse_triples(response, self.endpoint)
        response = self.transport.query(text, accept=JSON_RESULTS, params=params)
        return parse_results(response, self.endpoint)

    def select(self, sparql: str, *, bindings: Mapping[str, Term] | None = None) -> SelectResult:
        result = self.query(sparql, bindings=bindings)
        if not isinstance(result, SelectResult):
            raise QueryError("expected a SELECT query")
        return result

    def _select(self, text: str) -> SelectResult:
        return self.select(text)

    def graph_sizes(self) -> dict[str, int]:
        """Quads per named graph (system graphs of the server left out).

        Servers cap result rows (Virtuoso's ResultSetMaxRows, 10000 by
        default) and refuse deep sorted paging, so a long list is read in
        parts: graphs split by the first hex digits of ``MD5(STR(?g))``.
        """
        total = self._select(
            "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
        ).rows
        count = _int(total[0][0]) if total else 0
        sizes: dict[str, int] = {}
        for condition in _hash_parts("?g", count, self.dialect.page_rows):
            rows = self._select(
                f"SELECT ?g (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {condition} }} "
                "GROUP BY ?g"
            ).rows
            for g, n in rows:
                if isinstance(g, ox.NamedNode) and not self._is_system(g.value):
                    sizes[g.value] = _int(n)
        return sizes

    def _is_system(self, graph: str) -> bool:
        return graph in self.dialect.system_graphs

    def count_quads(self) -> int:
        return sum(self.graph_sizes().values())

    def named_graphs(self) -> list[str]:
        return sorted(self.graph_sizes())

    def quads(self, graph: str | None = None) -> Iterator[ox.Quad]:
        """Every quad (of one graph), page by page; graphs are grouped up to a page each."""
        sizes = self.graph_sizes()
        if graph is not None:
            sizes = {graph: sizes[graph]} if graph in sizes else {}
        page = self.dialect.page_rows
        group: list[str] = []
        total = 0
        for name, size in sorted(sizes.items()):
            if size > page:
                yield from self._big_graph(name, size)
                continue
            if group and total + size > page:
                yield from self._graph_group(group)
                group, total = [], 0
            group.append(name)
            total += size
        if group:
            yield from self._graph_group(group)

    def _graph_group(self, graphs: Sequence[str]) -> Iterator[ox.Quad]:
        names = " ".join(str(ox.NamedNode(g)) for g in graphs)
        result = self._select(
            f"SELECT ?g ?s ?p ?o WHERE {{ VALUES ?g {{ {names} }} GRAPH ?g {{ ?s ?p ?o }} }}"
        )
        yield from _rows_to_quads(result.rows)

    def _big_graph(self, graph: str, size: int) -> Iterator[ox.Quad]:
        """A graph larger than a page, in parts by the hash of the subject (no sorting)."""
        node = str(ox.NamedNode(graph))
        for condition in _hash_parts("?s", size, self.dialect.page_rows):
            result = self._select(
                f"SELECT ?g ?s ?p ?o WHERE {{ VALUES ?g {{ {node} }} "
                f"GRAPH ?g {{ ?s ?p ?o }} {condition} }}"
            )
            yield from _rows_to_quads(result.rows)

    def dump(self, output: IO[bytes], *, format: ox.RdfFormat = ox.RdfFormat.N_QUADS) -> None:
        """Write every quad (a dataset format) or every triple (a graph format)."""
        if format.supports_datasets:
            ox.serialize(self.quads(), output, format=format)
        else:
            ox.serialize((q.triple for q in self.quads()), output, format=format)


def settings_from_environment(endpoint: str, env: Mapping[str, str] | None = None) -> HttpSettings:
    """HTTP settings from ``KG_SPARQL_*`` variables (see the README).

    >>> s = settings_from_environment("http://h/q", {"KG_SPARQL_TIMEOUT": "5"})
    >>> s.timeout, s.server_timeout, s.retries
    (5.0, None, 4)
    """
    env = os.environ if env is None else env
    try:
        timeout = float(env.get("KG_SPARQL_TIMEOUT") or 300)
        server = env.get("KG_SPARQL_SERVER_TIMEOUT")
        retries = int(env.get("KG_SPARQL_RETRIES") or 4)
    except ValueError as error:
        raise RemoteStoreError(
            f"a KG_SPARQL_* setting is not a number: {error}",
            hint="KG_SPARQL_TIMEOUT and KG_SPARQL_SERVER_TIMEOUT are seconds, "
            "KG_SPARQL_RETRIES a count.",
        ) from error
    return HttpSettings(
        timeout=timeout,
        server_timeout=float(server) if server else None,
        retries=retries,
        credentials=Credentials.from_environment(endpoint, env),
    )


def with_settings(settings: HttpSettings, **changes: Any) -> HttpSettings:
    return replace(settings, **changes)


def _hash_parts(variable: str, count: int, page: int) -> list[str]:
    """FILTERs that split the values of ``variable`` into parts of about ``page / 2``.

    IRIs go by the leading hex digits of their MD5, anything else in one
    more part; one part without a filter when everything fits a page.

    >>> _hash_parts("?g", 10, 100)
    ['']
    >>> parts = _hash_parts("?s", 500, 100)
    >>> len(parts), parts[0]
    (17, 'FILTER (isIRI(?s) && STRSTARTS(MD5(STR(?s)), "0"))')
    >>> parts[-1]
    'FILTER (!isIRI(?s))'
    """
    if count <= page:
        return [""]
    digits = 1
    while count / 16**digits > page / 2 and digits < 4:
        digits += 1
    prefixes = [f"{n:0{digits}x}" for n in range(16**digits)]
    parts = [
        f'FILTER (isIRI({variable}) && STRSTARTS(MD5(STR({variable})), "{p}"))' for p in prefixes
    ]
    return [*parts, f"FILTER (!isIRI({variable}))"]


def _int(term: Term | None) -> int:
    try:
        return int(term.value) if isinstance(term, ox.Literal) else 0
    except ValueError:
        return 0


def _quad_lines(quads: Sequence[ox.Quad]) -> Iterator[str]:
    for q in quads:
        yield f"GRAPH {q.graph_name} {{ {q.subject} {q.predicate} {q.object} }}"


def _graph_blocks(quads: Sequence[ox.Quad]) -> Iterator[str]:
    """One ``GRAPH`` block per graph (Virtuoso fails on a template with a block per quad)."""
    by_graph: dict[str, list[str]] = {}
    for q in quads:
        by_graph.setdefault(str(q.graph_name), []).append(f"{q.subject} {q.predicate} {q.object} .")
    for graph, lines in by_graph.items():
        yield f"GRAPH {graph} {{\n" + "\n".join(lines) + "\n}"


def _has_blank_nodes(update: GraphUpdate) -> bool:
    return any(
        isinstance(q.subject, ox.BlankNode) or isinstance(q.object, ox.BlankNode)
        for q in (*update.quads, *update.meta)
    )


def _is_graph_query(text: str) -> bool:
    """CONSTRUCT or DESCRIBE (after the prologue), as SPARQLWrapper's parser decides."""
    from SPARQLWrapper import CONSTRUCT, DESCRIBE, SPARQLWrapper

    probe = SPARQLWrapper("http://localhost/")
    probe.setQuery(text)
    return probe.queryType in (CONSTRUCT, DESCRIBE)


def _rows_to_quads(rows: Sequence[Sequence[Term | None]]) -> Iterator[ox.Quad]:
    for g, s, p, o in rows:
        if not isinstance(s, (ox.NamedNode, ox.BlankNode)) or o is None:
            continue
        if isinstance(g, ox.NamedNode) and isinstance(p, ox.NamedNode):
            yield ox.Quad(s, p, o, g)


def _iri(term: Term | None) -> str:
    return term.value if isinstance(term, ox.NamedNode) else ""
