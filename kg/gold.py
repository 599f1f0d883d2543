"""The gold file of ``kg eval`` and the scores computed against it.

A gold file is JSON Lines: one annotated record per line, with the keys of
:data:`GOLD_KEYS` (see ``tests/gold/README.md``).  Reading it is strict,
because a silently ignored annotation would change the scores: every error
names the file and line.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.errors import SourceError
from kg.report import Problem


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


#: The keys a gold line may have (the issue "Scorer"; see tests/gold/README.md).
GOLD_KEYS = _words(
    "file title doc_type document_date event_date participants author mentioned_persons places "
    "organizations archive_citation classification original_language translator obtained_by topics"
)
#: Set-valued fields and the kind of their values, the headline ones first.
SET_FIELDS: tuple[tuple[str, str], ...] = tuple(
    zip(
        _words("participants author mentioned_persons places organizations translator obtained_by"),
        _words("person person person place organization person person"),
        strict=True,
    )
)
SET_FIELDS += (("topics", "topic"),)
EXACT_FIELDS = _words(
    "document_date event_date doc_type classification archive_citation original_language title"
)
#: Fields the issue sets targets for; the others are reported as secondary.
HEADLINE = frozenset((*(n for n, _ in SET_FIELDS[:5]), *EXACT_FIELDS[:5]))


@dataclass(frozen=True)
class GoldDocument:
    """One line of the gold file: the annotated file and its values as written."""

    line: int
    file: str
    values: Mapping[str, Any]


@dataclass
class SetScore:
    """True positives, false positives and false negatives of one set field."""

    field: str
    tp: int = 0
    fp: int = 0
    fn: int = 0
    documents: int = 0

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        """Harmonic mean of precision and recall; 2tp / (2tp + fp + fn).

        >>> SetScore("places", tp=3, fp=1, fn=2).f1
        0.6666666666666666
        """
        total = 2 * self.tp + self.fp + self.fn
        return 2 * self.tp / total if total else None


@dataclass
class ExactScore:
    """How many documents got one single-valued field right."""

    field: str
    correct: int = 0
    total: int = 0

    @property
    def accuracy(self) -> float | None:
        return self.correct / self.total if self.total else None


@dataclass(frozen=True)
class Difference:
    """What one document got wrong in one field (for ``--verbose``)."""

    file: str
    field: str
    missing: tuple[str, ...] = ()
    extra: tuple[str, ...] = ()
    expected: str | None = None
    got: str | None = None


@dataclass
class Evaluation:
    """Scores of one gold set, the per-document differences and the problems met."""

    documents: int = 0
    set_scores: list[SetScore] = field(default_factory=list)
    exact_scores: list[ExactScore] = field(default_factory=list)
    differences: list[Difference] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @classmethod
    def empty(cls) -> Evaluation:
        return cls(
            set_scores=[SetScore(name) for name, _ in SET_FIELDS],
            exact_scores=[ExactScore(name) for name in EXACT_FIELDS],
        )


def read_gold(path: Path) -> list[GoldDocument]:
    """Read a JSON Lines gold file; blank lines and ``//`` comment lines are skipped.

    Raises :class:`~kg.errors.SourceError` naming the line of a malformed entry.
    """
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise SourceError(f"cannot read the gold file {path}: {error}") from error
    gold: list[GoldDocument] = []
    hint = 'Each line is one JSON object with at least a "file" key (see tests/gold/README.md).'
    for number, text in enumerate(lines, start=1):
        if not text.strip() or text.lstrip().startswith("//"):
            continue
        try:
            values = json.loads(text)
        except json.JSONDecodeError as error:
            raise SourceError(f"{path}:{number}: not JSON: {error.msg}", hint=hint) from error
        if not isinstance(values, dict) or not isinstance(values.get("file"), str):
            raise SourceError(f'{path}:{number}: no "file" key', hint=hint)
        unknown = sorted(set(values) - set(GOLD_KEYS))
        if unknown:
            raise SourceError(f"{path}:{number}: unknown keys {', '.join(unknown)}", hint=hint)
        gold.append(GoldDocument(number, values["file"], values))
    return gold
