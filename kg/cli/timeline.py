"""``kg timeline`` and the timeline formats of ``kg export``.

Both resolve the selection options into a :class:`kg.timeline.TimelineFilter`,
make one library call (:func:`kg.timeline.select_timeline`), and hand the
:class:`kg.timeline.Timeline` to one renderer in :mod:`kg.export`.  Data goes
to stdout or to ``-o FILE``; counts, warnings and hints go to stderr.

An empty selection is not an error: the command says so on stderr, writes
an empty but valid file (a TimelineJS title slide, a CSV header, a calendar
without events, …) and exits with 0, so scripts that export many selections
do not stop on one that happens to be empty.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from kg.cli.app import CliState
from kg.cli.options import open_store, pass_state, selection_options
from kg.errors import UsageError
from kg.export.common import agent_text, timeline_jsonable, timeline_title
from kg.files import write_atomically
from kg.timeline import Timeline, TimelineEntry, TimelineFilter, select_timeline

TIMELINE_FORMATS = ("timelinejs", "csv", "ics", "html", "md", "png", "svg")
#: Formats that are bytes which make no sense on a terminal.
_BINARY = ("png",)
CSV_LAYOUTS = ("kg", "timelinejs")


def load_timeline(state: CliState, selection: TimelineFilter) -> Timeline:
    """The selected entries from the store named by the global options."""
    with open_store(state) as graph:
        return Timeline(selection, select_timeline(graph, selection))


def export_timeline(
    state: CliState,
    fmt: str,
    output: Path | None,
    selection: TimelineFilter,
    *,
    lanes: str,
    title: str | None,
    layout: str = "kg",
) -> None:
    """Write the selected events in ``fmt`` to ``output`` (stdout for text formats)."""
    if fmt in _BINARY and output is None:
        raise UsageError(
            f"{fmt} is an image and needs a file", hint=f"Add -o FILE.{fmt} to 'kg export {fmt}'."
        )
    if layout != "kg" and fmt != "csv":
        raise UsageError("--layout applies to csv only")
    timeline = load_timeline(state, selection)
    _report_selection(state, timeline, fmt)
    if fmt == "html":
        _export_html(timeline, output, lanes=lanes, title=title)
    else:
        _write(render_timeline(timeline, fmt, lanes=lanes, title=title, layout=layout), output)
    if output is not None and state.verbosity >= 0:
        count = len(timeline.entries)
        click.echo(f"{fmt}: {count} event{'s' * (count != 1)} written to {output}", err=True)


def render_timeline(
    timeline: Timeline, fmt: str, *, lanes: str, title: str | None, layout: str = "kg"
) -> bytes:
    """The bytes of one timeline format (all but ``html``, which writes its own file)."""
    if fmt == "timelinejs":
        from kg.export.timelinejs import timelinejs_json

        return timelinejs_json(timeline, title=title).encode("utf-8")
    if fmt == "csv":
        from kg.export.table import timeline_csv

        return timeline_csv(timeline, layout=layout, title=title).encode("utf-8")
    if fmt == "ics":
        from kg.export.ical import timeline_ical

        return timeline_ical(timeline, title=title)
    if fmt == "md":
        from kg.export.markdown import timeline_markdown

        return timeline_markdown(timeline, title=title).encode("utf-8")
    if fmt in ("png", "svg"):
        from kg.export.chart import timeline_chart

        return timeline_chart(timeline, fmt=fmt, lanes=lanes, title=title)
    raise UsageError(
        f"not a timeline format: {fmt!r}", hint="Formats: " + ", ".join(TIMELINE_FORMATS)
    )


def _report_selection(state: CliState, timeline: Timeline, fmt: str) -> None:
    if state.verbosity < 0:
        return
    if not timeline.entries:
        click.echo(
            f"No events match the selection ({timeline.selection.describe()}); "
            "writing an empty timeline.",
            err=True,
        )
    from kg.export.timelinejs import WARN_EVENTS

    if fmt == "timelinejs" and len(timeline.entries) > WARN_EVENTS:
        click.echo(
            f"Warning: {len(timeline.entries)} events; TimelineJS gets slow and hard to read "
            f"beyond about {WARN_EVENTS}. Narrow the selection (--person, --topic, --from/--to).",
            err=True,
        )


def _export_html(timeline: Timeline, output: Path | None, *, lanes: str, title: str | None) -> None:
    from kg.export.html_timeline import render_html_timeline

    page = render_html_timeline(timeline, lanes=lanes, title=timeline_title(timeline, title))
    _write(page.encode("utf-8"), output)


def _write(data: bytes, output: Path | None) -> None:
    """To stdout, or to ``output`` through a temporary file renamed into place."""
    if output is None:
        stream = click.get_binary_stream("stdout")
        stream.write(data)
        stream.flush()
        return
    write_atomically(output, lambda stream: stream.write(data))


# --- kg timeline -----------------------------------------------------------------------


@click.command("timeline")
@selection_options
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "tsv"]),
    default="table",
    show_default=True,
    help="table: one block per event for reading; json: every field; tsv: the CSV columns.",
)
@pass_state
def timeline_command(state: CliState, /, fmt: str, **filters: Any) -> None:
    """Show the selected events in date order, with participants and sources.

    Filters combine: each option narrows the selection, and a repeated
    option means any of its values.  Dates filter by overlap, so an event
    dated "May 1961" is shown for --from 1961-05-15.  Uncertain dates are
    shown as the source words them, with their earliest and latest day.
    For files (TimelineJS, CSV, iCalendar, HTML, Markdown, charts) see
    'kg export'.
    """
    selection = TimelineFilter(**{k: v for k, v in filters.items() if v not in (None, ())})
    timeline = load_timeline(state, selection)
    if not timeline.entries and state.verbosity >= 0:
        click.echo(f"No events match the selection ({selection.describe()}).", err=True)
    if fmt == "json":
        click.echo(json.dumps(timeline_jsonable(timeline), ensure_ascii=False, indent=2))
    elif fmt == "tsv":
        click.echo(timeline_tsv(timeline), nl=False)
    else:
        click.echo(timeline_table(timeline), nl=False)


def timeline_table(timeline: Timeline) -> str:
    """Each event as a block: date and label, then participants, place and sources."""
    blocks = [_block(entry) for entry in timeline.entries]
    return "".join(blocks)


def _block(entry: TimelineEntry) -> str:
    date = entry.earliest.isoformat()
    if entry.latest != entry.earliest:
        date += f"/{entry.latest.isoformat()}"
    lines = [f"{date:<21}  {entry.label}"]
    if entry.uncertain:
        lines.append(f"  date: {entry.display_date} (EDTF {entry.edtf or '-'}, uncertain)")
    if entry.participants:
        lines.append("  participants: " + ", ".join(agent_text(a) for a in entry.participants))
    if entry.places:
        lines.append("  place: " + ", ".join(p.label for p in entry.places))
    lines.extend(f"  source: {d.citation}" for d in entry.documents)
    return "\n".join(lines) + "\n\n"


def timeline_tsv(timeline: Timeline) -> str:
    """The ``kg`` CSV columns as tab-separated values (tabs and newlines in cells become spaces)."""
    from kg.export.table import KG_COLUMNS, kg_row

    lines = ["\t".join(KG_COLUMNS)]
    for entry in timeline.entries:
        row = kg_row(entry)
        lines.append("\t".join(" ".join(row[c].split()) for c in KG_COLUMNS))
    return "\n".join(lines) + "\n"
