"""``kg timeline`` and the timeline formats of ``kg export`` (issue 5: not written yet)."""

from __future__ import annotations

from pathlib import Path

import click

from kg.cli.app import CliState
from kg.errors import UsageError
from kg.timeline import TimelineFilter

TIMELINE_FORMATS = ("timelinejs", "csv", "ics", "html", "md", "png", "svg")


def export_timeline(
    state: CliState,
    fmt: str,
    output: Path | None,
    selection: TimelineFilter,
    *,
    lanes: str,
    title: str | None,
) -> None:
    raise UsageError(f"timeline exports ({fmt}) are not written yet")


@click.command("timeline")
def timeline_command() -> None:
    """Show the selected events in date order."""
    raise UsageError("'kg timeline' is not written yet")
