"""Visits of foreign leaders (Office of the Historian): reader, titles, extraction, store.

Fixtures are real records cut from ``data/visits`` (and malformed variants of
them); persons and places come from the small ``hsg_authority.ttl``, countries
from ``hsg_countries.csv``, so the tests never read the bundled data.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest

import kg.ingest
from kg.concepts import DatePrecision, DocumentType, EventType, Role
from kg.extract.reference import ReferenceData
from kg.extract.titles import TitledName, split_names
from kg.extract.visits_document import extract_visits, looks_like_visits
from kg.formats import detect_format
from kg.model import Document, PlaceRef
from kg.resources import resource_dir
from kg.sources.visits import read_visits
from kg.store import KnowledgeGraph

FIXTURES = Path(__file__).parent / "fixtures"
VISITS = FIXTURES / "visits"
AUTHORITY = FIXTURES / "hsg_authority.ttl"
BASE = "https://w3id.org/dipkg/"
DIP = "https://w3id.org/dipkg/ontology#"
XSD_DATE = "http://www.w3.org/2001/XMLSchema#date"


pytestmark = pytest.mark.usefixtures("hsg_countries")


def extract(name: str, hsg_reference: ReferenceData) -> tuple[dict[str, Document], list[str]]:
    path = VISITS / name
    extraction = extract_visits(str(path), path.read_text(encoding="utf-8"), hsg_reference)
    problems = [f"{p.line}:{p.severity}:{p.code}" for p in extraction.problems]
    return {doc.key: doc for doc in extraction.documents}, problems


# --- reader -------------------------------------------------------------------------------
def test_reader_keeps_fields_and_lines() -> None:
    read = read_visits((VISITS / "1960.xml").read_text(encoding="utf-8"))
    assert read.issues == []
    kishi = read.records[0]
    assert (kishi.id, kishi.start_date, kishi.end_date) == ("2392", "1960-01-17", "1960-01-21")
    assert (kishi.visitor, kishi.country_id, kishi.country) == (
        "Prime Minister Kishi",
        "japan",
        "Japan",
    )
    assert kishi.description == (
        "Informal visit. Signed Treaty of Mutual Cooperation and Security January 19. "
        "In U.S. January 16–23."
    )
    assert (kishi.line, kishi.line_of("start-date"), kishi.line_of("from")) == (3, 5, 8)
    assert read.records[1].visitor == "Premier & Prince Sihanouk"  # &amp; decoded


def test_detection() -> None:
    text = (VISITS / "1950.xml").read_text(encoding="utf-8")
    assert looks_like_visits(text)
    assert not looks_like_visits((FIXTURES / "travels" / "kennedy-john-f.xml").read_text())
    found = detect_format(VISITS / "1950.xml", text)
    assert found is not None and found.name == "hsg-visits"


# --- titles -------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Prime Minister Kishi", [("Prime Minister", "Kishi")]),
        ("General Secretary Leonid I. Brezhnev", [("General Secretary", "Leonid I. Brezhnev")]),
        (
            "President Francesco Cossiga and Prime Minister Giulio Andreotti",
            [("President", "Francesco Cossiga"), ("Prime Minister", "Giulio Andreotti")],
        ),
        ("Premier and Prince Sihanouk", [("Premier and Prince", "Sihanouk")]),
        ("Premier & Prince Sihanouk", [("Premier and Prince", "Sihanouk")]),
        (
            "King Abdullah and Crown Prince Hussein",
            [("King", "Abdullah"), ("Crown Prince", "Hussein")],
        ),
        (
            "President Anwar Sadat, Prime Minister Mustafa Khalil",
            [("President", "Anwar Sadat"), ("Prime Minister", "Mustafa Khalil")],
        ),
        (
            " Prime Minister Percival James Patterson",
            [("Prime Minister", "Percival James Patterson")],
        ),
        ("Valdas Adamkus", [(None, "Valdas Adamkus")]),
        ("Prime Minister Mackenzie King", [("Prime Minister", "Mackenzie King")]),
        ("Prime Minister Shah Mahmud", [("Prime Minister", "Shah Mahmud")]),
        ("Chief of State Hubert Maga", [("Chief of State", "Hubert Maga")]),
        (
            "President of the Council of Ministers Hussain Mohammad Ershad",
            [("President of the Council of Ministers", "Hussain Mohammad Ershad")],
        ),
        ("Governor General Lord Tweedsmuir", [("Governor General", "Lord Tweedsmuir")]),
        ("President- designate Roberto E. Viola", [("President-designate", "Roberto E. Viola")]),
        ("Prime Minster Mackenzie King", [("Prime Minster", "Mackenzie King")]),
        ("Prime MinisterHaidar al- Abadi", [("Prime Minister", "Haidar al-Abadi")]),
        ("President Tommy E. Remengesau, Jr.", [("President", "Tommy E. Remengesau Jr")]),
        ("Amir Sheikh Tamim bin Hamad Al Thani", [("Amir", "Sheikh Tamim bin Hamad Al Thani")]),
    ],
)
def test_split_names(text: str, expected: list[tuple[str | None, str]]) -> None:
    assert [(p.title, p.name) for p in split_names(text)] == expected


def test_split_names_keeps_nickname() -> None:
    assert split_names("Prime Minister Rudolphus F. M. (Ruud) Lubbers") == (
        TitledName("Prime Minister", "Rudolphus F. M. Lubbers", "Ruud"),
    )


# --- extraction ---------------------------------------------------------------------------
def test_kishi_1960(hsg_reference: ReferenceData) -> None:
    docs, problems = extract("1960.xml", hsg_reference)
    assert problems == []
    doc = docs["visits-2392"]
    title = "Visit of Prime Minister Kishi (Japan) to the United States, 17–21 January 1960"
    assert (doc.source, doc.record_id, doc.title) == ("visits", "2392", title)
    assert doc.document_type is DocumentType.DATA_RECORD
    assert doc.url == "https://history.state.gov/departmenthistory/visits/1960"
    assert doc.held_by is not None and doc.held_by.slug == "office-of-the-historian"
    assert doc.mentions == [PlaceRef("japan", "Japan", known=True)]
    [event] = doc.events
    assert (event.event_type, event.label, event.n) == (EventType.VISIT, title, 1)
    assert event.date.edtf == "1960-01-17/1960-01-21"
    assert event.date.text == "1960-01-17/1960-01-21"
    assert (event.date.earliest, event.date.latest) == (dt.date(1960, 1, 17), dt.date(1960, 1, 21))
    assert event.date.precision is DatePrecision.RANGE
    assert event.place == PlaceRef("united-states", "United States", known=True)
    assert event.description is not None and event.description.endswith("In U.S. January 16–23.")
    [part] = event.participations
    assert (part.agent.slug, part.agent.known, part.role, part.position_text) == (
        "kishi-nobusuke",
        True,
        Role.VISITOR,
        "Prime Minister",
    )


def test_khrushchev_1959_by_surname_title_and_date(hsg_reference: ReferenceData) -> None:
    docs, problems = extract("1950.xml", hsg_reference)
    assert problems == []
    doc = docs["visits-2385"]
    assert doc.title == (
        "Visit of Premier Khrushchev (U.S.S.R.) to the United States, 15–16 September 1959"
    )
    # "russia" in 1959 is the Soviet Union (historical-countries.csv)
    assert doc.mentions == [PlaceRef("soviet-union", "Soviet Union", known=True)]
    [part] = doc.events[0].participations
    assert part.agent.slug == "khrushchev-nikita-sergeyevich"  # not his son Sergei
    assert (part.agent.label, part.position_text) == ("Nikita Khrushchev", "Premier")


def test_one_title_for_two_offices(hsg_reference: ReferenceData) -> None:
    docs, _ = extract("1950.xml", hsg_reference)
    [part] = docs["visits-2376"].events[0].participations
    assert (part.agent.slug, part.position_text) == ("norodom-sihanouk", "Premier and Prince")


def test_two_visitors(hsg_reference: ReferenceData) -> None:
    docs, problems = extract("1990.xml", hsg_reference)
    assert problems == []
    event = docs["visits-855"].events[0]
    assert [(p.agent.slug, p.role, p.position_text) for p in event.participations] == [
        ("cossiga-francesco", Role.VISITOR, "President"),
        ("andreotti-giulio", Role.VISITOR, "Prime Minister"),
    ]
    assert event.description is None  # <description/>
    assert event.date.precision is DatePrecision.DAY and event.date.edtf == "1991-05-07"


def test_two_visitors_outside_the_authority(hsg_reference: ReferenceData) -> None:
    docs, _ = extract("2020.xml", hsg_reference)
    parts = docs["visits-3150"].events[0].participations
    assert [(p.agent.label, p.agent.known, p.position_text) for p in parts] == [
        ("Abdullah", False, "King"),
        ("Hussein", False, "Crown Prince"),
    ]


def test_ambiguous_visitor_is_reported_with_its_line(hsg_reference: ReferenceData) -> None:
    text = """<visits>
    <visit><id>1</id><start-date>1990-01-02</start-date><end-date>1990-01-02</end-date>
        <visitor>Mr. Khrushchev</visitor><from id="japan">Japan</from></visit>
