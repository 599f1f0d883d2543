"""Model objects -> RDF quads (DESIGN A1/A2); no I/O.

Quads are built as pyoxigraph terms because the store consumes them directly
(no detour through rdflib, which costs more than the whole extraction).
Everything a document asserts goes into its own named graph
``graph/{source}-{recordId}``; its provenance goes into ``graph/meta``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import ClassVar

from pyoxigraph import Literal, NamedNode, Quad

from kg import __version__
from kg.concepts import ALL_CONCEPT_ENUMS, Concept, EventType
from kg.ids import Iris
from kg.model import AgentRef, Document, Event, PlaceRef, SourceInfo
from kg.namespaces import DIP, PREFIXES

RDF_TYPE = NamedNode(PREFIXES["rdf"] + "type")
RDFS_LABEL = NamedNode(PREFIXES["rdfs"] + "label")
XSD = PREFIXES["xsd"]
_XSD_DATE = NamedNode(XSD + "date")
_XSD_DATETIME = NamedNode(XSD + "dateTime")
_XSD_BOOLEAN = NamedNode(XSD + "boolean")
_XSD_DECIMAL = NamedNode(XSD + "decimal")
_EDTF = NamedNode(PREFIXES["edtf"] + "EDTF")


def _n(prefix: str, local: str) -> NamedNode:
    return NamedNode(PREFIXES[prefix] + local)


class V:
    """Pre-built predicate/class nodes (building NamedNodes in the hot loop costs time)."""

    dip: ClassVar[dict[str, NamedNode]] = {
        name: NamedNode(str(getattr(DIP, name))) for name in DIP.__annotations__
    }
    title = _n("dcterms", "title")
    created = _n("dcterms", "created")
    creator = _n("dcterms", "creator")
    language = _n("dcterms", "language")
    abstract = _n("dcterms", "abstract")
    identifier = _n("dcterms", "identifier")
    source = _n("dcterms", "source")
    page = _n("foaf", "page")
    translator = _n("schema", "translator")
    pref_label = _n("skos", "prefLabel")
    in_scheme = _n("skos", "inScheme")
    concept = _n("skos", "Concept")
    concept_scheme = _n("skos", "ConceptScheme")
    top_concept_of = _n("skos", "topConceptOf")
    derived_from = _n("prov", "wasDerivedFrom")
    generated_at = _n("prov", "generatedAtTime")


_LANGUAGE_CODES = {
    "english": "en",
    "russian": "ru",
    "chinese": "zh",
    "german": "de",
    "polish": "pl",
    "hungarian": "hu",
    "czech": "cs",
    "slovak": "sk",
    "romanian": "ro",
    "bulgarian": "bg",
    "serbo-croatian": "sh",
    "albanian": "sq",
    "mongolian": "mn",
    "korean": "ko",
    "vietnamese": "vi",
    "spanish": "es",
    "french": "fr",
    "portuguese": "pt",
    "italian": "it",
    "japanese": "ja",
    "arabic": "ar",
}


def language_code(name: str | None) -> str | None:
    """The ISO 639-1 code of a language name as archives write it.

    >>> language_code("Russian")
    'ru'
    >>> language_code("Klingon") is None
    True
    """
    if not name:
        return None
    return _LANGUAGE_CODES.get(name.strip().lower())


def date_literal(value: dt.date) -> Literal:
    return Literal(value.isoformat(), datatype=_XSD_DATE)


def en(text: str) -> Literal:
    return Literal(text, language="en")


class QuadBuilder:
    """Collects the quads of one named graph."""

    def __init__(self, graph: NamedNode) -> None:
        self.graph = graph
        self.quads: list[Quad] = []

    def add(self, s: NamedNode, p: NamedNode, o: NamedNode | Literal) -> None:
        self.quads.append(Quad(s, p, o, self.graph))

    def add_opt(self, s: NamedNode, p: NamedNode, o: NamedNode | Literal | None) -> None:
        if o is not None:
            self.add(s, p, o)


class DocumentRdf:
    """Turns one :class:`Document` into the quads of its graph and of ``graph/meta``."""

    def __init__(self, iris: Iris) -> None:
        self.iris = iris

    def graph_iri(self, doc: Document) -> str:
        return self.iris.graph(doc.key)

    def concept(self, value: Concept) -> NamedNode:
        return NamedNode(self.iris.concept(value.scheme(), value.value))

    def agent(self, out: QuadBuilder, ref: AgentRef) -> NamedNode:
        node = NamedNode(self.iris.agent(ref.kind, ref.slug))
        cls = V.dip["Person"] if ref.kind == "person" else V.dip["Organization"]
        out.add(node, RDF_TYPE, cls)
        if not ref.known:
            out.add(node, RDFS_LABEL, Literal(ref.label))
        return node

    def place(self, out: QuadBuilder, ref: PlaceRef) -> NamedNode:
        node = NamedNode(self.iris.place(ref.slug))
        out.add(node, RDF_TYPE, V.dip["Place"])
        if not ref.known:
            out.add(node, RDFS_LABEL, Literal(ref.label))
        return node

    def quads(self, doc: Document) -> list[Quad]:
        """All quads of the document's own named graph."""
        out = QuadBuilder(NamedNode(self.graph_iri(doc)))
        d = NamedNode(self.iris.document(doc.key))
        self._document(out, doc, d)
        for event in doc.events:
            self._event(out, doc, event, d)
        return list(dict.fromkeys(out.quads))  # an agent named twice is typed once

    def _document(self, out: QuadBuilder, doc: Document, d: NamedNode) -> None:
        dip = V.dip
        out.add(d, RDF_TYPE, dip["Document"])
        out.add(d, V.title, en(doc.title))
        out.add(d, V.identifier, Literal(doc.record_id))
        out.add(d, dip["documentType"], self.concept(doc.document_type))
        if doc.created is not None and doc.created.is_day:
            out.add(d, V.created, date_literal(doc.created.earliest))
        if doc.creator is not None:
            out.add(d, V.creator, self.agent(out, doc.creator))
        for addressee in doc.addressees:
            out.add(d, dip["addressee"], self.agent(out, addressee))
        if doc.classification is not None:
            out.add(d, dip["securityClassification"], self.concept(doc.classification))
        out.add_opt(d, dip["copyNumber"], _lit(doc.copy_number))
        out.add_opt(d, dip["registryNumber"], _lit(doc.registry_number))
        out.add_opt(d, dip["archivalReference"], _lit(doc.archival_reference))
        if doc.held_by is not None:
            out.add(d, dip["heldBy"], self.agent(out, doc.held_by))
        out.add_opt(d, dip["originalLanguage"], _lit(doc.original_language))
        code = doc.language or language_code(doc.original_language)
        out.add_opt(d, V.language, _lit(code))
        for person in doc.obtained_by:
            out.add(d, dip["obtainedBy"], self.agent(out, person))
        if doc.abstract:
            out.add(d, V.abstract, en(doc.abstract))
        if doc.url:
            out.add(d, V.page, NamedNode(doc.url))
        for ref in doc.mentions:
            node = self.place(out, ref) if isinstance(ref, PlaceRef) else self.agent(out, ref)
            out.add(d, dip["mentions"], node)
        for name in doc.unlinked_names:
            out.add(d, dip["unlinkedName"], Literal(name))
        if doc.translation_language:
            self._translation(out, doc, d)

    def _translation(self, out: QuadBuilder, doc: Document, d: NamedNode) -> None:
        lang = doc.translation_language or "en"
        t = NamedNode(self.iris.document(doc.key, lang))
        out.add(d, V.dip["hasTranslation"], t)
        out.add(t, RDF_TYPE, V.dip["Translation"])
        out.add(t, V.title, Literal(doc.title, language=lang))
        out.add(t, V.language, Literal(lang))
        for person in doc.translators:
            out.add(t, V.translator, self.agent(out, person))
        if doc.url:
            out.add(t, V.source, NamedNode(doc.url))

    def _event(self, out: QuadBuilder, doc: Document, event: Event, d: NamedNode) -> None:
        dip = V.dip
        e_iri = self.iris.event(doc.key, event.n)
        e = NamedNode(e_iri)
        out.add(e, RDF_TYPE, _event_class(event.event_type))
        out.add(e, RDFS_LABEL, en(event.label))
        out.add(e, dip["eventType"], self.concept(event.event_type))
        span = event.date
        out.add(e, dip["earliestDate"], date_literal(span.earliest))
        out.add(e, dip["latestDate"], date_literal(span.latest))
        out.add(e, dip["dateEDTF"], Literal(span.edtf, datatype=_EDTF))
        out.add(e, dip["datePrecision"], self.concept(span.precision))
        if not span.is_day:
            out.add(e, dip["dateText"], en(span.text))
        for n, part in enumerate(event.participations, start=1):
            agent = self.agent(out, part.agent)
            p = NamedNode(self.iris.participation(e_iri, n))
            out.add(e, dip["participant"], agent)
            out.add(e, dip["hasParticipation"], p)
            out.add(p, RDF_TYPE, dip["Participation"])
            out.add(p, dip["agent"], agent)
            out.add(p, dip["role"], self.concept(part.role))
            if part.position_text:
                out.add(p, dip["positionText"], en(part.position_text))
        if event.place is not None:
            out.add(e, dip["tookPlaceAt"], self.place(out, event.place))
            if event.place_derived:
                out.add(e, dip["placeDerived"], Literal("true", datatype=_XSD_BOOLEAN))
        for n, topic in enumerate(event.topics, start=1):
            t = NamedNode(self.iris.topic(topic.slug))
            a = NamedNode(self.iris.topic_assignment(e_iri, n))
            out.add(e, dip["hasTopic"], t)
            out.add(e, dip["hasTopicAssignment"], a)
            out.add(a, RDF_TYPE, dip["TopicAssignment"])
            out.add(a, dip["topic"], t)
            out.add(a, dip["confidence"], Literal(f"{topic.confidence:.2f}", datatype=_XSD_DECIMAL))
        if event.sub_event_of:
            out.add(e, dip["subEventOf"], NamedNode(self.iris.event(event.sub_event_of)))
        for other in event.mentions_events:
            out.add(e, dip["mentionsEvent"], NamedNode(self.iris.event(other)))
        for other in event.same_as:
            out.add(e, dip["sameEventAs"], NamedNode(self.iris.event(other)))
        if event.description:
            out.add(e, V.abstract, en(event.description))
        out.add(e, dip["documentedIn"], d)
        out.add(d, dip["documents"], e)

    def meta_quads(self, doc: Document, source: SourceInfo) -> list[Quad]:
        """Provenance of the document's graph, kept in ``graph/meta``."""
        return source_graph_meta(self.iris, self.graph_iri(doc), source)


