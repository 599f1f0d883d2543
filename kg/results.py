"""SELECT results rendered as a table or in the SPARQL 1.1 results formats.

csv, tsv and json follow the W3C *SPARQL 1.1 Query Results* CSV/TSV and
JSON specifications, so other tools read kg's output directly; ``table``
is for people.  The same code serves every store backend, so local and
remote queries print identically.
"""

from __future__ import annotations

import csv
import io
import json
from enum import Enum

import pyoxigraph as ox

from kg.sparql import Term
from kg.store import SelectResult

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"


class ResultFormat(str, Enum):
    TABLE = "table"
    CSV = "csv"
    TSV = "tsv"
    JSON = "json"


def plain(term: Term | None) -> str:
    """A term as people read it: IRIs and literal values without syntax."""
    if term is None:
        return ""
    if isinstance(term, (ox.NamedNode, ox.Literal)):
        return str(term.value)
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return str(term)


def to_json_term(term: Term) -> dict[str, str]:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value not in (XSD_STRING, LANG_STRING):
            out["datatype"] = term.datatype.value
        return out
    return {"type": "triple", "value": str(term)}


def render(
    result: SelectResult, fmt: ResultFormat, *, compact: dict[str, str] | None = None
) -> str:
    """Render rows; ``compact`` maps IRI prefixes to short names for the table only."""
    if fmt is ResultFormat.JSON:
        payload = {
            "head": {"vars": result.variables},
            "results": {
                "bindings": [
                    {v: to_json_term(t) for v, t in zip(result.variables, row, strict=True) if t}
                    for row in result.rows
                ]
            },
        }
        return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
    if fmt is ResultFormat.CSV:
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(result.variables)
        writer.writerows([[plain(t) for t in row] for row in result.rows])
        return buffer.getvalue()
    if fmt is ResultFormat.TSV:
        lines = ["\t".join(f"?{v}" for v in result.variables)]
        lines += ["\t".join(_tsv(t) for t in row) for row in result.rows]
        return "\n".join(lines) + "\n"
    return _table(result, compact or {})


def _tsv(term: Term | None) -> str:
    if term is None:
        return ""
    text = str(term)
    return text.replace("\t", "\\t").replace("\n", "\\n")


def _shorten(term: Term | None, compact: dict[str, str]) -> str:
    text = plain(term)
    if isinstance(term, ox.NamedNode):
        for iri, short in compact.items():
            if text.startswith(iri):
                return short + text[len(iri) :]
    return " ".join(text.split())


def _table(result: SelectResult, compact: dict[str, str], width: int = 60) -> str:
    cells = [[_clip(_shorten(t, compact), width) for t in row] for row in result.rows]
    widths = [max([len(v), *(len(r[i]) for r in cells)]) for i, v in enumerate(result.variables)]
    line = "  ".join(v.ljust(w) for v, w in zip(result.variables, widths, strict=True))
    rule = "  ".join("-" * w for w in widths)
    body = ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in cells]
    return "\n".join([line.rstrip(), rule, *body]) + "\n"


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
