"""Deterministic writers for RDF dumps: N-Triples, N-Quads, Turtle, TriG, JSON-LD, RDF/XML.

A dump should diff well: the same graph must give the same bytes on every
run and machine.  pyoxigraph's and rdflib's serialisers emit statements in
hash or insertion order and choose prefixes themselves, so kg writes the
line-based formats and Turtle/TriG here: statements sorted by subject,
predicate (``rdf:type`` first) and object, prefixes always the full
:data:`kg.namespaces.PREFIXES` table, and instance IRIs relative to an
``@base``.  Terms are escaped by pyoxigraph's own N-Triples serialiser.
JSON-LD (compacted with ``ontology/context.jsonld``) and RDF/XML are left to
rdflib, fed in sorted order and, for JSON-LD, sorted again afterwards.

Blank nodes (only the vocabulary has some) get labels made from their
content (:func:`canonical_blank_nodes`), so sorting by term text is stable.
"""

from __future__ import annotations

import json
import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from typing import IO, Any

import pyoxigraph as ox
import rdflib

from kg.ids import short_hash
from kg.namespaces import PREFIXES
from kg.resources import resource_file

RDF_TYPE = ox.NamedNode(PREFIXES["rdf"] + "type")
_XSD_STRING = ox.NamedNode(PREFIXES["xsd"] + "string")
_LOCAL_NAME = re.compile(r"[A-Za-z0-9_](?:[A-Za-z0-9_.\-]*[A-Za-z0-9_\-])?")
_RELATIVE = re.compile(r"[A-Za-z0-9_~%\-][A-Za-z0-9_~%.\-]*(?:/[A-Za-z0-9_~%.\-]*)*(?:#[\w.\-]*)?")


def sort_key(triple: ox.Triple) -> tuple[str, bool, str, str]:
    """Subject, then ``rdf:type`` before other predicates, then predicate and object text.

    >>> t = ox.Triple(ox.NamedNode("http://e/s"), RDF_TYPE, ox.NamedNode("http://e/C"))
    >>> sort_key(t)[:2]
    ('<http://e/s>', False)
    """
    return (
        str(triple.subject),
        triple.predicate != RDF_TYPE,
        str(triple.predicate),
        str(triple.object),
    )


def sorted_triples(triples: Iterable[ox.Triple]) -> list[ox.Triple]:
    """The distinct triples in dump order, blank nodes relabelled by content."""
    return sorted(canonical_blank_nodes(set(triples)), key=sort_key)


def canonical_blank_nodes(triples: Collection[ox.Triple]) -> Collection[ox.Triple]:
    """Blank nodes renamed after what they hold and where they hang, so labels are stable.

    kg's data has no blank nodes, but the vocabulary (``owl:unionOf`` lists in
    ``graph/ontology``) does, and a store labels them at random.  A node's
    label hashes its content (its statements, nested blank nodes by their
    content) and its anchor (the statements pointing at it, nested parents by
    their anchor).  Nodes equal in both are interchangeable, so numbering
    them in any order gives the same bytes.

    >>> b = ox.BlankNode("x")
    >>> out = canonical_blank_nodes([ox.Triple(ox.NamedNode("http://e/s"), RDF_TYPE, b)])
    >>> [str(t.object) for t in out]
    ['_:bb861950970']
    """
    if not any(
        isinstance(t.subject, ox.BlankNode) or isinstance(t.object, ox.BlankNode) for t in triples
    ):
        return triples
    outgoing: dict[ox.BlankNode, list[ox.Triple]] = {}
    incoming: dict[ox.BlankNode, list[ox.Triple]] = {}
    for t in triples:
        if isinstance(t.subject, ox.BlankNode):
            outgoing.setdefault(t.subject, []).append(t)
        if isinstance(t.object, ox.BlankNode):
            incoming.setdefault(t.object, []).append(t)
    content: dict[ox.BlankNode, str] = {}
    anchor: dict[ox.BlankNode, str] = {}

    def content_of(node: ox.BlankNode, seen: frozenset[ox.BlankNode]) -> str:
        if node not in content:
            if node in seen:
                return "cycle"
            parts = sorted(
                f"{t.predicate} "
                + (
                    content_of(t.object, seen | {node})
                    if isinstance(t.object, ox.BlankNode)
                    else str(t.object)
                )
                for t in outgoing.get(node, [])
            )
            content[node] = "[" + " ; ".join(parts) + "]"
        return content[node]

    def anchor_of(node: ox.BlankNode, seen: frozenset[ox.BlankNode]) -> str:
        if node not in anchor:
            if node in seen:
                return "cycle"
            parts = sorted(
                (
                    anchor_of(t.subject, seen | {node})
                    if isinstance(t.subject, ox.BlankNode)
                    else str(t.subject)
                )
                + f" {t.predicate}"
                for t in incoming.get(node, [])
            )
            anchor[node] = "(" + " | ".join(parts) + ")"
        return anchor[node]

    keys = {
        node: short_hash(anchor_of(node, frozenset()), content_of(node, frozenset()))
        for node in {*outgoing, *incoming}
    }
    labels: dict[ox.BlankNode, ox.BlankNode] = {}
    used: dict[str, int] = {}
    for node in sorted(keys, key=lambda n: keys[n]):
        n = used[keys[node]] = used.get(keys[node], 0) + 1
        labels[node] = ox.BlankNode(f"b{keys[node]}" + (f"x{n}" if n > 1 else ""))

    def relabel(term: Any) -> Any:
        return labels.get(term, term) if isinstance(term, ox.BlankNode) else term

    return [ox.Triple(relabel(t.subject), t.predicate, relabel(t.object)) for t in triples]


