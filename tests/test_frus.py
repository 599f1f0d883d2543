"""The FRUS TEI importer: reader, extraction of each document kind, broken input, end to end."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kg.authority import Authority, Entity, Position
from kg.concepts import Classification, DatePrecision, DocumentType, EventType, Role
from kg.extract.document import Extraction
from kg.extract.frus_document import FORMAT, SUFFIXES, classify_head, extract_frus, looks_like_frus
from kg.extract.reference import ReferenceData
from kg.extract.topics import Thesaurus
from kg.model import AgentRef, Document, PlaceRef
from kg.sources.frus import FrusFormatError, _VolumeReader, read_frus

FIXTURES = Path(__file__).parent / "fixtures" / "frus"
VOLUME = FIXTURES / "volume"
EXCERPT = VOLUME / "frus1961-63v05-excerpt.xml"
MALFORMED = FIXTURES / "malformed"
BASE = "https://w3id.org/dipkg/"
DAY = dt.date(1961, 2, 3)


def _person(slug: str, label: str, given: str, family: str, *offices: str) -> Entity:
    positions = tuple(Position(o, dt.date(1958, 1, 1), dt.date(1962, 12, 31)) for o in offices)
    return Entity("person", slug, label, (), (), family, given, positions=positions)


AUTHORITY = Authority(
    [
        _person(
            "menshikov-mikhail-alekseevich",
            "Mikhail Menshikov",
            "Mikhail Alekseevich",
            "Menshikov",
            "Soviet Ambassador to the United States",
        ),
        _person("rusk-dean", "Dean Rusk", "Dean", "Rusk", "Secretary of State"),
        _person("thompson-llewellyn-e", "Llewellyn E. Thompson", "Llewellyn E.", "Thompson"),
        Entity(
            "organization",
            "us-department-of-state",
            "US Department of State",
            ("Department of State",),
        ),
        Entity(
            "organization",
            "central-files",
            "Department of State Central Files",
            ("Department of State, Central Files",),
        ),
        Entity("organization", "united-nations", "United Nations", ("UN",)),
        Entity("place", "washington", "Washington", ("Washington, D.C.",)),
        Entity("place", "moscow", "Moscow"),
        Entity("place", "soviet-union", "Soviet Union", ("Union of Soviet Socialist Republics",)),
    ]
)
REFERENCE = ReferenceData(AUTHORITY, Thesaurus.empty())


def extract(path: Path, text: str | None = None) -> Extraction:
    return extract_frus(str(path), path.read_text() if text is None else text, REFERENCE)


def by_id(extraction: Extraction) -> dict[str, Document]:
    return {doc.record_id.rsplit("-", 1)[1]: doc for doc in extraction.documents}


def line_of(path: Path, needle: str) -> int:
    text = path.read_text()
    return text[: text.index(needle)].count("\n") + 1


@pytest.fixture(scope="module")
def excerpt() -> Extraction:
    return extract(EXCERPT)


# --- reader ---------------------------------------------------------------------------------
def test_reader_volume_lists_and_documents() -> None:
    volume = read_frus(EXCERPT.read_text())
    assert volume.volume == "frus1961-63v05"
    assert (
        volume.title == "Foreign Relations of the United States, 1961–1963, Volume V, Soviet Union"
    )
    assert [d.doc_id for d in volume.documents] == ["d4", "d5", "d9", "d21"]
    thompson = volume.persons["p_TLEJ1"]
    assert (thompson.name, thompson.description) == (
        "Thompson, Llewellyn E., Jr.",
        "Ambassador to the Soviet Union until July 1962; thereafter Ambassador at Large",
    )
    assert volume.persons["p_SAE1"].name == "Stevenson, Adlai E., III"
    assert (volume.terms["t_UN1"].name, volume.terms["t_UN1"].description) == (
        "UN",
        "United Nations",
    )
    assert volume.issues == []


def test_reader_telegram_fields() -> None:
    d9 = read_frus(EXCERPT.read_text()).documents[2]
    assert d9.head == "9. Telegram From the Embassy in the Soviet Union to the Department of State"
    assert [(r.element, r.type, r.text) for r in d9.head_names] == [
        ("gloss", "from", "Embassy in the Soviet Union"),
        ("gloss", "to", "Department of State"),
    ]
    assert d9.source_note == (
        "Source: Department of State, Central Files, 761.5411/1-2161. Confidential; Priority."
    )
    assert (d9.place, d9.date_when, d9.date_text) == (
        "Moscow",
        "1961-01-21T16:00:00",
        "January 21, 1961, 4 p.m.",
    )
    assert [(s.text, s.ref) for s in d9.signers] == [("Thompson", "p_TLEJ1")]
    assert d9.line == line_of(EXCERPT, '<div type="document" xml:id="d9"')


def test_reader_drops_page_breaks_inside_text() -> None:
    d21 = read_frus(EXCERPT.read_text()).documents[3]
    assert "with the installation of the new Administration" in d21.body
    assert d21.subjects == ("Discussion of U.S.-Soviet Relations",)
    assert [p.text for p in d21.participants] == [
        "Mikhail A. Menshikov, Soviet Ambassador",
        "Mr. Levchenko, Second Secretary, Soviet Embassy",
        "The Secretary",
        "Mr. McSweeney, Director, SOV",
    ]


D, E = DocumentType, EventType


@pytest.mark.parametrize(
    ("head", "doc_type", "event_type"),
    [
        ("Memorandum of Conversation", D.MEMORANDUM_OF_CONVERSATION, E.CONVERSATION),
        ("Record of Telephone Conversation Between President-elect Kennedy and Adlai E. Stevenson",
         D.MEMORANDUM_OF_CONVERSATION, E.TELEPHONE_CONVERSATION),
        ("Telephone Conversation Between Rusk and Bundy", D.MEMORANDUM_OF_CONVERSATION,
         E.TELEPHONE_CONVERSATION),
        ("Circular Telegram From the Department of State to All Diplomatic and Consular Posts",
         D.TELEGRAM, None),
        ("Airgram From the Embassy in the Soviet Union to the Department of State",
         D.AIRGRAM, None),
        ("Editorial Note", D.EDITORIAL_NOTE, None),
        ("Special National Intelligence Estimate", D.INTELLIGENCE_ESTIMATE, None),
        ("Memorandum From the Assistant Secretary of State for Public Affairs (Tubby) to the "
         "President's Press Secretary (Salinger)", D.MEMORANDUM, None),
        ("Letter From President Kennedy to Chairman Khrushchev", D.LETTER, None),
        ("David K.E. Bruce Diary Entry", D.DIARY_ENTRY, None),
        ("Minutes of the 496th Meeting of the National Security Council", D.MINUTES, E.MEETING),
        ("Summary Record of the NSC Executive Committee", D.MINUTES, E.MEETING),
        ("Record of Secretary of State Rusk's Staff Meeting", D.MINUTES, E.MEETING),
        ("Current Intelligence Weekly Review", D.OTHER, None),
    ],
)  # fmt: skip
def test_classify_head(head: str, doc_type: DocumentType, event_type: EventType | None) -> None:
    assert classify_head(head) == (doc_type, event_type)


# --- documents ------------------------------------------------------------------------------
def test_d21_memorandum_of_conversation(excerpt: Extraction) -> None:
    d21 = by_id(excerpt)["d21"]
    assert d21.key == "frus-frus1961-63v05-d21"
    assert d21.url == "https://history.state.gov/historicaldocuments/frus1961-63v05/d21"
    assert d21.title == "Memorandum of Conversation"
    assert d21.document_type is DocumentType.MEMORANDUM_OF_CONVERSATION
    assert d21.created is not None
    assert (d21.created.earliest, d21.created.latest, d21.created.edtf) == (DAY, DAY, "1961-02-03")
    assert d21.classification is Classification.CONFIDENTIAL
    assert d21.archival_reference == "Department of State, Central Files, 611.61/2-361"
    assert d21.held_by == AgentRef(
        "organization", "central-files", "Department of State Central Files", True
    )
    assert d21.creator == AgentRef("person", "mcsweeney-john-m", "John M. McSweeney")
    [event] = d21.events
    assert event.event_type is EventType.CONVERSATION
    assert (event.date.earliest, event.date.latest) == (DAY, DAY)
    assert event.place == PlaceRef("washington", "Washington", True)
    assert [
        (p.agent.slug, p.agent.known, p.role, p.position_text) for p in event.participations
    ] == [
        ("menshikov-mikhail-alekseevich", True, Role.PARTICIPANT, "Soviet Ambassador"),
        ("levchenko-nikifor-m", False, Role.PARTICIPANT, "Second Secretary, Soviet Embassy"),
        ("rusk-dean", True, Role.PARTICIPANT, "Secretary of State"),
        ("mcsweeney-john-m", False, Role.PARTICIPANT, "Director, SOV"),
    ]
    # "Mr. Levchenko" is named in full through the persons list.
    assert event.participations[1].agent.label == "Nikifor M. Levchenko"
    assert event.label == (
        "Conversation between Mikhail Menshikov, Nikifor M. Levchenko, Dean Rusk and "
        "John M. McSweeney, 3 February 1961"
    )


def test_mentions_come_from_corresp_ids(excerpt: Extraction) -> None:
    d21 = by_id(excerpt)["d21"]
    mentioned = {(m.slug, m.known) for m in d21.mentions}
    # Thompson is marked "#p_TLEJ1" and written only "Thompson"; Bruce is not in the authority
    # but identified by the editors, so he is an agent of his own, not a loose name.
    assert ("thompson-llewellyn-e", True) in mentioned
    assert ("bruce-david-k-e", False) in mentioned
    participants = {p.agent.slug for p in d21.events[0].participations}
    assert not participants & {slug for slug, _ in mentioned}
    d5 = by_id(excerpt)["d5"]
    assert PlaceRef("soviet-union", "Soviet Union", True) in d5.mentions  # gloss #t_USSR1


def test_telegram(excerpt: Extraction) -> None:
    d9 = by_id(excerpt)["d9"]
    assert d9.document_type is DocumentType.TELEGRAM
    assert d9.title == "Telegram From the Embassy in the Soviet Union to the Department of State"
    assert d9.created is not None and d9.created.edtf == "1961-01-21"
    assert d9.classification is Classification.CONFIDENTIAL
    assert d9.archival_reference == "Department of State, Central Files, 761.5411/1-2161"
    assert d9.creator == AgentRef("person", "thompson-llewellyn-e", "Llewellyn E. Thompson", True)
    assert d9.addressees == [
        AgentRef("organization", "us-department-of-state", "US Department of State", True)
    ]
    assert d9.events == []


def test_telephone_conversation_takes_participants_from_the_head(excerpt: Extraction) -> None:
    d4 = by_id(excerpt)["d4"]
    assert d4.document_type is DocumentType.MEMORANDUM_OF_CONVERSATION
    assert d4.classification is None  # "No classification marking."
    assert (
        d4.archival_reference == "Princeton University, Stevenson Papers, Box 832, John F. Kennedy"
    )
    [event] = d4.events
    assert event.event_type is EventType.TELEPHONE_CONVERSATION
    assert [p.agent.label for p in event.participations] == [
        "John F. Kennedy",
        "Adlai E. Stevenson",
    ]


def test_editorial_note_is_undated_without_event_or_problem(excerpt: Extraction) -> None:
    d5 = by_id(excerpt)["d5"]
    assert d5.document_type is DocumentType.EDITORIAL_NOTE
    assert (d5.title, d5.created, d5.events, d5.creator) == ("Editorial Note", None, [], None)
    assert not [p for p in excerpt.problems if "d5" in p.message]


def test_the_secretary_comes_from_the_persons_list() -> None:
    """Nothing is hard-coded: another volume's Secretary of State is read from its own list."""
    text = EXCERPT.read_text().replace("Rusk, Dean", "Herter, Christian A.")
    d21 = by_id(extract(EXCERPT, text))["d21"]
    assert d21.events[0].participations[2].agent.label == "Christian A. Herter"


