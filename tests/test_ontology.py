"""The ontology files agree with the code: ``ontology/dip.ttl`` declares exactly the terms of
``kg.namespaces.DIP`` (with the alignments of DESIGN A2), everything kg uses is declared,
``ontology/shapes.ttl`` reports the violations DESIGN A2 asks for, and
``ontology/context.jsonld`` compacts and round-trips kg data."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from pyshacl import validate
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCTERMS, FOAF, OWL, PROV, RDF, RDFS, SH, SKOS, VOID, XSD

from kg.namespaces import CRM, DIP, DIP_IRI, EDTF, PREFIXES, RICO, SCHEMA, SEM

ROOT = Path(__file__).parents[1]
ONTOLOGY_DIR = ROOT / "ontology"
ONTOLOGY_IRI = URIRef("https://w3id.org/dipkg/ontology")
BASE = Namespace("https://w3id.org/dipkg/")
WDT = Namespace("http://www.wikidata.org/prop/direct/")
VANN = Namespace("http://purl.org/vocab/vann/")
CC0 = URIRef("https://creativecommons.org/publicdomain/zero/1.0/")

#: Every term of the closed namespace, by local name.
DIP_TERMS = sorted(name for name in DIP.__annotations__ if not name.startswith("_"))
TERM_KINDS = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ONTOLOGY_DIR / "dip.ttl", format="turtle")


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(ONTOLOGY_DIR / "shapes.ttl", format="turtle")


@pytest.fixture(scope="module")
def context() -> dict[str, object]:
    document = json.loads((ONTOLOGY_DIR / "context.jsonld").read_text(encoding="utf-8"))
    assert set(document) == {"@context"}
    assert isinstance(document["@context"], dict)
    return document["@context"]


def dip(name: str) -> URIRef:
    return URIRef(DIP_IRI + name)


# --------------------------------------------------------------------------------------------
# dip.ttl
# --------------------------------------------------------------------------------------------


def test_ontology_header(ontology: Graph) -> None:
    assert (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in ontology
    assert ontology.value(ONTOLOGY_IRI, DCTERMS.title) is not None
    assert ontology.value(ONTOLOGY_IRI, DCTERMS.description) is not None
    assert ontology.value(ONTOLOGY_IRI, DCTERMS.license) == CC0
    assert ontology.value(ONTOLOGY_IRI, OWL.versionInfo) == Literal("0.1.0")
    assert ontology.value(ONTOLOGY_IRI, VANN.preferredNamespacePrefix) == Literal("dip")


@pytest.mark.parametrize("name", DIP_TERMS)
def test_every_namespace_term_is_declared(ontology: Graph, name: str) -> None:
    term = dip(name)
    kinds = [kind for kind in TERM_KINDS if (term, RDF.type, kind) in ontology]
    assert len(kinds) == 1, f"dip:{name} needs exactly one of {TERM_KINDS}, has {kinds}"
    for annotation in (RDFS.label, RDFS.comment):
        values = list(ontology.objects(term, annotation))
        assert values, f"dip:{name} has no {annotation}"
        assert all(isinstance(v, Literal) and v.language == "en" for v in values)
    assert ontology.value(term, RDFS.isDefinedBy) == ONTOLOGY_IRI
    # Classes are capitalised, properties are not (the JSON-LD terms rely on it).
    assert (kinds[0] == OWL.Class) == name[0].isupper()


def test_ontology_declares_nothing_outside_the_namespace(ontology: Graph) -> None:
    used = {
        str(node)[len(DIP_IRI) :]
        for triple in ontology
        for node in triple
        if isinstance(node, URIRef) and str(node).startswith(DIP_IRI)
    }
    assert used - set(DIP_TERMS) == set()
    declared = {
        str(s)[len(DIP_IRI) :]
        for kind in TERM_KINDS
        for s in ontology.subjects(RDF.type, kind)
        if str(s).startswith(DIP_IRI)
    }
    assert declared == set(DIP_TERMS)


ALIGNMENTS = [
    (DIP.Event, RDFS.subClassOf, SEM.Event),
    (DIP.Event, RDFS.subClassOf, CRM.E7_Activity),
    (DIP.Event, RDFS.subClassOf, SCHEMA.Event),
    (DIP.Conversation, RDFS.subClassOf, DIP.Event),
    (DIP.Visit, RDFS.subClassOf, DIP.Event),
    (DIP.Participation, RDFS.subClassOf, SEM.Role),
    (DIP.Agent, RDFS.subClassOf, FOAF.Agent),
    (DIP.Agent, RDFS.subClassOf, PROV.Agent),
    (DIP.Person, RDFS.subClassOf, DIP.Agent),
    (DIP.Person, RDFS.subClassOf, FOAF.Person),
    (DIP.Person, RDFS.subClassOf, SCHEMA.Person),
    (DIP.Person, RDFS.subClassOf, CRM.E21_Person),
    (DIP.Organization, RDFS.subClassOf, DIP.Agent),
    (DIP.Organization, RDFS.subClassOf, FOAF.Organization),
    (DIP.Organization, RDFS.subClassOf, SCHEMA.Organization),
    (DIP.Organization, RDFS.subClassOf, CRM.E74_Group),
    (DIP.Place, RDFS.subClassOf, SEM.Place),
    (DIP.Place, RDFS.subClassOf, SCHEMA.Place),
    (DIP.Place, RDFS.subClassOf, CRM.E53_Place),
    (DIP.Document, RDFS.subClassOf, RICO.Record),
    (DIP.Document, RDFS.subClassOf, CRM.E31_Document),
    (DIP.Document, RDFS.subClassOf, PROV.Entity),
    (DIP.Translation, RDFS.subClassOf, DIP.Document),
    (DIP.SourceGraph, RDFS.subClassOf, PROV.Entity),
    (DIP.SourceGraph, RDFS.subClassOf, VOID.Dataset),
    (DIP.participant, RDFS.subPropertyOf, SEM.hasActor),
    (DIP.participant, RDFS.subPropertyOf, CRM.P11_had_participant),
    (DIP.participant, SKOS.closeMatch, WDT.P710),
    (DIP.tookPlaceAt, RDFS.subPropertyOf, SEM.hasPlace),
    (DIP.tookPlaceAt, RDFS.subPropertyOf, CRM.P7_took_place_at),
    (DIP.tookPlaceAt, RDFS.subPropertyOf, SCHEMA.location),
    (DIP.tookPlaceAt, SKOS.closeMatch, WDT.P276),
    (DIP.hasTopic, RDFS.subPropertyOf, DCTERMS.subject),
    (DIP.documentedIn, OWL.inverseOf, DIP.documents),
    (DIP.mentions, RDFS.subPropertyOf, SCHEMA.mentions),
    (DIP.earliestDate, SKOS.closeMatch, CRM.P82a_begin_of_the_begin),
    (DIP.latestDate, SKOS.closeMatch, CRM.P82b_end_of_the_end),
    (DIP.heldBy, RDFS.subPropertyOf, RICO.hasOrHadHolder),
]


@pytest.mark.parametrize(
    "triple", ALIGNMENTS, ids=[f"{t[0].fragment}-{t[2].n3()}" for t in ALIGNMENTS]
)
def test_alignments_of_design_a2(ontology: Graph, triple: tuple[URIRef, URIRef, URIRef]) -> None:
    assert triple in ontology


def test_no_equivalence_to_wikidata_properties(ontology: Graph) -> None:
    assert not [
        o for o in ontology.objects(None, OWL.equivalentProperty) if str(o).startswith(str(WDT))
    ]


CONCEPT = SKOS.Concept
RANGES = {
    "participant": DIP.Agent,
    "agent": DIP.Agent,
    "addressee": DIP.Agent,
    "obtainedBy": DIP.Agent,
    "tookPlaceAt": DIP.Place,
    "country": DIP.Place,
    "hasParticipation": DIP.Participation,
    "hasTopicAssignment": DIP.TopicAssignment,
    "heldPosition": DIP.Position,
    "documentedIn": DIP.Document,
    "documents": DIP.Event,
    "subEventOf": DIP.Event,
    "mentionsEvent": DIP.Event,
    "hasTranslation": DIP.Translation,
    "role": CONCEPT,
    "eventType": CONCEPT,
    "documentType": CONCEPT,
    "securityClassification": CONCEPT,
    "datePrecision": CONCEPT,
    "topic": CONCEPT,
    "hasTopic": CONCEPT,
    "earliestDate": XSD.date,
    "latestDate": XSD.date,
    "dateEDTF": EDTF.EDTF,
    "dateText": RDF.langString,
    "positionText": RDF.langString,
    "confidence": XSD.decimal,
    "placeDerived": XSD.boolean,
    "registryNumber": XSD.string,
    "copyNumber": XSD.string,
    "originalLanguage": XSD.string,
    "sourceChecksum": XSD.string,
}


@pytest.mark.parametrize(("name", "expected"), sorted(RANGES.items()))
def test_ranges(ontology: Graph, name: str, expected: URIRef) -> None:
    assert list(ontology.objects(dip(name), RDFS.range)) == [expected]


@pytest.mark.parametrize("name", ["softwareVersion", "sourceChecksum", "sourceFormat"])
def test_provenance_properties_describe_source_graphs(ontology: Graph, name: str) -> None:
    assert ontology.value(dip(name), RDFS.domain) == DIP.SourceGraph


def test_property_kinds_match_their_ranges(ontology: Graph) -> None:
    literal_ranges = {RDFS.Literal, RDF.langString, EDTF.EDTF}
    for prop in ontology.subjects(RDF.type, OWL.DatatypeProperty):
        for rng in ontology.objects(prop, RDFS.range):
            assert rng in literal_ranges or str(rng).startswith(str(XSD)), (prop, rng)
    for prop in ontology.subjects(RDF.type, OWL.ObjectProperty):
        for rng in ontology.objects(prop, RDFS.range):
            assert rng not in literal_ranges, (prop, rng)
            assert not str(rng).startswith(str(XSD)), (prop, rng)


# --------------------------------------------------------------------------------------------
# Everything kg uses is declared
# --------------------------------------------------------------------------------------------

PY_ATTRIBUTE = re.compile(r"\bDIP\.([A-Za-z]\w*)")
PY_LOOKUP = re.compile(r"\bdip\[\s*[\"']([A-Za-z]\w*)[\"']\s*\]")
CURIE = re.compile(r"(?<![\w-])dip:([A-Za-z_]\w*)")


def used_terms() -> dict[str, set[str]]:
    """Local names of dip: terms used anywhere, mapped to the files using them."""
    uses: dict[str, set[str]] = {}

    def record(path: Path, names: list[str]) -> None:
        for name in names:
            uses.setdefault(name, set()).add(str(path.relative_to(ROOT)))

    for path in sorted((ROOT / "kg").rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        record(path, PY_ATTRIBUTE.findall(text) + PY_LOOKUP.findall(text) + CURIE.findall(text))
    queries = ROOT / "queries"
    rq_files = sorted(queries.glob("*.rq")) if queries.is_dir() else []
    for path in [*rq_files, *sorted(ONTOLOGY_DIR.glob("*.ttl"))]:
        record(path, CURIE.findall(path.read_text(encoding="utf-8")))
    return uses


def test_code_queries_and_shapes_use_only_declared_terms() -> None:
    uses = used_terms()
    assert "earliestDate" in uses, "the scan found nothing: are the paths right?"
    undeclared = {name: files for name, files in uses.items() if name not in DIP_TERMS}
    assert undeclared == {}


# --------------------------------------------------------------------------------------------
# shapes.ttl
# --------------------------------------------------------------------------------------------

PREFIX_BLOCK = "\n".join(f"@prefix {p}: <{iri}> ." for p, iri in PREFIXES.items())

CONFORMING = """
@base <https://w3id.org/dipkg/> .

