"""The authority files (persons, organizations, places) as fast in-memory indexes.

Name resolution asks the same few questions thousands of times per ingest
("which persons are labelled X?", "who has the family name Y?"), so the
authority graph is read once into frozen :class:`Entity` values and the
answers are precomputed as dictionaries keyed by :func:`label_key`.  Only
subjects under ``{base}person/``, ``{base}organization/`` and ``{base}place/``
become entities; positions are read through ``dip:heldPosition``.

>>> fidel = Entity("person", "castro-ruz-fidel", "Fidel Castro", family_name="Castro")
>>> authority = Authority([fidel])
>>> [e.slug for e in authority.by_family_name("CASTRO")]
['castro-ruz-fidel']
>>> len(authority)
1
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Literal, TypeVar, cast

from rdflib import RDFS, SKOS, Graph, URIRef
from rdflib import Literal as RdfLiteral
from rdflib.namespace import FOAF
from rdflib.term import Node

from kg.errors import SourceError
from kg.ids import fold
from kg.namespaces import DIP, SCHEMA

EntityKind = Literal["person", "organization", "place"]
KINDS: tuple[EntityKind, ...] = ("person", "organization", "place")

_T = TypeVar("_T")
_NON_ALNUM = re.compile(r"[^0-9a-z]+")


def word_set(text: str) -> frozenset[str]:
    """A vocabulary written as one space-separated string (keeps word lists compact).

    >>> sorted(word_set("of the"))
    ['of', 'the']
    """
    return frozenset(text.split())


#: Lower-case words that belong to a family name ("de Gaulle", "van der Stoel").
#: Abbreviations and prefixes that open a family name but are no surname alone
#: ("St. Laurent" is not found as "St", "Mac Bride" not as "Mac").
NAME_PREFIXES = word_set("st ste saint sainte san santa mac mc o fitz")
PARTICLES = word_set("de del della di da das do dos du la le van von der den ter ten bin ibn al el")
_VARIANT_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), replacement)
    for pattern, replacement in (
        (r"x", "ks"),  # Alexander / Aleksandr
        (r"kh", "h"),  # Khrushchev / Hrushchev
        (r"tz", "ts"),  # Kudryavtzev / Kudryavtsev
        (r"j(?=[aeiou])", "y"),  # Mikojan / Mikoyan
        (r"(?:iy|ii|yi|ij|y)$", "i"),  # Dmitriy / Dmitrii / Dmitry
        (r"y[eo]", "e"),  # Alekseyev / Alekseev, Fyodor / Fedor
        (r"y(?=[au])", "i"),  # Ilya / Ilia, Yuri / Iuri
        (r"(.)\1", r"\1"),  # Kossygin / Kosygin
    )
)


@lru_cache(maxsize=1 << 16)
def label_key(text: str) -> str:
    """Fold a label to the key all indexes share: no case, accents or punctuation.

    >>> label_key("A.I. Alekseyev") == label_key("A. I. ALEKSEYEV")
    True
    >>> label_key("Gomułka,  Władysław")
    'gomulka wladyslaw'
    """
    return " ".join(_NON_ALNUM.split(fold(text))).strip()


@lru_cache(maxsize=1 << 16)
def variant_key(text: str) -> str:
    """A coarser key that also merges common transliteration variants.

    Used only as a fallback after an exact :func:`label_key` lookup failed.

    >>> variant_key("Alekseyev") == variant_key("Alekseev")
    True
    >>> variant_key("Dmitriy") == variant_key("Dmitrii") == variant_key("Dmitry")
    True
    """
    words = []
    for word in label_key(text).split():
        variant = word
        for pattern, replacement in _VARIANT_RULES:
            variant = pattern.sub(replacement, variant)
        words.append(variant)
    return " ".join(words)


@dataclass(frozen=True)
class Position:
    """An office a person held, with optional inclusive bounds."""

    label: str
    earliest: dt.date | None = None
    latest: dt.date | None = None

    def covers(self, day: dt.date) -> bool:
        """Whether ``day`` falls within the bounds (an open bound covers all).

        >>> Position("Premier", dt.date(1959, 2, 16), None).covers(dt.date(1961, 5, 19))
        True
        """
        if self.earliest is not None and day < self.earliest:
            return False
        return not (self.latest is not None and day > self.latest)


@dataclass(frozen=True)
class Entity:
    """One authority record; ``country`` and ``contained_in`` are place slugs."""

    kind: EntityKind
    slug: str
    label: str
    alt_labels: tuple[str, ...] = ()
    hidden_labels: tuple[str, ...] = ()
    family_name: str | None = None
    given_name: str | None = None
    country: str | None = None
    contained_in: str | None = None
    place_type: str | None = None
    positions: tuple[Position, ...] = field(default=())
    capital: str | None = None

    @property
    def labels(self) -> tuple[str, ...]:
        """The preferred label followed by the alternative labels."""
        return (self.label, *self.alt_labels)


def family_keys(entity: Entity) -> set[str]:
    """The keys under which a person is found by surname alone.

    A multi-word family name is also found by its first word (Spanish
    paternal surname: "Castro Ruz" → "castro") and without leading particles
    ("de Gaulle" → "gaulle"); a mononym ("Sukarno") by its only label.

    >>> sorted(family_keys(Entity("person", "x", "Fidel Castro", family_name="Castro Ruz")))
    ['castro', 'castro ruz']
    """
    name = entity.family_name
    if not name and len(entity.label.split()) == 1:
        name = entity.label
    if not name:
        return set()
    key = label_key(name)
    words = key.split()
    keys = {key}
    while len(words) > 1 and words[0] in PARTICLES:
        words = words[1:]
        keys.add(" ".join(words))
    if len(words) > 1 and words[0] not in NAME_PREFIXES:
        keys.add(words[0])
    return {k for k in keys if k}


class Authority:
    """Persons, organizations and places with O(1) lookups by name keys.

    Build it once per ingest: the indexes are computed in the constructor and
    derived structures (such as the mention matcher of ``kg.extract.mentions``)
    are cached with :meth:`memo`.
    """

    def __init__(self, entities: Iterable[Entity]) -> None:
        self._entities: dict[tuple[str, str], Entity] = {}
        labels: defaultdict[str, list[Entity]] = defaultdict(list)
        hidden: defaultdict[str, list[Entity]] = defaultdict(list)
        family: defaultdict[str, list[Entity]] = defaultdict(list)
        family_variant: defaultdict[str, list[Entity]] = defaultdict(list)
        for entity in entities:
            self._entities[(entity.kind, entity.slug)] = entity
        for entity in self._entities.values():
            for text in entity.labels:
                _add(labels, label_key(text), entity)
            for text in entity.hidden_labels:
                _add(hidden, label_key(text), entity)
            if entity.kind == "person":
                for key in family_keys(entity):
                    _add(family, key, entity)
                    _add(family_variant, variant_key(key), entity)
        self._labels = _freeze(labels)
        self._hidden = _freeze(hidden)
        self._family = _freeze(family)
        self._family_variant = _freeze(family_variant)
        self._memo: dict[str, object] = {}
        self._family_cache: dict[str, tuple[Entity, ...]] = {}

    @classmethod
    def from_graph(cls, graph: Graph, base: str) -> Authority:
        """Read entities from an RDF graph whose instance IRIs live under ``base``.

        Subjects outside ``{base}person/``, ``{base}organization/`` and
        ``{base}place/`` (positions, topics, concepts) are ignored.
        """
        entities = []
        for subject in set(graph.subjects()):
            if not isinstance(subject, URIRef):
                continue
            kind, slug = _kind_and_slug(str(subject), base)
            if kind is None:
                continue
            entity = _read_entity(graph, subject, kind, slug, base)
            if entity is not None:
                entities.append(entity)
        entities.sort(key=lambda e: (e.kind, e.slug))
        return cls(entities)

    @classmethod
    def load(cls, paths: Iterable[Path], base: str) -> Authority:
        """Parse Turtle files (relative IRIs resolved against ``base``).

        Raises :class:`~kg.errors.SourceError` for a missing or malformed file.
        """
        graph = Graph()
        for path in paths:
            try:
                graph.parse(path, format="turtle", publicID=base)
            except (OSError, SyntaxError, ValueError) as exc:
                raise SourceError(
                    f"cannot read authority file {path}: {exc}",
                    hint="Check that the file exists and is valid Turtle.",
                ) from exc
        return cls.from_graph(graph, base)

    def __len__(self) -> int:
        return len(self._entities)

    def __iter__(self) -> Iterator[Entity]:
        return iter(self._entities.values())

    def get(self, kind: str, slug: str) -> Entity | None:
        """The entity of that kind and slug, or ``None``."""
        return self._entities.get((kind, slug))

    def persons(self) -> list[Entity]:
        return [e for e in self._entities.values() if e.kind == "person"]

    def organizations(self) -> list[Entity]:
        return [e for e in self._entities.values() if e.kind == "organization"]

    def places(self) -> list[Entity]:
        return [e for e in self._entities.values() if e.kind == "place"]

    def by_label(self, text: str, kind: str | None = None) -> tuple[Entity, ...]:
        """Entities whose prefLabel, rdfs:label or altLabel folds to ``text``'s key."""
        return _of_kind(self._labels.get(label_key(text), ()), kind)

    def by_hidden_label(self, text: str, kind: str | None = None) -> tuple[Entity, ...]:
        """Entities with a hidden label (given-name form, demonym) equal to ``text``."""
        return _of_kind(self._hidden.get(label_key(text), ()), kind)

    def by_family_name(self, name: str) -> tuple[Entity, ...]:
        """Persons with that family name; transliteration variants as a fallback."""
        found = self._family_cache.get(name)
        if found is None:
            key = label_key(name)
            found = self._family.get(key) or self._family_variant.get(variant_key(key), ())
            if len(self._family_cache) > 100_000:
                self._family_cache.clear()
            self._family_cache[name] = found
        return found

    def has_family_name(self, key: str) -> bool:
        """Whether an exact :func:`label_key` is some person's family name key."""
        return key in self._family

    def memo(self, key: str, factory: Callable[[], _T]) -> _T:
        """Cache a structure derived from this authority (built on first use)."""
        if key not in self._memo:
            self._memo[key] = factory()
        return cast(_T, self._memo[key])


