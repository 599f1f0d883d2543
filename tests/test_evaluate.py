"""The scorer: its arithmetic on hand-made pairs, surname matching, and ``kg eval``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.authority import Authority, Entity
from kg.cli import cli
from kg.concepts import Classification, DocumentType, EventType, Role
from kg.errors import SourceError
from kg.evaluate import (
    Evaluation,
    GoldDocument,
    Item,
    match_items,
    normalise,
    read_gold,
    score_document,
)
from kg.extract.dates import parse_date
from kg.model import AgentRef, Document, Event, Participation, PlaceRef

FIXTURES = Path(__file__).parent / "fixtures" / "wilson"
SEED_000 = "000_23ccc41f4167012b.txt"
SEED_003 = "003_ab462fee8a521ce9.txt"

AUTHORITY = Authority(
    [
        Entity("person", "castro-ruz-fidel", "Fidel Castro", family_name="Castro Ruz",
               given_name="Fidel"),
        Entity("person", "roa-garcia-raul", "Raúl Roa", ("Raul Roa",), family_name="Roa",
               given_name="Raúl"),
        Entity("place", "havana", "Havana"),
        Entity("place", "cuba", "Cuba"),
        Entity("place", "brazil", "Brazil"),
        Entity("organization", "oas", "Organization of American States", ("OAS",)),
    ]
)  # fmt: skip


def _person(slug: str, label: str, *, known: bool = False) -> AgentRef:
    return AgentRef("person", slug, label, known=known)


KUDRYAVTSEV = _person("kudryavtsev-s-m", "S. M. Kudryavtsev")
CASTRO = _person("castro-ruz-fidel", "Fidel Castro", known=True)


def predicted() -> Document:
    """What an extractor might have made of the 1961 record: one miss and one slip per field."""
    event = Event(
        EventType.CONVERSATION,
        "Conversation",
        parse_date("19 May 1961"),
        participations=[
            Participation(KUDRYAVTSEV, Role.REPORTER),
            Participation(CASTRO, Role.INTERLOCUTOR),
        ],
        place=PlaceRef("havana", "Havana", known=True),
    )
    return Document(
        source="wilson",
        record_id="1",
        title="Record of a Conversation with Fidel Castro",
        document_type=DocumentType.RECORD_OF_CONVERSATION,
        created=parse_date("9 June 1961"),
        creator=KUDRYAVTSEV,
        classification=Classification.TOP_SECRET,
        archival_reference="AVP RF, f. 0104, op. 17",
        mentions=[
            _person("roa-garcia-raul", "Raúl Roa", known=True),
            PlaceRef("cuba", "Cuba", known=True),
            AgentRef("organization", "oas", "Organization of American States", known=True),
        ],
        unlinked_names=["N.P. Volkov"],
        events=[event],
    )


GOLD_1961 = GoldDocument(
    1,
    "a.txt",
    {
        "file": "a.txt",
        "participants": ["S. M. Kudryavtsev", "Fidel Castro", "N. P. Volkov"],
        "author": "Kudryavtsev",
        "mentioned_persons": ["Raul Roa", "Nehru"],
        "places": ["Havana", "Cuba", "Brazil"],
        "organizations": ["OAS"],
        "document_date": "1961-06-09",
        "event_date": "19 May 1961",
        "doc_type": "Record of Conversation",
        "classification": "TOP SECRET",
        "archive_citation": "AVP RF,  f. 0104, op. 17.",
    },
)
GOLD_MISSING = GoldDocument(
    2,
    "b.txt",
    {"file": "b.txt", "participants": ["Kim Il Sung", "Nam Il"], "document_date": "1960-04-12"},
)


def scored() -> Evaluation:
    result = Evaluation.empty()
    score_document(result, AUTHORITY, GOLD_1961, predicted())
    score_document(result, AUTHORITY, GOLD_MISSING, None)
    return result


def test_set_scores_are_micro_averaged() -> None:
    scores = {s.field: s for s in scored().set_scores}
    participants = scores["participants"]
    assert (participants.tp, participants.fp, participants.fn) == (2, 0, 3)
    assert participants.precision == 1.0
    assert participants.recall == pytest.approx(0.4)
    assert participants.f1 == pytest.approx(4 / 7)
    mentioned = scores["mentioned_persons"]  # Roa found; Nehru missed; Volkov extra
    assert (mentioned.tp, mentioned.fp, mentioned.fn) == (1, 1, 1)
    assert (mentioned.precision, mentioned.recall, mentioned.f1) == (0.5, 0.5, 0.5)
    places = scores["places"]
    assert (places.tp, places.fp, places.fn) == (2, 0, 1)
    assert places.f1 == pytest.approx(0.8)
    assert scores["organizations"].f1 == 1.0
    assert scores["author"].f1 == 1.0  # "Kudryavtsev" alone matches "S. M. Kudryavtsev"
    assert (scores["topics"].documents, scores["topics"].f1) == (0, None)


def test_exact_fields_count_only_annotated_documents() -> None:
    result = scored()
    accuracy = {e.field: (e.correct, e.total) for e in result.exact_scores}
    assert accuracy["document_date"] == (1, 2)
    for name in ("event_date", "doc_type", "classification", "archive_citation"):
        assert accuracy[name] == (1, 1), name
    assert accuracy["title"] == (0, 0)
    wrong = [d for d in result.differences if d.field == "document_date"]
    assert [(d.file, d.expected, d.got) for d in wrong] == [("b.txt", "1960-04-12", None)]


def test_differences_name_what_was_missed_and_added() -> None:
    diffs = {(d.file, d.field): d for d in scored().differences}
    assert diffs[("a.txt", "participants")].missing == ("N. P. Volkov",)
    assert diffs[("a.txt", "mentioned_persons")].missing == ("Nehru",)
    assert diffs[("a.txt", "mentioned_persons")].extra == ("N.P. Volkov (volkov-n-p)",)
    assert ("a.txt", "organizations") not in diffs


def test_surname_only_gold_matches_full_names_on_either_side() -> None:
    fidel = Item("castro-ruz-fidel", "Fidel Castro", frozenset({"castro", "castro ruz"}))
    bare = Item("castro", "Castro", frozenset({"castro"}), surname_only=True)
    volkov = Item("volkov-n-p", "N. P. Volkov", frozenset({"volkov"}))
    bare_volkov = Item("volkov", "Volkov", frozenset({"volkov"}), surname_only=True)
    assert match_items([bare], [fidel]) == (1, [], [])
    assert match_items([volkov], [bare_volkov]) == (1, [], [])
    assert match_items([bare], [volkov]) == (0, [bare], [volkov])
    # Exact slugs are matched before surnames, so a bare surname cannot steal a match.
    assert match_items([fidel, bare], [fidel]) == (1, [bare], [])


def test_normalise() -> None:
    assert normalise("event_date", "1961-05-21?/1961-06-10?") == "1961-05-21?/1961-06-10?"
    assert normalise("event_date", "the end of May 1961") == "1961-05-21?/1961-05-31?"
    assert normalise("classification", "Strictly Secret") == "secret"
    assert normalise("doc_type", "memorandum of conversation") == "memorandum-of-conversation"
    assert normalise("author", None) is None


def test_bad_gold_line_names_its_line(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"file": "a.txt"}\n\n{"file": "b.txt", "speaker": "x"}\n', encoding="utf-8")
    with pytest.raises(SourceError, match=r"gold.jsonl:3: unknown keys speaker"):
        read_gold(gold)
    gold.write_text("{not json\n", encoding="utf-8")
    with pytest.raises(SourceError, match=r"gold.jsonl:1: not JSON"):
        read_gold(gold)


# --- the command ------------------------------------------------------------------------------
def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def seeds(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The two seeds, annotated with one participant too many and one wrong record date."""
    folder = tmp_path_factory.mktemp("docs")
    for name in (SEED_000, SEED_003):
        (folder / name).write_bytes((FIXTURES / name).read_bytes())
    lines = [
        {"file": SEED_000, "participants": ["S. M. Kudryavtsev", "Fidel Castro"],
         "document_date": "1961-06-10"},
        {"file": SEED_003, "participants": ["A. I. Alekseyev", "Fidel Castro", "Raúl Castro"],
         "document_date": "1963-03-23"},
    ]  # fmt: skip
    gold = folder.parent / "gold.jsonl"
    gold.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    return gold, folder


