"""Finding resources by a piece of their label, for the landing page's search box.

The text people type is bound as a literal (:func:`kg.sparql.bind`), never
pasted into the query, and matched case-insensitively against labels,
preferred and alternative labels and titles of resources under the base IRI.
"""

from __future__ import annotations

import pyoxigraph as ox

from kg.backend import GraphStore
from kg.serve.resource import best_label, labels, published_path

MAX_HITS = 200

_SEARCH = """PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT ?x ?label WHERE {
  ?x rdfs:label|skos:prefLabel|skos:altLabel|dcterms:title ?label .
  FILTER (STRSTARTS(STR(?x), ?base) && CONTAINS(LCASE(STR(?label)), LCASE(?text)))
}"""


def search(graph: GraphStore, base_iri: str, text: str) -> list[tuple[str, str, str]]:
    """(IRI, label, kind) of resources whose label contains ``text``, best matches first.

    A label equal to the text ranks first, then labels starting with it, then the rest.
    """
    needle = text.strip()
    if not needle:
        return []
    bindings = {"base": ox.Literal(base_iri), "text": ox.Literal(needle)}
    found: dict[str, list[ox.Literal]] = {}
    for subject, label in graph.select(_SEARCH, bindings=bindings).rows:
        if (
            isinstance(subject, ox.NamedNode)
            and isinstance(label, ox.Literal)
            and published_path(subject.value[len(base_iri) :])
        ):
            found.setdefault(subject.value, []).append(label)
    lowered = needle.casefold()

    def rank(item: tuple[str, list[ox.Literal]]) -> tuple[int, str]:
        labels = [v.value.casefold() for v in item[1]]
        if lowered in labels:
            return (0, best_label(item[1]).casefold())
        if any(v.startswith(lowered) for v in labels):
            return (1, best_label(item[1]).casefold())
        return (2, best_label(item[1]).casefold())

    ordered = sorted(found.items(), key=rank)[:MAX_HITS]
    shown = labels(graph, [iri for iri, _ in ordered])
    return [
        (iri, shown.get(iri) or best_label(values), iri[len(base_iri) :].split("/", 1)[0])
        for iri, values in ordered
    ]
