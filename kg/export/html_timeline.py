"""The standalone HTML timeline: one file that works offline, in any browser, for years.

A historian mails the page or puts it on a web server as it is, so it
carries everything it needs: the events as JSON in a
``<script type="application/json">`` block, the drawing code
(``assets/timeline.js``, written for kg) and its stylesheet, both inlined.
Nothing is fetched: a Content-Security-Policy forbids every request, so a
page opened from a disk or an archive shows the same thing decades later.

The JavaScript draws on a canvas and only what is on screen, which keeps
10,000 events smooth.  For readers without JavaScript or with a screen
reader, the page also holds a plain table of the events (date, event,
participants, place, source), inside a ``<details>`` element.
"""

from __future__ import annotations

import datetime as dt
import html
import json
from collections.abc import Iterable
from importlib import resources
from pathlib import Path
from typing import Any

from kg import __version__
from kg.errors import KgError, UsageError
from kg.files import write_atomically
from kg.timeline import Timeline, TimelineEntry, human_date

LANE_MODES = ("participant", "topic")

_EPOCH = dt.date(1970, 1, 1)

_CSP = (
    "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
    "img-src data:; base-uri 'none'; form-action 'none'"
)


def day_number(day: dt.date) -> int:
    """Days since 1970-01-01, the unit of the page's time axis (negative before 1970).

    >>> day_number(dt.date(1970, 1, 2)), day_number(dt.date(1961, 5, 19))
    (1, -3149)
    """
    return (day - _EPOCH).days


def script_json(value: object) -> str:
    """JSON that is safe inside ``<script>``: ``<``, ``>`` and ``&`` are escaped.

    Without this, a label containing ``</script>`` would end the data block
    and the rest would run as HTML.

    >>> script_json({"label": "</script><b>&"})
    '{"label":"\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e\\\\u0026"}'
    """
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def timeline_payload(timeline: Timeline, *, lanes: str, title: str) -> dict[str, Any]:
    """The data the page's script reads: shared tables of agents, topics, places, and events.

    Agents, topics and places are listed once and referred to by index,
    which keeps a 10,000-event page small.
    """
    agents: dict[str, int] = {}
    agent_rows: list[list[str]] = []
    topics: dict[str, int] = {}
    topic_rows: list[list[str]] = []
    places: dict[str, int] = {}
    place_rows: list[list[str]] = []

    def index(table: dict[str, int], rows: list[list[str]], row: list[str]) -> int:
        if row[0] not in table:
            table[row[0]] = len(rows)
            rows.append(row)
        return table[row[0]]

    events = []
    for entry in timeline.entries:
        event: dict[str, Any] = {
            "i": entry.event,
            "l": entry.label,
            "s": day_number(entry.earliest),
            "e": day_number(entry.latest),
            "d": entry.display_date,
            "x": entry.edtf or "",
            "p": entry.precision or "",
            "t": entry.event_type or "",
            "u": 1 if entry.uncertain else 0,
            "a": [
                [index(agents, agent_rows, [a.iri, a.label, a.kind]), ", ".join(a.roles)]
                for a in entry.participants
            ],
            "o": [index(topics, topic_rows, [t.iri, t.label]) for t in entry.topics],
            "c": [index(places, place_rows, [p.iri, p.label]) for p in entry.places],
            "r": [[d.citation, d.url or "", d.iri] for d in entry.documents],
        }
        if entry.summary:
            event["m"] = entry.summary
        events.append(event)
    return {
        "title": title,
        "lanes": lanes,
        "agents": agent_rows,
        "topics": topic_rows,
        "places": place_rows,
        "events": events,
    }


def _asset(name: str) -> str:
    try:
        return resources.files("kg.export").joinpath("assets", name).read_text(encoding="utf-8")
    except OSError as error:
        raise KgError(
            f"the timeline asset {name} is missing: {error}",
            hint="Reinstall kg ('pip install --force-reinstall kg').",
        ) from error


def _table(entries: Iterable[TimelineEntry]) -> str:
    """The events as table rows, for readers without JavaScript or with a screen reader."""
    rows = []
    for k, entry in enumerate(entries):
        sources = []
        for document in entry.documents:
            cell = html.escape(document.citation)
            if document.url and document.url.lower().startswith(("http://", "https://")):
                cell += f' <a href="{html.escape(document.url)}" rel="noopener">source</a>'
            sources.append(cell)
        people = "; ".join(
            html.escape(a.label + (f" ({', '.join(a.roles)})" if a.roles else ""))
            for a in entry.participants
        )
        rows.append(
            "<tr>"
            f"<td>{html.escape(entry.display_date)}</td>"
            f'<td><button type="button" data-k="{k}">{html.escape(entry.label)}</button></td>'
            f"<td>{people}</td>"
            f"<td>{html.escape('; '.join(p.label for p in entry.places))}</td>"
            f"<td>{'<br>'.join(sources)}</td>"
            "</tr>"
        )
    return "\n".join(rows)


