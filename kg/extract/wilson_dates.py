"""When the conversation a telegram, letter or report tells of took place.

Part of :mod:`kg.extract.wilson_document`.  In a record of conversation the
header or title dates the talk; a telegram, letter or report carries its own
date, and the talk's date stands in the body: "On 13 April I met ...",
"Yesterday, 16 May, I had a conversation ...", "At the end of May I had a long
conversation ...", or only "today" / "yesterday".  The year and the meaning of
"today" come from the record's own date.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from kg.concepts import DatePrecision
from kg.extract.dates import DateSpan, search_date
from kg.extract.wilson_people import Statement, opening_sentences

__all__ = ["conversation_date"]

# A date after these words belongs to something else ("his letter of 2 March").
_NOT_THE_TALK = re.compile(
    r"\b(?:of|dated|from|since|until|till|by|before|after|to)\s+(?:the\s+)?$", re.IGNORECASE
)
_TODAY = re.compile(r"\b(?:today|this\s+(?:morning|afternoon|evening)|tonight)\b", re.IGNORECASE)
_YESTERDAY = re.compile(r"\b(?:the\s+day\s+before\s+)?yesterday\b", re.IGNORECASE)
_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def conversation_date(
    statements: list[Statement], body: str, record: DateSpan | None
) -> DateSpan | None:
    """The date of the conversation a telegram, letter or report tells of.

    Read from the sentence of the first conversation statement, else from the
    first sentences of the body, with the record's date as reference for the
    year ("On 5 December" in a report of 9 December 1960 is 1960-12-05; "On 30
    December" in one of 2 January 1963 is 1962-12-30); "today" is the record's
    date, "yesterday" the day before.

    >>> from kg.extract.dates import parse_date
    >>> record = parse_date("17 May 1968")
    >>> conversation_date([], "Yesterday I had a conversation with A. Dubček.", record).edtf
    '1968-05-16'
    >>> conversation_date([], "On 30 December I met X.", parse_date("2 January 1963")).edtf
    '1962-12-30'
    """
    reference = record.earliest if record else None
    texts = [s.sentence for s in statements[:1]] + opening_sentences(body)[:2]
    for text in texts:
        found = _date_in(text, reference)
        if found is None and record is not None and record.is_day:
            found = _relative(text, record.earliest)
        if found is not None:
            return _written_out(found)
    return None


def _written_out(span: DateSpan) -> DateSpan:
    """A day read with the record's help, written with its year ("13 March 1961").

    Only the label uses the text of a plain day (DESIGN A2 keeps ``dateText``
    for the other precisions), and "yesterday" or "5 December" would not say
    which day it was.
    """
    if not span.is_day:
        return span
    day = span.earliest
    return replace(span, text=f"{day.day} {_MONTHS[day.month - 1]} {day.year}")


def _date_in(text: str, reference: dt.date | None) -> DateSpan | None:
    """The first date in ``text`` that is not the date of something else ("letter of 2 March")."""
    position = 0
    while (found := search_date(text[position:], reference=reference)) is not None:
        start = text.find(found.text, position)
        position = start + len(found.text)
        if start < 0 or _NOT_THE_TALK.search(text[max(0, start - 20) : start]):
            continue
        return found
    return None


def _relative(text: str, day: dt.date) -> DateSpan | None:
    if match := _YESTERDAY.search(text):
        back = 2 if match.group(0).lower().startswith("the day before") else 1
        when = day - dt.timedelta(days=back)
    elif match := _TODAY.search(text):
        when = day
    else:
        return None
    return DateSpan(match.group(0).lower(), when.isoformat(), when, when, DatePrecision.DAY)