class TermWriter:
    """Writes terms for Turtle and TriG: prefixed names, IRIs relative to the base, literals.

    >>> w = TermWriter("https://w3id.org/dipkg/")
    >>> w.term(ox.NamedNode("https://w3id.org/dipkg/ontology#Conversation"))
    'dip:Conversation'
    >>> w.term(ox.NamedNode("https://w3id.org/dipkg/person/castro-ruz-fidel"))
    '<person/castro-ruz-fidel>'
    >>> w.term(ox.Literal("1961-05-19", datatype=ox.NamedNode(PREFIXES["xsd"] + "date")))
    '"1961-05-19"^^xsd:date'
    >>> w.term(ox.NamedNode("https://w3id.org/dipkg/a:b"))
    '<https://w3id.org/dipkg/a:b>'
    """

    def __init__(self, base: str | None, prefixes: Mapping[str, str] = PREFIXES) -> None:
        self.base = base
        self.prefixes = dict(sorted(prefixes.items()))
        # the longest namespace wins (dip: before the base, schema: before http://…)
        self._by_length = sorted(self.prefixes.items(), key=lambda item: -len(item[1]))

    def header(self) -> str:
        lines = [f"@base <{self.base}> ."] if self.base else []
        lines += [f"@prefix {name}: <{iri}> ." for name, iri in self.prefixes.items()]
        return "\n".join(lines) + "\n"

    def iri(self, node: ox.NamedNode) -> str:
        value = node.value
        for name, namespace in self._by_length:
            if value.startswith(namespace) and _LOCAL_NAME.fullmatch(value[len(namespace) :]):
                return f"{name}:{value[len(namespace) :]}"
        if self.base and value.startswith(self.base):
            relative = value[len(self.base) :]
            segments = relative.split("#", 1)[0].split("/")
            if (
                _RELATIVE.fullmatch(relative)
                and ":" not in segments[0]
                and not any(s in (".", "..") for s in segments)
            ):
                return f"<{relative}>"
        return str(node)

    def term(self, term: Any) -> str:
        if isinstance(term, ox.NamedNode):
            return self.iri(term)
        if isinstance(term, ox.Literal):
            quoted = str(ox.Literal(term.value))
            if term.language:
                return f"{quoted}@{term.language}"
            if term.datatype == _XSD_STRING:
                return quoted
            return f"{quoted}^^{self.iri(term.datatype)}"
        return str(term)  # kg mints no blank nodes; pyoxigraph's form is valid Turtle anyway


def turtle_block(triples: Sequence[ox.Triple], terms: TermWriter, indent: str = "") -> str:
    """Sorted triples as Turtle statements grouped by subject and predicate."""
    out: list[str] = []
    inner = indent + "    "
    subject: object = None
    predicate: object = None
    for t in triples:
        if t.subject != subject:
            if subject is not None:
                out.append(" .\n\n")
            subject, predicate = t.subject, t.predicate
            out.append(f"{indent}{terms.term(t.subject)} {_predicate(t.predicate, terms)} ")
        elif t.predicate != predicate:
            predicate = t.predicate
            out.append(f" ;\n{inner}{_predicate(t.predicate, terms)} ")
        else:
            out.append(f",\n{inner}    ")
        out.append(terms.term(t.object))
    if subject is not None:
        out.append(" .\n")
    return "".join(out)


