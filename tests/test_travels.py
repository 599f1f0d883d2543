"""Travels of presidents and secretaries of state: legs, counterparts, journeys, store.

Fixtures are real records cut from ``data/travels`` (and malformed variants);
persons and places come from ``hsg_authority.ttl``, countries from
``hsg_countries.csv``.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

import kg.ingest
from kg.concepts import DatePrecision, DocumentType, EventType, Role
from kg.extract.reference import ReferenceData
from kg.extract.travels_document import counterparts, extract_travels, looks_like_travels
from kg.formats import detect_format
from kg.model import Document, PlaceRef
from kg.resources import resource_dir
from kg.sources import hsg
from kg.sources.travels import read_travels
from kg.store import KnowledgeGraph

FIXTURES = Path(__file__).parent / "fixtures"
TRAVELS = FIXTURES / "travels"
AUTHORITY = FIXTURES / "hsg_authority.ttl"
COUNTRIES = FIXTURES / "hsg_countries.csv"
BASE = "https://w3id.org/dipkg/"
DIP = "https://w3id.org/dipkg/ontology#"
KENNEDY_PAGE = "https://history.state.gov/departmenthistory/travels/president/kennedy-john-f"
JOURNEY_1961 = "travels-journey-kennedy-john-f-1961-05-31"


pytestmark = pytest.mark.usefixtures("hsg_countries")


def extract(name: str, hsg_reference: ReferenceData) -> tuple[dict[str, Document], list[str]]:
    path = TRAVELS / name
    extraction = extract_travels(str(path), path.read_text(encoding="utf-8"), hsg_reference)
    problems = [f"{p.line}:{p.severity}:{p.code}" for p in extraction.problems]
    return {doc.key: doc for doc in extraction.documents}, problems


@pytest.fixture(scope="module")
def kennedy(hsg_reference: ReferenceData) -> dict[str, Document]:
    table = hsg.CountryTable.load(COUNTRIES)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(hsg, "bundled_country_table", lambda: table)
        docs, problems = extract("kennedy-john-f.xml", hsg_reference)
    assert problems == []
    return docs


def parts(doc: Document) -> list[tuple[str, Role, str | None]]:
    return [(p.agent.slug, p.role, p.position_text) for p in doc.events[0].participations]


# --- reader -------------------------------------------------------------------------------
def test_reader_keeps_fields_and_lines() -> None:
    read = read_travels((TRAVELS / "kennedy-john-f.xml").read_text(encoding="utf-8"))
    assert read.issues == [] and len(read.records) == 8
    vienna = read.records[2]
    assert (vienna.id, vienna.role, vienna.who, vienna.name) == (
        "2778",
        "president",
        "kennedy-john-f",
        "John F. Kennedy",
    )
    assert (vienna.start_date, vienna.end_date, vienna.country_id, vienna.locale) == (
        "1961-06-03",
        "1961-06-04",
        "austria",
        "Vienna",
    )
    assert (vienna.line, vienna.line_of("remarks")) == (32, 40)


def test_detection() -> None:
    text = (TRAVELS / "kennedy-john-f.xml").read_text(encoding="utf-8")
    assert looks_like_travels(text)
    assert not looks_like_travels('<?xml version="1.0"?>\n<presidents>\n<president n="1">')
    found = detect_format(TRAVELS / "kennedy-john-f.xml", text)
    assert found is not None and found.name == "hsg-travels"


# --- counterparts -------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("remarks", "expected"),
    [
        (
            "Met with President Schaerf and held talks with Soviet Premier Khrushchev.",
            [
                ("President", "Schaerf", Role.HOST),
                ("Soviet Premier", "Khrushchev", Role.INTERLOCUTOR),
            ],
        ),
        (
            "Private visit; met with Queen Elizabeth II and Prime Minister Macmillan.",
            [("Queen", "Elizabeth II", Role.HOST), ("Prime Minister", "Macmillan", Role.HOST)],
        ),
        (
            "Discussed the Gulf crisis with President Ozal and Foreign Minister Alptemocin.",
            [
                ("President", "Ozal", Role.INTERLOCUTOR),
                ("Foreign Minister", "Alptemocin", Role.INTERLOCUTOR),
            ],
        ),
        (
            "Met with President Moon Jae-in, and Foreign Minister Kang Kyung-wha.",
            [
                ("President", "Moon Jae-in", Role.HOST),
                ("Foreign Minister", "Kang Kyung-wha", Role.HOST),
            ],
        ),
        (
            "Met with President Bourguiba and senior Tunisian oficials.",
            [("President", "Bourguiba", Role.HOST)],
        ),
        ("Met with West Berlin officials and the commandants.", []),
        ("Accompanied President Clinton.", []),
        ("Audience with Pope Paul VI.", [("Pope", "Paul VI", Role.HOST)]),
    ],
)
def test_counterparts(remarks: str, expected: list[tuple[str | None, str, Role]]) -> None:
    assert [(c.title, c.name, c.role) for c in counterparts(remarks)] == expected


# --- legs ---------------------------------------------------------------------------------
def test_vienna_leg(kennedy: dict[str, Document]) -> None:
    doc = kennedy["travels-2778"]
    title = "Trip of John F. Kennedy to Austria (Vienna), 3–4 June 1961"
    assert (doc.source, doc.record_id, doc.title, doc.url) == (
        "travels",
        "2778",
        title,
        KENNEDY_PAGE,
    )
    assert doc.document_type is DocumentType.DATA_RECORD
    assert doc.held_by is not None and doc.held_by.slug == "office-of-the-historian"
    [event] = doc.events
    assert (event.event_type, event.label) == (EventType.VISIT, title)
    assert (event.date.edtf, event.date.precision) == ("1961-06-03/1961-06-04", DatePrecision.RANGE)
    assert event.place == PlaceRef("vienna", "Vienna", known=True)
    assert doc.mentions == [PlaceRef("austria", "Austria", known=True)]
    assert event.description == (
        "Met with President Schaerf and held talks with Soviet Premier Khrushchev."
    )
    assert parts(doc) == [
        ("kennedy-john-f", Role.TRAVELLER, "President of the United States"),
        ("schaerf-adolf", Role.HOST, "President"),
        ("khrushchev-nikita-sergeyevich", Role.INTERLOCUTOR, "Soviet Premier"),
    ]
    assert doc.unlinked_names == []
    assert event.sub_event_of == JOURNEY_1961


def test_unresolved_counterparts_are_left_for_review(kennedy: dict[str, Document]) -> None:
    london = kennedy["travels-2779"]
    assert parts(london)[1:] == [("macmillan-harold", Role.HOST, "Prime Minister")]
    assert london.unlinked_names == ["Elizabeth II"]  # the office stays in the example sentence
    assert kennedy["travels-2777"].unlinked_names == ["De Gaulle"]
    assert parts(kennedy["travels-2777"]) == [
        ("kennedy-john-f", Role.TRAVELLER, "President of the United States")
    ]


def test_place_is_city_or_country_of_the_time(kennedy: dict[str, Document]) -> None:
    bonn = kennedy["travels-2786"]  # "Bonn, Cologne, Frankfurt, Wiesbaden" in 1963
    assert bonn.events[0].place == PlaceRef("west-germany", "West Germany", known=True)
    assert [m.slug for m in bonn.mentions] == ["bonn", "frankfurt"]
    berlin = kennedy["travels-2787"]
    assert berlin.events[0].place == PlaceRef("west-berlin", "West Berlin", known=True)
    assert [m.slug for m in berlin.mentions] == ["west-germany"]
    bogota = kennedy["travels-2781"]  # Bogota is not in the authority
    assert bogota.events[0].place == PlaceRef("colombia", "Colombia", known=True)
    assert bogota.events[0].date.precision is DatePrecision.DAY


# --- journeys -----------------------------------------------------------------------------
def test_legs_grouped_into_journeys(kennedy: dict[str, Document]) -> None:
    journeys = sorted(key for key in kennedy if "journey" in key)
    assert journeys == [
        JOURNEY_1961,
        "travels-journey-kennedy-john-f-1961-12-16",
        "travels-journey-kennedy-john-f-1963-06-23",
    ]
    legs = {key: doc.events[0].sub_event_of for key, doc in kennedy.items() if "journey" not in key}
    assert legs == {
        "travels-2776": None,  # Canada, 16-18 May: a trip of one leg
        "travels-2777": JOURNEY_1961,
        "travels-2778": JOURNEY_1961,
        "travels-2779": JOURNEY_1961,
        "travels-2780": "travels-journey-kennedy-john-f-1961-12-16",
        "travels-2781": "travels-journey-kennedy-john-f-1961-12-16",
        "travels-2786": "travels-journey-kennedy-john-f-1963-06-23",
        "travels-2787": "travels-journey-kennedy-john-f-1963-06-23",
    }
    journey = kennedy[JOURNEY_1961]
    label = "Journey of John F. Kennedy, 31 May – 5 June 1961"
    assert (journey.source, journey.record_id, journey.title, journey.url) == (
        "travels",
        "journey-kennedy-john-f-1961-05-31",
        label,
        KENNEDY_PAGE,
    )
    [event] = journey.events
    assert (event.event_type, event.label, event.date.edtf) == (
        EventType.JOURNEY,
        label,
        "1961-05-31/1961-06-05",
    )
    assert (event.date.earliest, event.date.latest) == (dt.date(1961, 5, 31), dt.date(1961, 6, 5))
    assert parts(journey) == [("kennedy-john-f", Role.TRAVELLER, "President of the United States")]
    assert [m.slug for m in journey.mentions] == ["france", "austria", "united-kingdom"]


def test_trip_as_president_elect(hsg_reference: ReferenceData) -> None:
    text = """<trips><trip role="president" who="someone-new"><id>1</id><name>Someone New</name>
        <start-date>1952-12-02</start-date><end-date>1952-12-05</end-date>
        <country id="korea-south">Korea, Republic of</country><locale/>
        <remarks>Visited U.S. troops. [Visit made as President-elect.]</remarks></trip></trips>"""
    extraction = extract_travels("elect.xml", text, hsg_reference)
    [doc] = extraction.documents
    # a traveller missing from the authority keeps the Office of the Historian slug
    assert parts(doc) == [("someone-new", Role.TRAVELLER, "President-elect of the United States")]
    assert doc.url == "https://history.state.gov/departmenthistory/travels/president/someone-new"
    assert doc.events[0].place is None
    assert [(p.code, p.severity) for p in extraction.problems] == [("unknown-country", "warning")]


def test_foreign_counterpart_needs_a_qualifier(hsg_reference: ReferenceData) -> None:
    """A bare surname is expected to be of the country visited; "Soviet" says otherwise."""
    trip = """<trip role="president" who="kennedy-john-f"><id>{id}</id>
        <name>John F. Kennedy</name><start-date>1961-0{id}-01</start-date>
        <end-date>1961-0{id}-01</end-date><country id="japan">Japan</country>
        <locale>Tokyo</locale><remarks>Met with {who} Khrushchev.</remarks></trip>"""
    text = "<trips>" + trip.format(id=1, who="Premier") + trip.format(id=3, who="Soviet Premier")
    extraction = extract_travels("x.xml", text + "</trips>", hsg_reference)
    bare, qualified = extraction.documents
    assert parts(bare)[1:] == [] and bare.unlinked_names == ["Khrushchev"]
    assert parts(qualified)[1:] == [("khrushchev-nikita-sergeyevich", Role.HOST, "Soviet Premier")]


# --- malformed input ----------------------------------------------------------------------
def test_truncated_file_keeps_complete_records(hsg_reference: ReferenceData) -> None:
    docs, problems = extract("bad-truncated.xml", hsg_reference)
    assert sorted(docs) == ["travels-1802", "travels-1803"]
    assert problems == ["39:error:broken-xml"]


def test_bad_records_cost_only_themselves(hsg_reference: ReferenceData) -> None:
    docs, problems = extract("bad-records.xml", hsg_reference)
    assert sorted(docs) == ["travels-1805", "travels-1807"]
    assert problems == ["9:warning:unknown-country", "17:error:missing-date"]
    # the unknown id's country is found by its name, "United Kingdom"
    assert docs["travels-1805"].mentions == [
        PlaceRef("united-kingdom", "United Kingdom", known=True)
    ]


# --- end to end ---------------------------------------------------------------------------
@pytest.fixture
def authority_only(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
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
    report = kg.ingest.ingest(tmp_path / "store", [TRAVELS])
    assert sorted((Path(p.document).name, p.line, p.code) for p in report.problems) == [
        ("bad-records.xml", 9, "unknown-country"),
        ("bad-records.xml", 17, "missing-date"),
        ("bad-truncated.xml", 39, "broken-xml"),
    ]
    assert len(report.stored) == 15 and report.events == 15  # 12 legs + 3 journeys
    leg, journey = BASE + "event/travels-2778", BASE + f"event/{JOURNEY_1961}"
    with KnowledgeGraph.open(tmp_path / "store") as graph:
        assert rows(graph, f"SELECT ?j WHERE {{ <{leg}> dip:subEventOf ?j }}") == [(journey,)]
        assert rows(graph, f"SELECT ?p WHERE {{ <{leg}> dip:participant ?p }}") == [
            (BASE + "person/kennedy-john-f",),
            (BASE + "person/khrushchev-nikita-sergeyevich",),
            (BASE + "person/schaerf-adolf",),
        ]
        assert rows(
            graph,
            f"""SELECT ?role WHERE {{ <{leg}> dip:hasParticipation ?n .
                ?n dip:agent <{BASE}person/khrushchev-nikita-sergeyevich> ; dip:role ?role }}""",
        ) == [(BASE + "topic/role/interlocutor",)]
        assert rows(
            graph,
            f"""SELECT ?a ?b ?type WHERE {{ <{journey}> dip:earliestDate ?a ;
                dip:latestDate ?b ; dip:eventType ?type }}""",
        ) == [("1961-05-31", "1961-06-05", BASE + "topic/event-type/journey")]
        assert rows(graph, f"SELECT ?leg WHERE {{ ?leg dip:subEventOf <{journey}> }}") == [
            (BASE + "event/travels-2777",),
            (BASE + "event/travels-2778",),
            (BASE + "event/travels-2779",),
        ]
