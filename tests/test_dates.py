"""Tests for kg.extract.dates: the date conventions of DESIGN A2."""

from __future__ import annotations

import calendar
import datetime as dt
import random
import re
import time

import pytest

from kg.concepts import DatePrecision
from kg.extract.dates import (
    DateError,
    DateSpan,
    is_plausible,
    parse_date,
    search_date,
    weekday_mismatch,
)

D = dt.date
DAY, MONTH, YEAR = DatePrecision.DAY, DatePrecision.MONTH, DatePrecision.YEAR
SEASON, APPROX, RANGE = DatePrecision.SEASON, DatePrecision.APPROXIMATE, DatePrecision.RANGE
REF = D(1962, 10, 30)  # reference for texts without a year

# Level-0/1 EDTF shapes kg produces: day, month, year, season, qualified, intervals.
_EDTF_DATE = r"\d{4}(?:-(?:0[1-9]|1[0-2]|2[1-4])(?:-[0-3]\d)?)?[?~]?"
EDTF = re.compile(rf"{_EDTF_DATE}(?:/{_EDTF_DATE})?")

# text, expected edtf, earliest, latest, precision (all parsed with reference=REF)
CASES: list[tuple[str, str, dt.date, dt.date, DatePrecision]] = [
    # days, in every layout
    ("19 May 1961", "1961-05-19", D(1961, 5, 19), D(1961, 5, 19), DAY),
    ("June 9, 1961", "1961-06-09", D(1961, 6, 9), D(1961, 6, 9), DAY),
    ("November 04, 1962", "1962-11-04", D(1962, 11, 4), D(1962, 11, 4), DAY),
    ("9 June 1961", "1961-06-09", D(1961, 6, 9), D(1961, 6, 9), DAY),
    ("May 19th, 1961", "1961-05-19", D(1961, 5, 19), D(1961, 5, 19), DAY),
    ("19th of May 1961", "1961-05-19", D(1961, 5, 19), D(1961, 5, 19), DAY),
    ("the 19th of May, 1961", "1961-05-19", D(1961, 5, 19), D(1961, 5, 19), DAY),
    ("19 MAY 1961", "1961-05-19", D(1961, 5, 19), D(1961, 5, 19), DAY),
    ("19 May 1961 г.", "1961-05-19", D(1961, 5, 19), D(1961, 5, 19), DAY),
    ("19 мая 1961 г.", "1961-05-19", D(1961, 5, 19), D(1961, 5, 19), DAY),
    ("19 May 1961.", "1961-05-19", D(1961, 5, 19), D(1961, 5, 19), DAY),
    ("(19 May 1961);", "1961-05-19", D(1961, 5, 19), D(1961, 5, 19), DAY),
    ("Jan. 5, 1962", "1962-01-05", D(1962, 1, 5), D(1962, 1, 5), DAY),
    ("5 Sept. 1962", "1962-09-05", D(1962, 9, 5), D(1962, 9, 5), DAY),
    ("Febr. 3, 1962", "1962-02-03", D(1962, 2, 3), D(1962, 2, 3), DAY),
    ("March 2d, 1962", "1962-03-02", D(1962, 3, 2), D(1962, 3, 2), DAY),
    ("19-May-1961", "1961-05-19", D(1961, 5, 19), D(1961, 5, 19), DAY),
    ("23.3.1963", "1963-03-23", D(1963, 3, 23), D(1963, 3, 23), DAY),
    ("23.3.63", "1963-03-23", D(1963, 3, 23), D(1963, 3, 23), DAY),
    ("05.29.1962", "1962-05-29", D(1962, 5, 29), D(1962, 5, 29), DAY),
    ("05.06.1962", "1962-06-05", D(1962, 6, 5), D(1962, 6, 5), DAY),  # dots: day first
    ("5/6/1962", "1962-05-06", D(1962, 5, 6), D(1962, 5, 6), DAY),  # slashes: month first
    ("29/5/1962", "1962-05-29", D(1962, 5, 29), D(1962, 5, 29), DAY),
    ("05-06-1962", "1962-06-05", D(1962, 6, 5), D(1962, 6, 5), DAY),
    ("1962-05-29", "1962-05-29", D(1962, 5, 29), D(1962, 5, 29), DAY),
    ("19 X 56", "1956-10-19", D(1956, 10, 19), D(1956, 10, 19), DAY),
    ("19.X.1956", "1956-10-19", D(1956, 10, 19), D(1956, 10, 19), DAY),
    ("19 X 1956", "1956-10-19", D(1956, 10, 19), D(1956, 10, 19), DAY),
    ("3.IV.1961 г.", "1961-04-03", D(1961, 4, 3), D(1961, 4, 3), DAY),
    ("1 XII 61", "1961-12-01", D(1961, 12, 1), D(1961, 12, 1), DAY),
    # days without a year: the year closest to the reference
    ("Monday, 5 November", "1962-11-05", D(1962, 11, 5), D(1962, 11, 5), DAY),
    ("Monday, November 5, 1962", "1962-11-05", D(1962, 11, 5), D(1962, 11, 5), DAY),
    ("On 6 March", "1963-03-06", D(1963, 3, 6), D(1963, 3, 6), DAY),
    ("tomorrow, 9 December", "1962-12-09", D(1962, 12, 9), D(1962, 12, 9), DAY),
    ("5 November", "1962-11-05", D(1962, 11, 5), D(1962, 11, 5), DAY),
    ("October 3", "1962-10-03", D(1962, 10, 3), D(1962, 10, 3), DAY),
    ("Tues., 6 November", "1962-11-06", D(1962, 11, 6), D(1962, 11, 6), DAY),
    # ranges
    ("19-20 October 1962", "1962-10-19/1962-10-20", D(1962, 10, 19), D(1962, 10, 20), RANGE),
    ("19–20 October 1962", "1962-10-19/1962-10-20", D(1962, 10, 19), D(1962, 10, 20), RANGE),
    ("19 — 20 October 1962", "1962-10-19/1962-10-20", D(1962, 10, 19), D(1962, 10, 20), RANGE),
    (
        "30 September - 2 October 1962",
        "1962-09-30/1962-10-02",
        D(1962, 9, 30),
        D(1962, 10, 2),
        RANGE,
    ),
    (
        "between December 19 and 24",
        "1962-12-19/1962-12-24",
        D(1962, 12, 19),
        D(1962, 12, 24),
        RANGE,
    ),
    (
        "between 19 and 24 December",
        "1962-12-19/1962-12-24",
        D(1962, 12, 19),
        D(1962, 12, 24),
        RANGE,
    ),
    ("December 19-24, 1962", "1962-12-19/1962-12-24", D(1962, 12, 19), D(1962, 12, 24), RANGE),
    ("from 3 to 5 July 1961", "1961-07-03/1961-07-05", D(1961, 7, 3), D(1961, 7, 5), RANGE),
    ("5 and 6 March 1962", "1962-03-05/1962-03-06", D(1962, 3, 5), D(1962, 3, 6), RANGE),
    (
        "the 19th to the 24th of May 1961",
        "1961-05-19/1961-05-24",
        D(1961, 5, 19),
        D(1961, 5, 24),
        RANGE,
    ),
    ("30 December - 2 January", "1962-12-30/1963-01-02", D(1962, 12, 30), D(1963, 1, 2), RANGE),
    (
        "30 December - 2 January 1963",
        "1962-12-30/1963-01-02",
        D(1962, 12, 30),
        D(1963, 1, 2),
        RANGE,
    ),
    (
        "30 December 1962 - 2 January",
        "1962-12-30/1963-01-02",
        D(1962, 12, 30),
        D(1963, 1, 2),
        RANGE,
    ),
    (
        "December 30, 1962 - January 2, 1963",
        "1962-12-30/1963-01-02",
        D(1962, 12, 30),
        D(1963, 1, 2),
        RANGE,
    ),
    ("May-June 1961", "1961-05/1961-06", D(1961, 5, 1), D(1961, 6, 30), RANGE),
    ("December 1962 - January 1963", "1962-12/1963-01", D(1962, 12, 1), D(1963, 1, 31), RANGE),
    ("November - February 1963", "1962-11/1963-02", D(1962, 11, 1), D(1963, 2, 28), RANGE),
    ("between May and June 1961", "1961-05/1961-06", D(1961, 5, 1), D(1961, 6, 30), RANGE),
    ("1961-1963", "1961/1963", D(1961, 1, 1), D(1963, 12, 31), RANGE),
    ("1961–63", "1961/1963", D(1961, 1, 1), D(1963, 12, 31), RANGE),
    ("1961-1962 гг.", "1961/1962", D(1961, 1, 1), D(1962, 12, 31), RANGE),
    # months and years
    ("May 1961", "1961-05", D(1961, 5, 1), D(1961, 5, 31), MONTH),
    ("February, 1964", "1964-02", D(1964, 2, 1), D(1964, 2, 29), MONTH),
    ("in June of 1962", "1962-06", D(1962, 6, 1), D(1962, 6, 30), MONTH),
    ("1962-05", "1962-05", D(1962, 5, 1), D(1962, 5, 31), MONTH),
    ("1963", "1963", D(1963, 1, 1), D(1963, 12, 31), YEAR),
    ("1961 г.", "1961", D(1961, 1, 1), D(1961, 12, 31), YEAR),
    # parts of a month or year
    ("beginning of June 1961", "1961-06-01?/1961-06-10?", D(1961, 6, 1), D(1961, 6, 10), APPROX),
    ("early June", "1962-06-01?/1962-06-10?", D(1962, 6, 1), D(1962, 6, 10), APPROX),
    ("mid-June", "1962-06-11?/1962-06-20?", D(1962, 6, 11), D(1962, 6, 20), APPROX),
    ("middle of June", "1962-06-11?/1962-06-20?", D(1962, 6, 11), D(1962, 6, 20), APPROX),
    (
        "in the middle of June 1961",
        "1961-06-11?/1961-06-20?",
        D(1961, 6, 11),
        D(1961, 6, 20),
        APPROX,
    ),
    ("end of May", "1962-05-21?/1962-05-31?", D(1962, 5, 21), D(1962, 5, 31), APPROX),
    ("late May", "1962-05-21?/1962-05-31?", D(1962, 5, 21), D(1962, 5, 31), APPROX),
    ("at the end of June 1961", "1961-06-21?/1961-06-30?", D(1961, 6, 21), D(1961, 6, 30), APPROX),
    ("end of February 1964", "1964-02-21?/1964-02-29?", D(1964, 2, 21), D(1964, 2, 29), APPROX),
    (
        "the first half of June 1961",
        "1961-06-01?/1961-06-15?",
        D(1961, 6, 1),
        D(1961, 6, 15),
        APPROX,
    ),
    ("second half of June 1961", "1961-06-16?/1961-06-30?", D(1961, 6, 16), D(1961, 6, 30), APPROX),
    (
        "end of May-the beginning of June",
        "1962-05-21?/1962-06-10?",
        D(1962, 5, 21),
        D(1962, 6, 10),
        APPROX,
    ),
    (
        "the end of May-the beginning of June 1961",
        "1961-05-21?/1961-06-10?",
        D(1961, 5, 21),
        D(1961, 6, 10),
        APPROX,
    ),
    (
        "late May to early June 1961",
        "1961-05-21?/1961-06-10?",
        D(1961, 5, 21),
        D(1961, 6, 10),
        APPROX,
    ),
    ("early 1962", "1962-01?/1962-04?", D(1962, 1, 1), D(1962, 4, 30), APPROX),
    ("mid-1962", "1962-05?/1962-08?", D(1962, 5, 1), D(1962, 8, 31), APPROX),
    ("the end of 1962", "1962-09?/1962-12?", D(1962, 9, 1), D(1962, 12, 31), APPROX),
    # seasons
    ("spring 1962", "1962-21", D(1962, 3, 1), D(1962, 5, 31), SEASON),
    ("summer 1962", "1962-22", D(1962, 6, 1), D(1962, 8, 31), SEASON),
    ("autumn 1962", "1962-23", D(1962, 9, 1), D(1962, 11, 30), SEASON),
    ("fall 1962", "1962-23", D(1962, 9, 1), D(1962, 11, 30), SEASON),
    ("the spring of 1962", "1962-21", D(1962, 3, 1), D(1962, 5, 31), SEASON),
    ("winter 1962", "1962-24", D(1962, 12, 1), D(1963, 2, 28), SEASON),
    ("winter 1963", "1963-24", D(1963, 12, 1), D(1964, 2, 29), SEASON),
    ("winter 1962/63", "1962-24", D(1962, 12, 1), D(1963, 2, 28), SEASON),
    ("winter of 1962-1963", "1962-24", D(1962, 12, 1), D(1963, 2, 28), SEASON),
    # circa
    ("c. 1961", "1961~", D(1960, 1, 1), D(1962, 12, 31), APPROX),
    ("c.1961", "1961~", D(1960, 1, 1), D(1962, 12, 31), APPROX),
    ("circa 1961", "1961~", D(1960, 1, 1), D(1962, 12, 31), APPROX),
    ("ca. 1961", "1961~", D(1960, 1, 1), D(1962, 12, 31), APPROX),
    ("about 1961", "1961~", D(1960, 1, 1), D(1962, 12, 31), APPROX),
]


