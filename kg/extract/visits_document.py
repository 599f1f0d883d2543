"""Visits of foreign leaders to the United States -> one :class:`Document` + dip:Visit each.

Each ``<visit>`` record (:mod:`kg.sources.visits`) becomes a data-record
document ``document/visits-{id}`` asserting one visit event: the visitor(s)
as participants (title split from name by :mod:`kg.extract.titles`, the title
kept as ``positionText`` and used, with the date and the visitor's country,
to tell persons of one surname apart), the official dates as bounds, the
United States as place, the country as a mention, and the description.  The
actual stay ("In U.S. January 16-23", no year) stays in the description as
written: it is not the visit's date.

The Office of the Historian names countries by present-day ids; the country
*of the time* comes from ``historical-countries.csv`` (``russia`` in 1959 is the
Soviet Union).  The helpers shared with :mod:`kg.extract.travels_document`
(dates, wording, countries, the publishing archive) live in
:mod:`kg.extract.hsg_context`; :class:`HsgContext`, :func:`record_span` and
:func:`span_wording` are re-exported here.
"""

from __future__ import annotations

import datetime as dt

from kg.concepts import DocumentType, EventType, Role
from kg.extract.document import DocumentBuilder, Extraction
from kg.extract.hsg_context import HsgContext, record_span, span_wording
from kg.extract.reference import ReferenceData
from kg.extract.titles import split_names
from kg.model import Document, Event, Participation, PlaceRef
from kg.sources.visits import VisitRecord, looks_like_visits, read_visits

__all__ = [
    "FORMAT",
    "SUFFIXES",
    "HsgContext",
    "extract_visits",
    "looks_like_visits",
    "record_span",
    "span_wording",
]

SOURCE = "visits"
FORMAT = "hsg-visits"
SUFFIXES = (".xml",)
URL = "https://history.state.gov/departmenthistory/visits/{year}"
UNITED_STATES = "united-states"


def extract_visits(path: str, text: str, reference: ReferenceData) -> Extraction:
    """Read one decade file; every problem is returned, never raised."""
    read = read_visits(text)
    context = HsgContext(path, reference, "visit")
    documents = context.convert(read, _visit)
    return Extraction(documents, context.problems)


def _visit(record: VisitRecord, context: HsgContext) -> Document | None:
    days = context.dates(record)
    if days is None:
        return None
    start, end = days
    builder = context.builder()
    country = context.country(
        record.country_id,
        record.country,
        start,
        builder.resolver,
        what=f"visit {record.id}",
        line=record.line_of("from"),
    )
    builder.set_context(date=start, country=country.slug if country else None)
    visitors = _visitors(record, builder, context, country)
    span = record_span(start, end)
    where = f" ({record.country})" if record.country else ""
    title = f"Visit of {record.visitor or 'an unnamed visitor'}{where} to the United States, "
    title += span_wording(start, end)
    doc = Document(
        source=SOURCE,
        record_id=context.record_id(record, title, span, SOURCE),
        title=title,
        document_type=DocumentType.DATA_RECORD,
        held_by=context.held_by,
        url=URL.format(year=start.year),
    )
    event = Event(EventType.VISIT, title, span, participations=visitors)
    event.place = context.place(UNITED_STATES, "United States")
    event.description = record.description
    doc.events.append(event)
    if country is not None:
        doc.mentions.append(country)
    return doc


def _visitors(
    record: VisitRecord, builder: DocumentBuilder, context: HsgContext, country: PlaceRef | None
) -> list[Participation]:
    people = split_names(record.visitor) if record.visitor else ()
    line = record.line_of("visitor")
    if not people:
        context.problem(
            "no-visitor",
            f"visit {record.id} names no visitor; it is stored without participants",
            line,
            "warning",
        )
    countries = context.country_set(record.country_id, country)
    day = builder.resolver.date or dt.date.min
    parts: list[Participation] = []
    for person in people:
        linked = context.person(
            builder.resolver, person.name, person.title, day=day, countries=countries
        )
        if linked.status == "ambiguous":
            options = ", ".join(e.label for e in linked.candidates)
            context.problem(
                "ambiguous-name",
                f"visit {record.id}: {person.name!r} could be any of: {options}; left unlinked",
                line,
                "notice",
            )
        parts.append(Participation(linked.agent, Role.VISITOR, person.title))
    return builder.unique_participations(parts)
