"""Safe, line-aware, recovering XML reading for the Office of the Historian data sets.

The visits and travels files (``<visits><visit>…``, ``<trips><trip>…``) are flat
lists of small records, so :func:`read_records` turns each record element into
an :class:`XmlRecord` of child texts, attributes and source lines; the
format modules (:mod:`kg.sources.visits`, :mod:`kg.sources.travels`) give the
fields their names and meaning.

Why expat is driven directly (through :mod:`kg.sources._xml`) instead of
``ElementTree.iterparse``:

* **Safety.**  These files never need a DTD, and a DTD can declare entities
  that expand exponentially ("billion laughs") or fetch files and URLs.  Any
  ``<!DOCTYPE`` or ``<!ENTITY`` is refused *before* parsing; the parser also
  refuses DTDs, entity declarations and external references as a second line
  of defence, so no entity is ever expanded and nothing is fetched.
* **Line numbers.**  Every problem names the line of the record or field it
  concerns; ElementTree does not keep them.
* **Recovery.**  A record is complete the moment its end tag is read (the
  streaming behaviour of ``iterparse``).  When the XML breaks -- a truncated
  download, a mismatched tag -- the records read so far are kept, the break is
  reported with its line, and reading resumes at the next record start tag, so
  one broken record costs only itself.

The module also reads ``historical-countries.csv`` (:class:`CountryTable`):
the Office of the Historian names countries by *present-day* ids, and which
place an id stands for depends on the date (``russia`` before 1991-12-26 is
the Soviet Union).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from xml.parsers import expat

from kg.errors import ResourceError
from kg.resources import resource_dir
from kg.sources._xml import RefusedError, forbidden_declaration, safe_parser

__all__ = [
    "COUNTRY_TABLE_NAME",
    "CountryTable",
    "HsgRead",
    "XmlIssue",
    "XmlRecord",
    "bundled_country_table",
    "collapse",
    "iso_day",
    "looks_like_root",
    "read_records",
]

_SPACE = re.compile(r"\s+")
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_HEAD = 4096


@dataclass(frozen=True)
class XmlIssue:
    """A break in the XML or refused markup; the extractor turns it into a Problem."""

    code: str
    message: str
    line: int | None = None


@dataclass
class XmlRecord:
    """One record element: its attributes, child texts and where each was written.

    ``fields`` maps a child element name to its text (nested markup such as
    ``<em>`` contributes its text); a repeated child keeps its first value.
    """

    tag: str
    line: int
    attrs: dict[str, str] = field(default_factory=dict)
    fields: dict[str, str] = field(default_factory=dict)
    field_attrs: dict[str, dict[str, str]] = field(default_factory=dict)
    field_lines: dict[str, int] = field(default_factory=dict)

    def line_of(self, name: str) -> int:
        """The line of a field, or of the record when the field is missing."""
        return self.field_lines.get(name, self.line)


@dataclass
class HsgRead:
    """What one file yielded: complete records in file order, and the breaks."""

    records: list[XmlRecord] = field(default_factory=list)
    issues: list[XmlIssue] = field(default_factory=list)


def collapse(text: str | None) -> str | None:
    """Whitespace as XML pretty-printing left it, collapsed; empty text is ``None``.

    >>> collapse("In\\n            U.S. January 16–23. ")
    'In U.S. January 16–23.'
    >>> collapse("   ") is None
    True
    """
    if text is None:
        return None
    value = _SPACE.sub(" ", text).strip()
    return value or None


def iso_day(text: str | None) -> dt.date | None:
    """An ISO ``YYYY-MM-DD`` date field, or ``None`` when missing or not a real date.

    >>> iso_day("1960-01-17"), iso_day("1960-02-30"), iso_day("17 January 1960")
    (datetime.date(1960, 1, 17), None, None)
    """
    if not text or not _ISO_DAY.match(text):
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


def looks_like_root(text: str, root: str) -> bool:
    """Whether the first element of an XML text is ``root`` (looks at the head only).

    >>> looks_like_root('<?xml version="1.0"?>\\n<visits>\\n<visit>', "visits")
    True
    >>> looks_like_root("<trips><trip>", "visits")
    False
    """
    head = text[:_HEAD]
    match = re.search(r"<([A-Za-z_][\w.-]*)[\s/>]", head)
    return match is not None and match.group(1) == root


class _Collector:
    """Expat handlers collecting ``record`` elements that are children of the root."""

    def __init__(self, parser: expat.XMLParserType, record: str, offset: int) -> None:
        self.parser, self.record, self.offset = parser, record, offset
        self.done: list[XmlRecord] = []
        self.current: XmlRecord | None = None
        self.depth = 0
        self.field: str | None = None
        self.buffer: list[str] = []
        self.root: str | None = None

    def line(self) -> int:
        return int(self.parser.CurrentLineNumber) + self.offset

    def start(self, name: str, attrs: dict[str, str]) -> None:
        self.depth += 1
        if self.depth == 1:
            self.root = name
        elif self.depth == 2 and name == self.record:
            self.current = XmlRecord(name, self.line(), dict(attrs))
        elif self.depth == 3 and self.current is not None:
            self.field, self.buffer = name, []
            if name not in self.current.fields:
                self.current.field_lines[name] = self.line()
                self.current.field_attrs[name] = dict(attrs)

    def end(self, name: str) -> None:
        if self.depth == 3 and self.current is not None and self.field is not None:
            self.current.fields.setdefault(self.field, "".join(self.buffer))
            self.field = None
        elif self.depth == 2 and self.current is not None:
            self.done.append(self.current)
            self.current = None
        self.depth -= 1

    def text(self, data: str) -> None:
        if self.field is not None:
            self.buffer.append(data)


def _parser(record: str, offset: int) -> tuple[expat.XMLParserType, _Collector]:
    parser = safe_parser(encoding="utf-8")
    collector = _Collector(parser, record, offset)
    parser.StartElementHandler = collector.start
    parser.EndElementHandler = collector.end
    parser.CharacterDataHandler = collector.text
    return parser, collector


def read_records(text: str, *, root: str, record: str) -> HsgRead:
    """The ``record`` children of a ``root`` document, kept across breaks in the XML.

    Never raises for bad input: refused markup, a wrong root element and
    each break are :class:`XmlIssue` values with their line.

    >>> read = read_records("<visits>\\n<visit><id>1</id></visit>\\n<visit><id>2", root="visits",
    ...                     record="visit")
    >>> [(r.fields["id"], r.line) for r in read.records]
    [('1', 2)]
    >>> read.issues[0].line
    3
    """
    forbidden = forbidden_declaration(text)
    if forbidden:
        message = "the file declares a DTD or entities, which kg never reads (unsafe XML); skipped"
        return HsgRead([], [XmlIssue("unsafe-xml", message, forbidden[1])])
    data = text.encode("utf-8")
    result = HsgRead()
    start_tag = re.compile(rb"<" + re.escape(record.encode()) + rb"[\s>/]")
    chunk, offset, prefix = data, 0, b""
    while True:
        parser, collector = _parser(record, offset)
        error: expat.ExpatError | None = None
        try:
            parser.Parse(prefix + chunk, True)
        except RefusedError:
            result.records.extend(collector.done)
            message = "the file declares a DTD or entities (unsafe XML); reading stopped here"
            result.issues.append(XmlIssue("unsafe-xml", message, collector.line()))
            return result
        except expat.ExpatError as exc:
            error = exc
        if not prefix and collector.root not in (None, root):
            message = f"the root element is <{collector.root}>, not <{root}>; nothing read"
            return HsgRead([], [XmlIssue("not-hsg-data", message, 1)])
        result.records.extend(collector.done)
        if error is None:
            return result
        result.issues.append(_break(error, collector, offset))
        position = max(0, int(parser.ErrorByteIndex) - len(prefix))
        following = start_tag.search(chunk, position + 1)
        if following is None:
            return result
        offset += chunk.count(b"\n", 0, following.start())
        chunk, prefix = chunk[following.start() :], f"<{root}>".encode()


def _break(error: expat.ExpatError, collector: _Collector, offset: int) -> XmlIssue:
    line = int(error.lineno) + offset
    reason = expat.ErrorString(error.code) if error.code else str(error)
    if collector.current is not None:
        start = collector.current.line
        ident = collector.current.fields.get("id")
        which = f"the <{collector.record}> record" + (f" {ident.strip()}" if ident else "")
        message = (
            f"the XML breaks here ({reason}) inside {which} that starts at line {start}; "
            "that record is skipped, the complete records before and after it are kept"
        )
        return XmlIssue("broken-xml", message, line)
    message = f"the XML breaks here ({reason}); the complete records around it are kept"
    return XmlIssue("broken-xml", message, line)


# --- historical country ids --------------------------------------------------------------
COUNTRY_TABLE_NAME = "historical-countries.csv"


@dataclass(frozen=True)
class _Interval:
    slug: str
    earliest: dt.date | None
    latest: dt.date | None


class CountryTable:
    """Office of the Historian country ids -> place slugs, by date.

    >>> table = CountryTable.from_csv(
    ...     "hsg_id,place_slug,valid_from,valid_to\\n"
    ...     "russia,soviet-union,,1991-12-25\\nrussia,russia,1991-12-26,\\n")
    >>> table.place("russia", dt.date(1959, 9, 15))
    'soviet-union'
    >>> table.place("russia", dt.date(1992, 1, 27))
    'russia'
    >>> table.place("atlantis", dt.date(1959, 9, 15)) is None
    True
    """

    def __init__(self, rows: Mapping[str, list[_Interval]]) -> None:
        self._rows = dict(rows)

    @classmethod
    def from_csv(cls, text: str) -> CountryTable:
        rows: dict[str, list[_Interval]] = {}
        for row in csv.DictReader(io.StringIO(text)):
            ident, slug = (row.get("hsg_id") or "").strip(), (row.get("place_slug") or "").strip()
            if ident and slug:
                interval = _Interval(slug, _day(row.get("valid_from")), _day(row.get("valid_to")))
                rows.setdefault(ident, []).append(interval)
        return cls(rows)

    @classmethod
    def load(cls, path: Path) -> CountryTable:
        return cls.from_csv(path.read_text(encoding="utf-8-sig"))

    def __contains__(self, ident: object) -> bool:
        return ident in self._rows

    def __iter__(self) -> Iterator[str]:
        return iter(self._rows)

    def places(self, ident: str) -> frozenset[str]:
        """Every place ``ident`` has stood for: the record's country at any date.

        >>> sorted(CountryTable({"russia": [_Interval("soviet-union", None, None),
        ...                                 _Interval("russia", None, None)]}).places("russia"))
        ['russia', 'soviet-union']
        """
        return frozenset(interval.slug for interval in self._rows.get(ident, ()))

    def place(self, ident: str, day: dt.date) -> str | None:
        """The slug of the place ``ident`` stood for on ``day``, or ``None``."""
        for interval in self._rows.get(ident, ()):
            if (interval.earliest is None or interval.earliest <= day) and (
                interval.latest is None or day <= interval.latest
            ):
                return interval.slug
        return None


def _day(text: str | None) -> dt.date | None:
    text = (text or "").strip()
    return dt.date.fromisoformat(text) if text else None


@lru_cache(maxsize=1)
def bundled_country_table() -> CountryTable:
    """The table shipped with the authority data (empty when the file is missing)."""
    try:
        path = resource_dir("authorities") / COUNTRY_TABLE_NAME
    except ResourceError:
        return CountryTable({})
    return CountryTable.load(path) if path.is_file() else CountryTable({})