@pytest.mark.parametrize(("text", "edtf", "earliest", "latest", "precision"), CASES)
def test_parse_date(
    text: str, edtf: str, earliest: dt.date, latest: dt.date, precision: DatePrecision
) -> None:
    span = parse_date(text, reference=REF)
    assert (span.edtf, span.earliest, span.latest, span.precision) == (
        edtf,
        earliest,
        latest,
        precision,
    )
    assert span.text == text.strip()
    assert span.earliest <= span.latest
    assert EDTF.fullmatch(span.edtf), span.edtf
    assert span.is_day == (precision is DAY)


def test_text_is_the_stripped_wording() -> None:
    assert parse_date("  19 May 1961.  ").text == "19 May 1961."
    assert isinstance(parse_date("1961"), DateSpan)


def test_a_year_in_the_text_wins_over_the_reference() -> None:
    assert parse_date("5 November 1950", reference=REF).earliest == D(1950, 11, 5)


@pytest.mark.parametrize(
    ("text", "reference", "expected"),
    [
        ("5 January", D(1962, 12, 28), D(1963, 1, 5)),  # next year is closer
        ("28 December", D(1963, 1, 3), D(1962, 12, 28)),  # previous year is closer
        ("6 June", D(1963, 1, 3), D(1963, 6, 6)),  # 154 days ahead vs 211 back
        ("29 February", D(1964, 3, 1), D(1964, 2, 29)),  # only leap years have it
        ("29 February", D(1963, 3, 1), D(1964, 2, 29)),
    ],
)
def test_missing_year_comes_from_the_closest_reference_year(
    text: str, reference: dt.date, expected: dt.date
) -> None:
    assert parse_date(text, reference=reference).earliest == expected


