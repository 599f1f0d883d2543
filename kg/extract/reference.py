"""The reference data extraction works against: authority and thesaurus.

Loaded once per ingest (from the bundled ``data/authorities`` and any
authority files given) and shared by every document's extraction.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import rdflib

from kg.authority import Authority
from kg.extract.topics import Thesaurus


@dataclass(frozen=True)
class ReferenceData:
    authority: Authority
    thesaurus: Thesaurus

    @classmethod
    def from_graph(cls, graph: rdflib.Graph, base: str) -> ReferenceData:
        return cls(Authority.from_graph(graph, base), Thesaurus.from_graph(graph, base))

    @classmethod
    def load(cls, paths: Iterable[Path], base: str) -> ReferenceData:
        graph = rdflib.Graph()
        for path in paths:
            graph.parse(path, format="turtle", publicID=base)
        return cls.from_graph(graph, base)
