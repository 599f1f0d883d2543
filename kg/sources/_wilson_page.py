"""The lines of a Digital Archive page: what each one is, and the metadata they carry.

A page is the archive's metadata (page date, title, citation, summary, labelled
fields, rights boilerplate) wrapped around the record itself.  The layouts
differ only in how the metadata is marked: blank-line separated parts (scraped),
"Label:" lines and a bold title (markdown), single newlines with trailing field
labels (compact), a title found only in the quoted citation (old-site), or all
labels run together in one paragraph (pdf).  So every line is classified here
(blank, site noise, metadata, text) and the labelled values, the quoted citation
and the title are collected; :mod:`kg.sources._wilson_layouts` then takes the
longest stretch of text lines as the record.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum

from kg.extract.header import parse_title
from kg.sources._wilson_fields import (
    Line,
    clean,
    is_date_line,
    is_header_mark,
    is_prose,
    is_summary_like,
)
from kg.sources.wilson import WilsonFormatError


class Kind(Enum):
    BLANK = "blank"
    NOISE = "noise"  # site chrome and page furniture: ignored wherever it appears
    META = "meta"  # the archive's metadata: never part of the record
    TEXT = "text"


_SPACES = str.maketrans(dict.fromkeys("\u00a0\u2007\u2009\u202f\t\f\v", " ") | {"\u200b": None})
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_NOISE = re.compile(
    r"^(?:Skip to (?:main )?content|Digital Archive|International History Declassified|"
    r"(?:https?://)?digitalarchive\.wilsoncenter\.org/?|Menu|Search|Home|Print|Share|Cite|"
    r"Download(?: PDF)?|Back to top|Page \d+(?: of \d+)?|-?\s*\d{1,3}\s*-?|"
    r"(?:Wilson Center Digital Archive\s*)?(?:(?:Translation|Transcript|Transcription|Original)"
    r"\s*-\s*\w+|English Translation|Original Scan)|Wilson Center Digital Archive)$",
    re.I,
)
_BOILERPLATE = re.compile(
    r"^(?:The History and Public Policy Program welcomes reuse|To enquire about|"
    r"Some documents may be subject to copyright|©|This document was made possible with)",
    re.I,
)
_SUPPORT = re.compile(r"^This document was made possible with (?:generous )?support from\s*", re.I)
_URL = re.compile(r"<?(?P<url>https?://[^\s<>\"]+?)>?[.,;)]*(?=\s|$)")
_RECORD_ID_IN_URL = re.compile(r"/(?:document/)?(?:[\w-]*?-)?(?P<id>\d+)/?$")
_MD_TITLE = re.compile(r"^\*\*(?P<title>.*?)(?P<end>\*\*)?$")
_CITATION = re.compile(
    r"^[\"“](?P<title>.+)[\"”],?\s*(?P<date>[^\"”]*?),?\s*(?P<program>(?:[\w&]+\s+){0,8}?"
    r"Digital Archive)\s*,\s*(?P<rest>.*)$",
    re.I,
)
_FLAT_LABEL = re.compile(
    r"(?<![\w-])(?P<label>Citation|Summary|Credits|Original Language|Contents|Record ID)\s*:\s*"
)
_LANGUAGE = re.compile(r"^[A-Z][a-z]+(?:\s*(?:,|/|;|&|and)?\s*[A-Z][a-z]+)*$")
_CONTENTS = re.compile(r"^(?:Translation|Transcript|Transcription|Original|Scan|English)\b", re.I)
_DIGITS = re.compile(r"^\d{1,9}$")
_PROSE_KEYS = frozenset({"citation", "summary", "credits", "source", "rights", "original_archive"})


def _short(words: int) -> Callable[[str], bool]:
    return lambda text: len(text.split()) <= words and not is_prose(text)


def _matches(pattern: re.Pattern[str]) -> Callable[[str], bool]:
    return lambda text: pattern.match(text) is not None


def _anything(_text: str) -> bool:
    return True


@dataclass(frozen=True)
class _Label:
    """A metadata label: its key, how it is written, and what values look like."""

    key: str
    pattern: re.Pattern[str]
    accepts: Callable[[str], bool]
    max_lines: int


def _label(
    key: str, words: str, accepts: Callable[[str], bool], lines: int, inline: bool
) -> _Label:
    # Distinctive labels may carry their value on the same line ("Summary: ..."); the
    # generic words ("Source", "Type") count as labels only when alone on a line.
    value = r"(?:\s*:\s*(?P<value>.*))?" if inline else r"\s*:?"
    return _Label(key, re.compile(rf"^(?:{words}){value}\s*$", re.I), accepts, lines)


_LABELS = (
    _label("citation", "Citation", _anything, 3, True),
    _label("summary", "Summary", _anything, 3, True),
    _label("credits", "Credits", _anything, 2, True),
    _label("original_language", "Original Languages?", _matches(_LANGUAGE), 1, True),
    _label("contents", "Contents", _matches(_CONTENTS), 3, True),
    _label("record_id", "Record ID", _matches(_DIGITS), 1, True),
    _label("original_archive", "Original Archive", _short(20), 2, True),
    _label("authors", r"Author\(s\)|Authors?", _short(12), 8, True),
    _label("places", "Associated Places", _short(12), 12, True),
    _label("people", r"Associated (?:People|Organi[sz]ations)[\w &]*", _short(12), 20, True),
    _label("topics", "Associated Topics|Subjects Discussed", _short(12), 20, True),
    _label("original_classification", "Original Classification", _short(5), 1, True),
    _label("uploaded", "Original Uploaded Date", _short(5), 1, True),
    _label("source", "Document Information|Source", _anything, 3, False),
    _label("language", "Languages?", _matches(_LANGUAGE), 1, False),
    _label("type", "Type|Document Type", _short(5), 1, False),
    _label("topics", "Subjects?|Topics|Keywords", _short(12), 20, False),
    _label(
        "collections",
        "Collections?|Related (?:Documents|Collections)|Themes?",
        _short(20),
        20,
        False,
    ),
    _label("rights", "Rights|Copyright", _anything, 2, False),
)


@dataclass
class Page:
    """The classified lines of a page and the metadata found so far."""

    lines: list[Line]
    kinds: list[Kind]
    fields: dict[str, str] = field(default_factory=dict)
    field_line: dict[str, int] = field(default_factory=dict)
    title: str | None = None
    title_line: int | None = None
    citation_title: str | None = None
    citation_date: str | None = None
    citation_rest: str | None = None
    citation_line: int | None = None
    flat_head: str | None = None
    md_title: bool = False
    flat: bool = False

    def put(self, key: str, value: str, line: int) -> None:
        value = clean(value)
        if value and key not in self.fields:
            self.fields[key] = value
            self.field_line[key] = line


def split_lines(text: str) -> list[Line]:
    """Number and normalise the lines; refuse texts that are empty or binary."""
    if not text.strip():
        raise WilsonFormatError("empty text: not a Digital Archive page")
    raw = text.lstrip("\ufeff").splitlines()
    if "\x00" in text or len(_CONTROL.findall(text)) > max(2, len(text) // 200):
        number = next(i for i, line in enumerate(raw, 1) if _CONTROL.search(line))
        raise WilsonFormatError("binary data: not the text of a Digital Archive page", line=number)
    return [Line(i, clean(line.translate(_SPACES))) for i, line in enumerate(raw, 1)]


def _read_citation(page: Page, text: str, line: int) -> bool:
    """Read a quoted citation ("Title," Date, ... Digital Archive, archive citation ...)."""
    found = _CITATION.match(text) if "digital archive" in text.lower() else None
    if found is None:
        return False
    if page.citation_title is None:
        page.citation_title = clean(found.group("title")).rstrip(",").strip()
        page.citation_date = clean(found.group("date")).strip(" ,") or None
        page.citation_rest = found.group("rest")
        page.citation_line = line
    return True


def _read_flat(page: Page, block: list[int]) -> bool:
    """Read a paragraph where the labels run together (flattened PDF export)."""
    text = " ".join(page.lines[i].text for i in block)
    labels = list(_FLAT_LABEL.finditer(text))
    if len({m.group("label") for m in labels}) < 3:
        return False
    line_starts = sum(1 for i in block if _FLAT_LABEL.match(page.lines[i].text))
    if line_starts >= len(labels) - 1:
        return False  # labels on lines of their own: not flattened
    starts, offset = [], 0  # where each line of the block begins in the joined text
    for i in block:
        starts.append((offset, page.lines[i].number))
        offset += len(page.lines[i].text) + 1
    page.flat_head = text[: labels[0].start()]
    for found, nxt in zip(labels, [*labels[1:], None], strict=True):
        value = clean(text[found.end() : nxt.start() if nxt else len(text)])
        key = found.group("label").lower().replace(" ", "_")
        line = max(number for begin, number in starts if begin <= found.start())
        if key == "citation":
            _read_citation(page, value, line)
        elif key != "summary":
            value = value.rstrip(".")
        page.put(key, _SUPPORT.sub("", value), line)
    for i in block:
        page.kinds[i] = Kind.META
    page.flat = True
    return True


def _read_label(page: Page, index: int, compact: bool) -> int:
    """Classify a label line and its value lines; returns the index after them."""
    text = page.lines[index].text
    for label in _LABELS:
        found = label.pattern.match(text)
        if found is None:
            continue
        page.kinds[index] = Kind.META
        inline = found.groupdict().get("value")
        if inline:
            _put_value(page, label.key, [inline], page.lines[index].number)
            return index + 1
        j = index + 1
        while j < len(page.lines) and page.kinds[j] is Kind.BLANK:
            j += 1
        values: list[int] = []
        limit = 1 if compact and label.key in ("summary", "citation", "source") else label.max_lines
        while j < len(page.lines) and len(values) < limit:
            value = page.lines[j].text
            if not value or _is_label(value) or not label.accepts(value):
                break
            values.append(j)
            j += 1
        for i in values:
            page.kinds[i] = Kind.META
        if values:
            texts = [page.lines[i].text for i in values]
            _put_value(page, label.key, texts, page.lines[values[0]].number)
        return values[-1] + 1 if values else index + 1
    return index


def _put_value(page: Page, key: str, texts: list[str], line: int) -> None:
    """Keep a label's value: prose values joined into one text, lists joined with "; "."""
    if key in _PROSE_KEYS:
        value = _SUPPORT.sub("", " ".join(texts))
        if key == "citation":
            _read_citation(page, value, line)
    else:
        value = "; ".join(texts)
    page.put(key, value, line)