def _legend(entries: Iterable[TimelineEntry]) -> str:
    types = sorted({e.event_type or "event" for e in entries})
    items = [
        f'<li><span class="kg-swatch" data-type="{html.escape(t)}"></span>'
        f"{html.escape(t.replace('-', ' '))}</li>"
        for t in types
    ]
    items.append(
        '<li><span class="kg-swatch kg-span"></span>uncertain date or several days '
        "(drawn as a span)</li>"
    )
    return "\n".join(items)


def render_html_timeline(timeline: Timeline, *, lanes: str, title: str) -> str:
    """The whole page as text (see :func:`write_html_timeline`)."""
    if lanes not in LANE_MODES:
        raise UsageError(f"unknown lanes {lanes!r}", hint="Lanes: participant or topic.")
    entries = timeline.entries
    count = len(entries)
    span = ""
    if timeline.first and timeline.last:
        span = f", {human_date(timeline.first)} – {human_date(timeline.last)}"
    subtitle = (
        f"{count} event{'s' if count != 1 else ''}{span}. "
        f"Selection: {timeline.selection.describe()}."
    )
    lane_options = "".join(
        f'<option value="{m}"{" selected" if m == lanes else ""}>{m}</option>' for m in LANE_MODES
    )
    esc = html.escape
    data = script_json(timeline_payload(timeline, lanes=lanes, title=title))
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="{_CSP}">
<meta name="generator" content="kg {esc(__version__)}">
<title>{esc(title)}</title>
<style>
{_asset("timeline.css")}
</style>
</head>
<body>
<header>
<h1>{esc(title)}</h1>
<p class="kg-subtitle">{esc(subtitle)}</p>
</header>
<noscript><p>The interactive timeline needs JavaScript. The list of events below works
without it.</p></noscript>
<div id="kg-app" hidden>
<div class="kg-toolbar" role="toolbar" aria-label="Timeline controls">
<button type="button" id="kg-zoom-in" aria-label="Zoom in">+</button>
<button type="button" id="kg-zoom-out" aria-label="Zoom out">&minus;</button>
<button type="button" id="kg-reset">Show all</button>
<label>Lanes <select id="kg-lanes">{lane_options}</select></label>
<label>Filter <input type="search" id="kg-filter" placeholder="name, topic, place, archive"></label>
<span id="kg-count" aria-live="polite"></span>
</div>
<ul class="kg-legend">
{_legend(entries)}
</ul>
<div class="kg-main">
<div id="kg-chart">
<canvas id="kg-canvas" tabindex="0" role="img" aria-label="Timeline of {count} events; \
zoom with the wheel, + and -, pan by dragging or with the arrow keys. The list of events \
follows the chart."></canvas>
<div id="kg-tooltip" hidden></div>
</div>
<aside id="kg-details" aria-live="polite" aria-label="Event details"></aside>
</div>
</div>
<details class="kg-list">
<summary>List of the {count} events</summary>
<table>
<thead><tr><th scope="col">Date</th><th scope="col">Event</th><th scope="col">Participants</th>\
<th scope="col">Place</th><th scope="col">Source</th></tr></thead>
<tbody>
{_table(entries)}
</tbody>
</table>
</details>
<p class="kg-footer">Made with kg {esc(__version__)} from the knowledge graph. Dates that are
uncertain or cover several days are drawn as hatched spans; their wording is the source's.</p>
<script type="application/json" id="kg-data">{data}</script>
<script>
{_asset("timeline.js")}
</script>
</body>
</html>
"""


def write_html_timeline(timeline: Timeline, output: Path, *, lanes: str, title: str) -> None:
    """Write ``timeline`` as one self-contained, offline HTML page to ``output``.

    ``lanes`` is ``"participant"`` or ``"topic"``: the page opens with one
    lane per busiest participant (or topic) and an "Others" lane; the reader
    can switch in the page.  The file is written next to ``output`` and
    renamed into place, so a reader never sees half a page.  Raises
    :class:`kg.errors.UsageError` for unknown lanes and :class:`KgError`
    when the file cannot be written.
    """
    page = render_html_timeline(timeline, lanes=lanes, title=title)
    write_atomically(Path(output), lambda stream: stream.write(page.encode("utf-8")))
