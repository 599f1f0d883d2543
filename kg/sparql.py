"""Binding values into SPARQL text safely, the same way for every store.

Values are bound with a ``VALUES`` block placed at the start of the outermost
``WHERE`` group.  The block is written by pyoxigraph's term serialiser
(``str(NamedNode(...))`` validates and escapes), so a value can never change
the structure of a query, and the mechanism is plain SPARQL 1.1 that every
server understands (pyoxigraph's own ``substitutions`` would only work on
the embedded store, and only for projected variables).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

import pyoxigraph as ox

from kg.errors import UsageError

Term = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple

_WHERE = re.compile(r"\bWHERE\s*\{", re.IGNORECASE)
_COMMENT_OR_STRING = re.compile(r"#[^\n]*|\"(?:[^\"\\\n]|\\.)*\"|'(?:[^'\\\n]|\\.)*'")


def bind(text: str, values: Mapping[str, Term]) -> str:
    """Insert ``VALUES`` for the given terms at the start of the outer WHERE group.

    >>> bind("SELECT ?x WHERE { ?x ?p ?o }", {"p": ox.NamedNode("http://e/p")})
    'SELECT ?x WHERE { VALUES (?p) { (<http://e/p>) }  ?x ?p ?o }'
    >>> bind('SELECT * WHERE { ?s ?p "x" }', {"s": ox.Literal('a" } DROP ALL #')})
    'SELECT * WHERE { VALUES (?s) { ("a\\\\" } DROP ALL #") }  ?s ?p "x" }'
    """
    if not values:
        return text
    for name in values:
        if not re.fullmatch(r"\w+", name):
            raise UsageError(f"not a SPARQL variable name: {name!r}")
    match = _WHERE.search(_blank(text))
    if match is None:
        raise UsageError("parameters need a query with a WHERE clause")
    names = " ".join(f"?{name}" for name in values)
    row = " ".join(str(term) for term in values.values())
    block = f" VALUES ({names}) {{ ({row}) }} "
    return text[: match.end()] + block + text[match.end() :]


def values_block(name: str, terms: Sequence[Term]) -> str:
    """A one-variable ``VALUES`` block with one row per term, written by the term serialiser.

    >>> values_block("p", [ox.NamedNode("http://e/a"), ox.Literal("b")])
    'VALUES ?p { <http://e/a> "b" }'
    """
    if not re.fullmatch(r"\w+", name):
        raise UsageError(f"not a SPARQL variable name: {name!r}")
    return f"VALUES ?{name} {{ {' '.join(str(term) for term in terms)} }}"


def _blank(text: str) -> str:
    """Comments and string literals replaced by spaces (same length), so offsets still match."""
    return _COMMENT_OR_STRING.sub(lambda m: " " * len(m.group(0)), text)
