"""The ``kg`` group: global options and the one error handler."""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from typing import Any

import click

from kg import __version__
from kg.errors import ExitCode, KgError

DEFAULT_STORE = ".kg"
log = logging.getLogger("kg")


@dataclass
class CliState:
    """Global options, passed to every command through the click context."""

    store: str
    verbosity: int
    traceback: bool
    update_endpoint: str | None = None
    timeout: float | None = None
    server_timeout: float | None = None


#: What Ctrl-C leaves behind, for the commands where that needs saying.
_INTERRUPTED = {
    "ingest": "Interrupted; every batch written so far is complete.",
    "push": "Interrupted; every graph pushed so far is complete. Run kg push again to finish.",
    "serve": "Stopped.",
}


class KgGroup(click.Group):
    """Renders :class:`KgError` as ``Error:``/``Hint:`` with its exit code."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except KgError as error:
            state = ctx.find_object(CliState)
            if state is not None and state.traceback:
                log.exception("traceback")
            click.echo(f"Error: {error.message}", err=True)
            click.echo(f"Hint: {error.hint}", err=True)
            ctx.exit(int(error.exit_code))
        except KeyboardInterrupt:
            message = _INTERRUPTED.get(ctx.invoked_subcommand or "", "Interrupted.")
            click.echo(message, err=True)
            ctx.exit(int(ExitCode.INTERRUPTED))


@click.group(cls=KgGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--store",
    metavar="PATH|URL",
    envvar="KG_STORE",
    default=DEFAULT_STORE,
    show_default=True,
    help="The store: a directory (embedded store) or an http(s) SPARQL endpoint. Env KG_STORE.",
)
@click.option(
    "--update-endpoint",
    metavar="URL",
    envvar="KG_UPDATE_ENDPOINT",
    help="SPARQL Update endpoint of a remote store (default: the --store URL). "
    "Env KG_UPDATE_ENDPOINT.",
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0.1),
    metavar="SECONDS",
    envvar="KG_SPARQL_TIMEOUT",
    help="Remote store: how long kg waits for an answer (default 300). Env KG_SPARQL_TIMEOUT.",
)
@click.option(
    "--server-timeout",
    type=click.FloatRange(min=0.1),
    metavar="SECONDS",
    envvar="KG_SPARQL_SERVER_TIMEOUT",
    help="Remote store: ask the server to stop a query after this long (Virtuoso, Fuseki, "
    "GraphDB). Env KG_SPARQL_SERVER_TIMEOUT.",
)
@click.option("-v", "--verbose", count=True, help="More log output on stderr (repeatable).")
@click.option("-q", "--quiet", is_flag=True, help="Only errors on stderr.")
@click.option("--traceback", is_flag=True, help="Show the Python traceback of a failure.")
@click.version_option(__version__, "--version", prog_name="kg")
@click.pass_context
def cli(
    ctx: click.Context,
    store: str,
    update_endpoint: str | None,
    timeout: float | None,
    server_timeout: float | None,
    verbose: int,
    quiet: bool,
    traceback: bool,
) -> None:
    """kg: a knowledge graph of diplomatic conversations from archival records.

    Ingest records (Wilson Center Digital Archive pages …), then query,
    validate and describe the graph.  Data goes to stdout, messages to stderr.
    Exit codes: 0 ok, 1 failure, 2 usage, 3 data problems, 130 interrupted.
    """
    level = (
        logging.ERROR if quiet else (logging.WARNING, logging.INFO, logging.DEBUG)[min(verbose, 2)]
    )
    logging.basicConfig(level=level, format="%(levelname)s: %(message)s")
    log.setLevel(level)
    ctx.obj = CliState(
        store=os.path.expanduser(store),
        verbosity=-1 if quiet else verbose,
        traceback=traceback,
        update_endpoint=update_endpoint,
        timeout=timeout,
        server_timeout=server_timeout,
    )
