"""A Wilson Center record page -> a :class:`kg.model.Document` with its conversation.

The reader (:mod:`kg.sources.wilson`) gives the fields as written; here they
are interpreted: dates read with each other as context, people resolved
against the authority data in the order author, interlocutors, body (so a
bare "Castro" in the body means the Castro already met in the header),
the archive named by the citation, and the body's mentions collected.
"""

from __future__ import annotations

import datetime as dt
import re

from kg.concepts import Classification, DocumentType, EventType, Role
from kg.extract.dates import DateError, DateSpan, parse_date, search_date
from kg.extract.document import DocumentBuilder, Extraction
from kg.extract.header import classify_document_type, is_organization, parse_person, parse_title
from kg.extract.reference import ReferenceData
from kg.extract.wilson_dates import conversation_date
from kg.extract.wilson_people import (
    Statement,
    conversation_statements,
    is_interpreter,
    presence_statements,
)
from kg.ids import short_hash
from kg.model import AgentRef, Document, Event, Participation
from kg.report import Problem
from kg.sources.wilson import NamedRole, WilsonFormatError, WilsonRecord, read_wilson

SOURCE = "wilson"
FORMAT = "wilson-text"

_CONVERSATION_TYPES = {
    DocumentType.RECORD_OF_CONVERSATION,
    DocumentType.MEMORANDUM_OF_CONVERSATION,
    DocumentType.MINUTES,
}
_ENGLISH = {"english", "en"}


def extract_wilson(path: str, text: str, reference: ReferenceData) -> Extraction:
    """Read one page; problems are returned, never raised."""
    try:
        record = read_wilson(text)
    except WilsonFormatError as error:
        problem = Problem("not-a-record", path, str(error), error.line)
        return Extraction([], [problem])
    return _WilsonExtractor(path, record, reference).run()


