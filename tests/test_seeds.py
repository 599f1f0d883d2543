"""The two seed records, end to end: exactly the facts the issue names, in the store."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.ingest import ingest
from kg.store import KnowledgeGraph
from kg.validate import validate_store

FIXTURES = Path(__file__).parent / "fixtures" / "wilson"
SEEDS = [FIXTURES / "000_23ccc41f4167012b.txt", FIXTURES / "003_ab462fee8a521ce9.txt"]
BASE = "https://w3id.org/dipkg/"
PREFIXES = """
PREFIX dip: <https://w3id.org/dipkg/ontology#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX schema: <https://schema.org/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
"""


@pytest.fixture(scope="module")
def graph(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeGraph:
    folder = tmp_path_factory.mktemp("seeds")
    for seed in SEEDS:
        (folder / seed.name).write_bytes(seed.read_bytes())
    store = tmp_path_factory.mktemp("store") / "kg"
    report = ingest(store, [folder])
    assert report.problems == []
    assert len(report.stored) == 2
    return KnowledgeGraph.open(store)


def values(graph: KnowledgeGraph, query: str) -> list[tuple[str, ...]]:
    result = graph.select(PREFIXES + query.replace("SELECT ", "SELECT DISTINCT ", 1))
    return sorted(tuple("" if t is None else str(t.value) for t in row) for row in result.rows)


def conversation_of(graph: KnowledgeGraph, reference: str) -> str:
    rows = values(
        graph,
        f"""SELECT ?e WHERE {{ ?e a dip:Conversation ; dip:documentedIn ?d .
            ?d dip:archivalReference "{reference}" }}""",
    )
    assert len(rows) == 1, rows
    return rows[0][0]


def test_000_kudryavtsev_castro(graph: KnowledgeGraph) -> None:
    event = conversation_of(graph, "AVP RF, F. 0104. Op. 17, P. 118, D. 4, ll. 33-38")
    roles = values(
        graph,
        f"""SELECT ?agent ?role WHERE {{ <{event}> dip:hasParticipation ?p .
            ?p dip:agent ?agent ; dip:role ?r . ?r skos:prefLabel ?role }}""",
    )
    assert roles == [
        (BASE + "person/castro-ruz-fidel", "interlocutor"),
        (BASE + "person/kudryavtsev-sergei-mikhailovich", "reporter"),
    ]
    dates = values(
        graph,
        f"SELECT ?e ?l WHERE {{ <{event}> dip:earliestDate ?e ; dip:latestDate ?l }}",
    )
    assert dates == [("1961-05-19", "1961-05-19")]
    document = values(
        graph,
        f"""SELECT ?created ?class ?copy ?number ?obtained ?translator WHERE {{
            <{event}> dip:documentedIn ?d .
            ?d dcterms:created ?created ; dip:securityClassification ?c ;
               dip:copyNumber ?copy ; dip:registryNumber ?number ;
               dip:obtainedBy ?o ; dip:hasTranslation ?t .
            ?c skos:prefLabel ?class .
            ?o rdfs:label ?obtained .
            ?t schema:translator ?tr . ?tr rdfs:label ?translator }}""",
    )
    assert document == [
        ("1961-06-09", "top secret", "2", "Nº 179", "James G. Hershberg", "Gary Goldberg")
    ]
    mentions = {
        row[0]
        for row in values(
            graph, f"SELECT ?m WHERE {{ <{event}> dip:documentedIn ?d . ?d dip:mentions ?m }}"
        )
    }
    assert {
        BASE + "person/kennedy-john-f",
        BASE + "person/roa-garcia-raul",
        BASE + "organization/oas",
    } <= mentions
    participants = {
        row[0] for row in values(graph, f"SELECT ?a WHERE {{ <{event}> dip:participant ?a }}")
    }
    assert participants.isdisjoint(mentions)


def test_003_alekseyev_castro(graph: KnowledgeGraph) -> None:
    event = conversation_of(graph, "AVP RF, f. 0104, op. 19, p. 124, d. 3, l. 66")
    assert event == BASE + "event/wilson-177830"
    participants = values(graph, f"SELECT ?a WHERE {{ <{event}> dip:participant ?a }}")
    assert participants == [
        (BASE + "person/alekseyev-aleksandr-ivanovich",),
        (BASE + "person/castro-ruz-fidel",),
    ]
    document = values(
        graph,
        f"""SELECT ?d ?created ?class ?copy ?number ?language ?id ?page WHERE {{
            <{event}> dip:documentedIn ?d ; dip:earliestDate ?day .
            FILTER (STR(?day) = "1963-02-16")
            ?d dcterms:created ?created ; dip:securityClassification ?c ;
               dip:copyNumber ?copy ; dip:registryNumber ?number ;
               dip:originalLanguage ?language ; dcterms:identifier ?id ;
               <http://xmlns.com/foaf/0.1/page> ?page .
            ?c skos:prefLabel ?class }}""",
    )
    assert document == [
        (
            BASE + "document/wilson-177830",
            "1963-03-23",
            "top secret",
            "1",
            "Outgoing № 87",
            "Russian",
            "177830",
            "https://digitalarchive.umd.edu/document/177830",
        )
    ]


def test_one_castro_across_both_records(graph: KnowledgeGraph) -> None:
    rows = values(
        graph,
        """SELECT ?e WHERE { ?e a dip:Conversation ;
             dip:participant <https://w3id.org/dipkg/person/castro-ruz-fidel> }""",
    )
    assert len(rows) == 2


def test_seeds_conform_to_shapes(graph: KnowledgeGraph) -> None:
    result = validate_store(graph)
    assert result.conforms, result.violations


def test_second_ingest_changes_nothing(tmp_path: Path) -> None:
    store = tmp_path / "kg"
    first = ingest(store, SEEDS)
    with KnowledgeGraph.open(store) as graph:
        before = sorted(str(q) for q in graph.quads())
    second = ingest(store, SEEDS)
    with KnowledgeGraph.open(store) as graph:
        after = sorted(str(q) for q in graph.quads())
    assert len(first.stored) == 2
    assert second.stored == []
    assert sorted(second.unchanged) == sorted(
        [BASE + "graph/wilson-177830", BASE + "graph/" + first.stored[0]]
        if first.stored[0] != "wilson-177830"
        else [BASE + "graph/wilson-177830", BASE + "graph/" + first.stored[1]]
    )
    assert before == after
