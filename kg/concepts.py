"""Controlled vocabularies: roles, event types, document types, classifications.

Each enum value is the slug of a ``skos:Concept`` at ``{base}topic/{scheme}/{slug}``
in the scheme ``{base}topic/{scheme}``.  The concept schemes are generated
from these enums (see :func:`kg.model.concept_scheme_quads`), so the code and
the published vocabulary cannot drift apart.

>>> DocumentType.RECORD_OF_CONVERSATION.label
'record of conversation'
>>> Classification.from_text("TOP SECRET")
<Classification.TOP_SECRET: 'top-secret'>
"""

from __future__ import annotations

import re
from enum import Enum


class Concept(str, Enum):
    """An enum whose values are concept slugs; the label is the slug in words."""

    @property
    def label(self) -> str:
        return str(self.value).replace("-", " ")

    @classmethod
    def scheme(cls) -> str:
        """The scheme slug under ``{base}topic/``."""
        raise NotImplementedError


class Role(Concept):
    """What an agent did in an event."""

    REPORTER = "reporter"
    INTERLOCUTOR = "interlocutor"
    INTERPRETER = "interpreter"
    PRESENT = "present"
    PARTICIPANT = "participant"
    VISITOR = "visitor"
    TRAVELLER = "traveller"
    HOST = "host"

    @classmethod
    def scheme(cls) -> str:
        return "role"


class EventType(Concept):
    CONVERSATION = "conversation"
    MEETING = "meeting"
    TELEPHONE_CONVERSATION = "telephone-conversation"
    VISIT = "visit"
    JOURNEY = "journey"
    CONFERENCE = "conference"

    @classmethod
    def scheme(cls) -> str:
        return "event-type"


class DocumentType(Concept):
    RECORD_OF_CONVERSATION = "record-of-conversation"
    MEMORANDUM_OF_CONVERSATION = "memorandum-of-conversation"
    DIARY_ENTRY = "diary-entry"
    TELEGRAM = "telegram"
    LETTER = "letter"
    MINUTES = "minutes"
    REPORT = "report"
    MEMORANDUM = "memorandum"
    AIRGRAM = "airgram"
    EDITORIAL_NOTE = "editorial-note"
    INTELLIGENCE_ESTIMATE = "intelligence-estimate"
    CURATED_RECORD = "curated-record"
    DATA_RECORD = "data-record"
    OTHER = "other"

    @classmethod
    def scheme(cls) -> str:
        return "document-type"


class Classification(Concept):
    TOP_SECRET = "top-secret"
    SECRET = "secret"
    CONFIDENTIAL = "confidential"
    RESTRICTED = "restricted"
    LIMITED_OFFICIAL_USE = "limited-official-use"
    OFFICIAL_USE_ONLY = "official-use-only"
    UNCLASSIFIED = "unclassified"

    @classmethod
    def scheme(cls) -> str:
        return "classification"

    @classmethod
    def from_text(cls, text: str) -> Classification | None:
        """Map a marking such as "Top Secret", "SECRET", "Strictly secret" to a level.

        >>> Classification.from_text("Secret; Priority.")
        <Classification.SECRET: 'secret'>
        >>> Classification.from_text("hello") is None
        True
        """
        words = re.sub(r"[^a-z ]+", " ", text.lower())
        words = " ".join(words.split())
        for level in (
            cls.TOP_SECRET,
            cls.LIMITED_OFFICIAL_USE,
            cls.OFFICIAL_USE_ONLY,
            cls.UNCLASSIFIED,
            cls.CONFIDENTIAL,
            cls.RESTRICTED,
            cls.SECRET,
        ):
            if re.search(rf"\b{level.label}\b", words):
                return level
        if re.search(r"\bstrictly secret\b", words):
            return cls.SECRET
        return None


class DatePrecision(Concept):
    DAY = "day"
    MONTH = "month"
    YEAR = "year"
    SEASON = "season"
    APPROXIMATE = "approximate"
    RANGE = "range"

    @classmethod
    def scheme(cls) -> str:
        return "date-precision"


ALL_CONCEPT_ENUMS: tuple[type[Concept], ...] = (
    Role,
    EventType,
    DocumentType,
    Classification,
    DatePrecision,
)
