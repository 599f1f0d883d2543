"""Profiles: kg's events in another vocabulary (SEM, CIDOC-CRM, schema.org).

Each profile is a CONSTRUCT query in ``queries/profiles/{name}.rq``, so the
mapping can be read, reviewed and run by hand (``kg query -f``) like any
canned query.  The queries match events inside ``GRAPH ?g { … }`` and look up
names in the union of all graphs; a ``#SELECTION`` line marks where kg
binds ``?g`` to the selected graphs with a ``VALUES`` block written by the
term serialiser (:func:`kg.sparql.values_block`).  Minted nodes (the CRM
time-span ``{event}/time-span``) are IRIs, never blank nodes, so dumps stay
deterministic.
"""

from __future__ import annotations

from collections.abc import Sequence

import pyoxigraph as ox

from kg.backend import GraphStore
from kg.errors import QueryError, UsageError
from kg.resources import resource_file
from kg.sparql import values_block

#: Profile name -> the vocabulary it maps to.
PROFILES: dict[str, str] = {
    "sem": "Simple Event Model (http://semanticweb.cs.vu.nl/2009/11/sem/)",
    "crm": "CIDOC-CRM (http://www.cidoc-crm.org/cidoc-crm/)",
    "schema": "schema.org (https://schema.org/)",
}

MARKER = "#SELECTION"


def profile_query(profile: str, graphs: Sequence[str] | None = None) -> str:
    """The CONSTRUCT query of ``profile``, limited to ``graphs`` unless that is ``None``.

    >>> "VALUES ?g { <https://w3id.org/dipkg/graph/x> }" in profile_query(
    ...     "sem", ["https://w3id.org/dipkg/graph/x"])
    True
    """
    if profile not in PROFILES:
        raise UsageError(f"unknown profile {profile!r}", hint="Use one of: " + ", ".join(PROFILES))
    text = resource_file("queries", f"profiles/{profile}.rq").read_text(encoding="utf-8")
    if MARKER not in text:
        raise QueryError(f"queries/profiles/{profile}.rq has no {MARKER} line")
    block = "" if graphs is None else values_block("g", [ox.NamedNode(g) for g in graphs])
    return text.replace(MARKER, block, 1)


def construct(graph: GraphStore, query: str) -> list[ox.Triple]:
    result = graph.query(query)
    if not isinstance(result, list):
        raise QueryError("a profile query must be a CONSTRUCT query")
    return result


def profile_triples(
    graph: GraphStore, profile: str, graphs: Sequence[str] | None = None
) -> list[ox.Triple]:
    """The events of ``graphs`` (``None``: of the whole store) mapped to ``profile``.

    One query for the whole selection: the mapped statements form one graph
    (a profile has no named graphs; see :func:`kg.dumps.write_dump`).
    """
    return construct(graph, profile_query(profile, graphs))
