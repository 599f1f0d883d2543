"""Visits of foreign leaders to the United States (Office of the Historian) -> records as written.

One decade file holds ``<visits><visit>…</visit>…</visits>``; each ``visit`` has
``id``, ``start-date``, ``end-date``, ``visitor`` (title and name in one
string), ``from`` (the historical country name, with the present-day country
id in ``@id``) and ``description``.  This reader keeps each field as text
(whitespace collapsed: line breaks are pretty-printing, not content) with its
source line; interpreting them is :mod:`kg.extract.visits_document`'s job.
The bookkeeping fields (``created-by`` …) are not facts of the visit and are
dropped.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kg.sources.hsg import XmlIssue, XmlRecord, collapse, looks_like_root, read_records

__all__ = ["VisitRecord", "VisitsFile", "looks_like_visits", "read_visits"]

ROOT, RECORD = "visits", "visit"


@dataclass(frozen=True)
class VisitRecord:
    """One ``<visit>`` as written; ``None`` for a field that is missing or empty."""

    id: str | None
    line: int
    start_date: str | None = None
    end_date: str | None = None
    visitor: str | None = None
    country_id: str | None = None
    country: str | None = None
    description: str | None = None
    field_lines: dict[str, int] = field(default_factory=dict, compare=False)

    def line_of(self, name: str) -> int:
        """The line of a field (XML element name, e.g. ``start-date``), else of the record."""
        return self.field_lines.get(name, self.line)


@dataclass
class VisitsFile:
    records: list[VisitRecord] = field(default_factory=list)
    issues: list[XmlIssue] = field(default_factory=list)


def looks_like_visits(text: str) -> bool:
    """Whether a decoded ``.xml`` file is a visits file (root element ``visits``).

    >>> looks_like_visits('<?xml version="1.0" encoding="UTF-8"?>\\n<visits>\\n    <visit>')
    True
    >>> looks_like_visits("<trips>")
    False
    """
    return looks_like_root(text, ROOT)


def read_visits(text: str) -> VisitsFile:
    """All complete ``visit`` records of a file, and the breaks in its XML.

    >>> read = read_visits(
    ...     "<visits>\\n<visit><id>2392</id><visitor> Prime Minister\\n Kishi</visitor>"
    ...     '<from id="japan">Japan</from></visit>\\n</visits>')
    >>> v = read.records[0]
    >>> (v.id, v.visitor, v.country_id, v.country, v.start_date, v.line)
    ('2392', 'Prime Minister Kishi', 'japan', 'Japan', None, 2)
    """
    read = read_records(text, root=ROOT, record=RECORD)
    return VisitsFile([_visit(r) for r in read.records], read.issues)


def _visit(record: XmlRecord) -> VisitRecord:
    f = record.fields
    country_attrs = record.field_attrs.get("from", {})
    return VisitRecord(
        id=collapse(f.get("id")),
        line=record.line,
        start_date=collapse(f.get("start-date")),
        end_date=collapse(f.get("end-date")),
        visitor=collapse(f.get("visitor")),
        country_id=collapse(country_attrs.get("id")),
        country=collapse(f.get("from")),
        description=collapse(f.get("description")),
        field_lines=dict(record.field_lines),
    )
