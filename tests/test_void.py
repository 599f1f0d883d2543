"""The dataset description: true counts, subsets with licences, dumps, idempotence, SHACL."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib

from kg.ingest import ingest
from kg.namespaces import PREFIXES
from kg.store import KnowledgeGraph
from kg.validate import validate_store
from kg.void import CC0, dataset_iri, describe_dataset, store_description, write_description

ROOT = Path(__file__).resolve().parent.parent
BASE = "https://w3id.org/dipkg/"
D = dataset_iri(BASE)
META = ox.NamedNode(BASE + "graph/meta")


def n(curie: str) -> ox.NamedNode:
    prefix, local = curie.split(":", 1)
    return ox.NamedNode(PREFIXES[prefix] + local)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("void") / "store"
    ingest(str(path), [ROOT / "data" / "wilson", ROOT / "data" / "curated"])
    return str(path)


@pytest.fixture
def graph(store: str) -> Iterator[KnowledgeGraph]:
    with KnowledgeGraph.open(store, read_only=True) as g:
        yield g


def value(quads: list[ox.Quad], subject: str, predicate: str) -> set[str]:
    return {
        q.object.value  # type: ignore[union-attr]
        for q in quads
        if q.subject == ox.NamedNode(subject) and q.predicate == n(predicate)
    }


def description_in_store(graph: KnowledgeGraph) -> list[ox.Quad]:
    return [q for q in graph.quads(META.value) if q.subject.value.startswith(D)]  # type: ignore[union-attr]


def test_ingest_stores_the_description_in_graph_meta(graph: KnowledgeGraph) -> None:
    stored = description_in_store(graph)
    assert sorted(map(str, stored)) == sorted(map(str, describe_dataset(graph, base_iri=BASE)))
    assert all(q.graph_name == META for q in stored)


def test_counts_are_true(graph: KnowledgeGraph) -> None:
    quads = describe_dataset(graph, base_iri=BASE)
    own = len(description_in_store(graph))
    assert value(quads, D, "void:triples") == {str(graph.count_quads() - own)}
    partition = D + "/class/dip-Conversation"
    assert value(quads, D, "void:classPartition") >= {partition}
    assert value(quads, partition, "void:entities") == {"10"}
    wilson = D + "/source/wilson-text"
    wilson_quads = sum(
        1 for g in ("wilson-177830", "wilson-a4d663e4f3") for _ in graph.quads(BASE + "graph/" + g)
    )
    assert value(quads, wilson, "void:triples") == {str(wilson_quads)}
    assert value(quads, wilson, "dcterms:source") == {"https://digitalarchive.wilsoncenter.org/"}
    assert value(quads, D + "/source/curated-yaml", "dcterms:license") == {CC0}
    assert value(quads, D, "void:exampleResource") == {
        BASE + "person/castro-ruz-fidel",
        BASE + "event/wilson-a4d663e4f3",
    }
    assert PREFIXES["dip"] in value(quads, D, "void:vocabulary")
    assert value(quads, D, "void:uriSpace") == {BASE}
    assert not value(quads, D, "dcterms:license")  # the Wilson subset has no open licence


def test_dumps_and_endpoint_appear_when_given(graph: KnowledgeGraph) -> None:
    quads = describe_dataset(
        graph,
        base_iri=BASE,
        dumps=[("nq", "https://example.org/kg.nq")],
        endpoint="https://example.org/sparql",
    )
    assert value(quads, D, "void:sparqlEndpoint") == {"https://example.org/sparql"}
    assert value(quads, D, "void:dataDump") == {"https://example.org/kg.nq"}
    dist = D + "/distribution/nq"
    assert value(quads, dist, "dcat:downloadURL") == {"https://example.org/kg.nq"}
    assert value(quads, dist, "dcat:mediaType") == {
        "https://www.iana.org/assignments/media-types/application/n-quads"
    }


def test_storing_again_changes_nothing_and_validates(store: str) -> None:
    with KnowledgeGraph.open(store) as graph:
        before = sorted(map(str, graph.quads()))
        store_description(graph, base_iri=BASE)
        assert sorted(map(str, graph.quads())) == before
        assert validate_store(graph).conforms


@pytest.mark.parametrize("fmt", ["ttl", "nt", "jsonld", "rdfxml"])
def test_write_description_parses(graph: KnowledgeGraph, fmt: str) -> None:
    out = io.BytesIO()
    count = write_description(graph, fmt, out, base_iri=BASE)
    rdf_format = {"ttl": "turtle", "nt": "nt", "jsonld": "json-ld", "rdfxml": "xml"}[fmt]
    parsed = rdflib.Graph().parse(data=out.getvalue(), format=rdf_format)
    assert len(parsed) == count
    assert (
        rdflib.URIRef(D),
        rdflib.RDF.type,
        rdflib.URIRef(PREFIXES["void"] + "Dataset"),
    ) in parsed
