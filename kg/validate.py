"""SHACL validation of the whole graph with pySHACL (``ontology/shapes.ttl``).

The data graph is the union of every named graph, as queries see it, so the
ontology's subclass axioms (``dip:Conversation ⊑ dip:Event``) in
``graph/ontology`` let shapes that target ``dip:Event`` reach conversations
and visits too.  The store's quads are handed to rdflib as N-Triples,
the format both libraries read fastest.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import rdflib
from pyshacl import validate as shacl_validate
from rdflib.namespace import SH

from kg.backend import GraphStore
from kg.resources import resource_file


@dataclass(frozen=True)
class Violation:
    focus: str
    path: str | None
    message: str
    severity: str
    shape: str | None
    value: str | None = None


@dataclass
class ValidationResult:
    conforms: bool
    violations: list[Violation] = field(default_factory=list)
    triples: int = 0


def union_graph(graph: GraphStore) -> rdflib.Graph:
    """All graphs merged into one rdflib graph (written as N-Triples, read by rdflib)."""
    lines = [f"{q.subject} {q.predicate} {q.object} .\n" for q in graph.quads()]
    union = rdflib.Graph()
    union.parse(data="".join(lines), format="nt")
    return union


def validate_graph(data: rdflib.Graph) -> ValidationResult:
    shapes = rdflib.Graph().parse(resource_file("ontology", "shapes.ttl"), format="turtle")
    conforms, report, _text = shacl_validate(
        data, shacl_graph=shapes, inference="none", advanced=True, allow_warnings=True
    )
    violations = [_violation(report, node) for node in report.subjects(SH.resultSeverity, None)]
    violations.sort(key=lambda v: (v.severity, v.focus, v.path or "", v.message))
    return ValidationResult(bool(conforms), violations, len(data))


def validate_store(graph: GraphStore) -> ValidationResult:
    """Validate everything in the store against the project's shapes."""
    return validate_graph(union_graph(graph))


def _violation(report: rdflib.Graph, node: rdflib.term.Node) -> Violation:
    def value(predicate: rdflib.URIRef) -> str | None:
        found = report.value(node, predicate)
        return str(found) if found is not None else None

    severity = value(SH.resultSeverity) or str(SH.Violation)
    return Violation(
        focus=value(SH.focusNode) or "",
        path=value(SH.resultPath),
        message=value(SH.resultMessage) or "constraint not met",
        severity=severity.rsplit("#", 1)[-1],
        shape=value(SH.sourceShape),
        value=value(SH.value),
    )
