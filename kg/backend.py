"""The store interface every backend implements, and the one place that picks a backend.

kg keeps its graph either in an embedded pyoxigraph store
(:class:`kg.store.KnowledgeGraph`) or in a remote SPARQL 1.1 server
(:mod:`kg.remote`).  Everything above the store (ingest, queries, timeline,
exports, serving, validation) talks to :class:`GraphStore` only, so each
command works the same against either.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import IO, Protocol, runtime_checkable

import pyoxigraph as ox

from kg.sparql import Term
from kg.store import GraphUpdate, KnowledgeGraph, QueryResult, SelectResult

REMOTE_SCHEMES = ("http://", "https://")


@runtime_checkable
class GraphStore(Protocol):
    """What kg needs of a store: atomic graph replacement, SPARQL, quads and dumps."""

    read_only: bool

    def close(self) -> None: ...

    def __enter__(self) -> GraphStore: ...

    def __exit__(self, *exc: object) -> None: ...

    def replace_graphs(self, updates: Sequence[GraphUpdate]) -> None: ...

    def remove_graph(self, graph: str) -> None: ...

    def update_quads(self, remove: Sequence[ox.Quad], add: Sequence[ox.Quad]) -> None:
        """Delete and insert single quads (no blank nodes) in one atomic update."""

    def query(
        self,
        sparql: str,
        *,
        bindings: Mapping[str, Term] | None = None,
        union_default_graph: bool = True,
    ) -> QueryResult: ...

    def select(
        self, sparql: str, *, bindings: Mapping[str, Term] | None = None
    ) -> SelectResult: ...

    def count_quads(self) -> int: ...

    def named_graphs(self) -> list[str]: ...

    def quads(self, graph: str | None = None) -> Iterator[ox.Quad]: ...

    def dump(self, output: IO[bytes], *, format: ox.RdfFormat = ox.RdfFormat.N_QUADS) -> None: ...


def is_remote(location: str) -> bool:
    """True for an ``http(s)://`` SPARQL endpoint, False for a store directory.

    >>> is_remote("http://localhost:7878/query"), is_remote(".kg")
    (True, False)
    """
    return location.lower().startswith(REMOTE_SCHEMES)


def open_store(
    location: str, *, read_only: bool = True, update_endpoint: str | None = None
) -> GraphStore:
    """Open the store at ``location``: a directory, or a remote SPARQL query endpoint.

    ``update_endpoint`` only matters for a remote store (default: the query
    endpoint).  Raises :class:`kg.errors.StoreError` when the store cannot be
    opened.
    """
    if is_remote(location):
        from kg.remote import RemoteStore

        return RemoteStore.connect(location, update_endpoint=update_endpoint, read_only=read_only)
    return KnowledgeGraph.open(location, read_only=read_only)
