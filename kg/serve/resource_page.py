"""The HTML page of one resource: what a scholar wants to see first, then every triple.

Above the generic tables (properties, sub-resources such as participations,
incoming links) each kind gets its own summary: an event its date as the
source words it with the EDTF form and bounds, place, participants with
roles and the documents with citations and source links; a person,
organization, place or topic the timeline of its events
(:func:`kg.timeline.select_timeline`); a document the events it records.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

import pyoxigraph as ox

from kg.backend import GraphStore
from kg.namespaces import DIP_IRI, PREFIXES
from kg.serve.formats import RDF_TYPES
from kg.serve.pages import Linker, compact, esc, iri_link, layout, table, term_html
from kg.serve.resource import RDF_TYPE, Description
from kg.sparql import values_block
from kg.timeline import TimelineDocument, TimelineEntry, TimelineFilter, select_timeline

MAX_TIMELINE = 1000
MAX_INCOMING_SHOWN = 300
DCTERMS = PREFIXES["dcterms"]
FOAF = PREFIXES["foaf"]

_DOCUMENTS = """PREFIX dip: <https://w3id.org/dipkg/ontology#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX foaf: <http://xmlns.com/foaf/0.1/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?doc ?title ?reference ?archive ?url ?created WHERE {
  #VALUES
  OPTIONAL { ?doc dcterms:title ?title }
  OPTIONAL { ?doc dip:archivalReference ?reference }
  OPTIONAL { ?doc dip:heldBy/skos:prefLabel ?archive }
  OPTIONAL { ?doc foaf:page|dcterms:source ?url }
  OPTIONAL { ?doc dcterms:created ?created }
}"""

_TIMELINE_KINDS = ("person", "organization", "place")


@dataclass
class Extras:
    """What a page shows beyond the description: a timeline, the documents of an event."""

    timeline: list[TimelineEntry] = field(default_factory=list)
    documents: list[TimelineDocument] = field(default_factory=list)


def kind_of(description: Description, base_iri: str) -> str:
    """The resource's kind from its IRI path: event, document, person …"""
    return description.iri[len(base_iri) :].split("/", 1)[0]


def gather(graph: GraphStore, description: Description, base_iri: str) -> Extras:
    """The extra queries of a page (a timeline, the documents of an event)."""
    kind = kind_of(description, base_iri)
    extras = Extras()
    if kind == "event":
        docs = [
            v for v in description.values(DIP_IRI + "documentedIn") if isinstance(v, ox.NamedNode)
        ]
        extras.documents = event_documents(graph, docs)
    elif kind in _TIMELINE_KINDS or (
        kind == "topic" and description.iri.count("/") == base_iri.count("/") + 1
    ):
        one = (description.iri,)
        selection = TimelineFilter(
            persons=one if kind == "person" else (),
            organizations=one if kind == "organization" else (),
            places=one if kind == "place" else (),
            topics=one if kind == "topic" else (),
        )
        extras.timeline = select_timeline(graph, selection)
    return extras


def event_documents(graph: GraphStore, documents: list[ox.NamedNode]) -> list[TimelineDocument]:
    if not documents:
        return []
    rows = graph.select(_DOCUMENTS.replace("#VALUES", values_block("doc", documents))).dicts()
    found: dict[str, dict[str, str]] = defaultdict(dict)
    for row in rows:
        doc = row["doc"]
        if not isinstance(doc, ox.NamedNode):
            continue
        for key, value in row.items():
            if key != "doc" and value is not None and key not in found[doc.value]:
                found[doc.value][key] = str(getattr(value, "value", value))
    return [
        TimelineDocument(
            iri=d.value,
            title=found[d.value].get("title", d.value),
            archival_reference=found[d.value].get("reference"),
            archive=found[d.value].get("archive"),
            url=found[d.value].get("url"),
            created=found[d.value].get("created"),
        )
        for d in documents
    ]


