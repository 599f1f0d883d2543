"""Trips abroad of US presidents and secretaries of state (Office of the Historian) -> records.

One file per traveller holds ``<trips><trip role="…" who="…">…</trip>…</trips>``;
each ``trip`` is one *country leg* of a journey, with ``id``, ``name`` (the
traveller's formal name), ``start-date``, ``end-date``, ``country`` (the
historical name, with the present-day country id in ``@id``), ``locale``
(free text, possibly several places) and ``remarks`` (what happened, in
prose).  This reader keeps each field as text (whitespace collapsed) with its
source line; grouping legs into journeys and interpreting the remarks is
:mod:`kg.extract.travels_document`'s job.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kg.sources.hsg import XmlIssue, XmlRecord, collapse, looks_like_root, read_records

__all__ = ["TravelsFile", "TripRecord", "looks_like_travels", "read_travels"]

ROOT, RECORD = "trips", "trip"


@dataclass(frozen=True)
class TripRecord:
    """One ``<trip>`` (a country leg) as written; ``None`` for a missing or empty field.

    ``role`` and ``who`` come from the attributes, falling back to the
    ``role`` element for the role.
    """

    id: str | None
    line: int
    role: str | None = None
    who: str | None = None
    name: str | None = None
    start_date: str | None = None
    end_date: str | None = None
    country_id: str | None = None
    country: str | None = None
    locale: str | None = None
    remarks: str | None = None
    field_lines: dict[str, int] = field(default_factory=dict, compare=False)

    def line_of(self, name: str) -> int:
        """The line of a field (XML element name, e.g. ``start-date``), else of the record."""
        return self.field_lines.get(name, self.line)


@dataclass
class TravelsFile:
    records: list[TripRecord] = field(default_factory=list)
    issues: list[XmlIssue] = field(default_factory=list)


def looks_like_travels(text: str) -> bool:
    """Whether a decoded ``.xml`` file is a travels file (root element ``trips``).

    >>> looks_like_travels('<?xml version="1.0"?>\\n<trips>\\n<trip role="president">')
    True
    >>> looks_like_travels("<presidents>")
    False
    """
    return looks_like_root(text, ROOT)


def read_travels(text: str) -> TravelsFile:
    """All complete ``trip`` records of a file, and the breaks in its XML.

    >>> read = read_travels(
    ...     '<trips>\\n<trip role="president" who="kennedy-john-f"><id>2778</id>'
    ...     '<country id="austria">Austria</country><locale>Vienna</locale></trip></trips>')
    >>> t = read.records[0]
    >>> (t.id, t.role, t.who, t.country_id, t.locale, t.remarks, t.line)
    ('2778', 'president', 'kennedy-john-f', 'austria', 'Vienna', None, 2)
    """
    read = read_records(text, root=ROOT, record=RECORD)
    return TravelsFile([_trip(r) for r in read.records], read.issues)


def _trip(record: XmlRecord) -> TripRecord:
    f = record.fields
    return TripRecord(
        id=collapse(f.get("id")),
        line=record.line,
        role=collapse(record.attrs.get("role")) or collapse(f.get("role")),
        who=collapse(record.attrs.get("who")),
        name=collapse(f.get("name")),
        start_date=collapse(f.get("start-date")),
        end_date=collapse(f.get("end-date")),
        country_id=collapse(record.field_attrs.get("country", {}).get("id")),
        country=collapse(f.get("country")),
        locale=collapse(f.get("locale")),
        remarks=collapse(f.get("remarks")),
        field_lines=dict(record.field_lines),
    )