def test_interpreter_and_plain_names_in_the_participants_list() -> None:
    text = EXCERPT.read_text().replace(
        "<item>The Secretary</item>",
        "<item>The Secretary</item><item>Alexander Akalovsky, Interpreter</item>"
        "<item>U.S. Side:</item>",
    )
    result = extract(EXCERPT, text)
    assert result.problems == []
    [event] = by_id(result)["d21"].events
    assert [(p.agent.label, p.role, p.position_text) for p in event.participations[2:4]] == [
        ("Dean Rusk", Role.PARTICIPANT, "Secretary of State"),
        ("Alexander Akalovsky", Role.INTERPRETER, "Interpreter"),
    ]
    assert len(event.participations) == 5  # "U.S. Side:" is a heading, not a person


def test_doc_datetime_min_max_give_a_span_when_there_is_no_dateline() -> None:
    text = EXCERPT.read_text().replace(
        '<div type="document" xml:id="d9" n="9">',
        '<div type="document" xml:id="d9" n="9" frus:doc-dateTime-min="1961-01-20T09:00:00-05:00"'
        ' frus:doc-dateTime-max="1961-01-22T18:00:00-05:00">',
    )
    text = text.replace('<date when="1961-01-21T16:00:00">', "<date>")
    created = by_id(extract(EXCERPT, text))["d9"].created
    assert created is not None
    assert (created.earliest, created.latest, created.precision) == (
        dt.date(1961, 1, 20),
        dt.date(1961, 1, 22),
        DatePrecision.RANGE,
    )


