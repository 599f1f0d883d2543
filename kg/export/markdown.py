"""Timelines as a Markdown chronology, for papers and research notes.

Entries are grouped under one heading per year (the year of the earliest
day), each a list item: the date as the source words it, the event linked to
its record, participants with roles and the place.  Citations are footnotes,
numbered in order, so the text reads like a scholarly chronology and the
sources stay exact.  An uncertain date is written as recorded and its bounds
follow in brackets.
"""

from __future__ import annotations

import re
from itertools import groupby

from kg.export.common import (
    entry_link,
    participants_text,
    places_text,
    span_text,
    timeline_title,
)
from kg.timeline import Timeline, TimelineEntry

_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")


def md_escape(text: str) -> str:
    """Text with Markdown's special characters escaped, on one line.

    >>> md_escape("Conversation [draft] with *Castro*")
    'Conversation \\\\[draft\\\\] with \\\\*Castro\\\\*'
    """
    return _SPECIAL.sub(r"\\\1", " ".join(text.split()))


def md_date(entry: TimelineEntry) -> str:
    """The date of an entry: the wording, and for an uncertain date its ISO bounds.

    >>> import datetime as dt
    >>> md_date(TimelineEntry("e", "x", dt.date(1962, 11, 1), dt.date(1962, 11, 30),
    ...                       wording="November 1962", precision="month"))
    'November 1962 (1962-11-01 – 1962-11-30)'
    """
    if entry.uncertain:
        return f"{entry.display_date} ({entry.earliest.isoformat()} – {entry.latest.isoformat()})"
    return entry.display_date


def timeline_markdown(timeline: Timeline, *, title: str | None = None) -> str:
    """The chronology as Markdown text with footnote citations."""
    lines = [f"# {md_escape(timeline_title(timeline, title))}", ""]
    lines.append(f"{span_text(timeline)}. Selection: {md_escape(timeline.selection.describe())}.")
    notes: list[str] = []
    for year, entries in groupby(timeline.entries, key=lambda e: e.earliest.year):
        lines.extend(["", f"## {year}", ""])
        for entry in entries:
            link = f"[{md_escape(entry.label)}](<{entry_link(entry)}>)"
            item = f"- **{md_escape(md_date(entry))}**: {link}"
            details = []
            if entry.participants:
                details.append(f"Participants: {md_escape(participants_text(entry, ', '))}")
            if entry.places:
                details.append(f"Place: {md_escape(places_text(entry, ', '))}")
            if details:
                item += ". " + ". ".join(details)
            item += "."
            for document in entry.documents:
                notes.append(f"{md_escape(document.citation)}, <{document.url or document.iri}>")
                item += f"[^{len(notes)}]"
            lines.append(item)
    if notes:
        lines.append("")
        lines.extend(f"[^{number}]: {note}" for number, note in enumerate(notes, 1))
    return "\n".join(lines) + "\n"
