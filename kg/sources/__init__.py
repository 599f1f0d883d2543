"""Input readers: one module per source format, and format detection.

A reader turns the bytes of one file into source records; it never resolves
names or builds RDF.  :func:`decode` is the one place where files are
decoded, so every reader gets the same handling of empty, binary and
non-UTF-8 input.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kg.report import Problem

#: Files that travel with data folders and are not documents: skipped quietly.
DOCUMENTATION_NAMES = ("readme", "license", "licence", "copying", "notice", "changelog")


@dataclass(frozen=True)
class DecodedText:
    text: str
    problems: tuple[Problem, ...] = ()


def is_documentation(path: Path) -> bool:
    """READMEs and licences shipped beside data are not input documents.

    >>> is_documentation(Path("data/visits/LICENSE.md"))
    True
    >>> is_documentation(Path("data/wilson/000.txt"))
    False
    """
    return path.stem.lower().startswith(DOCUMENTATION_NAMES)


def looks_binary(data: bytes) -> bool:
    """NUL bytes in the first 8 KiB mean a binary file (PDF, image, archive …).

    >>> looks_binary(b"%PDF-1.4\\x00\\x01")
    True
    """
    return b"\x00" in data[:8192]


def decode(path: str, data: bytes) -> DecodedText | Problem:
    """Decode a text file, or say why it cannot be read as one.

    Non-UTF-8 text is decoded as Windows-1252 (the usual encoding of
    copy-pasted archive pages) with a warning, so the document is kept.

    >>> decode("a.txt", "Gomułka".encode()).text
    'Gomułka'
    >>> decode("a.txt", b"").code
    'empty-file'
    >>> decode("a.txt", "Dortic\\xf3s".encode("cp1252")).problems[0].code
    'not-utf8'
    """
    if not data.strip():
        return Problem("empty-file", path, "the file is empty")
    if looks_binary(data):
        return Problem("binary-file", path, "the file is binary, not a text record")
    try:
        return DecodedText(data.decode("utf-8-sig"))
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            return Problem("not-utf8", path, "the file is neither UTF-8 nor Windows-1252", line)
        warning = Problem(
            "not-utf8",
            path,
            "the file is not UTF-8 (first bad byte here); decoded it as Windows-1252",
            line,
            severity="warning",
        )
        return DecodedText(text, (warning,))
