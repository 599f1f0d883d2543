"""Canned SPARQL queries (``queries/*.rq``) and safe parameter binding.

Each file starts with a header::

    # title: Conversations of a person
    # description: Every conversation the person took part in, in date order.
    # param: ?person  IRI or name
    # param: ?topic   IRI or name (optional)

Values given with ``-p name=value`` are turned into RDF terms (an IRI, a
date, or an entity found by its label) and bound with :func:`kg.sparql.bind`,
so a value can never change the query's structure (no string pasting).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from kg.backend import GraphStore
from kg.errors import UsageError
from kg.resources import resource_dir
from kg.sparql import Term, bind

_HEADER = re.compile(r"^#\s*(title|description|param):\s*(.*)$")
_PARAM = re.compile(r"^\?(\w+)\s+(.*)$")
XSD_DATE = ox.NamedNode("http://www.w3.org/2001/XMLSchema#date")

_LABEL_LOOKUP = """
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX foaf: <http://xmlns.com/foaf/0.1/>
SELECT DISTINCT ?entity WHERE {
  ?entity rdfs:label|skos:prefLabel|skos:altLabel|skos:hiddenLabel|foaf:familyName ?label .
  FILTER (LCASE(STR(?label)) = LCASE(STR(?name)))
}
"""


@dataclass(frozen=True)
class Parameter:
    name: str
    kind: str
    optional: bool = False

    @property
    def accepts_name(self) -> bool:
        return "name" in self.kind


@dataclass(frozen=True)
class CannedQuery:
    name: str
    title: str
    description: str
    text: str
    parameters: tuple[Parameter, ...] = field(default_factory=tuple)


def parse_canned(name: str, text: str) -> CannedQuery:
    """Read the header of a canned query.

    >>> q = parse_canned("x", "# title: T\\n# param: ?from  date (optional)\\nSELECT * {}")
    >>> q.parameters
    (Parameter(name='from', kind='date', optional=True),)
    """
    meta: dict[str, str] = {}
    params: list[Parameter] = []
    for line in text.splitlines():
        match = _HEADER.match(line.strip())
        if not match:
            continue
        key, value = match.groups()
        if key == "param":
            pm = _PARAM.match(value.strip())
            if pm:
                kind = pm.group(2).strip()
                optional = "(optional)" in kind
                kind = kind.replace("(optional)", "").strip()
                params.append(Parameter(pm.group(1), kind, optional))
        else:
            meta[key] = value.strip()
    return CannedQuery(
        name, meta.get("title", name), meta.get("description", ""), text, tuple(params)
    )


def canned_queries(folder: Path | None = None) -> dict[str, CannedQuery]:
    """All canned queries by name (file stem), sorted."""
    directory = folder or resource_dir("queries")
    return {
        p.stem: parse_canned(p.stem, p.read_text(encoding="utf-8"))
        for p in sorted(directory.glob("*.rq"))
    }


def get_canned(name: str) -> CannedQuery:
    queries = canned_queries()
    if name not in queries:
        raise UsageError(
            f"no canned query named {name!r}",
            hint="'kg queries' lists them: " + ", ".join(queries),
        )
    return queries[name]


def to_term(graph: GraphStore, parameter: Parameter, value: str) -> Term:
    """Turn a ``-p`` value into the RDF term the parameter expects."""
    kind = parameter.kind.lower()
    if kind.startswith("date"):
        try:
            return ox.Literal(dt.date.fromisoformat(value).isoformat(), datatype=XSD_DATE)
        except ValueError as error:
            raise UsageError(
                f"parameter {parameter.name}: {value!r} is not a YYYY-MM-DD date"
            ) from error
    if kind.startswith(("iri", "uri")):
        if re.match(r"^https?://\S+$", value):
            return ox.NamedNode(value)
        if parameter.accepts_name:
            return _entity_by_label(graph, parameter, value)
        raise UsageError(f"parameter {parameter.name}: {value!r} is not an http(s) IRI")
    if kind.startswith("integer"):
        if not re.match(r"^-?\d+$", value):
            raise UsageError(f"parameter {parameter.name}: {value!r} is not an integer")
        return ox.Literal(value, datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer"))
    return ox.Literal(value)


def _entity_by_label(graph: GraphStore, parameter: Parameter, value: str) -> Term:
    found = graph.select(_LABEL_LOOKUP, bindings={"name": ox.Literal(value)})
    entities = sorted({row[0].value for row in found.rows if isinstance(row[0], ox.NamedNode)})
    if not entities:
        raise UsageError(
            f"parameter {parameter.name}: nothing in the graph is labelled {value!r}",
            hint="Give the IRI, or look the entity up with 'kg query' on rdfs:label.",
        )
    if len(entities) > 1:
        raise UsageError(
            f"parameter {parameter.name}: {value!r} names several entities: " + ", ".join(entities),
            hint="Give one of these IRIs instead of the name.",
        )
    return ox.NamedNode(entities[0])


def bind_parameters(graph: GraphStore, query: CannedQuery, given: Mapping[str, str]) -> str:
    """The query text with the given parameters bound; checks names and required ones."""
    known = {p.name: p for p in query.parameters}
    unknown = sorted(set(given) - set(known))
    if unknown:
        raise UsageError(
            f"query {query.name!r} has no parameter {', '.join(unknown)}",
            hint="Its parameters: " + (", ".join(known) or "none"),
        )
    missing = [p.name for p in query.parameters if not p.optional and p.name not in given]
    if missing:
        raise UsageError(
            f"query {query.name!r} needs -p {missing[0]}=…",
            hint=f"Parameters: {', '.join(f'{p.name} ({p.kind})' for p in query.parameters)}",
        )
    values = {name: to_term(graph, known[name], value) for name, value in given.items()}
    return bind(query.text, values)
