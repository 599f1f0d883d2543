"""TimelineJS3 JSON: a timeline people page through in the browser.

The output is the data object TimelineJS3 builds a timeline from: a title
slide made from the selection, then one slide per event.  An uncertain date
keeps its uncertainty: the slide spans the stored bounds (``start_date`` =
earliest, ``end_date`` = latest) and ``display_date`` shows the source's
wording ("end of May-the beginning of June 1961") instead of an invented day.
Each slide's text names the participants with their roles, the place, the
topics and the citation of every document that records the event, linked to
the document; all text is HTML-escaped because TimelineJS renders it as HTML.

The file is validated in the tests against ``schemas/timelinejs.schema.json``
(shipped with kg, see :func:`schema`), and loaded into the real TimelineJS3
library in a headless browser.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from html import escape
from importlib import resources
from typing import Any

from kg.export.common import (
    entry_link,
    event_type_label,
    participants_text,
    places_text,
    span_text,
    timeline_title,
    topics_text,
)
from kg.timeline import Timeline, TimelineEntry, human_date

#: TimelineJS slows down and becomes hard to read beyond this many slides.
WARN_EVENTS = 500


def timelinejs_document(timeline: Timeline, *, title: str | None = None) -> dict[str, Any]:
    """The TimelineJS3 data object of ``timeline`` (JSON-ready dicts and lists)."""
    heading = timeline_title(timeline, title)
    intro = f"{span_text(timeline)}. Selection: {timeline.selection.describe()}."
    return {
        "title": {"text": {"headline": escape(heading), "text": f"<p>{escape(intro)}</p>"}},
        "events": _unique([_slide(entry) for entry in timeline.entries]),
    }


def timelinejs_json(timeline: Timeline, *, title: str | None = None) -> str:
    """The TimelineJS3 data as JSON text (UTF-8, stable key order, one trailing newline)."""
    document = timelinejs_document(timeline, title=title)
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def schema() -> dict[str, Any]:
    """The JSON Schema of the files this module writes (``kg/export/schemas``)."""
    path = resources.files("kg.export").joinpath("schemas", "timelinejs.schema.json")
    loaded: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return loaded


def date_object(day: dt.date) -> dict[str, int]:
    """A TimelineJS date.

    >>> date_object(dt.date(1961, 5, 19))
    {'year': 1961, 'month': 5, 'day': 19}
    """
    return {"year": day.year, "month": day.month, "day": day.day}


def unique_id(event_iri: str) -> str:
    """A slide id (TimelineJS puts it in the page's URL hash) from the event IRI.

    >>> unique_id("https://w3id.org/dipkg/event/wilson-177830")
    'wilson-177830'
    >>> unique_id("https://w3id.org/dipkg/event/hsg/visit 1")
    'hsg-visit-1'
    """
    tail = event_iri.split("/event/", 1)[-1] if "/event/" in event_iri else event_iri
    return re.sub(r"[^A-Za-z0-9_-]+", "-", tail).strip("-") or "event"


def _unique(slides: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Slides with distinct ``unique_id``s (TimelineJS navigates by them): ``-2``, ``-3`` …"""
    seen: set[str] = set()
    for slide in slides:
        base = candidate = slide["unique_id"]
        number = 1
        while candidate in seen:
            number += 1
            candidate = f"{base}-{number}"
        seen.add(candidate)
        slide["unique_id"] = candidate
    return slides


def _slide(entry: TimelineEntry) -> dict[str, Any]:
    slide: dict[str, Any] = {
        "unique_id": unique_id(entry.event),
        "start_date": date_object(entry.earliest),
    }
    if entry.latest != entry.earliest:
        slide["end_date"] = date_object(entry.latest)
    if entry.uncertain:
        slide["display_date"] = entry.display_date
    slide["text"] = {"headline": escape(entry.label), "text": slide_text(entry)}
    slide["group"] = event_type_label(entry)
    return slide


def slide_text(entry: TimelineEntry) -> str:
    """The slide body: date note, participants, place, topics, summary, sources."""
    paragraphs: list[str] = []
    if entry.uncertain:
        note = (
            f"Date as recorded: {entry.display_date} (between {human_date(entry.earliest)}"
            f" and {human_date(entry.latest)}"
        )
        note += f"; EDTF {entry.edtf})" if entry.edtf else ")"
        paragraphs.append(escape(note))
    for name, value in (
        ("Participants", participants_text(entry, ", ")),
        ("Place", places_text(entry, ", ")),
        ("Topics", topics_text(entry, ", ")),
    ):
        if value:
            paragraphs.append(f"<strong>{name}:</strong> {escape(value)}")
    if entry.summary:
        paragraphs.append(escape(entry.summary))
    if not entry.documents:
        paragraphs.append(f'<a href="{escape(entry_link(entry))}">{escape(entry.event)}</a>')
    for document in entry.documents:
        href = document.url or document.iri
        paragraphs.append(
            f"<strong>Source:</strong> {escape(document.citation)}"
            f' <a href="{escape(href)}" target="_blank" rel="noopener">[record]</a>'
        )
    return "".join(f"<p>{p}</p>" for p in paragraphs)
