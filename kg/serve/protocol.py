"""The SPARQL 1.1 Protocol, read-only: what a request asks, and the answer as bytes.

A request carries a query (GET ``?query=``, POST form ``query=``, or POST
``application/sparql-query``).  Updates are refused with 403 however they
come (``update=``, ``application/sparql-update``, or update text in
``query=``), because kg's published graph changes only by ``kg ingest``.
The query form is read from the text before anything runs, so the answer's
media type is negotiated first and an unsupported ``Accept`` gets 406
without evaluating anything.

:func:`execute` is the part that runs a query and writes the answer: it is
a plain function of the store, the query and the chosen media type, so it
runs the same in a worker process (see :mod:`kg.serve.runner`) as in a
thread.  Results beyond ``max_results`` rows (SELECT) or triples
(CONSTRUCT/DESCRIBE) are cut off and the answer says so in the
``X-SPARQL-MaxRows`` header.
"""

from __future__ import annotations

import re
import urllib.parse
from collections.abc import Sequence
from dataclasses import dataclass, field

from kg.backend import GraphStore
from kg.errors import KgError, QueryError
from kg.serve import formats
from kg.serve.negotiation import choose
from kg.store import SelectResult

UPDATE_KEYWORDS = frozenset(
    {"INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH"}
)
QUERY_FORMS = frozenset({"SELECT", "ASK", "CONSTRUCT", "DESCRIBE"})

# IRIs first, so a '#' inside <…#> is not taken for a comment; then comments and strings.
_NOISE = re.compile(
    r"<[^<>\"{}|^`\\\s]*>|#[^\n]*|\"\"\"[\s\S]*?\"\"\"|'''[\s\S]*?'''"
    r"|\"(?:[^\"\\\n]|\\.)*\"|'(?:[^'\\\n]|\\.)*'"
)
_PROLOGUE = re.compile(r"\s*(?:BASE\s*<>|PREFIX\s+[\w.\-]*:\s*<>)", re.IGNORECASE)


class ProtocolError(KgError):
    """A request the endpoint answers with an HTTP error status (400, 403, 406 …)."""

    def __init__(self, status: int, message: str, *, hint: str | None = None) -> None:
        super().__init__(message, hint=hint)
        self.status = status


@dataclass(frozen=True)
class Outcome:
    """An HTTP answer as plain data (it crosses a process boundary)."""

    status: int
    media_type: str
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Job:
    """One query to run: the text, its form, the media type chosen and the row limit."""

    query: str
    form: str
    media_type: str
    max_results: int
    base_iri: str


def query_form(text: str) -> str:
    """The query's form (SELECT, ASK, CONSTRUCT, DESCRIBE), ``UPDATE``, or ``""`` if unknown.

    Comments, strings and IRIs are ignored, so ``#`` in an IRI or a keyword
    in a string cannot mislead it.

    >>> query_form("PREFIX s: <http://schema.org/#> # DELETE\\n select * { ?s ?p 'INSERT' }")
    'SELECT'
    >>> query_form("BASE <http://e/> INSERT DATA { <a> <b> <c> }")
    'UPDATE'
    >>> query_form("describe <http://e/x>"), query_form("nonsense")
    ('DESCRIBE', '')
    """
    text = _NOISE.sub(lambda m: "<>" if m.group(0).startswith("<") else " ", text)
    position = 0
    while match := _PROLOGUE.match(text, position):
        position = match.end()
    word = re.match(r"\s*([A-Za-z]+)", text[position:])
    keyword = word.group(1).upper() if word else ""
    if keyword in UPDATE_KEYWORDS:
        return "UPDATE"
    return keyword if keyword in QUERY_FORMS else ""


def parse_request(method: str, params: dict[str, list[str]], content_type: str, body: bytes) -> str:
    """The query text of a protocol request, or :class:`ProtocolError` (400, 403, 405, 415).

    ``params`` are the URL's query parameters.

    >>> parse_request("POST", {}, "application/x-www-form-urlencoded", b"query=ASK%7B%7D")
    'ASK{}'
    >>> parse_request("POST", {}, "application/sparql-update", b"DROP ALL")
    Traceback (most recent call last):
    kg.serve.protocol.ProtocolError: this endpoint is read-only: SPARQL updates are refused
    """
    kind = content_type.split(";", maxsplit=1)[0].strip().lower()
    if method == "POST" and kind == "application/sparql-update":
        raise _read_only()
    fields = dict(params)
    if method == "POST" and kind == "application/x-www-form-urlencoded":
        decoded = body.decode("utf-8", errors="replace")
        for name, values in urllib.parse.parse_qs(decoded, keep_blank_values=True).items():
            fields.setdefault(name, []).extend(values)
    if "update" in fields:
        raise _read_only()
    if method == "POST" and kind == "application/sparql-query":
        query = body.decode("utf-8", errors="replace")
    elif method == "POST" and kind not in ("application/x-www-form-urlencoded", ""):
        raise ProtocolError(
            415,
            f"unsupported request body {kind!r}",
            hint="POST application/x-www-form-urlencoded (query=…) or application/sparql-query.",
        )
    else:
        values = fields.get("query", [])
        if len(values) != 1:
            raise ProtocolError(400, "give exactly one 'query' parameter")
        query = values[0]
    if fields.get("default-graph-uri") or fields.get("named-graph-uri"):
        raise ProtocolError(
            400,
            "default-graph-uri and named-graph-uri are not supported",
            hint="The default graph is the union of all graphs; use FROM or GRAPH in the query.",
        )
    if query_form(query) == "UPDATE":
        raise _read_only()
    return query