# --- broken input ---------------------------------------------------------------------------
def test_truncated_file_keeps_the_documents_before_the_break() -> None:
    path = MALFORMED / "truncated.xml"
    result = extract(path)
    assert sorted(by_id(result)) == ["d4", "d5", "d9"]
    [problem] = result.problems
    assert (problem.code, problem.severity, problem.document) == (
        "malformed-xml",
        "error",
        str(path),
    )
    assert problem.line == path.read_text().count("\n") + 1
    assert "d21" in problem.message


def test_broken_document_costs_only_itself() -> None:
    path = MALFORMED / "mismatched-tag.xml"
    result = extract(path)
    assert sorted(by_id(result)) == ["d21", "d4", "d9"]
    [problem] = result.problems
    assert problem.code == "malformed-xml"
    assert problem.line == line_of(path, "pages 36-40.</p>")
    assert by_id(result)["d21"].events[0].participations[0].agent.known


def test_missing_dateline() -> None:
    path = MALFORMED / "missing-dateline.xml"
    result = extract(path)
    assert sorted(by_id(result)) == ["d21", "d4", "d5", "d9"]
    assert by_id(result)["d9"].created is None
    [problem] = result.problems
    assert (problem.code, problem.severity) == ("no-date", "warning")
    assert problem.line == line_of(path, '<div type="document" xml:id="d9"')


