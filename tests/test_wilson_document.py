"""kg.extract.wilson_document, wilson_people, wilson_dates: a Wilson page -> Document, Event.

The records under ``fixtures/wilson/`` named below were written for these tests (other
ambassadors, countries, years and layouts than the gold set); they are not translations
of real documents.  Each test pins who took part and in which role, who wrote the record,
to whom, and when the conversation took place, with the bundled authority as
``kg ingest`` uses it.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kg.concepts import DatePrecision, DocumentType, Role
from kg.extract.dates import parse_date
from kg.extract.reference import ReferenceData
from kg.extract.wilson_dates import conversation_date
from kg.extract.wilson_document import extract_wilson
from kg.extract.wilson_people import (
    conversation_statements,
    people_in,
    presence_statements,
    sentences,
)
from kg.model import AgentRef, Document
from kg.resources import resource_dir
from kg.sources.wilson import NamedRole

FIXTURES = Path(__file__).parent / "fixtures" / "wilson"
BASE = "https://w3id.org/dipkg/"
N = NamedRole
REPORTER, INTERLOCUTOR = Role.REPORTER, Role.INTERLOCUTOR
PRESENT, INTERPRETER = Role.PRESENT, Role.INTERPRETER


@pytest.fixture(scope="module")
def reference() -> ReferenceData:
    return ReferenceData.load(sorted(resource_dir("authorities").glob("*.ttl")), BASE)


def extract(name: str, reference: ReferenceData) -> Document:
    path = FIXTURES / name
    extraction = extract_wilson(str(path), path.read_text(encoding="utf-8"), reference)
    assert extraction.problems == []
    (document,) = extraction.documents
    return document


def roles(document: Document) -> list[tuple[str, Role, str | None]]:
    (event,) = document.events
    return [(p.agent.slug, p.role, p.position_text) for p in event.participations]


def org(slug: str, label: str) -> AgentRef:
    return AgentRef("organization", slug, label, known=True)


# --- whole records ---------------------------------------------------------------------------


def test_embassy_telegram_issuer_addressees_and_presence(reference: ReferenceData) -> None:
    doc = extract("scraped_soviet_embassy_havana_1969.txt", reference)
    assert doc.document_type is DocumentType.TELEGRAM
    # "Telegram from the Soviet Embassy in Havana": the office issued it, no person wrote it
    assert doc.creator == org("soviet-embassy-havana", "Embassy of the USSR in Cuba")
    assert doc.addressees == [
        org("soviet-ministry-of-foreign-affairs", "Ministry of Foreign Affairs of the USSR"),
        AgentRef("person", "kuznetsov-vasily-vasilyevich", "Vasily Kuznetsov", known=True),
    ]
    # the page states no original language: it is left unset, not guessed from the archive
    assert (doc.original_language, doc.translation_language) == (
        None,
        "en",
    )  # not stated: unset, not guessed
    (event,) = doc.events
    # "On 29 December ... received us" in a telegram of 4 January 1969
    assert (event.date.edtf, event.date.precision) == ("1968-12-29", DatePrecision.DAY)
    assert roles(doc) == [
        ("rodriguez-carlos-rafael", INTERLOCUTOR, "Deputy Prime Minister"),
        ("orlov-m-r", PRESENT, "Counsellor of the Embassy"),
        ("belous-s-k", PRESENT, "trade representative"),
        ("perez-nilda", INTERPRETER, "Rodríguez's secretary, interpreter"),
    ]
    assert event.label == (
        "Conversation between Carlos Rafael Rodríguez, M. R. Orlov, S. K. Belous and "
        "Nilda Pérez, 29 December 1968"
    )


def test_minutes_between_two_leaders_are_written_by_the_recorder(
    reference: ReferenceData,
) -> None:
    doc = extract("markdown_minutes_honecker_le_duan_1975.txt", reference)
    assert doc.document_type is DocumentType.MINUTES
    assert doc.creator == AgentRef("person", "wenning-klaus", "Klaus Wenning", known=False)
    (event,) = doc.events
    assert event.date.edtf == "1975-06-12"
    assert roles(doc) == [
        ("wenning-klaus", REPORTER, None),  # "Recorded by Comrade Klaus Wenning"
        ("honecker-erich", INTERLOCUTOR, None),  # "between Erich Honecker and Le Duan"
        ("le-duan", INTERLOCUTOR, None),
        ("axen-hermann", PRESENT, None),  # "Also present:"
        ("xuan-thuy", PRESENT, "Secretary of the CC of the VWP"),
        ("lange-dieter", INTERPRETER, None),  # "Interpreter:"
    ]


def test_journal_record_between_the_keeper_and_mao(reference: ReferenceData) -> None:
    doc = extract("compact_journal_yudin_mao_1957.txt", reference)
    assert doc.document_type is DocumentType.RECORD_OF_CONVERSATION
    assert doc.creator is not None and doc.creator.slug == "yudin-pavel-fyodorovich"
    (event,) = doc.events
    assert event.date.edtf == "1957-01-05"  # the heading's date, not the record's
    # Zhou Enlai "had been expected" but "did not attend": not a participant
    assert roles(doc) == [
        ("yudin-pavel-fyodorovich", REPORTER, None),
        ("mao-zedong", INTERLOCUTOR, "Chairman"),
        ("liu-shaoqi", PRESENT, None),
        ("zhe-shi", INTERPRETER, "interpreter"),  # "Shi Zhe interpreted."
    ]
    assert "zhou-enlai" in {m.slug for m in doc.mentions}


def test_report_of_a_legation_with_subject_line_and_visit(reference: ReferenceData) -> None:
    doc = extract("old_site_polish_report_hanoi_1980.txt", reference)
    assert doc.document_type is DocumentType.REPORT
    # the issuing embassy is unknown to the authority: the signer wrote the report
    assert doc.creator == AgentRef("person", "malecki-zbigniew", "Zbigniew Malecki", known=False)
    (event,) = doc.events
    assert (event.date.text, event.date.edtf) == ("5 December 1980", "1980-12-05")
    assert roles(doc) == [
        ("malecki-zbigniew", REPORTER, None),
        ("giang-vo-dong", INTERLOCUTOR, "Deputy Foreign Minister"),
        ("hai-tran-van", PRESENT, "director of the department of socialist countries"),
        ("wrona-adam", INTERPRETER, "second secretary of our embassy, interpreter"),
    ]
    assert doc.held_by == org("amsz", "Archive of the Polish Ministry of Foreign Affairs")


def test_letter_with_address_block_and_yesterday(reference: ReferenceData) -> None:
    doc = extract("pdf_czechoslovak_letter_cairo_1961.txt", reference)
    assert doc.document_type is DocumentType.LETTER
    assert doc.addressees == [AgentRef("person", "david-vaclav", "Václav David", known=True)]
    (event,) = doc.events
    # "Yesterday Foreign Minister Mahmoud Fawzi invited me" in a letter of 14 March 1961
    assert (event.date.edtf, event.date.precision) == ("1961-03-13", DatePrecision.DAY)
    assert roles(doc) == [
        ("prochazka-jan", REPORTER, "Czechoslovak Ambassador in Cairo"),
        ("fawzi-mahmoud", INTERLOCUTOR, "Foreign Minister"),
        ("dvorak-josef", PRESENT, "first secretary of the embassy"),  # "accompanied by"
        ("novak-karel", INTERPRETER, "interpreter"),  # "through interpreter Karel Novák"
    ]


def test_telegram_with_a_long_conversation(reference: ReferenceData) -> None:
    doc = extract("compact_polish_telegram_beijing_1959.txt", reference)
    (event,) = doc.events
    assert (event.date.text, event.date.edtf) == ("28 August 1959", "1959-08-28")
    assert roles(doc) == [
        ("wierzbicki-stanislaw", REPORTER, "Polish Ambassador in Beijing"),
        ("chen-yi", INTERLOCUTOR, "Vice Premier"),
        ("wenhua-li", PRESENT, "Director"),
        ("rowinski-jan", PRESENT, "counsellor of our embassy"),
    ]


def test_telegram_that_reports_no_conversation_has_no_event(reference: ReferenceData) -> None:
    doc = extract("summary_first_telegram_no_talk_1977.txt", reference)
    assert doc.events == []
    assert doc.creator is not None and doc.creator.slug == "bednar-miroslav"
    # "Brezhnev and Kosygin were present" at a session, not at a talk: they are mentions
    slugs = {m.slug for m in doc.mentions}
    assert {"brezhnev-leonid-ilyich", "kosygin-aleksei-nikolayevich"} <= slugs
    assert doc.original_language is None  # the page states no language: not guessed


# --- the gold set's layouts, end to end ------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "date", "slugs"),
    [
        # "On 13 April I met ..." in a telegram of 14 April; "N.P. Volkov took part"
        (
            "compact_telegram_hanoi.txt",
            "1966-04-13",
            ["shcherbakov-ilya", "le-duan", "pham-van-dong", "volkov-n-p"],
        ),
        # "Subject: Conversation with ..." in a letter; "On 31 October I was received"
        (
            "scraped_hungarian_letter.txt",
            "1962-10-31",
            ["beck-janos", "roa-garcia-raul", "kuznetsov-a"],
        ),
    ],
)
def test_fixture_telegram_and_letter(
    reference: ReferenceData, name: str, date: str, slugs: list[str]
) -> None:
    doc = extract(name, reference)
    (event,) = doc.events
    assert event.date.edtf == date
    assert [p.agent.slug for p in event.participations] == slugs


# --- sentences and lists of people -----------------------------------------------------------


def test_sentences_keep_initials_and_abbreviations() -> None:
    text = "Counsellor N.P. Volkov and Dr. Ho were present. Nam Il. Then V. I. Baranov left."
    assert sentences(text) == [
        ["Counsellor N.P. Volkov and Dr. Ho were present.", "Nam Il.", "Then V. I. Baranov left."]
    ]


PEOPLE = [
    (
        "Chen Yi, the head of the Department of the USSR and Eastern Europe of the PRC Ministry "
        "of Foreign Affairs Wang Dongming, and Second Secretary of the Embassy I.P. Sorokin, "
        "who interpreted",
        [
            N("Chen Yi"),
            N(
                "Wang Dongming",
                "head of the Department of the USSR and Eastern Europe of the PRC Ministry of "
                "Foreign Affairs",
            ),
            N("I.P. Sorokin", "Second Secretary of the Embassy, interpreter"),
        ],
    ),
    (
        "The head of the USSR department, Comrade Gerhard Riedel, and the counsellor of the "
        "Soviet embassy, Comrade V. N. Belyakov",
        [
            N("Gerhard Riedel", "head of the USSR department"),
            N("V. N. Belyakov", "counsellor of the Soviet embassy"),
        ],
    ),
    ("Dubček's assistant Zdeněk Mlynář", [N("Zdeněk Mlynář", "Dubček's assistant")]),
    ("Our second secretary Gábor Sipos", [N("Gábor Sipos", "second secretary")]),
    (
        "the group leader of the Soviet town-planning specialists V. I. Baranov",
        [N("V. I. Baranov", "leader of the Soviet town-planning specialists")],
    ),
    ("the ambassador of the GDR", []),  # an office without a name is nobody in particular
]


@pytest.mark.parametrize(("text", "expected"), PEOPLE, ids=[t[:40] for t, _ in PEOPLE])
def test_people_in(text: str, expected: list[NamedRole]) -> None:
    assert people_in(text) == expected


def test_people_in_an_open_list_stops_where_the_sentence_goes_on() -> None:
    assert people_in("Fidel Castro this evening at my apartment", open_end=True) == [
        N("Fidel Castro")
    ]
    assert people_in("Nam Il, Kim Il Sung handed me a letter", open_end=True) == [N("Nam Il")]


# (sentence, names when it opens the body, names when it stands in a later paragraph)
PRESENCE = [
    (
        "Counsellor of the Embassy N.P. Volkov took part in the conversation.",
        ["N.P. Volkov"],
        ["N.P. Volkov"],
    ),
    (
        "Ung Van Khiem and the First Secretary V.N. Grigoryev were present.",
        ["Ung Van Khiem", "V.N. Grigoryev"],
        [],  # a bare "were present" far from the opening may be about anything
    ),
    (
        "Present were the director Hoang Thanh Tu, who took notes, and Marek Gajda.",
        ["Hoang Thanh Tu", "Marek Gajda"],
        [],
    ),
    ("The conversation was attended by Marshal Peng Dehuai.", ["Peng Dehuai"], ["Peng Dehuai"]),
    (
        "I handed over the letter in the presence of Deputy Minister Pak Song-chol.",
        ["Pak Song-chol"],
        [],
    ),
    ("Gao Qingshan interpreted.", ["Gao Qingshan"], []),
    ("The countries which took part in the Geneva conference agreed.", [], []),
    ("Later, Brezhnev and Kosygin were present at the banquet.", [], []),
    ("Deputy Minister Pak Song-chol was not present.", [], []),
]


@pytest.mark.parametrize(
    ("text", "opening", "later"), PRESENCE, ids=[t[:40] for t, _, _ in PRESENCE]
)
def test_presence_statements(text: str, opening: list[str], later: list[str]) -> None:
    body = "I visited the Premier at his office.\n\nHe spoke at length.\n\n" + text
    assert [p.name for p in presence_statements(text)] == opening
    assert [p.name for p in presence_statements(body)] == later


def test_interpreters_get_the_office_interpreter() -> None:
    found = presence_statements("Our second secretary Gábor Sipos accompanied me and interpreted.")
    assert found == [N("Gábor Sipos", "second secretary, interpreter")]


STATEMENTS = [
    ("Yesterday, 16 May, I had a conversation with A. Dubček at his request.", ["A. Dubček"]),
    ("At the end of May I had a long conversation with Marshal Chen Yi, who invited me.", None),
    ("On 21 November I visited W. Gomułka in the building of the CC.", ["W. Gomułka"]),
    ("On 4 September I was received by E. Honecker in his office.", ["E. Honecker"]),
    ("On 5 December I paid a visit to Comandante Ernesto Guevara at the bank.", None),
    ("On 9 May I called on Deputy Minister Tran Quang Huy.", ["Tran Quang Huy"]),
    ("Today Prime Minister Nehru received me at his residence.", ["Nehru"]),
    ("Foreign Minister Mahmoud Fawzi invited me to the ministry.", ["Mahmoud Fawzi"]),
    ("I met, at their invitation, with Le Duan and Pham Van Dong.", ["Le Duan", "Pham Van Dong"]),
    ("I visited him at his command post.", []),
]


@pytest.mark.parametrize(("text", "names"), STATEMENTS, ids=[t[:40] for t, _ in STATEMENTS])
def test_conversation_statements(text: str, names: list[str] | None) -> None:
    (statement,) = conversation_statements(text)
    got = [p.name for p in statement.people]
    if names is None:
        assert len(got) == 1 and got[0].endswith(("Chen Yi", "Ernesto Guevara"))
    else:
        assert got == names


def test_companions_of_a_visit_are_not_the_other_side() -> None:
    text = "I paid a visit to the Pyongyang tractor plant together with Counsellor Ivanov."
    (statement,) = conversation_statements(text)
    assert (statement.people, statement.companions) == ((), (N("Ivanov", "Counsellor"),))
    # elsewhere "together with" says nothing about who was at the talk
    later = "I met Le Duan.\n\nHe had informed Genscher of this together with Miklós Németh."
    assert presence_statements(later) == []


def test_bare_presence_counts_only_where_the_meeting_is_told() -> None:
    body = (
        "On 7 September I received the ambassador. Deputy Minister Kovács was present.\n\n"
        "The ambassador said that in Bonn Genscher and Németh were present."
    )
    assert [p.name for p in presence_statements(body)] == ["Kovács"]


def test_no_statement_in_a_report_of_a_session() -> None:
    assert conversation_statements("The Supreme Soviet adopted the Constitution today.") == []


RECORD = parse_date("14 April 1966")
DATES = [
    ("On 13 April I met with Le Duan.", "1966-04-13"),
    ("Yesterday, 12 April, I had a conversation with Le Duan.", "1966-04-12"),
    ("Yesterday I had a conversation with Le Duan.", "1966-04-13"),
    ("The day before yesterday I visited Le Duan.", "1966-04-12"),
    ("Today I visited Le Duan.", "1966-04-14"),
    ("At the end of March I had a long conversation with Le Duan.", "1966-03-21?/1966-03-31?"),
    ("I visited Le Duan and handed him the reply to his letter of 2 March.", None),
    ("I visited Le Duan.", None),
]


@pytest.mark.parametrize(("text", "edtf"), DATES, ids=[t[:40] for t, _ in DATES])
def test_conversation_date(text: str, edtf: str | None) -> None:
    found = conversation_date(conversation_statements(text), text, RECORD)
    assert (found.edtf if found else None) == edtf


def test_conversation_date_takes_the_year_from_the_record() -> None:
    text = "On 30 December I met with the Premier."
    found = conversation_date(conversation_statements(text), text, parse_date("2 January 1963"))
    assert found is not None
    assert (found.earliest, found.text) == (dt.date(1962, 12, 30), "30 December 1962")
