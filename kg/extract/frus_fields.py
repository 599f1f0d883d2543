"""What a FRUS document's head, source note and date attributes say, read from their text.

Pure functions of the wording, each shown by example: the kind of document a head
names ("Memorandum of Conversation", "Telegram From …"), the archive citation,
classification and drafter in the editors' source note, and the TEI date
attributes as :class:`~kg.extract.dates.DateSpan` values.  The extractor
(:mod:`kg.extract.frus_document`) puts them together.
"""

from __future__ import annotations

import re
from dataclasses import replace

from kg.concepts import DatePrecision, DocumentType, EventType
from kg.extract.dates import DateError, DateSpan, parse_date

__all__ = ["classify_head", "date_or_none", "drafter", "iso_range", "iso_span", "split_source_note"]

_MOC, _TALK = "memorandum-of-conversation", "conversation"
#: Head wording -> (document type, event type); the first match wins.
_TYPE_RULES: tuple[tuple[re.Pattern[str], DocumentType, EventType | None], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), DocumentType(doc), EventType(event) if event else None)
    for pattern, doc, event in (
        (r"^editorial note", "editorial-note", None),
        (r"\btelephone (?:conversation|call)", _MOC, "telephone-conversation"),
        (r"^(?:memorandum|notes?) (?:of|on) (?:an? |the )?conversation", _MOC, _TALK),
        (r"^records? (?:of|on) (?:an? |the )?conversation", "record-of-conversation", _TALK),
        (r"^(?:minutes|summary record)\b|^(?:record|notes?|summary)\b.*\bmeetings?\b"
         r"|^memorandum (?:of|for the record of) (?:an? |the )?meeting", "minutes", "meeting"),
        (r"^(?:[\w-]+ ){0,2}telegram\b", "telegram", None),
        (r"^(?:[\w-]+ ){0,2}airgram\b", "airgram", None),
        (r"\bintelligence estimate\b", "intelligence-estimate", None),
        (r"^(?:[\w-]+ ){0,2}(?:letter|message)\b", "letter", None),
        (r"\bdiary\b", "diary-entry", None),
        (r"^memorandum\b", "memorandum", None),
        (r"^report\b", "report", None),
    )
)  # fmt: skip
_SOURCE = re.compile(r"^\s*Source:\s*", re.IGNORECASE)
_MARKING = re.compile(
    r"(?:^|(?<=[.;]\s))(?:Top Secret|Secret|Confidential|Restricted|Limited Official Use"
    r"|Official Use Only|Unclassified|No classification marking|Eyes Only)\b[^.]*(?:\.|$)",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"\.\s+(?=[A-Z])")
_DRAFTED = re.compile(
    r"\b(?:Drafted|Prepared|Written)(?: (?:in|at) [\w/-]+)? by\s+"
    r"(?P<name>(?:[A-Z]\.\s*|[A-Z][\w'’-]+\s+)*[A-Z][\w'’-]+)"
)
_ISO = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?")
_ISO = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?")


def classify_head(title: str) -> tuple[DocumentType, EventType | None]:
    """The kind of document a FRUS head names, and the event it records (if any).

    >>> classify_head("Telegram From the Embassy in the Soviet Union to the Department of State")
    (<DocumentType.TELEGRAM: 'telegram'>, None)
    >>> classify_head("Record of Telephone Conversation Between Kennedy and Stevenson")[1]
    <EventType.TELEPHONE_CONVERSATION: 'telephone-conversation'>
    >>> classify_head("Record of the Policy Planning Staff Meeting")[0].value
    'minutes'
    """
    for pattern, doc_type, event_type in _TYPE_RULES:
        if pattern.search(title):
            return doc_type, event_type
    return DocumentType.OTHER, None


def split_source_note(note: str) -> tuple[str | None, str | None]:
    """(archive citation, classification sentence) of a source note.

    >>> split_source_note("Source: Department of State, Central Files, 761.5411/1-2161. "
    ...                   "Confidential; Priority. Drafted by Kohler.")
    ('Department of State, Central Files, 761.5411/1-2161', 'Confidential; Priority.')
    >>> split_source_note("Source: Kennedy Library, President's Office Files. Drafted by X.")
    ("Kennedy Library, President's Office Files", None)
    """
    text = _SOURCE.sub("", note).strip()
    marking = _MARKING.search(text)
    citation = text[: marking.start()] if marking else _SENTENCE_END.split(text, maxsplit=1)[0]
    return citation.strip().rstrip(".;, ") or None, marking.group(0) if marking else None


def drafter(note: str) -> str | None:
    """The name after "Drafted by" (or "Prepared by") in a source note.

    >>> drafter("Confidential. Drafted by McSweeney and approved in S on February 12.")
    'McSweeney'
    >>> drafter("Drafted by John A. Armitage. Cleared by Kohler.")
    'John A. Armitage'
    """
    match = _DRAFTED.search(note)
    return match.group("name") if match and len(match.group("name")) > 1 else None


def date_or_none(text: str) -> DateSpan | None:
    """A date as the volume writes it, or ``None`` where it is not one kg reads."""
    try:
        return parse_date(text)
    except DateError:
        return None


def iso_span(value: str) -> DateSpan | None:
    """A TEI date attribute (``1961-02-03T16:30:00``, ``1961-02``, ``1961``) as a span.

    >>> iso_span("1961-02-03T16:30:00").text, iso_span("1961-02").latest
    ('3 February 1961', datetime.date(1961, 2, 28))
    >>> iso_span("1961-02-30") is None
    True
    """
    match = _ISO.match(value.strip())
    span = date_or_none(match.group(0)) if match else None
    if span is None or not span.is_day:
        return span
    return replace(span, text=f"{span.earliest.day} {span.earliest:%B} {span.earliest.year}")


def iso_range(start: str, end: str) -> DateSpan | None:
    """The span between two TEI date attributes; ``None`` unless it runs forward (or is one day).

    >>> iso_range("1961-06-03", "1961-06-04").edtf
    '1961-06-03/1961-06-04'
    """
    a, b = iso_span(start), iso_span(end)
    if a is None or b is None or a.earliest >= b.latest:
        return a if a is not None and b is not None and a.earliest == b.latest else None
    text, edtf = f"{a.text} – {b.text}", f"{a.edtf}/{b.edtf}"
    return DateSpan(text, edtf, a.earliest, b.latest, DatePrecision.RANGE)
