"""The record inside a Digital Archive page: its header, body, signature and credits.

Whatever the page layout, the translated record itself looks alike: a header of
short lines (classification, copy and registry numbers, dates, "from the journal
of", the heading and "with ..."), prose paragraphs, and a closing signature.
:mod:`kg.sources._wilson_layouts` finds where the record is; this module reads
it.  Everything is returned as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kg.extract.header import (
    DATE_PATTERN,
    TYPE_PATTERN,
    is_organization,
    parse_person,
    parse_title,
)
from kg.extract.header import split_people as _split_people
from kg.sources.wilson import NamedRole

_DATE = re.compile(rf"(?<![\w.]){DATE_PATTERN}", re.I)
_DATE_LINE = re.compile(rf"^{DATE_PATTERN}\.?$", re.I)
_CLASSIFICATION = re.compile(
    r"^(?:(?:security\s+)?classification\s*:\s*)?(?P<c>(?:strictly\s+|top\s+)?"
    r"(?:secret|confidential)|for\s+official\s+use\s+only|personal(?:\s+and\s+confidential)?"
    r"|restricted|unclassified|eyes\s+only|limited\s+official\s+use)(?!\w)[!.,;:]?",
    re.I,
)
_COPY = re.compile(
    r"(?<!\w)cop(?:y|ies)\s*(?:N[º°o]\.?|№|No\.?|Nr\.?|#)?\s*:?\s*(?P<n>\d+)(?!\w)[.,;]?", re.I
)
_REGISTRY = re.compile(
    r"(?<!\w)(?P<prefix>(?:(?:Outgoing|Incoming|Outg\.|Inc\.|Ref(?:erence)?\.?|Reg(?:istration|"
    r"istry)?\.?|Ciphered|Cipher|File|Dispatch)\s+)*)(?P<mark>N[º°o]\.?|№|No\.?|Nr\.?)\s*:?\s*"
    r"(?P<num>\d[\w/\-]*(?:\.\d+)*)",
    re.I,
)
_JOURNAL = re.compile(
    r"^from\s+the\s+(?:journal|diary|notebook|notes|records)\s+of(?!\w)\s*:?\s*(?P<who>.*)$", re.I
)
_HEADING = re.compile(rf"^(?P<type>{TYPE_PATTERN})(?P<rest>(?:\s*[,:]?\s+.*)?)$", re.I)
_WITH = re.compile(r"^(?:with|between)\s+(?P<people>.+)$", re.I)
_TRAILING_DATE = re.compile(rf"(?:,\s*|\s+on\s+)(?P<date>{DATE_PATTERN})\.?$", re.I)
_TALK_WORDS = re.compile(
    r"conversation|talk|meeting|discussion|negotiation|interview|minutes", re.I
)
_SHOUTED_NAME = re.compile(
    r"^(?:[^\W\d_]\.\s*){0,3}[^\W\d_a-z][^\W\d_a-z'’\-]+(?:\s+[^\W\d_a-z]+){0,3}$"
)
_MAX_HEADER_LINES = 30
OPEN_WORDS = frozenset(("of", "the", "and", "to", "in", "for", "with", "at", "on"))
_LABELLED = re.compile(
    r"^(?P<label>Date|Time|Place|Venue|Location|Participants|(?:Also\s+)?Present|"
    r"Persons\s+present|Attending|Subject|Topic|To|From|Addressee|Copies\s+to|Distribution|"
    r"Interpreters?|Interpreting|Translators?|Recorders?|Note-?takers?|"
    r"(?:Recorded|Drafted|Prepared|Compiled|Minutes\s+taken)\s+by)\s*:\s*(?P<value>.*)$"
    r"|^(?P<by>(?:Recorded|Drafted|Prepared|Compiled|Minutes\s+taken)\s+by)\s+(?P<who>[^\W\d_].*)$",
    re.I,
)
# "NOTE" / "of a conversation with ...": the second line of a heading split in two.
_HEADING_REST = re.compile(
    r"^(?:of|on|about|concerning)\s+(?:an?\s+|the\s+)?(?:(?:telephone|confidential|private)\s+)?"
    r"(?:conversations?|talks?|meetings?|discussions?|negotiations?|interview)\b",
    re.I,
)
_SALUTATION = re.compile(
    r"^(?:(?:my\s+)?dear|esteemed|respected|highly\s+esteemed|honou?red)\s+[^\W\d_]", re.I
)
_PLACE_DATE = re.compile(
    rf"^(?P<place>[^\W\d_][\w'’.\-]*(?:\s+[^\W\d_][\w'’.\-]*){{0,3}}),\s*(?P<date>{DATE_PATTERN})"
    r"\.?$",
    re.I,
)
_SIDE = re.compile(r"^[\w' ]{2,30}\bside\s*:\s*", re.I)
SENTENCE_END = re.compile(r"[.!?…:;\"”’)\]]$")
INITIALS_NAME = re.compile(r"^(?:[^\W\d_]{1,2}\.\s*){1,3}\s*[^\W\d_][\w'’\-]+$")
_TO = re.compile(r"^to\s+(?:the\s+)?(?=\S)", re.I)
_FIRST_PERSON = re.compile(r"\b(?:I|me|my|we|us|our)\b")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Line:
    """One line of the page: its 1-based number and its text, whitespace collapsed."""

    number: int
    text: str


def clean(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def is_date_line(text: str) -> bool:
    return bool(_DATE_LINE.match(text.strip()))


def is_prose(text: str) -> bool:
    """True for a line of running text rather than a header or signature line."""
    words = text.split()
    if sum(1 for w in words if len(w) > 1 and w.islower()) < 3:
        return False  # header lines are capitals, numbers and dates
    n = len(words)
    return len(text) >= 100 or n >= 14 or (n >= 6 and bool(SENTENCE_END.search(text)))


def find_date(text: str) -> str | None:
    """The first date written in ``text``, as written."""
    found = _DATE.search(text)
    return found.group(0) if found else None


def is_header_mark(text: str) -> bool:
    """True for a line of classification, copy or registry marks, or "from the journal of"."""
    return bool(
        _CLASSIFICATION.match(text)
        or _COPY.search(text)
        or _REGISTRY.match(text)
        or _JOURNAL.match(text)
        or is_date_line(text)
    )


def is_summary_like(text: str) -> bool:
    """True for the archive's one-sentence summary: third person, short, one sentence."""
    return (
        text.endswith(".")
        and 5 <= len(text.split()) <= 90
        and not _FIRST_PERSON.search(text)
        and not is_date_line(text)
    )