def test_unknown_corresp_id() -> None:
    path = MALFORMED / "unknown-id.xml"
    result = extract(path)
    assert len(result.documents) == 4
    [problem] = result.problems
    assert (problem.code, problem.severity) == ("unknown-id", "warning")
    assert problem.line == line_of(path, "#p_NOBODY1")
    assert "p_NOBODY1" in problem.message
    # The wording "Levchenko" still finds him in the persons list.
    levchenko = by_id(result)["d21"].events[0].participations[1].agent
    assert levchenko.label == "Nikifor M. Levchenko"


def test_doctype_and_entities_are_refused_without_expansion() -> None:
    path = MALFORMED / "doctype-entity.xml"
    result = extract(path)
    assert result.documents == []
    [problem] = result.problems
    assert (problem.code, problem.line, problem.document) == ("unsafe-xml", 2, str(path))
    assert "lol" not in problem.message and "root:" not in problem.message
    with pytest.raises(FrusFormatError):
        read_frus(path.read_text())


def test_parser_itself_refuses_a_dtd() -> None:
    """Defence in depth: even past the text check, expat stops at the DTD."""
    text = '<!DOCTYPE TEI [<!ENTITY a "aaaaaaaaaa">]><TEI xmlns="http://www.tei-c.org/ns/1.0">&a;</TEI>'
    with pytest.raises(FrusFormatError) as raised:
        _VolumeReader().parse(text)
    assert raised.value.code == "unsafe-xml"


