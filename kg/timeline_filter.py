"""From a :class:`TimelineFilter` to SPARQL: names resolved, values bound, dates as bounds.

The selection options of ``kg timeline``, ``kg export`` and ``kg network``
become graph patterns here.  The patterns are constant text; the values
(entity IRIs, source formats, event types, date bounds) go into ``VALUES``
blocks written by the term serialiser (:func:`kg.sparql.values_block`).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterable

import pyoxigraph as ox

from kg.backend import GraphStore
from kg.errors import UsageError
from kg.formats import FORMATS
from kg.namespaces import SPARQL_PROLOGUE
from kg.results import plain
from kg.sparql import values_block
from kg.timeline_entry import TimelineFilter, _slug

#: The prefixes the timeline's queries use (the project's one prefix table).
PREFIXES = SPARQL_PROLOGUE

#: Source names people type, and the formats each stands for.
SOURCE_ALIASES: dict[str, tuple[str, ...]] = {
    "wilson": ("wilson-text",),
    "frus": ("frus-tei",),
    "visits": ("hsg-visits",),
    "travels": ("hsg-travels",),
    "hsg": ("hsg-visits", "hsg-travels"),
    "curated": ("curated-yaml", "curated-csv"),
}


def date_bound(text: str, *, end: bool) -> dt.date:
    """The first (``end=False``) or last day a ``YYYY[-MM[-DD]]`` bound covers.

    >>> date_bound("1961", end=True), date_bound("1961-02", end=True)
    (datetime.date(1961, 12, 31), datetime.date(1961, 2, 28))
    >>> date_bound("1961-05-19", end=False)
    datetime.date(1961, 5, 19)
    """
    match = re.fullmatch(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?", text.strip())
    if not match:
        raise UsageError(f"not a date: {text!r}", hint="Dates are YYYY, YYYY-MM or YYYY-MM-DD.")
    year = int(match.group(1))
    month = int(match.group(2)) if match.group(2) else (12 if end else 1)
    try:
        if match.group(3):
            return dt.date(year, month, int(match.group(3)))
        day = calendar.monthrange(year, month)[1] if end else 1
        return dt.date(year, month, day)
    except (ValueError, calendar.IllegalMonthError) as error:
        raise UsageError(f"not a date: {text!r} ({error})") from error


# --- selection -----------------------------------------------------------------------------

_XSD_DATE = ox.NamedNode("http://www.w3.org/2001/XMLSchema#date")

_RESOLVE = (
    PREFIXES
    + """SELECT DISTINCT ?entity WHERE {
  ?entity rdfs:label|skos:prefLabel|skos:altLabel|skos:hiddenLabel|foaf:familyName ?label .
  ?entity a ?class .
  FILTER (LCASE(STR(?label)) = LCASE(STR(?name)))
}"""
)

_BY_SLUG = (
    PREFIXES
    + """SELECT DISTINCT ?entity WHERE {
  ?entity a ?class .
  FILTER (STRENDS(STR(?entity), ?suffix))
}"""
)

_KIND_CLASSES = {
    "person": ("https://w3id.org/dipkg/ontology#Person",),
    "organization": ("https://w3id.org/dipkg/ontology#Organization",),
    "place": ("https://w3id.org/dipkg/ontology#Place",),
    "topic": ("http://www.w3.org/2004/02/skos/core#Concept",),
}


def resolve_entity(graph: GraphStore, kind: str, text: str) -> str:
    """The IRI of the ``kind`` entity named ``text`` (an IRI is taken as it is).

    Raises :class:`UsageError` when no entity or several carry that name.
    """
    if re.match(r"^https?://\S+$", text):
        return text
    classes = "".join(f"<{c}>" for c in _KIND_CLASSES[kind])
    query = _RESOLVE.replace(
        "?entity a ?class .", f"?entity a ?class . VALUES ?class {{ {classes} }}"
    )
    found = graph.select(query, bindings={"name": ox.Literal(text)})
    iris = sorted({r[0].value for r in found.rows if isinstance(r[0], ox.NamedNode)})
    if not iris and re.fullmatch(r"[a-z0-9-]+", text):
        by_slug = _BY_SLUG.replace(
            "?entity a ?class .", f"?entity a ?class . VALUES ?class {{ {classes} }}"
        )
        found = graph.select(by_slug, bindings={"suffix": ox.Literal("/" + text)})
        iris = sorted({r[0].value for r in found.rows if isinstance(r[0], ox.NamedNode)})
    if not iris:
        raise UsageError(
            f"no {kind} in the graph is named {text!r}",
            hint=f"Give the IRI, or look the name up with 'kg entities {text}'.",
        )
    if len(iris) > 1:
        raise UsageError(
            f"{text!r} names several: " + ", ".join(iris),
            hint=f"Give one of these IRIs to --{kind}.",
        )
    return iris[0]


def filter_block(graph: GraphStore, selection: TimelineFilter) -> str:
    """Graph patterns (constant text) with ``VALUES`` blocks for the filter values."""
    parts: list[str] = []
    for kind, names, pattern in (
        ("person", selection.persons, "?event dip:participant ?fPerson ."),
        ("organization", selection.organizations, "?event dip:participant ?fOrganization ."),
        ("place", selection.places, "?event dip:tookPlaceAt ?fPlace ."),
        ("topic", selection.topics, "?event dip:hasTopic/skos:broader* ?fTopic ."),
    ):
        if names:
            variable = pattern.split()[-2][1:]
            iris = sorted({resolve_entity(graph, kind, n) for n in names})
            parts.append(values_block(variable, [ox.NamedNode(i) for i in iris]))
            parts.append(pattern)
    if selection.sources:
        formats = _source_formats(selection.sources)
        parts.append(values_block("fFormat", [ox.Literal(f) for f in formats]))
        parts.append(
            "GRAPH ?fGraph { ?event dip:eventType ?fAnyType } ?fGraph dip:sourceFormat ?fFormat ."
        )
    if selection.event_types:
        types = _event_types(graph, selection.event_types)
        parts.append(values_block("type", [ox.NamedNode(t) for t in types]))
    bounds: list[str] = []
    if selection.date_from:
        start = date_bound(selection.date_from, end=False)
        parts.append(values_block("fFrom", [ox.Literal(start.isoformat(), datatype=_XSD_DATE)]))
        bounds.append("FILTER (?latest >= ?fFrom)")
    if selection.date_to:
        stop = date_bound(selection.date_to, end=True)
        parts.append(values_block("fTo", [ox.Literal(stop.isoformat(), datatype=_XSD_DATE)]))
        bounds.append("FILTER (?earliest <= ?fTo)")
    if (
        selection.date_from
        and selection.date_to
        and date_bound(selection.date_from, end=False) > date_bound(selection.date_to, end=True)
    ):
        raise UsageError(f"--from {selection.date_from} is after --to {selection.date_to}")
    if bounds:
        parts.append("?event dip:earliestDate ?earliest ; dip:latestDate ?latest .")
        parts.extend(bounds)
    return "\n  ".join(parts)


def _source_formats(sources: Iterable[str]) -> list[str]:
    known = {f.name for f in FORMATS}
    formats: set[str] = set()
    for source in sources:
        key = source.strip().lower()
        if key in SOURCE_ALIASES:
            formats.update(SOURCE_ALIASES[key])
        elif key in known:
            formats.add(key)
        else:
            choices = sorted({*SOURCE_ALIASES, *known})
            raise UsageError(f"unknown source {source!r}", hint="Sources: " + ", ".join(choices))
    return sorted(formats)


_TYPES = (
    PREFIXES
    + "SELECT DISTINCT ?type ?label WHERE { ?e dip:eventType ?type ."
    + " OPTIONAL { ?type skos:prefLabel ?label } }"
)


def _event_types(graph: GraphStore, wanted: Iterable[str]) -> list[str]:
    present: dict[str, str] = {}
    for row in graph.select(_TYPES).rows:
        iri = plain(row[0]) or None
        if iri is None:
            continue
        present[_slug(iri) or iri] = iri
        label = plain(row[1]) or None
        if label is not None:
            present[label.lower()] = iri
    chosen: set[str] = set()
    for name in wanted:
        key = name.strip().lower()
        slug = key.replace(" ", "-")
        iri = present.get(key) or present.get(slug) or (key if key in present.values() else None)
        if iri is None:
            raise UsageError(
                f"no event of type {name!r} in the graph",
                hint="Types in the graph: " + ", ".join(sorted(k for k in present if "/" not in k)),
            )
        chosen.add(iri)
    return sorted(chosen)
