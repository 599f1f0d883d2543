"""Timelines as iCalendar (RFC 5545), for calendar programs.

Every event is an all-day ``VEVENT``: ``DTSTART;VALUE=DATE`` is the earliest
day and ``DTEND`` the day after the latest (RFC 5545's end is exclusive), so
an event known only to the month spans the month.  Calendars cannot mark a
date as uncertain, so ``DESCRIPTION`` says it in words, with the source's
wording and the EDTF form, and lists participants, place and the citation;
``URL`` links the record.

The output is the same bytes for the same graph: ``UID`` is the event IRI
and ``DTSTAMP`` (required by RFC 5545; it says when the calendar data was
made, not when the event happened) is fixed: ``SOURCE_DATE_EPOCH`` when that
is set (the reproducible-builds convention), else midnight UTC after the
latest day in the timeline.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping

from icalendar import Calendar, Event

from kg import __version__
from kg.export.common import (
    entry_link,
    participants_text,
    places_text,
    span_text,
    timeline_title,
    topics_text,
)
from kg.timeline import Timeline, TimelineEntry, human_date

PRODID = f"-//kg {__version__}//Diplomatic events//EN"


def dtstamp(timeline: Timeline, environ: Mapping[str, str] | None = None) -> dt.datetime:
    """The fixed ``DTSTAMP`` of every event (see the module docstring).

    >>> from kg.timeline import TimelineFilter
    >>> dtstamp(Timeline(TimelineFilter()), {"SOURCE_DATE_EPOCH": "0"})
    datetime.datetime(1970, 1, 1, 0, 0, tzinfo=datetime.timezone.utc)
    >>> e = TimelineEntry("e", "x", dt.date(1961, 5, 19), dt.date(1961, 5, 19))
    >>> dtstamp(Timeline(TimelineFilter(), [e]), {}).isoformat()
    '1961-05-20T00:00:00+00:00'
    """
    environ = os.environ if environ is None else environ
    epoch = environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.timezone.utc)
    last = timeline.last or dt.date(1970, 1, 1)
    day_after = last + dt.timedelta(days=1)
    return dt.datetime(day_after.year, day_after.month, day_after.day, tzinfo=dt.timezone.utc)


def description(entry: TimelineEntry) -> str:
    """The text of ``DESCRIPTION``: the date and how sure it is, who, where, the sources."""
    lines: list[str] = []
    if entry.uncertain:
        note = (
            f"Date uncertain: recorded as {entry.display_date!r}; the event lies somewhere"
            f" between {human_date(entry.earliest)} and {human_date(entry.latest)}"
        )
        if entry.edtf:
            note += f" (EDTF {entry.edtf})"
        lines.append(note + ". The calendar entry spans these bounds.")
    else:
        lines.append(f"Date: {entry.display_date}.")
    for name, value in (
        ("Participants", participants_text(entry)),
        ("Place", places_text(entry)),
        ("Topics", topics_text(entry)),
    ):
        if value:
            lines.append(f"{name}: {value}")
    if entry.summary:
        lines.append(entry.summary)
    for document in entry.documents:
        lines.append(f"Source: {document.citation}")
        lines.append(f"Record: {document.url or document.iri}")
    lines.append(f"Event: {entry.event}")
    return "\n".join(lines)


def timeline_ical(
    timeline: Timeline,
    *,
    title: str | None = None,
    environ: Mapping[str, str] | None = None,
) -> bytes:
    """The timeline as an iCalendar file (UTF-8 bytes with CRLF lines, as RFC 5545 wants)."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    heading = timeline_title(timeline, title)
    calendar.add("x-wr-calname", heading)
    calendar.add("x-wr-caldesc", f"{span_text(timeline)}. {timeline.selection.describe()}.")
    stamp = dtstamp(timeline, environ)
    for entry in timeline.entries:
        event = Event()
        event.add("uid", entry.event)
        event.add("dtstamp", stamp)
        event.add("dtstart", entry.earliest)
        event.add("dtend", entry.latest + dt.timedelta(days=1))
        event.add("summary", entry.label)
        event.add("description", description(entry))
        place = places_text(entry, ", ")
        if place:
            event.add("location", place)
        event.add("url", entry_link(entry))
        if entry.event_type:
            event.add("categories", [entry.event_type])
        event.add("transp", "TRANSPARENT")
        calendar.add_component(event)
    data: bytes = calendar.to_ical()
    return data
