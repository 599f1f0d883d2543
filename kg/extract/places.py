"""The place of a conversation when the record only implies it.

An ambassador who writes that he met someone "at my apartment" or "at the
embassy" was in the capital of the country of his posting at the time: the
authority data gives his positions ("Soviet Ambassador to Cuba") and the
country's capital.  Such a place is marked as derived (``dip:placeDerived``).
"""

from __future__ import annotations

import datetime as dt
import re

from kg.authority import Authority, Entity
from kg.extract.names import NameResolver

_AT_POST = re.compile(
    r"\b(?:at|in|to)\s+(?:my|our|the)\s+(?:(?:Soviet|Chinese|American|US|U\.S\.|[A-Z][a-z]+)\s+)?"
    r"(?:apartment|residence|embassy|legation|mission)\b",
    re.IGNORECASE,
)
_POSTING = re.compile(
    r"\b(?:ambassador|envoy|charg[ée] d.affaires|minister)\b.*?\b(?:to|in)\s+(.+)$", re.IGNORECASE
)


def says_at_post(body: str) -> bool:
    """True when the record places the meeting at the writer's residence or embassy.

    >>> says_at_post("I met with Fidel Castro this evening at my apartment and talked")
    True
    >>> says_at_post("We met at the Palace of the Revolution.")
    False
    """
    return _AT_POST.search(body) is not None


def posting_country(person: Entity, date: dt.date | None, resolver: NameResolver) -> Entity | None:
    """The country of the diplomatic post ``person`` held at ``date`` (any post if no date)."""
    for position in person.positions:
        if date is not None and (
            (position.earliest and date < position.earliest)
            or (position.latest and date > position.latest)
        ):
            continue
        match = _POSTING.search(position.label)
        if not match:
            continue
        resolution = resolver.place(match.group(1).strip(" .,"))
        if resolution.status == "resolved" and resolution.entity is not None:
            return resolution.entity
    return None


def capital_of(country: Entity, authority: Authority) -> Entity | None:
    """The seat of government the authority gives the country (``dip:capital``)."""
    return authority.get("place", country.capital) if country.capital else None


def posting_city(
    body: str, person: Entity | None, authority: Authority, resolver: NameResolver
) -> Entity | None:
    """The capital of the author's posting, when the body says they met at his post."""
    if person is None or not says_at_post(body):
        return None
    country = posting_country(person, resolver.date, resolver)
    return capital_of(country, authority) if country is not None else None