def source_graph_meta(iris: Iris, graph_iri: str, source: SourceInfo) -> list[Quad]:
    out = QuadBuilder(NamedNode(iris.graph("meta")))
    g = NamedNode(graph_iri)
    out.add(g, RDF_TYPE, V.dip["SourceGraph"])
    out.add(g, V.derived_from, NamedNode(Path(source.path).resolve().as_uri()))
    stamp = source.generated_at.astimezone(dt.timezone.utc).replace(microsecond=0)
    out.add(g, V.generated_at, Literal(stamp.isoformat(), datatype=_XSD_DATETIME))
    out.add(g, V.dip["softwareVersion"], Literal(f"kg {__version__}"))
    out.add(g, V.dip["sourceChecksum"], Literal(source.checksum))
    out.add(g, V.dip["sourceFormat"], Literal(source.format))
    return out.quads


def _event_class(event_type: EventType) -> NamedNode:
    if event_type in (
        EventType.CONVERSATION,
        EventType.TELEPHONE_CONVERSATION,
        EventType.MEETING,
    ):
        return V.dip["Conversation"]
    if event_type in (EventType.VISIT, EventType.JOURNEY):
        return V.dip["Visit"]
    return V.dip["Event"]


def _lit(value: str | None) -> Literal | None:
    return Literal(value) if value else None


def concept_scheme_quads(iris: Iris) -> Iterator[Quad]:
    """The controlled vocabularies of :mod:`kg.concepts` as SKOS, in ``graph/ontology``."""
    out = QuadBuilder(NamedNode(iris.graph("ontology")))
    for enum in ALL_CONCEPT_ENUMS:
        scheme = NamedNode(iris.scheme(enum.scheme()))
        out.add(scheme, RDF_TYPE, V.concept_scheme)
        out.add(scheme, V.pref_label, en(enum.scheme().replace("-", " ") + "s"))
        for member in enum:
            c = NamedNode(iris.concept(enum.scheme(), member.value))
            out.add(c, RDF_TYPE, V.concept)
            out.add(c, V.in_scheme, scheme)
            out.add(c, V.top_concept_of, scheme)
            out.add(c, V.pref_label, en(member.label))
    yield from out.quads


def iter_all(parts: Iterable[Iterable[Quad]]) -> Iterator[Quad]:
    for part in parts:
        yield from part