class _WilsonExtractor:
    def __init__(self, path: str, record: WilsonRecord, reference: ReferenceData) -> None:
        self.path = path
        self.record = record
        self.builder = DocumentBuilder(path, reference)
        self.problems = self.builder.problems

    def _problem(self, code: str, field: str, message: str, severity: str = "warning") -> None:
        line = self.record.line_of.get(field)
        self.problems.append(Problem(code, self.path, message, line, severity))  # type: ignore[arg-type]

    def _date(self, field: str, reference: dt.date | None) -> DateSpan | None:
        text = getattr(self.record, field)
        if not text:
            return None
        try:
            return parse_date(text, reference=reference)
        except DateError as error:
            found = search_date(text, reference=reference)
            if found is None:
                label = field.replace("_", " ")
                self._problem("bad-date", field, f"cannot read the {label} {text!r}: {error}")
            return found

    def run(self) -> Extraction:
        r = self.record
        page = self._date("page_date", None)
        created = self._date("record_date", page.earliest if page else None) or page
        reference = created.earliest if created else None
        doc_type = _document_type(r)
        statements = conversation_statements(r.body)
        when = self._conversation_date(doc_type, created, statements)
        title = r.title or "Untitled record"
        dated = created or when
        record_id = r.record_id or short_hash(SOURCE, title, dated.edtf if dated else "")
        self.builder.set_context(date=when.earliest if when else reference)
        held_by = self._archive(r.archive_citation)
        doc = Document(
            source=SOURCE,
            record_id=record_id,
            title=title,
            document_type=doc_type,
            created=created,
            classification=Classification.from_text(r.classification or ""),
            copy_number=r.copy_number,
            registry_number=r.registry_number,
            archival_reference=r.archive_citation,
            held_by=held_by,
            original_language=r.original_language,
            abstract=r.summary,
            url=r.url,
        )
        language = (doc.original_language or "").strip().lower()
        foreign = bool(language) and language not in _ENGLISH
        if foreign or r.translated_by:
            doc.translation_language = "en"
        doc.translators = [self.builder.person(name) for name in r.translated_by]
        doc.obtained_by = [self.builder.person(name) for name in r.obtained_by]
        author = self._author()
        doc.creator = author.agent if author else self._issuer()
        talk = self._talk_people(statements)
        participations = self._participations(author, talk, statements)
        doc.addressees = self._addressees()
        self._check_dates(created, when)
        if doc_type in _CONVERSATION_TYPES or talk:
            event = self._conversation(doc, when, participations)
            if event is not None:
                doc.events.append(event)
        self.builder.add_mentions(doc, r.body, r.summary)
        self.builder.add_place(doc, r.place, r.body, author)
        self.builder.add_topics(doc, r.title, r.summary, r.body)
        return Extraction([doc], self.problems)

    # --- the conversation's date ---------------------------------------------------------
    def _conversation_date(
        self, doc_type: DocumentType, created: DateSpan | None, statements: list[Statement]
    ) -> DateSpan | None:
        """The date of the conversation, as distinct from the record's own date.

        A record of conversation dates it in its header or title; in a telegram,
        letter or report the title's date is the document's, so the date comes
        from a "Subject:" line or from the body's statement of the conversation
        ("Yesterday, 16 May, I had a conversation ...").
        """
        r = self.record
        reference = created.earliest if created else None
        when = self._date("conversation_date", reference)
        if when is None and doc_type in _CONVERSATION_TYPES and r.title:
            when = search_date(r.title, reference=reference)
        if when is None and r.subject and _names_talk(r.subject):
            said = parse_title(r.subject).conversation_date
            when = search_date(said, reference=reference) if said else None
        if when is None:
            when = conversation_date(statements, r.body, created)
        return when

    # --- people --------------------------------------------------------------------------
    def _author(self) -> Participation | None:
        name = self.record.author
        if not name:
            return None
        return self.builder.participation(name, Role.REPORTER, self.record.author_role)

    def _issuer(self) -> AgentRef | None:
        """An issuing office as the creator ("Report, Hungarian Legation in Havana")."""
        return self._organization(self.record.issuer) if self.record.issuer else None

    def _organization(self, text: str) -> AgentRef | None:
        found = self.builder.resolver.organization(text)
        if found.status != "resolved" or found.entity is None:
            return None
        return AgentRef("organization", found.entity.slug, found.entity.label, True)

    def _talk_people(self, statements: list[Statement]) -> list[NamedRole]:
        """The other side of the conversation: from the title, a "Subject:" line, the body."""
        r = self.record
        people = list(r.interlocutors)
        if r.subject and _names_talk(r.subject):
            subject = parse_title(r.subject)
            # "Conversation of Comrade Gyula Horn with Ambassador B. I. Stukalin": both sides
            sides = [NamedRole(subject.author, subject.author_role)] if subject.author else []
            people += [p for p in [*sides, *subject.interlocutors] if self._is_person(p.name)]
        people += [p for s in statements for p in s.people if self._is_person(p.name)]
        return people

    def _is_person(self, name: str) -> bool:
        """Whether a name a list or statement gives is a person's: not an office or a group,
        nor a place or organisation the authority knows ("Hungary", "Zhongnanhai")."""
        if parse_person(name)[0] is None:
            return False
        resolver = self.builder.resolver
        if self.builder.authority.by_hidden_label(name, "place"):
            return False  # a demonym
        return not any(
            found.status == "resolved"
            for found in (resolver.place(name), resolver.organization(name))
        )

    def _participations(
        self, author: Participation | None, talk: list[NamedRole], statements: list[Statement]
    ) -> list[Participation]:
        """Everyone who took part, the author first; persons said to be absent are left out.

        An author who wrote down a talk between others (minutes, an aide's
        memorandum) takes part only when the record lists him or her.
        """
        r = self.record
        named = [(p, Role.INTERLOCUTOR) for p in talk]
        present = [*r.participants, *presence_statements(r.body)]
        present += [p for s in statements for p in s.companions]
        named += [(p, _presence_role(p)) for p in present if self._is_person(p.name)]
        named += [(p, Role.INTERPRETER) for p in r.interpreters if self._is_person(p.name)]
        named += [(p, Role.PRESENT) for p in r.recorders if self._is_person(p.name)]
        absent = self.builder.absent(r.body) if r.body else set()
        parts = [author] if author and not r.third_party_author else []
        for person, role in named:
            part = self.builder.participation(person.name, role, person.role)
            if part.agent.slug not in absent:
                parts.append(part)
        parts = _one_per_agent(parts)
        if author is not None and r.third_party_author:
            key = (author.agent.kind, author.agent.slug)
            if any((p.agent.kind, p.agent.slug) == key for p in parts):
                parts = [author, *(p for p in parts if (p.agent.kind, p.agent.slug) != key)]
        return parts

    def _addressees(self) -> list[AgentRef]:
        """The persons or known organisations the record is addressed to."""
        found: dict[tuple[str, str], AgentRef] = {}
        for text in self.record.addressees:
            agent: AgentRef | None
            if is_organization(text):
                agent = self._organization(text)
            else:
                name, role = parse_person(text)
                agent = self.builder.person(name, role) if name else None
            if agent is not None:
                found.setdefault((agent.kind, agent.slug), agent)
        return list(found.values())

    # --- archive -------------------------------------------------------------------------
    def _archive(self, citation: str | None) -> AgentRef | None:
        """The holding archive: the citation's first words, with or without its abbreviation.

        "Hungarian National Archives (MNL OL), XIX-J-1-j ..." and "PRC FMA 106-00741-02"
        name their archive as well as "AVP RF, f. 0104 ..." does.
        """
        found = self.builder.archive(citation)
        if found is not None or not citation:
            return found
        head = re.split(r"[,;]", citation, maxsplit=1)[0]
        words = []
        for word in _PARENTHESES.sub(" ", head).split():
            if any(c.isdigit() for c in word):
                break
            words.append(word)
        for candidate in (" ".join(words), *_PARENTHESES.findall(head)):
            if candidate.strip() and (agent := self._organization(candidate.strip(" ()"))):
                return agent
        return None

    # --- checks --------------------------------------------------------------------------
    def _check_dates(self, created: DateSpan | None, when: DateSpan | None) -> None:
        if created and when and created.latest < when.earliest:
            self._problem(
                "record-before-conversation",
                "record_date",
                f"the record is dated {created.text} but the conversation it records is dated "
                f"{when.text}; both dates are kept",
            )

    def _conversation(
        self, doc: Document, when: DateSpan | None, participations: list[Participation]
    ) -> Event | None:
        parts = self.builder.unique_participations(participations)
        if when is None:
            self._problem(
                "no-date",
                "title",
                "no recognisable date of the conversation; stored the document without it",
            )
            return None
        if len({(p.agent.kind, p.agent.slug) for p in parts}) < 2:
            self._problem(
                "too-few-participants",
                "title",
                "fewer than two participants found; stored the document without the conversation",
            )
            return None
        return self.builder.conversation_event(EventType.CONVERSATION, when, parts)


