"""The ``kg`` command line: a thin shell over the library (DESIGN A3, B1).

Each command resolves its options, makes one library call and renders the
result: data on stdout, progress and messages on stderr.  Failures are
rendered in one place (:class:`kg.cli.app.KgGroup`) as ``Error: …`` plus a
``Hint: …`` with the exit code of :class:`kg.errors.ExitCode`.
"""

from __future__ import annotations

from kg.cli.app import CliState, cli
from kg.cli.commands import register

register(cli)

__all__ = ["CliState", "cli", "main"]


def main() -> None:
    """Entry point of the ``kg`` script."""
    cli.main(prog_name="kg")
