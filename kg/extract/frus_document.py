"""A FRUS TEI volume -> one :class:`kg.model.Document` per ``div[@type="document"]``.

The reader (:mod:`kg.sources.frus`) gives the fields as written; here they are
interpreted.  FRUS editors point names at the volume's persons list
("#p_TLEJ1" -> "Thompson, Llewellyn E., Jr.", "Ambassador to the Soviet Union
until July 1962; …").  Those ids are local to a volume, so each person is
resolved through that list (:mod:`kg.extract.frus_persons`) -- full name, and
the office held at the document's date as the role -- against the global
authority data.  Offices, dates and
names come from each volume's own lists, so nothing here is specific to one
volume; "The Secretary" of a participants list is whoever the list says was
Secretary of State on that day.
"""

from __future__ import annotations

import datetime as dt
import re

from kg.concepts import Classification, DocumentType, EventType, Role
from kg.extract.dates import DateError, DateSpan, parse_date, search_date
from kg.extract.document import DocumentBuilder, Extraction
from kg.extract.frus_fields import classify_head, drafter, iso_range, iso_span, split_source_note
from kg.extract.frus_persons import VolumePersons, natural_name
from kg.extract.personname import PersonName, clean_person_name, given_compatible, is_title
from kg.extract.reference import ReferenceData
from kg.ids import fold, short_hash
from kg.model import AgentRef, Document, Participation, PlaceRef
from kg.report import Problem, Severity
from kg.sources.frus import (
    Entry,
    FrusDocument,
    FrusFormatError,
    NameRef,
    looks_like_frus,
    read_frus,
)

__all__ = ["FORMAT", "SUFFIXES", "extract_frus", "looks_like_frus"]

SOURCE = "frus"
FORMAT = "frus-tei"
SUFFIXES = (".xml",)
URL = "https://history.state.gov/historicaldocuments/{volume}/{doc_id}"

_NUMBER = re.compile(r"^\s*\d+[A-Za-z]?\.\s+")
_PARENS = re.compile(r"\s*\([^)]*\)")
_THE = re.compile(r"^the\s+(?P<office>.+)$", re.IGNORECASE)
_INTERPRETER = re.compile(r"\binterpret(?:er|ing|ed)\b", re.IGNORECASE)
_INITIALS = re.compile(r"^[A-Z]{1,4}$")
_AND = re.compile(r"\s+and\s+|;\s*")
#: Words that make a participants-list item or a drafter a group or office, not a person.
_NOT_PEOPLE = re.compile(
    r"(?i:\b(?:sides?|delegations?|participants|members|group|staff|others|team|party|present"
    r"|also|embassy|department|ministry|office|bureau|division|agency|council|committee|board"
    r"|section|service|government|secretariat|directorate|mission|command)\b)"
)
_ACRONYM = re.compile(r"\b[A-Z]{2,}\b")


def extract_frus(path: str, text: str, reference: ReferenceData) -> Extraction:
    """Read one volume; problems are returned, never raised, and cost only their document."""
    try:
        volume = read_frus(text)
    except FrusFormatError as error:
        return Extraction([], [Problem(error.code, path, str(error), error.line)])
    problems = [Problem(i.code, path, i.message, i.line, i.severity) for i in volume.issues]
    persons = VolumePersons(volume)
    documents: list[Document] = []
    for raw in volume.documents:
        extractor = _DocumentExtractor(path, raw, volume.volume, persons, reference)
        try:
            documents.append(extractor.run())
        except Exception as error:  # one odd document must not cost the volume
            message = f"{raw.doc_id}: cannot extract ({type(error).__name__}: {error}); skipped"
            problems.append(Problem("extract-failed", path, message, raw.line))
        problems.extend(extractor.problems)
    return Extraction(documents, problems)


