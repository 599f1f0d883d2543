"""A FRUS volume's persons list: who each ``#p_…`` id is and which office they held when.

FRUS editors point names at the volume's persons list ("#p_TLEJ1" -> "Thompson,
Llewellyn E., Jr.", "Ambassador to the Soviet Union until July 1962; …").  The ids
are local to a volume, so :mod:`kg.extract.frus_document` resolves each person
through this list: the full name in reading order (:func:`natural_name`), and the
office held at the document's date (:func:`offices`) as the role.  The list also
answers "The Secretary" of a participants list (:meth:`VolumePersons.holder`) and
initials such as "LET" (:attr:`VolumePersons.by_initials`).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cached_property

from kg.extract.frus_fields import date_or_none
from kg.extract.personname import clean_person_name, given_compatible
from kg.ids import fold
from kg.sources.frus import Entry, FrusVolume

__all__ = ["Office", "VolumePersons", "natural_name", "offices"]

_BOUND = re.compile(
    r",?\s*\b(?P<word>from|since|after|until|to|before)\s+"
    r"(?P<date>(?:[A-Z][a-z]+\.?\s+)?(?:\d{1,2},?\s+)?\d{4})\b"
)
_THEREAFTER = re.compile(r"^(?:thereafter|then|later|also|and)\b,?\s*|,?\s*\bthereafter$", re.I)
_SUFFIX = re.compile(r",?\s*\b(Jr|Sr|II|III|IV)\b\.?$")
_PARENS = re.compile(r"\s*\([^)]*\)")


def natural_name(name: str) -> str:
    """A persons-list name ("Surname, Forenames, Jr.") in reading order.

    >>> natural_name("Thompson, Llewellyn E., Jr.")
    'Llewellyn E. Thompson Jr.'
    >>> natural_name("Zhukov, Georgi (Yuri) A."), natural_name("Chiang Kai-shek")
    ('Georgi A. Zhukov', 'Chiang Kai-shek')
    """
    text = _PARENS.sub("", name).strip()
    suffix = _SUFFIX.search(text)
    if suffix:
        text = text[: suffix.start()]
    family, comma, given = text.partition(",")
    text = f"{given.strip()} {family.strip()}" if comma and given.strip() else text
    return text + (
        f" {suffix.group(1)}" + ("." if suffix.group(1)[1:].islower() else "") if suffix else ""
    )


@dataclass(frozen=True)
class Office:
    """One office of a persons-list description, with its dates when the list gives them."""

    label: str
    earliest: dt.date | None = None
    latest: dt.date | None = None

    def covers(self, day: dt.date | None) -> bool:
        if day is None:
            return True
        return (self.earliest is None or self.earliest <= day) and (
            self.latest is None or day <= self.latest
        )


def offices(description: str) -> list[Office]:
    """The offices of a description such as "X until July 1962; thereafter Y".

    >>> [(o.label, o.earliest, o.latest) for o in offices(
    ...     "Under Secretary of State until December 1961; thereafter Ambassador at Large")]
    [('Under Secretary of State', None, datetime.date(1961, 12, 31)), \
('Ambassador at Large', datetime.date(1961, 12, 31), None)]
    """
    found: list[Office] = []
    previous: dt.date | None = None
    for clause in (c.strip() for c in description.split(";")):
        earliest: dt.date | None = None
        latest: dt.date | None = None
        for bound in _BOUND.finditer(clause):
            span = date_or_none(bound.group("date"))
            if span is not None and bound.group("word") in ("from", "since", "after"):
                earliest = span.earliest
            elif span is not None:
                latest = span.latest
        label = _THEREAFTER.sub("", _BOUND.sub("", clause)).strip(" ,.")
        if re.search(r"\bthereafter\b", clause, re.I) and earliest is None:
            earliest = previous
        if label:
            found.append(Office(label, earliest, latest))
        previous = latest
    return found


class VolumePersons:
    """A volume's persons list, searchable by id, family name and office."""

    def __init__(self, volume: FrusVolume) -> None:
        self.entries = volume.persons
        self.terms = volume.terms
        self.offices = {i: offices(e.description) for i, e in self.entries.items()}
        self.family: dict[str, list[Entry]] = {}
        for entry in self.entries.values():
            head, comma, _ = entry.name.partition(",")
            words = head.split()
            keys = {head} if comma else ({words[0], words[-1]} if words else set())
            for key in keys:
                self.family.setdefault(fold(key), []).append(entry)

    @cached_property
    def by_initials(self) -> dict[str, Entry]:
        """Entries by their initials ("LET" for Llewellyn E. Thompson), where unique."""
        found: dict[str, list[Entry]] = {}
        for entry in self.entries.values():
            words = natural_name(entry.name).replace(".", ". ").split()
            initials = "".join(w[0] for w in words if w[0].isupper() and not _SUFFIX.match(w))
            found.setdefault(initials, []).append(entry)
        return {k: v[0] for k, v in found.items() if len(v) == 1}

    def named(self, text: str) -> Entry | None:
        """The one listed person a name as written can be ("Levchenko", "Ambassador Thompson")."""
        parsed = clean_person_name(text)
        given = parsed.given_words
        fitting = [
            e
            for e in self.family.get(fold(parsed.family), ())
            if given_compatible(given, clean_person_name(natural_name(e.name)).given_words)
        ]
        return fitting[0] if len(fitting) == 1 else None

    def office_at(self, entry: Entry, day: dt.date | None) -> str | None:
        held = [o for o in self.offices.get(entry.id, ()) if o.covers(day)]
        return held[0].label if held else entry.description or None

    def holder(self, office: str, day: dt.date | None) -> tuple[Entry, str] | None:
        """Who held an office ("Secretary" = "Secretary of State") on ``day``, if one person."""
        wanted = {fold(f"{office}{tail}") for tail in ("", " of State", " of the United States")}
        found = {
            entry.id: (entry, o.label)
            for entry in self.entries.values()
            for o in self.offices[entry.id]
            if fold(re.split(r",| and ", o.label)[0]) in wanted and o.covers(day)
        }
        return next(iter(found.values())) if len(found) == 1 else None