def _is_label(text: str) -> bool:
    return any(label.pattern.match(text) for label in _LABELS)


def classify(lines: list[Line]) -> Page:
    """Give every line a kind and collect labelled metadata, citation, URL and bold title."""
    page = Page(lines, [Kind.BLANK if not line.text else Kind.TEXT for line in lines])
    blocks: list[list[int]] = [[]]
    for i, kind in enumerate(page.kinds):
        if kind is Kind.BLANK:
            blocks.append([])
        else:
            blocks[-1].append(i)
    for block in blocks:
        if block:
            _read_flat(page, block)
    blank = page.kinds.count(Kind.BLANK)
    compact = blank < 0.1 * (len(lines) - blank)
    i = 0
    while i < len(lines):
        text = lines[i].text
        if page.kinds[i] is not Kind.TEXT:
            i += 1
            continue
        if (nxt := _read_label(page, i, compact)) != i:
            i = nxt
            continue
        if _NOISE.match(text):
            page.kinds[i] = Kind.NOISE
        elif _BOILERPLATE.match(text):
            page.kinds[i] = Kind.META
            if _SUPPORT.match(text):
                page.put("credits", _SUPPORT.sub("", text), lines[i].number)
        elif _URL.fullmatch(text) or _read_citation(page, text, lines[i].number):
            page.kinds[i] = Kind.META
        elif (md := _MD_TITLE.match(text)) and page.title is None:
            parts, j = [md.group("title")], i
            while md.group("end") is None and j + 1 < len(lines) and lines[j + 1].text:
                j += 1
                md = _MD_TITLE.match("**" + lines[j].text)
                assert md is not None  # "**" + anything matches
                parts.append(md.group("title"))
            page.title, page.title_line, page.md_title = (
                clean(" ".join(parts)),
                lines[i].number,
                True,
            )
            for k in range(i, j + 1):
                page.kinds[k] = Kind.META
            i = j
        i += 1
    return page


