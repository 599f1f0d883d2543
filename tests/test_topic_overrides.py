"""A scholar's topic corrections: file errors name the line; ingest applies them per event."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kg.errors import SourceError
from kg.extract.topic_overrides import load_overrides
from kg.ingest import ingest
from kg.store import KnowledgeGraph

SEED_003 = Path(__file__).parent / "fixtures" / "wilson" / "003_ab462fee8a521ce9.txt"
TOPIC = "https://w3id.org/dipkg/topic/"


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "topic-overrides.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_unknown_topic_names_file_and_line(tmp_path: Path) -> None:
    path = write(tmp_path, "event,mode,topics\nwilson-1,add,berlin-crisis\nwilson-1,add,nope\n")
    with pytest.raises(SourceError) as info:
        load_overrides([path], ["berlin-crisis"])
    assert info.value.message.startswith(f"{path}:3: unknown topic 'nope'")


def test_bad_mode_and_missing_columns(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match=r":2: mode 'merge' is not one of add, remove, replace"):
        load_overrides([write(tmp_path, "event,mode,topics\nx,merge,a\n")], ["a"])
    with pytest.raises(SourceError, match=r":1: topic overrides need the columns"):
        load_overrides([write(tmp_path, "event,topics\nx,a\n")], ["a"])


def test_ingest_applies_replace(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    (docs / "authorities").mkdir(parents=True)
    shutil.copy(SEED_003, docs / SEED_003.name)
    (docs / "authorities" / "topic-overrides.csv").write_text(
        "event,mode,topics,note\nwilson-177830,replace,berlin-crisis; nuclear-weapons,test\n",
        encoding="utf-8",
    )
    report = ingest(tmp_path / "kg", [docs])
    assert report.data_problems == []
    with KnowledgeGraph.open(tmp_path / "kg", read_only=True) as graph:
        rows = graph.select(
            "SELECT DISTINCT ?t ?c WHERE { <https://w3id.org/dipkg/event/wilson-177830> "
            "<https://w3id.org/dipkg/ontology#hasTopicAssignment> ?a . "
            "?a <https://w3id.org/dipkg/ontology#topic> ?t ; "
            "<https://w3id.org/dipkg/ontology#confidence> ?c }"
        ).rows
    got = sorted((str(t.value), str(c.value)) for t, c in rows if t is not None and c is not None)
    assert got == [(TOPIC + "berlin-crisis", "1"), (TOPIC + "nuclear-weapons", "1")]
