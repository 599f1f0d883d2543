"""The values of a timeline: entries with their dates as stored, agents, documents, filters.

These are plain frozen dataclasses with no I/O, shared by the selection in
:mod:`kg.timeline` (which re-exports them), every export in :mod:`kg.export`,
the network and the linked-data pages.  An entry keeps its date exactly as
stored (earliest/latest, EDTF, precision and the source's wording), so an
uncertain date is never narrowed by what is built from it.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, field


@dataclass(frozen=True)
class TimelineFilter:
    """Which events a timeline shows; empty fields do not filter.

    Several values in one field mean "any of them"; different fields must
    all hold.  Entities are IRIs or names (labels, spelling variants);
    ``date_from``/``date_to`` are ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``.
    """

    persons: tuple[str, ...] = ()
    organizations: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    event_types: tuple[str, ...] = ()
    date_from: str | None = None
    date_to: str | None = None

    @property
    def is_empty(self) -> bool:
        return self == TimelineFilter()

    def describe(self) -> str:
        """The selection in words, for titles and captions (IRIs shortened to their slug).

        >>> TimelineFilter(persons=("Fidel Castro",), date_from="1961").describe()
        'person: Fidel Castro; from 1961'
        >>> TimelineFilter(topics=("https://w3id.org/dipkg/topic/oas-sanctions",)).describe()
        'topic: oas-sanctions'
        >>> TimelineFilter().describe()
        'all events'
        """
        parts: list[str] = []
        for name, values in (
            ("person", self.persons),
            ("organization", self.organizations),
            ("place", self.places),
            ("topic", self.topics),
            ("source", self.sources),
            ("type", self.event_types),
        ):
            if values:
                parts.append(f"{name}: " + ", ".join(_short(v) for v in values))
        if self.date_from:
            parts.append(f"from {self.date_from}")
        if self.date_to:
            parts.append(f"to {self.date_to}")
        return "; ".join(parts) or "all events"


@dataclass(frozen=True)
class Labelled:
    """An entity of the graph with the label people read."""

    iri: str
    label: str


@dataclass(frozen=True)
class TimelineAgent:
    iri: str
    label: str
    kind: str  # "person", "organization" or "agent"
    roles: tuple[str, ...] = ()  # role slugs: reporter, interlocutor, interpreter, …


@dataclass(frozen=True)
class TimelineDocument:
    """A document recording an event, with what a citation needs."""

    iri: str
    title: str
    archival_reference: str | None = None
    archive: str | None = None
    url: str | None = None
    created: str | None = None
    document_type: str | None = None  # slug, e.g. record-of-conversation
    source_format: str | None = None

    @property
    def citation(self) -> str:
        """Title, archival reference and archive, as a scholar cites the record.

        >>> TimelineDocument("d", "Record of a Conversation", "AVP RF, f. 0104", "AVP RF").citation
        '"Record of a Conversation", AVP RF, f. 0104'
        >>> TimelineDocument("d", "Visit of X", archive="Office of the Historian").citation
        '"Visit of X", Office of the Historian'
        """
        parts = [f'"{self.title}"']
        if self.archival_reference:
            parts.append(self.archival_reference)
        if self.archive and not _names_archive(self.archival_reference or "", self.archive):
            parts.append(self.archive)
        return ", ".join(parts)


@dataclass(frozen=True)
class TimelineEntry:
    """One event of a timeline with its dates as stored and everything around it."""

    event: str
    label: str
    earliest: dt.date
    latest: dt.date
    edtf: str | None = None
    precision: str | None = None  # slug: day, month, year, season, approximate, range
    wording: str | None = None  # dip:dateText, the source's words
    event_type: str | None = None  # slug: conversation, visit, …
    summary: str | None = None
    part_of: str | None = None  # the event this one is a sub-event of
    places: tuple[Labelled, ...] = ()
    topics: tuple[Labelled, ...] = ()
    participants: tuple[TimelineAgent, ...] = ()
    documents: tuple[TimelineDocument, ...] = ()

    @property
    def uncertain(self) -> bool:
        """True unless the event is known to the day."""
        return self.earliest != self.latest or (self.precision not in (None, "day"))

    @property
    def display_date(self) -> str:
        """The date as people should read it: the wording, else the day or the span.

        >>> e = TimelineEntry("e", "x", dt.date(1961, 5, 19), dt.date(1961, 5, 19))
        >>> e.display_date
        '19 May 1961'
        >>> TimelineEntry("e", "x", dt.date(1961, 5, 1), dt.date(1961, 5, 31)).display_date
        '1 May 1961 – 31 May 1961'
        """
        if self.wording and not re.fullmatch(r"[\d\-/?~.]+", self.wording):
            return self.wording
        if self.earliest == self.latest:
            return human_date(self.earliest)
        return f"{human_date(self.earliest)} – {human_date(self.latest)}"

    @property
    def citation(self) -> str:
        return "; ".join(d.citation for d in self.documents)


def human_date(day: dt.date) -> str:
    """``19 May 1961``.

    >>> human_date(dt.date(1961, 5, 9))
    '9 May 1961'
    """
    return f"{day.day} {calendar.month_name[day.month]} {day.year}"


def _slug(iri: str | None) -> str | None:
    """The last path segment of a concept IRI (``…/date-precision/day`` → ``day``)."""
    if not iri:
        return None
    return re.split(r"[/#]", iri.rstrip("/"))[-1]


def _short(value: str) -> str:
    """An IRI as its last path segment; any other value as it is."""
    return (_slug(value) or value) if re.match(r"^https?://", value) else value


def _names_archive(reference: str, archive: str) -> bool:
    """True when the reference already names the archive, in full or by its initials.

    >>> _names_archive("AVP RF, f. 0104", "AVP RF")
    True
    >>> _names_archive("f. 0104", "Archive of Foreign Policy of the Russian Federation")
    False
    """
    squeezed = re.sub(r"\W", "", reference.lower())
    if re.sub(r"\W", "", archive.lower()) in squeezed:
        return True
    initials = "".join(w[0] for w in re.split(r"\W+", archive) if w and w[0].isupper())
    return len(initials) >= 3 and initials.lower() in squeezed


@dataclass
class Timeline:
    """A selection and its entries, for exports that describe what was selected."""

    selection: TimelineFilter
    entries: list[TimelineEntry] = field(default_factory=list)

    @property
    def first(self) -> dt.date | None:
        return min((e.earliest for e in self.entries), default=None)

    @property
    def last(self) -> dt.date | None:
        return max((e.latest for e in self.entries), default=None)