@dataclass
class RecordHeader:
    """What the record's own header lines state, with the line of each value."""

    classification: str | None = None
    copy_number: str | None = None
    registry_number: str | None = None
    record_date: str | None = None
    conversation_date: str | None = None
    place: str | None = None
    author: str | None = None
    heading: str | None = None
    people: str | None = None
    interlocutors: list[NamedRole] = field(default_factory=list)
    participants: list[NamedRole] = field(default_factory=list)
    participant_texts: list[str] = field(default_factory=list)  # as written, split at the end
    interpreters: list[NamedRole] = field(default_factory=list)
    recorders: list[NamedRole] = field(default_factory=list)  # kept the minutes: were there
    drafters: list[NamedRole] = field(default_factory=list)  # "Prepared by": wrote it up
    subject: str | None = None
    addressee: str | None = None
    addressees: list[str] = field(default_factory=list)
    line_of: dict[str, int] = field(default_factory=dict)
    body_start: int = 0
    talk_started: bool = False  # a conversation heading or "with ..." line was seen
    between: bool = False  # "between A and B": all are interlocutors, the author may be neither

    def put(self, name: str, value: str | None, line: int, *, replace: bool = False) -> None:
        """Keep the first value the header gives for ``name`` (or the last with ``replace``)."""
        value = clean(value or "").strip(" ,;:")
        if value.endswith(".") and not INITIALS_NAME.match(value.split()[-1]):
            value = value[:-1]
        if value and (replace or getattr(self, name) is None):
            setattr(self, name, value)
            self.line_of[name] = line

    def put_date(self, date: str, line: int) -> None:
        """Dates before a conversation heading date the record; after it, the conversation."""
        self.put("conversation_date" if self.talk_started else "record_date", date, line)


