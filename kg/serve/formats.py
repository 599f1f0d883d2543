"""The media types kg serves, and writers for the SPARQL results formats kg.results lacks.

RDF (resource descriptions, CONSTRUCT/DESCRIBE results) is written by
pyoxigraph's serialisers with the project's one prefix table, so every form
uses the same prefixes.  SELECT/ASK results use :mod:`kg.results` for JSON,
CSV and TSV and :func:`xml_results` here for the W3C SPARQL Query Results XML
format.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

import pyoxigraph as ox

from kg.namespaces import PREFIXES
from kg.results import LANG_STRING, XSD_STRING, ResultFormat, render
from kg.sparql import Term
from kg.store import SelectResult


@dataclass(frozen=True)
class RdfType:
    """An RDF serialisation the server offers: media type, pyoxigraph format, file suffix."""

    media_type: str
    format: ox.RdfFormat
    suffix: str
    name: str


RDF_TYPES = (
    RdfType("text/turtle", ox.RdfFormat.TURTLE, "ttl", "Turtle"),
    RdfType("application/ld+json", ox.RdfFormat.JSON_LD, "jsonld", "JSON-LD"),
    RdfType("application/n-triples", ox.RdfFormat.N_TRIPLES, "nt", "N-Triples"),
    RdfType("application/rdf+xml", ox.RdfFormat.RDF_XML, "rdf", "RDF/XML"),
)
RDF_BY_MEDIA = {t.media_type: t for t in RDF_TYPES}
RDF_BY_SUFFIX = {t.suffix: t for t in RDF_TYPES}

HTML = "text/html"
SPARQL_JSON = "application/sparql-results+json"
SPARQL_XML = "application/sparql-results+xml"
CSV = "text/csv"
TSV = "text/tab-separated-values"
#: SELECT/ASK result types in the server's order of preference (HTML last: only browsers ask).
RESULT_TYPES = (SPARQL_JSON, SPARQL_XML, CSV, TSV, "application/json", "application/xml", HTML)
#: Aliases clients send, mapped to the type actually written.
RESULT_ALIASES = {"application/json": SPARQL_JSON, "application/xml": SPARQL_XML}
#: CONSTRUCT/DESCRIBE result types: the RDF forms, then HTML for browsers.
GRAPH_TYPES = (*(t.media_type for t in RDF_TYPES), HTML)

#: Values of the ``format`` request parameter (as SPARQLWrapper and many endpoints send it).
FORMAT_PARAMETER = {
    "json": (SPARQL_JSON, "application/ld+json"),
    "xml": (SPARQL_XML, "application/rdf+xml"),
    "csv": (CSV, None),
    "tsv": (TSV, None),
    "html": (HTML, HTML),
    "turtle": (None, "text/turtle"),
    "ttl": (None, "text/turtle"),
    "n3": (None, "text/turtle"),
    "nt": (None, "application/n-triples"),
    "json-ld": (None, "application/ld+json"),
    "jsonld": (None, "application/ld+json"),
    "rdf+xml": (None, "application/rdf+xml"),
}


def serialize_rdf(triples: Iterable[ox.Triple], rdf_type: RdfType) -> bytes:
    """Triples in one RDF form, with kg's prefixes (no base: IRIs stay absolute).

    >>> t = ox.Triple(ox.NamedNode("http://e/s"), ox.NamedNode(PREFIXES["rdfs"] + "label"),
    ...               ox.Literal("x"))
    >>> b"rdfs:label" in serialize_rdf([t], RDF_BY_SUFFIX["ttl"])
    True
    """
    prefixes = PREFIXES if rdf_type.format is not ox.RdfFormat.N_TRIPLES else None
    data = ox.serialize(list(triples), format=rdf_type.format, prefixes=prefixes)
    return data or b""


def select_results(result: SelectResult, media_type: str) -> bytes:
    """A SELECT result in one of the SPARQL 1.1 results formats."""
    if media_type == SPARQL_XML:
        return xml_results(result)
    fmt = {SPARQL_JSON: ResultFormat.JSON, CSV: ResultFormat.CSV, TSV: ResultFormat.TSV}
    return render(result, fmt[media_type]).encode("utf-8")


def ask_results(answer: bool, media_type: str) -> bytes:
    """An ASK answer; CSV and TSV (which the standard leaves open) give one column ``_askResult``.

    >>> ask_results(True, SPARQL_JSON)
    b'{"head": {}, "boolean": true}\\n'
    >>> ask_results(False, CSV)
    b'_askResult\\r\\nfalse\\r\\n'
    """
    word = "true" if answer else "false"
    if media_type == SPARQL_JSON:
        return (json.dumps({"head": {}, "boolean": answer}) + "\n").encode()
    if media_type == SPARQL_XML:
        return (
            f'<?xml version="1.0"?>\n<sparql xmlns="{_NS}">\n  <head/>\n'
            f"  <boolean>{word}</boolean>\n</sparql>\n"
        ).encode()
    if media_type == TSV:
        return f"?_askResult\n{word}\n".encode()
    return f"_askResult\r\n{word}\r\n".encode()


_NS = "http://www.w3.org/2005/sparql-results#"


def xml_results(result: SelectResult) -> bytes:
    """The W3C SPARQL Query Results XML format, every value escaped.

    >>> r = SelectResult(["x", "y"], [[ox.Literal("a<b", language="en"), None]])
    >>> print(xml_results(r).decode())  # doctest: +NORMALIZE_WHITESPACE
    <?xml version="1.0"?>
    <sparql xmlns="http://www.w3.org/2005/sparql-results#">
      <head><variable name="x"/><variable name="y"/></head>
      <results>
        <result><binding name="x"><literal xml:lang="en">a&lt;b</literal></binding></result>
      </results>
    </sparql>
    """
    head = "".join(f"<variable name={quoteattr(v)}/>" for v in result.variables)
    lines = ['<?xml version="1.0"?>', f'<sparql xmlns="{_NS}">', f"  <head>{head}</head>"]
    lines.append("  <results>")
    for row in result.rows:
        cells = "".join(
            f"<binding name={quoteattr(v)}>{_xml_term(t)}</binding>"
            for v, t in zip(result.variables, row, strict=True)
            if t is not None
        )
        lines.append(f"    <result>{cells}</result>")
    lines += ["  </results>", "</sparql>", ""]
    return "\n".join(lines).encode("utf-8")


def _xml_term(term: Term) -> str:
    if isinstance(term, ox.NamedNode):
        return f"<uri>{escape(term.value)}</uri>"
    if isinstance(term, ox.BlankNode):
        return f"<bnode>{escape(term.value)}</bnode>"
    if isinstance(term, ox.Literal):
        if term.language:
            return f"<literal xml:lang={quoteattr(term.language)}>{escape(term.value)}</literal>"
        if term.datatype.value not in (XSD_STRING, LANG_STRING):
            datatype = quoteattr(term.datatype.value)
            return f"<literal datatype={datatype}>{escape(term.value)}</literal>"
        return f"<literal>{escape(term.value)}</literal>"
    return f"<literal>{escape(str(term))}</literal>"
