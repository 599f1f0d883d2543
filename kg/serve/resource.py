"""What the server (and the static site) says about one resource IRI.

The description of ``{base}person/castro-ruz-fidel`` is a symmetric bounded
description over the union of all graphs: every triple whose subject is the
IRI, the triples of its own sub-resources (``event/x/participation/1``,
``person/x/position/1``: IRIs below it, and blank nodes) so the participants'
roles travel with the event, and the triples that point *to* it (the
events in which Castro is a ``dip:participant``), capped at
``max_incoming``.  Labels of every IRI mentioned come along for the HTML.

Every query binds the IRI with :mod:`kg.sparql` (never pasted).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

import pyoxigraph as ox

from kg.backend import GraphStore
from kg.namespaces import PREFIXES, SPARQL_PROLOGUE
from kg.sparql import Term, values_block
from kg.store import SelectResult

#: The first path segment of the resources kg publishes, in the order pages list them.
RESOURCE_TYPES = ("event", "document", "person", "organization", "place", "topic")
_PUBLISHED = re.compile(r"(?:event|document|person|organization|place)/[^/#?]+|topic/[^#?]+")
RDF_TYPE = PREFIXES["rdf"] + "type"

_PREFIXES = SPARQL_PROLOGUE

_OUTGOING = "CONSTRUCT { ?iri ?p ?o } WHERE { ?iri ?p ?o }"
# Sub-resources are fetched by a second query with their IRIs in VALUES: pyoxigraph would
# evaluate an OPTIONAL { ?o ?q ?v } over the whole store before joining.
_SUB = "CONSTRUCT { ?x ?q ?v } WHERE { #VALUES\n ?x ?q ?v }"

_INCOMING = """CONSTRUCT { ?s ?p ?iri } WHERE { ?s ?p ?iri } LIMIT """

_LABELS = (
    _PREFIXES
    + """SELECT ?x ?label WHERE {
  #VALUES
  ?x rdfs:label|skos:prefLabel|dcterms:title|foaf:name ?label .
}"""
)


@dataclass
class Description:
    """One resource: its own triples (with sub-resources), the incoming ones, labels."""

    iri: str
    outgoing: list[ox.Triple]
    incoming: list[ox.Triple]
    labels: dict[str, str] = field(default_factory=dict)
    incoming_truncated: bool = False

    @property
    def exists(self) -> bool:
        return any(_iri(t.subject) == self.iri for t in self.outgoing)

    @property
    def triples(self) -> list[ox.Triple]:
        return [*self.outgoing, *self.incoming]

    def values(self, predicate: str, subject: str | None = None) -> list[Term]:
        """Objects of ``predicate`` (a full IRI) on the resource or on ``subject``."""
        wanted = subject or self.iri
        return [
            t.object
            for t in self.outgoing
            if t.predicate.value == predicate and _iri(t.subject) == wanted
        ]

    @property
    def types(self) -> list[str]:
        return [v.value for v in self.values(RDF_TYPE) if isinstance(v, ox.NamedNode)]

    @property
    def label(self) -> str:
        return self.labels.get(self.iri) or self.iri.rstrip("/").rsplit("/", 1)[-1]

    def sub_resources(self) -> list[str]:
        """IRIs below the resource that have triples of their own, in document order."""
        seen: dict[str, None] = {}
        for t in self.outgoing:
            subject = _iri(t.subject)
            if subject and subject != self.iri and subject.startswith(self.iri + "/"):
                seen.setdefault(subject, None)
        return list(seen)


def describe(graph: GraphStore, iri: str, *, max_incoming: int = 5000) -> Description:
    """The description of ``iri`` (empty lists when the graph says nothing about it)."""
    node = ox.NamedNode(iri)
    out = _triples(graph.query(_OUTGOING, bindings={"iri": node}))
    subs = list(dict.fromkeys(t.object for t in out if _below(t.object, iri)))
    if subs:
        out += _triples(graph.query(_SUB.replace("#VALUES", values_block("x", subs))))
    own = set(out)
    incoming = [
        t
        for t in _triples(graph.query(_INCOMING + str(max_incoming + 1), bindings={"iri": node}))
        if t not in own and not _below(t.subject, iri)
    ]
    truncated = len(incoming) > max_incoming
    description = Description(iri, out, incoming[:max_incoming], incoming_truncated=truncated)
    description.labels = labels(graph, _mentioned(description.triples))
    return description


def labels(graph: GraphStore, iris: Iterable[str]) -> dict[str, str]:
    """The label people read for each IRI that has one (English first, then the shortest)."""
    wanted = sorted(set(iris))
    found: dict[str, list[ox.Literal]] = {}
    for start in range(0, len(wanted), 500):
        chunk = [ox.NamedNode(i) for i in wanted[start : start + 500]]
        query = _LABELS.replace("#VALUES", values_block("x", chunk))
        for row in graph.select(query).rows:
            subject, label = row
            if isinstance(subject, ox.NamedNode) and isinstance(label, ox.Literal):
                found.setdefault(subject.value, []).append(label)
    return {iri: best_label(values) for iri, values in found.items()}


def best_label(values: list[ox.Literal]) -> str:
    """English first, then no language, then any; the shortest of equals (stable).

    >>> best_label([ox.Literal("Fidel Castro Ruz", language="es"), ox.Literal("Fidel Castro")])
    'Fidel Castro'
    """

    def rank(value: ox.Literal) -> tuple[int, int, str]:
        language = (value.language or "").lower()
        order = 0 if language.startswith("en") else (1 if not language else 2)
        return (order, len(value.value), value.value)

    return min(values, key=rank).value


def published_path(relative: str) -> bool:
    """True for the paths kg gives a page of their own (sub-resources live in their parent's).

    >>> published_path("person/castro-ruz-fidel"), published_path("topic/role/reporter")
    (True, True)
    >>> published_path("event/x/participation/1"), published_path("graph/x")
    (False, False)
    """
    return _PUBLISHED.fullmatch(relative) is not None


def resource_iris(graph: GraphStore, base_iri: str) -> list[str]:
    """Every IRI under ``base_iri`` with a type and a page of its own, sorted."""
    result = graph.select(
        "SELECT DISTINCT ?s WHERE { ?s a ?type . FILTER (STRSTARTS(STR(?s), ?base)) }",
        bindings={"base": ox.Literal(base_iri)},
    )
    iris = {r[0].value for r in result.rows if isinstance(r[0], ox.NamedNode)}
    return sorted(i for i in iris if published_path(i[len(base_iri) :]))


def _triples(result: object) -> list[ox.Triple]:
    if isinstance(result, (bool, SelectResult)):
        return []
    return list(dict.fromkeys(result))  # type: ignore[call-overload]


def _iri(term: object) -> str | None:
    return term.value if isinstance(term, ox.NamedNode) else None


def _below(term: object, iri: str) -> bool:
    value = _iri(term)
    return value is not None and (value == iri or value.startswith(iri + "/"))


def _mentioned(triples: Iterable[ox.Triple]) -> set[str]:
    out: set[str] = set()
    for t in triples:
        for term in (t.subject, t.object):
            if isinstance(term, ox.NamedNode):
                out.add(term.value)
    return out
