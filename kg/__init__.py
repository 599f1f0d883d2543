"""kg: a knowledge graph of diplomatic conversations from archival records.

The public API is small and flat: open a store, ingest paths, query.

>>> from kg import KnowledgeGraph
>>> graph = KnowledgeGraph.in_memory()
>>> graph.count_quads()
0
"""

from __future__ import annotations

__version__ = "0.1.0"

from kg.errors import ExitCode, KgError
from kg.store import KnowledgeGraph

__all__ = ["ExitCode", "KgError", "KnowledgeGraph", "__version__"]