</visits>"""
    extraction = extract_visits("x.xml", text, hsg_reference)
    [doc] = extraction.documents
    [part] = doc.events[0].participations
    assert part.agent.known is False  # two Khrushchevs, nothing to tell them apart
    assert [(p.code, p.line, p.severity) for p in extraction.problems] == [
        ("ambiguous-name", 3, "notice")  # the line of <visitor>
    ]


def test_implausible_link_is_not_made(hsg_reference: ReferenceData) -> None:
    """The only Premier Khrushchev the authority knows left office in 1964."""
    text = """<visits>
    <visit><id>1</id><start-date>2000-01-02</start-date><end-date>2000-01-03</end-date>
        <visitor>Premier Khrushchev</visitor><from id="russia">Russia</from></visit>
</visits>"""
    extraction = extract_visits("x.xml", text, hsg_reference)
    [part] = extraction.documents[0].events[0].participations
    assert (part.agent.slug, part.agent.known) == ("khrushchev", False)
    assert extraction.problems == []
    assert extraction.documents[0].mentions == [PlaceRef("russia", "Russia", known=True)]


# --- malformed input ----------------------------------------------------------------------
def test_truncated_file_keeps_complete_records(hsg_reference: ReferenceData) -> None:
    docs, problems = extract("bad-truncated.xml", hsg_reference)
    assert sorted(docs) == ["visits-2396", "visits-2397"]
    assert problems == ["36:error:broken-xml"]


def test_bad_records_cost_only_themselves(hsg_reference: ReferenceData) -> None:
    docs, problems = extract("bad-records.xml", hsg_reference)
    assert sorted(docs) == ["visits-2394", "visits-2395"]
    assert problems == ["3:error:missing-date", "20:warning:unknown-country"]
    adenauer = docs["visits-2394"]
    assert adenauer.mentions == []  # stored without the country
    assert adenauer.events[0].participations[0].position_text == "Chancellor"


def test_doctype_is_refused(hsg_reference: ReferenceData) -> None:
    docs, problems = extract("bad-doctype.xml", hsg_reference)
    assert docs == {}
    assert problems == ["2:error:unsafe-xml"]


def test_broken_record_in_the_middle_is_skipped_alone() -> None:
    text = (VISITS / "1960.xml").read_text(encoding="utf-8")
    broken = text.replace("<end-date>1960-01-21</end-date>", "<end-date>1960-01-21</end-dat>")
    read = read_visits(broken)
    assert [r.id for r in read.records] == ["2410"]
    assert [(i.code, i.line) for i in read.issues] == [("broken-xml", 6)]
    assert read.records[0].line == 16  # lines stay true after the break


def test_wrong_root() -> None:
    read = read_visits("<trips><trip><id>1</id></trip></trips>")
    assert read.records == [] and [i.code for i in read.issues] == ["not-hsg-data"]


# --- end to end ---------------------------------------------------------------------------
@pytest.fixture
def authority_only(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Ingest with the test authority as the bundled one."""
    folder = tmp_path / "bundled-authorities"
    folder.mkdir()
    shutil.copy(AUTHORITY, folder / AUTHORITY.name)
    monkeypatch.setattr(
        kg.ingest,
        "resource_dir",
        lambda name: folder if name == "authorities" else resource_dir(name),
    )


