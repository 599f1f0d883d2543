"""The input formats kg reads, and how a file's format is recognised.

Detection looks at the content, not only the name: a ``.txt`` file is a
Wilson Center record only if it reads like one, and a directory may hold
unrelated files, which are skipped with a clear line each.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from kg.extract import curated_document, frus_document, travels_document, visits_document
from kg.extract.document import Extraction
from kg.extract.reference import ReferenceData
from kg.extract.wilson_document import FORMAT as WILSON_FORMAT
from kg.extract.wilson_document import extract_wilson
from kg.sources.wilson import looks_like_wilson

Extractor = Callable[[str, str, ReferenceData], Extraction]


@dataclass(frozen=True)
class InputFormat:
    """A source format: which files may hold it, how to recognise it, how to read it."""

    name: str
    suffixes: tuple[str, ...]
    detect: Callable[[str], bool]
    extract: Extractor


FORMATS: tuple[InputFormat, ...] = (
    InputFormat(WILSON_FORMAT, (".txt", ".md", ".text"), looks_like_wilson, extract_wilson),
    InputFormat(
        visits_document.FORMAT,
        visits_document.SUFFIXES,
        visits_document.looks_like_visits,
        visits_document.extract_visits,
    ),
    InputFormat(
        travels_document.FORMAT,
        travels_document.SUFFIXES,
        travels_document.looks_like_travels,
        travels_document.extract_travels,
    ),
    InputFormat(
        frus_document.FORMAT,
        frus_document.SUFFIXES,
        frus_document.looks_like_frus,
        frus_document.extract_frus,
    ),
    InputFormat(
        curated_document.FORMAT_YAML,
        curated_document.YAML_SUFFIXES,
        curated_document.looks_like_curated_yaml,
        curated_document.extract_curated_yaml,
    ),
    InputFormat(
        curated_document.FORMAT_CSV,
        curated_document.CSV_SUFFIXES,
        curated_document.looks_like_curated_csv,
        curated_document.extract_curated_csv,
    ),
)

#: Turtle files in a folder of this name are authority data (persons, places, topics …).
AUTHORITY_FOLDER = "authorities"


def candidate_formats(path: Path) -> list[InputFormat]:
    suffix = path.suffix.lower()
    return [f for f in FORMATS if suffix in f.suffixes]


def detect_format(path: Path, text: str) -> InputFormat | None:
    """The format of a decoded file, or None when it is none kg reads."""
    for candidate in candidate_formats(path):
        if candidate.detect(text):
            return candidate
    return None


def is_authority_file(path: Path) -> bool:
    """Turtle and CSV tables in an ``authorities`` folder are reference data, not documents."""
    return path.suffix.lower() in (".ttl", ".csv") and AUTHORITY_FOLDER in path.parts
