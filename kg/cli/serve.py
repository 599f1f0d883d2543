"""``kg serve`` and ``kg publish``: linked data (issue 6: not written yet)."""

from __future__ import annotations

import click

from kg.errors import UsageError


@click.command("serve")
def serve_command() -> None:
    """Serve the graph as linked data with a SPARQL endpoint."""
    raise UsageError("'kg serve' is not written yet")


@click.command("publish")
def publish_command() -> None:
    """Write the graph as a static linked-data site."""
    raise UsageError("'kg publish' is not written yet")