def _predicate(node: ox.NamedNode, terms: TermWriter) -> str:
    return "a" if node == RDF_TYPE else terms.iri(node)


def write_ntriples(triples: Iterable[ox.Triple], output: IO[bytes]) -> int:
    """Sorted triples, one N-Triples line each; returns how many."""
    count = 0
    for t in triples:
        output.write(f"{t} .\n".encode())
        count += 1
    return count


def write_nquads_graph(graph: str, triples: Iterable[ox.Triple], output: IO[bytes]) -> int:
    """One named graph's sorted triples as N-Quads lines; returns how many."""
    name = str(ox.NamedNode(graph))
    count = 0
    for t in triples:
        output.write(f"{t} {name} .\n".encode())
        count += 1
    return count


def write_turtle(triples: Sequence[ox.Triple], output: IO[bytes], terms: TermWriter) -> int:
    output.write(terms.header().encode())
    if triples:
        output.write(b"\n" + turtle_block(triples, terms).encode())
    return len(triples)


def write_trig_graph(
    graph: str, triples: Sequence[ox.Triple], output: IO[bytes], terms: TermWriter
) -> int:
    """One named graph as a TriG block (the header is written once by the caller)."""
    body = turtle_block(triples, terms, indent="    ")
    output.write(f"\n{terms.iri(ox.NamedNode(graph))} {{\n{body}}}\n".encode())
    return len(triples)


def to_rdflib(triples: Iterable[ox.Triple]) -> rdflib.Graph:
    """An rdflib graph holding the triples in the given order (its store keeps insertion order).

    Literals keep their lexical form (rdflib would otherwise rewrite
    ``…Z`` as ``…+00:00`` in the output).
    """
    graph = rdflib.Graph(bind_namespaces="none")
    for name, namespace in PREFIXES.items():
        graph.bind(name, namespace)
    for t in triples:
        graph.add((_rdflib_term(t.subject), _rdflib_term(t.predicate), _rdflib_term(t.object)))
    return graph


def _rdflib_term(term: Any) -> Any:
    if isinstance(term, ox.NamedNode):
        return rdflib.URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return rdflib.BNode(term.value)
    if term.language:
        return rdflib.Literal(term.value, lang=term.language, normalize=False)
    if term.datatype == _XSD_STRING:
        return rdflib.Literal(term.value, normalize=False)
    return rdflib.Literal(term.value, datatype=term.datatype.value, normalize=False)


def jsonld_context() -> dict[str, Any]:
    """The ``@context`` of ``ontology/context.jsonld`` (the terms of the dip: vocabulary)."""
    with resource_file("ontology", "context.jsonld").open(encoding="utf-8") as f:
        context: dict[str, Any] = json.load(f)["@context"]
    return context


def write_jsonld(triples: Sequence[ox.Triple], output: IO[bytes], base: str | None) -> int:
    """JSON-LD compacted with kg's context (embedded, so it parses offline), sorted.

    rdflib's serialiser walks subjects in set order, so the nodes of
    ``@graph`` and every value array are sorted after compaction (value
    arrays are unordered in RDF; kg writes no ``@list``).
    """
    context = jsonld_context()
    if base:
        context = {"@base": base, **context}
    text = to_rdflib(triples).serialize(format="json-ld", context=context, auto_compact=True)
    document = _sort_json(json.loads(text))
    if isinstance(document, dict) and "@graph" not in document and len(document) > 1:
        ctx = document.pop("@context")
        document = {"@context": ctx, "@graph": [document]}
    output.write(json.dumps(document, ensure_ascii=False, indent=2).encode() + b"\n")
    return len(triples)


def _sort_json(value: Any) -> Any:
    if isinstance(value, dict):
        return {
            key: item if key in ("@context", "@list") else _sort_json(item)
            for key, item in sorted(value.items(), key=lambda kv: (kv[0] != "@context", kv[0]))
        }
    if isinstance(value, list):
        items = [_sort_json(item) for item in value]
        return sorted(items, key=lambda item: json.dumps(item, sort_keys=True, ensure_ascii=False))
    return value


def write_rdfxml(triples: Sequence[ox.Triple], output: IO[bytes]) -> int:
    """RDF/XML by rdflib, one ``rdf:Description`` per subject in sorted order."""
    output.write(to_rdflib(triples).serialize(format="xml", encoding="utf-8"))
    return len(triples)
