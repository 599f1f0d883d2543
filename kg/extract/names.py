"""Person, organization and place names as records write them -> authority slugs.

Records name the same person many ways ("A. I. ALEKSEYEV", "Alekseyev, A. I.",
"Ambassador Alekseev", "Castro's"); :func:`clean_person_name` reduces a name
to given name, family name and initials, and :class:`NameResolver` looks the
result up in an :class:`~kg.authority.Authority` using what the document
already said (persons resolved earlier, its date and country).  The resolver
never guesses: several equally plausible persons give status ``ambiguous``,
an unknown name gives status ``new`` with a slug minted from the name.

Taking a name apart needs no authority and lives in :mod:`kg.extract.personname`,
the word lists in :mod:`kg.extract._namewords`; both are re-exported here, where
callers have always found them.

>>> clean_person_name("Darusenkov, O. T.").display
'O. T. Darusenkov'
>>> clean_person_name("Minister of Foreign Affairs Raul Roa").family
'Roa'
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from kg.authority import PARTICLES, Authority, Entity, label_key, variant_key
from kg.extract._namewords import (
    COMMON_CAPS,
    DOTTED_TITLES,
    FUNCTION_WORDS,
    INSTITUTION_WORDS,
    MONTHS_AND_DAYS,
    TITLE_WORDS,
)
from kg.extract.personname import (
    POSSESSIVE,
    PersonName,
    clean_person_name,
    given_compatible,
    is_initial,
    is_leading_office,
    is_title,
    name_bounds,
    word_key,
)
from kg.ids import slugify

__all__ = [
    "COMMON_CAPS",
    "DOTTED_TITLES",
    "FUNCTION_WORDS",
    "INSTITUTION_WORDS",
    "MONTHS_AND_DAYS",
    "TITLE_WORDS",
    "NameResolver",
    "PersonName",
    "Resolution",
    "Status",
    "clean_person_name",
    "given_compatible",
    "is_initial",
    "is_leading_office",
    "is_title",
    "name_bounds",
    "word_key",
]

Status = Literal["resolved", "new", "ambiguous"]


def _known_given(person: Entity) -> list[str]:
    if person.given_name:
        return person.given_name.split()
    words = person.label.split()
    family = set(label_key(person.family_name or "").split())
    while words and label_key(words[-1]) in family:
        words.pop()
    return words if len(words) < len(person.label.split()) else []


def _content_words(text: str) -> set[str]:
    return {
        w[:-1] if len(w) > 3 and w.endswith("s") else w
        for w in label_key(text).split()
        if w not in FUNCTION_WORDS
    }


@dataclass(frozen=True)
class Resolution:
    """What a name resolved to; ``slug`` is minted when ``entity`` is ``None``."""

    status: Status
    entity: Entity | None
    slug: str
    display: str
    candidates: tuple[Entity, ...] = ()


@dataclass(eq=False)
class _NewPerson:
    slug: str
    display: str


class NameResolver:
    """Resolves the names of one document; create one per document.

    It remembers the persons already resolved in the document (resolve the
    author and interlocutors first), so a later bare surname refers to them,
    and keys persons missing from the authority by family name + initials so
    that spellings of one new person share a slug.
    """

    def __init__(
        self, authority: Authority, *, date: dt.date | None = None, country: str | None = None
    ) -> None:
        self.authority, self.date, self.country = authority, date, country
        self._seen: dict[str, Entity] = {}
        # variant family key -> (given words of that reading, person, primary reading?)
        self._new: dict[str, list[tuple[tuple[str, ...], _NewPerson, bool]]] = {}

    def seen_persons(self) -> tuple[Entity, ...]:
        """Authority persons resolved so far in this document, in order."""
        return tuple(self._seen.values())

    def new_persons(self) -> dict[str, str]:
        """Minted slug → the fullest spelling seen of each person not in the authority."""
        return {p.slug: p.display for entries in self._new.values() for _, p, _ in entries}

    def person(self, name: str, *, role: str | None = None) -> Resolution:
        """Resolve a personal name (titles, inversions and variants allowed)."""
        parsed = clean_person_name(name)
        if not parsed.family:  # nothing but a title: who it is needs the reader
            return Resolution("ambiguous", None, slugify(name), name.strip())
        role = role or parsed.title or None
        for text in dict.fromkeys((POSSESSIVE.sub("", name.strip()), parsed.display)):
            hits = self.authority.by_label(text, "person")
            if hits:
                return self._choose_person(hits, parsed, role)
        for given, family in _splits(parsed):
            persons = self.authority.by_family_name(family)
            if persons and not given:
                if self._new.get(variant_key(family)):  # "Robert F. Kennedy" was named too
                    return self._ambiguous(persons, parsed.display)
                return self._choose_person(persons, parsed, role)
            fitting = [
                p
                for p in persons
                if given_compatible(given, _known_given(p))
                or any(word_key(g) == word_key(h) for g in given[:1] for h in p.hidden_labels)
            ]
            if fitting:
                return self._choose_person(tuple(fitting), parsed, role)
        if not parsed.given:
            hidden = self.authority.by_hidden_label(parsed.family, "person")
            if hidden:
                return self.choose(hidden, surface=parsed.display, hidden=True)
        return self._new_person(parsed)

    def organization(self, text: str) -> Resolution:
        """Resolve an organization by its labels ("the OAS", "OAS's")."""
        return self._named("organization", text)

    def place(self, text: str) -> Resolution:
        """Resolve a place by its labels; demonyms are left to mention finding."""
        return self._named("place", text)

    def choose(
        self,
        candidates: Sequence[Entity],
        *,
        surface: str,
        role: str | None = None,
        hidden: bool = False,
    ) -> Resolution:
        """Pick among entities found for ``surface`` by context, or report ambiguity.

        ``hidden`` marks candidates found through a hidden label: those
        resolve only when unique.
        """
        if hidden and len(candidates) != 1:
            return self._ambiguous(candidates, surface)
        if candidates and candidates[0].kind == "person":
            return self._choose_person(tuple(candidates), clean_person_name(surface), role)
        local = [c for c in candidates if self.country in (c.slug, c.country, c.contained_in)]
        if len(candidates) == 1 or (self.country and len(local) == 1):
            chosen = candidates[0] if len(candidates) == 1 else local[0]
            return Resolution("resolved", chosen, chosen.slug, surface)
        return self._ambiguous(candidates, surface)

    def _named(self, kind: str, text: str) -> Resolution:
        surface = re.sub(r"^(?:the)\s+", "", POSSESSIVE.sub("", text.strip()), flags=re.I)
        hits = self.authority.by_label(surface, kind)
        if not hits:
            return Resolution("new", None, slugify(surface), surface)
        return self.choose(hits, surface=surface)

    def _ambiguous(self, candidates: Sequence[Entity], surface: str) -> Resolution:
        return Resolution("ambiguous", None, slugify(surface), surface, tuple(candidates))

    def _choose_person(
        self, candidates: tuple[Entity, ...], parsed: PersonName, role: str | None
    ) -> Resolution:
        chosen: Entity | None = candidates[0] if len(candidates) == 1 else None
        if chosen is None:
            seen = [c for c in candidates if c.slug in self._seen]
            chosen = seen[0] if len(seen) == 1 else self._by_context(candidates, role)
        if chosen is None:
            return Resolution("ambiguous", None, _mint(parsed), parsed.display, candidates)
        self._seen.setdefault(chosen.slug, chosen)
        return Resolution("resolved", chosen, chosen.slug, parsed.display)

    def _by_context(self, candidates: Sequence[Entity], role: str | None) -> Entity | None:
        """The one candidate best supported by role, date and country, if unique.

        The last tie-breaker is who led a state, government or ruling party at
        the document's date: a bare "Kennedy" in a 1963 record is the
        President, not the Attorney General; a bare "Castro" in 1961 the Prime
        Minister.  Without a date, or with no single leader, it stays ambiguous.
        """
        role_words = _content_words(role) if role else set()
        scores = []
        for person in candidates:
            dated = [p for p in person.positions if self.date is None or p.covers(self.date)]
            country_words = set((person.country or "").split("-"))
            role_dated = max((len(role_words & _content_words(p.label)) for p in dated), default=0)
            role_any = max(
                (len(role_words & _content_words(p.label)) for p in person.positions), default=0
            ) + len(role_words & country_words)
            date_ok = self.date is not None and any(
                (p.earliest or p.latest) and p.covers(self.date) for p in person.positions
            )
            country_ok = self.country is not None and person.country == self.country
            leads = self.date is not None and any(
                p.covers(self.date) and is_leading_office(p.label) for p in person.positions
            )
            scores.append((role_dated, role_any, int(date_ok), int(country_ok), int(leads)))
        best = max(scores, default=(0, 0, 0, 0, 0))
        if best == (0, 0, 0, 0, 0) or scores.count(best) != 1:
            return None
        return candidates[scores.index(best)]

    def _new_person(self, parsed: PersonName) -> Resolution:
        """Key a person missing from the authority by every reading of the name.

        Truncated given names ("A." vs "A. I.") only match between plain
        readings; across readings (Spanish double surnames, family name
        first) the given names must have the same length or one be absent.
        """
        readings = _splits(parsed)
        fitting: list[_NewPerson] = []
        for index, (given, family) in enumerate(readings):
            for known, person, primary in self._new.get(variant_key(family), ()):
                if any(p is person for p in fitting) or not given_compatible(given, known):
                    continue
                if (index == 0 and primary) or not given or not known or len(given) == len(known):
                    fitting.append(person)
        if len(fitting) > 1:
            return Resolution("ambiguous", None, _mint(parsed), parsed.display)
        person = fitting[0] if fitting else _NewPerson(_mint(parsed), parsed.display)
        if len(parsed.display) > len(person.display):
            person.display = parsed.display
        for index, (given, family) in enumerate(readings):
            entries = self._new.setdefault(variant_key(family), [])
            if given:  # a surname alone no longer stands for this person
                entries[:] = [e for e in entries if e[0] or e[1] is not person]
            if not any(p is person and g == given for g, p, _ in entries):
                entries.append((given, person, index == 0))
        return Resolution("new", None, person.slug, parsed.display)


def _mint(parsed: PersonName) -> str:
    """``{family}-{given-or-initials}``, e.g. ``kudryavtsev-s-m``."""
    return slugify(f"{parsed.family} {parsed.given}")


def _splits(parsed: PersonName) -> list[tuple[tuple[str, ...], str]]:
    """(given words, family name) readings of a name, the plainest first.

    "Raúl Roa García" may be given "Raúl" + family "Roa García" (Spanish
    double surname), so later splits move given words into the family name.
    """
    given = parsed.given_words
    family_words = parsed.family.split()
    splits = [(given, parsed.family)]
    with_particles = given
    while len(family_words) > 1 and family_words[0].lower() in PARTICLES:
        with_particles = (*with_particles, family_words[0])  # "van Dong" -> "van" + "Dong"
        family_words = family_words[1:]
        splits.append((with_particles, " ".join(family_words)))
    if len(family_words) > 1:
        splits.append((given, family_words[0]))
    if given and not any(is_initial(w) for w in given):
        for i in range(1, len(given)):
            rest = [*given[i:], *family_words]
            splits.extend([(given[:i], " ".join(rest)), (given[:i], rest[0])])
        # Family name first, as in Chinese, Korean and Vietnamese names: "Zhou Enlai".
        splits.append(((*given[1:], *family_words), given[0]))
    return list(dict.fromkeys(splits))