<event/wilson-1> a dip:Conversation ;
    rdfs:label "Conversation between S. M. Kudryavtsev and Fidel Castro, 19 May 1961"@en ;
    dip:earliestDate "1961-05-19"^^xsd:date ;
    dip:latestDate "1961-05-19"^^xsd:date ;
    dip:dateEDTF "1961-05-19"^^edtf:EDTF ;
    dip:participant <person/kudryavtsev-s-m>, <person/castro-ruz-fidel> ;
    dip:hasParticipation <event/wilson-1/participation/1>, <event/wilson-1/participation/2> ;
    dip:hasTopicAssignment <event/wilson-1/topic/1> ;
    dip:documentedIn <document/wilson-1> .

<event/wilson-1/participation/1> a dip:Participation ;
    dip:agent <person/kudryavtsev-s-m> ;
    dip:role <topic/role/reporter> .

<event/wilson-1/participation/2> a dip:Participation ;
    dip:agent <person/castro-ruz-fidel> ;
    dip:role <topic/role/interlocutor> ;
    dip:positionText "Prime Minister of the Republic of Cuba"@en .

<event/wilson-1/topic/1> a dip:TopicAssignment ;
    dip:topic <topic/cuba> ;
    dip:confidence 0.80 .

<document/wilson-1> a dip:Document ;
    dcterms:title "Record of a Conversation with Fidel Castro Ruz, 19 May 1961"@en ;
    dcterms:created "1961-06-09"^^xsd:date ;
    dip:registryNumber "Nº 179" ;
    dip:copyNumber "2" .