def rows(graph: KnowledgeGraph, query: str) -> list[tuple[str, ...]]:
    result = graph.select(f"PREFIX dip: <{DIP}>\n" + query)
    return sorted(tuple(str(getattr(t, "value", "")) for t in row) for row in result.rows)


@pytest.mark.usefixtures("authority_only")
def test_ingest_into_store(tmp_path: Path) -> None:
    report = kg.ingest.ingest(tmp_path / "store", [VISITS])
    assert sorted((Path(p.document).name, p.line, p.code) for p in report.problems) == [
        ("bad-doctype.xml", 2, "unsafe-xml"),
        ("bad-records.xml", 3, "missing-date"),
        ("bad-records.xml", 20, "unknown-country"),
        ("bad-truncated.xml", 36, "broken-xml"),
    ]
    assert len(report.stored) == 10 and report.events == 10
    event = BASE + "event/visits-2385"
    with KnowledgeGraph.open(tmp_path / "store") as graph:
        assert rows(graph, f"SELECT ?p WHERE {{ <{event}> dip:participant ?p }}") == [
            (BASE + "person/khrushchev-nikita-sergeyevich",)
        ]
        dates = graph.select(
            f"PREFIX dip: <{DIP}>\nSELECT ?a ?b WHERE {{ <{event}> dip:earliestDate ?a ; "
            "dip:latestDate ?b }"
        ).rows
        assert [
            (a.value, a.datatype.value, b.value)
            for a, b in dates
            if isinstance(a, ox.Literal) and isinstance(b, ox.Literal)
        ] == [("1959-09-15", XSD_DATE, "1959-09-16")]
        assert rows(
            graph,
            f"SELECT ?place ?type WHERE {{ <{event}> dip:tookPlaceAt ?place ; a ?type }}",
        ) == [(BASE + "place/united-states", DIP + "Visit")]
        assert rows(
            graph,
            f"""SELECT ?g ?role ?text WHERE {{ GRAPH ?g {{ <{event}> dip:hasParticipation ?n .
                ?n dip:role ?role ; dip:positionText ?text }} }}""",
        ) == [(BASE + "graph/visits-2385", BASE + "topic/role/visitor", "Premier")]
