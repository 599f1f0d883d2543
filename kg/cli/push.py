"""``kg push``: copy the local store to a remote SPARQL server (issue 7: not written yet)."""

from __future__ import annotations

import click

from kg.errors import UsageError


@click.command("push")
def push_command() -> None:
    """Copy the local store to a remote SPARQL server."""
    raise UsageError("'kg push' is not written yet")
