"""What the Office of the Historian importers share: record dates, wording, countries, persons.

The visits (:mod:`kg.extract.visits_document`) and travels
(:mod:`kg.extract.travels_document`) data sets are flat lists of records with ISO
start and end dates, present-day country ids and written names.  Both read them
the same way: an :class:`HsgContext` per file holds the reference data, the
country table (``russia`` in 1959 is the Soviet Union), the publishing archive
and the file's problems, and links a written name only to a *plausible*
authority person (:func:`plausible`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Protocol, TypeVar

from kg.authority import PARTICLES, Entity, label_key, variant_key
from kg.concepts import DatePrecision
from kg.extract.dates import DateSpan
from kg.extract.document import DocumentBuilder
from kg.extract.names import NameResolver, Resolution
from kg.extract.personname import clean_person_name
from kg.extract.reference import ReferenceData
from kg.ids import short_hash, slugify
from kg.model import AgentRef, PlaceRef
from kg.report import Problem, Severity
from kg.sources import hsg

__all__ = [
    "ARCHIVE",
    "YEARS_APART",
    "HsgContext",
    "Linked",
    "issues_to_problems",
    "plausible",
    "record_span",
    "span_wording",
]

ARCHIVE = "Office of the Historian"
_MONTHS: tuple[str, ...] = ("January", "February", "March", "April", "May", "June", "July")
_MONTHS += ("August", "September", "October", "November", "December")


def record_span(start: dt.date, end: dt.date) -> DateSpan:
    """The span of a record's ISO start and end dates (the source's wording is ISO).

    >>> record_span(dt.date(1959, 9, 15), dt.date(1959, 9, 27)).edtf
    '1959-09-15/1959-09-27'
    >>> record_span(dt.date(1961, 12, 17), dt.date(1961, 12, 17)).precision.value
    'day'
    """
    if start == end:
        return DateSpan(start.isoformat(), start.isoformat(), start, end, DatePrecision.DAY)
    text = f"{start.isoformat()}/{end.isoformat()}"
    return DateSpan(text, text, start, end, DatePrecision.RANGE)


def _day(day: dt.date, *, month: bool = True, year: bool = True) -> str:
    parts = [str(day.day)]
    if month:
        parts.append(_MONTHS[day.month - 1])
    if year:
        parts.append(str(day.year))
    return " ".join(parts)


def span_wording(start: dt.date, end: dt.date) -> str:
    """A span in words for labels, repeating only what changes.

    >>> span_wording(dt.date(1959, 9, 15), dt.date(1959, 9, 27))
    '15–27 September 1959'
    >>> span_wording(dt.date(1961, 5, 31), dt.date(1961, 6, 5))
    '31 May – 5 June 1961'
    >>> span_wording(dt.date(1961, 12, 30), dt.date(1962, 1, 2))
    '30 December 1961 – 2 January 1962'
    >>> span_wording(dt.date(1961, 12, 17), dt.date(1961, 12, 17))
    '17 December 1961'
    """
    if start == end:
        return _day(start)
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{_day(end)}"
    if start.year == end.year:
        return f"{_day(start, year=False)} – {_day(end)}"
    return f"{_day(start)} – {_day(end)}"


#: Offices this many years away from an event make a person implausible for it.
YEARS_APART = 20


def plausible(entity: Entity, written: str, day: dt.date, countries: frozenset[str] | None) -> bool:
    """Whether an authority person fits what the record says, so linking is not a guess.

    The resolver links "President Kim" in Seoul in 1998 to the one Kim it knows,
    Kim Il Sung.  A link is kept only if the written surname is one of the
    person's names, a bare surname ("President Kim") fits the expected country,
    and the person's known offices are not all more than :data:`YEARS_APART`
    years away from the event (Chancellor Gerhard Schröder in 1998 is not the
    West German foreign minister of 1961-1966).

    >>> kim = Entity("person", "kim-il-sung", "Kim Il Sung", family_name="Kim",
    ...              country="north-korea")
    >>> plausible(kim, "Kim", dt.date(1998, 11, 20), frozenset({"south-korea"}))
    False
    >>> plausible(kim, "Kim Il Sung", dt.date(1998, 11, 20), frozenset({"south-korea"}))
    True
    >>> plausible(kim, "Jan Peter Balkenende", dt.date(2002, 1, 1), None)
    False
    """
    parsed = clean_person_name(written)
    family = {variant_key(w) for w in label_key(parsed.family).split() if w not in PARTICLES}
    names = (entity.family_name or "", *entity.labels)
    known = {variant_key(w) for text in names for w in label_key(text).split()}
    if family and not family & known:
        return False
    if not parsed.given and countries and entity.country and entity.country not in countries:
        return False
    dated = [p for p in entity.positions if p.earliest or p.latest]
    ends = [p.latest for p in dated]
    if dated and None not in ends and day.year - max(e for e in ends if e).year > YEARS_APART:
        return False
    starts = [p.earliest for p in dated if p.earliest]
    return not (starts and min(starts).year - day.year > YEARS_APART)


@dataclass(frozen=True)
class Linked:
    """A written person name as an agent; ``status`` says how it was (not) linked."""

    agent: AgentRef
    status: str
    candidates: tuple[Entity, ...] = ()


def _minted(name: str) -> str:
    parsed = clean_person_name(name)
    return slugify(f"{parsed.family} {parsed.given}") if parsed.family else slugify(name)


class _Located(Protocol):
    @property
    def line(self) -> int: ...


_R = TypeVar("_R", bound=_Located)
_T = TypeVar("_T")


class _RecordFile(Protocol[_R]):
    """What a reader of :mod:`kg.sources.visits` or :mod:`kg.sources.travels` returns."""

    records: list[_R]
    issues: list[hsg.XmlIssue]


class _Dated(Protocol):
    @property
    def id(self) -> str | None: ...
    @property
    def start_date(self) -> str | None: ...
    @property
    def end_date(self) -> str | None: ...

    def line_of(self, name: str) -> int: ...


class HsgContext:
    """What every record of one file shares: reference data, country table, archive, problems."""

    def __init__(self, path: str, reference: ReferenceData, noun: str) -> None:
        self.path, self.reference, self.noun = path, reference, noun
        self.authority = reference.authority
        self.countries = hsg.bundled_country_table()
        self.problems: list[Problem] = []
        archive = NameResolver(self.authority).organization(ARCHIVE)
        entity = archive.entity if archive.status == "resolved" else None
        self.held_by = AgentRef("organization", entity.slug, entity.label, True) if entity else None
        self._places: dict[str, PlaceRef] = {}

    def problem(self, code: str, message: str, line: int, severity: Severity = "error") -> None:
        self.problems.append(Problem(code, self.path, message, line, severity))

    def builder(self) -> DocumentBuilder:
        """A builder for one record; its problems are this file's problems."""
        builder = DocumentBuilder(self.path, self.reference)
        builder.problems = self.problems
        return builder

    def convert(
        self, read: _RecordFile[_R], convert: Callable[[_R, HsgContext], _T | None]
    ) -> list[_T]:
        """The records of one file converted in file order, ``None`` results left out.

        The file's XML issues come first among the problems; a problem a
        conversion reports without a line gets the line of its record.
        """
        self.problems.extend(issues_to_problems(self.path, read.issues))
        converted = []
        for record in read.records:
            since = len(self.problems)
            result = convert(record, self)
            self.locate(since, record.line)
            if result is not None:
                converted.append(result)
        return converted

    def locate(self, since: int, line: int) -> None:
        """Give the problems reported since ``since`` without a line (e.g. by the
        builder's name resolution) the line of the record they concern."""
        for i in range(since, len(self.problems)):
            if self.problems[i].line is None:
                self.problems[i] = replace(self.problems[i], line=line)

    def dates(self, record: _Dated) -> tuple[dt.date, dt.date] | None:
        """Start and end of a record, or ``None`` (with an error) when they cannot be read."""
        which = f"{self.noun} {record.id}" if record.id else f"the {self.noun}"
        days = []
        for name, text in (("start-date", record.start_date), ("end-date", record.end_date)):
            day = hsg.iso_day(text)
            if day is None:
                reason = f"has no {name}" if not text else f"has {name} {text!r}, not a date"
                self.problem(
                    "missing-date" if not text else "bad-date",
                    f"{which} {reason}; this record is skipped",
                    record.line_of(name),
                )
                return None
            days.append(day)
        if days[1] < days[0]:
            self.problem(
                "bad-date",
                f"{which} ends ({days[1]}) before it starts ({days[0]}); this record is skipped",
                record.line_of("end-date"),
            )
            return None
        return days[0], days[1]

    def place(self, slug: str, label: str | None = None) -> PlaceRef:
        """The place with that slug: the authority's when it has it."""
        ref = self._places.get(slug)
        if ref is None:
            entity = self.authority.get("place", slug)
            if entity is not None:
                ref = PlaceRef(slug, entity.label, known=True)
            else:
                ref = PlaceRef(slug, label or slug.replace("-", " ").title(), known=False)
            self._places[slug] = ref
        return ref

    def country(
        self,
        ident: str | None,
        text: str | None,
        day: dt.date,
        resolver: NameResolver,
        *,
        what: str,
        line: int,
    ) -> PlaceRef | None:
        """The country a present-day HSG id stood for on ``day``.

        An id that neither ``historical-countries.csv`` nor the places
        authority knows is reported; the country is then looked up by the
        name the record writes, and left out when that fails too.
        """
        slug = self.countries.place(ident, day) if ident else None
        if slug is None and ident and self.authority.get("place", ident) is not None:
            slug = ident
        if slug is not None:
            return self.place(slug, text)
        found = resolver.place(text) if text else None
        place = None
        if found is not None and found.status == "resolved" and found.entity is not None:
            place = self.place(found.entity.slug)
        if ident or place is None:
            named = f"unknown country id {ident!r}" if ident else "no country id"
            outcome = (
                f"the country is taken from its name ({place.slug})"
                if place
                else "the record is stored without a country"
            )
            code = "unknown-country" if ident or text else "no-country"
            self.problem(code, f"{what}: {named} ({text or 'no name'}); {outcome}", line, "warning")
        return place

    def country_set(self, ident: str | None, country: PlaceRef | None) -> frozenset[str] | None:
        """The places a record's country may be written as at any date (for plausibility)."""
        places = set(self.countries.places(ident)) if ident else set()
        if ident and self.authority.get("place", ident) is not None:
            places.add(ident)
        if country is not None:
            places.add(country.slug)
        return frozenset(places) or None

    def person(
        self,
        resolver: NameResolver,
        name: str,
        title: str | None,
        *,
        day: dt.date,
        countries: frozenset[str] | None,
    ) -> Linked:
        """Resolve a written name; link only a plausible authority person."""
        found: Resolution = resolver.person(name, role=title)
        entity = found.entity if found.status == "resolved" else None
        label = found.display or name
        if entity is not None:
            home = self.authority.get("place", entity.country) if entity.country else None
            if home is None or home.place_type != "country":
                countries = None  # a region ("Palestine") is no evidence against a link
            if plausible(entity, name, day, countries):
                return Linked(AgentRef("person", entity.slug, entity.label, True), "resolved")
            return Linked(AgentRef("person", _minted(name), label, False), "implausible")
        if found.status == "ambiguous" and found.candidates:
            return Linked(
                AgentRef("person", found.slug, label, False), "ambiguous", found.candidates
            )
        slug = found.slug if found.status == "new" else _minted(name)
        return Linked(AgentRef("person", slug, label, False), "new")

    def record_id(self, record: _Dated, title: str, span: DateSpan, source: str) -> str:
        if record.id:
            return record.id
        record_id = short_hash(source, title, span.edtf)
        self.problem(
            "no-record-id",
            f"the {self.noun} has no id; it is stored as {source}-{record_id}",
            record.line_of("id"),
            "warning",
        )
        return record_id


def issues_to_problems(path: str, issues: list[hsg.XmlIssue]) -> list[Problem]:
    """The XML issues of a file as its problems (errors with their lines)."""
    return [Problem(issue.code, path, issue.message, issue.line) for issue in issues]
