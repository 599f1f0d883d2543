"""Trips abroad of US presidents and secretaries of state -> legs and journeys.

Each ``<trip>`` record (:mod:`kg.sources.travels`) is one *country leg* and
becomes a data-record document ``document/travels-{id}`` asserting one
dip:Visit: the traveller (linked by the Office of the Historian slug when the
authority uses it, else by name), the dates as bounds, the place (the locale
city when the authority knows it, else the country of the time), the remarks,
and the counterparts the remarks name ("Met with President Schaerf and held
talks with Soviet Premier Khrushchev") -- as participants only when the
authority resolves them, never guessed; the others go to the review queue
(``dip:unlinkedName``).

The data have no journeys, only legs: legs of one traveller whose dates touch
or overlap (the next starts at most a day after the previous ends) form a
journey, stored as its own document ``document/travels-journey-{who}-{start}``
with a JOURNEY event that every leg points to with ``dip:subEventOf``.  A
trip of a single leg is its own journey and gets no second event.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from kg.concepts import DocumentType, EventType, Role
from kg.extract.document import DocumentBuilder, Extraction
from kg.extract.hsg_context import HsgContext, record_span, span_wording
from kg.extract.reference import ReferenceData
from kg.extract.titles import split_names, split_qualifier
from kg.ids import slugify
from kg.model import AgentRef, Document, Event, Participation, PlaceRef
from kg.sources.travels import TripRecord, looks_like_travels, read_travels

__all__ = ["FORMAT", "SUFFIXES", "counterparts", "extract_travels", "looks_like_travels"]

SOURCE = "travels"
FORMAT = "hsg-travels"
SUFFIXES = (".xml",)
URL = "https://history.state.gov/departmenthistory/travels/{role}/{who}"
_OFFICES = {"president": "President of the United States", "secretary": "Secretary of State"}
_ELECT = re.compile(r"\bas President-elect\b", re.IGNORECASE)
_SENTENCES = re.compile(r"(?<=[a-z]{2}[.!?])\s+(?=[A-Z])|\s*;\s*")
_TRIGGER = re.compile(
    r"\b(?P<verb>met|meetings?|audiences?|talks|discussions|discussed|conferred|conferences?"
    r"|consulted|consultations|negotiat\w*)\b[^;]{0,120}?\bwith\s+(?P<list>.+)",
    re.IGNORECASE,
)
_LIST_END = re.compile(
    r",?\s+(?:and|to|on|in|at|about|regarding|concerning|during|for|while|before|after)\s+"
    r"(?=[a-z])|,\s+(?!and\s)(?=[a-z])"
)
_HOST_VERBS = frozenset({"met", "meeting", "meetings", "audience", "audiences"})
_PLACE_LIST = re.compile(r",|;|\band\b|/")
_PAREN = re.compile(r"\s*\([^)]*\)")


@dataclass(frozen=True)
class Counterpart:
    """A person the remarks say the traveller met: office, name and the role it implies."""

    title: str | None
    name: str
    role: Role


def counterparts(remarks: str) -> list[Counterpart]:
    """Persons named after "met with", "talks with", "discussed … with" in the remarks.

    "Met", "meeting" and "audience" make the person a host; talks, discussions
    and consultations an interlocutor.

    >>> [(c.title, c.name, c.role.value) for c in counterparts(
    ...     "Met with President Schaerf and held talks with Soviet Premier Khrushchev.")]
    [('President', 'Schaerf', 'host'), ('Soviet Premier', 'Khrushchev', 'interlocutor')]
    >>> [c.name for c in counterparts("Met with President Moon, and Foreign Minister Kang.")]
    ['Moon', 'Kang']
    >>> counterparts("Met with senior Tunisian officials.")
    []
    """
    found: list[Counterpart] = []
    for clause in _SENTENCES.split(remarks):
        position = 0
        while match := _TRIGGER.search(clause, position):
            names = match.group("list")
            end = _LIST_END.search(names)
            verb = match.group("verb").lower()
            role = Role.HOST if verb in _HOST_VERBS else Role.INTERLOCUTOR
            for person in split_names(names[: end.start()] if end else names, running=True):
                found.append(Counterpart(person.title, person.name, role))
            position = match.start("list")
    return found


def extract_travels(path: str, text: str, reference: ReferenceData) -> Extraction:
    """Read one traveller's file: its legs, then the journeys they form."""
    read = read_travels(text)
    context = HsgContext(path, reference, "trip")
    legs = context.convert(read, _leg)
    journeys = _journeys(legs, context)
    return Extraction([leg.doc for leg in legs] + journeys, context.problems)


@dataclass
class _Leg:
    record: TripRecord
    doc: Document
    who: str
    start: dt.date
    end: dt.date
    traveller: Participation
    country: PlaceRef | None


def _office(record: TripRecord) -> str:
    office = _OFFICES.get((record.role or "").lower(), "Traveller for the United States")
    if record.remarks and _ELECT.search(record.remarks):
        office = office.replace("President ", "President-elect ", 1)
    return office


def _traveller(record: TripRecord, who: str, office: str, builder: DocumentBuilder) -> AgentRef:
    """The authority person whose slug is the Office of the Historian's, else found by name;
    a traveller the authority lacks keeps the Office of the Historian's slug."""
    entity = builder.authority.get("person", who)
    if entity is not None:
        return AgentRef("person", entity.slug, entity.label, known=True)
    agent = builder.person(record.name or who.replace("-", " "), office)
    return agent if agent.known else AgentRef("person", who, agent.label, known=False)