def test_day_first_settles_only_ambiguous_numbers() -> None:
    assert parse_date("05.06.1962", day_first=False).earliest == D(1962, 5, 6)
    assert parse_date("5/6/1962", day_first=True).earliest == D(1962, 6, 5)
    assert parse_date("23.3.1963", day_first=False).earliest == D(1963, 3, 23)
    assert parse_date("05.29.1962", day_first=True).earliest == D(1962, 5, 29)


def test_two_digit_years() -> None:
    assert parse_date("19 X 56").earliest == D(1956, 10, 19)
    assert parse_date("1.2.05").earliest == D(1905, 2, 1)  # no reference: 19yy
    assert parse_date("1.2.05", reference=D(1962, 1, 1)).earliest == D(1905, 2, 1)
    assert parse_date("1.2.05", reference=D(2004, 6, 1)).earliest == D(2005, 2, 1)
    assert parse_date("1.2.98", reference=D(2004, 6, 1)).earliest == D(1998, 2, 1)


def test_wrong_weekday_keeps_the_date() -> None:
    span = parse_date("Tuesday, 5 November 1962")  # 5 November 1962 was a Monday
    assert span.earliest == D(1962, 11, 5)
    assert weekday_mismatch(span)
    assert not weekday_mismatch(parse_date("Monday, 5 November 1962"))
    assert not weekday_mismatch(parse_date("Mon., 5 November 1962"))
    assert not weekday_mismatch(parse_date("5 November 1962"))
    assert not weekday_mismatch(parse_date("November 1962"))


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("31 February 1962", "not a real date"),
        ("29 February 1962", "not a real date"),
        ("31.04.1962", "not a real date"),
        ("13.13.1962", "not a real date"),
        ("5 November", "no year"),
        ("Monday, 5 November", "no year"),
        ("end of May", "no year"),
        ("between December 19 and 24", "no year"),
        ("20-19 October 1962", "before it begins"),
        ("2 October - 30 September 1962", "before it begins"),
        ("1963-1961", "not after"),
        ("summer 1962-63", "only a winter"),
        ("winter 1962-64", "only a winter"),
        ("19 May and 20 June 1961", "'and'"),
        ("", "empty"),
        ("  ", "empty"),
        ("hello", "not a date"),
        ("32 May 1961", "not a date"),
        ("May", "not a date"),
        ("Copy No 2", "not a date"),
        ("ll. 33-38", "not a date"),
        ("19 May 1961 and more words", "not a date"),
        ("may 1961", "not a date"),  # lower-case "may" is the verb
    ],
)
def test_parse_date_errors(text: str, message: str) -> None:
    with pytest.raises(DateError, match=message):
        parse_date(text)