def _scan_marks(text: str, line: int, header: RecordHeader) -> None:
    """Take classification, copy and registry numbers, place and date out of one line."""
    if found := _CLASSIFICATION.match(text):
        header.put("classification", found.group("c"), line)
        text = text[found.end() :]
    if found := _COPY.search(text):
        header.put("copy_number", found.group("n"), line)
        text = text[: found.start()] + " " + text[found.end() :]
    if found := _REGISTRY.search(text):
        number = found.group("num").rstrip(".")
        header.put(
            "registry_number", f"{found.group('prefix')}{found.group('mark')} {number}", line
        )
        text = text[: found.start()] + " " + text[found.end() :]
    if place_date := _PLACE_DATE.match(text.strip(" .,;")):
        header.put("place", place_date.group("place"), line)
        header.put_date(place_date.group("date"), line)
    elif found := _DATE.search(text):
        header.put_date(found.group(0), line)


def _read_labelled(label: str, value: str, line: int, header: RecordHeader) -> str | None:
    """Read one "Label: value" header line; returns the field that may wrap onto more lines."""
    label = clean(label.lower())
    if label.startswith(("interpret", "translator")):
        header.interpreters.extend(_split_people(value))
        header.line_of.setdefault("interpreters", line)
    elif label.startswith(("recorder", "note", "minutes", "recorded")):
        header.recorders.extend(_split_people(value))
        header.line_of.setdefault("recorders", line)
    elif label.endswith(" by"):  # "Prepared by", "Drafted by", "Compiled by"
        header.drafters.extend(_split_people(value))
    elif label in ("place", "venue", "location"):
        header.put("place", value, line, replace=True)  # beats the place the record was written
    elif label in ("date", "time"):
        if found := _DATE.search(value):
            header.put_date(found.group(0), line)
    elif label in ("participants", "present", "also present", "persons present", "attending"):
        header.participant_texts.append(value)
        header.line_of.setdefault("participants", line)
        return "participants"
    elif label in ("subject", "topic"):
        header.put("subject", value, line)
        return "subject"
    elif label in ("to", "addressee"):
        header.put("addressee", value, line)
        header.addressees.append(clean(value).strip(" ,;:."))
    return None


def _continue(field_name: str, text: str, header: RecordHeader) -> bool:
    """Add a wrapped line to a header field; False when the line is not a continuation.

    A wrapped line goes on in lower case ("of the Republic of Cuba") or
    completes an office still waiting for its holder's name; a capitalised
    line after a complete value is a new header line (an address, a stamp).
    """
    if _LABELLED.match(text) or _WITH.match(text) or _DATE.search(text) or is_prose(text):
        return False
    if field_name == "participants":
        header.participant_texts[-1] += " " + text
        return True
    previous = getattr(header, field_name) or ""
    last = previous.split()[-1].lower() if previous.split() else ""
    name, role = parse_person(previous)
    waiting = last in OPEN_WORDS or (name is None and role is not None)
    if len(text) < 90 and (text[:1].islower() or waiting) and not _COPY.search(text):
        setattr(header, field_name, f"{previous} {text}".strip())
        return True
    return False


def _read_heading(text: str, line: int, header: RecordHeader) -> str | None:
    """Read a heading such as "RECORD OF A CONVERSATION with ..."; returns "people" if it wraps."""
    parts = parse_title(text)
    header.put("heading", parts.document_type, line)
    header.talk_started = header.talk_started or bool(_TALK_WORDS.search(text))
    if parts.conversation_date:
        header.put_date(parts.conversation_date, line)
    if parts.interlocutors:
        header.interlocutors = parts.interlocutors
    heading = _HEADING.match(text)
    if heading and (people := _WITH.match(heading.group("rest").strip(" ,:"))):
        header.put("people", people.group("people"), line)
        header.between = people.group(0).lower().startswith("between")
        header.talk_started = True
        return "people"
    return None


