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
from kg.extract.header import classify_document_type, split_name_and_role
from kg.extract.reference import ReferenceData
from kg.ids import short_hash
from kg.model import Document, Event, Participation
from kg.report import Problem
from kg.sources.wilson import WilsonFormatError, WilsonRecord, read_wilson

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
        when = self._date("conversation_date", reference)
        if when is None and r.title:
            when = search_date(r.title, reference=reference)
        doc_type = _document_type(r)
        title = r.title or "Untitled record"
        dated = created or when
        record_id = r.record_id or short_hash(SOURCE, title, dated.edtf if dated else "")
        self.builder.set_context(date=when.earliest if when else reference)
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
            held_by=self.builder.archive(r.archive_citation),
            original_language=r.original_language,
            abstract=r.summary,
            url=r.url,
        )
        language = (r.original_language or "").strip().lower()
        foreign = bool(language) and language not in _ENGLISH
        if foreign or r.translated_by:
            doc.translation_language = "en"
        doc.translators = [self.builder.person(name) for name in r.translated_by]
        doc.obtained_by = [self.builder.person(name) for name in r.obtained_by]
        author = self._author()
        doc.creator = author.agent if author else None
        interlocutors = [
            self.builder.participation(named.name, Role.INTERLOCUTOR, named.role)
            for named in r.interlocutors
        ]
        participations = ([author] if author else []) + interlocutors
        self._check_dates(created, when)
        if doc_type in _CONVERSATION_TYPES or r.interlocutors:
            event = self._conversation(doc, when, participations)
            if event is not None:
                doc.events.append(event)
        self.builder.add_mentions(doc, r.body, r.summary)
        self.builder.add_place(doc, r.place, r.body, author)
        self.builder.add_topics(doc, r.title, r.summary, r.body)
        return Extraction([doc], self.problems)

    def _author(self) -> Participation | None:
        name = self.record.author
        if not name and self.record.signature:
            name = split_name_and_role(_signature_name(self.record.signature)).name
        if not name:
            return None
        return self.builder.participation(name, Role.REPORTER, None)

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


_SIGNATURE_NAME = re.compile(r"\(([^()]+)\)\s*$")


def _signature_name(signature: str) -> str:
    """'USSR AMBASSADOR IN CUBA (A. ALEKSEYEV)' -> 'A. ALEKSEYEV'.

    >>> _signature_name("USSR AMBASSADOR IN THE REPUBLIC OF CUBA (A. ALEKSEYEV)")
    'A. ALEKSEYEV'
    """
    match = _SIGNATURE_NAME.search(signature)
    return match.group(1).strip() if match else signature.strip()
