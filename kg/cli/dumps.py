"""RDF dumps for ``kg export`` (issue 6: not written yet)."""

from __future__ import annotations

from pathlib import Path

from kg.cli.app import CliState
from kg.errors import UsageError
from kg.timeline import TimelineFilter

DUMP_FORMATS = ("ttl", "trig", "nq", "nt", "jsonld", "rdfxml")


def export_dump(
    state: CliState,
    fmt: str,
    output: Path | None,
    selection: TimelineFilter,
    *,
    documents: tuple[str, ...],
    profile: str,
) -> None:
    raise UsageError(f"RDF dumps ({fmt}) are not written yet")
