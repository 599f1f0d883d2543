"""Profiles: the 19 May 1961 Kudryavtsev–Castro conversation in SEM, CIDOC-CRM and schema.org."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from rdflib.compare import isomorphic

from kg.dumps import write_dump
from kg.ingest import ingest
from kg.namespaces import PREFIXES
from kg.profiles import PROFILES, profile_triples
from kg.store import KnowledgeGraph

ROOT = Path(__file__).resolve().parent.parent
BASE = "https://w3id.org/dipkg/"
EVENT = BASE + "event/wilson-a4d663e4f3"
LABEL = ox.Literal(
    "Conversation between Sergei Kudryavtsev and Fidel Castro, 19 May 1961", language="en"
)
CASTRO = ox.NamedNode(BASE + "person/castro-ruz-fidel")
KUDRYAVTSEV = ox.NamedNode(BASE + "person/kudryavtsev-sergei-mikhailovich")
HAVANA = ox.NamedNode(BASE + "place/havana")
DOCUMENT = ox.NamedNode(BASE + "document/wilson-a4d663e4f3")
CONVERSATION = ox.NamedNode(BASE + "topic/event-type/conversation")
TOPICS = [
    ox.NamedNode(BASE + "topic/" + t)
    for t in (
        "breaking-of-diplomatic-relations",
        "diplomatic-isolation",
        "inter-american-system",
        "negotiations-and-mediation",
        "oas-sanctions",
        "socialism-and-communism",
        "us-cuban-relations",
    )
]


def n(curie: str) -> ox.NamedNode:
    prefix, local = curie.split(":", 1)
    return ox.NamedNode(PREFIXES[prefix] + local)


def day(text: str, datatype: str = "xsd:date") -> ox.Literal:
    return ox.Literal(text, datatype=n(datatype))


@pytest.fixture(scope="module")
def graph(tmp_path_factory: pytest.TempPathFactory) -> Iterator[KnowledgeGraph]:
    path = tmp_path_factory.mktemp("profiles") / "store"
    ingest(str(path), [ROOT / "data" / "wilson", ROOT / "data" / "curated"])
    with KnowledgeGraph.open(path, read_only=True) as g:
        yield g


def about(triples: list[ox.Triple], subject: str) -> set[tuple[ox.NamedNode, object]]:
    return {(t.predicate, t.object) for t in triples if t.subject == ox.NamedNode(subject)}


def test_sem(graph: KnowledgeGraph) -> None:
    triples = profile_triples(graph, "sem")
    p1, p2 = (ox.NamedNode(f"{EVENT}/participation/{i}") for i in (1, 2))
    assert about(triples, EVENT) == {
        (n("rdf:type"), n("sem:Event")),
        (n("rdfs:label"), LABEL),
        (n("sem:eventType"), CONVERSATION),
        (n("sem:hasEarliestBeginTimeStamp"), day("1961-05-19")),
        (n("sem:hasLatestEndTimeStamp"), day("1961-05-19")),
        (n("sem:hasActor"), CASTRO),
        (n("sem:hasActor"), KUDRYAVTSEV),
        (n("sem:hasActor"), p1),
        (n("sem:hasActor"), p2),
        (n("sem:hasPlace"), HAVANA),
        (n("dcterms:isReferencedBy"), DOCUMENT),
        *((n("dcterms:subject"), topic) for topic in TOPICS),
    }
    assert about(triples, p2.value) == {
        (n("rdf:type"), n("sem:Role")),
        (n("rdf:value"), CASTRO),
        (n("sem:roleType"), ox.NamedNode(BASE + "topic/role/interlocutor")),
    }
    assert about(triples, CASTRO.value) == {
        (n("rdf:type"), n("sem:Actor")),
        (n("rdfs:label"), ox.Literal("Fidel Castro", language="en")),
    }


def test_crm(graph: KnowledgeGraph) -> None:
    triples = profile_triples(graph, "crm")
    span = ox.NamedNode(EVENT + "/time-span")
    assert about(triples, EVENT) == {
        (n("rdf:type"), n("crm:E7_Activity")),
        (n("rdfs:label"), LABEL),
        (n("crm:P2_has_type"), CONVERSATION),
        (n("crm:P4_has_time-span"), span),
        (n("crm:P11_had_participant"), CASTRO),
        (n("crm:P11_had_participant"), KUDRYAVTSEV),
        (n("crm:P7_took_place_at"), HAVANA),
        (n("crm:P70i_is_documented_in"), DOCUMENT),
    }
    assert about(triples, span.value) == {
        (n("rdf:type"), n("crm:E52_Time-Span")),
        (n("crm:P82a_begin_of_the_begin"), day("1961-05-19T00:00:00", "xsd:dateTime")),
        (n("crm:P82b_end_of_the_end"), day("1961-05-19T23:59:59", "xsd:dateTime")),
    }
    assert (n("rdf:type"), n("crm:E21_Person")) in about(triples, CASTRO.value)
    assert (n("rdf:type"), n("crm:E53_Place")) in about(triples, HAVANA.value)
    assert (n("rdf:type"), n("crm:E31_Document")) in about(triples, DOCUMENT.value)


def test_schema(graph: KnowledgeGraph) -> None:
    triples = profile_triples(graph, "schema")
    assert about(triples, EVENT) == {
        (n("rdf:type"), n("schema:Event")),
        (n("schema:name"), LABEL),
        (n("schema:startDate"), day("1961-05-19")),
        (n("schema:endDate"), day("1961-05-19")),
        (n("schema:attendee"), CASTRO),
        (n("schema:attendee"), KUDRYAVTSEV),
        (n("schema:location"), HAVANA),
        (n("schema:subjectOf"), DOCUMENT),
        *((n("schema:about"), topic) for topic in TOPICS),
    }
    assert about(triples, CASTRO.value) == {
        (n("rdf:type"), n("schema:Person")),
        (n("schema:name"), ox.Literal("Fidel Castro", language="en")),
    }
    assert about(triples, DOCUMENT.value) >= {
        (n("rdf:type"), n("schema:CreativeWork")),
        (n("schema:dateCreated"), day("1961-06-09")),
    }


@pytest.mark.parametrize("profile", PROFILES)
def test_a_profile_dump_is_the_mapping_of_the_selection(
    graph: KnowledgeGraph, profile: str
) -> None:
    out = io.BytesIO()
    summary = write_dump(graph, "ttl", out, profile=profile, documents=["wilson-a4d663e4f3"])
    parsed = rdflib.Graph().parse(data=out.getvalue(), format="turtle")
    mapped = profile_triples(graph, profile, [BASE + "graph/wilson-a4d663e4f3"])
    expected = rdflib.Graph().parse(data="".join(f"{t} .\n" for t in mapped), format="nt")
    assert summary.statements == len(expected) and isomorphic(parsed, expected)
    assert all(t.subject.value.startswith(BASE) for t in mapped)  # IRIs, no blank nodes