def _read_line(text: str, line: int, header: RecordHeader) -> str | None:
    """Read one header line that is not a continuation; returns a field that may wrap."""
    if labelled := _LABELLED.match(text):
        if labelled["by"]:
            return _read_labelled(labelled["by"], labelled["who"], line, header)
        return _read_labelled(labelled["label"], labelled["value"], line, header)
    if found := _WITH.match(text):
        header.put("people", found.group("people"), line)
        header.between = found.group(0).lower().startswith("between")
        header.talk_started = True
        return "people"
    if _HEADING.match(text):
        return _read_heading(text, line, header)
    _scan_marks(text, line, header)
    return None


def _finish_people(header: RecordHeader) -> None:
    """Split the "with ..." text into people, taking a trailing date off it.

    In "between A and B" both are interlocutors: who wrote the record is told
    by the journal, the recorder or the signature, not by the order of names.
    """
    for text in header.participant_texts:
        header.participants.extend(_split_people(_SIDE.sub("", text)))
    if not header.people:
        return
    if found := _TRAILING_DATE.search(header.people):
        header.put("conversation_date", found.group("date"), header.line_of["people"])
        header.people = header.people[: found.start()]
    header.interlocutors = _split_people(header.people)


def _address_block(lines: list[Line], salutation: int) -> str | None:
    """The addressee of a letter: the lines just above "Dear Comrade Minister,".

    "Comrade János Péter / Minister of Foreign Affairs / Budapest" gives
    "Comrade János Péter, Minister of Foreign Affairs"; an organisation
    ("Central Committee of the HSWP") is given as written.
    """
    block: list[str] = []
    for line in reversed(lines[:salutation]):
        text = line.text
        if not text:
            if block:
                break
            continue
        if _LABELLED.match(text) or is_header_mark(text) or is_prose(text) or len(block) >= 5:
            break
        block.insert(0, text)
    if block:
        block[0] = _TO.sub("", block[0])  # "To the Minister of Foreign Affairs"
    name = ""
    for index, text in enumerate(block):
        name = f"{name} {text}".strip()
        person, _ = parse_person(name)
        if person is not None:
            office = block[index + 1] if index + 1 < len(block) else ""
            if office and parse_person(office)[0] is None and parse_person(office)[1]:
                return f"{name}, {office}"
            return name
    first = block[0] if block else ""
    return first if first and is_organization(first) else None


def _header_shaped(text: str) -> bool:
    """A long line that is still a header line: a heading, "with ...", "Participants: ..."."""
    if _LABELLED.match(text):
        return True
    return bool(_HEADING.match(text) or _WITH.match(text)) and not text.endswith(".")


def read_record_header(lines: list[Line]) -> RecordHeader:
    """Read the header lines at the top of a record; ``body_start`` indexes the first prose line.

    ``lines`` are the lines of the record in order, blank ones included (a
    blank line ends a wrapped value).  Lines the header grammar does not know
    (stamps, addresses, "Translation from Russian") are skipped; the first
    line of running text starts the body.
    """
    header = RecordHeader(body_start=len(lines))
    expect_author = False
    wrapping: str | None = None  # a field that may go on on the next line
    heading: str | None = None  # a bare heading ("NOTE") that the next line may complete
    seen = 0
    for index, line in enumerate(lines):
        text, number = line.text, line.number
        if not text:
            wrapping = None
            continue
        seen += 1
        if seen > _MAX_HEADER_LINES:
            header.body_start = index
            break
        if wrapping and _continue(wrapping, text, header):
            continue
        wrapping = None
        if heading is not None and _HEADING_REST.match(text):
            wrapping = _read_heading(f"{heading} {text}", number, header)
            heading = None
            continue
        heading = text if _HEADING.match(text) and len(text.split()) <= 3 else None
        if _SALUTATION.match(text) and not is_prose(text):
            if address := _address_block(lines, index):
                header.addressees.append(clean(address))
            continue
        if journal := _JOURNAL.match(text):
            header.put("author", journal.group("who"), number)
            expect_author = not journal.group("who").strip()
            continue
        named = INITIALS_NAME.match(text) or _SHOUTED_NAME.match(text)
        if expect_author and named and not is_header_mark(text):
            header.put("author", text, number)
        elif is_prose(text) and not _header_shaped(text):
            header.body_start = index
            break
        else:
            wrapping = _read_line(text, number, header)
        expect_author = False
    _finish_people(header)
    return header
