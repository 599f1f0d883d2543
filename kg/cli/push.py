"""``kg push``: copy the store (``--store``) to a remote SPARQL server (``--to URL``)."""

from __future__ import annotations

import click

from kg.cli.app import CliState
from kg.cli.options import open_store, pass_state
from kg.errors import PushIncompleteError, UsageError
from kg.push import DEFAULT_BATCH_QUADS, PushReport, push

#: How many graph names a failed push lists on stderr (all of them with -v).
_LISTED = 20


@click.command("push")
@click.option(
    "--to",
    "target",
    metavar="URL",
    envvar="KG_PUSH_TO",
    required=True,
    help="Query endpoint of the server to copy to (updates go to --update-endpoint, default "
    "the same URL). Env KG_PUSH_TO.",
)
@click.option(
    "--document",
    "documents",
    multiple=True,
    metavar="KEY|IRI",
    help="Only this document's graph (record key, document or graph IRI); repeatable.",
)
@click.option(
    "--batch-size",
    type=click.IntRange(min=1),
    default=DEFAULT_BATCH_QUADS,
    show_default=True,
    help="Quads per batch (each update request holds whole graphs).",
)
@pass_state
def push_command(state: CliState, target: str, documents: tuple[str, ...], batch_size: int) -> None:
    """Copy the store to a remote SPARQL server, sending only what differs.

    Graphs whose checksum and size already match on the server are skipped,
    so re-running a push that was interrupted completes it.  Progress goes
    to stderr; exits with 1 and the list of graphs not pushed when the
    server fails on the way.
    """
    if target.rstrip("/") == state.store.rstrip("/"):
        raise UsageError("--to names the store being pushed", hint="Give another --to URL.")
    show = state.verbosity >= 0

    def progress(done: int, total: int, quads: int) -> None:
        if show:
            click.echo(f"\rpushed {done}/{total} graphs, {quads} quads", err=True, nl=False)

    with open_store(state) as source, open_store(state, read_only=False, location=target) as dest:
        remote = getattr(dest, "batch_quads", None)
        batch = (
            min(batch_size, remote) if batch_size == DEFAULT_BATCH_QUADS and remote else batch_size
        )
        report = push(source, dest, documents=documents, batch_quads=batch, progress=progress)
    if show and report.pushed:
        click.echo("", err=True)
    summary(report, target, verbosity=state.verbosity)
    if not report.complete:
        assert report.error is not None
        raise PushIncompleteError(
            f"push to {target} stopped: {report.error.message}; "
            f"{len(report.pushed)} graphs pushed, {len(report.failed)} not pushed",
            hint=f"{report.error.hint} Then re-run kg push to complete; pushed graphs are skipped.",
        )


def summary(report: PushReport, target: str, *, verbosity: int) -> None:
    """The report on stderr: counts, rate, and the graphs not pushed."""
    if verbosity >= 0:
        click.echo(
            f"{len(report.pushed)} graphs pushed ({report.quads} quads in {report.seconds:.1f} s, "
            f"{report.rate:.0f} quads/s), {len(report.skipped)} unchanged, "
            f"{len(report.failed)} not pushed, to {target}",
            err=True,
        )
    if report.failed:
        listed = report.failed if verbosity >= 1 else report.failed[:_LISTED]
        for graph in listed:
            click.echo(f"not pushed: {graph}", err=True)
        if len(listed) < len(report.failed):
            click.echo(f"… and {len(report.failed) - len(listed)} more (-v lists all)", err=True)