def layout_of(page: Page) -> str:
    if page.flat:
        return "pdf"
    if page.md_title:
        return "markdown"
    if page.citation_title and not any(
        line.text.strip('*"“” ') == page.citation_title for line in page.lines
    ):
        return "old-site"
    if "citation" in page.fields and any(line.text == "Citation:" for line in page.lines):
        return "markdown"
    blank = page.kinds.count(Kind.BLANK)
    return "compact" if blank < 0.1 * (len(page.lines) - blank) else "scraped"


def _paragraph(page: Page, start: int, compact: bool) -> list[int]:
    """Indexes of the text paragraph starting at ``start`` (one line on a compact page)."""
    end = start + 1
    while not compact and end < len(page.lines) and page.kinds[end] is Kind.TEXT:
        if is_date_line(page.lines[end].text):
            break
        end += 1
    return list(range(start, end))


def _title_like(text: str) -> bool:
    return not text.isupper() and len(text) <= 600 and parse_title(text).document_type is not None


def _untyped_title(text: str) -> bool:
    """A title that names no document type ("Khrushchev's Speech at the Plenum")."""
    return (
        len(text.split()) >= 3
        and text[:1].isupper()
        and not is_summary_like(text)
        and not is_header_mark(text)
        and not is_prose(text)
    )


