"""Building documents from source fields: shared by every reader's extractor.

One :class:`DocumentBuilder` per document keeps the document's name
context (a :class:`kg.extract.names.NameResolver`), so the same person is
one agent however the record spells them, and reports what it could not
resolve as problems instead of guessing.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from kg.authority import Entity
from kg.concepts import EventType, Role
from kg.extract.dates import DateSpan
from kg.extract.mentions import absent_persons, find_mentions
from kg.extract.names import NameResolver
from kg.extract.places import posting_city
from kg.extract.reference import ReferenceData
from kg.extract.topic_overrides import apply_overrides
from kg.model import AgentRef, Document, Event, Participation, PlaceRef
from kg.report import Problem


@dataclass
class Extraction:
    """What one input file yields: documents to store and problems to report."""

    documents: list[Document] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


_ARCHIVE_PREFIX = re.compile(r"^\s*([^,;.]+(?:\.[^,;.\s]+)*)")


class DocumentBuilder:
    """Resolves a document's names in context and assembles its events."""

    def __init__(self, path: str, reference: ReferenceData) -> None:
        self.path = path
        self.reference = reference
        self.authority = reference.authority
        self.problems: list[Problem] = []
        self.resolver = NameResolver(self.authority)
        self._reported: set[str] = set()

    def set_context(self, *, date: dt.date | None = None, country: str | None = None) -> None:
        """Start resolving with the document's date and country as context."""
        self.resolver = NameResolver(self.authority, date=date, country=country)

    # --- agents --------------------------------------------------------------------------
    def person(self, name: str, role_text: str | None = None) -> AgentRef:
        resolution = self.resolver.person(name, role=role_text)
        if resolution.status == "ambiguous" and name not in self._reported:
            self._reported.add(name)
            options = ", ".join(e.label for e in resolution.candidates)
            self.problems.append(
                Problem(
                    "ambiguous-name",
                    self.path,
                    f"{name!r} could be any of: {options}; left unlinked",
                    severity="notice",
                )
            )
        entity = resolution.entity if resolution.status == "resolved" else None
        label = entity.label if entity else resolution.display
        return AgentRef("person", resolution.slug, label, known=entity is not None)

    def participation(self, name: str, role: Role, role_text: str | None) -> Participation:
        return Participation(self.person(name, role_text), role, role_text)

    def archive(self, citation: str | None) -> AgentRef | None:
        """The archive an archival reference names ("AVP RF, F. 0104 …" -> AVP RF)."""
        if not citation:
            return None
        match = _ARCHIVE_PREFIX.match(citation)
        if not match:
            return None
        resolution = self.resolver.organization(match.group(1).strip())
        if resolution.status != "resolved" or resolution.entity is None:
            return None
        return AgentRef("organization", resolution.entity.slug, resolution.entity.label, True)

    @staticmethod
    def unique_participations(parts: Sequence[Any]) -> list[Participation]:
        """Drop repeated (agent, role) pairs, keeping the first wording."""
        seen: set[tuple[str, str, Role]] = set()
        unique: list[Participation] = []
        for part in parts:
            key = (part.agent.kind, part.agent.slug, part.role)
            if key not in seen:
                seen.add(key)
                unique.append(part)
        return unique

    # --- events --------------------------------------------------------------------------
    def conversation_event(
        self, event_type: EventType, when: DateSpan, parts: list[Participation], n: int = 1
    ) -> Event:
        names = _join_names([p.agent.label for p in parts])
        noun = event_type.label.capitalize()
        label = f"{noun} between {names}, {when.text}" if names else f"{noun}, {when.text}"
        return Event(event_type, label, when, n=n, participations=parts)

    # --- body ----------------------------------------------------------------------------
    def add_mentions(self, doc: Document, *texts: str | None) -> None:
        """Agents and places the text names, except the event's participants."""
        agents = [p.agent for e in doc.events for p in e.participations]
        agents += [doc.creator] if doc.creator is not None else []
        participants = {(a.kind, a.slug) for a in agents}
        # An ambiguous surname of a participant ("Aristov" beside the author
        # "B.I. Aristov") names that participant, not an unknown person.
        surnames = {a.label.split()[-1].lower() for a in agents if a.label.split()}
        seen: set[tuple[str, str]] = set()
        unlinked: list[str] = []
        for text in texts:
            if not text:
                continue
            for mention in find_mentions(text, self.resolver):
                key = (mention.kind, mention.slug)
                if key in participants or key in seen:
                    continue
                if mention.status == "unlinked" or (
                    mention.status == "ambiguous"
                    and mention.kind == "person"
                    and re.sub(r"['’]s$", "", mention.surface.split()[-1]).lower() not in surnames
                ):
                    if mention.surface not in unlinked:
                        unlinked.append(mention.surface)
                    continue
                if mention.status != "resolved":
                    continue
                entity = self.authority.get(mention.kind, mention.slug)
                if entity is None:
                    continue
                seen.add(key)
                doc.mentions.append(_ref(entity))
        doc.unlinked_names.extend(unlinked)

    def absent(self, text: str) -> set[str]:
        return set(absent_persons(text, self.resolver))

    def add_place(
        self,
        doc: Document,
        stated: str | None,
        body: str,
        author: Participation | None,
    ) -> None:
        """The place of each event: stated by the record, else derived from the author's post."""
        if not doc.events:
            return
        place = self._stated_place(stated) if stated else None
        derived = False
        if place is None and author is not None:
            place = self._derived_place(body, author)
            derived = place is not None
        for event in doc.events:
            event.place = place
            event.place_derived = derived

    def _stated_place(self, text: str) -> PlaceRef | None:
        resolution = self.resolver.place(text)
        if resolution.status == "resolved" and resolution.entity is not None:
            return _place(resolution.entity)
        for mention in find_mentions(text, self.resolver):
            if mention.kind == "place" and mention.status == "resolved":
                entity = self.authority.get("place", mention.slug)
                if entity is not None:
                    return _place(entity)
        return None

    def _derived_place(self, body: str, author: Participation) -> PlaceRef | None:
        entity = self.authority.get("person", author.agent.slug) if author.agent.known else None
        city = posting_city(body, entity, self.authority, self.resolver)
        return _place(city) if city is not None else None

    def add_topics(self, doc: Document, *texts: str | None) -> None:
        """Topics from (title, summary, body), then the scholar's overrides per event."""
        topics = self.reference.thesaurus.assign(*texts)
        overrides = self.reference.topic_overrides
        for event in doc.events:
            key = doc.key if event.n == 1 else f"{doc.key}-{event.n}"
            event.topics = apply_overrides(key, list(topics), overrides)


def _ref(entity: Entity) -> AgentRef | PlaceRef:
    if entity.kind == "place":
        return _place(entity)
    return AgentRef(entity.kind, entity.slug, entity.label, known=True)


def _place(entity: Entity) -> PlaceRef:
    return PlaceRef(entity.slug, entity.label, known=True)


def _join_names(names: Iterable[str]) -> str:
    """'A', 'A and B', 'A, B and C'.

    >>> _join_names(["S. M. Kudryavtsev", "Fidel Castro"])
    'S. M. Kudryavtsev and Fidel Castro'
    """
    items = list(names)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]
