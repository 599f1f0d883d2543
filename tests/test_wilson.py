"""kg.sources.wilson: every layout of a Digital Archive page gives the same raw fields.

Each fixture is one page in one layout; the tests pin the exact value of every
field the page states, so a change in the reader shows up as a named field.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from kg.sources.wilson import (
    LAYOUTS,
    NamedRole,
    WilsonFormatError,
    WilsonRecord,
    looks_like_wilson,
    read_wilson,
)

FIXTURES = Path(__file__).parent / "fixtures" / "wilson"
SEED_SCRAPED = "000_23ccc41f4167012b.txt"
SEED_MARKDOWN = "003_ab462fee8a521ce9.txt"

# Text that belongs to the archive's page, never to the record's body.
BOILERPLATE = (
    "welcomes reuse",
    "To enquire",
    "made possible with support",
    "Document Information",
    "Record ID",
    "Original Archive",
    "Associated Places",
    "Original Uploaded Date",
    "Citation:",
    "Summary:",
    "Original Language",
    "Skip to content",
    "Obtained by",
    "Translation - English",
)


def read(name: str) -> WilsonRecord:
    return read_wilson((FIXTURES / name).read_text(encoding="utf-8"))


def assert_fields(record: WilsonRecord, expected: dict[str, Any]) -> None:
    """Compare field by field, so a failure names the field."""
    for name, value in expected.items():
        assert getattr(record, name) == value, name


def assert_clean_body(record: WilsonRecord) -> None:
    for text in BOILERPLATE:
        assert text not in record.body, text
    if record.signature:
        assert record.signature not in record.body
    if record.summary:
        assert record.summary not in record.body


# --- the two real seed records ------------------------------------------------------------


def test_seed_scraped_page() -> None:
    record = read(SEED_SCRAPED)
    assert_fields(
        record,
        {
            "layout": "scraped",
            "title": "From the Journal of S.M. Kudryavtsev, 'Record of a Conversation with Prime "
            "Minister of the Republic of Cuba Fidel Castro Ruz, 19 May 1961'",
            "page_date": "June 9, 1961",
            "record_date": "9 June 1961",
            "conversation_date": "19 May 1961",
            "document_type": "Record of a Conversation",
            "author": "S.M. Kudryavtsev",
            "interlocutors": [
                NamedRole("Fidel Castro Ruz", "Prime Minister of the Republic of Cuba")
            ],
            "classification": "Top Secret",
            "copy_number": "2",
            "registry_number": "Nº 179",
            "place": None,
            "archive_citation": "AVP RF, F. 0104. Op. 17, P. 118, D. 4, ll. 33-38",
            "obtained_by": ["James G. Hershberg"],
            "translated_by": ["Gary Goldberg"],
            "original_language": None,
            "summary": "Kudryavtsev and Fidel Castro discuss US attempts to diplomatically "
            "isolate Cuba within the OAS.",
            "record_id": None,
            "url": None,
            "signature": None,
            "body_line": 27,
        },
    )
    assert record.body.startswith("I met with Fidel Castro this evening at my apartment")
    assert record.body.endswith("in Brazil, Mexico, and Ecuador.")
    assert len(record.body.split("\n\n")) == 6
    assert_clean_body(record)
    assert record.line_of == {
        "title": 5,
        "page_date": 3,
        "summary": 48,
        "archive_citation": 53,
        "obtained_by": 53,
        "translated_by": 53,
        "document_type": 5,
        "author": 5,
        "conversation_date": 24,
        "record_date": 15,
        "interlocutors": 5,
        "classification": 13,
        "copy_number": 13,
        "registry_number": 17,
    }


def test_seed_markdown_export() -> None:
    record = read(SEED_MARKDOWN)
    assert_fields(
        record,
        {
            "layout": "markdown",
            "title": "From the Journal of A.I. Alekseyev, 'Record of a Conversation with Fidel "
            "Castro Ruz, Prime Minister of the Republic of Cuba, 16 February 1963'",
            "page_date": "March 23, 1963",
            "record_date": "23 March 1963",
            "conversation_date": "16 February 1963",
            "document_type": "Record of a Conversation",
            "author": "A.I. Alekseyev",
            "author_variants": ["A. I. ALEKSEYEV", "A. ALEKSEYEV"],
            "interlocutors": [
                NamedRole("Fidel Castro Ruz", "Prime Minister of the Republic of Cuba")
            ],
            "classification": "Top Secret",
            "copy_number": "1",
            "registry_number": "Outgoing № 87",
            "place": None,
            "archive_citation": "AVP RF, f. 0104, op. 19, p. 124, d. 3, l. 66",
            "obtained_by": ["James G. Hershberg"],
            "translated_by": ["Gary Goldberg"],
            "original_language": "Russian",
            "summary": "Fidel Castro and Alekseyev discuss the withdrawal of a Soviet military "
            "unit and potential political fallout.",
            "record_id": "177830",
            "url": "https://digitalarchive.umd.edu/document/177830",
            "signature": "USSR AMBASSADOR IN THE REPUBLIC OF CUBA (A. ALEKSEYEV)",
            "body_line": 43,
        },
    )
    assert record.body.startswith("I met with Fidel Castro and presented")
    assert record.body.endswith("inform him of our decision when a reply is received.")
    assert "ALEKSEYEV" not in record.body
    assert len(record.body.split("\n\n")) == 4
    assert_clean_body(record)
    assert record.fields["contents"] == "Translation - English"
    assert record.fields["credits"] == "Blavatnik Family Foundation"
    assert (record.line_of["title"], record.line_of["signature"]) == (5, 51)
    assert (record.line_of["record_date"], record.line_of["conversation_date"]) == (31, 41)


# --- layouts not covered by the seeds ----------------------------------------------------


def test_compact_page_with_empty_trailing_labels() -> None:
    record = read("compact_zhou_enlai.txt")
    assert_fields(
        record,
        {
            "layout": "compact",
            "title": "From the Journal of S.V. Chervonenko, 'Record of a Conversation with Prime "
            "Minister Zhou Enlai and Foreign Minister Chen Yi, 30 September 1962'",
            "page_date": "October 2, 1962",
            "record_date": "2 October 1962",
            "conversation_date": "30 September 1962",
            "document_type": "Record of a Conversation",
            "author": "S.V. Chervonenko",
            "author_variants": ["S. V. CHERVONENKO", "S. CHERVONENKO"],
            "interlocutors": [
                NamedRole("Zhou Enlai", "Prime Minister"),
                NamedRole("Chen Yi", "Foreign Minister"),
            ],
            "classification": "SECRET",
            "copy_number": "1",
            "registry_number": "No 449",
            "place": "Beijing",
            "archive_citation": "AVP RF, f. 0100, op. 55, p. 454, d. 7, ll. 112-117",
            "obtained_by": ["Nadia Ferrante"],
            "translated_by": ["Oleg Marchenko"],
            "original_language": "Russian",
            "original_archive": "Archive of Foreign Policy, Russian Federation (AVP RF)",
            "summary": "Chervonenko, Zhou Enlai and Chen Yi discuss scientific and technical "
            "cooperation, the Sino-Indian border, and the neutrality of Laos.",
            "record_id": None,
            "url": None,
            "signature": "USSR AMBASSADOR TO THE PRC (S. CHERVONENKO)",
            "body_line": 15,
        },
    )
    assert record.body.startswith("On 30 September I was received by Zhou Enlai")
    assert record.body.endswith("in the fulfilment of the seven-year plan.")
    assert len(record.body.split("\n\n")) == 5  # one paragraph per line on a compact page
    assert_clean_body(record)
    # Labels without values ("Author(s):", "Record ID") give nothing, not the next label.
    assert "authors" not in record.fields
    assert "record_id" not in record.fields
    assert record.fields["places"] == "Beijing (China); China"
    assert record.fields["original_classification"] == "Secret"


def test_compact_telegram_with_filled_labels() -> None:
    record = read("compact_telegram_hanoi.txt")
    assert_fields(
        record,
        {
            "layout": "compact",
            "page_date": "April 14, 1966",
            "record_date": "14 April 1966",
            "conversation_date": None,
            "document_type": "Telegram",
            "author": "I.S. Shcherbakov",
            "author_role": "Soviet Ambassador to the DRV",
            "addressee": "USSR Ministry of Foreign Affairs",
            "addressees": ["USSR Ministry of Foreign Affairs", "Comrade A.A. Gromyko"],
            "interlocutors": [NamedRole("Le Duan"), NamedRole("Pham Van Dong")],
            "classification": "Top Secret",
            "copy_number": "2",
            "registry_number": "Nº 531",
            "place": "Hanoi",
            "archive_citation": "AVP RF, f. 079, op. 21, p. 41, d. 9, ll. 23-25",
            "obtained_by": ["Mira Castellanos"],
            "translated_by": ["Mira Castellanos"],
            "original_language": "Russian",
            "record_id": "121905",
            "signature": "SHCHERBAKOV",
            "body_line": 11,
        },
    )
    assert record.body.startswith("On 13 April I met, at their invitation, with First Secretary")
    assert record.body.endswith("directly with the Chinese leadership.")
    assert "Gromyko" not in record.body  # the "To:" header line
    assert_clean_body(record)
    assert record.fields["authors"] == "Shcherbakov, Ilya Sergeevich"
    assert record.fields["uploaded"] == "2019-07-22"
    assert record.line_of["record_id"] == 30


def test_summary_before_the_date_line() -> None:
    record = read("summary_first_kim_il_sung.txt")
    assert_fields(
        record,
        {
            "layout": "scraped",
            "title": "From the Diary of Soviet Ambassador to the DPRK A.M. Puzanov, 'Record of a "
            "Conversation with Premier Kim Il Sung and Minister of Foreign Affairs Nam Il, "
            "28 March 1960'",
            "page_date": "April 12, 1960",
            "record_date": "12 April 1960",
            "conversation_date": "28 March 1960",
            "document_type": "Record of a Conversation",
            "author": "A.M. Puzanov",
            "author_role": "Soviet Ambassador to the DPRK",
            "author_variants": ["A. M. PUZANOV", "A. PUZANOV"],
            "interlocutors": [
                NamedRole("Kim Il Sung", "Premier"),
                NamedRole("Nam Il", "Minister of Foreign Affairs"),
            ],
            "classification": "Strictly Secret",
            "copy_number": "3",
            "registry_number": "Nº 112",
            "place": "Pyongyang",
            "archive_citation": "AVP RF, f. 0102, op. 16, p. 87, d. 24, ll. 51-55",
            "obtained_by": ["Dae-Ho Park"],
            "translated_by": ["Gary Whitlow"],
            "summary": "Puzanov, Kim Il Sung and Nam Il discuss grain deliveries, the "
            "repatriation of Koreans from Japan, and the visit of a Soviet government "
            "delegation.",
            "record_id": None,
            "signature": "USSR AMBASSADOR TO THE DPRK (A. PUZANOV)",
            "body_line": 30,
        },
    )
    assert record.line_of["summary"] == 3
    assert record.body.startswith("I visited Kim Il Sung in the building of the Cabinet")
    assert record.body.endswith("the hydroelectric station on the Tokro River.")
    assert_clean_body(record)


def test_old_site_title_only_in_the_citation() -> None:
    record = read("old_site_pham_van_dong.txt")
    assert_fields(
        record,
        {
            "layout": "old-site",
            "title": "Record of a Conversation between Soviet Ambassador to the DRV S.A. "
            "Tovmasyan and Premier Pham Van Dong and Minister of Foreign Affairs Ung Van Khiem, "
            "9 August 1962",
            "page_date": "August 14, 1962",
            "record_date": "14 August 1962",
            "conversation_date": "9 August 1962",
            "document_type": "Record of a Conversation",
            # "between" Tovmasyan and the Vietnamese, signed by him: he is the author
            "author": "S.A. Tovmasyan",
            "author_role": "Soviet Ambassador to the DRV",
            "interlocutors": [
                NamedRole("Pham Van Dong", "Premier"),
                NamedRole("Ung Van Khiem", "Minister of Foreign Affairs"),
            ],
            "between": True,
            "third_party_author": False,
            "classification": "TOP SECRET",
            "copy_number": "4",
            "registry_number": "No. 12",
            "place": "Hanoi",
            "archive_citation": "AVP RF, f. 079, op. 17, p. 30, d. 5, ll. 88-93",
            "obtained_by": ["Kirill Orlov"],
            "translated_by": ["Helen Marsh"],
            "original_language": "Russian",
            "record_id": "116873",
            "url": "http://digitalarchive.wilsoncenter.org/document/116873",
            "signature": "AMBASSADOR OF THE USSR IN THE DRV (S. TOVMASYAN)",
            "body_line": 33,
        },
    )
    assert record.summary is not None and record.summary.startswith("Tovmasyan, Pham Van Dong")
    assert record.body.startswith("Today I paid a visit to Pham Van Dong")
    assert record.body.endswith("report his request to the Soviet government.")
    assert "UNG VAN KHIEM" not in record.body  # the wrapped "with ..." heading line
    assert_clean_body(record)
    assert record.line_of["title"] == 9  # the citation line


def test_flattened_pdf_export() -> None:
    record = read("pdf_wandel_zhou_enlai.txt")
    assert_fields(
        record,
        {
            "layout": "pdf",
            "title": "Memorandum of Conversation between GDR Ambassador Paul Wandel and Premier "
            "Zhou Enlai and Vice Premier Chen Yi, 14 October 1959",
            "page_date": "October 20, 1959",
            "record_date": "20 October 1959",
            "conversation_date": "14 October 1959",
            "document_type": "Memorandum of Conversation",
            "author": "Paul Wandel",
            "author_role": "GDR Ambassador",
            "interlocutors": [
                NamedRole("Zhou Enlai", "Premier"),
                NamedRole("Chen Yi", "Vice Premier"),
            ],
            "participants": [
                NamedRole("Zhou Enlai"),
                NamedRole("Chen Yi"),
                NamedRole("Paul Wandel"),
                NamedRole("Kurt Vogel", "Interpreter"),
            ],
            "classification": "Secret",
            "copy_number": "2",
            "registry_number": "Nr. 87/59",
            "place": "Zhongnanhai, Beijing",
            "archive_citation": "SAPMO-BArch, DY 30/IV 2/20/123, Bl. 45-51",
            "obtained_by": ["Lena Hoffmann"],
            "translated_by": ["Peter Dunn"],
            "original_language": "German",
            "summary": "Wandel, Zhou Enlai and Chen Yi discuss the tenth anniversary "
            "celebrations, the Berlin question, and deliveries of GDR machinery to China.",
            "record_id": "208841",
            "url": "https://digitalarchive.wilsoncenter.org/document/208841",
            "signature": "(Paul Wandel) Ambassador",
            "body_line": 25,
        },
    )
    paragraphs = record.body.split("\n\n")
    assert len(paragraphs) == 4  # hard-wrapped lines joined, blank lines kept as breaks
    assert paragraphs[0].startswith("At the beginning of the conversation Comrade Wandel")
    # The page footer inside the third paragraph is dropped and the paragraph stays whole.
    assert "machine tools from Karl-Marx-Stadt and Magdeburg" in paragraphs[2]
    assert "Wilson Center Digital Archive" not in record.body
    assert record.body.endswith("took place in a very friendly atmosphere.")
    assert_clean_body(record)
    assert record.fields["credits"] == "the Leon Levy Foundation"
    assert (record.line_of["summary"], record.line_of["original_language"]) == (7, 10)


def test_markdown_minutes_with_labelled_header() -> None:
    record = read("markdown_minutes_mao.txt")
    assert_fields(
        record,
        {
            "layout": "markdown",
            "title": "Minutes of Conversation between Chairman Mao Zedong and Vietnamese Premier "
            "Pham Van Dong and General Vo Nguyen Giap, 5 October 1963",
            "page_date": "October 10, 1963",
            "record_date": None,
            "conversation_date": "5 October 1963",
            "document_type": "Minutes of Conversation",
            # "between A and B" names the talk, not its author: the recorder wrote the minutes
            "author": "Wang Fang",
            "author_role": None,
            "interlocutors": [
                NamedRole("Mao Zedong", "Chairman"),
                NamedRole("Pham Van Dong", "Vietnamese Premier"),
                NamedRole("Vo Nguyen Giap", "General"),
            ],
            "between": True,
            "third_party_author": True,
            "participants": [
                NamedRole("Zhou Enlai", "Premier"),
                NamedRole("Chen Yi", "Vice Premier"),
                NamedRole("He Wei", "Ambassador to the DRV"),
            ],
            "interpreters": [NamedRole("Li Jiazhong")],
            "recorders": [NamedRole("Wang Fang")],
            "classification": "Top Secret",
            "copy_number": None,
            "registry_number": None,
            "place": "Yinian Hall, Zhongnanhai",
            "archive_citation": "PRC FMA 106-00741-02, 1-9",
            "obtained_by": [],
            "translated_by": ["Wen Li", "Mark Sutter"],
            "original_language": "Chinese",
            "record_id": "134512",
            "signature": None,
            "body_line": 40,
        },
    )
    assert record.body.startswith("Chairman Mao: You have come at a good time.")
    assert record.body.endswith("before the end of the month.")
    assert "Recorder" not in record.body
    assert_clean_body(record)


def test_scraped_letter_keeps_the_title_date_as_the_record_date() -> None:
    record = read("scraped_hungarian_letter.txt")
    assert_fields(
        record,
        {
            "layout": "scraped",
            "title": "Letter from Hungarian Ambassador to Cuba János Beck to Foreign Minister "
            "János Péter, 2 November 1962",
            "page_date": "November 2, 1962",
            "record_date": "2 November 1962",
            "conversation_date": None,
            "document_type": "Letter",
            "author": "János Beck",
            "author_role": "Hungarian Ambassador to Cuba",
            "addressee": "Foreign Minister János Péter",
            "addressees": [
                "Foreign Minister János Péter",
                "Comrade János Péter, Minister of Foreign Affairs",  # the address block
            ],
            "interlocutors": [],
            "subject": "Conversation with Foreign Minister Raúl Roa and Soviet Counsellor "
            "A. Kuznetsov",
            "classification": "TOP SECRET",
            "copy_number": "1",
            "registry_number": "No. 00178/1962",
            "place": "Havana",
            "archive_citation": "Hungarian National Archives (MNL OL), XIX-J-1-j Kuba, 1962, "
            "4. doboz, 002614/1962",
            "obtained_by": ["Dóra Szendrei"],
            "translated_by": ["Dóra Szendrei"],
            "record_id": "115213",
            "signature": "János Beck ambassador",
            "body_line": 28,
        },
    )
    assert record.body.startswith("On 31 October I was received by Foreign Minister Raúl Roa")
    assert record.body.endswith("travel to Havana in November as agreed.")
    assert "Dear Comrade Minister" not in record.body
    assert "comradely greetings" not in record.body
    assert_clean_body(record)
    assert record.line_of["signature"] == 38


# --- who wrote the record, to whom, and who else was there ---------------------------------


PEOPLE_FIELDS: list[tuple[str, dict[str, Any]]] = [
    (
        "scraped_soviet_embassy_havana_1969.txt",
        {
            "author": None,  # signed by the embassy, which the title names as the sender
            "issuer": "Soviet Embassy in Havana",
            "addressees": ["USSR Ministry of Foreign Affairs", "Comrade V.V. Kuznetsov"],
            "interlocutors": [],
            "original_language": None,
        },
    ),
    (
        "markdown_minutes_honecker_le_duan_1975.txt",
        {
            "author": "Klaus Wenning",
            "interlocutors": [NamedRole("Erich Honecker"), NamedRole("Le Duan")],
            "between": True,
            "third_party_author": True,
            "participants": [
                NamedRole("Hermann Axen"),
                NamedRole("Xuan Thuy", "Secretary of the CC of the VWP"),
            ],
            "interpreters": [NamedRole("Dieter Lange")],
            "recorders": [NamedRole("Klaus Wenning")],
            "place": "House of the Central Committee, Berlin",
            "conversation_date": "12 June 1975",
        },
    ),
    (
        "compact_journal_yudin_mao_1957.txt",
        {
            "author": "P.F. Yudin",  # the journal's keeper, one of the two
            "interlocutors": [NamedRole("Mao Zedong", "Chairman")],
            "between": True,
            "third_party_author": False,
            "conversation_date": "5 January 1957",
            "record_date": "9 January 1957",
        },
    ),
    (
        "old_site_polish_report_hanoi_1980.txt",
        {
            "author": "Zbigniew Malecki",
            "issuer": "Polish Embassy in Hanoi",
            "interlocutors": [NamedRole("Vo Dong Giang", "Deputy Foreign Minister")],
            "subject": "Conversation with Deputy Minister of Foreign Affairs Vo Dong Giang",
            "conversation_date": None,
            "record_date": "9 December 1980",
        },
    ),
    (
        "pdf_czechoslovak_letter_cairo_1961.txt",
        {
            "author": "Jan Procházka",
            "addressees": [
                "Foreign Minister Václav David",
                "Minister of Foreign Affairs Comrade Václav David",
            ],
        },
    ),
    (
        "summary_first_telegram_no_talk_1977.txt",
        {
            "author": "Miroslav Bednář",
            "author_variants": ["BEDNÁŘ"],
            "interlocutors": [],
            "participants": [],
            "addressees": ["Czechoslovak Ministry of Foreign Affairs"],
        },
    ),
]


@pytest.mark.parametrize(("name", "expected"), PEOPLE_FIELDS, ids=[n for n, _ in PEOPLE_FIELDS])
def test_people_of_new_layout_records(name: str, expected: dict[str, Any]) -> None:
    record = read(name)
    assert_fields(record, expected)
    assert_clean_body(record)
    assert "Recorded by" not in record.body and "Interpreter:" not in record.body


def test_bare_surname_signature_is_the_person_named_in_full() -> None:
    text = (FIXTURES / "old_site_pham_van_dong.txt").read_text(encoding="utf-8")
    text = text.replace(
        "Ung Van Khiem and the First Secretary of the Embassy V.N. Grigoryev were present.",
        "Ung Van Khiem and the First Secretary of the Embassy Viktor Grigoryev were present.",
    ).replace("AMBASSADOR OF THE USSR IN THE DRV\n(S. TOVMASYAN)", "Grigoryev")
    record = read_wilson(text)
    assert record.signature == "Grigoryev"
    # "between" Tovmasyan and the Vietnamese, but written by the embassy's secretary
    assert (record.author, record.third_party_author) == ("Viktor Grigoryev", True)
    assert record.interlocutors[0] == NamedRole("S.A. Tovmasyan", "Soviet Ambassador to the DRV")
    assert record.body.endswith("report his request to the Soviet government.")


def test_heading_split_over_two_lines_is_header_not_body() -> None:
    record = read("pdf_wandel_zhou_enlai.txt")
    text = (FIXTURES / "pdf_wandel_zhou_enlai.txt").read_text(encoding="utf-8")
    text = text.replace(
        "Memorandum of Conversation\nbetween Ambassador",
        "MEMORANDUM\non a conversation between Ambassador",
    )
    split = read_wilson(text)
    assert split.body == record.body
    assert split.participants == record.participants


@pytest.mark.parametrize(
    ("header", "signature", "author", "recorders"),
    [
        ("Recorder: Wang Fang", "", "Wang Fang", [NamedRole("Wang Fang")]),
        ("", "\nRecorded by Wang Fang\n", "Wang Fang", [NamedRole("Wang Fang")]),
        ("Prepared by: Wang Fang", "", "Wang Fang", []),  # wrote it up; not said to be there
        ("", "", None, []),  # minutes "between A and B" that name no writer have no author
    ],
)
def test_who_wrote_minutes_between_others(
    header: str, signature: str, author: str | None, recorders: list[NamedRole]
) -> None:
    text = (FIXTURES / "markdown_minutes_mao.txt").read_text(encoding="utf-8")
    text = text.replace("Recorder: Wang Fang", header)
    text = text.replace(
        "before the end of the month.", "before the end of the month.\n" + signature
    )
    record = read_wilson(text)
    assert (record.author, record.recorders) == (author, recorders)
    assert record.third_party_author is (author is not None)
    assert [p.name for p in record.interlocutors] == [
        "Mao Zedong",
        "Pham Van Dong",
        "Vo Nguyen Giap",
    ]


# --- properties of every fixture ------------------------------------------------------------

ALL_FIXTURES = sorted(path.name for path in FIXTURES.glob("*.txt"))
EXPECTED_LAYOUTS = {
    SEED_SCRAPED: "scraped",
    SEED_MARKDOWN: "markdown",
    "compact_zhou_enlai.txt": "compact",
    "compact_telegram_hanoi.txt": "compact",
    "summary_first_kim_il_sung.txt": "scraped",
    "old_site_pham_van_dong.txt": "old-site",
    "pdf_wandel_zhou_enlai.txt": "pdf",
    "markdown_minutes_mao.txt": "markdown",
    "scraped_hungarian_letter.txt": "scraped",
    "scraped_soviet_embassy_havana_1969.txt": "scraped",
    "markdown_minutes_honecker_le_duan_1975.txt": "markdown",
    "compact_journal_yudin_mao_1957.txt": "compact",
    "old_site_polish_report_hanoi_1980.txt": "old-site",
    "pdf_czechoslovak_letter_cairo_1961.txt": "pdf",
    "compact_polish_telegram_beijing_1959.txt": "compact",
    "summary_first_telegram_no_talk_1977.txt": "scraped",
}


def test_every_fixture_has_an_expected_layout() -> None:
    assert set(ALL_FIXTURES) == set(EXPECTED_LAYOUTS)
    assert set(EXPECTED_LAYOUTS.values()) == set(LAYOUTS)


@pytest.mark.parametrize("name", ALL_FIXTURES)
def test_fixture_is_detected_and_read(name: str) -> None:
    text = (FIXTURES / name).read_text(encoding="utf-8")
    assert looks_like_wilson(text)
    record = read_wilson(text)
    assert record.layout == EXPECTED_LAYOUTS[name]
    assert record.body and record.body_line > 0
    assert record.title and "**" not in record.title and "\n" not in record.title
    lines = text.splitlines()
    assert lines[record.body_line - 1].strip().startswith(record.body[:30])
    for field_name, number in record.line_of.items():
        assert 1 <= number <= len(lines), field_name


@pytest.mark.parametrize("name", ALL_FIXTURES)
def test_line_endings_and_odd_spaces_do_not_matter(name: str) -> None:
    text = (FIXTURES / name).read_text(encoding="utf-8")
    plain = read_wilson(text)
    odd = read_wilson("\ufeff" + text.replace("\n", "\r\n").replace(" of ", " of\u00a0"))
    assert (odd.title, odd.page_date, odd.record_date, odd.author, odd.body) == (
        plain.title,
        plain.page_date,
        plain.record_date,
        plain.author,
        plain.body,
    )
    assert odd.line_of == plain.line_of


# --- detection and errors -------------------------------------------------------------------

NOT_WILSON = {
    "readme": "# kg\n\nA knowledge graph built from the Wilson Center Digital Archive "
    "(https://digitalarchive.wilsoncenter.org) and FRUS.\n\n## Usage\n\n    kg ingest data/\n",
    "readme citing pages": "# Sample records\n\nTwo pages of the History and Public Policy "
    "Program's archive. Each was obtained by a historian and translated by a translator; each\n"
    "says it was made possible with support from a foundation.\n\n| file | layout |\n|---|---|\n"
    "| 000.txt | Record of a Conversation, scraped |\n",
    "shopping list": "Milk\nEggs\nBread\nTomatoes\n",
    "xml": '<?xml version="1.0"?>\n<TEI><text>Record of a Conversation</text></TEI>\n',
    "empty": "",
    "binary": "\x00\x01\x02\x03PK\x03\x04",
}


@pytest.mark.parametrize("text", NOT_WILSON.values(), ids=NOT_WILSON.keys())
def test_other_text_is_not_detected(text: str) -> None:
    assert not looks_like_wilson(text)


def test_empty_text_is_an_error() -> None:
    with pytest.raises(WilsonFormatError) as error:
        read_wilson("  \n\n ")
    assert error.value.line is None
    assert "empty" in str(error.value)


def test_binary_text_is_an_error_at_its_line() -> None:
    with pytest.raises(WilsonFormatError) as error:
        read_wilson("Skip to content\n\nJune 9, 1961\n\x00\x01\x02\x03\x04\n")
    assert error.value.line == 4
    assert "binary" in error.value.message


def test_page_without_title_is_an_error_where_the_title_belongs() -> None:
    text = (
        "Skip to content\n\nJune 9, 1961\n\n"
        "This document was made possible with support from Blavatnik Family Foundation\n\n"
        "Top Secret\n\nI met with Fidel Castro this evening at my apartment and talked with him "
        "about the following questions.\n\nDocument Information\n"
    )
    with pytest.raises(WilsonFormatError) as error:
        read_wilson(text)
    assert error.value.line == 5
    assert str(error.value).startswith("line 5: no title")


def test_unrelated_text_is_an_error() -> None:
    with pytest.raises(WilsonFormatError):
        read_wilson(NOT_WILSON["shopping list"])


def test_format_error_is_a_value_error() -> None:
    assert issubclass(WilsonFormatError, ValueError)


# --- variations of the seeds ---------------------------------------------------------------


def test_structured_document_information_of_the_new_site() -> None:
    text = (FIXTURES / SEED_SCRAPED).read_text(encoding="utf-8")
    text = text.replace(
        "Document Information\n\n\nAVP RF", "Document Information\n\nSource\n\nAVP RF"
    )
    text = text.replace(
        "Record ID\n\n\n\n",
        "Original Archive\n\nArchive of Foreign Policy, Russian Federation (AVP RF)\n\n"
        "Type\n\nDiary\n\nLanguage\n\nRussian\n\nRecord ID\n\n115096\n\n",
    )
    record = read_wilson(text)
    assert record.archive_citation == "AVP RF, F. 0104. Op. 17, P. 118, D. 4, ll. 33-38"
    assert (record.record_id, record.original_language) == ("115096", "Russian")
    assert record.original_archive == "Archive of Foreign Policy, Russian Federation (AVP RF)"
    assert record.fields["type"] == "Diary"
    assert record.summary is not None and record.summary.startswith("Kudryavtsev and Fidel")


def test_scraped_page_without_summary_keeps_its_last_paragraph() -> None:
    text = (FIXTURES / SEED_SCRAPED).read_text(encoding="utf-8")
    summary = "Kudryavtsev and Fidel Castro discuss US attempts to diplomatically isolate Cuba"
    text = "\n".join(line for line in text.splitlines() if not line.startswith(summary))
    record = read_wilson(text)
    assert record.summary is None
    assert record.body.endswith("in Brazil, Mexico, and Ecuador.")


def test_flattened_pdf_without_quoted_citation_takes_the_title_from_its_head() -> None:
    text = (FIXTURES / "pdf_wandel_zhou_enlai.txt").read_text(encoding="utf-8")
    start, end = text.index('Citation: "'), text.index("Summary:")
    text = text[:start] + "Citation: SAPMO-BArch, DY 30/IV 2/20/123. " + text[end:]
    record = read_wilson(text)
    assert record.layout == "pdf"
    assert record.title == (
        "Memorandum of Conversation between GDR Ambassador Paul Wandel and Premier Zhou Enlai "
        "and Vice Premier Chen Yi, 14 October 1959"
    )
    assert record.author == "Paul Wandel"


def test_old_site_citation_on_the_label_line() -> None:
    text = (FIXTURES / "old_site_pham_van_dong.txt").read_text(encoding="utf-8")
    record = read_wilson(text.replace('Citation:\n\n"Record', 'Citation: "Record'))
    assert record.layout == "old-site"
    assert record.title is not None and record.title.startswith("Record of a Conversation between")
    assert record.archive_citation == "AVP RF, f. 079, op. 17, p. 30, d. 5, ll. 88-93"
