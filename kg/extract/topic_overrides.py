"""A scholar's corrections to the topics kg assigns: ``topic-overrides.csv``.

Automatic topics come from keyword phrases and are sometimes wrong or
incomplete.  A CSV file named ``topic-overrides*.csv`` in an authority folder
(``data/authorities/`` is bundled) corrects them per event, and the
correction survives every re-ingest because it is applied during extraction::

    event,mode,topics,note
    wilson-177830,add,cuban-missile-crisis,aftermath of the October crisis
    wilson-177830,remove,press-and-publicity,
    frus-frus1961-63v05-d21,replace,us-soviet-relations; diplomatic-recognition,

``mode`` is ``add`` (confidence 1.0), ``remove`` or ``replace`` (exactly these
topics, confidence 1.0); ``topics`` are thesaurus slugs separated by ``;``.
A malformed line stops the ingest with the file and line, because a silently
ignored correction would be worse than none.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from kg.errors import SourceError
from kg.model import TopicRef

Mode = Literal["add", "remove", "replace"]
MODES: tuple[Mode, ...] = ("add", "remove", "replace")
COLUMNS = ("event", "mode", "topics")
FILE_PATTERN = "topic-overrides*.csv"


@dataclass(frozen=True)
class TopicOverride:
    event: str
    mode: Mode
    topics: tuple[str, ...]


def load_overrides(
    paths: Iterable[Path], known_topics: Iterable[str]
) -> dict[str, tuple[TopicOverride, ...]]:
    """Read override files; raises :class:`SourceError` naming the file and line."""
    known = set(known_topics)
    found: dict[str, list[TopicOverride]] = {}
    for path in paths:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            missing = [c for c in COLUMNS if c not in (reader.fieldnames or [])]
            if missing:
                raise SourceError(
                    f"{path}:1: topic overrides need the columns {', '.join(COLUMNS)}; "
                    f"missing {', '.join(missing)}"
                )
            for row in reader:
                line = reader.line_num
                override = _parse_row(row, path, line, known)
                found.setdefault(override.event, []).append(override)
    return {event: tuple(items) for event, items in found.items()}


def _parse_row(row: dict[str, str], path: Path, line: int, known: set[str]) -> TopicOverride:
    event = (row.get("event") or "").strip()
    mode = (row.get("mode") or "").strip().lower()
    topics = tuple(t.strip() for t in (row.get("topics") or "").split(";") if t.strip())
    hint = "See the docstring of kg/extract/topic_overrides.py for the format."
    if not event:
        raise SourceError(f"{path}:{line}: no event key", hint=hint)
    if mode not in MODES:
        raise SourceError(
            f"{path}:{line}: mode {mode!r} is not one of {', '.join(MODES)}", hint=hint
        )
    unknown = [t for t in topics if t not in known]
    if unknown:
        raise SourceError(
            f"{path}:{line}: unknown topic {unknown[0]!r} (not in the thesaurus)", hint=hint
        )
    return TopicOverride(event, mode, topics)


def apply_overrides(
    event_key: str,
    topics: list[TopicRef],
    overrides: Mapping[str, tuple[TopicOverride, ...]],
) -> list[TopicRef]:
    """The topics of one event after the scholar's corrections, in file order.

    >>> rules = {"e": (TopicOverride("e", "remove", ("a",)), TopicOverride("e", "add", ("c",)))}
    >>> apply_overrides("e", [TopicRef("a", 0.5), TopicRef("b", 0.75)], rules)
    [TopicRef(slug='b', confidence=0.75), TopicRef(slug='c', confidence=1.0)]
    >>> apply_overrides("other", [TopicRef("a", 0.5)], rules)
    [TopicRef(slug='a', confidence=0.5)]
    """
    result = list(topics)
    for override in overrides.get(event_key, ()):
        if override.mode == "replace":
            result = [TopicRef(slug, 1.0) for slug in override.topics]
        elif override.mode == "remove":
            result = [t for t in result if t.slug not in override.topics]
        else:
            result = [t for t in result if t.slug not in override.topics]
            result += [TopicRef(slug, 1.0) for slug in override.topics]
    return result
