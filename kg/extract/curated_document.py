"""Curated records -> :class:`kg.model.Document`, one document and one event per record.

A curated record (:mod:`kg.sources.curated`, ``docs/curated-format.md``) is a scholar's
statement, so it is taken as written, not guessed at: its topics replace automatic topic
assignment (confidence 1.0), its date may carry an explicit EDTF form
(:mod:`kg.extract.edtf`) that then gives the bounds, and its ``same_as`` links say that
another source's event is the same meeting (``dip:sameEventAs``; kg keeps both events).
Names and places are still resolved against the authority, so a curated event shares its
people with every other source.  Everything that cannot be used is a problem with the file
and line; an error skips only its record.

Record ``id`` becomes ``document/curated-{id}``, ``event/curated-{id}`` and
``graph/curated-{id}`` (DESIGN A1).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import replace

from kg.concepts import DocumentType, EventType, Role
from kg.extract.dates import DateError, DateSpan, parse_date
from kg.extract.document import DocumentBuilder, Extraction
from kg.extract.edtf import parse_edtf
from kg.extract.reference import ReferenceData
from kg.extract.topics import Thesaurus
from kg.ids import fold, slugify
from kg.model import AgentRef, Document, Event, Participation, PlaceRef, TopicRef
from kg.report import Problem, Severity
from kg.sources.curated import (
    CuratedRead,
    CuratedRecord,
    Text,
    looks_like_curated_csv,
    looks_like_curated_yaml,
    mark_skipped,
    read_curated_csv,
    read_curated_yaml,
)

__all__ = [
    "CSV_SUFFIXES",
    "FORMAT_CSV",
    "FORMAT_YAML",
    "SOURCE",
    "YAML_SUFFIXES",
    "event_label",
    "extract_curated_csv",
    "extract_curated_yaml",
    "looks_like_curated_csv",
    "looks_like_curated_yaml",
    "parse_edtf",
]

SOURCE = "curated"
FORMAT_YAML = "curated-yaml"
FORMAT_CSV = "curated-csv"
YAML_SUFFIXES = (".yaml", ".yml")
CSV_SUFFIXES = (".csv",)

#: Event types published as dip:Conversation: the shapes want two participants for these.
CONVERSATIONS = (EventType.CONVERSATION, EventType.MEETING, EventType.TELEPHONE_CONVERSATION)
#: Roles left out of generated labels (unless too few others remain).
_BYSTANDERS = (Role.INTERPRETER, Role.PRESENT)
_EVENT_KEY = re.compile(r"^[A-Za-z0-9]+(?:[-_.~][A-Za-z0-9]+)*$")
_EVENT_IRI = re.compile(r"^https?://\S+/event/(?P<key>[^/?#\s]+)$")
_LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}$")


def extract_curated_yaml(path: str, text: str, reference: ReferenceData) -> Extraction:
    """Read a YAML file of curated records; problems are returned, never raised."""
    return _Curator(path, reference).run(read_curated_yaml(path, text))


def extract_curated_csv(path: str, text: str, reference: ReferenceData) -> Extraction:
    """Read a CSV file of curated records; problems are returned, never raised."""
    return _Curator(path, reference).run(read_curated_csv(path, text))


# --- labels ---------------------------------------------------------------------------------
def event_label(event_type: EventType, names: Sequence[str], when: str) -> str:
    """A readable event label from its type, the main participants and the date as written.

    >>> event_label(EventType.MEETING, ["John F. Kennedy", "Nikita Khrushchev"], "3–4 June 1961")
    'Meeting between John F. Kennedy and Nikita Khrushchev, 3–4 June 1961'
    >>> event_label(EventType.VISIT, ["Anastas Mikoyan"], "November 1962")
    'Visit of Anastas Mikoyan, November 1962'
    >>> event_label(EventType.CONVERSATION, ["A", "B", "C", "D", "E"], "1961")
    'Conversation between A, B, C and 2 others, 1961'
    """
    noun = event_type.label.capitalize()
    if not names:
        return f"{noun}, {when}"
    shown = list(names[:3]) if len(names) > 4 else list(names)
    rest = len(names) - len(shown)
    if rest:
        shown.append(f"{rest} other{'s' if rest > 1 else ''}")
    joined = shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " and " + shown[-1]
    link = "with"
    if event_type in CONVERSATIONS and len(names) > 1:
        link = "between"
    elif event_type in (EventType.VISIT, EventType.JOURNEY):
        link = "of"
    return f"{noun} {link} {joined}, {when}"


def _main_names(event_type: EventType, parts: Sequence[Participation]) -> list[str]:
    """Whom a label names: the visitors of a visit, else all but interpreters and those
    only present (unless that leaves too few)."""
    if event_type in (EventType.VISIT, EventType.JOURNEY):
        guests = [p.agent.label for p in parts if p.role in (Role.VISITOR, Role.TRAVELLER)]
        if guests:
            return guests
    main = [p.agent.label for p in parts if p.role not in _BYSTANDERS]
    return main if len(main) > 1 else [p.agent.label for p in parts]


def _topic_index(thesaurus: Thesaurus) -> dict[str, str]:
    """Folded slug, label or unambiguous keyword phrase -> topic slug."""
    phrases: dict[str, set[str]] = {}
    for concept in thesaurus.concepts.values():
        for phrase in concept.phrases:
            phrases.setdefault(fold(phrase), set()).add(concept.slug)
    index = {key: next(iter(slugs)) for key, slugs in phrases.items() if len(slugs) == 1}
    for concept in thesaurus.concepts.values():
        index[fold(concept.label)] = concept.slug
        index[concept.slug] = concept.slug
    return index


# --- records -> documents -------------------------------------------------------------------
class _Curator:
    """Turns the well-formed records of one file into documents (one builder per record)."""

    def __init__(self, path: str, reference: ReferenceData) -> None:
        self.path = path
        self.reference = reference
        self.authority = reference.authority
        self.problems: list[Problem] = []
        self.errors = 0
        self.ids: set[str] = set()
        self._topics: dict[str, str] | None = None

    def run(self, read: CuratedRead) -> Extraction:
        self.ids = {record.id for record in read.records}
        documents = [doc for record in read.records if (doc := self.document(record))]
        problems = sorted([*read.problems, *self.problems], key=lambda p: p.line or 0)
        return Extraction(documents, problems)

    def problem(self, code: str, message: str, line: int, severity: Severity = "error") -> None:
        self.problems.append(Problem(code, self.path, message, line, severity))
        self.errors += severity == "error"

    def document(self, record: CuratedRecord) -> Document | None:
        since = len(self.problems)
        doc = self.build(record)
        if doc is None:
            mark_skipped(self.problems, since)
        return doc

    def build(self, record: CuratedRecord) -> Document | None:
        before = self.errors
        meta = record.document
        created = self.date(meta.date, "document date") if meta and meta.date else None
        when = self.when(record, created.earliest if created else None)
        topics = self.topics(record)
        same_as = self.same_as(record)
        if when is None or self.errors > before:
            return None
        builder = DocumentBuilder(self.path, self.reference)
        builder.set_context(date=when.earliest)
        parts = builder.unique_participations(
            [
                self.participation(builder, p.name, p.role, p.position, p.line)
                for p in record.participants
            ]
        )
        agents = {(p.agent.kind, p.agent.slug) for p in parts}
        if record.event_type in CONVERSATIONS and len(agents) < 2:
            self.problem(
                "too-few-participants",
                f"a {record.event_type.label} needs two or more participants "
                f"({len(agents)} given); give them or choose another type",
                record.line_of("participants"),
            )
            return None
        label = event_label(record.event_type, _main_names(record.event_type, parts), when.text)
        notes = record.notes.value if record.notes else None
        event = Event(
            record.event_type,
            label,
            when,
            participations=parts,
            place=self.place(builder, record.place) if record.place else None,
            topics=topics or [],
            description=notes,
            same_as=same_as,
        )
        citation = record.citation.value if record.citation else None
        language = meta.language.value if meta and meta.language else None
        code = language if language and _LANGUAGE_CODE.match(language) else None
        doc = Document(
            source=SOURCE,
            record_id=record.id,
            title=record.title.value if record.title else label,
            document_type=(meta.document_type if meta else None) or DocumentType.CURATED_RECORD,
            created=created,
            classification=meta.classification if meta else None,
            archival_reference=citation,
            held_by=builder.archive(citation),
            language=code,
            original_language=None if code else language,
            url=record.url.value if record.url else None,
            events=[event],
        )
        if meta and meta.author:
            author = meta.author
            doc.creator = self.participation(builder, author.value, None, None, author.line).agent
        if topics is None:
            builder.add_topics(doc, record.title.value if record.title else None, notes)
        self.locate(builder, record.line)
        return doc

    def participation(
        self,
        builder: DocumentBuilder,
        name: str,
        role: Role | None,
        position: str | None,
        line: int,
    ) -> Participation:
        """Resolve a name in the record's context; the builder's problems get ``line``.

        A name the authority knows as an organization ("OAS", "the Central
        Committee of the CPSU") takes part as that organization; any other
        name is read as a person's.
        """
        organization = builder.resolver.organization(name)
        if organization.status == "resolved" and organization.entity is not None:
            entity = organization.entity
            agent = AgentRef("organization", entity.slug, entity.label, True)
            return Participation(agent, role or Role.PARTICIPANT, position)
        part = builder.participation(name, role or Role.PARTICIPANT, position)
        self.locate(builder, line)
        return part

    def locate(self, builder: DocumentBuilder, line: int) -> None:
        for problem in builder.problems:
            self.problems.append(replace(problem, line=problem.line or line))
        builder.problems.clear()

    def date(
        self, text: Text, what: str, reference: dt.date | None = None, hint: str = ""
    ) -> DateSpan | None:
        try:
            return parse_date(text.value, reference=reference)
        except DateError as error:
            self.problem("bad-date", f"cannot read the {what}: {error}{hint}", text.line)
            return None

    def when(self, record: CuratedRecord, reference: dt.date | None) -> DateSpan | None:
        """The event's date: the wording, with bounds from ``edtf`` when it is given."""
        if record.edtf is None:
            hint = " (an edtf field would give its bounds)"
            return self.date(record.date, "date", reference, hint)
        try:
            span = parse_edtf(record.edtf.value, record.date.value)
        except DateError as error:
            self.problem("bad-edtf", f"cannot read the edtf: {error}", record.edtf.line)
            return None
        try:
            read = parse_date(record.date.value, reference=reference)
        except DateError:
            return span  # the wording is for people; the edtf says when
        if read.latest < span.earliest or span.latest < read.earliest:
            self.problem(
                "date-mismatch",
                f"the date {record.date.value!r} reads as {read.edtf} but the edtf is "
                f"{span.edtf}; the edtf is used",
                record.edtf.line,
                "warning",
            )
        return span

    def topics(self, record: CuratedRecord) -> list[TopicRef] | None:
        if record.topics is None:
            return None
        if self._topics is None:
            self._topics = _topic_index(self.reference.thesaurus)
        found: dict[str, TopicRef] = {}
        for text in record.topics:
            slug = self._topics.get(fold(text.value)) or self._topics.get(slugify(text.value))
            if slug is None:
                self.problem(
                    "unknown-topic",
                    f"{text.value!r} is neither a topic slug nor a topic label of the thesaurus",
                    text.line,
                )
            else:
                found.setdefault(slug, TopicRef(slug, 1.0))
        return list(found.values())

    def same_as(self, record: CuratedRecord) -> list[str]:
        keys: list[str] = []
        own = f"{SOURCE}-{record.id}"
        for text in record.same_as:
            iri = _EVENT_IRI.match(text.value)
            key = iri["key"] if iri else text.value
            if not _EVENT_KEY.match(key):
                reason = "is neither an event key (source-recordId) nor an event IRI"
            elif key == own:
                reason = "is this record's own event"
            elif key in self.ids:
                reason = f"is a record id: the event of that record is {SOURCE}-{key}"
            else:
                if key not in keys:
                    keys.append(key)
                continue
            self.problem("bad-same-as", f"same_as {text.value!r} {reason}", text.line)
        return keys

    def place(self, builder: DocumentBuilder, text: Text) -> PlaceRef:
        """The stated place, or its most specific part the authority knows ("Hollybush, …")."""
        entity = self.authority.get("place", text.value)
        parts = [p.strip() for p in text.value.split(",")] if "," in text.value else []
        for part in [text.value, *parts]:
            if entity is not None:
                break
            found = builder.resolver.place(part)
            entity = found.entity if found.status == "resolved" else None
        if entity is not None:
            return PlaceRef(entity.slug, entity.label, known=True)
        ref = PlaceRef(slugify(text.value), text.value, known=False)
        self.problem(
            "unresolved-place",
            f"place {text.value!r} is not in the authority; stored as place/{ref.slug}",
            text.line,
            "warning",
        )
        return ref