def test_not_tei() -> None:
    with pytest.raises(FrusFormatError):
        read_frus("<visits><visit/></visits>")


def test_looks_like_frus() -> None:
    assert looks_like_frus(EXCERPT.read_text())
    assert not looks_like_frus('<?xml version="1.0"?>\n<visits><visit id="1"/></visits>')
    assert not looks_like_frus("RECORD OF CONVERSATION with Fidel Castro, 19 May 1961")
    assert (FORMAT, SUFFIXES) == ("frus-tei", (".xml",))


# --- end to end -----------------------------------------------------------------------------
PREFIXES = """
PREFIX dip: <https://w3id.org/dipkg/ontology#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX foaf: <http://xmlns.com/foaf/0.1/>
"""


def test_end_to_end_into_the_store(tmp_path: Path) -> None:
    from kg.ingest import Ingestor, ingest
    from kg.store import KnowledgeGraph

    report = ingest(tmp_path / "store", [VOLUME])
    assert [p for p in report.problems if p.severity == "error"] == []
    assert sorted(report.stored) == [f"frus-frus1961-63v05-{d}" for d in ("d21", "d4", "d5", "d9")]
    # The participants are whatever the bundled authority links them to: compare with extraction.
    reference = Ingestor().reference
    d21 = by_id(extract_frus(str(EXCERPT), EXCERPT.read_text(), reference))["d21"]
    expected = {(f"{BASE}{p.kind}/{p.slug}",) for p in d21.events[0].participants}
    assert len(expected) == 4
    event, document = (
        f"{BASE}event/frus-frus1961-63v05-d21",
        f"{BASE}document/frus-frus1961-63v05-d21",
    )
    with KnowledgeGraph.open(tmp_path / "store") as graph:

        def rows(query: str) -> set[tuple[str, ...]]:
            result = graph.select(PREFIXES + query)
            return {tuple(str(getattr(t, "value", t)) for t in row) for row in result.rows}

        assert (
            rows(f"SELECT ?p WHERE {{ <{event}> a dip:Conversation ; dip:participant ?p }}")
            == expected
        )
        assert rows(
            f"""SELECT ?created ?type ?page ?ref ?class WHERE {{
                <{document}> dcterms:created ?created ; dip:documentType ?type ; foaf:page ?page ;
                    dip:archivalReference ?ref ; dip:securityClassification ?class ;
                    dip:documents <{event}> }}"""
        ) == {
            (
                "1961-02-03",
                f"{BASE}topic/document-type/memorandum-of-conversation",
                "https://history.state.gov/historicaldocuments/frus1961-63v05/d21",
                "Department of State, Central Files, 611.61/2-361",
                f"{BASE}topic/classification/confidential",
            )
        }
        graph_d5 = f"{BASE}graph/frus-frus1961-63v05-d5"
        assert rows(f"SELECT ?d WHERE {{ GRAPH <{graph_d5}> {{ ?d dcterms:title ?t }} }}") == {
            (f"{BASE}document/frus-frus1961-63v05-d5",)
        }