def page_urls(page: Page, source: str | None) -> list[str]:
    """URLs the archive's metadata gives, Digital Archive addresses first (angle brackets off)."""
    texts = [source or ""]
    texts += [
        line.text for line, kind in zip(page.lines, page.kinds, strict=True) if kind is Kind.META
    ]
    urls = list(dict.fromkeys(m.group("url") for text in texts for m in _URL.finditer(text)))
    return sorted(urls, key=lambda url: "digitalarchive" not in url)


def without_urls(text: str) -> str:
    return _URL.sub(" ", text)


def record_id_of(url: str) -> str | None:
    """The record id a Digital Archive URL ends in (".../document/177830" -> "177830")."""
    found = _RECORD_ID_IN_URL.search(url)
    return found.group("id") if found else None


def is_record_id(text: str) -> bool:
    return bool(_DIGITS.match(text))


def find_title(page: Page, layout: str) -> None:
    """Find a standalone title near the top: after the page date, or the first title-like text."""
    if page.title is not None or layout in ("old-site", "pdf"):
        return
    texts = [i for i, kind in enumerate(page.kinds) if kind is Kind.TEXT][:15]
    for i in texts:
        if page.citation_title and page.lines[i].text.strip('"“” ') == page.citation_title:
            page.title, page.title_line = page.citation_title, page.lines[i].number
            page.kinds[i] = Kind.META
            return
    candidates: list[int] = []
    dates = [i for i in texts if is_date_line(page.lines[i].text)]
    if dates:
        after = [i for i in texts if i > dates[0] and not is_date_line(page.lines[i].text)]
        if after and (
            _title_like(page.lines[after[0]].text) or _untyped_title(page.lines[after[0]].text)
        ):
            candidates.append(after[0])
    candidates += [i for i in texts if _title_like(page.lines[i].text)]
    if candidates:
        block = _paragraph(page, candidates[0], layout == "compact")
        page.title = clean(" ".join(page.lines[i].text for i in block))
        page.title_line = page.lines[block[0]].number
        for i in block:
            page.kinds[i] = Kind.META
    elif page.citation_title:
        page.title, page.title_line = page.citation_title, page.citation_line
