"""Copying a store to another (usually local to a remote SPARQL server): ``kg push``.

A push compares the two stores graph by graph before sending anything: a
graph whose provenance in ``graph/meta`` (``dip:sourceChecksum``) and quad
count are the same on both sides is skipped, so a re-run only sends what is
missing or different.  Graphs are sent in batches through
:meth:`GraphStore.replace_graphs`, which replaces whole graphs per request:
when the target fails in the middle (server killed, 5xx, timeout) every
graph is either old or new there, the report lists the graphs pushed and
those not pushed, and running the push again completes the job.

The quads of ``graph/meta`` that describe a graph travel with that graph;
the rest of ``graph/meta`` (a dataset description) is pushed last.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

import pyoxigraph as ox

from kg.backend import GraphStore
from kg.errors import KgError, UsageError
from kg.store import GraphUpdate

#: Called after each batch with (graphs done, graphs to push, quads sent so far).
PushProgress = Callable[[int, int, int], None]

DEFAULT_BATCH_QUADS = 20000

_STATE = """
PREFIX dip: <https://w3id.org/dipkg/ontology#>
SELECT ?g ?checksum WHERE { ?g a dip:SourceGraph . OPTIONAL { ?g dip:sourceChecksum ?checksum } }
"""
_META_GRAPH = """
PREFIX dip: <https://w3id.org/dipkg/ontology#>
SELECT DISTINCT ?meta WHERE { GRAPH ?meta { ?g a dip:SourceGraph } }
"""


@dataclass
class PushReport:
    """What a push did: graphs pushed, skipped (already equal), and not pushed."""

    pushed: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    quads: int = 0
    seconds: float = 0.0
    error: KgError | None = None

    @property
    def complete(self) -> bool:
        return not self.failed and self.error is None

    @property
    def rate(self) -> float:
        return self.quads / self.seconds if self.seconds > 0 else 0.0


@dataclass(frozen=True)
class GraphState:
    checksum: str | None
    size: int


def push(
    source: GraphStore,
    target: GraphStore,
    *,
    documents: Sequence[str] = (),
    batch_quads: int = DEFAULT_BATCH_QUADS,
    progress: PushProgress | None = None,
) -> PushReport:
    """Copy the graphs of ``source`` (all, or those of ``documents``) to ``target``.

    ``documents`` are graph IRIs, document IRIs or record keys
    (``wilson-177830``).  A failure of the target does not raise: it ends
    the push, and the report says which graphs were not pushed
    (``report.error`` is the cause).  Raises :class:`kg.errors.UsageError`
    for a document the source does not hold.
    """
    started = time.perf_counter()
    report = PushReport()
    meta_graph = _meta_graph(source)
    local = _states(source, meta_graph)
    chosen = select_graphs(sorted(local), documents) if documents else sorted(local)
    remote = _states(target, meta_graph)
    todo = [g for g in chosen if remote.get(g) != local[g] or local[g].checksum is None]
    report.skipped = [g for g in chosen if g not in set(todo)]
    meta = _meta_by_subject(source, meta_graph)
    done = 0
    batch: list[GraphUpdate] = []
    size = 0
    for graph in todo:
        quads = list(source.quads(graph))
        batch.append(GraphUpdate(graph, quads, meta.pop(graph, [])))
        size += len(quads)
        if size >= batch_quads:
            if not _send(target, batch, report, todo):
                break
            done += len(batch)
            batch, size = [], 0
            if progress:
                progress(done, len(todo), report.quads)
    else:
        if batch and _send(target, batch, report, todo):
            done += len(batch)
            if progress:
                progress(done, len(todo), report.quads)
    if report.complete and meta_graph and not documents:
        _push_description(target, meta_graph, [q for qs in meta.values() for q in qs], report)
    report.seconds = time.perf_counter() - started
    return report


def select_graphs(graphs: Iterable[str], documents: Sequence[str]) -> list[str]:
    """The graphs named by ``documents`` (graph IRI, document IRI or record key).

    >>> g = ["https://w3id.org/dipkg/graph/wilson-1", "https://w3id.org/dipkg/graph/frus-2"]
    >>> select_graphs(g, ["wilson-1", "https://w3id.org/dipkg/document/frus-2"])
    ['https://w3id.org/dipkg/graph/wilson-1', 'https://w3id.org/dipkg/graph/frus-2']
    """
    known = list(graphs)
    chosen: list[str] = []
    for wanted in documents:
        key = wanted.rstrip("/").rsplit("/", 1)[-1]
        match = [g for g in known if g == wanted or g.endswith("/graph/" + key)]
        if not match:
            raise UsageError(
                f"the source store has no graph for {wanted!r}",
                hint="Give a graph IRI, a document IRI or a record key such as wilson-177830.",
            )
        chosen.extend(m for m in match if m not in chosen)
    return chosen


def _send(
    target: GraphStore, batch: list[GraphUpdate], report: PushReport, todo: Sequence[str]
) -> bool:
    try:
        target.replace_graphs(batch)
    except KgError as error:
        report.error = error
        report.failed = list(todo[len(report.pushed) :])
        return False
    report.pushed.extend(u.graph for u in batch)
    report.quads += sum(len(u.quads) + len(u.meta) for u in batch)
    return True


def _meta_graph(store: GraphStore) -> str | None:
    rows = store.select(_META_GRAPH).rows
    names = sorted(r[0].value for r in rows if isinstance(r[0], ox.NamedNode))
    return names[0] if names else None


def _states(store: GraphStore, meta_graph: str | None) -> dict[str, GraphState]:
    """Every named graph but ``graph/meta``, with its checksum and size."""
    sizes = _sizes(store)
    checksums: dict[str, str] = {}
    for g, checksum in store.select(_STATE).rows:
        if isinstance(g, ox.NamedNode) and isinstance(checksum, ox.Literal):
            checksums[g.value] = checksum.value
    return {
        g: GraphState(checksums.get(g), n) for g, n in sizes.items() if g != meta_graph and n > 0
    }


def _sizes(store: GraphStore) -> dict[str, int]:
    sizes = getattr(store, "graph_sizes", None)
    if callable(sizes):
        found: dict[str, int] = sizes()
        return found
    result = store.select("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
    return {
        g.value: int(n.value)
        for g, n in result.rows
        if isinstance(g, ox.NamedNode) and isinstance(n, ox.Literal)
    }


def _meta_by_subject(store: GraphStore, meta_graph: str | None) -> dict[str, list[ox.Quad]]:
    by_subject: dict[str, list[ox.Quad]] = defaultdict(list)
    if meta_graph is None:
        return by_subject
    for quad in store.quads(meta_graph):
        key = quad.subject.value if isinstance(quad.subject, ox.NamedNode) else ""
        by_subject[key].append(quad)
    return by_subject


def _push_description(
    target: GraphStore, meta_graph: str, quads: list[ox.Quad], report: PushReport
) -> None:
    """The rest of ``graph/meta`` (not any graph's provenance): sent when it differs."""
    if not quads:
        return
    graph = ox.NamedNode(meta_graph)
    subjects = {q.subject for q in quads}
    theirs = {
        q for q in target.quads(meta_graph) if q.subject in subjects and q.graph_name == graph
    }
    if theirs == set(quads):
        return
    remove = [ox.Quad(q.subject, q.predicate, q.object, graph) for q in theirs]
    try:
        target.update_quads(remove, quads)
    except KgError as error:
        report.error = error
