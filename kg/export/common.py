"""What every timeline export says the same way: links, participants, titles, file writing.

The exports (TimelineJS, CSV, iCalendar, Markdown, chart) render the same
:class:`kg.timeline.TimelineEntry` values; keeping these few choices in one
place means a reader sees the same participant list, the same link and the
same title in every format.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from kg.timeline import Timeline, TimelineAgent, TimelineEntry

#: Joins the values of a multi-valued field in text cells.
SEPARATOR = "; "


def entry_link(entry: TimelineEntry) -> str:
    """Where a reader goes to see the record: the document's web page, else its IRI.

    The first document (in IRI order) wins; an event without documents links
    to its own IRI, which is dereferenceable too.

    >>> import datetime as dt
    >>> entry_link(TimelineEntry("https://e/event/1", "x", dt.date(1961, 1, 1),
    ...                          dt.date(1961, 1, 1)))
    'https://e/event/1'
    """
    for document in entry.documents:
        if document.url:
            return document.url
    if entry.documents:
        return entry.documents[0].iri
    return entry.event


def agent_text(agent: TimelineAgent) -> str:
    """A participant with the roles they had, as people read it.

    >>> agent_text(TimelineAgent("p", "Fidel Castro", "person", ("interlocutor",)))
    'Fidel Castro (interlocutor)'
    >>> agent_text(TimelineAgent("p", "OAS", "organization"))
    'OAS'
    """
    if agent.roles:
        return f"{agent.label} ({', '.join(agent.roles)})"
    return agent.label


def participants_text(entry: TimelineEntry, separator: str = SEPARATOR) -> str:
    """All participants of an entry with their roles, in the order of the entry."""
    return separator.join(agent_text(a) for a in entry.participants)


def places_text(entry: TimelineEntry, separator: str = SEPARATOR) -> str:
    return separator.join(p.label for p in entry.places)


def topics_text(entry: TimelineEntry, separator: str = SEPARATOR) -> str:
    return separator.join(t.label for t in entry.topics)


def event_type_label(entry: TimelineEntry) -> str:
    """The event type as a word for groups and categories (``visit`` → ``Visit``).

    >>> import datetime as dt
    >>> event_type_label(TimelineEntry("e", "x", dt.date(1961, 1, 1), dt.date(1961, 1, 1),
    ...                                event_type="state-visit"))
    'State visit'
    """
    if not entry.event_type:
        return "Event"
    words = entry.event_type.replace("-", " ")
    return words[:1].upper() + words[1:]


def timeline_title(timeline: Timeline, title: str | None = None) -> str:
    """The title the user gave, else one made from the selection.

    >>> from kg.timeline import TimelineFilter
    >>> timeline_title(Timeline(TimelineFilter(persons=("Fidel Castro",))))
    'Timeline: person: Fidel Castro'
    >>> timeline_title(Timeline(TimelineFilter()), "Cuba 1961")
    'Cuba 1961'
    """
    if title:
        return title
    return f"Timeline: {timeline.selection.describe()}"


def span_text(timeline: Timeline) -> str:
    """``3 events, 1961–1963`` (the years the entries reach).

    >>> import datetime as dt
    >>> from kg.timeline import TimelineFilter
    >>> e = TimelineEntry("e", "x", dt.date(1961, 5, 19), dt.date(1961, 5, 19))
    >>> span_text(Timeline(TimelineFilter(), [e])), span_text(Timeline(TimelineFilter()))
    ('1 event, 1961', 'no events')
    """
    count = len(timeline.entries)
    noun = "event" if count == 1 else "events"
    first, last = timeline.first, timeline.last
    if first is None or last is None:
        return "no events"
    years = str(first.year) if first.year == last.year else f"{first.year}–{last.year}"
    return f"{count} {noun}, {years}"


def timeline_jsonable(timeline: Timeline) -> dict[str, Any]:
    """The timeline as plain JSON data (``kg timeline --format json``).

    Dates stay as stored (ISO bounds, EDTF, precision, wording) and each
    entry adds what people read: ``display_date``, ``uncertain`` and the
    citation of each document.
    """
    events: list[dict[str, Any]] = []
    for entry in timeline.entries:
        data = asdict(entry)
        data["earliest"] = entry.earliest.isoformat()
        data["latest"] = entry.latest.isoformat()
        data["display_date"] = entry.display_date
        data["uncertain"] = entry.uncertain
        for document, values in zip(entry.documents, data["documents"], strict=True):
            values["citation"] = document.citation
        events.append(data)
    return {
        "selection": {k: v for k, v in asdict(timeline.selection).items() if v not in (None, ())},
        "count": len(events),
        "events": events,
    }