def _document_type(record: WilsonRecord) -> DocumentType:
    for text in (record.document_type, record.title):
        if text:
            slug = classify_document_type(text)
            if slug:
                return DocumentType(slug)
    return DocumentType.OTHER


_TALK_SUBJECT = re.compile(
    r"^(?:(?:record|memorandum|minutes|notes?|report)\s+(?:of|on)\s+(?:an?\s+|the\s+)?)?"
    r"(?:(?:telephone|confidential|private)\s+)?(?:conversations?|talks?|meetings?|discussions?"
    r"|negotiations?|interview|visit)\b",
    re.IGNORECASE,
)
_PARENTHESES = re.compile(r"\(([^()]*)\)")


def _names_talk(subject: str) -> bool:
    """Whether a "Subject:" line names a conversation ("Conversation with X")."""
    return bool(_TALK_SUBJECT.match(subject.strip()))


def _presence_role(person: NamedRole) -> Role:
    return Role.INTERPRETER if is_interpreter(person) else Role.PRESENT


def _one_per_agent(parts: list[Participation]) -> list[Participation]:
    """Each agent once, in the first role given (author, interlocutor, then present)."""
    seen: set[tuple[str, str]] = set()
    unique = []
    for part in parts:
        key = (part.agent.kind, part.agent.slug)
        if key not in seen:
            seen.add(key)
            unique.append(part)
    return unique
