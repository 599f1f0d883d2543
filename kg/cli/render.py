"""Rendering for people, on stderr: progress, ingest summaries, validation reports."""

from __future__ import annotations

import sys
import time
from collections import Counter

import click

from kg.report import IngestReport
from kg.validate import ValidationResult

#: Show a progress bar only for runs with at least this many files.
PROGRESS_MIN_FILES = 20


class ProgressPrinter:
    """A progress line on stderr for long runs (a bar on a terminal, else a line every 10 %)."""

    def __init__(self, *, enabled: bool) -> None:
        self.enabled = enabled
        self.tty = sys.stderr.isatty()
        self.last_decile = -1
        self.started = time.perf_counter()
        self.shown = False

    def __call__(self, done: int, total: int, current: str) -> None:
        if not self.enabled or total < PROGRESS_MIN_FILES:
            return
        self.shown = True
        if self.tty:
            width = 30
            filled = int(width * done / total)
            bar = "#" * filled + "-" * (width - filled)
            click.echo(f"\r[{bar}] {done}/{total} files", nl=False, err=True)
            return
        decile = 10 * done // total
        if decile != self.last_decile:
            self.last_decile = decile
            click.echo(f"ingest: {done}/{total} files ({10 * decile} %)", err=True)

    def finish(self) -> None:
        if self.shown and self.tty:
            click.echo("", err=True)


def progress_printer(*, enabled: bool) -> ProgressPrinter:
    return ProgressPrinter(enabled=enabled)


def ingest_summary(report: IngestReport, *, verbosity: int) -> None:
    if verbosity >= 1:
        for path in report.skipped_files:
            click.echo(f"{path}: skipped: not a format kg reads", err=True)
    for problem in report.data_problems:
        click.echo(str(problem), err=True)
    if verbosity >= 1:
        for problem in report.notices:
            click.echo(str(problem), err=True)
    if verbosity < 0:
        return
    parts = [
        f"{len(report.stored)} documents stored",
        f"{report.events} events",
        f"{report.quads_written} quads written",
    ]
    if report.unchanged:
        parts.append(f"{len(report.unchanged)} unchanged")
    if report.skipped_files:
        parts.append(
            f"{len(report.skipped_files)} files skipped (not a format kg reads; -v lists them)"
        )
    if report.failed:
        parts.append(f"{len(report.failed)} files with errors")
    counts = Counter(p.severity for p in report.problems)
    if counts["warning"]:
        parts.append(f"{counts['warning']} warnings")
    if counts["notice"]:
        parts.append(f"{counts['notice']} notices (-v lists them)")
    click.echo(f"ingest: {', '.join(parts)} in {report.seconds:.1f} s", err=True)
    if report.data_problems:
        click.echo(
            "Hint: the lines above name each file and problem; fix them and run "
            "'kg ingest' again (unchanged files are skipped).",
            err=True,
        )


def validation_report(result: ValidationResult) -> None:
    """The report goes to stdout: it is the command's data."""
    if result.conforms:
        click.echo(f"Conforms: {result.triples} triples checked, no violations.")
        return
    click.echo(f"Does not conform: {len(result.violations)} results over {result.triples} triples.")
    for v in result.violations:
        path = f" {v.path}" if v.path else ""
        value = f" (value: {v.value})" if v.value else ""
        click.echo(f"{v.severity}: {v.focus}{path}: {v.message}{value}")