def resource_page(description: Description, extras: Extras, linker: Linker, *, page: str) -> str:
    """The whole HTML page; ``page`` is its site path without suffix (``person/x``)."""
    labels = description.labels
    kind = kind_of(description, linker.site.base_iri)
    alternates = [
        (linker.to(f"{page}.{t.suffix}"), t.media_type, t.name)
        for t in RDF_TYPES
        if t.suffix in linker.site.rdf_suffixes
    ]
    types = ", ".join(iri_link(t, linker, labels) for t in description.types) or esc(kind)
    forms = " · ".join(f'<a href="{esc(h)}" type="{esc(m)}">{esc(n)}</a>' for h, m, n in alternates)
    body = [
        f"<h1>{esc(description.label)}</h1>",
        f'<p class="kind">{types}</p>',
        f'<p class="note">IRI <code class="iri">{esc(description.iri)}</code> · {forms}</p>',
    ]
    if kind == "event":
        body.append(_event_summary(description, extras, linker))
    elif kind == "document":
        body.append(_document_summary(description, linker))
    if extras.timeline:
        body.append(timeline_table(extras.timeline, linker, heading="Timeline"))
    body.append("<h2>Properties</h2>" + _properties(description, description.iri, linker))
    for sub in description.sub_resources():
        anchor = sub[len(description.iri) + 1 :]
        body.append(
            f'<section id="{esc(anchor)}"><h3>{esc(anchor)}</h3>'
            + _properties(description, sub, linker)
            + "</section>"
        )
    if description.incoming:
        body.append(_incoming(description, linker))
    return layout(
        description.label, "\n".join(body), linker, alternates=alternates, canonical=description.iri
    )


def timeline_table(entries: list[TimelineEntry], linker: Linker, *, heading: str) -> str:
    """Events in date order with participants (and roles) and documents (citations)."""
    rows = []
    for entry in entries[:MAX_TIMELINE]:
        people = ", ".join(
            iri_link(p.iri, linker, {p.iri: p.label})
            + (f' <span class="note">({esc(", ".join(p.roles))})</span>' if p.roles else "")
            for p in entry.participants
        )
        docs = "<br>".join(iri_link(d.iri, linker, {d.iri: d.citation}) for d in entry.documents)
        rows.append(
            [
                esc(entry.display_date),
                iri_link(entry.event, linker, {entry.event: entry.label}),
                people,
                docs,
            ]
        )
    more = ""
    if len(entries) > MAX_TIMELINE:
        more = f'<p class="note">The first {MAX_TIMELINE} of {len(entries)} events.</p>'
    return (
        f"<h2>{esc(heading)}</h2>"
        + table(["date", "event", "participants", "documents"], rows)
        + more
    )


def _event_summary(description: Description, extras: Extras, linker: Linker) -> str:
    def one(local: str) -> str | None:
        values = description.values(DIP_IRI + local)
        return (
            values[0].value
            if values and isinstance(values[0], (ox.Literal, ox.NamedNode))
            else None
        )

    labels = description.labels
    facts: list[tuple[str, str]] = []
    earliest, latest = one("earliestDate"), one("latestDate")
    if earliest and latest:
        entry = TimelineEntry(
            event=description.iri,
            label=description.label,
            earliest=dt.date.fromisoformat(earliest),
            latest=dt.date.fromisoformat(latest),
            wording=one("dateText"),
        )
        facts.append(("Date", esc(entry.display_date)))
        facts.append(("Bounds", f"{esc(earliest)} … {esc(latest)}"))
    if one("dateEDTF"):
        facts.append(("EDTF", f"<code>{esc(one('dateEDTF'))}</code>"))
    precision = one("datePrecision")
    if precision:
        facts.append(("Precision", iri_link(precision, linker, labels)))
    places = [
        iri_link(p.value, linker, labels)
        for p in description.values(DIP_IRI + "tookPlaceAt")
        if isinstance(p, ox.NamedNode)
    ]
    if places:
        facts.append(("Place", ", ".join(places)))
    topics = [
        iri_link(t.value, linker, labels)
        for t in description.values(DIP_IRI + "hasTopic")
        if isinstance(t, ox.NamedNode)
    ]
    if topics:
        facts.append(("Topics", ", ".join(topics)))
    out = (
        '<dl class="facts">' + "".join(f"<dt>{esc(k)}</dt><dd>{v}</dd>" for k, v in facts) + "</dl>"
    )
    out += "<h2>Participants</h2>" + _participants(description, linker)
    if extras.documents:
        items = []
        for doc in extras.documents:
            item = iri_link(doc.iri, linker, {doc.iri: doc.citation})
            if doc.url:
                item += (
                    f' — <a href="{esc(doc.url)}">source</a>' if doc.url.startswith("http") else ""
                )
            items.append(f"<li>{item}</li>")
        out += "<h2>Documents</h2><ul>" + "".join(items) + "</ul>"
    return out


