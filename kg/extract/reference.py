"""The reference data extraction works against: authority and thesaurus.

Loaded once per ingest (from the bundled ``data/authorities`` and any
authority files given) and shared by every document's extraction.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
import rdflib

from kg.authority import Authority
from kg.errors import SourceError
from kg.extract.topic_overrides import TopicOverride, load_overrides
from kg.extract.topics import Thesaurus


@dataclass(frozen=True)
class ReferenceData:
    authority: Authority
    thesaurus: Thesaurus
    topic_overrides: Mapping[str, tuple[TopicOverride, ...]] = field(default_factory=dict)

    @classmethod
    def from_graph(cls, graph: rdflib.Graph, base: str) -> ReferenceData:
        return cls(Authority.from_graph(graph, base), Thesaurus.from_graph(graph, base))

    def with_overrides(self, paths: Iterable[Path]) -> ReferenceData:
        """The same data plus the topic corrections of ``topic-overrides*.csv`` files."""
        overrides = load_overrides(paths, self.thesaurus.concepts)
        return ReferenceData(self.authority, self.thesaurus, overrides)

    @classmethod
    def load(cls, paths: Iterable[Path], base: str) -> ReferenceData:
        """Parse the Turtle files (relative IRIs against ``base``) and index them.

        pyoxigraph parses; the triples are then handed to rdflib term by term,
        which is several times faster than rdflib's own Turtle parser on the
        ~25,000 triples of the bundled authority data.
        """
        graph = rdflib.Graph()
        for path in paths:
            try:
                triples = ox.parse(path=str(path), format=ox.RdfFormat.TURTLE, base_iri=base)
                for triple in triples:
                    graph.add(
                        (_term(triple.subject), _term(triple.predicate), _term(triple.object))
                    )
            except (OSError, SyntaxError) as error:
                raise SourceError(
                    f"cannot read authority file {path}: {error}",
                    hint="Check that the file exists and is valid Turtle.",
                ) from error
        return cls.from_graph(graph, base)


def _term(term: object) -> rdflib.term.Node:
    if isinstance(term, ox.NamedNode):
        return rdflib.URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return rdflib.BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return rdflib.Literal(term.value, lang=term.language)
        return rdflib.Literal(term.value, datatype=rdflib.URIRef(term.datatype.value))
    raise SourceError(f"unsupported term in authority data: {term}")