def _read_only() -> ProtocolError:
    return ProtocolError(
        403,
        "this endpoint is read-only: SPARQL updates are refused",
        hint="The graph changes only through 'kg ingest' on the server's store.",
    )


def negotiate(form: str, accept: str | None, format_parameters: Sequence[str] = ()) -> str:
    """The media type to answer a query of ``form`` with, or ProtocolError 406.

    A ``format`` parameter (``json``, ``xml``, ``csv``, ``turtle`` … or a
    media type; SPARQLWrapper sends both) wins over ``Accept``.

    >>> negotiate("SELECT", "application/sparql-results+json", None)
    'application/sparql-results+json'
    >>> negotiate("CONSTRUCT", "text/turtle;q=0.9, application/ld+json", None)
    'application/ld+json'
    >>> negotiate("CONSTRUCT", None, ["json"])
    'application/ld+json'
    >>> negotiate("SELECT", None, ["tsv", "text/tab-separated-values"])
    'text/tab-separated-values'
    """
    graph_form = form in ("CONSTRUCT", "DESCRIBE")
    offers = formats.GRAPH_TYPES if graph_form else formats.RESULT_TYPES
    if format_parameters:
        for given in format_parameters:
            value = given.strip().lower()
            if value in offers:
                return formats.RESULT_ALIASES.get(value, value)
            pair = formats.FORMAT_PARAMETER.get(value)
            if pair and pair[1 if graph_form else 0]:
                return pair[1 if graph_form else 0] or ""
        raise ProtocolError(
            406, f"format={', '.join(format_parameters)} is not offered for {form or 'a query'}"
        )
    chosen = choose(accept, offers)
    if chosen is None:
        raise ProtocolError(
            406,
            f"none of the accepted types ({accept}) is offered for a {form or 'query'}",
            hint="Offered: " + ", ".join(offers),
        )
    return formats.RESULT_ALIASES.get(chosen, chosen)


def execute(graph: GraphStore, job: Job) -> Outcome:
    """Run ``job`` against the union default graph and write the answer (400 on a bad query)."""
    try:
        result = graph.query(job.query)
    except QueryError as error:
        return error_outcome(400, error.message)
    except KgError as error:
        return error_outcome(500, error.message)
    headers: dict[str, str] = {}
    if isinstance(result, SelectResult):
        if len(result.rows) > job.max_results:
            result = SelectResult(result.variables, result.rows[: job.max_results])
            headers["X-SPARQL-MaxRows"] = str(job.max_results)
        if job.media_type == formats.HTML:
            from kg.serve.pages import results_page

            body = results_page(result, job.query, base_iri=job.base_iri, truncated=bool(headers))
        else:
            body = formats.select_results(result, job.media_type)
    elif isinstance(result, bool):
        if job.media_type == formats.HTML:
            from kg.serve.pages import results_page

            body = results_page(result, job.query, base_iri=job.base_iri)
        else:
            body = formats.ask_results(result, job.media_type)
    else:
        if len(result) > job.max_results:
            result = result[: job.max_results]
            headers["X-SPARQL-MaxRows"] = str(job.max_results)
        if job.media_type == formats.HTML:
            from kg.serve.pages import graph_results_page

            body = graph_results_page(result, job.query, base_iri=job.base_iri)
        else:
            body = formats.serialize_rdf(result, formats.RDF_BY_MEDIA[job.media_type])
    charset = "; charset=utf-8" if not job.media_type.startswith("application/n-") else ""
    return Outcome(200, job.media_type + charset, body, headers)


def error_outcome(status: int, message: str, hint: str | None = None) -> Outcome:
    """A plain-text error answer: the message (e.g. the parser's) and an optional hint.

    >>> error_outcome(403, "read-only").body
    b'read-only\\n'
    """
    text = message + (f"\nHint: {hint}" if hint else "") + "\n"
    return Outcome(status, "text/plain; charset=utf-8", text.encode("utf-8"))
