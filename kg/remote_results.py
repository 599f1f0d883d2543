"""Reading a SPARQL server's answers into the terms the embedded store returns.

Servers deviate from the results formats in small ways; the deviations
met so far are normalised here, before pyoxigraph parses the answer, so
the CLI prints the same rows from every store.
"""

from __future__ import annotations

import re
from typing import Any

import pyoxigraph as ox

from kg.errors import RemoteStoreError
from kg.remote_http import Response
from kg.store import SelectResult

#: Virtuoso names blank nodes "nodeID://b123", which is no blank node label.
_VIRTUOSO_BNODE = re.compile(rb'("type":\s*"bnode",\s*"value":\s*")nodeID://')

#: Virtuoso writes stored xsd:boolean values as 1/0; the canonical form is true/false.
_BOOLEAN = re.compile(
    rb'("datatype":\s*"http://www.w3.org/2001/XMLSchema#boolean",\s*"value":\s*")([01])(?=")'
)


def parse_results(response: Response, endpoint: str) -> SelectResult | bool:
    """SPARQL JSON results as a :class:`SelectResult` or a boolean (ASK)."""
    body = _VIRTUOSO_BNODE.sub(rb"\1", response.body)
    body = _BOOLEAN.sub(lambda m: m.group(1) + (b"true" if m.group(2) == b"1" else b"false"), body)
    try:
        parsed: Any = ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON)
        if isinstance(parsed, ox.QueryBoolean):
            return bool(parsed)
        variables = [v.value for v in parsed.variables]
        rows = [[solution[i] for i in range(len(variables))] for solution in parsed]
    except (SyntaxError, ValueError, OSError) as error:
        raise _malformed(endpoint, response, error) from error
    return SelectResult(variables, rows)


def parse_triples(response: Response, endpoint: str) -> list[ox.Triple]:
    """A CONSTRUCT/DESCRIBE answer in the RDF format its content type names."""
    media = response.content_type.split(";")[0].strip().lower()
    fmt = ox.RdfFormat.from_media_type(media) or ox.RdfFormat.N_TRIPLES
    try:
        return [q.triple if isinstance(q, ox.Quad) else q for q in ox.parse(response.body, fmt)]
    except (SyntaxError, ValueError, OSError) as error:
        raise _malformed(endpoint, response, error) from error


def _malformed(endpoint: str, response: Response, error: Exception) -> RemoteStoreError:
    kind = response.content_type or "no content type"
    return RemoteStoreError(
        f"malformed response from {endpoint} ({kind}): {error}",
        hint="Check that the URL is a SPARQL endpoint (not a web page or a proxy's error page).",
    )
