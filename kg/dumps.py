"""RDF dumps of the whole dataset or of a selection, in kg's vocabulary or a profile.

What a selection dumps
    A dump of a selection (``--document``, or the timeline filters: persons,
    places, dates …) holds the named graphs of the matching documents whole,
    because a graph is the unit of provenance ("according to which
    document").  To make those graphs understandable on their own it adds,
    from the shared graphs, only what they refer to:

    * ``graph/meta``: the provenance of each selected graph;
    * ``graph/authority`` and ``graph/ontology``: the description of every IRI
      the selected graphs mention (persons, organizations, places, topics,
      roles, document types …), the nodes nested under such an IRI
      (``person/x/position/1``) and the concept schemes of those concepts.

    Without selection options the dump holds every named graph.  Documents
    given with ``--document`` and filters must both hold.

Formats
    TriG and N-Quads keep the named graphs.  Turtle, N-Triples, JSON-LD and
    RDF/XML hold triples only, so the graphs are merged (a statement made by
    several documents appears once).  Every format is written in a fixed
    order (:mod:`kg.dump_writers`), so the same store gives the same bytes.

Profiles
    ``sem``, ``crm`` and ``schema`` map the events to the Simple Event Model,
    CIDOC-CRM or schema.org with the CONSTRUCT queries in
    ``queries/profiles/`` (:mod:`kg.profiles`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import IO

import pyoxigraph as ox

from kg import dump_writers as w
from kg.backend import GraphStore
from kg.errors import UsageError
from kg.ids import Iris
from kg.namespaces import DEFAULT_BASE_IRI, PREFIXES
from kg.profiles import PROFILES, profile_triples
from kg.sparql import values_block
from kg.timeline import TimelineFilter, select_timeline

#: Dump formats, their media types and file name extensions.
DUMP_FORMATS: dict[str, tuple[str, str]] = {
    "ttl": ("text/turtle", ".ttl"),
    "trig": ("application/trig", ".trig"),
    "nq": ("application/n-quads", ".nq"),
    "nt": ("application/n-triples", ".nt"),
    "jsonld": ("application/ld+json", ".jsonld"),
    "rdfxml": ("application/rdf+xml", ".rdf"),
}
#: Formats that keep the named graphs; the others merge them.
QUAD_FORMATS = ("trig", "nq")

#: Called with (graphs done, graphs in all) while a dump is written.
Progress = Callable[[int, int], None]

_SHARED = ("authority", "ontology", "meta")
_SKOS_IN_SCHEME = ox.NamedNode(PREFIXES["skos"] + "inScheme")

_EVENT_GRAPHS = """PREFIX dip: <https://w3id.org/dipkg/ontology#>
SELECT DISTINCT ?g WHERE { #VALUES
  GRAPH ?g { ?event dip:eventType ?type } }"""

_DOCUMENT_GRAPHS = """PREFIX dip: <https://w3id.org/dipkg/ontology#>
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT DISTINCT ?g WHERE { GRAPH ?g { ?doc dcterms:title ?title } }"""


@dataclass(frozen=True)
class DumpSummary:
    """What a dump holds: ``statements`` are quads (TriG, N-Quads) or distinct triples."""

    format: str
    profile: str
    statements: int
    graphs: tuple[str, ...]  # the named graphs the dump was drawn from, sorted
    merged: bool  # True when the graphs were merged into one (triple formats)


@dataclass(frozen=True)
class GraphSelection:
    """Named graphs dumped whole, and shared graphs of which only a part is dumped."""

    whole: tuple[str, ...]
    partial: tuple[str, ...] = ()
    everything: bool = False  # the whole dataset, not a selection

    @property
    def graphs(self) -> tuple[str, ...]:
        return tuple(sorted({*self.whole, *self.partial}))


def write_dump(
    graph: GraphStore,
    fmt: str,
    output: IO[bytes],
    *,
    selection: TimelineFilter | None = None,
    documents: Sequence[str] = (),
    profile: str = "dip",
    base_iri: str = DEFAULT_BASE_IRI,
    progress: Progress | None = None,
) -> DumpSummary:
    """Write the dataset (or a selection of it) to ``output`` as ``fmt`` in ``profile``.

    Raises :class:`UsageError` for an unknown format or profile, a document
    that is not in the store, or a selection no event matches.
    """
    if fmt not in DUMP_FORMATS:
        raise UsageError(
            f"unknown dump format {fmt!r}", hint="Use one of: " + ", ".join(DUMP_FORMATS)
        )
    if profile != "dip" and profile not in PROFILES:
        raise UsageError(f"unknown profile {profile!r}", hint="Use dip, " + ", ".join(PROFILES))
    if profile != "dip" and fmt in QUAD_FORMATS:
        raise UsageError(
            f"the {profile} profile maps the selection into one graph, which {fmt} cannot show",
            hint="Use ttl, nt, jsonld or rdfxml with --profile, or trig/nq without it.",
        )
    chosen = select_graphs(graph, selection=selection, documents=documents, base_iri=base_iri)
    merged = fmt not in QUAD_FORMATS
    parts = _graph_parts(graph, chosen, profile, progress)
    terms = w.TermWriter(base_iri)
    count = 0
    if fmt in QUAD_FORMATS:
        if fmt == "trig":
            output.write(terms.header().encode())
        for name, triples in parts:
            ordered = w.sorted_triples(triples)
            if not ordered:
                continue
            if fmt == "trig":
                count += w.write_trig_graph(name, ordered, output, terms)
            else:
                count += w.write_nquads_graph(name, ordered, output)
    else:
        merged_triples = w.sorted_triples(t for _name, triples in parts for t in triples)
        if fmt == "nt":
            count = w.write_ntriples(merged_triples, output)
        elif fmt == "ttl":
            count = w.write_turtle(merged_triples, output, terms)
        elif fmt == "jsonld":
            count = w.write_jsonld(merged_triples, output, base_iri)
        else:
            count = w.write_rdfxml(merged_triples, output)
    return DumpSummary(fmt, profile, count, chosen.graphs, merged)


def select_graphs(
    graph: GraphStore,
    *,
    selection: TimelineFilter | None = None,
    documents: Sequence[str] = (),
    base_iri: str = DEFAULT_BASE_IRI,
) -> GraphSelection:
    """The named graphs a dump of this selection holds (see the module docstring).

    ``documents`` are document IRIs, graph IRIs or ``{source}-{recordId}``
    keys.  Raises :class:`UsageError` for an unknown document.
    """
    existing = graph.named_graphs()
    filtering = selection is not None and not selection.is_empty
    if not filtering and not documents:
        return GraphSelection(tuple(existing), everything=True)
    iris = Iris(base_iri)
    shared = {iris.graph(name) for name in _SHARED}
    chosen: set[str] | None = None
    if documents:
        chosen = {_document_graph(graph, doc, iris, set(existing)) for doc in documents}
    if filtering:
        events = [entry.event for entry in select_timeline(graph, selection)]
        found = _event_graphs(graph, events) - shared
        chosen = found if chosen is None else chosen & found
    assert chosen is not None
    partial = tuple(sorted(g for g in shared if g in existing)) if chosen else ()
    return GraphSelection(tuple(sorted(chosen)), partial)


def _document_graph(graph: GraphStore, given: str, iris: Iris, existing: set[str]) -> str:
    """The graph of a document given as a document IRI, a graph IRI or a key."""
    text = given.strip()
    candidates = [text]
    for kind in ("document/", "graph/"):
        if text.startswith(iris.base + kind):
            candidates.append(iris.graph(text[len(iris.base + kind) :]))
    if "://" not in text:
        candidates.append(iris.graph(text.removeprefix("document/").removeprefix("graph/")))
    for candidate in candidates:
        if candidate in existing and not candidate.endswith(tuple(f"graph/{s}" for s in _SHARED)):
            return candidate
    if "://" in text:  # e.g. a translation: the graph that describes it
        found = graph.select(_DOCUMENT_GRAPHS, bindings={"doc": ox.NamedNode(text)})
        graphs = sorted(r[0].value for r in found.rows if isinstance(r[0], ox.NamedNode))
        graphs = [g for g in graphs if g not in {iris.graph(s) for s in _SHARED}]
        if graphs:
            return graphs[0]
    raise UsageError(
        f"no document {given!r} in the store",
        hint="Give a document IRI or its id ({source}-{recordId}, e.g. wilson-177830); "
        "'kg query documents-by-archive' lists documents.",
    )


def _event_graphs(graph: GraphStore, events: Sequence[str]) -> set[str]:
    if not events:
        return set()
    block = values_block("event", [ox.NamedNode(e) for e in events])
    rows = graph.select(_EVENT_GRAPHS.replace("#VALUES", block)).rows
    return {r[0].value for r in rows if isinstance(r[0], ox.NamedNode)}


def _graph_parts(
    graph: GraphStore, chosen: GraphSelection, profile: str, progress: Progress | None
) -> Iterator[tuple[str, Iterable[ox.Triple]]]:
    """(graph name, its triples) for each graph the dump holds, in graph order.

    A profile gives one part (its name is empty): the mapping of every
    event in the selected graphs.
    """
    if profile != "dip":
        yield "", profile_triples(graph, profile, None if chosen.everything else chosen.whole)
        return
    references: set[str] = set()
    total = len(chosen.whole)
    for done, name in enumerate(chosen.whole, start=1):
        triples = [q.triple for q in graph.quads(name)]
        if chosen.partial:
            references.update(_iris(triples))
        if progress:
            progress(done, total)
        yield name, triples
    for name in chosen.partial:
        yield name, _context(graph, name, references, set(chosen.whole))


def _iris(triples: Iterable[ox.Triple]) -> Iterator[str]:
    for t in triples:
        for term in (t.subject, t.object):
            if isinstance(term, ox.NamedNode):
                yield term.value


def _context(
    graph: GraphStore, name: str, references: set[str], whole: set[str]
) -> list[ox.Triple]:
    """The part of a shared graph that describes what the selected graphs refer to."""
    if name.endswith("graph/meta"):
        return [
            q.triple
            for q in graph.quads(name)
            if isinstance(q.subject, ox.NamedNode) and q.subject.value in whole
        ]
    by_subject: dict[str, list[ox.Triple]] = {}
    for q in graph.quads(name):
        if isinstance(q.subject, ox.NamedNode):
            by_subject.setdefault(q.subject.value, []).append(q.triple)
    wanted = {iri for iri in references if iri in by_subject}
    for iri in list(wanted):
        for t in by_subject[iri]:
            obj = t.object
            if isinstance(obj, ox.NamedNode) and (
                obj.value.startswith(iri + "/") or t.predicate == _SKOS_IN_SCHEME
            ):
                wanted.add(obj.value)
    return [t for iri in sorted(wanted) for t in by_subject.get(iri, [])]
