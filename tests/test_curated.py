"""Curated records (YAML and CSV): reader, schema errors with lines, extraction, store.

Fixtures: ``fixtures/curated/valid`` (well-formed records and one unrelated YAML file),
``fixtures/curated/malformed`` (schema errors beside records that must be kept) and a small
authority of their own (``fixtures/curated/authority.ttl``).  The end-to-end tests ingest
with the bundled authority, as ``kg ingest`` does.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pyoxigraph as ox
import pytest

import kg.ingest
from kg.concepts import Classification, DatePrecision, DocumentType, EventType, Role
from kg.extract.curated_document import (
    FORMAT_CSV,
    FORMAT_YAML,
    extract_curated_csv,
    extract_curated_yaml,
    looks_like_curated_csv,
    looks_like_curated_yaml,
    parse_edtf,
)
from kg.extract.dates import DateError, DateSpan
from kg.extract.document import Extraction
from kg.extract.reference import ReferenceData
from kg.formats import detect_format
from kg.model import AgentRef, Document, Event, Participation, PlaceRef, TopicRef
from kg.resources import resource_dir
from kg.sources.curated import read_curated_csv, read_curated_yaml
from kg.store import KnowledgeGraph

FIXTURES = Path(__file__).parent / "fixtures" / "curated"
VALID = FIXTURES / "valid"
MALFORMED = FIXTURES / "malformed"
EXAMPLES = Path(__file__).parent.parent / "data" / "curated"
BASE = "https://w3id.org/dipkg/"
DIP = "https://w3id.org/dipkg/ontology#"
XSD_DATE = "http://www.w3.org/2001/XMLSchema#date"


@pytest.fixture(scope="module")
def reference() -> ReferenceData:
    return ReferenceData.load([FIXTURES / "authority.ttl"], BASE)


@pytest.fixture(scope="module")
def bundled() -> ReferenceData:
    return ReferenceData.load(sorted(resource_dir("authorities").glob("*.ttl")), BASE)


def extract(path: Path, reference: ReferenceData) -> Extraction:
    text = path.read_text(encoding="utf-8")
    reader = extract_curated_csv if path.suffix == ".csv" else extract_curated_yaml
    return reader(str(path), text, reference)


def person(slug: str, label: str, known: bool = True) -> AgentRef:
    return AgentRef("person", slug, label, known)


KENNEDY = person("kennedy-john-f", "John F. Kennedy")
KHRUSHCHEV = person("khrushchev-nikita-sergeyevich", "Nikita Khrushchev")
RUSK = person("rusk-david-dean", "Dean Rusk")
GROMYKO = person("gromyko-andrei-andreyevich", "Andrei Gromyko")
MENSHIKOV = person("menshikov-mikhail-alekseyevich", "Mikhail Menshikov")


# --- detection and reading ------------------------------------------------------------------
def test_detection() -> None:
    yaml_text = (VALID / "vienna.yaml").read_text(encoding="utf-8")
    csv_text = (VALID / "meetings.csv").read_text(encoding="utf-8")
    unrelated = (VALID / "unrelated.yml").read_text(encoding="utf-8")
    countries = (resource_dir("authorities") / "historical-countries.csv").read_text()
    assert looks_like_curated_yaml(yaml_text) and not looks_like_curated_yaml(unrelated)
    assert looks_like_curated_csv(csv_text) and not looks_like_curated_csv(countries)
    assert [
        getattr(detect_format(path, text), "name", None)
        for path, text in (
            (VALID / "vienna.yaml", yaml_text),
            (VALID / "meetings.csv", csv_text),
            (VALID / "unrelated.yml", unrelated),
            (Path("historical-countries.csv"), countries),
        )
    ] == [FORMAT_YAML, FORMAT_CSV, None, None]


def test_reader_keeps_lines_of_records_and_fields() -> None:
    read = read_curated_yaml("vienna.yaml", (VALID / "vienna.yaml").read_text(encoding="utf-8"))
    assert read.problems == []
    vienna, rusk = read.records
    assert (vienna.id, vienna.line, rusk.id, rusk.line) == (
        "vienna-summit-1961",
        4,
        "rusk-menshikov-1961-02-03",
        29,
    )
    assert (vienna.date.value, vienna.date.line, vienna.line_of("topics")) == (
        "3–4 June 1961",
        7,
        19,
    )
    assert [(p.name, p.role, p.position, p.line) for p in vienna.participants[:2]] == [
        ("John F. Kennedy", Role.PARTICIPANT, "President of the United States", 10),
        ("Nikita Khrushchev", Role.PARTICIPANT, None, 13),
    ]
    assert vienna.participants[-1].role is Role.INTERPRETER  # "(Interpreter)": case is free
    assert rusk.document is not None and rusk.document.author is not None
    assert (rusk.document.author.value, rusk.document.author.line) == ("Dean Rusk", 36)
    rows = read_curated_csv("m.csv", (VALID / "meetings.csv").read_text(encoding="utf-8"))
    assert [(r.id, r.line) for r in rows.records] == [
        ("kennedy-gromyko-1961-10-06", 2),
        ("khrushchev-visit-1959", 4),  # the quoted notes of row 1 span lines 2-3
    ]


# --- valid records -> documents -------------------------------------------------------------
def test_vienna_summit_document_and_event(reference: ReferenceData) -> None:
    extraction = extract(VALID / "vienna.yaml", reference)
    assert extraction.problems == []
    vienna = extraction.documents[0]
    span = DateSpan(
        "3–4 June 1961",
        "1961-06-03/1961-06-04",
        dt.date(1961, 6, 3),
        dt.date(1961, 6, 4),
        DatePrecision.RANGE,
    )
    label = (
        "Meeting between John F. Kennedy, Nikita Khrushchev, Dean Rusk and Andrei Gromyko, "
        "3–4 June 1961"
    )
    event = Event(
        EventType.MEETING,
        label,
        span,
        participations=[
            Participation(KENNEDY, Role.PARTICIPANT, "President of the United States"),
            Participation(KHRUSHCHEV, Role.PARTICIPANT),
            Participation(RUSK, Role.PARTICIPANT),
            Participation(GROMYKO, Role.PARTICIPANT),
            Participation(
                person("akalovsky-alexander-a", "Alexander A. Akalovsky"), Role.INTERPRETER
            ),
            Participation(
                person("sukhodrev-viktor-mikhailovich", "Viktor Sukhodrev"), Role.INTERPRETER
            ),
        ],
        place=PlaceRef("vienna", "Vienna", known=True),
        topics=[
            TopicRef("berlin-crisis", 1.0),
            TopicRef("nuclear-test-ban", 1.0),
            TopicRef("summit-meetings", 1.0),
        ],
        description=(
            "Two days of talks, at the American Ambassador's residence\nand at the Soviet Embassy."
        ),
        same_as=["frus-frus1961-63v05-d87", "frus-frus1961-63v05-d83"],
    )
    assert vienna == Document(
        source="curated",
        record_id="vienna-summit-1961",
        title="Vienna summit",
        document_type=DocumentType.CURATED_RECORD,
        archival_reference=(
            "Foreign Relations of the United States, 1961–1963, Volume V, Documents 83–89"
        ),
        url="https://history.state.gov/historicaldocuments/frus1961-63v05/d83",
        events=[event],
    )
    assert vienna.key == "curated-vienna-summit-1961"


def test_edtf_gives_bounds_and_document_block(reference: ReferenceData) -> None:
    rusk = extract(VALID / "vienna.yaml", reference).documents[1]
    assert rusk.title == (
        "Conversation between Dean Rusk and Mikhail Menshikov, "
        "Friday afternoon, before the reception"
    )
    assert rusk.document_type is DocumentType.MEMORANDUM_OF_CONVERSATION
    assert rusk.created == DateSpan(
        "4 February 1961", "1961-02-04", dt.date(1961, 2, 4), dt.date(1961, 2, 4), DatePrecision.DAY
    )
    assert (rusk.creator, rusk.classification) == (RUSK, Classification.CONFIDENTIAL)
    assert (rusk.language, rusk.original_language) == (None, "English")
    event = rusk.events[0]
    assert event.date == DateSpan(
        "Friday afternoon, before the reception",
        "1961-02-03",
        dt.date(1961, 2, 3),
        dt.date(1961, 2, 3),
        DatePrecision.DAY,
    )
    assert event.event_type is EventType.CONVERSATION  # the default type
    assert event.participations == [
        Participation(RUSK, Role.INTERLOCUTOR),
        Participation(MENSHIKOV, Role.INTERLOCUTOR),
    ]
    assert event.place == PlaceRef("washington", "Washington", known=True)  # from "…, D.C."
    # no topics given: assigned from the notes, with the thesaurus' confidence
    assert event.topics == [TopicRef("nuclear-test-ban", 0.5)]


def test_csv_records(reference: ReferenceData) -> None:
    extraction = extract(VALID / "meetings.csv", reference)
    assert extraction.problems == []
    talk, visit = extraction.documents
    event = talk.events[0]
    assert (talk.key, talk.title) == (
        "curated-kennedy-gromyko-1961-10-06",
        "Conversation between John F. Kennedy and Andrei Gromyko, October 6, 1961",
    )
    assert talk.held_by == AgentRef(
        "organization", "jfk-library", "John F. Kennedy Presidential Library and Museum", True
    )
    assert talk.archival_reference == "Kennedy Library, President's Office Files"
    assert event.participations == [
        Participation(KENNEDY, Role.PARTICIPANT),
        Participation(GROMYKO, Role.PARTICIPANT),
        Participation(RUSK, Role.PRESENT),
    ]
    assert event.topics == [TopicRef("berlin-crisis", 1.0), TopicRef("us-soviet-relations", 1.0)]
    assert event.description == "At the White House;\nBerlin was the subject."
    assert event.same_as == []
    trip = visit.events[0]
    assert (trip.event_type, trip.label) == (
        EventType.VISIT,
        "Visit of Nikita Khrushchev, September 1959",
    )
    assert (trip.date.edtf, trip.date.precision) == ("1959-09", DatePrecision.MONTH)
    assert trip.participations == [Participation(KHRUSHCHEV, Role.VISITOR)]


# --- malformed records: problem code, file and line; the other records are kept ----------
@pytest.mark.parametrize(
    ("name", "problems", "kept"),
    [
        ("syntax.yaml", [(6, "error", "yaml-syntax")], []),
        ("missing-id.yaml", [(3, "error", "missing-field")], ["kept"]),
        (
            "bad-date.yaml",
            [
                (4, "error", "bad-date"),
                (8, "error", "bad-edtf"),
                (12, "warning", "date-mismatch"),
                (18, "error", "bad-date"),
            ],
            ["mismatch"],
        ),
        (
            "unknown-role.yaml",
            [(7, "error", "unknown-role"), (9, "error", "unknown-role")],
            ["kept"],
        ),
        (
            "unknown-field.yaml",
            [(5, "error", "unknown-field"), (8, "error", "unknown-field")],
            ["kept"],
        ),
        ("duplicate-id.yaml", [(6, "error", "duplicate-id")], ["vienna"]),
        (
            "participants-type.yaml",
            [(5, "error", "wrong-type"), (9, "error", "wrong-type")],
            [],
        ),
        ("version.yaml", [(1, "error", "unsupported-version")], []),
        (
            "bad.csv",
            [(2, "error", "unknown-role"), (3, "error", "bad-date"), (4, "error", "bad-row")],
            ["kept"],
        ),
        ("bad-header.csv", [(1, "error", "bad-header")], []),
    ],
)
def test_malformed(
    name: str, problems: list[tuple[int, str, str]], kept: list[str], reference: ReferenceData
) -> None:
    path = MALFORMED / name
    extraction = extract(path, reference)
    assert [(p.line, p.severity, p.code) for p in extraction.problems] == problems
    assert {p.document for p in extraction.problems} == {str(path)}
    assert [doc.record_id for doc in extraction.documents] == kept
    for problem in extraction.problems:
        assert str(problem).startswith(f"{path}:{problem.line}: {problem.severity}: ")
        if problem.severity == "error" and kept:
            assert problem.message.endswith("; record skipped")


def test_reference_and_value_errors(reference: ReferenceData) -> None:
    path = MALFORMED / "references.yaml"
    extraction = extract(path, reference)
    assert [(p.line, p.severity, p.code) for p in extraction.problems] == [
        (2, "warning", "unknown-field"),
        (7, "error", "unknown-topic"),
        (11, "error", "bad-same-as"),  # a bare record id of this file
        (11, "error", "bad-same-as"),  # the record itself
        (11, "error", "bad-same-as"),  # not a key
        (15, "warning", "unresolved-place"),
        (19, "error", "too-few-participants"),
        (20, "error", "bad-id"),
        (21, "error", "unknown-event-type"),
        (23, "error", "bad-url"),
        (24, "error", "duplicate-field"),
        (27, "error", "unknown-document-type"),
        (28, "error", "unknown-classification"),
        (29, "error", "wrong-type"),
    ]
    # an unresolved place is a warning: the record is kept with an unlinked place
    (doc,) = extraction.documents
    assert doc.events[0].place == PlaceRef("schonbrunn-palace", "Schönbrunn Palace", False)


# --- EDTF -----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("edtf", "earliest", "latest", "precision"),
    [
        ("1961", "1961-01-01", "1961-12-31", DatePrecision.YEAR),
        ("1961-02", "1961-02-01", "1961-02-28", DatePrecision.MONTH),
        ("1964-02", "1964-02-01", "1964-02-29", DatePrecision.MONTH),
        ("1961-06-04", "1961-06-04", "1961-06-04", DatePrecision.DAY),
        ("1962-21", "1962-03-01", "1962-05-31", DatePrecision.SEASON),
        ("1962-23", "1962-09-01", "1962-11-30", DatePrecision.SEASON),
        ("1962-24", "1962-12-01", "1963-02-28", DatePrecision.SEASON),
        ("1961~", "1960-01-01", "1962-12-31", DatePrecision.APPROXIMATE),
        ("1961-06?", "1961-06-01", "1961-06-30", DatePrecision.APPROXIMATE),
        ("1961-06-03/1961-06-04", "1961-06-03", "1961-06-04", DatePrecision.RANGE),
        ("1961-05-21?/1961-06-10?", "1961-05-21", "1961-06-10", DatePrecision.APPROXIMATE),
        ("1961-12/1962-01", "1961-12-01", "1962-01-31", DatePrecision.RANGE),
    ],
)
def test_parse_edtf(edtf: str, earliest: str, latest: str, precision: DatePrecision) -> None:
    span = parse_edtf(edtf)
    assert (span.edtf, span.earliest.isoformat(), span.latest.isoformat(), span.precision) == (
        edtf,
        earliest,
        latest,
        precision,
    )


@pytest.mark.parametrize(
    "edtf", ["1961-13", "1961-02-29", "61", "1961-06-03/", "../1961", "1962/1961", "196X", "a/b/c"]
)
def test_parse_edtf_refuses(edtf: str) -> None:
    with pytest.raises(DateError):
        parse_edtf(edtf)


# --- the store ------------------------------------------------------------------------------
def rows(graph: KnowledgeGraph, query: str) -> list[tuple[str, ...]]:
    result = graph.select(f"PREFIX dip: <{DIP}>\n{query}")
    return sorted(tuple(str(t.value) if t is not None else "" for t in row) for row in result.rows)


def test_ingest_into_store(tmp_path: Path) -> None:
    report = kg.ingest.ingest(tmp_path / "store", [VALID])
    assert report.data_problems == []
    assert report.skipped_files == [str(VALID / "unrelated.yml")]
    assert sorted(report.stored) == [
        "curated-kennedy-gromyko-1961-10-06",
        "curated-khrushchev-visit-1959",
        "curated-rusk-menshikov-1961-02-03",
        "curated-vienna-summit-1961",
    ]
    event = f"<{BASE}event/curated-vienna-summit-1961>"
    with KnowledgeGraph.open(tmp_path / "store") as graph:
        assert rows(graph, f"SELECT ?p WHERE {{ {event} dip:participant ?p }}") == [
            (f"{BASE}person/{slug}",)
            for slug in sorted(
                [
                    "akalovsky-alexander-a",
                    "gromyko-andrei-andreyevich",
                    "kennedy-john-f",
                    "khrushchev-nikita-sergeyevich",
                    "rusk-david-dean",
                    "sukhodrev-viktor-mikhailovich",
                ]
            )
        ]
        dates = graph.select(
            f"PREFIX dip: <{DIP}>\nSELECT ?a ?b WHERE {{ {event} dip:earliestDate ?a ; "
            "dip:latestDate ?b }"
        ).rows
        assert [
            (a.value, a.datatype.value, b.value, b.datatype.value)
            for a, b in dates
            if isinstance(a, ox.Literal) and isinstance(b, ox.Literal)
        ] == [("1961-06-03", XSD_DATE, "1961-06-04", XSD_DATE)]
        assert rows(graph, f"SELECT ?e WHERE {{ {event} dip:sameEventAs ?e }}") == [
            (f"{BASE}event/frus-frus1961-63v05-d83",),
            (f"{BASE}event/frus-frus1961-63v05-d87",),
        ]
        assert rows(graph, f"SELECT ?t WHERE {{ {event} dip:hasTopic ?t }}") == [
            (f"{BASE}topic/berlin-crisis",),
            (f"{BASE}topic/nuclear-test-ban",),
            (f"{BASE}topic/summit-meetings",),
        ]
        assert rows(
            graph,
            f"""SELECT ?g ?d ?type WHERE {{ GRAPH ?g {{ {event} dip:documentedIn ?d ;
                dip:eventType ?type }} }}""",
        ) == [
            (
                f"{BASE}graph/curated-vienna-summit-1961",
                f"{BASE}document/curated-vienna-summit-1961",
                f"{BASE}topic/event-type/meeting",
            )
        ]


# --- the bundled examples -------------------------------------------------------------------
@pytest.mark.parametrize("name", ["examples.yaml", "examples.csv"])
def test_examples_read_cleanly(name: str, bundled: ReferenceData) -> None:
    extraction = extract(EXAMPLES / name, bundled)
    assert extraction.problems == []
    assert extraction.documents
    for doc in extraction.documents:
        assert all(
            p.agent.known or p.agent.slug == "krimer-william-d"
            for p in doc.events[0].participations
        )
        assert doc.events[0].place is not None and doc.events[0].place.known
        assert doc.events[0].topics and all(t.confidence == 1.0 for t in doc.events[0].topics)


def test_examples_link_to_events_that_exist(tmp_path: Path) -> None:
    data = EXAMPLES.parent
    report = kg.ingest.ingest(tmp_path / "store", [EXAMPLES, data / "frus", data / "wilson"])
    assert [p for p in report.data_problems if "curated" in p.document] == []
    with KnowledgeGraph.open(tmp_path / "store") as graph:
        links = rows(
            graph,
            "SELECT ?a ?b ?type WHERE { ?a dip:sameEventAs ?b . OPTIONAL { ?b a ?type } }",
        )
    assert links == [
        (
            f"{BASE}event/curated-alekseev-telegram-1962-11-04",
            f"{BASE}event/curated-mikoyan-castro-1962-11-04",
            f"{DIP}Conversation",
        ),
        (
            f"{BASE}event/curated-rusk-menshikov-1961-02-03",
            f"{BASE}event/frus-frus1961-63v05-d21",
            f"{DIP}Conversation",
        ),
    ]


def test_examples_of_the_format_documentation(tmp_path: Path, bundled: ReferenceData) -> None:
    """The YAML and CSV examples of docs/curated-format.md read without problems."""
    doc = (EXAMPLES.parent.parent / "docs" / "curated-format.md").read_text(encoding="utf-8")
    for fence, suffix in (("```yaml\n", ".yaml"), ("```csv\n", ".csv")):
        start = doc.index(fence) + len(fence)
        path = tmp_path / f"example{suffix}"
        path.write_text(doc[start : doc.index("```", start)], encoding="utf-8")
        extraction = extract(path, bundled)
        assert extraction.problems == []
        assert len(extraction.documents) == 1


def test_an_organization_takes_part_as_the_organization(bundled: ReferenceData) -> None:
    """A participant the authority knows as an organization is not read as a person's name."""
    extraction = extract(FIXTURES / "organization.yaml", bundled)
    assert extraction.problems == []
    (event,) = extraction.documents[0].events
    oas = AgentRef("organization", "oas", "Organization of American States", True)
    assert [(p.agent, p.role) for p in event.participations] == [
        (RUSK, Role.PARTICIPANT),
        (oas, Role.PARTICIPANT),
        (oas, Role.HOST),
    ]