<person/castro-ruz-fidel> a dip:Person ;
    skos:prefLabel "Fidel Castro Ruz"@en ;
    owl:sameAs wd:Q11256 .

<topic/role/reporter> a skos:Concept ;
    skos:inScheme <topic/role> ;
    skos:prefLabel "reporter"@en .

<topic/role/interlocutor> a skos:Concept ;
    skos:inScheme <topic/role> ;
    skos:prefLabel "interlocutor"@en .

<topic/cuba> a skos:Concept ;
    skos:inScheme <topic/thesaurus> ;
    skos:prefLabel "Cuba"@en .

<graph/wilson-1> a dip:SourceGraph ;
    prov:wasDerivedFrom <file:///data/wilson/177830.txt> ;
    prov:generatedAtTime "2024-05-01T12:00:00+00:00"^^xsd:dateTime .
"""

# Dates in the wrong order and a single participant.
NON_CONFORMING = """
<event/wilson-2> a dip:Conversation ;
    rdfs:label "Conversation with Fidel Castro, June 1961"@en ;
    dip:earliestDate "1961-06-10"^^xsd:date ;
    dip:latestDate "1961-06-01"^^xsd:date ;
    dip:participant <person/castro-ruz-fidel> ;
    dip:documentedIn <document/wilson-1> .
