"""Reader for text copies of Wilson Center Digital Archive record pages.

The archive's pages reach kg as plain text in several layouts (a scraped web
page, a markdown-like export, a compact page with single newlines, an old-site
page whose title is only in the citation, a flattened PDF export).  This module
turns one page into a :class:`WilsonRecord` of raw fields, as written: dates
stay text for :mod:`kg.extract.dates` and names stay text for
:mod:`kg.extract.names`, because both read better with the whole record as
context.  The layout rules live in ``_wilson_layouts`` (page metadata),
``_wilson_fields`` (the record's own header and body) and ``_wilson_signature``
(its signature and signer).

>>> looks_like_wilson("Milk\\nEggs\\nBread\\n")
False
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

__all__ = [
    "LAYOUTS",
    "NamedRole",
    "WilsonFormatError",
    "WilsonRecord",
    "looks_like_wilson",
    "read_wilson",
]

#: The page layouts :func:`read_wilson` tells apart (``WilsonRecord.layout``).
LAYOUTS = ("scraped", "markdown", "compact", "old-site", "pdf")


class WilsonFormatError(ValueError):
    """The text is not a Digital Archive record; ``line`` points at the culprit (1-based)."""

    def __init__(self, message: str, *, line: int | None = None) -> None:
        super().__init__(f"line {line}: {message}" if line is not None else message)
        self.message = message
        self.line = line


@dataclass(frozen=True)
class NamedRole:
    """A person as the record names them, with the position it gives them."""

    name: str
    role: str | None = None


@dataclass
class WilsonRecord:
    """Every field a Digital Archive page yields, as written (no interpretation).

    Dates stay text here: ``kg.extract.dates`` reads them later with the
    other dates of the record as context.  ``line_of`` maps field names to the
    1-based line where the value was found, for problem reports.  ``fields``
    keeps every labelled metadata value of the page ("Associated Places",
    "Original Archive" ...) under a snake_case key, so nothing the archive
    states is lost even when it has no field of its own.

    People: ``author`` wrote the record (the journal's keeper, the recorder,
    the signer); ``interlocutors`` are the other side of the talk named by the
    title or heading; ``participants`` are the "Present:" / "Participants:"
    lines, ``interpreters`` and ``recorders`` the "Interpreter:" and
    "Recorder:" / "Recorded by" lines.  ``between`` is set when the talk is
    named "between A and B"; ``third_party_author`` when the author is none of
    them (minutes, a memorandum by an aide): such an author took part only if
    the record says so.  ``issuer`` is an office that issued the record ("Report,
    Hungarian Legation in Havana"); ``addressees`` every addressee stated, by
    the title, "To:" lines and a letter's address block.
    """

    layout: str
    title: str | None = None
    page_date: str | None = None
    record_date: str | None = None
    conversation_date: str | None = None
    document_type: str | None = None
    author: str | None = None
    interlocutors: list[NamedRole] = field(default_factory=list)
    classification: str | None = None
    copy_number: str | None = None
    registry_number: str | None = None
    place: str | None = None
    archive_citation: str | None = None
    obtained_by: list[str] = field(default_factory=list)
    translated_by: list[str] = field(default_factory=list)
    original_language: str | None = None
    summary: str | None = None
    record_id: str | None = None
    url: str | None = None
    signature: str | None = None
    body: str = ""
    body_line: int = 0
    line_of: dict[str, int] = field(default_factory=dict)
    author_role: str | None = None
    author_variants: list[str] = field(default_factory=list)
    addressee: str | None = None
    subject: str | None = None
    participants: list[NamedRole] = field(default_factory=list)
    original_archive: str | None = None
    fields: dict[str, str] = field(default_factory=dict)
    interpreters: list[NamedRole] = field(default_factory=list)
    recorders: list[NamedRole] = field(default_factory=list)
    addressees: list[str] = field(default_factory=list)
    issuer: str | None = None
    between: bool = False
    third_party_author: bool = False


# Marks of a Digital Archive page: site and programme names, and the line-anchored
# labels and headings of its layouts.  One site mark alone (a README citing the
# archive) is not enough; a page has several of them.
_SITE_MARKS = tuple(
    re.compile(pattern, re.I)
    for pattern in (
        r"digitalarchive\.(?:wilsoncenter\.org|umd\.edu)",
        r"History and Public Policy Program",
        r"Wilson Center Digital Archive|Cold War International History Project",
        r"welcomes reuse of Digital Archive materials|International History Declassified",
        r"made possible with (?:generous )?support from",
    )
)
_PAGE_MARKS = tuple(
    re.compile(pattern, re.I | re.M)
    for pattern in (
        r"^\s*Skip to content\s*$",
        r"^\s*Document Information\s*$",
        r"(?:^|\s)(?:Citation|Summary|Credits|Original Language|Contents)\s*:",
        r"^\s*(?:Record ID|Original Archive|Associated Places|Author\(s\)|"
        r"Original Classification|Original Uploaded Date)\s*:?",
        r"\bObtained (?:and translated )?(?:for [\w ]+ )?by\b|\btranslated (?:for [\w ]+ )?by\b",
        r"^\s*(?:from the (?:journal|diary) of|record of (?:a )?conversation|"
        r"memorandum of conversation|minutes of conversation)\b",
        r"^\s*\*\*.+",
    )
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_SNIFF = 40_000


def looks_like_wilson(text: str) -> bool:
    """Cheaply tell a Digital Archive page from other ``.txt`` files.

    Used to pick the reader for a file, so it looks only at the head and tail
    of long texts and never raises.

    >>> looks_like_wilson("Skip to content\\n\\nJune 9, 1961\\n\\nRecord of a Conversation "
    ...     "with Kim Il Sung\\n\\nThis document was made possible with support from X\\n\\n"
    ...     "Document Information\\n")
    True
    >>> looks_like_wilson("# kg\\nData from the Wilson Center Digital Archive.\\n")
    False
    """
    sample = text if len(text) <= 2 * _SNIFF else text[:_SNIFF] + "\n" + text[-_SNIFF:]
    if not sample.strip() or "\x00" in sample or sample.lstrip().startswith("<"):
        return False
    if len(_CONTROL.findall(sample)) > len(sample) // 100:
        return False
    site = sum(1 for mark in _SITE_MARKS if mark.search(sample))
    page = sum(1 for mark in _PAGE_MARKS if mark.search(sample))
    return (site >= 1 and page >= 2) or page >= 4


def read_wilson(text: str) -> WilsonRecord:
    """Read the text of one Digital Archive page into a :class:`WilsonRecord`.

    Raises :class:`WilsonFormatError` when the text is not a record at all
    (empty, binary, or without any title).

    >>> read_wilson("")
    Traceback (most recent call last):
    ...
    kg.sources.wilson.WilsonFormatError: empty text: not a Digital Archive page
    """
    # Imported here because the layouts use kg.extract.header, which in turn
    # needs NamedRole from this module: the record types must load first.
    from kg.sources._wilson_layouts import read_page

    return read_page(text)
