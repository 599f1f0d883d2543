"""The embedded store: atomic graph replacement, bulk build, queries with bindings."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.errors import QueryError, StoreError, StoreLockedError
from kg.store import GraphUpdate, KnowledgeGraph, SelectResult

EX = "http://example.org/"


def quad(s: str, o: str, g: str) -> ox.Quad:
    return ox.Quad(
        ox.NamedNode(EX + s), ox.NamedNode(EX + "p"), ox.Literal(o), ox.NamedNode(EX + g)
    )


def meta(g: str, checksum: str) -> ox.Quad:
    return ox.Quad(
        ox.NamedNode(EX + g),
        ox.NamedNode(EX + "checksum"),
        ox.Literal(checksum),
        ox.NamedNode(EX + "meta"),
    )


def test_replace_graphs_adds_then_replaces_content_and_meta() -> None:
    graph = KnowledgeGraph.in_memory()
    graph.replace_graphs([GraphUpdate(EX + "g1", [quad("a", "old", "g1")], [meta("g1", "1")])])
    graph.replace_graphs([GraphUpdate(EX + "g2", [quad("b", "other", "g2")], [meta("g2", "9")])])
    graph.replace_graphs([GraphUpdate(EX + "g1", [quad("a", "new", "g1")], [meta("g1", "2")])])
    got = {(q.subject.value, q.object.value, q.graph_name.value) for q in graph.quads()}
    assert got == {
        (EX + "a", "new", EX + "g1"),
        (EX + "b", "other", EX + "g2"),
        (EX + "g1", "2", EX + "meta"),
        (EX + "g2", "9", EX + "meta"),
    }


def test_replace_with_same_content_keeps_quad_count() -> None:
    graph = KnowledgeGraph.in_memory()
    update = GraphUpdate(
        EX + "g", [quad("a", "x", "g"), quad("b", 'say "hi"\n', "g")], [meta("g", "1")]
    )
    graph.replace_graphs([update])
    before = graph.count_quads()
    graph.replace_graphs([update])
    assert graph.count_quads() == before == 3


def test_build_creates_store_atomically(tmp_path: Path) -> None:
    target = tmp_path / "store"
    with KnowledgeGraph.build(target, iter([quad("a", "x", "g")])) as graph:
        assert graph.count_quads() == 1
    assert [p.name for p in tmp_path.iterdir()] == ["store"]


def test_failed_build_leaves_nothing(tmp_path: Path) -> None:
    def broken() -> object:
        yield quad("a", "x", "g")
        raise RuntimeError("extraction crashed")

    with pytest.raises(RuntimeError):
        KnowledgeGraph.build(tmp_path / "store", broken())  # type: ignore[arg-type]
    assert list(tmp_path.iterdir()) == []


def test_build_refuses_existing_path(tmp_path: Path) -> None:
    (tmp_path / "store").mkdir()
    with pytest.raises(StoreError):
        KnowledgeGraph.build(tmp_path / "store", iter([]))


def test_second_writer_gets_lock_error(tmp_path: Path) -> None:
    with KnowledgeGraph.open(tmp_path / "s"), pytest.raises(StoreLockedError) as info:
        KnowledgeGraph.open(tmp_path / "s")
    assert "locked" in info.value.message


def test_read_only_open_of_missing_store_fails_with_hint(tmp_path: Path) -> None:
    with pytest.raises(StoreError) as info:
        KnowledgeGraph.open(tmp_path / "missing", read_only=True)
    assert "kg ingest" in info.value.hint


def test_query_sees_union_and_binds_values() -> None:
    graph = KnowledgeGraph.in_memory()
    graph.add_quads([quad("a", "x", "g1"), quad("b", "y", "g2")])
    result = graph.select(
        "SELECT ?s ?g WHERE { GRAPH ?g { ?s ?p ?o } }",
    )
    assert len(result.rows) == 2
    bound = graph.query("SELECT ?s ?o WHERE { ?s ?p ?o }", bindings={"o": ox.Literal("y")})
    assert isinstance(bound, SelectResult)
    assert [[t.value for t in row if t is not None] for row in bound.rows] == [[EX + "b", "y"]]


def test_bad_query_is_a_query_error() -> None:
    with pytest.raises(QueryError) as info:
        KnowledgeGraph.in_memory().query("SELECT WHERE {")
    assert "does not parse" in info.value.message