"""


def data_graph(*parts: str) -> Graph:
    return Graph().parse(data="\n".join([PREFIX_BLOCK, *parts]), format="turtle")


Violation = tuple[URIRef, URIRef | None, URIRef]


def violations(shapes: Graph, data: Graph) -> tuple[bool, set[Violation]]:
    conforms, report, _ = validate(data, shacl_graph=shapes, inference="none")
    assert isinstance(report, Graph)
    found = set()
    for result in report.subjects(RDF.type, SH.ValidationResult):
        assert report.value(result, SH.resultSeverity) == SH.Violation
        assert report.value(result, SH.resultMessage) is not None
        found.add(
            (
                report.value(result, SH.focusNode),
                report.value(result, SH.resultPath),
                report.value(result, SH.sourceConstraintComponent),
            )
        )
    return bool(conforms), found


def test_shapes_graph_is_valid_shacl(shapes: Graph) -> None:
    conforms, _, text = validate(Graph(), shacl_graph=shapes, meta_shacl=True)
    assert conforms, text


def test_every_shape_is_named_and_has_a_message(shapes: Graph) -> None:
    all_shapes = set(shapes.subjects(RDF.type, SH.NodeShape)) | set(
        shapes.subjects(RDF.type, SH.PropertyShape)
    )
    assert len(all_shapes) > 10
    for shape in all_shapes:
        assert str(shape).startswith("https://w3id.org/dipkg/shapes#"), shape
        for annotation in (SH.name, SH.message):
            value = shapes.value(shape, annotation)
            assert isinstance(value, Literal), (shape, annotation)
            assert value.language == "en"
    referenced = set(shapes.objects(None, SH.property))
    assert referenced == set(shapes.subjects(RDF.type, SH.PropertyShape))


def test_conforming_data_conforms(shapes: Graph) -> None:
    assert violations(shapes, data_graph(CONFORMING)) == (True, set())


@pytest.mark.parametrize("with_ontology", [False, True], ids=["data-only", "with-ontology"])
def test_non_conforming_conversation(shapes: Graph, ontology: Graph, with_ontology: bool) -> None:
    data = data_graph(CONFORMING, NON_CONFORMING)
    if with_ontology:  # as in a store, where the union graph includes graph/ontology
        data += ontology
    conforms, found = violations(shapes, data)
    assert not conforms
    assert found == {
        (BASE["event/wilson-2"], DIP.earliestDate, SH.LessThanOrEqualsConstraintComponent),
        (BASE["event/wilson-2"], DIP.participant, SH.MinCountConstraintComponent),
    }


def test_ontology_itself_conforms(shapes: Graph, ontology: Graph) -> None:
    assert violations(shapes, ontology) == (True, set())


EVENT = BASE["event/wilson-1"]
PARTICIPATION = BASE["event/wilson-1/participation/1"]
DOCUMENT = BASE["document/wilson-1"]
PERSON = BASE["person/castro-ruz-fidel"]
CUBA = BASE["topic/cuba"]
ASSIGNMENT = BASE["event/wilson-1/topic/1"]
SOURCE_GRAPH = BASE["graph/wilson-1"]


def drop(s: URIRef, p: URIRef) -> Callable[[Graph], None]:
    return lambda g: g.remove((s, p, None))


def add(s: URIRef, p: URIRef, o: URIRef | Literal | BNode) -> Callable[[Graph], None]:
    return lambda g: g.add((s, p, o))


def replace(s: URIRef, p: URIRef, o: URIRef | Literal) -> Callable[[Graph], None]:
    return lambda g: g.set((s, p, o))


DAY = XSD.date
MUTATIONS = {
    "event-without-label": (
        drop(EVENT, RDFS.label),
        EVENT,
        RDFS.label,
        SH.MinCountConstraintComponent,
    ),
    "two-earliest-dates": (
        add(EVENT, DIP.earliestDate, Literal("1961-05-18", datatype=DAY)),
        EVENT,
        DIP.earliestDate,
        SH.MaxCountConstraintComponent,
    ),
    "no-latest-date": (
        drop(EVENT, DIP.latestDate),
        EVENT,
        DIP.latestDate,
        SH.MinCountConstraintComponent,
    ),
    "earliest-date-as-text": (
        replace(EVENT, DIP.earliestDate, Literal("19 May 1961")),
        EVENT,
        DIP.earliestDate,
        # a text cannot be compared with the latest date either
        (SH.DatatypeConstraintComponent, SH.LessThanOrEqualsConstraintComponent),
    ),
    "latest-date-as-datetime": (
        replace(EVENT, DIP.latestDate, Literal("1961-05-19T00:00:00", datatype=XSD.dateTime)),
        EVENT,
        DIP.latestDate,
        SH.DatatypeConstraintComponent,
    ),
    "participant-blank-node": (
        add(EVENT, DIP.participant, BNode("x")),
        EVENT,
        DIP.participant,
        SH.NodeKindConstraintComponent,
    ),
    "conversation-without-document": (
        drop(EVENT, DIP.documentedIn),
        EVENT,
        DIP.documentedIn,
        SH.MinCountConstraintComponent,
    ),
    "participation-with-two-agents": (
        add(PARTICIPATION, DIP.agent, PERSON),
        PARTICIPATION,
        DIP.agent,
        SH.MaxCountConstraintComponent,
    ),
    "participation-without-role": (
        drop(PARTICIPATION, DIP.role),
        PARTICIPATION,
        DIP.role,
        SH.MinCountConstraintComponent,
    ),
    "role-not-a-concept": (
        replace(PARTICIPATION, DIP.role, BASE["role/reporter"]),
        PARTICIPATION,
        DIP.role,
        SH.ClassConstraintComponent,
    ),
    "document-without-title": (
        drop(DOCUMENT, DCTERMS.title),
        DOCUMENT,
        DCTERMS.title,
        SH.MinCountConstraintComponent,
    ),
    "document-created-as-text": (
        replace(DOCUMENT, DCTERMS.created, Literal("9 June 1961")),
        DOCUMENT,
        DCTERMS.created,
        SH.DatatypeConstraintComponent,
    ),
    "same-as-not-wikidata": (
        replace(PERSON, OWL.sameAs, URIRef("http://dbpedia.org/resource/Fidel_Castro")),
        PERSON,
        OWL.sameAs,
        SH.PatternConstraintComponent,
    ),
    "concept-without-scheme": (
        drop(CUBA, SKOS.inScheme),
        CUBA,
        SKOS.inScheme,
        SH.MinCountConstraintComponent,
    ),
    "concept-without-label": (
        drop(CUBA, SKOS.prefLabel),
        CUBA,
        SKOS.prefLabel,
        SH.MinCountConstraintComponent,
    ),
    "confidence-above-one": (
        replace(ASSIGNMENT, DIP.confidence, Literal("1.5", datatype=XSD.decimal)),
        ASSIGNMENT,
        DIP.confidence,
        SH.MaxInclusiveConstraintComponent,
    ),
    "source-graph-without-origin": (
        drop(SOURCE_GRAPH, PROV.wasDerivedFrom),
        SOURCE_GRAPH,
        PROV.wasDerivedFrom,
        SH.MinCountConstraintComponent,
    ),
    "source-graph-without-time": (
        drop(SOURCE_GRAPH, PROV.generatedAtTime),
        SOURCE_GRAPH,
        PROV.generatedAtTime,
        SH.MinCountConstraintComponent,
    ),
}


@pytest.mark.parametrize(
    ("mutate", "focus", "path", "constraint"), MUTATIONS.values(), ids=MUTATIONS.keys()
)
def test_each_rule_reports_its_violation(
    shapes: Graph,
    mutate: Callable[[Graph], None],
    focus: URIRef,
    path: URIRef,
    constraint: URIRef | tuple[URIRef, ...],
) -> None:
    data = data_graph(CONFORMING)
    mutate(data)
    components = constraint if isinstance(constraint, tuple) else (constraint,)
    assert violations(shapes, data) == (False, {(focus, path, c) for c in components})


# --------------------------------------------------------------------------------------------
# context.jsonld
# --------------------------------------------------------------------------------------------


def expand(context: dict[str, object], value: str) -> str:
    prefix, _, local = value.partition(":")
    namespace = context.get(prefix)
    return namespace + local if isinstance(namespace, str) and local else value


def test_context_declares_the_prefix_table(context: dict[str, object]) -> None:
    assert context["@version"] == 1.1
    for prefix, iri in PREFIXES.items():
        assert context[prefix] == iri


@pytest.mark.parametrize("name", DIP_TERMS)
def test_context_has_a_term_for_every_dip_term(
    context: dict[str, object], ontology: Graph, name: str
) -> None:
    definition = context[name]
    if isinstance(definition, str):
        definition = {"@id": definition}
    assert isinstance(definition, dict)
    assert expand(context, definition["@id"]) == DIP_IRI + name
    term = dip(name)
    if (term, RDF.type, OWL.ObjectProperty) in ontology:
        assert definition.get("@type") == "@id"
    elif (term, RDF.type, OWL.DatatypeProperty) in ontology:
        rng = ontology.value(term, RDFS.range)
        typed = rng not in (XSD.string, RDF.langString)
        expected = str(rng) if typed else None
        coerced = definition.get("@type")
        assert (expand(context, coerced) if coerced else None) == expected
    else:
        assert "@type" not in definition


@pytest.mark.parametrize("term", ["label", "prefLabel", "altLabel", "title", "created"])
def test_context_has_common_terms(context: dict[str, object], term: str) -> None:
    assert term in context


@pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")
def test_context_round_trips_a_graph(context: dict[str, object]) -> None:
    graph = data_graph(
        CONFORMING,
        """
        <event/wilson-1> dip:dateText "19 May 1961"@en ; dip:placeDerived true ;
            dip:tookPlaceAt <place/havana> .
        <document/wilson-1> dip:archivalReference "AVP RF, F. 0104, Op. 17, P. 118, D. 4" .
        <person/castro-ruz-fidel> skos:altLabel "CASTRO RUZ"@en .
        """,
    )
    text = graph.serialize(format="json-ld", context=context)
    compacted = json.loads(text)
    nodes = {node["id"]: node for node in compacted["@graph"]}
    event = nodes[str(EVENT)]
    assert event["type"] == "Conversation"
    assert event["earliestDate"] == "1961-05-19"
    assert event["dateEDTF"] == "1961-05-19"
    assert sorted(event["participant"]) == [
        str(BASE["person/castro-ruz-fidel"]),
        str(BASE["person/kudryavtsev-s-m"]),
    ]
    assert isomorphic(Graph().parse(data=text, format="json-ld"), graph)
