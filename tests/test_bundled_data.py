"""The README's main job on the real bundled data: all sources under one identity per person."""

from __future__ import annotations

import csv
import io
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.ingest import ingest
from kg.store import KnowledgeGraph
from kg.validate import validate_store

DATA = Path(__file__).parents[1] / "data"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("bundled") / "kg"
    report = ingest(path, [DATA])
    assert report.data_problems == [], report.data_problems[:5]
    assert report.events > 8000
    return str(path)


def sources_involving(store: str, name: str) -> Counter[str]:
    result = CliRunner().invoke(
        cli, ["--store", store, "query", "involving", "-p", f"entity={name}", "--format", "csv"]
    )
    assert result.exit_code == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    dates = [r["earliest"] for r in rows]
    assert dates == sorted(dates)
    return Counter(r["source"] for r in rows)


def test_kennedy_across_wilson_frus_and_travels(store: str) -> None:
    sources = sources_involving(store, "John F. Kennedy")
    assert {"wilson-text", "frus-tei", "hsg-travels"} <= set(sources)


def test_khrushchev_across_frus_visits_and_travels(store: str) -> None:
    sources = sources_involving(store, "Nikita Khrushchev")
    assert {"frus-tei", "hsg-visits", "hsg-travels"} <= set(sources)


def test_castro_across_wilson_and_visits(store: str) -> None:
    sources = sources_involving(store, "https://w3id.org/dipkg/person/castro-ruz-fidel")
    assert sources["wilson-text"] == 2
    assert sources["hsg-visits"] >= 1


def test_gromyko_across_frus_and_travels(store: str) -> None:
    sources = sources_involving(store, "Andrei Gromyko")
    assert {"frus-tei", "hsg-travels"} <= set(sources)


def test_bundled_data_conforms_to_the_shapes(store: str) -> None:
    with KnowledgeGraph.open(store, read_only=True) as graph:
        result = validate_store(graph)
    assert result.conforms, result.violations[:5]