def test_date_error_is_a_value_error() -> None:
    with pytest.raises(ValueError):
        parse_date("not a date")


# sentence, reference, matched wording, edtf
SEARCHES: list[tuple[str, dt.date | None, str, str]] = [
    ("Havana, 12 March 1963", None, "12 March 1963", "1963-03-12"),
    ("I met with Castro on 6 March at 10 a.m.", D(1963, 3, 7), "6 March", "1963-03-06"),
    ("Top Secret. Copy No 2\n9 June 1961\nNo 179", None, "9 June 1961", "1961-06-09"),
    ("Top Secret Copy № 1\n23 March 1963\nOutgoing № 87", None, "23 March 1963", "1963-03-23"),
    (
        "AVP RF, f. 0104, op. 19, p. 124, d. 3, l. 66. 16 February 1963",
        None,
        "16 February 1963",
        "1963-02-16",
    ),
    (
        "AVP RF, F. 0104, Op. 17, P. 118, D. 4, ll. 33-38; conversation of 19-20 October 1962",
        None,
        "19-20 October 1962",
        "1962-10-19/1962-10-20",
    ),
    (
        "the conference, which was planned for the end of May-the beginning of June, was postponed",
        D(1961, 5, 19),
        "the end of May-the beginning of June",
        "1961-05-21?/1961-06-10?",
    ),
    ("On Monday, 5 November, I visited", D(1962, 11, 1), "Monday, 5 November", "1962-11-05"),
    (
        "He will come tomorrow, 9 December, at noon",
        D(1962, 12, 8),
        "tomorrow, 9 December",
        "1962-12-09",
    ),
    (
        "It was agreed that between December 19 and 24 the delegation",
        REF,
        "between December 19 and 24",
        "1962-12-19/1962-12-24",
    ),
    (
        "In the period from 3 to 5 July 1961 the delegation",
        None,
        "from 3 to 5 July 1961",
        "1961-07-03/1961-07-05",
    ),
    ("talks held in the spring of 1962 failed", None, "the spring of 1962", "1962-21"),
    ("The March 1962 session", None, "March 1962", "1962-03"),
    ("at 10.30 on 23.3.1963", None, "23.3.1963", "1963-03-23"),
    ("some 2000 people came in 1962", None, "1962", "1962"),
    ("Moscow, 1961.", None, "1961", "1961"),
    ("signed c. 1961 by both", None, "c. 1961", "1961~"),
    ("Tel. 1962 of 5 May 1962", None, "5 May 1962", "1962-05-05"),
    ("FRUS, 1961-1963, vol. X", None, "1961-1963", "1961/1963"),
    ("received 19.X.56 from Warsaw", None, "19.X.56", "1956-10-19"),
    ("MEMORANDUM OF CONVERSATION, JUNE 9, 1961, 11 A.M.", None, "JUNE 9, 1961", "1961-06-09"),
]


