"""``kg network``: each format from one command, parsed back with its standard reader.

The seeds and curated records are ingested once; the Kudryavtsev–Castro
conversation of 19 May 1961 must be one edge with one meeting in every format.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import TYPE_CHECKING

import matplotlib.image
import networkx as nx
import pytest
from click.testing import CliRunner, Result

from kg.cli import cli
from kg.ingest import ingest
from kg.network import NetworkFormat, build_network, write_network
from kg.timeline import TimelineAgent, TimelineEntry

if TYPE_CHECKING:
    from playwright.sync_api import Browser

ROOT = Path(__file__).resolve().parents[1]
CASTRO = "https://w3id.org/dipkg/person/castro-ruz-fidel"
KUDRYAVTSEV = "https://w3id.org/dipkg/person/kudryavtsev-sergei-mikhailovich"
EVENT = "https://w3id.org/dipkg/event/wilson-a4d663e4f3"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("network") / "store"
    ingest(str(path), [ROOT / "data" / "wilson", ROOT / "data" / "curated"])
    return path


def run(store: Path, *args: str) -> Result:
    return CliRunner().invoke(cli, ["--store", str(store), "network", *args])


@pytest.fixture(scope="module")
def files(store: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("formats")
    made = {}
    for fmt in ("gexf", "graphml", "csv", "png", "svg"):
        made[fmt] = folder / f"network.{fmt}"
        result = run(store, "--format", fmt, "-o", str(made[fmt]), "--labels", "40")
        assert result.exit_code == 0, result.output
    return made


def test_gexf_is_dynamic_with_a_spell_per_meeting(files: dict[str, Path]) -> None:
    graph = nx.read_gexf(files["gexf"])
    edge = graph.edges[CASTRO, KUDRYAVTSEV]
    assert edge["weight"] == 1.0 and edge["meetings"] == 1
    assert (edge["first"], edge["last"]) == ("1961-05-19", "1961-05-19")
    assert edge["events"] == EVENT
    assert edge["spells"] == [("1961-05-19", "1961-05-19")]
    assert graph.nodes[KUDRYAVTSEV]["label"] == "Sergei Kudryavtsev"
    assert graph.nodes[KUDRYAVTSEV]["kind"] == "person"
    assert graph.nodes[CASTRO]["spells"][0] == ("1961-05-19", "1961-05-19")
    root = ET.parse(files["gexf"]).getroot()
    element = root.find("{http://www.gexf.net/1.2draft}graph")
    assert element is not None
    assert (element.get("mode"), element.get("timeformat")) == ("dynamic", "date")
    # the date in the header is the last meeting, so the same graph gives the same file
    meta = root.find("{http://www.gexf.net/1.2draft}meta")
    assert meta is not None
    assert meta.get("lastmodifieddate") == max(d["last"] for _, d in graph.nodes(data=True))


def test_graphml(files: dict[str, Path]) -> None:
    graph = nx.read_graphml(files["graphml"])
    edge = graph.edges[CASTRO, KUDRYAVTSEV]
    assert edge["meetings"] == 1 and edge["weight"] == 1
    assert (edge["first"], edge["last"], edge["events"]) == ("1961-05-19", "1961-05-19", EVENT)
    assert graph.nodes[CASTRO]["label"] == "Fidel Castro"
    # Castro also met Alekseyev (1963) and Mikoyan (1962): more than one pair
    assert graph.degree(CASTRO) > 1


def test_csv_edge_list(files: dict[str, Path]) -> None:
    rows = list(csv.DictReader(files["csv"].open(encoding="utf-8")))
    (row,) = [r for r in rows if {r["source"], r["target"]} == {CASTRO, KUDRYAVTSEV}]
    assert {row["source_label"], row["target_label"]} == {"Fidel Castro", "Sergei Kudryavtsev"}
    assert (row["meetings"], row["first"], row["last"]) == ("1", "1961-05-19", "1961-05-19")
    assert row["events"] == EVENT
    assert row["event_labels"] == (
        "Conversation between Sergei Kudryavtsev and Fidel Castro, 19 May 1961"
    )
    meetings = [int(r["meetings"]) for r in rows]
    assert meetings == sorted(meetings, reverse=True)


def test_pictures(files: dict[str, Path]) -> None:
    image = matplotlib.image.imread(files["png"])
    assert image.shape[0] > 500 and image.shape[1] > 500
    svg = files["svg"].read_text(encoding="utf-8")
    assert "Sergei Kudryavtsev" in svg and "Who met whom" in svg


def test_svg_opens_in_chromium(browser: Browser, files: dict[str, Path]) -> None:
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(files["svg"].as_uri())
    assert "Sergei Kudryavtsev" in page.evaluate("document.documentElement.textContent")
    page.goto(files["png"].as_uri())
    assert page.evaluate("document.images[0].naturalWidth") > 500
    assert errors == []
    page.close()


def test_text_formats_go_to_stdout_and_png_needs_a_file(store: Path) -> None:
    result = run(store, "--person", "Fidel Castro")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert {r["target_label"] for r in rows} | {r["source_label"] for r in rows} >= {
        "Sergei Kudryavtsev",
        "Aleksandr Alekseyev",
    }
    assert "Who met whom" in result.stderr
    result = run(store, "--format", "png")
    assert result.exit_code == 2 and "Hint:" in result.stderr
    result = run(store, "-o", "network.unknown")
    assert result.exit_code == 2


def test_min_meetings_and_selection(store: Path) -> None:
    result = run(store, "--min-meetings", "2")
    assert result.exit_code == 0
    assert KUDRYAVTSEV not in result.stdout
    result = run(store, "--from", "1967", "--format", "graphml")
    assert result.exit_code == 0
    graph = nx.parse_graphml(result.stdout)
    assert CASTRO not in graph and graph.number_of_edges() > 0


def test_persons_only_and_kinds() -> None:
    day = dt.date(1962, 11, 4)
    people = (
        TimelineAgent("p/a", "A", "person"),
        TimelineAgent("p/b", "B", "person"),
        TimelineAgent("o/c", "C", "organization"),
    )
    entries = [
        TimelineEntry("e/1", "one", day, day, participants=people),
        TimelineEntry("e/2", "two", day, day + dt.timedelta(days=2), participants=people[:2]),
    ]
    graph = build_network(entries)
    assert graph.nodes["o/c"]["kind"] == "organization"
    edge = graph.edges["p/a", "p/b"]
    assert (edge["meetings"], edge["first"], edge["last"]) == (2, "1962-11-04", "1962-11-06")
    assert edge["spells"] == [("1962-11-04", "1962-11-06")]  # merged: Gephi refuses overlaps
    assert "o/c" not in build_network(entries, persons_only=True)
    assert list(build_network(entries, min_meetings=2).edges) == [("p/a", "p/b")]
    stream = io.BytesIO()
    write_network(nx.Graph(), NetworkFormat.SVG, stream)
    assert b"no meetings" in stream.getvalue()