def _participation_order(node: object) -> tuple[int, str]:
    """``…/participation/2`` after ``…/participation/1`` (the record's order), not as text.

    >>> sorted(["e/participation/10", "e/participation/2"], key=_participation_order)
    ['e/participation/2', 'e/participation/10']
    """
    text = _text(node)
    number = text.rsplit("/", 1)[-1]
    return (int(number) if number.isdigit() else 0, text)


def _participants(description: Description, linker: Linker) -> str:
    labels = description.labels
    rows, seen = [], set()
    for node in sorted(description.values(DIP_IRI + "hasParticipation"), key=_participation_order):
        if not isinstance(node, ox.NamedNode):
            continue
        agents = description.values(DIP_IRI + "agent", node.value)
        roles = description.values(DIP_IRI + "role", node.value)
        positions = description.values(DIP_IRI + "positionText", node.value)
        for agent in agents:
            seen.add(_text(agent))
            rows.append(
                [
                    term_html(agent, linker, labels),
                    ", ".join(term_html(r, linker, labels) for r in roles),
                    ", ".join(esc(_text(p)) for p in positions),
                ]
            )
    for agent in description.values(DIP_IRI + "participant"):
        if _text(agent) not in seen:
            rows.append([term_html(agent, linker, labels), "", ""])
    return table(["participant", "role", "position"], rows)


def _document_summary(description: Description, linker: Linker) -> str:
    labels = description.labels
    events = {
        t.value for t in description.values(DIP_IRI + "documents") if isinstance(t, ox.NamedNode)
    }
    events |= {
        t.subject.value
        for t in description.incoming
        if t.predicate.value == DIP_IRI + "documentedIn" and isinstance(t.subject, ox.NamedNode)
    }
    items = "".join(f"<li>{iri_link(e, linker, labels)}</li>" for e in sorted(events))
    out = f"<h2>Events it records</h2><ul>{items}</ul>" if events else ""
    for key, name in ((DCTERMS + "abstract", "Summary"),):
        for value in description.values(key):
            out += f"<h2>{esc(name)}</h2><p>{esc(_text(value))}</p>"
    return out


def _properties(description: Description, subject: str, linker: Linker) -> str:
    grouped: dict[str, list[str]] = defaultdict(list)
    for t in description.outgoing:
        if isinstance(t.subject, ox.NamedNode) and t.subject.value == subject:
            grouped[t.predicate.value].append(term_html(t.object, linker, description.labels))
    order = sorted(grouped, key=lambda p: (p != RDF_TYPE, compact(p)))
    rows = [[f'<a href="{esc(p)}">{esc(compact(p))}</a>', "<br>".join(grouped[p])] for p in order]
    return table(["property", "value"], rows)


def _incoming(description: Description, linker: Linker) -> str:
    shown = description.incoming[:MAX_INCOMING_SHOWN]
    rows = [
        [term_html(t.subject, linker, description.labels), esc(compact(t.predicate.value))]
        for t in shown
    ]
    total = len(description.incoming)
    note = ""
    if total > len(shown) or description.incoming_truncated:
        note = (
            f'<p class="note">The first {len(shown)} links; the RDF forms carry up to {total}.</p>'
        )
    return "<h2>Linked from</h2>" + table(["resource", "property"], rows) + note


def _text(term: object) -> str:
    return str(getattr(term, "value", term))
