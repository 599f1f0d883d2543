"""Timelines as a chart (PNG or SVG): events over time, one lane per participant or topic.

Time runs along x; each lane is a participant (or, with ``lanes="topic"``,
a topic), and an event is drawn in the lane of every participant it has.
The busiest lanes get their own row and the rest share an "others" row, so
a chart of the whole graph stays readable.  A day known exactly is a marker;
an uncertain date or a span of days is a bar from the earliest to the latest
day, so the chart never shows more precision than the sources have.

Matplotlib draws with its Agg renderer through a bare ``Figure`` (no pyplot
state, no display needed).  The SVG keeps text as text, carries no date, and
gives every event a tooltip (label, date, citation) and a link to its record
when there are at most :data:`SVG_TOOLTIP_LIMIT` events.  The same graph
gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections import Counter
from html import escape

import matplotlib
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.dates import AutoDateLocator, ConciseDateFormatter, date2num
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from kg.export.common import entry_link, span_text, timeline_title
from kg.timeline import Timeline, TimelineEntry

#: Lanes of their own; the others share one row.
DEFAULT_MAX_LANES = 12
#: Up to this many events, each gets its own SVG element with a tooltip and a link.
SVG_TOOLTIP_LIMIT = 1000
OTHERS = "others"
CHART_FORMATS = ("png", "svg")


def lane_names(entry: TimelineEntry, lanes: str) -> list[str]:
    """The lanes an entry belongs to: its participants' or its topics' labels."""
    if lanes == "topic":
        return [t.label for t in entry.topics]
    return [a.label for a in entry.participants]


def choose_lanes(labels: list[list[str]], max_lanes: int) -> list[str]:
    """The most frequent lane names (ties by name), plus ``others`` when any are left out.

    >>> choose_lanes([["Castro", "Kudryavtsev"], ["Castro", "Alekseyev"]], 2)
    ['Castro', 'Alekseyev', 'others']
    >>> choose_lanes([["Castro"], []], 5)
    ['Castro', 'others']
    """
    counts = Counter(name for names in labels for name in set(names))
    ranked = sorted(counts, key=lambda name: (-counts[name], name))
    chosen = ranked[:max_lanes]
    if len(ranked) > max_lanes or any(not names for names in labels):
        chosen.append(OTHERS)
    return chosen


def timeline_chart(
    timeline: Timeline,
    *,
    fmt: str = "png",
    lanes: str = "participant",
    title: str | None = None,
    max_lanes: int = DEFAULT_MAX_LANES,
) -> bytes:
    """The chart as PNG or SVG bytes."""
    if fmt not in CHART_FORMATS:
        raise ValueError(f"chart format must be one of {CHART_FORMATS}, not {fmt!r}")
    entries = timeline.entries
    memberships = [lane_names(e, lanes) for e in entries]
    rows = choose_lanes(memberships, max_lanes)
    position = {name: len(rows) - 1 - i for i, name in enumerate(rows)}  # first lane on top
    figure = Figure(figsize=(11, 1.6 + 0.42 * max(len(rows), 1)), layout="constrained")
    axes = figure.add_subplot()
    per_entry = fmt == "svg" and len(entries) <= SVG_TOOLTIP_LIMIT
    tooltips: dict[str, str] = {}
    for lane in rows:
        y = position[lane]
        members = [
            (i, e)
            for i, (e, names) in enumerate(zip(entries, memberships, strict=True))
            if (lane in names)
            or (lane == OTHERS and (not names or any(n not in position for n in names)))
        ]
        exact = [(i, e) for i, e in members if not e.uncertain]
        spans = [(i, e) for i, e in members if e.uncertain]
        if per_entry:
            for i, entry in members:
                gid = f"kg-event-{i}-{y}"
                tooltips[gid] = f"{entry.display_date}: {entry.label}. Source: {entry.citation}"
                artist = _draw_one(axes, entry, y)
                artist.set_gid(gid)
                artist.set_url(entry_link(entry))
        else:
            if exact:
                axes.plot(
                    [_x(e.earliest) for _, e in exact],
                    [y] * len(exact),
                    "o",
                    color="C0",
                    markersize=5,
                )
            if spans:
                axes.broken_barh(
                    [_span(e) for _, e in spans], (y - 0.25, 0.5), color="C1", alpha=0.5
                )
    _decorate(axes, figure, timeline, rows, title)
    buffer = io.BytesIO()
    with matplotlib.rc_context({"svg.hashsalt": "kg", "svg.fonttype": "none"}):
        if fmt == "svg":
            figure.savefig(buffer, format="svg", metadata={"Date": None})
        else:
            figure.savefig(buffer, format="png", dpi=100)
    data = buffer.getvalue()
    if fmt == "svg" and tooltips:
        data = _add_tooltips(data.decode("utf-8"), tooltips).encode("utf-8")
    return data


def _x(day: dt.date) -> float:
    """A day in matplotlib's date units (matplotlib's own function is untyped)."""
    return float(date2num(day))  # type: ignore[no-untyped-call]


def _span(entry: TimelineEntry) -> tuple[float, float]:
    """Start and width in matplotlib date units; the latest day is drawn in full."""
    start = _x(entry.earliest)
    return (start, _x(entry.latest + dt.timedelta(days=1)) - start)


def _draw_one(axes: Axes, entry: TimelineEntry, y: int) -> Artist:
    if entry.uncertain:
        return axes.broken_barh([_span(entry)], (y - 0.25, 0.5), color="C1", alpha=0.5)
    (line,) = axes.plot([_x(entry.earliest)], [y], "o", color="C0", markersize=5)
    return line


def _decorate(
    axes: Axes, figure: Figure, timeline: Timeline, rows: list[str], title: str | None
) -> None:
    figure.suptitle(timeline_title(timeline, title), fontsize=12)
    axes.set_title(span_text(timeline), fontsize=9, color="0.35")
    axes.set_yticks(range(len(rows)), list(reversed(rows)), fontsize=8)
    axes.set_ylim(-0.8, max(len(rows), 1) - 0.2)
    axes.grid(axis="x", color="0.9")
    axes.set_axisbelow(True)
    first, last = timeline.first, timeline.last
    if first is None or last is None:
        axes.text(0.5, 0.5, "no events", transform=axes.transAxes, ha="center", va="center")
        axes.set_xticks([])
        return
    pad = max((last - first).days * 0.03, 15)
    axes.set_xlim(_x(first - dt.timedelta(days=pad)), _x(last + dt.timedelta(days=pad + 1)))
    locator = AutoDateLocator()  # type: ignore[no-untyped-call]
    axes.xaxis.set_major_locator(locator)
    axes.xaxis.set_major_formatter(ConciseDateFormatter(locator))  # type: ignore[no-untyped-call]
    axes.legend(
        handles=[
            Line2D([], [], marker="o", linestyle="", color="C0", label="exact day"),
            Patch(color="C1", alpha=0.5, label="uncertain date or span (earliest–latest)"),
        ],
        loc="upper left",
        bbox_to_anchor=(1.0, 1.0),
        fontsize=8,
        frameon=False,
    )


def _add_tooltips(svg: str, tooltips: dict[str, str]) -> str:
    """A ``<title>`` (the browser's tooltip) as first child of each event's group."""

    def insert(match: re.Match[str]) -> str:
        text = tooltips.get(match.group(2))
        return match.group(0) if text is None else f"{match.group(0)}<title>{escape(text)}</title>"

    return re.sub(r'(<g id="(kg-event-[0-9-]+)"[^>]*>)', insert, svg)
