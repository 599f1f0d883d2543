"""Timeline selection: the events of the graph, filtered, in date order, with their context.

A :class:`TimelineEntry` is what every timeline and network export draws
from: the event's label, its date bounds exactly as stored (earliest/latest,
the EDTF form, the precision and the source's wording, so an uncertain date
stays uncertain), its place, topics, participants with their roles and the
documents that record it with their citations.

Selection (:class:`TimelineFilter`) works in SPARQL against any
:class:`kg.backend.GraphStore`; filter values are bound with ``VALUES``
blocks written by the term serialiser (:func:`kg.sparql.values_block`),
never pasted.  Dates filter by overlap (DESIGN A2): an event is kept when
its span ``[earliest, latest]`` meets ``[from, to]``.  Labels are chosen in
Python (English first, then the smallest), not with ``SAMPLE``, so the same
graph gives the same timeline from every SPARQL server.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Sequence

from kg.backend import GraphStore
from kg.results import plain
from kg.sparql import Term
from kg.timeline_entry import (
    Labelled,
    Timeline,
    TimelineAgent,
    TimelineDocument,
    TimelineEntry,
    TimelineFilter,
    _slug,
    human_date,
)
from kg.timeline_filter import PREFIXES as _PREFIXES
from kg.timeline_filter import (
    SOURCE_ALIASES,
    date_bound,
    filter_block,
    resolve_entity,
)

__all__ = [
    "SOURCE_ALIASES",
    "Labelled",
    "Timeline",
    "TimelineAgent",
    "TimelineDocument",
    "TimelineEntry",
    "TimelineFilter",
    "date_bound",
    "human_date",
    "resolve_entity",
    "select_timeline",
]


def select_timeline(
    graph: GraphStore, selection: TimelineFilter | None = None
) -> list[TimelineEntry]:
    """The events that match ``selection``, in date order (earliest, latest, label, IRI)."""
    where = filter_block(graph, selection or TimelineFilter())
    events = graph.select(_PREFIXES + _EVENTS.replace("#FILTER", where))
    rows: dict[str, dict[str, str | None]] = {}
    labels: dict[str, list[Term]] = defaultdict(list)
    for row in events.dicts():
        iri = _text(row["event"])
        if iri is None:
            continue
        if row.get("label") is not None:
            labels[iri].append(row["label"])  # type: ignore[arg-type]
        if iri not in rows:
            rows[iri] = {k: _text(v) for k, v in row.items() if k != "label"}
    places = _labelled(graph, _PLACES, where)
    topics = _labelled(graph, _TOPICS, where)
    agents = _participants(graph, where)
    documents = _documents(graph, where)
    entries = [
        TimelineEntry(
            event=iri,
            label=_best_label(labels.get(iri, [])) or iri,
            earliest=dt.date.fromisoformat(str(row["earliest"])),
            latest=dt.date.fromisoformat(str(row["latest"])),
            edtf=row.get("edtf"),
            precision=_slug(row.get("precision")),
            wording=row.get("wording"),
            event_type=_slug(row.get("type")),
            summary=row.get("summary"),
            part_of=row.get("parent"),
            places=tuple(places.get(iri, ())),
            topics=tuple(topics.get(iri, ())),
            participants=tuple(agents.get(iri, ())),
            documents=tuple(documents.get(iri, ())),
        )
        for iri, row in rows.items()
    ]
    entries.sort(key=lambda e: (e.earliest, e.latest, e.label, e.event))
    return entries


_EVENTS = """SELECT ?event ?label ?earliest ?latest ?edtf ?wording ?precision ?type ?summary ?parent
WHERE {
  #FILTER
  ?event dip:eventType ?type ; dip:earliestDate ?earliest ; dip:latestDate ?latest .
  OPTIONAL { ?event rdfs:label ?label }
  OPTIONAL { ?event dip:dateEDTF ?edtf }
  OPTIONAL { ?event dip:dateText ?wording }
  OPTIONAL { ?event dip:datePrecision ?precision }
  OPTIONAL { ?event dcterms:abstract ?summary }
  OPTIONAL { ?event dip:subEventOf ?parent }
}"""

_PLACES = """SELECT ?event ?entity ?label WHERE {
  #FILTER
  ?event dip:eventType ?type ; dip:tookPlaceAt ?entity .
  OPTIONAL { ?entity skos:prefLabel|rdfs:label ?label }
}"""

_TOPICS = """SELECT ?event ?entity ?label WHERE {
  #FILTER
  ?event dip:eventType ?type ; dip:hasTopic ?entity .
  OPTIONAL { ?entity skos:prefLabel|rdfs:label ?label }
}"""

# Participants, their roles and their labels are three small queries rather than one with
# OPTIONALs: joined in one query, some servers (Virtuoso) multiply the rows a hundredfold.
_PARTICIPANTS = """SELECT ?event ?entity WHERE {
  #FILTER
  ?event dip:eventType ?type ; dip:participant ?entity .
}"""

_ROLES = """SELECT ?event ?entity ?role WHERE {
  #FILTER
  ?event dip:eventType ?type ; dip:hasParticipation ?participation .
  ?participation dip:agent ?entity ; dip:role ?role .
}"""

_AGENT_LABELS = """SELECT DISTINCT ?entity ?label WHERE {
  #FILTER
  ?event dip:eventType ?type ; dip:participant ?entity .
  ?entity skos:prefLabel|rdfs:label ?label .
}"""

_DOCUMENTS = """SELECT ?event ?doc ?title ?reference ?archive ?archiveLabel ?url ?created ?doctype
       ?format WHERE {
  #FILTER
  ?event dip:eventType ?type ; dip:documentedIn ?doc .
  OPTIONAL { ?doc dcterms:title ?title }
  OPTIONAL { ?doc dip:archivalReference ?reference }
  OPTIONAL { ?doc dip:heldBy ?archive .
             OPTIONAL { ?archive skos:prefLabel|rdfs:label ?archiveLabel } }
  OPTIONAL { ?doc foaf:page ?url }
  OPTIONAL { ?doc dcterms:created ?created }
  OPTIONAL { ?doc dip:documentType ?doctype }
  OPTIONAL { GRAPH ?g { ?doc dcterms:title ?anyTitle } ?g dip:sourceFormat ?format }
}"""


def _labelled(graph: GraphStore, query: str, where: str) -> dict[str, list[Labelled]]:
    labels: dict[tuple[str, str], list[Term]] = defaultdict(list)
    for row in graph.select(_PREFIXES + query.replace("#FILTER", where)).dicts():
        event, entity = _text(row["event"]), _text(row["entity"])
        if event and entity:
            bucket = labels[(event, entity)]
            if row.get("label") is not None:
                bucket.append(row["label"])  # type: ignore[arg-type]
    out: dict[str, list[Labelled]] = defaultdict(list)
    for (event, entity), found in sorted(labels.items()):
        out[event].append(Labelled(entity, _best_label(found) or _slug(entity) or entity))
    for items in out.values():
        items.sort(key=lambda x: (x.label.lower(), x.iri))
    return out


def _participants(graph: GraphStore, where: str) -> dict[str, list[TimelineAgent]]:
    def rows(query: str) -> list[dict[str, Term | None]]:
        return graph.select(_PREFIXES + query.replace("#FILTER", where)).dicts()

    taking_part: set[tuple[str, str]] = set()
    for row in rows(_PARTICIPANTS):
        event, entity = _text(row["event"]), _text(row["entity"])
        if event and entity:
            taking_part.add((event, entity))
    roles: dict[tuple[str, str], set[str]] = defaultdict(set)
    for row in rows(_ROLES):
        event, entity, role = _text(row["event"]), _text(row["entity"]), _slug(_text(row["role"]))
        if event and entity and role:
            roles[(event, entity)].add(role)
    labels: dict[str, list[Term]] = defaultdict(list)
    for row in rows(_AGENT_LABELS):
        entity, label = _text(row["entity"]), row["label"]
        if entity and label is not None:
            labels[entity].append(label)
    out: dict[str, list[TimelineAgent]] = defaultdict(list)
    for event, entity in sorted(taking_part):
        out[event].append(
            TimelineAgent(
                entity,
                _best_label(labels.get(entity, [])) or entity,
                agent_kind(entity),
                tuple(sorted(roles.get((event, entity), ()), key=_role_order)),
            )
        )
    for items in out.values():
        items.sort(key=lambda a: (_role_order(a.roles[0]) if a.roles else 99, a.label, a.iri))
    return out


def agent_kind(iri: str) -> str:
    """ "person" or "organization" from the IRI kg minted (DESIGN A1), else "agent".

    Read from the IRI rather than ``rdf:type``: asking every server for the
    type of thousands of agents across the union of all graphs is slow, and
    servers disagree on how they return ``EXISTS`` (Virtuoso: 1/0).

    >>> agent_kind("https://w3id.org/dipkg/person/castro-ruz-fidel")
    'person'
    >>> agent_kind("https://w3id.org/dipkg/organization/oas"), agent_kind("http://e/x")
    ('organization', 'agent')
    """
    match = re.search(r"/(person|organization)/[^/]+$", iri)
    return match.group(1) if match else "agent"


_ROLE_ORDER = (
    "reporter",
    "interlocutor",
    "host",
    "visitor",
    "traveller",
    "participant",
    "present",
    "interpreter",
)


def _role_order(role: str) -> int:
    return _ROLE_ORDER.index(role) if role in _ROLE_ORDER else len(_ROLE_ORDER)


def _documents(graph: GraphStore, where: str) -> dict[str, list[TimelineDocument]]:
    fields: dict[tuple[str, str], dict[str, set[str]]] = {}
    archive_labels: dict[tuple[str, str], list[Term]] = defaultdict(list)
    titles: dict[tuple[str, str], list[Term]] = defaultdict(list)
    for row in graph.select(_PREFIXES + _DOCUMENTS.replace("#FILTER", where)).dicts():
        event, doc = _text(row["event"]), _text(row["doc"])
        if not (event and doc):
            continue
        key = (event, doc)
        bucket = fields.setdefault(key, defaultdict(set))
        for name in ("reference", "archive", "url", "created", "doctype", "format"):
            value = _text(row.get(name))
            if value:
                bucket[name].add(value)
        if row.get("title") is not None:
            titles[key].append(row["title"])  # type: ignore[arg-type]
        if row.get("archiveLabel") is not None:
            archive_labels[key].append(row["archiveLabel"])  # type: ignore[arg-type]
    out: dict[str, list[TimelineDocument]] = defaultdict(list)
    for (event, doc), values in sorted(fields.items()):
        out[event].append(
            TimelineDocument(
                iri=doc,
                title=_best_label(titles.get((event, doc), [])) or doc,
                archival_reference=_first(values.get("reference")),
                archive=_best_label(archive_labels.get((event, doc), [])),
                url=_first(values.get("url")),
                created=_first(values.get("created")),
                document_type=_slug(_first(values.get("doctype"))),
                source_format=_first(values.get("format")),
            )
        )
    return out


# --- small helpers ---------------------------------------------------------------------


def _text(term: Term | None) -> str | None:
    """The term's value as text (:func:`kg.results.plain`), None for an unbound variable."""
    return plain(term) if term is not None else None


def _first(values: set[str] | None) -> str | None:
    return min(values) if values else None


def _best_label(labels: Sequence[Term]) -> str | None:
    """English first, then untagged, then any; the smallest string among equals."""

    def rank(term: Term) -> tuple[int, str]:
        language = getattr(term, "language", None) or ""
        order = 0 if language.startswith("en") else (1 if not language else 2)
        return (order, str(getattr(term, "value", term)))

    if not labels:
        return None
    best = min(labels, key=rank)
    return str(getattr(best, "value", best))