def _leg(record: TripRecord, context: HsgContext) -> _Leg | None:
    days = context.dates(record)
    if days is None:
        return None
    start, end = days
    who = record.who or slugify(record.name or "unnamed")
    office = _office(record)
    builder = context.builder()
    builder.set_context(date=start, country="united-states")
    traveller = Participation(_traveller(record, who, office, builder), Role.TRAVELLER, office)
    country = context.country(
        record.country_id,
        record.country,
        start,
        builder.resolver,
        what=f"trip {record.id}",
        line=record.line_of("country"),
    )
    builder.set_context(date=start, country=country.slug if country else None)
    span = record_span(start, end)
    name = record.name or traveller.agent.label
    where = record.country or (country.label if country else "an unknown country")
    if record.locale:
        where += f" ({record.locale})"
    title = f"Trip of {name} to {where}, {span_wording(start, end)}"
    doc = Document(
        source=SOURCE,
        record_id=context.record_id(record, title, span, SOURCE),
        title=title,
        document_type=DocumentType.DATA_RECORD,
        held_by=context.held_by,
        url=URL.format(role=(record.role or "president").lower(), who=who),
    )
    event = Event(EventType.VISIT, title, span, participations=[traveller])
    event.description = record.remarks
    doc.events.append(event)
    countries = context.country_set(record.country_id, country)
    cities = _cities(record.locale, countries, builder, context)
    event.place = cities[0] if len(cities) == 1 and _single(record.locale) else country
    doc.mentions.extend(p for p in [country, *cities] if p is not None and p != event.place)
    if record.remarks:
        _add_counterparts(doc, event, record, countries=countries, builder=builder, context=context)
    return _Leg(record, doc, who, start, end, traveller, country)


def _single(locale: str | None) -> bool:
    return bool(locale) and not _PLACE_LIST.search(_PAREN.sub("", locale or ""))


def _cities(
    locale: str | None,
    countries: frozenset[str] | None,
    builder: DocumentBuilder,
    context: HsgContext,
) -> list[PlaceRef]:
    """The places of the locale the authority knows ("Bonn, Cologne", "Nassau (The Bahamas)"),
    unless the authority puts them in another country than the leg's."""
    if not locale:
        return []
    places: list[PlaceRef] = []
    for part in _PLACE_LIST.split(_PAREN.sub("", locale)):
        text = part.strip(" .")
        found = builder.resolver.place(text) if text else None
        if found is None or found.status != "resolved" or found.entity is None:
            continue
        entity = found.entity
        if countries and entity.country and not {entity.country, entity.contained_in} & countries:
            continue
        place = context.place(entity.slug)
        if place not in places:
            places.append(place)
    return places


def _add_counterparts(
    doc: Document,
    event: Event,
    record: TripRecord,
    *,
    countries: frozenset[str] | None,
    builder: DocumentBuilder,
    context: HsgContext,
) -> None:
    """Counterparts as participants when linked plausibly, else names for the review queue.

    A qualified title ("Soviet Premier") sets the country the person must fit;
    without one, the counterpart is expected to be of the country visited.
    """
    present: set[tuple[str, str]] = {(p.agent.kind, p.agent.slug) for p in event.participations}
    resolver = builder.resolver
    leg_country = resolver.country
    for person in counterparts(record.remarks or ""):
        qualifier, _office = split_qualifier(person.title)
        expected, resolver.country = countries, leg_country
        if qualifier:
            place = _place_named(qualifier, context)
            expected, resolver.country = (frozenset({place}) if place else None), place
        linked = context.person(
            resolver, person.name, person.title, day=event.date.earliest, countries=expected
        )
        key = ("person", linked.agent.slug)
        if linked.status != "resolved":
            # the name without its office, so the review queue counts one person once
            if person.name not in doc.unlinked_names:
                doc.unlinked_names.append(person.name)
        elif key not in present:
            present.add(key)
            event.participations.append(Participation(linked.agent, person.role, person.title))
    resolver.country = leg_country


def _place_named(text: str, context: HsgContext) -> str | None:
    """The country a qualifier names ("Soviet", "West German"), if the authority knows it."""
    found = context.authority.by_hidden_label(text, "place") or context.authority.by_label(
        text, "place"
    )
    return found[0].slug if len(found) == 1 else None


def _journeys(legs: list[_Leg], context: HsgContext) -> list[Document]:
    """Group each traveller's legs whose dates touch into journeys of two legs or more."""
    by_who: dict[str, list[_Leg]] = {}
    for leg in sorted(legs, key=lambda g: (g.who, g.start, g.end, g.record.id or "")):
        by_who.setdefault(leg.who, []).append(leg)
    journeys: list[Document] = []
    for group in (g for trips in by_who.values() for g in _touching(trips)):
        if len(group) > 1:
            journeys.append(_journey(group, context))
    return journeys


def _touching(legs: list[_Leg]) -> list[list[_Leg]]:
    groups: list[list[_Leg]] = []
    end = dt.date.min
    for leg in legs:
        if groups and leg.start <= end + dt.timedelta(days=1):
            groups[-1].append(leg)
            end = max(end, leg.end)
        else:
            groups.append([leg])
            end = leg.end
    return groups


def _journey(legs: list[_Leg], context: HsgContext) -> Document:
    first = legs[0]
    start, end = first.start, max(leg.end for leg in legs)
    name = first.record.name or first.traveller.agent.label
    label = f"Journey of {name}, {span_wording(start, end)}"
    doc = Document(
        source=SOURCE,
        record_id=f"journey-{first.who}-{start.isoformat()}",
        title=label,
        document_type=DocumentType.DATA_RECORD,
        held_by=context.held_by,
        url=first.doc.url,
    )
    event = Event(EventType.JOURNEY, label, record_span(start, end))
    event.participations = [first.traveller]
    doc.events.append(event)
    for leg in legs:
        leg.doc.events[0].sub_event_of = doc.key
        if leg.country is not None and leg.country not in doc.mentions:
            doc.mentions.append(leg.country)
    return doc
