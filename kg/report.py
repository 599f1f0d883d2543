"""Data problems as values: what went wrong with which document, and where.

A problem never stops an ingest: the document it concerns is skipped (an
``error``) or stored with the problem reported (a ``warning``), and every
other document goes on.  ``kg ingest`` exits with code 3 when the report
holds any error or warning (DESIGN A3); notices (names left unlinked because
several authority entries fit) are shown with ``-v`` and do not change it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

#: ``error``: the document (or record) was skipped.  ``warning``: it was stored, but
#: something in it is wrong or missing.  ``notice``: it was stored; a name could not
#: be linked unambiguously (the review queue, ``kg entities --unlinked``, is for these).
Severity = Literal["error", "warning", "notice"]


@dataclass(frozen=True)
class Problem:
    """One data problem: ``code`` is stable (for scripts), ``message`` is for people."""

    code: str
    document: str
    message: str
    line: int | None = None
    severity: Severity = "error"

    def __str__(self) -> str:
        where = f"{self.document}:{self.line}" if self.line else self.document
        return f"{where}: {self.severity}: {self.message} [{self.code}]"


@dataclass
class IngestReport:
    """The outcome of one ingest run."""

    stored: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    skipped_files: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    quads_written: int = 0
    events: int = 0
    seconds: float = 0.0

    @property
    def failed(self) -> list[str]:
        return sorted({p.document for p in self.problems if p.severity == "error"})

    @property
    def data_problems(self) -> list[Problem]:
        """Errors and warnings: the problems that make ``kg ingest`` exit with 3."""
        return [p for p in self.problems if p.severity != "notice"]

    @property
    def notices(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "notice"]

    @property
    def ok(self) -> bool:
        return not self.data_problems
