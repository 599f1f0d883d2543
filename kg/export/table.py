"""Timelines as CSV: kg's own columns, or the spreadsheet layout TimelineJS reads.

The ``kg`` layout is one row per event for spreadsheets and scripts: the
event and its label, the date exactly as stored (EDTF, earliest, latest,
precision and the source's wording, so an uncertain date is never reduced to
one day), participants with roles, place, topics, and the document(s) with
their citation and URL.  Cells with several values join them with ``"; "``.

The ``timelinejs`` layout has the columns of TimelineJS's Google-spreadsheet
template, so the file can be pasted into that template and published: a
``title`` row first, then one row per event.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

from kg.export.common import (
    SEPARATOR,
    event_type_label,
    participants_text,
    places_text,
    span_text,
    timeline_title,
    topics_text,
)
from kg.export.timelinejs import slide_text
from kg.timeline import Timeline, TimelineEntry

#: The columns of the ``kg`` layout, in order.
KG_COLUMNS = (
    "event",
    "label",
    "edtf",
    "earliest",
    "latest",
    "precision",
    "wording",
    "participants",
    "place",
    "topics",
    "document",
    "citation",
    "url",
)

#: The columns of TimelineJS's spreadsheet template, in order.
TIMELINEJS_COLUMNS = (
    "Year",
    "Month",
    "Day",
    "Time",
    "End Year",
    "End Month",
    "End Day",
    "End Time",
    "Display Date",
    "Headline",
    "Text",
    "Media",
    "Media Credit",
    "Media Caption",
    "Media Thumbnail",
    "Type",
    "Group",
    "Background",
)

LAYOUTS = ("kg", "timelinejs")


def kg_row(entry: TimelineEntry) -> dict[str, str]:
    """One event as a row of the ``kg`` layout."""
    return {
        "event": entry.event,
        "label": entry.label,
        "edtf": entry.edtf or "",
        "earliest": entry.earliest.isoformat(),
        "latest": entry.latest.isoformat(),
        "precision": entry.precision or "",
        "wording": entry.wording or "",
        "participants": participants_text(entry),
        "place": places_text(entry),
        "topics": topics_text(entry),
        "document": SEPARATOR.join(d.iri for d in entry.documents),
        "citation": entry.citation,
        "url": SEPARATOR.join(d.url for d in entry.documents if d.url),
    }


def timelinejs_row(entry: TimelineEntry) -> dict[str, str]:
    """One event as a row of TimelineJS's spreadsheet template (end only for spans)."""
    row = dict.fromkeys(TIMELINEJS_COLUMNS, "")
    row.update(
        {
            "Year": str(entry.earliest.year),
            "Month": str(entry.earliest.month),
            "Day": str(entry.earliest.day),
            "Headline": entry.label,
            "Text": slide_text(entry),
            "Group": event_type_label(entry),
        }
    )
    if entry.latest != entry.earliest:
        row.update(
            {
                "End Year": str(entry.latest.year),
                "End Month": str(entry.latest.month),
                "End Day": str(entry.latest.day),
            }
        )
    if entry.uncertain:
        row["Display Date"] = entry.display_date
    return row


def timeline_csv(timeline: Timeline, *, layout: str = "kg", title: str | None = None) -> str:
    """The timeline as CSV text (RFC 4180: comma, double quotes, CRLF) in ``layout``."""
    if layout == "kg":
        return _csv(KG_COLUMNS, (kg_row(e) for e in timeline.entries))
    if layout == "timelinejs":
        heading = dict.fromkeys(TIMELINEJS_COLUMNS, "")
        heading.update(
            {
                "Headline": timeline_title(timeline, title),
                "Text": f"{span_text(timeline)}. Selection: {timeline.selection.describe()}.",
                "Type": "title",
            }
        )
        rows = [heading, *(timelinejs_row(e) for e in timeline.entries)]
        return _csv(TIMELINEJS_COLUMNS, rows)
    raise ValueError(f"unknown CSV layout {layout!r} (one of {', '.join(LAYOUTS)})")


def _csv(columns: Sequence[str], rows: Iterable[dict[str, str]]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(columns))
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()
