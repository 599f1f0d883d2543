"""Curated records: events and documents that scholars enter by hand, in YAML or CSV.

Scholars add what no archive file gives kg -- a meeting known from a memoir, the Soviet
record of a meeting whose American memorandum is already in the graph, corrected
participants -- as *curated records* (``docs/curated-format.md``).  This reader keeps what
they typed and where: every record and field with its line, so that each schema error (a
missing id, an unknown field or role, a list written as text) is reported as ``file:line``
and costs only its own record.  It checks the *shape* of records; dates, names, places and
topics are read against the authority in :mod:`kg.extract.curated_document`.

YAML is read with PyYAML's ``SafeLoader`` at the node level (``yaml.compose``): nodes
carry their marks (lines), and scalars stay the strings the scholar wrote, so
``1961-06-04`` is not turned into a date object nor ``1961`` into a number.  Values as
written and the checks shared by every field are in :mod:`kg.sources._curated_fields`.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field

import yaml

from kg.concepts import Classification, DocumentType, EventType, Role
from kg.report import Problem
from kg.sources._curated_fields import FieldChecker, Text, Value, mark_skipped, yaml_value

__all__ = [
    "CSV_COLUMNS",
    "CSV_REQUIRED",
    "DOCUMENT_FIELDS",
    "PARTICIPANT_FIELDS",
    "RECORD_FIELDS",
    "TOP_FIELDS",
    "VERSION",
    "VERSION_KEY",
    "CuratedRead",
    "CuratedRecord",
    "DocumentFields",
    "Participant",
    "Text",
    "Value",
    "looks_like_curated_csv",
    "looks_like_curated_yaml",
    "mark_skipped",
    "read_curated_csv",
    "read_curated_yaml",
]

VERSION_KEY = "kg-curated"
VERSION = "1"
TOP_FIELDS = (VERSION_KEY, "records", "description")
RECORD_FIELDS: tuple[str, ...] = ("id", "type", "title", "date", "edtf", "participants")
RECORD_FIELDS += ("place", "topics", "source", "citation", "url", "notes", "same_as", "document")
DOCUMENT_FIELDS = ("author", "date", "type", "classification", "language")
PARTICIPANT_FIELDS = ("name", "role", "position")
#: CSV columns: the record fields that fit in one cell (lists are separated by ";").
CSV_COLUMNS = tuple(f for f in RECORD_FIELDS if f != "document")
CSV_REQUIRED = ("id", "date", "participants")
_LIST_FIELDS = ("participants", "topics", "same_as")

_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_URL = re.compile(r"^https?://[^\s<>\"{}|\\^`]+$")
_ROLE_SUFFIX = re.compile(r"^(?P<name>.*?)\s*\((?P<role>[^()]*)\)\s*$")
_VERSION_LINE = re.compile(rf"^{VERSION_KEY}[ \t]*:", re.MULTILINE)


@dataclass(frozen=True)
class Participant:
    name: str
    role: Role
    position: str | None
    line: int


@dataclass(frozen=True)
class DocumentFields:
    """The optional ``document:`` block: the record the scholar took the event from."""

    author: Text | None = None
    date: Text | None = None
    document_type: DocumentType | None = None
    classification: Classification | None = None
    language: Text | None = None


@dataclass(frozen=True)
class CuratedRecord:
    """One record whose shape is valid; the values are still as written."""

    id: str
    line: int
    date: Text
    event_type: EventType = EventType.CONVERSATION
    title: Text | None = None
    edtf: Text | None = None
    participants: tuple[Participant, ...] = ()
    place: Text | None = None
    topics: tuple[Text, ...] | None = None
    citation: Text | None = None
    url: Text | None = None
    notes: Text | None = None
    same_as: tuple[Text, ...] = ()
    document: DocumentFields | None = None
    lines: dict[str, int] = field(default_factory=dict)

    def line_of(self, name: str) -> int:
        """The line of a field, or of the record when the field is not given."""
        return self.lines.get(name, self.line)


@dataclass
class CuratedRead:
    """What one file holds: the well-formed records and the problems of the others."""

    records: list[CuratedRecord] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def looks_like_curated_yaml(text: str) -> bool:
    """A YAML file is curated records when it declares ``kg-curated:`` at the top level.

    Any version counts, so that a file for a newer version is reported, not skipped.

    >>> looks_like_curated_yaml("kg-curated: 1\\nrecords: []\\n")
    True
    >>> looks_like_curated_yaml("name: ci\\non: push\\n")
    False
    """
    return _VERSION_LINE.search(text) is not None


def looks_like_curated_csv(text: str) -> bool:
    """A CSV file is curated records when its header has the required columns.

    >>> looks_like_curated_csv("id,date,participants,place\\n")
    True
    >>> looks_like_curated_csv("hsg_id,place_slug,valid_from,valid_to\\n")
    False
    """
    try:
        header = next(csv.reader(io.StringIO(text, newline="")), [])
    except csv.Error:
        return False
    return set(CSV_REQUIRED) <= {cell.strip().lower() for cell in header}


# --- YAML -----------------------------------------------------------------------------------
def read_curated_yaml(path: str, text: str) -> CuratedRead:
    """Read a YAML file of records; a syntax error skips the file and says where."""
    checker = _Checker(path)
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark is not None else None
        what = ": ".join(str(p) for p in (error.context, error.problem) if p)
        checker.problem("yaml-syntax", f"not valid YAML ({what}); the file is skipped", line)
        return checker.result()
    except yaml.YAMLError as error:
        checker.problem("yaml-syntax", f"not valid YAML ({error}); the file is skipped", None)
        return checker.result()
    try:
        top = yaml_value(root, 1) if root is not None else Value(None, 1)
    except RecursionError:  # an alias that contains itself (&a [*a])
        checker.problem("yaml-syntax", "a YAML alias refers to itself; the file is skipped", 1)
        return checker.result()
    fields = top.data if isinstance(top.data, dict) else {}
    version, records = fields.get(VERSION_KEY), fields.get("records")
    if version is None or version.data != VERSION:
        written = repr(version.data) if version is not None else "missing"
        message = f"{VERSION_KEY} must be {VERSION} (this file: {written}); the file is skipped"
        checker.problem("unsupported-version", message, version.line if version else 1)
        return checker.result()
    for key, value in fields.items():
        if key not in TOP_FIELDS:
            message = f"unknown top-level field {key!r} is ignored"
            checker.problem("unknown-field", message, value.line, "warning")
    if records is None or not isinstance(records.data, list):
        message = "'records' must be a list of records; the file is skipped"
        checker.problem("bad-structure", message, records.line if records else 1)
        return checker.result()
    for raw in records.data:
        checker.check(raw)
    return checker.result()


# --- CSV ------------------------------------------------------------------------------------
def read_curated_csv(path: str, text: str) -> CuratedRead:
    """Read a CSV file of records, one a row; lists in a cell are separated by ``;``."""
    checker = _Checker(path)
    reader = csv.reader(io.StringIO(text, newline=""))
    end = 0
    try:
        header = [cell.strip().lower() for cell in next(reader, [])]
        end = reader.line_num
        wrong = [f"unknown column {c!r}" for c in header if c not in CSV_COLUMNS]
        wrong += [f"no {c!r} column" for c in ("id", "date") if c not in header]
        wrong += [f"column {c!r} twice" for c in sorted(set(header)) if header.count(c) > 1]
        if wrong:
            known = ", ".join(CSV_COLUMNS)
            message = f"{'; '.join(wrong)} (known: {known}); the file is skipped"
            checker.problem("bad-header", message, end or 1)
            return checker.result()
        for row in reader:
            start, end = end + 1, reader.line_num
            if not any(cell.strip() for cell in row):
                continue
            if len(row) > len(header):
                message = f"{len(row)} cells for {len(header)} columns; record skipped"
                checker.problem("bad-row", message, start)
                continue
            checker.check(_csv_record(header, row, start))
    except csv.Error as error:
        checker.problem("csv-syntax", f"not valid CSV ({error}); the rest is skipped", end + 1)
    return checker.result()


def _csv_record(header: list[str], row: list[str], line: int) -> Value:
    cells: dict[str, Value] = {}
    for column, cell in zip(header, row, strict=False):
        if not cell.strip():
            continue
        if column in _LIST_FIELDS:
            items = [Value(item.strip(), line) for item in cell.split(";") if item.strip()]
            cells[column] = Value(items, line)
        else:
            cells[column] = Value(cell, line)
    return Value(cells, line)


# --- the schema -----------------------------------------------------------------------------
class _Checker(FieldChecker):
    """Checks raw records against the schema, collecting every error of a record."""

    def __init__(self, path: str) -> None:
        super().__init__(path)
        self.records: list[CuratedRecord] = []
        self.ids: dict[str, int] = {}

    def result(self) -> CuratedRead:
        return CuratedRead(self.records, self.problems)

    def check(self, raw: Value) -> None:
        """Keep the record if it has no schema error; else report each error and skip it."""
        if not isinstance(raw.data, dict):
            self.problem("wrong-type", "a record must be a mapping of fields", raw.line)
            return
        before, since = self.errors, len(self.problems)
        fields = self.fields(raw, RECORD_FIELDS, "record")
        record_id = self.record_id(fields, raw.line)
        event_type = self.choice(fields, "type", EventType, "event type")
        date = self.text(fields, "date")
        if date is None:
            self.problem("missing-field", "the record has no date (as written)", raw.line)
        source, citation = self.text(fields, "source"), self.text(fields, "citation")
        if source is not None and citation is not None:
            self.problem("duplicate-field", "give 'source' or 'citation', not both", source.line)
        url = self.text(fields, "url")
        if url is not None and not _URL.match(url.value):
            self.problem("bad-url", f"url {url.value!r} is not an http(s) address", url.line)
        record = CuratedRecord(
            id=record_id or "",
            line=raw.line,
            date=date or Text("", raw.line),
            event_type=event_type or EventType.CONVERSATION,
            title=self.text(fields, "title"),
            edtf=self.text(fields, "edtf"),
            participants=self.participants(fields.get("participants")),
            place=self.text(fields, "place"),
            topics=self.texts(fields, "topics"),
            citation=citation or source,
            url=url,
            notes=self.text(fields, "notes", collapse=False),
            same_as=self.texts(fields, "same_as") or (),
            document=self.document(fields.get("document")),
            lines={name: value.line for name, value in fields.items()},
        )
        if record_id is not None:
            self.ids[record_id] = raw.line
        if self.errors == before:
            self.records.append(record)
        else:
            mark_skipped(self.problems, since)

    def record_id(self, fields: dict[str, Value], line: int) -> str | None:
        text = self.text(fields, "id")
        if text is None:
            self.problem("missing-field", "the record has no id", line)
            return None
        if not _SLUG.match(text.value):
            message = "must be lower-case letters and digits joined by single hyphens"
            self.problem("bad-id", f"id {text.value!r} {message}", text.line)
        elif text.value in self.ids:
            message = f"was already used on line {self.ids[text.value]}"
            self.problem("duplicate-id", f"id {text.value!r} {message}", text.line)
        else:
            return text.value
        return None

    def participants(self, value: Value | None) -> tuple[Participant, ...]:
        if value is None:
            return ()
        if not isinstance(value.data, list):
            self.wrong("participants", "a list of names or mappings", value)
            return ()
        found = [self.participant(item) for item in value.data]
        return tuple(p for p in found if p is not None)

    def participant(self, item: Value) -> Participant | None:
        """``Name``, ``Name (role)`` or a mapping with name, role and position."""
        name: Text | None = None
        role: Text | None = None
        position: Text | None = None
        if isinstance(item.data, str):
            match = _ROLE_SUFFIX.match(item.data)
            name = Text(" ".join((match["name"] if match else item.data).split()), item.line)
            role = Text(match["role"].strip(), item.line) if match else None
        elif isinstance(item.data, dict):
            fields = self.fields(item, PARTICIPANT_FIELDS, "participant")
            name, role = self.text(fields, "name"), self.text(fields, "role")
            position = self.text(fields, "position")
        else:
            self.wrong("participants", "a list of names or mappings", item)
            return None
        if name is None or not name.value:
            self.problem("missing-field", "a participant has no name", item.line)
            return None
        try:
            found = Role(role.value.lower()) if role is not None else Role.PARTICIPANT
        except ValueError:
            assert role is not None
            self.unknown("role", role, Role)
            return None
        return Participant(name.value, found, position.value if position else None, item.line)

    def document(self, value: Value | None) -> DocumentFields | None:
        if value is None:
            return None
        if not isinstance(value.data, dict):
            self.wrong("document", "a mapping", value)
            return None
        fields = self.fields(value, DOCUMENT_FIELDS, "document")
        marking = self.text(fields, "classification")
        classification = _classification(marking.value) if marking else None
        if marking is not None and classification is None:
            self.unknown("classification", marking, Classification)
        return DocumentFields(
            author=self.text(fields, "author"),
            date=self.text(fields, "date"),
            document_type=self.choice(fields, "type", DocumentType, "document type"),
            classification=classification,
            language=self.text(fields, "language"),
        )


def _classification(text: str) -> Classification | None:
    """A level by its slug ("top-secret") or as marked ("Top Secret").

    >>> _classification("Secret; Eyes Only")
    <Classification.SECRET: 'secret'>
    """
    try:
        return Classification(text.strip().lower())
    except ValueError:
        return Classification.from_text(text)
