"""The graph model: what a source document asserts, as dataclasses.

Readers and extractors build these objects; :mod:`kg.rdf` turns them into
quads.  Keeping the model free of RDF makes extraction testable on plain
values (``kg extract`` prints it as JSON) and keeps one place (``kg.rdf``)
responsible for the shape of published data (DESIGN A2).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

from kg.concepts import Classification, DocumentType, EventType, Role
from kg.extract.dates import DateSpan

AgentKind = Literal["person", "organization"]


@dataclass(frozen=True)
class AgentRef:
    """A person or organization as a document names it.

    ``known`` is true when ``slug`` belongs to the authority data; only unknown
    agents get a label in the document's own graph (known ones have theirs in
    ``graph/authority``).
    """

    kind: AgentKind
    slug: str
    label: str
    known: bool = False


@dataclass(frozen=True)
class PlaceRef:
    slug: str
    label: str
    known: bool = False


@dataclass(frozen=True)
class Participation:
    agent: AgentRef
    role: Role
    position_text: str | None = None


@dataclass(frozen=True)
class TopicRef:
    """A thesaurus topic assigned to an event, with the extractor's confidence (0..1)."""

    slug: str
    confidence: float


@dataclass
class Event:
    """One event a document records (a conversation, a visit, a journey …).

    ``n`` numbers the events of one record from 1; the first event's IRI is
    ``event/{source}-{recordId}``, later ones get ``-2``, ``-3`` (DESIGN A1).
    """

    event_type: EventType
    label: str
    date: DateSpan
    n: int = 1
    participations: list[Participation] = field(default_factory=list)
    place: PlaceRef | None = None
    place_derived: bool = False
    topics: list[TopicRef] = field(default_factory=list)
    sub_event_of: str | None = None
    mentions_events: list[str] = field(default_factory=list)
    description: str | None = None
    same_as: list[str] = field(default_factory=list)

    @property
    def participants(self) -> list[AgentRef]:
        seen: dict[tuple[str, str], AgentRef] = {}
        for p in self.participations:
            seen.setdefault((p.agent.kind, p.agent.slug), p.agent)
        return list(seen.values())


@dataclass
class Document:
    """A source document and everything it asserts.

    ``key`` (``{source}-{recordId}``) names the document, its first event and
    its named graph.  ``translation_language`` is set when the text kg read is a
    translation (the Wilson Center publishes English translations of Russian,
    Chinese … originals): the original and the translation are then two
    documents, ``document/{key}`` and ``document/{key}-{lang}``.
    """

    source: str
    record_id: str
    title: str
    document_type: DocumentType
    created: DateSpan | None = None
    creator: AgentRef | None = None
    addressees: list[AgentRef] = field(default_factory=list)
    classification: Classification | None = None
    copy_number: str | None = None
    registry_number: str | None = None
    archival_reference: str | None = None
    held_by: AgentRef | None = None
    language: str | None = None
    original_language: str | None = None
    translation_language: str | None = None
    translators: list[AgentRef] = field(default_factory=list)
    obtained_by: list[AgentRef] = field(default_factory=list)
    abstract: str | None = None
    url: str | None = None
    mentions: list[AgentRef | PlaceRef] = field(default_factory=list)
    unlinked_names: list[str] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)

    @property
    def key(self) -> str:
        return f"{self.source}-{self.record_id}"


@dataclass(frozen=True)
class SourceInfo:
    """Where a document came from: recorded as PROV in ``graph/meta``."""

    path: str
    checksum: str
    format: str
    generated_at: dt.datetime


def to_jsonable(value: Any) -> Any:
    """Plain JSON-ready data for ``kg extract`` (dates as ISO strings, enums as values).

    >>> to_jsonable(TopicRef("cuban-missile-crisis", 0.5))
    {'slug': 'cuban-missile-crisis', 'confidence': 0.5}
    """
    if hasattr(value, "__dataclass_fields__"):
        data = asdict(value)
        if isinstance(value, Document):
            data["key"] = value.key
        return {k: to_jsonable(v) for k, v in data.items()}
    if isinstance(value, dict):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [to_jsonable(v) for v in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, (Role, EventType, DocumentType, Classification)):
        return value.value
    if hasattr(value, "value") and isinstance(getattr(value, "value", None), str):
        return value.value
    return value