def _add(index: defaultdict[str, list[Entity]], key: str, entity: Entity) -> None:
    if key and entity not in index[key]:
        index[key].append(entity)


def _freeze(index: defaultdict[str, list[Entity]]) -> dict[str, tuple[Entity, ...]]:
    return {key: tuple(values) for key, values in index.items()}


def _of_kind(entities: tuple[Entity, ...], kind: str | None) -> tuple[Entity, ...]:
    return entities if kind is None else tuple(e for e in entities if e.kind == kind)


def _kind_and_slug(iri: str, base: str) -> tuple[EntityKind | None, str]:
    for kind in KINDS:
        prefix = f"{base}{kind}/"
        if iri.startswith(prefix):
            slug = iri[len(prefix) :]
            if slug and "/" not in slug and "#" not in slug:
                return kind, slug
    return None, ""


def _slugs(graph: Graph, subject: Node, predicate: URIRef, base: str) -> list[str]:
    """Slugs of the entity objects of ``predicate``, sorted for determinism."""
    slugs = []
    for node in graph.objects(subject, predicate):
        kind, slug = _kind_and_slug(str(node), base) if isinstance(node, URIRef) else (None, "")
        if kind is not None:
            slugs.append(slug)
    return sorted(slugs)


def _texts(graph: Graph, subject: Node, *predicates: URIRef) -> list[RdfLiteral]:
    values: list[RdfLiteral] = []
    for predicate in predicates:
        values.extend(o for o in graph.objects(subject, predicate) if isinstance(o, RdfLiteral))
    return values


