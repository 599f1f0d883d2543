"""FRUS TEI volumes (Office of the Historian) -> volume and document records as written.

A *Foreign Relations of the United States* volume is one TEI file: a persons
list and an abbreviations list in the front matter, then hundreds of
``div[@type="document"]`` (telegrams, memoranda, editorial notes …).  This
reader keeps what each document says as text and ids; interpreting it (types,
dates, names) is :mod:`kg.extract.frus_document`'s job.

Parsing goes through :mod:`kg.sources._xml`, which drives expat directly
(building ElementTree elements itself).  What that buys:

* **Safety.**  Volumes come from outside, and a DTD can declare entities that
  expand exponentially ("billion laughs") or fetch files and URLs.  FRUS
  volumes never need a DTD, so any ``<!DOCTYPE`` or ``<!ENTITY`` is refused
  *before* parsing (:func:`check_safe`), and the parser itself refuses DTD,
  entity declarations and external references as a second line of defence.
  No network or file access can happen; ``defusedxml`` is not needed.
* **Line numbers** for every element, so a problem names file and line.
* **Recovery.**  Each document div is converted the moment it closes, so when
  the XML breaks (a truncated download, a mismatched tag) the documents read
  so far are kept, and the documents *after* the break are re-read one by one.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from itertools import islice
from typing import Literal
from xml.parsers import expat

from kg.sources._xml import LineTreeBuilder, RefusedError, element_line, forbidden_declaration

__all__ = ["Entry", "FrusDocument", "FrusFormatError", "FrusIssue", "FrusVolume", "NameRef"]
__all__ += ["Participant", "check_safe", "looks_like_frus", "read_frus"]

TEI_NS = "http://www.tei-c.org/ns/1.0"
FRUS_NS = "http://history.state.gov/frus/ns/1.0"
_T = "{" + TEI_NS + "}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
(PB, LB, NOTE, HEAD, DATELINE, CLOSER, LIST, ITEM, DIV) = (
    _T + name for name in ("pb", "lb", "note", "head", "dateline", "closer", "list", "item", "div")
)
PERS, GLOSS, TERM, SIGNED, PLACE, DATE = (
    _T + name for name in ("persName", "gloss", "term", "signed", "placeName", "date")
)

_DOC_START = re.compile(r"<div\b[^>]*?\btype\s*=\s*[\"']document[\"'][^>]*>")
_TEI_ROOT = re.compile(r"<(?:\w+:)?TEI\b[^>]*\bxmlns(?::\w+)?\s*=\s*[\"']" + re.escape(TEI_NS))
_FRUS_MARK = re.compile(r"history\.state\.gov/frus|type\s*=\s*[\"']frus[\"']|xml:id=[\"']frus")
_NEWLINE = re.compile("\n")
_NAME_SUFFIX = re.compile(r"^(Jr\.|Sr\.|II|III|IV)(?:,\s*|\s*$)")
_SKIP_BODY = frozenset({HEAD, DATELINE, CLOSER})


class FrusFormatError(ValueError):
    """The file cannot be read as a FRUS volume at all (unsafe markup, not TEI)."""

    def __init__(self, code: str, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.code, self.line = code, line


@dataclass(frozen=True)
class FrusIssue:
    """Something the reader could not read; the extractor makes it a Problem."""

    code: str
    message: str
    line: int | None = None
    severity: Literal["error", "warning"] = "error"


@dataclass(frozen=True)
class Entry:
    """A persons-list entry ("Thompson, Llewellyn E., Jr." + his offices) or an
    abbreviations-list entry ("UN" + "United Nations")."""

    id: str
    name: str
    description: str
    line: int


@dataclass(frozen=True)
class NameRef:
    """A ``persName`` or ``gloss`` as written; ``ref`` is the id it points to, without "#"."""

    element: Literal["persName", "gloss", "signed"]
    text: str
    ref: str | None
    type: str | None
    line: int


@dataclass(frozen=True)
class Participant:
    """One item of a participants list: its whole text and the names marked in it."""

    text: str
    names: tuple[NameRef, ...]
    line: int


@dataclass(frozen=True)
class FrusDocument:
    """One ``div[@type="document"]``, fields as written (whitespace normalised)."""

    volume: str
    doc_id: str
    n: str | None
    line: int
    head: str
    subtype: str | None = None
    head_names: tuple[NameRef, ...] = ()
    source_note: str | None = None
    source_names: tuple[NameRef, ...] = ()
    date_when: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    date_text: str | None = None
    date_min: str | None = None
    date_max: str | None = None
    place: str | None = None
    dateline_line: int | None = None
    subjects: tuple[str, ...] = ()
    participants: tuple[Participant, ...] = ()
    signers: tuple[NameRef, ...] = ()
    references: tuple[NameRef, ...] = ()
    body: str = ""
    notes: str = ""


@dataclass
class FrusVolume:
    volume: str
    title: str | None = None
    persons: dict[str, Entry] = field(default_factory=dict)
    terms: dict[str, Entry] = field(default_factory=dict)
    documents: list[FrusDocument] = field(default_factory=list)
    issues: list[FrusIssue] = field(default_factory=list)


def looks_like_frus(text: str) -> bool:
    """A TEI file from the Office of the Historian (looks at the start only).

    >>> looks_like_frus('<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="frus1961-63v05">')
    True
    >>> looks_like_frus("<visits><visit/></visits>")
    False
    """
    start = text[:20000]
    return _TEI_ROOT.search(start) is not None and _FRUS_MARK.search(start) is not None


def check_safe(text: str) -> None:
    """Refuse DTDs and entity declarations before any parser sees them.

    >>> check_safe("<TEI/>")
    >>> try:
    ...     check_safe('<?xml version="1.0"?>\\n<!DOCTYPE x [<!ENTITY a "b">]><x/>')
    ... except FrusFormatError as error:
    ...     print(error.code, error.line)
    unsafe-xml 2
    """
    found = forbidden_declaration(text)
    if found:
        declaration, line = found
        raise FrusFormatError(
            "unsafe-xml",
            f"the file declares a DTD or entities ({declaration}); kg reads FRUS "
            "volumes without DTDs and refuses them so that no entity is expanded and nothing "
            "is fetched",
            line,
        )


def read_frus(text: str) -> FrusVolume:
    """Read a volume; a break in the XML becomes an issue, the rest is kept.

    Raises :class:`FrusFormatError` only when nothing can be read (unsafe or
    not a TEI file).
    """
    check_safe(text)
    reader = _VolumeReader()
    error = reader.parse(text)
    if reader.root_tag is not None and reader.root_tag != _T + "TEI":
        raise FrusFormatError("not-frus", f"the root element is {reader.root_tag}, not TEI", 1)
    if error is not None:
        if reader.root_tag is None:
            raise FrusFormatError("malformed-xml", f"not well-formed XML: {error}", error.lineno)
        reader.recover(text, error)
    volume = reader.volume
    if not volume.volume:
        volume.volume = "frus-unknown"
        volume.issues.append(FrusIssue("no-volume-id", "no volume id (idno type=frus)", 1))
    return volume


class _VolumeReader:
    """Collects the volume header, the persons and terms lists and the documents."""

    def __init__(self) -> None:
        self.volume = FrusVolume("")
        self.namespaces: dict[str, str] = {}
        self.root_tag: str | None = None
        self.open_docs: list[ET.Element] = []

    def parse(self, text: str, line_offset: int = 0) -> expat.ExpatError | None:
        """Parse (part of) a volume; a break in the XML is returned, refused markup raised."""
        builder = LineTreeBuilder(self, line_offset)
        try:
            return builder.parse(text)
        except RefusedError as refused:
            raise FrusFormatError("unsafe-xml", str(refused), builder.line) from None

    def start(self, element: ET.Element, depth: int) -> None:
        if depth == 1 and self.root_tag is None:
            self.root_tag = element.tag
            self.volume.volume = element.get(XML_ID, "")
        if element.tag == DIV and element.get("type") == "document":
            self.open_docs.append(element)

    def end(self, element: ET.Element) -> bool:
        tag, volume = element.tag, self.volume
        if tag == DIV and element.get("type") == "document":
            self.open_docs.pop()
            volume.documents.append(_document(element, volume.volume))
            return True
        if self.open_docs:
            return False
        if tag == _T + "idno" and element.get("type") == "frus" and element.text:
            volume.volume = element.text.strip()
        elif tag == _T + "title" and element.get("type") == "complete" and not volume.title:
            volume.title = text_of(element)
        elif tag == ITEM:
            _entry(element, volume)
        return False

    def recover(self, text: str, error: expat.ExpatError) -> None:
        """After a break, re-read each later document div on its own."""
        broken = self.open_docs[0] if self.open_docs else None
        lost = (
            f"document {broken.get(XML_ID)} (line {element_line(broken)}) is lost; "
            if broken
            else ""
        )
        kept = len(self.volume.documents)
        namespaces = {"": TEI_NS, **self.namespaces}
        declared = (f'xmlns{":" + p if p else ""}="{u}"' for p, u in namespaces.items())
        wrapper = f"<kg-recovered {' '.join(declared)}>"
        after = _line_start(text, error.lineno) + error.offset + 1
        starts = [m.start() for m in _DOC_START.finditer(text, after)]
        line = text.count("\n", 0, starts[0]) + 1 if starts else 0
        for i, start in enumerate(starts):
            line += text.count("\n", starts[i - 1], start) if i else 0
            self.open_docs, before = [], len(self.volume.documents)
            end = starts[i + 1] if i + 1 < len(starts) else len(text)
            failure = self.parse(wrapper + text[start:end], line - 1)
            if len(self.volume.documents) == before and failure is not None:
                reason = expat.ErrorString(failure.code)
                message = f"the document starting at line {line} is malformed ({reason}); skipped"
                self.volume.issues.append(FrusIssue("malformed-xml", message, failure.lineno))
        again = len(self.volume.documents) - kept
        message = (
            f"the XML breaks here ({expat.ErrorString(error.code)}, column {error.offset + 1}); "
            f"{lost}kept {_count(kept)} before it and re-read {_count(again)} after it"
        )
        self.volume.issues.insert(0, FrusIssue("malformed-xml", message, error.lineno))


def _count(n: int) -> str:
    return f"{n} document{'' if n == 1 else 's'}"


def _line_start(text: str, line: int) -> int:
    newline = next(islice(_NEWLINE.finditer(text), line - 2, None), None) if line > 1 else None
    return newline.end() if newline else (0 if line <= 1 else len(text))


def _collect(element: ET.Element, parts: list[str], skip: frozenset[str]) -> None:
    if element.text:
        parts.append(element.text)
    for child in element:
        if child.tag == LB:
            parts.append(" ")
        elif child.tag != PB and child.tag not in skip:
            _collect(child, parts, skip)
        if child.tail:
            parts.append(child.tail)


def text_of(element: ET.Element, skip: frozenset[str] = frozenset({NOTE})) -> str:
    """An element's text with page breaks dropped, line breaks as spaces, notes left out.

    >>> head = ET.fromstring('<head xmlns="http://www.tei-c.org/ns/1.0">21. Memo<pb/>randum '
    ...     'of<lb/>Conversation<note>Source: x</note></head>')
    >>> text_of(head)
    '21. Memorandum of Conversation'
    """
    parts: list[str] = []
    _collect(element, parts, skip)
    return " ".join("".join(parts).split())


def _refs(element: ET.Element, skip_notes: bool = False) -> list[NameRef]:
    """``persName`` and ``gloss`` elements under ``element``, in document order."""
    found: list[NameRef] = []
    stack = [element]
    while stack:
        node = stack.pop()
        if node.tag in (PERS, GLOSS):
            pointer = node.get("corresp") if node.tag == PERS else node.get("target")
            ids: list[str | None] = [p[1:] for p in (pointer or "").split() if p[:1] == "#"]
            kind: Literal["persName", "gloss"] = "persName" if node.tag == PERS else "gloss"
            text = text_of(node)
            for ref in ids or [None]:
                found.append(NameRef(kind, text, ref, node.get("type"), element_line(node)))
        stack.extend(c for c in reversed(node) if not (skip_notes and c.tag == NOTE))
    return found


def _entry(item: ET.Element, volume: FrusVolume) -> None:
    """A persons-list or abbreviations-list item (any item holding an xml:id'd name)."""
    for node in item.iter():
        ident = node.get(XML_ID)
        if ident and node.tag in (PERS, TERM):
            name, full = text_of(node), text_of(item)
            rest = full[len(name) :] if full.startswith(name) else full.replace(name, "", 1)
            rest = rest.strip(" ,;:")
            suffix = _NAME_SUFFIX.match(rest)  # "Stevenson, Adlai E.</persName>, III, Permanent …"
            if suffix:
                name, rest = f"{name}, {suffix.group(1)}", rest[suffix.end() :]
            index = volume.persons if node.tag == PERS else volume.terms
            index[ident] = Entry(ident, name, rest, element_line(node))
            return


def _attr(element: ET.Element | None, *names: str) -> str | None:
    if element is None:
        return None
    return next((element.get(n) for n in names if element.get(n)), None)


def _document(div: ET.Element, volume: str) -> FrusDocument:
    head = div.find(HEAD)
    notes = list(div.iter(NOTE))
    source = next((n for n in notes if n.get("type") == "source"), None)
    dateline = next(div.iter(DATELINE), None)
    date = next(dateline.iter(DATE), None) if dateline is not None else None
    place = next(dateline.iter(PLACE), None) if dateline is not None else None
    lists = list(div.iter(LIST))
    participants = [
        Participant(text_of(item), tuple(_refs(item, skip_notes=True)), element_line(item))
        for lst in lists
        if lst.get("type") == "participants"
        for item in lst.iter(ITEM)
        if item.find(f".//{LIST}") is None
    ]
    signers: list[NameRef] = []
    for signed in (s for closer in div.iter(CLOSER) for s in closer.iter(SIGNED)):
        named = [r for r in _refs(signed) if r.element == "persName"]
        plain = NameRef("signed", text_of(signed), None, None, element_line(signed))
        signers.extend(named or ([plain] if plain.text else []))
    body_parts = [
        text_of(child, frozenset({NOTE, DATELINE}))
        for child in div
        if child.tag not in _SKIP_BODY
        and not (child.tag == LIST and child.get("type") in ("participants", "subject"))
    ]
    return FrusDocument(
        volume=volume,
        doc_id=div.get(XML_ID, ""),
        n=div.get("n"),
        line=element_line(div),
        head=text_of(head) if head is not None else "",
        subtype=div.get("subtype"),
        head_names=tuple(_refs(head, skip_notes=True)) if head is not None else (),
        source_note=text_of(source) if source is not None else None,
        source_names=tuple(_refs(source)) if source is not None else (),
        date_when=_attr(date, "when"),
        date_from=_attr(date, "from", "notBefore"),
        date_to=_attr(date, "to", "notAfter"),
        date_text=text_of(date) if date is not None else None,
        date_min=div.get(f"{{{FRUS_NS}}}doc-dateTime-min"),
        date_max=div.get(f"{{{FRUS_NS}}}doc-dateTime-max"),
        place=text_of(place) if place is not None else None,
        dateline_line=element_line(dateline) if dateline is not None else None,
        subjects=tuple(
            text_of(i) for x in lists if x.get("type") == "subject" for i in x.iter(ITEM)
        ),
        participants=tuple(participants),
        signers=tuple(signers),
        references=tuple(_refs(div)),
        body="\n".join(p for p in body_parts if p),
        notes="\n".join(text_of(n, frozenset()) for n in notes if n is not source),
    )