@pytest.mark.parametrize(("sentence", "reference", "wording", "edtf"), SEARCHES)
def test_search_date(sentence: str, reference: dt.date | None, wording: str, edtf: str) -> None:
    span = search_date(sentence, reference=reference)
    assert span is not None
    assert (span.text, span.edtf) == (wording, edtf)
    assert wording in sentence


@pytest.mark.parametrize(
    "sentence",
    [
        "",
        "Copy No 2",
        "AVP RF, F. 0104, Op. 17, P. 118, D. 4, ll. 33-38",
        "Top Secret. Copy Nº 2. Nº 179",
        "they may 5 times refuse and march 12 miles",
        "some 1500 troops and 2000 tons of cargo",
        "see paragraph 1.2.10 of the treaty",
        "at 10.30 the meeting began; 3-5 people attended",
        "I met with Castro on 6 March at 10 a.m.",  # no year, no reference
        "the 1960s",
        "page 1963",
        "a crowd of some 2000 people, for 1800 rubles",
    ],
)
def test_search_date_finds_nothing(sentence: str) -> None:
    assert search_date(sentence) is None


def test_search_skips_invalid_candidates_and_continues() -> None:
    span = search_date("on 31 February (sic), without a year, and then on 3 March 1962")
    assert span is not None and span.text == "3 March 1962"
    span = search_date("on 31 February 1962 (sic)")  # the month is all that is left
    assert span is not None and (span.text, span.edtf) == ("February 1962", "1962-02")


