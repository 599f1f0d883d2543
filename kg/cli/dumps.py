"""RDF dumps for ``kg export``: resolve the output, make one library call, report on stderr."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import IO

import click

from kg.cli.app import CliState
from kg.cli.options import open_store
from kg.dumps import DUMP_FORMATS as _DUMP_FORMATS
from kg.dumps import DumpSummary, write_dump
from kg.files import atomic_output
from kg.namespaces import DEFAULT_BASE_IRI
from kg.timeline import TimelineFilter

DUMP_FORMATS = tuple(_DUMP_FORMATS)
log = logging.getLogger("kg")

_PROGRESS_EVERY = 1000


def export_dump(
    state: CliState,
    fmt: str,
    output: Path | None,
    selection: TimelineFilter,
    *,
    documents: tuple[str, ...],
    profile: str,
    base_iri: str = DEFAULT_BASE_IRI,
) -> None:
    """Write the dump to ``output`` (atomically) or to stdout, then one summary line."""

    def progress(done: int, total: int) -> None:
        if done % _PROGRESS_EVERY == 0 or done == total:
            log.info("read %d of %d graphs", done, total)

    with open_store(state) as graph, _destination(output) as stream:
        summary = write_dump(
            graph,
            fmt,
            stream,
            selection=selection,
            documents=documents,
            profile=profile,
            base_iri=base_iri,
            progress=progress if state.verbosity > 0 else None,
        )
    if state.verbosity >= 0:
        click.echo(_describe(summary, output), err=True)


def _describe(summary: DumpSummary, output: Path | None) -> str:
    unit = "triples" if summary.merged else "quads"
    where = f" to {output}" if output else ""
    graphs = f"from {len(summary.graphs)} named graphs"
    merged = " (merged)" if summary.merged and len(summary.graphs) > 1 else ""
    profile = f", {summary.profile} profile" if summary.profile != "dip" else ""
    return f"Wrote {summary.statements} {unit}{where} {graphs}{merged}{profile}."


@contextlib.contextmanager
def _destination(output: Path | None) -> Iterator[IO[bytes]]:
    """stdout (binary), or a temporary file renamed to ``output`` only when the dump succeeded."""
    if output is None:
        stdout = click.get_binary_stream("stdout")
        yield stdout
        stdout.flush()
        return
    with atomic_output(output) as stream:
        yield stream