def test_eval_table(seeds: tuple[Path, Path]) -> None:
    gold, folder = seeds
    code, out, err = run("eval", str(gold), str(folder))
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0] == "2 documents"
    rows = {line[:20].strip(): line[20:].split() for line in lines[1:] if line.strip()}
    assert rows["* participants"] == ["2", "4", "0", "1", "1.000", "0.800", "0.889"]
    assert rows["* author"] == ["0", "0", "0", "0", "-", "-", "-"]
    assert rows["* document date"] == ["2", "1", "0.500"]
    assert rows["* event date"] == ["0", "0", "-"]


def test_eval_json_and_verbose(seeds: tuple[Path, Path]) -> None:
    gold, folder = seeds
    code, out, _ = run("eval", str(gold), str(folder), "--json", "--verbose")
    assert code == 0
    payload = json.loads(out)
    assert payload["documents"] == 2
    fields = {f["field"]: f for f in payload["fields"]}
    assert fields["participants"] == {
        "field": "participants",
        "kind": "set",
        "headline": True,
        "documents": 2,
        "tp": 4,
        "fp": 0,
        "fn": 1,
        "precision": 1.0,
        "recall": 0.8,
        "f1": 0.8889,
    }
    assert fields["document_date"]["accuracy"] == 0.5
    assert fields["topics"]["headline"] is False
    assert {"file": SEED_003, "field": "participants", "missing": ["Raúl Castro"]} in payload[
        "differences"
    ]
    code, out, _ = run("eval", str(gold), str(folder), "--json")
    assert "differences" not in json.loads(out)


def test_eval_missing_file_exits_with_data_problems(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"file": "nowhere.txt", "participants": ["Fidel Castro"]}\n')
    code, out, err = run("eval", str(gold), str(tmp_path), "--verbose")
    assert code == 3
    assert "nowhere.txt: error: no such file" in err
    assert "* participants" in out
