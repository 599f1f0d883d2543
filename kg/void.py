"""The dataset description (VoID + DCAT) of a store, kept in ``graph/meta``.

Linked-data clients read a dataset's size, vocabularies, licences, dumps
and endpoint from its VoID/DCAT description instead of crawling it.  Every
number here is counted with SPARQL from the store at the time of writing,
so the description is true for the data it sits beside.

IRIs (under the dataset base): ``{base}dataset`` is the dataset (a
``void:Dataset`` and ``dcat:Dataset``); ``{base}dataset/source/{format}`` a
subset per source format, ``{base}dataset/class/{prefix}-{name}`` and
``{base}dataset/property/{prefix}-{name}`` the class and property
partitions, ``{base}dataset/distribution/{format}`` a dump.  The statements
about these IRIs in ``graph/meta`` are the description; a new description
replaces them (:func:`store_description`) and the counts leave them out,
so describing twice gives the same result.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import pyoxigraph as ox

from kg import dump_writers as w
from kg.backend import GraphStore, open_store
from kg.dumps import DUMP_FORMATS
from kg.ids import Iris, short_hash
from kg.namespaces import DEFAULT_BASE_IRI, PREFIXES
from kg.results import plain

CC0 = "https://creativecommons.org/publicdomain/zero/1.0/"
PUBLIC_DOMAIN = "https://creativecommons.org/publicdomain/mark/1.0/"
_IANA = "https://www.iana.org/assignments/media-types/"


@dataclass(frozen=True)
class SourceLicence:
    """Title, home page, licence and rights statement of one source format."""

    title: str
    homepage: str | None
    licence: str | None
    rights: str


#: What data/*/README.md and LICENSE.md say about each source.
SOURCES: dict[str, SourceLicence] = {
    "wilson-text": SourceLicence(
        "Wilson Center Digital Archive records",
        "https://digitalarchive.wilsoncenter.org/",
        None,
        "Wilson Center Digital Archive, History and Public Policy Program: reuse is welcome for "
        "research and educational purposes, with attribution; some documents may be subject to "
        "copyright retained by the rights holders.",
    ),
    "frus-tei": SourceLicence(
        "Foreign Relations of the United States (Office of the Historian TEI)",
        "https://history.state.gov/historicaldocuments",
        PUBLIC_DOMAIN,
        "Public domain: a work of the US Government (17 U.S.C. §105).",
    ),
    "hsg-visits": SourceLicence(
        "Office of the Historian: visits by foreign leaders",
        "https://history.state.gov/departmenthistory/visits",
        CC0,
        "Public domain in the US (US Government work); CC0 1.0 waiver elsewhere.",
    ),
    "hsg-travels": SourceLicence(
        "Office of the Historian: travels of the President and the Secretary of State",
        "https://history.state.gov/departmenthistory/travels",
        CC0,
        "Public domain in the US (US Government work); CC0 1.0 waiver elsewhere.",
    ),
    "curated-yaml": SourceLicence("Curated records (YAML), written for kg", None, CC0, "CC0 1.0."),
    "curated-csv": SourceLicence("Curated records (CSV), written for kg", None, CC0, "CC0 1.0."),
    "authority-turtle": SourceLicence(
        "Authority data: persons, organizations, places, topics", None, CC0, "CC0 1.0."
    ),
    "ontology-turtle": SourceLicence(
        "The dip: vocabulary and kg's concept schemes", None, CC0, "CC0 1.0."
    ),
}

_P = """PREFIX dip: <https://w3id.org/dipkg/ontology#>
PREFIX prov: <http://www.w3.org/ns/prov#>
"""
# Counts look only into kg's own graphs ({base}graph/…, bound as ?graphs): a SPARQL server
# may hold graphs of its own (Virtuoso's system graphs) in the same dataset.
_TRIPLES = """SELECT (COUNT(*) AS ?n) WHERE {
  GRAPH ?g { ?s ?p ?o } FILTER (STRSTARTS(STR(?g), STR(?graphs))) }"""
_ENTITIES = """SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {
  GRAPH ?g { ?s ?p ?o }
  FILTER (STRSTARTS(STR(?g), STR(?graphs)) && isIRI(?s) && STRSTARTS(STR(?s), STR(?space))) }"""
_CLASSES = """SELECT ?class (COUNT(DISTINCT ?s) AS ?n) WHERE {
  GRAPH ?g { ?s a ?class } FILTER (STRSTARTS(STR(?g), STR(?graphs))) } GROUP BY ?class"""
_PROPERTIES = """SELECT ?p (COUNT(*) AS ?n) WHERE {
  GRAPH ?g { ?s ?p ?o } FILTER (STRSTARTS(STR(?g), STR(?graphs))) } GROUP BY ?p"""
_SUBSETS = (
    _P
    + """SELECT ?format (COUNT(*) AS ?n) (COUNT(DISTINCT ?s) AS ?subjects) WHERE {
  ?g dip:sourceFormat ?format . GRAPH ?g { ?s ?p ?o } } GROUP BY ?format"""
)
_MODIFIED = (
    _P + "SELECT (MAX(?t) AS ?modified) WHERE { ?g a dip:SourceGraph ; prov:generatedAtTime ?t }"
)
_EXISTS = "SELECT ?x WHERE { ?x ?p ?o } LIMIT 1"
_FIRST_CONVERSATION = (
    _P
    + """SELECT ?event ?agent WHERE { ?event a dip:Conversation ; dip:earliestDate ?d ;
  dip:participant ?agent } ORDER BY ?d ?event ?agent LIMIT 1"""
)

#: Preferred example resources (used when the store holds them).
EXAMPLES = ("person/castro-ruz-fidel", "event/wilson-a4d663e4f3")


def dataset_iri(base_iri: str = DEFAULT_BASE_IRI) -> str:
    """The IRI of the dataset.

    >>> dataset_iri()
    'https://w3id.org/dipkg/dataset'
    """
    return base_iri + "dataset"


def describe_dataset(
    graph: GraphStore,
    *,
    base_iri: str = DEFAULT_BASE_IRI,
    dumps: Sequence[tuple[str, str]] = (),
    endpoint: str | None = None,
    stored: Sequence[ox.Quad] | None = None,
) -> list[ox.Quad]:
    """The VoID/DCAT description of the store, as quads in ``{base}graph/meta``.

    ``dumps`` are ``(format, download URL)`` pairs, the format a name of
    :data:`kg.dumps.DUMP_FORMATS` (or a media type); ``endpoint`` is the
    SPARQL endpoint URL.  Both appear only when given.  ``stored`` is the
    description already in the store (read here when not given), which the
    counts leave out.
    """
    iris = Iris(base_iri)
    d = dataset_iri(iris.base)
    if stored is None:
        stored = stored_description(graph, base_iri=iris.base)
    old = [q.triple for q in stored]
    out = _Builder(ox.NamedNode(iris.graph("meta")))
    ds = ox.NamedNode(d)
    out.iri(ds, "rdf:type", "void:Dataset")
    out.iri(ds, "rdf:type", "dcat:Dataset")
    out.lit(ds, "dcterms:title", ox.Literal("kg: diplomatic conversations", language="en"))
    out.lit(
        ds,
        "dcterms:description",
        ox.Literal(
            "Diplomatic conversations and visits taken from archival records, as events with "
            "participants and roles, dates, places and topics, each tied to the document that "
            "records it. One named graph per source document.",
            language="en",
        ),
    )
    ours = {"graphs": ox.Literal(iris.graph(""))}
    triples = _count(graph, _TRIPLES, ours) - len(old)
    out.lit(ds, "void:triples", _integer(triples))
    old_subjects = {t.subject.value for t in old if isinstance(t.subject, ox.NamedNode)}
    entities = _count(graph, _ENTITIES, {**ours, "space": ox.Literal(iris.base)}) - len(
        old_subjects
    )
    out.lit(ds, "void:entities", _integer(entities))
    out.lit(ds, "void:uriSpace", ox.Literal(iris.base))
    classes = _partition(graph, _CLASSES, old, ours, by_class=True)
    properties = _partition(graph, _PROPERTIES, old, ours, by_class=False)
    out.lit(ds, "void:classes", _integer(len(classes)))
    out.lit(ds, "void:properties", _integer(len(properties)))
    for kind, counts, link, key in (
        ("class", classes, "void:class", "void:entities"),
        ("property", properties, "void:property", "void:triples"),
    ):
        for iri, n in sorted(counts.items()):
            node = ox.NamedNode(f"{d}/{kind}/{_slug(iri)}")
            out.iri(ds, f"void:{kind}Partition", node)
            out.iri(node, link, iri)
            out.lit(node, key, _integer(n))
    for namespace in _vocabularies([*classes, *properties]):
        out.iri(ds, "void:vocabulary", namespace)
    licences = _subsets(graph, out, ds, d)
    shared = {licence for licence in licences if licence is not None}
    if len(licences) == 1 and shared:
        out.iri(ds, "dcterms:license", shared.pop())
    out.lit(
        ds,
        "dcterms:rights",
        ox.Literal(
            "Each source subset (void:subset) states its own licence: kg's own data (authority "
            "data, curated records, vocabulary) is CC0 1.0; Office of the Historian and FRUS "
            "data is in the public domain; Wilson Center Digital Archive material is reused "
            "for research and education with attribution.",
            language="en",
        ),
    )
    modified = graph.select(_MODIFIED).rows
    if modified and isinstance(modified[0][0], ox.Literal):
        out.lit(ds, "dcterms:modified", modified[0][0])
    for example in _examples(graph, iris):
        out.iri(ds, "void:exampleResource", example)
    if endpoint:
        out.iri(ds, "void:sparqlEndpoint", endpoint)
    for fmt, url in dumps:
        media = DUMP_FORMATS[fmt][0] if fmt in DUMP_FORMATS else fmt
        dist = ox.NamedNode(f"{d}/distribution/{fmt if fmt in DUMP_FORMATS else _slug(fmt)}")
        out.iri(ds, "void:dataDump", url)
        out.iri(ds, "dcat:distribution", dist)
        out.iri(dist, "rdf:type", "dcat:Distribution")
        out.iri(dist, "dcat:downloadURL", url)
        out.iri(dist, "dcat:mediaType", _IANA + media)
        out.lit(dist, "dcterms:format", ox.Literal(media))
    return sorted(set(out.quads), key=lambda q: w.sort_key(q.triple))


def write_description(
    graph: GraphStore,
    fmt: str,
    output: IO[bytes],
    *,
    base_iri: str = DEFAULT_BASE_IRI,
    dumps: Sequence[tuple[str, str]] = (),
    endpoint: str | None = None,
) -> int:
    """Write the description as a triple format (ttl, nt, jsonld, rdfxml); returns triples."""
    quads = describe_dataset(graph, base_iri=base_iri, dumps=dumps, endpoint=endpoint)
    triples = w.sorted_triples(q.triple for q in quads)
    if fmt == "nt":
        return w.write_ntriples(triples, output)
    if fmt == "jsonld":
        return w.write_jsonld(triples, output, base_iri)
    if fmt == "rdfxml":
        return w.write_rdfxml(triples, output)
    return w.write_turtle(triples, output, w.TermWriter(base_iri))


def store_description(
    graph: GraphStore,
    *,
    base_iri: str = DEFAULT_BASE_IRI,
    dumps: Sequence[tuple[str, str]] = (),
    endpoint: str | None = None,
) -> int:
    """Replace the description in ``graph/meta`` with a new one; returns its quad count.

    One update removes the old description and inserts the new one; the
    provenance statements beside it in ``graph/meta`` are not touched.
    """
    old = stored_description(graph, base_iri=base_iri)
    new = describe_dataset(graph, base_iri=base_iri, dumps=dumps, endpoint=endpoint, stored=old)
    keep = set(old) & set(new)
    graph.update_quads([q for q in old if q not in keep], [q for q in new if q not in keep])
    return len(new)


_STORED = """SELECT ?s ?p ?o WHERE {
  GRAPH ?meta { ?s ?p ?o }
  FILTER (?s = ?dataset || STRSTARTS(STR(?s), CONCAT(STR(?dataset), "/")))
}"""


def stored_description(graph: GraphStore, *, base_iri: str = DEFAULT_BASE_IRI) -> list[ox.Quad]:
    """The description now in ``graph/meta`` (statements about the dataset and its parts)."""
    meta = ox.NamedNode(Iris(base_iri).graph("meta"))
    bindings = {"meta": meta, "dataset": ox.NamedNode(dataset_iri(base_iri))}
    quads = []
    for s, p, o in graph.select(_STORED, bindings=bindings).rows:
        if (
            isinstance(s, ox.NamedNode)
            and isinstance(p, ox.NamedNode)
            and isinstance(o, (ox.NamedNode, ox.Literal))
        ):
            quads.append(ox.Quad(s, p, o, meta))
    return quads


def refresh_description(
    store: str | Path | GraphStore, *, base_iri: str = DEFAULT_BASE_IRI
) -> None:
    """Store a new description in the store at ``store`` (a location or an open store).

    Called at the end of an ingest that wrote anything, so ``graph/meta``
    always describes the data beside it.
    """
    if isinstance(store, (str, Path)):
        with open_store(str(store), read_only=False) as graph:
            store_description(graph, base_iri=base_iri)
    else:
        store_description(store, base_iri=base_iri)


class _Builder:
    def __init__(self, graph: ox.NamedNode) -> None:
        self.graph = graph
        self.quads: list[ox.Quad] = []

    def iri(self, s: ox.NamedNode, p: str, o: str | ox.NamedNode) -> None:
        obj = o if isinstance(o, ox.NamedNode) else ox.NamedNode(_expand(o))
        self.quads.append(ox.Quad(s, ox.NamedNode(_expand(p)), obj, self.graph))

    def lit(self, s: ox.NamedNode, p: str, o: ox.Literal) -> None:
        self.quads.append(ox.Quad(s, ox.NamedNode(_expand(p)), o, self.graph))


def _expand(name: str) -> str:
    prefix, _, local = name.partition(":")
    return PREFIXES[prefix] + local if prefix in PREFIXES else name


def _integer(n: int) -> ox.Literal:
    return ox.Literal(str(n), datatype=ox.NamedNode(PREFIXES["xsd"] + "integer"))


def _in_description(term: object, dataset: str) -> bool:
    return isinstance(term, ox.NamedNode) and (
        term.value == dataset or term.value.startswith(dataset + "/")
    )


def _count(graph: GraphStore, query: str, bindings: dict[str, ox.Literal] | None = None) -> int:
    rows = graph.select(query, bindings=bindings).rows
    return int(plain(rows[0][0])) if rows and rows[0][0] is not None else 0


def _partition(
    graph: GraphStore,
    query: str,
    old: list[ox.Triple],
    bindings: dict[str, ox.Literal],
    *,
    by_class: bool,
) -> dict[str, int]:
    """Entities per class or statements per property, the old description left out."""
    counts = {
        plain(row[0]): int(plain(row[1]))
        for row in graph.select(query, bindings=bindings).rows
        if isinstance(row[0], ox.NamedNode) and row[1] is not None
    }
    rdf_type = PREFIXES["rdf"] + "type"
    for t in old:
        key = plain(t.object) if by_class else t.predicate.value
        if by_class and t.predicate.value != rdf_type:
            continue
        if key in counts:
            counts[key] -= 1
    return {k: n for k, n in counts.items() if n > 0}


def _slug(iri: str) -> str:
    """``dip-Conversation`` for a known namespace, else a short hash.

    >>> _slug("https://w3id.org/dipkg/ontology#Conversation"), _slug("http://x.org/a")
    ('dip-Conversation', 'iri-edf882457b')
    """
    for name, namespace in sorted(PREFIXES.items(), key=lambda kv: -len(kv[1])):
        local = iri[len(namespace) :]
        if iri.startswith(namespace) and local.replace("_", "").replace("-", "").isalnum():
            return f"{name}-{local}"
    return "iri-" + short_hash(iri)


def _vocabularies(iris: Iterable[str]) -> list[str]:
    """The namespaces of the prefix table that the classes and properties come from."""
    used = {
        namespace
        for iri in iris
        for namespace in PREFIXES.values()
        if iri.startswith(namespace) and "/" not in iri[len(namespace) :]
    }
    return sorted(used)


def _subsets(graph: GraphStore, out: _Builder, ds: ox.NamedNode, d: str) -> set[str | None]:
    """One subset per source format; returns the licences met (None: no licence IRI)."""
    licences: set[str | None] = set()
    for row in graph.select(_SUBSETS).rows:
        fmt = plain(row[0])
        source = SOURCES.get(fmt, SourceLicence(f"Records read as {fmt}", None, None, ""))
        node = ox.NamedNode(f"{d}/source/{_slug(fmt) if '/' in fmt else fmt}")
        out.iri(ds, "void:subset", node)
        out.iri(node, "rdf:type", "void:Dataset")
        out.lit(node, "dcterms:title", ox.Literal(source.title, language="en"))
        out.lit(node, "void:triples", _integer(int(plain(row[1]))))
        out.lit(node, "void:entities", _integer(int(plain(row[2]))))
        if source.homepage:
            out.iri(node, "dcterms:source", source.homepage)
        if source.licence:
            out.iri(node, "dcterms:license", source.licence)
        if source.rights:
            out.lit(node, "dcterms:rights", ox.Literal(source.rights, language="en"))
        licences.add(source.licence)
    return licences


def _examples(graph: GraphStore, iris: Iris) -> list[str]:
    found = [
        iris.base + path
        for path in EXAMPLES
        if graph.select(_EXISTS, bindings={"x": ox.NamedNode(iris.base + path)}).rows
    ]
    if found:
        return found
    rows = graph.select(_FIRST_CONVERSATION).rows
    return [plain(term) for term in rows[0] if term is not None] if rows else []
