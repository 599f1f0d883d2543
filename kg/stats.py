"""Counts that describe what a graph holds, for ``kg stats`` and the dataset description."""

from __future__ import annotations

from dataclasses import dataclass, field

from kg.backend import GraphStore
from kg.results import plain

_COUNTS = """
PREFIX dip: <https://w3id.org/dipkg/ontology#>
SELECT ?class (COUNT(DISTINCT ?s) AS ?n) WHERE {
  {
    VALUES ?class { dip:Document dip:Translation dip:Conversation dip:Visit
                    dip:Person dip:Organization dip:Place dip:SourceGraph }
    ?s a ?class .
  } UNION {
    # every event, whatever its class: events carry dip:eventType
    ?s dip:eventType ?type .
    BIND (dip:Event AS ?class)
  }
}
GROUP BY ?class
"""

_SPAN = """
PREFIX dip: <https://w3id.org/dipkg/ontology#>
SELECT (MIN(?e) AS ?first) (MAX(?l) AS ?last) WHERE {
  ?event dip:eventType ?type ; dip:earliestDate ?e ; dip:latestDate ?l .
}
"""

_BY_FORMAT = """
PREFIX dip: <https://w3id.org/dipkg/ontology#>
SELECT ?format (COUNT(?g) AS ?graphs) WHERE {
  ?g a dip:SourceGraph ; dip:sourceFormat ?format .
}
GROUP BY ?format ORDER BY ?format
"""


@dataclass
class Stats:
    quads: int
    named_graphs: int
    classes: dict[str, int] = field(default_factory=dict)
    graphs_by_format: dict[str, int] = field(default_factory=dict)
    first_date: str | None = None
    last_date: str | None = None

    def rows(self) -> list[tuple[str, str]]:
        out = [("quads", str(self.quads)), ("named graphs", str(self.named_graphs))]
        out += [(f"{name} instances", str(n)) for name, n in self.classes.items()]
        out += [(f"graphs from {fmt}", str(n)) for fmt, n in self.graphs_by_format.items()]
        out += [("first event date", self.first_date or "-")]
        out += [("last event date", self.last_date or "-")]
        return out


def compute_stats(graph: GraphStore) -> Stats:
    classes = {
        plain(row[0]).rsplit("#", 1)[-1]: int(plain(row[1]))
        for row in graph.select(_COUNTS).rows
        if row[0] is not None and row[1] is not None
    }
    order = [
        "Document",
        "Translation",
        "Event",
        "Conversation",
        "Visit",
        "Person",
        "Organization",
        "Place",
        "SourceGraph",
    ]
    span = graph.select(_SPAN).rows
    first, last = span[0] if span else [None, None]
    by_format = {
        plain(row[0]): int(plain(row[1]))
        for row in graph.select(_BY_FORMAT).rows
        if row[0] is not None and row[1] is not None
    }
    return Stats(
        quads=graph.count_quads(),
        named_graphs=len(graph.named_graphs()),
        classes={name: classes.get(name, 0) for name in order},
        graphs_by_format=by_format,
        first_date=plain(first) or None,
        last_date=plain(last) or None,
    )