def test_search_prefers_the_longest_reading_at_the_first_place() -> None:
    span = search_date("Moscow, 30 September - 2 October 1962. Later, in 1963")
    assert span is not None and span.precision is RANGE
    assert (span.earliest, span.latest) == (D(1962, 9, 30), D(1962, 10, 2))


def test_search_in_a_long_text_is_quick() -> None:
    started = time.perf_counter()
    filler = "The ambassador said that the government of the Soviet Union may agree. " * 2000
    span = search_date(filler + "Havana, 12 March 1963")
    assert span is not None and span.earliest == D(1963, 3, 12)
    assert time.perf_counter() - started < 5  # ~0.1 s; a catastrophic regex would take minutes


def test_is_plausible() -> None:
    assert is_plausible(parse_date("19 May 1961"))
    assert not is_plausible(parse_date("1661"))
    assert not is_plausible(parse_date("1961"), low=D(1962, 1, 1))
    assert is_plausible(parse_date("1961"), low=D(1961, 1, 1), high=D(1961, 12, 31))


# --- round trip: many day/month/year triples written in many ways --------------------------

_ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]


def _writings(day: int, month: int, year: int) -> list[tuple[str, bool | None]]:
    """(text, day_first) pairs that all mean day/month/year."""
    name = calendar.month_name[month]
    abbr = calendar.month_abbr[month]
    suffix = {1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd", 23: "rd", 31: "st"}.get(day, "th")
    return [
        (f"{day} {name} {year}", None),
        (f"{name} {day}, {year}", None),
        (f"{day:02d} {name.upper()} {year}", None),
        (f"{abbr}. {day}, {year}", None),
        (f"{day} {abbr} {year}", None),
        (f"the {day}{suffix} of {name}, {year}", None),
        (f"{name} {day}{suffix}, {year}", None),
        (f"{day}.{month}.{year}", True),
        (f"{day:02d}.{month:02d}.{year}", None),  # dotted default: day first
        (f"{month}/{day}/{year}", None),  # slashed default: month first
        (f"{month:02d}.{day:02d}.{year}", False),
        (f"{year}-{month:02d}-{day:02d}", None),
        (f"{day} {_ROMAN[month - 1]} {year}", None),
        (f"{day}.{_ROMAN[month - 1]}.{year % 100:02d}", None),
        (f"{day} {name} {year} г.", None),
        (f"{calendar.day_name[dt.date(year, month, day).weekday()]}, {day} {name} {year}", None),
    ]


def _triples(count: int) -> list[tuple[int, int, int]]:
    rng = random.Random(1961)
    triples = [(1, 1, 1900), (31, 12, 1999), (29, 2, 1964), (28, 2, 1963), (30, 4, 1945)]
    while len(triples) < count:
        year, month = rng.randint(1900, 1999), rng.randint(1, 12)
        triples.append((rng.randint(1, calendar.monthrange(year, month)[1]), month, year))
    return triples


@pytest.mark.parametrize(("day", "month", "year"), _triples(150))
def test_round_trip(day: int, month: int, year: int) -> None:
    expected = dt.date(year, month, day)
    for text, day_first in _writings(day, month, year):
        span = parse_date(text, day_first=day_first)
        assert (span.earliest, span.latest, span.edtf) == (
            expected,
            expected,
            expected.isoformat(),
        ), text
        assert not weekday_mismatch(span)
        found = search_date(f"Record of a conversation, {text}. Copy No 2.", day_first=day_first)
        assert found is not None and found.earliest == expected, text


@pytest.mark.parametrize(
    ("year", "month"), [(y, m) for y in (1900, 1961, 1964, 2000) for m in range(1, 13)]
)
def test_month_round_trip(year: int, month: int) -> None:
    last = calendar.monthrange(year, month)[1]
    for text in (f"{calendar.month_name[month]} {year}", f"{calendar.month_abbr[month]}. {year}"):
        span = parse_date(text)
        assert (span.earliest, span.latest) == (D(year, month, 1), D(year, month, last)), text
        assert span.edtf == f"{year}-{month:02d}"
    begin, end = (
        parse_date(f"beginning of {calendar.month_name[month]} {year}"),
        parse_date(f"end of {calendar.month_name[month]} {year}"),
    )
    assert (begin.earliest.day, begin.latest.day, end.earliest.day, end.latest.day) == (
        1,
        10,
        21,
        last,
    )