def _preferred(literals: list[RdfLiteral]) -> str | None:
    """English first, then untagged, then any language; ties broken by text."""

    def rank(lit: RdfLiteral) -> tuple[int, str]:
        lang = (lit.language or "").lower()
        return (0 if lang.startswith("en") else 1 if not lang else 2, str(lit))

    return str(min(literals, key=rank)) if literals else None


def _read_entity(
    graph: Graph, subject: URIRef, kind: EntityKind, slug: str, base: str
) -> Entity | None:
    pref = _texts(graph, subject, SKOS.prefLabel)
    rdfs = _texts(graph, subject, RDFS.label)
    label = _preferred(pref) or _preferred(rdfs)
    if label is None:
        return None
    alt = {str(v) for v in (*pref, *rdfs, *_texts(graph, subject, SKOS.altLabel))}
    alt.discard(label)
    hidden = sorted({str(v) for v in _texts(graph, subject, SKOS.hiddenLabel)})
    place_type = graph.value(subject, SCHEMA.additionalType)
    if isinstance(place_type, URIRef):
        place_type_text: str | None = re.split(r"[/#]", str(place_type))[-1]
    else:
        place_type_text = str(place_type) if place_type is not None else None
    positions = [_read_position(graph, node) for node in graph.objects(subject, DIP.heldPosition)]
    countries = _slugs(graph, subject, DIP.country, base)
    # Several containing places (region, present-day state): prefer the dip:country one.
    containers = _slugs(graph, subject, SCHEMA.containedInPlace, base)
    contained_in = next((c for c in containers if c in countries), None)
    capitals = _slugs(graph, subject, DIP.capital, base)
    return Entity(
        kind=kind,
        slug=slug,
        label=label,
        alt_labels=tuple(sorted(alt)),
        hidden_labels=tuple(hidden),
        family_name=_preferred(_texts(graph, subject, FOAF.familyName, SCHEMA.familyName)),
        given_name=_preferred(_texts(graph, subject, FOAF.givenName, SCHEMA.givenName)),
        country=countries[0] if countries else None,
        contained_in=contained_in or (containers[0] if containers else None),
        place_type=place_type_text,
        positions=tuple(sorted((p for p in positions if p is not None), key=_position_order)),
        capital=capitals[0] if capitals else None,
    )


def _position_order(position: Position) -> tuple[dt.date, str]:
    return (position.earliest or dt.date.min, position.label)


def _read_position(graph: Graph, node: Node) -> Position | None:
    if (node, None, None) not in graph:
        return None
    label = _preferred(_texts(graph, node, RDFS.label, SKOS.prefLabel)) or ""
    return Position(
        label=label,
        earliest=_date(graph.value(node, DIP.earliestDate), latest=False),
        latest=_date(graph.value(node, DIP.latestDate), latest=True),
    )


def _date(node: Node | None, *, latest: bool) -> dt.date | None:
    """An ``xsd:date`` (or a year / year-month written as text) as a bound."""
    if not isinstance(node, RdfLiteral):
        return None
    value = node.toPython()
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    match = re.match(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", str(node))
    if not match:
        return None
    year = int(match.group(1))
    month = int(match.group(2) or (12 if latest else 1))
    if match.group(3):
        return dt.date(year, month, int(match.group(3)))
    if not latest:
        return dt.date(year, month, 1)
    next_month = dt.date(year + month // 12, month % 12 + 1, 1)
    return next_month - dt.timedelta(days=1)
