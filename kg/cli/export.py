"""``kg export FORMAT``: timelines (issue 5) and RDF dumps (issue 6) from one command.

Timeline formats draw on :func:`kg.timeline.select_timeline`; dump formats
write the RDF of the selection.  Both take the selection options of
``kg timeline``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from kg.cli.app import CliState
from kg.cli.dumps import DUMP_FORMATS, export_dump
from kg.cli.options import BASE_IRI, pass_state, selection_options
from kg.cli.timeline import TIMELINE_FORMATS, export_timeline
from kg.errors import UsageError
from kg.timeline import TimelineFilter


@click.command("export")
@click.argument("fmt", metavar="FORMAT", type=click.Choice([*TIMELINE_FORMATS, *DUMP_FORMATS]))
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="The file to write (text formats go to stdout without it).",
)
@selection_options
@click.option(
    "--document",
    "documents",
    multiple=True,
    metavar="IRI|ID",
    help="Dumps: only this document's graph (repeatable).",
)
@click.option(
    "--profile",
    type=click.Choice(["dip", "sem", "crm", "schema"]),
    default="dip",
    show_default=True,
    help="Dumps: the vocabulary (kg's own, Simple Event Model, CIDOC-CRM, schema.org).",
)
@BASE_IRI
@click.option(
    "--lanes",
    type=click.Choice(["participant", "topic"]),
    default="participant",
    show_default=True,
    help="html, png, svg: one lane per participant or per topic.",
)
@click.option("--title", help="Title of the timeline (default: made from the selection).")
@click.option(
    "--layout",
    type=click.Choice(["kg", "timelinejs"]),
    default="kg",
    show_default=True,
    help="csv: kg's columns, or the columns of TimelineJS's spreadsheet template.",
)
@pass_state
def export_command(
    state: CliState,
    /,
    fmt: str,
    output: Path | None,
    documents: tuple[str, ...],
    profile: str,
    base_iri: str,
    lanes: str,
    title: str | None,
    layout: str,
    **filters: Any,
) -> None:
    """Write the selected events as a timeline, or the graph as an RDF dump.

    \b
    Timelines: timelinejs (TimelineJS3 JSON), csv, ics (iCalendar), html
    (a standalone page), md (a chronology), png, svg (a chart).
    Dumps: ttl, trig, nq, nt, jsonld, rdfxml, sorted so that dumps diff well.
    trig and nq keep the named graphs; ttl, nt, jsonld and rdfxml merge them.
    Without selection options a dump holds the whole dataset; with them (or
    --document) the graphs of the matching documents and what they refer to.
    --profile sem|crm|schema maps the events to another vocabulary (ttl, nt,
    jsonld, rdfxml only).
    """
    selection = TimelineFilter(**{k: v for k, v in filters.items() if v not in (None, ())})
    if fmt in DUMP_FORMATS:
        export_dump(
            state, fmt, output, selection, documents=documents, profile=profile, base_iri=base_iri
        )
        return
    if documents or profile != "dip":
        raise UsageError("--document and --profile apply to RDF dumps only")
    export_timeline(state, fmt, output, selection, lanes=lanes, title=title, layout=layout)
