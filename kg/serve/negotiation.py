"""HTTP content negotiation: which of the media types we can produce a client wants most.

Both the SPARQL endpoint and the resource IRIs answer in several formats; the
choice follows the client's ``Accept`` header with its quality values
(RFC 9110 §12.5.1), including wildcards (``text/*``, ``*/*``).  When the
client accepts none of the offers the caller answers 406, so an unsupported
format is never silently replaced by another.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class MediaRange:
    """One element of an ``Accept`` header."""

    type: str
    subtype: str
    quality: float

    def matches(self, media_type: str) -> int:
        """How closely this range matches ``media_type``: 3 exact, 2 ``type/*``, 1 ``*/*``, 0 not.

        >>> MediaRange("text", "*", 1.0).matches("text/turtle")
        2
        """
        kind, _, sub = media_type.partition("/")
        if self.type == "*":
            return 1
        if self.type != kind:
            return 0
        if self.subtype == "*":
            return 2
        return 3 if self.subtype == sub else 0


def parse_accept(header: str | None) -> list[MediaRange]:
    """The media ranges of an ``Accept`` header; an absent or empty header accepts anything.

    Parameters other than ``q`` are ignored; a malformed ``q`` counts as 1.

    >>> [(r.type, r.subtype, r.quality) for r in parse_accept("text/html;q=0.5, text/turtle")]
    [('text', 'html', 0.5), ('text', 'turtle', 1.0)]
    >>> parse_accept(None)
    [MediaRange(type='*', subtype='*', quality=1.0)]
    """
    ranges: list[MediaRange] = []
    for part in (header or "").split(","):
        fields = [f.strip() for f in part.split(";")]
        if not fields[0]:
            continue
        kind, _, sub = fields[0].lower().partition("/")
        quality = 1.0
        for param in fields[1:]:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    quality = max(0.0, min(1.0, float(value)))
                except ValueError:
                    quality = 1.0
        ranges.append(MediaRange(kind, sub or "*", quality))
    return ranges or [MediaRange("*", "*", 1.0)]


def choose(header: str | None, offers: Sequence[str]) -> str | None:
    """The offer the client prefers, or None when it accepts none of them (answer 406).

    An offer's quality is that of the most specific range matching it; ties
    go to the earlier offer, so ``offers`` lists the server's preference.

    >>> choose("application/json", ["text/html", "application/json"])
    'application/json'
    >>> choose("text/html,application/xml;q=0.9,*/*;q=0.8", ["application/rdf+xml", "text/html"])
    'text/html'
    >>> choose("*/*", ["text/turtle", "text/html"])
    'text/turtle'
    >>> choose("application/x-unknown", ["text/turtle"]) is None
    True
    >>> choose("text/*;q=0.3, text/turtle;q=0", ["text/turtle", "text/html"])
    'text/html'
    """
    ranges = parse_accept(header)
    best: tuple[float, int] = (0.0, 0)
    chosen: str | None = None
    for index, offer in enumerate(offers):
        specificity, quality = 0, 0.0
        for media_range in ranges:
            level = media_range.matches(offer)
            if level > specificity:
                specificity, quality = level, media_range.quality
        if specificity and quality > 0 and (quality, -index) > (best[0], best[1]):
            best = (quality, -index)
            chosen = offer
    return chosen
