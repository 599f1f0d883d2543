"""``kg entities``: the review queue of unlinked names and one entity's record."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.entities import find_sentence, unlinked_names
from kg.ingest import ingest
from kg.store import KnowledgeGraph

FIXTURES = Path(__file__).parent / "fixtures" / "wilson"
SEEDS = (FIXTURES / "000_23ccc41f4167012b.txt", FIXTURES / "003_ab462fee8a521ce9.txt")

# Two small record pages naming people who are in no authority file: one of
# them twice, in two spellings.
PAGE = """Skip to content
March {day2}, 1961
From the Journal of S.M. Kudryavtsev, 'Record of a Conversation with Fidel Castro, {day} March 1961'
This document was made possible with support from the Blavatnik Family Foundation
from the journal of
S. M. KUDRYAVTSEV
Top Secret
{day2} March 1961
RECORD OF CONVERSATION
with Prime Minister of the Republic of Cuba FIDEL CASTRO
Havana, {day} March 1961
{body}
USSR AMBASSADOR IN CUBA
(S. KUDRYAVTSEV)
Document Information
AVP RF, f. 0104, op. 17, p. 118, d. 2, ll. {day}-{day2}. Obtained and translated by Mira Lopez.
Record ID
{record}
"""
BODY_A = (
    "I met with Fidel Castro at his request and handed him the reply of the Soviet government "
    "about the deliveries of oil.\n"
    "Castro said that the engineer N.P. Volkov had finished the survey of the refinery and that "
    "the Cuban side was satisfied with his work."
)
BODY_B = (
    "I visited Fidel Castro and informed him about the arrival of a group of Soviet geologists.\n"
    "Castro asked whether the geologist N. P. Volkov could stay in Cuba for another year. He also "
    "praised the agronomist V. N. Grigoryev, who works in the east of the island."
)
VOLKOV_A = (
    "Castro said that the engineer N.P. Volkov had finished the survey of the refinery and that "
    "the Cuban side was satisfied with his work."
)
VOLKOV_B = "Castro asked whether the geologist N. P. Volkov could stay in Cuba for another year."
GRIGORYEV = "He also praised the agronomist V. N. Grigoryev, who works in the east of the island."
DOC = "https://w3id.org/dipkg/document/wilson-{}"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def write_pages(folder: Path) -> Path:
    folder.mkdir()
    (folder / "a.txt").write_text(
        PAGE.format(day=1, day2=3, body=BODY_A, record=900001), encoding="utf-8"
    )
    (folder / "b.txt").write_text(
        PAGE.format(day=8, day2=9, body=BODY_B, record=900002), encoding="utf-8"
    )
    return folder


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> str:
    root = tmp_path_factory.mktemp("unlinked")
    path = root / "kg"
    report = ingest(path, [write_pages(root / "pages")])
    assert report.stored == ["wilson-900001", "wilson-900002"]
    return str(path)


def test_unlinked_queue_most_frequent_first_with_examples(store: str) -> None:
    code, out, err = run("--store", store, "entities", "--unlinked")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0].split() == ["count", "name", "example"]
    assert [line.split()[0] for line in lines[1:]] == ["2", "1"]
    assert "N. P. Volkov" in lines[1] and lines[1].endswith(f"{VOLKOV_A} [wilson-900001]")
    assert "V. N. Grigoryev" in lines[2] and lines[2].endswith(f"{GRIGORYEV} [wilson-900002]")
    assert "2 unlinked names" in err
    assert "data/authorities/" in err


def test_unlinked_queue_json(store: str) -> None:
    code, out, _ = run("--store", store, "entities", "--unlinked", "--format", "json")
    assert code == 0
    queue = json.loads(out)
    assert [(u["name"], u["count"]) for u in queue] == [("N. P. Volkov", 2), ("V. N. Grigoryev", 1)]
    assert queue[0]["spellings"] == ["N. P. Volkov", "N.P. Volkov"]
    assert queue[0]["documents"] == [DOC.format(900001), DOC.format(900002)]
    assert queue[0]["example"] == VOLKOV_A
    assert queue[1]["example"] == GRIGORYEV
    assert queue[1]["example_is_title"] is False


def test_examples_come_from_the_next_source_or_the_title(tmp_path: Path) -> None:
    pages = write_pages(tmp_path / "pages")
    store = str(tmp_path / "kg")
    ingest(store, [pages])
    (pages / "a.txt").unlink()
    with KnowledgeGraph.open(store, read_only=True) as graph:
        queue = unlinked_names(graph)
    assert queue[0].example == VOLKOV_B
    assert queue[0].example_document == DOC.format(900002)
    (pages / "b.txt").unlink()
    with KnowledgeGraph.open(store, read_only=True) as graph:
        queue = unlinked_names(graph, limit=1)
    assert len(queue) == 1
    assert queue[0].example_is_title
    assert queue[0].example == (
        "From the Journal of S.M. Kudryavtsev, 'Record of a Conversation with Fidel Castro, "
        "1 March 1961'"
    )


def test_turtle_stubs_parse_and_name_the_person(store: str) -> None:
    import rdflib

    code, out, _ = run("--store", store, "entities", "--unlinked", "--format", "turtle")
    assert code == 0
    graph = rdflib.Graph().parse(data=out, format="turtle", publicID="https://w3id.org/dipkg/")
    volkov = rdflib.URIRef("https://w3id.org/dipkg/person/volkov-n-p")
    family = rdflib.URIRef("http://xmlns.com/foaf/0.1/familyName")
    assert str(graph.value(volkov, family)) == "Volkov"
    assert len(set(graph.subjects(family, None))) == 2


@pytest.fixture(scope="module")
def seed_store(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("seeds") / "kg"
    ingest(path, SEEDS)
    return str(path)


def test_entity_shows_labels_positions_and_events(seed_store: str) -> None:
    code, out, err = run("--store", seed_store, "entities", "Fidel Castro")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0] == "Fidel Castro"
    assert "  iri        https://w3id.org/dipkg/person/castro-ruz-fidel" in lines
    assert "  kind       person" in lines
    labels = next(line for line in lines if line.startswith("  labels"))
    assert "Fidel Castro Ruz" in labels and "Castro Ruz, Fidel" in labels
    assert "  1959-02-16 – 1976-12-02  Prime Minister of Cuba" in lines
    assert "  dip:country      https://w3id.org/dipkg/place/cuba" in lines
    events = lines[lines.index("events (2)") + 1 :][:2]
    assert [e.split()[:2] for e in events] == [
        ["1961-05-19", "interlocutor"],
        ["1963-02-16", "interlocutor"],
    ]
    assert events[0].endswith("<https://w3id.org/dipkg/event/wilson-a4d663e4f3>")
    assert events[1].endswith("<https://w3id.org/dipkg/event/wilson-177830>")


def test_entity_by_iri_and_other_spelling_as_json(seed_store: str) -> None:
    code, out, _ = run("--store", seed_store, "entities", "FIDEL CASTRO RUZ", "--format", "json")
    assert code == 0
    info = json.loads(out)
    assert info["iri"] == "https://w3id.org/dipkg/person/castro-ruz-fidel"
    assert [e["earliest"] for e in info["events"]] == ["1961-05-19", "1963-02-16"]
    code, out, _ = run("--store", seed_store, "entities", info["iri"], "--format", "json")
    assert code == 0
    assert json.loads(out)["label"] == "Fidel Castro"


def test_unknown_entity_is_usage_error_with_hint(seed_store: str) -> None:
    code, out, err = run("--store", seed_store, "entities", "Fidel Kastro")
    assert code == 2
    assert out == ""
    assert "Error: no person, organization or place in the graph is called 'Fidel Kastro'" in err
    assert "Hint: Did you mean: Fidel Castro" in err


def test_ambiguous_surname_lists_the_entities(seed_store: str) -> None:
    code, _, err = run("--store", seed_store, "entities", "Castro")
    assert code == 2
    assert "person/castro-ruz-fidel" in err and "person/castro-ruz-raul" in err


def test_name_and_unlinked_together_is_usage_error(seed_store: str) -> None:
    code, _, err = run("--store", seed_store, "entities")
    assert code == 2
    assert "--unlinked" in err


def test_find_sentence_skips_initials_and_wrapped_lines() -> None:
    text = (
        "Comrade Wandel explained the proposals of the Soviet Union and of the\n"
        "government of the GDR. Comrade Chen Yi asked the Ambassador Comrade P. A.\n"
        "Sedykh to inform Berlin.\n"
    )
    assert find_sentence(text, "P. A. Sedykh") == (
        "Comrade Chen Yi asked the Ambassador Comrade P. A. Sedykh to inform Berlin."
    )
    assert find_sentence(text, "Volkov") is None