class _DocumentExtractor:
    def __init__(
        self,
        path: str,
        raw: FrusDocument,
        volume: str,
        persons: VolumePersons,
        reference: ReferenceData,
    ) -> None:
        self.path, self.raw, self.volume, self.persons = path, raw, volume, persons
        self.builder = DocumentBuilder(path, reference)
        self.problems = self.builder.problems
        self.day: dt.date | None = None
        self._agents: dict[str, tuple[AgentRef, str | None]] = {}
        self._reported: set[str] = set()

    def _warn(
        self, code: str, message: str, line: int | None, severity: Severity = "warning"
    ) -> None:
        text = f"{self.raw.doc_id or 'document'}: {message}"
        self.problems.append(Problem(code, self.path, text, line, severity))

    def run(self) -> Document:
        raw = self.raw
        title = _NUMBER.sub("", raw.head) or f"Document {raw.n or raw.doc_id}"
        doc_type, event_type = classify_head(title)
        if raw.subtype == "editorial-note":
            doc_type, event_type = DocumentType.EDITORIAL_NOTE, None
        created = self._created(doc_type)
        self.day = created.earliest if created else None
        self.builder.set_context(date=self.day)
        citation, marking = split_source_note(raw.source_note) if raw.source_note else (None, None)
        doc = Document(
            source=SOURCE,
            record_id=self._record_id(title),
            title=title,
            document_type=doc_type,
            created=created,
            classification=Classification.from_text(marking) if marking else None,
            archival_reference=citation,
            held_by=self._archive(citation),
            language="en",
            url=URL.format(volume=self.volume, doc_id=raw.doc_id) if raw.doc_id else None,
        )
        doc.creator = self._creator(doc_type)
        doc.addressees = [a for r in raw.head_names if r.type == "to" for a in self._agent(r)]
        parts = self._participations(title)
        if event_type is None and raw.participants:
            event_type = EventType.MEETING
        if event_type is not None:
            self._event(doc, event_type, created, parts)
        self._mentions(doc)
        self.builder.add_place(doc, raw.place, raw.body, None)
        if doc.events:
            self.builder.add_topics(doc, title, "; ".join(raw.subjects), raw.body)
        return doc

    def _record_id(self, title: str) -> str:
        if self.raw.doc_id:
            return f"{self.volume}-{self.raw.doc_id}"
        self._warn("no-id", "the document div has no xml:id; its id is a hash", self.raw.line)
        return f"{self.volume}-{short_hash(SOURCE, self.volume, title, self.raw.n or '')}"

    # --- dates ---------------------------------------------------------------------------
    def _created(self, doc_type: DocumentType) -> DateSpan | None:
        """The dateline date (time ignored), else the volume's machine dates, else its wording."""
        raw = self.raw
        line = raw.dateline_line or raw.line
        span = iso_span(raw.date_when) if raw.date_when else None
        if raw.date_when and span is None:
            self._warn("bad-date", f"cannot read the date when={raw.date_when!r}", line)
        if span is None and raw.date_from and raw.date_to:
            span = iso_range(raw.date_from, raw.date_to)
        if span is None and (raw.date_min or raw.date_max):
            span = iso_range(raw.date_min or raw.date_max or "", raw.date_max or raw.date_min or "")
        if span is None and raw.date_text:
            try:
                span = parse_date(raw.date_text)
            except DateError:
                span = search_date(raw.date_text)
        if span is None and doc_type is not DocumentType.EDITORIAL_NOTE:
            self._warn("no-date", "no date in the dateline; stored the document undated", line)
        return span

    # --- agents --------------------------------------------------------------------------
    def _entry(self, ref: NameRef) -> Entry | None:
        """The persons-list entry a persName points to (or, without an id, can only mean)."""
        if ref.ref is None:
            return self.persons.named(ref.text)
        entry = self.persons.entries.get(ref.ref)
        if entry is None:
            if ref.ref not in self._reported:
                self._reported.add(ref.ref)
                message = f"#{ref.ref} ({ref.text!r}) is not in the volume's persons list"
                self._warn("unknown-id", message + "; looked up by its wording", ref.line)
            return self.persons.named(ref.text)
        see = re.match(r"^see\s+(.+)$", entry.description)
        return (self.persons.named(see.group(1)) or entry) if see else entry

    def _person(self, ref: NameRef) -> tuple[AgentRef, str | None]:
        """The agent of a persName and the office the persons list gives for the day."""
        entry = self._entry(ref)
        key = f"#{entry.id}" if entry else ref.text
        if key not in self._agents:
            if entry is not None:
                office = self.persons.office_at(entry, self.day)
                agent = self.builder.person(natural_name(entry.name), role_text=office)
                self._agents[key] = (agent, office)
            else:
                self._agents[key] = (self.builder.person(ref.text), None)
        return self._agents[key]

    def _plain(self, name: str, line: int) -> tuple[AgentRef, str | None] | None:
        """A name without markup: "The Secretary", "Mr. Levchenko", "George Morgan"."""
        the = _THE.match(name)
        if the:
            held = self.persons.holder(the.group("office"), self.day)
            if held is None:
                return None
            return self._person(NameRef("persName", name, held[0].id, None, line))[0], held[1]
        words = [w for w in name.split() if w[:1].isupper() and not is_title(w)]
        if _INITIALS.match(name):
            entry = self.persons.by_initials.get(name)
            return self._person(NameRef("persName", name, entry.id, None, line)) if entry else None
        if not words or _NOT_PEOPLE.search(name) or (_ACRONYM.search(name) and not name.isupper()):
            return None
        return self._person(NameRef("persName", name, None, None, line))

    def _organization(self, ref: NameRef) -> AgentRef | PlaceRef | None:
        """A gloss: its term's expansion, else its text, as an organization or place."""
        term = self.persons.terms.get(ref.ref) if ref.ref else None
        if ref.ref and term is None and ref.ref not in self._reported:
            self._reported.add(ref.ref)
            self._warn("unknown-id", f"#{ref.ref} ({ref.text!r}) is not in the volume", ref.line)
        texts = [term.description, term.name] if term else [ref.text]
        resolver = self.builder.resolver
        for kind, resolve in (("organization", resolver.organization), ("place", resolver.place)):
            for text in texts:
                found = resolve(text)
                if found.status == "resolved" and found.entity is not None:
                    entity = found.entity
                    if kind == "place":
                        return PlaceRef(entity.slug, entity.label, True)
                    return AgentRef("organization", entity.slug, entity.label, True)
        return None

    def _agent(self, ref: NameRef) -> list[AgentRef]:
        if ref.element != "gloss":
            return [self._person(ref)[0]]
        found = self._organization(ref)
        return [found] if isinstance(found, AgentRef) else []

    def _creator(self, doc_type: DocumentType) -> AgentRef | None:
        """Who wrote it: the drafter of the source note, else the signer, else the sender."""
        raw = self.raw
        name = drafter(raw.source_note) if raw.source_note else None
        if name:
            marked = [r for r in raw.source_names if r.element == "persName" and name in r.text]
            found = self._person(marked[0]) if marked else self._plain(name, raw.line)
            if found:
                return found[0]
        for signer in raw.signers:
            signed = self._person(signer) if signer.ref else self._plain(signer.text, signer.line)
            if signed:
                return signed[0]
        kinds = ("from", None) if doc_type is DocumentType.DIARY_ENTRY else ("from",)
        senders = [a for r in raw.head_names if r.type in kinds for a in self._agent(r)]
        return senders[0] if senders else None

    def _archive(self, citation: str | None) -> AgentRef | None:
        """The most specific leading part of the citation the authority knows as an archive."""
        parts = re.split(r"[,:;]", citation or "")[:3]
        for n in range(len(parts), 0, -1):
            found = self.builder.resolver.organization(",".join(parts[:n]).strip())
            if found.status == "resolved" and found.entity is not None:
                return AgentRef("organization", found.entity.slug, found.entity.label, True)
        return None

    # --- the event -----------------------------------------------------------------------
    def _participations(self, title: str) -> list[Participation]:
        """The participants list; without one, the persons the head names ("Between X and Y")."""
        parts: list[Participation] = []
        for item in self.raw.participants:
            role = Role.INTERPRETER if _INTERPRETER.search(item.text) else Role.PARTICIPANT
            marked = [n for n in item.names if n.element == "persName"]
            for ref in marked:
                agent, office = self._person(ref)
                after = item.text.partition(ref.text)[2] if ref.text else ""
                for other in marked:  # "Thompson and Mr. Akalovsky": stop at the next name
                    after = after.split(other.text)[0] if other is not ref and other.text else after
                words = _PARENS.sub("", after).strip(" ,;:.").split()
                position = " ".join(words) if any(_position_word(w) for w in words) else None
                parts.append(Participation(agent, role, position or office))
            if marked or item.text.endswith(":"):  # a heading such as "U.S. Side:"
                continue
            text = _PARENS.sub("", item.text).strip(" .;:")
            name, _, position = text.partition(",")
            names = _AND.split(name) if " and " in name or ";" in name else [name]
            for one in (n.strip() for n in names if n.strip()):
                found = self._plain(one, item.line)
                if found is None:
                    self._warn("unlinked-participant", f"cannot tell who {one!r} is", item.line)
                    continue
                parts.append(Participation(found[0], role, position.strip() or found[1]))
        if not self.raw.participants:
            for ref in self.raw.head_names:
                if ref.element == "persName" and ref.type is None:
                    agent, office = self._person(ref)
                    parts.append(Participation(agent, Role.PARTICIPANT, office))
        return self.builder.unique_participations(parts)

    def _event(
        self, doc: Document, kind: EventType, when: DateSpan | None, parts: list[Participation]
    ) -> None:
        line = self.raw.line
        if when is None:
            self._warn("no-date", "no date, so the conversation it records is not stored", line)
        elif len({(p.agent.kind, p.agent.slug) for p in parts}) < 2:
            # Without a participants list the source itself does not say who took
            # part: that is a gap of the record, not a data problem (a notice).
            self._warn(
                "too-few-participants",
                "fewer than two participants found; stored the document without the event",
                line,
                severity="warning" if self.raw.participants else "notice",
            )
        else:
            doc.events.append(self.builder.conversation_event(kind, when, parts))

    # --- mentions ------------------------------------------------------------------------
    def _mentions(self, doc: Document) -> None:
        """Marked names first (persons list, terms list), then names found in the text."""
        taken = {_key(p.agent) for e in doc.events for p in e.participations}
        taken.update(_key(a) for a in [*doc.addressees, doc.creator] if a is not None)
        marked: list[AgentRef | PlaceRef] = []
        for ref in self.raw.references:
            found: AgentRef | PlaceRef | None = None
            if ref.element == "persName":
                found = self._person(ref)[0]
                if not found.known and self._entry(ref) is None:
                    doc.unlinked_names.append(ref.text)
                    continue
            elif ref.ref and ref.type is None:
                found = self._organization(ref)
            if found is not None and _key(found) not in taken:
                marked.append(found)
        self.builder.add_mentions(doc, self.raw.body)
        unique: dict[tuple[str, str], AgentRef | PlaceRef] = {}
        for mention in (m for m in [*marked, *doc.mentions] if _key(m) not in taken):
            unique.setdefault(_key(mention), mention)
        doc.mentions = list(unique.values())
        # Names of persons already identified (through the persons list) are not unlinked.
        agents = [*doc.mentions, *(p for e in doc.events for p in e.participants)]
        known = [clean_person_name(a.label) for a in agents if isinstance(a, AgentRef)]
        doc.unlinked_names = [
            name
            for name in dict.fromkeys(doc.unlinked_names)
            if not any(_same_person(clean_person_name(name), k) for k in known)
        ]


def _position_word(word: str) -> bool:
    return word.lower() not in ("and", "of", "the") and not is_title(word.rstrip(","))


def _same_person(a: PersonName, b: PersonName) -> bool:
    return fold(a.family) == fold(b.family) and given_compatible(a.given_words, b.given_words)


def _key(ref: AgentRef | PlaceRef) -> tuple[str, str]:
    return (ref.kind if isinstance(ref, AgentRef) else "place", ref.slug)
