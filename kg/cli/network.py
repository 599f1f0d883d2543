"""``kg network``: the co-participation network (issue 5: not written yet)."""

from __future__ import annotations

import click

from kg.errors import UsageError


@click.command("network")
def network_command() -> None:
    """Export the network of who met whom."""
    raise UsageError("'kg network' is not written yet")
