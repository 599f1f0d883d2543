"""Persons a record says were absent, so that they are not taken for participants.

"Comrade X was not present", "in the absence of X", "X did not attend": a name
in such a sentence is found like any other mention, but it must not become a
participant of the conversation.  The names are read from the same tokens as
mentions (:class:`~kg.extract._tokens.TokenizedText`) and resolved with the
document's :class:`~kg.extract.names.NameResolver`.
"""

from __future__ import annotations

import bisect
import re

from kg.authority import PARTICLES
from kg.extract._namewords import COMMON_CAPS
from kg.extract._tokens import TokenizedText
from kg.extract.names import NameResolver

_ABSENT_AFTER = re.compile(
    r"(?:,?\s*who\s+)?\b(?:(?:was|were|is|are|had\s+been)\s+(?:not\s+present|absent"
    r"|not\s+in\s+attendance|not\s+at\s+the\s+\w+|unable\s+to\s+(?:attend|come|participate"
    r"|take\s+part|be\s+present))|(?:did|could|would|does|do)\s*(?:not|n['’]t)\s+(?:attend"
    r"|participate|take\s+part|come|be\s+present)|(?<=\w)['’]s?\s+absence)\b",
    re.IGNORECASE,
)
_ABSENT_BEFORE = re.compile(
    r"\b(?:in\s+(?:the\s+)?absence\s+of|without\s+the\s+participation\s+of)\s+", re.IGNORECASE
)


def absent_persons(text: str, resolver: NameResolver) -> set[str]:
    """Slugs of persons the text says were absent ("X was not present",
    "in the absence of X", "X did not attend"), to keep out of participants."""
    scan = TokenizedText(text, resolver.authority)
    groups: list[list[int]] = []
    for match in _ABSENT_AFTER.finditer(text):
        groups.extend(_names_near(scan, bisect.bisect_left(scan.starts, match.start()) - 1, -1))
    for match in _ABSENT_BEFORE.finditer(text):
        groups.extend(_names_near(scan, bisect.bisect_left(scan.starts, match.end()), 1))
    slugs = set()
    for group in groups:
        res = resolver.person(scan.span(min(group), max(group)))
        if res.status != "ambiguous":
            slugs.add(res.slug)
    return slugs


def _names_near(scan: TokenizedText, i: int, step: int) -> list[list[int]]:
    """Name groups walking from token ``i`` in direction ``step`` ("X, Y and Z")."""
    groups: list[list[int]] = [[]]
    while 0 <= i < len(scan.tokens):
        token = scan.tokens[i]
        if token.base_key in {"and", "nor", "or"}:
            groups.append([])
        elif (token.cap or token.text in PARTICLES) and token.base_key not in COMMON_CAPS:
            groups[-1].append(i)
        else:
            break
        neighbour = i + step
        if not 0 <= neighbour < len(scan.tokens):
            break
        left, right = sorted((i, neighbour))
        gap = scan.text[scan.tokens[left].end : scan.tokens[right].start]
        if "," in gap.strip(" ") and gap.strip(" ,") == "":
            groups.append([])
        elif not scan.joined(left):
            break
        i = neighbour
    return [
        g
        for g in groups
        if any(
            scan.tokens[k].cap
            and not scan.tokens[k].title
            and scan.tokens[k].base_key not in COMMON_CAPS
            for k in g
        )
    ]
