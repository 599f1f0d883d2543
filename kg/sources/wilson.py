"""Reader for text copies of Wilson Center Digital Archive record pages.

(Interface placeholder: implemented by the Wilson work package.)
"""

from __future__ import annotations

from dataclasses import dataclass, field


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
    1-based line where the value was found, for problem reports.
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


def looks_like_wilson(text: str) -> bool:
    raise NotImplementedError


def read_wilson(text: str) -> WilsonRecord:
    raise NotImplementedError
