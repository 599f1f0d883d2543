"""RDF dumps: every format parses back to the store's content, selections, determinism, CLI."""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from click.testing import CliRunner
from rdflib.compare import isomorphic

from kg.cli import cli
from kg.dumps import DUMP_FORMATS, QUAD_FORMATS, select_graphs, write_dump
from kg.errors import UsageError
from kg.ingest import ingest
from kg.store import KnowledgeGraph
from kg.timeline import TimelineFilter

ROOT = Path(__file__).resolve().parent.parent
BASE = "https://w3id.org/dipkg/"
G = BASE + "graph/"
SHARED = {G + "authority", G + "meta", G + "ontology"}
RDFLIB_FORMAT = {
    "ttl": "turtle",
    "trig": "trig",
    "nq": "nquads",
    "nt": "nt",
    "jsonld": "json-ld",
    "rdfxml": "xml",
}
OX_FORMAT = {
    "ttl": ox.RdfFormat.TURTLE,
    "trig": ox.RdfFormat.TRIG,
    "nq": ox.RdfFormat.N_QUADS,
    "nt": ox.RdfFormat.N_TRIPLES,
    "rdfxml": ox.RdfFormat.RDF_XML,
}


def build(path: Path) -> str:
    ingest(str(path), [ROOT / "data" / "wilson", ROOT / "data" / "curated"])
    return str(path)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> str:
    return build(tmp_path_factory.mktemp("dumps") / "store")


@pytest.fixture(scope="module")
def graph(store: str) -> Iterator[KnowledgeGraph]:
    with KnowledgeGraph.open(store, read_only=True) as g:
        yield g


def dump(graph: KnowledgeGraph, fmt: str, **options: object) -> bytes:
    out = io.BytesIO()
    write_dump(graph, fmt, out, **options)  # type: ignore[arg-type]
    return out.getvalue()


def to_rdflib(triples: list[ox.Triple]) -> rdflib.Graph:
    return rdflib.Graph().parse(data="".join(f"{t} .\n" for t in triples), format="nt")


def ground(statements: Iterable[ox.Triple | ox.Quad]) -> set[ox.Triple | ox.Quad]:
    """The statements without blank nodes (the vocabulary's lists have some)."""
    return {
        s
        for s in statements
        if not isinstance(s.subject, ox.BlankNode) and not isinstance(s.object, ox.BlankNode)
    }


def store_union(graph: KnowledgeGraph) -> rdflib.Graph:
    return to_rdflib([q.triple for q in graph.quads()])


@pytest.mark.parametrize("fmt", [f for f in DUMP_FORMATS if f not in QUAD_FORMATS])
def test_triple_formats_round_trip_to_the_merged_graph(graph: KnowledgeGraph, fmt: str) -> None:
    data = dump(graph, fmt)
    parsed = rdflib.Graph().parse(data=data, format=RDFLIB_FORMAT[fmt])
    expected = store_union(graph)
    assert len(parsed) == len(expected)
    assert isomorphic(parsed, expected)
    if fmt in OX_FORMAT:  # pyoxigraph reads them the same way, lexical forms included
        again = [q.triple for q in ox.parse(data, format=OX_FORMAT[fmt])]
        expected_triples = {q.triple for q in graph.quads()}
        assert len(again) == len(expected_triples)
        assert ground(again) == ground(expected_triples)


@pytest.mark.parametrize("fmt", QUAD_FORMATS)
def test_quad_formats_keep_every_named_graph(graph: KnowledgeGraph, fmt: str) -> None:
    data = dump(graph, fmt)
    dataset = rdflib.Dataset()
    dataset.parse(data=data, format=RDFLIB_FORMAT[fmt])
    names = sorted(str(c.identifier) for c in dataset.contexts() if len(c))
    assert names == graph.named_graphs()
    for name in names:
        expected = to_rdflib([q.triple for q in graph.quads(name)])
        assert isomorphic(dataset.graph(rdflib.URIRef(name)), expected), name
    again = list(ox.parse(data, format=OX_FORMAT[fmt]))
    assert len(again) == graph.count_quads()
    assert ground(again) == ground(graph.quads())


def test_jsonld_is_compacted_with_the_context(graph: KnowledgeGraph) -> None:
    text = dump(graph, "jsonld", documents=["wilson-177830"]).decode()
    assert '"@context"' in text
    assert '"participant"' in text and '"earliestDate": "1963-02-16"' in text


def test_same_store_gives_the_same_bytes(graph: KnowledgeGraph) -> None:
    for fmt in DUMP_FORMATS:
        assert dump(graph, fmt) == dump(graph, fmt), fmt


def test_a_store_built_again_gives_the_same_dump(graph: KnowledgeGraph, tmp_path: Path) -> None:
    """Only graph/meta differs (it records when each graph was made)."""
    with KnowledgeGraph.open(build(tmp_path / "again"), read_only=True) as other:
        for fmt in ("nq", "trig"):
            first, second = (
                [line for line in dump(g, "nq").splitlines() if not line.endswith(b"graph/meta> .")]
                for g in (graph, other)
            )
            assert first == second, fmt
        assert dump(graph, "ttl", profile="sem") == dump(other, "ttl", profile="sem")


def test_turtle_is_grouped_and_uses_the_prefix_table_and_base(graph: KnowledgeGraph) -> None:
    text = dump(graph, "ttl", documents=["wilson-177830"]).decode()
    assert text.startswith("@base <https://w3id.org/dipkg/> .\n@prefix crm: ")
    assert "<event/wilson-177830> a dip:Conversation ;\n" in text
    assert '    dip:earliestDate "1963-02-16"^^xsd:date ;\n' in text


def test_a_document_selection_holds_its_graph_and_what_it_refers_to(
    graph: KnowledgeGraph,
) -> None:
    for given in ("wilson-177830", BASE + "document/wilson-177830", G + "wilson-177830"):
        chosen = select_graphs(graph, documents=[given])
        assert chosen.whole == (G + "wilson-177830",)
        assert set(chosen.partial) == SHARED
    quads = set(ox.parse(dump(graph, "nq", documents=["wilson-177830"]), ox.RdfFormat.N_QUADS))
    castro = ox.NamedNode(BASE + "person/castro-ruz-fidel")
    authority = ox.NamedNode(G + "authority")
    labels = {q.object for q in quads if q.subject == castro and q.graph_name == authority}
    assert ox.Literal("Fidel Castro", language="en") in labels
    # the authority description of persons the document does not name is left out
    khrushchev = ox.NamedNode(BASE + "person/khrushchev-nikita-sergeyevich")
    assert not any(q.subject == khrushchev for q in quads)
    meta = {q.subject for q in quads if q.graph_name == ox.NamedNode(G + "meta")}
    assert meta == {ox.NamedNode(G + "wilson-177830")}


def test_a_translation_iri_selects_the_graph_that_describes_it(graph: KnowledgeGraph) -> None:
    chosen = select_graphs(graph, documents=[BASE + "document/wilson-177830-en"])
    assert chosen.whole == (G + "wilson-177830",)


def test_a_person_selection(graph: KnowledgeGraph) -> None:
    chosen = select_graphs(graph, selection=TimelineFilter(persons=("Fidel Castro",)))
    assert chosen.whole == tuple(
        G + key
        for key in (
            "curated-alekseev-telegram-1962-11-04",
            "curated-mikoyan-castro-1962-11-04",
            "curated-mikoyan-mission-cuba-1962",
            "wilson-177830",
            "wilson-a4d663e4f3",
        )
    )


def test_a_date_range_selection_and_documents_must_both_hold(graph: KnowledgeGraph) -> None:
    in_1961 = TimelineFilter(date_from="1961", date_to="1961")
    chosen = select_graphs(graph, selection=in_1961)
    assert chosen.whole == tuple(
        G + key
        for key in (
            "curated-rusk-menshikov-1961-02-03",
            "curated-vienna-1961-06-04-soviet-embassy",
            "curated-vienna-summit-1961",
            "wilson-a4d663e4f3",
        )
    )
    both = select_graphs(graph, selection=in_1961, documents=["wilson-177830", "wilson-a4d663e4f3"])
    assert both.whole == (G + "wilson-a4d663e4f3",)
    may = select_graphs(graph, selection=TimelineFilter(date_from="1961-05", date_to="1961-05"))
    assert may.whole == (G + "wilson-a4d663e4f3",)


def test_an_empty_selection_dumps_nothing(graph: KnowledgeGraph) -> None:
    out = io.BytesIO()
    summary = write_dump(
        graph, "nq", out, selection=TimelineFilter(date_from="1800", date_to="1801")
    )
    assert summary.statements == 0 and out.getvalue() == b""


def test_unknown_document_is_a_usage_error(graph: KnowledgeGraph) -> None:
    with pytest.raises(UsageError, match="no document"):
        dump(graph, "nq", documents=["wilson-000"])


def run(*args: str) -> tuple[int, bytes, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout_bytes, result.stderr


def test_cli_writes_stdout_or_a_file(store: str, tmp_path: Path) -> None:
    code, out, err = run("--store", store, "export", "nt", "--document", "wilson-177830")
    assert code == 0 and out.endswith(b" .\n")
    assert "Wrote" in err and "triples" in err
    target = tmp_path / "dump.trig"
    code, out, err = run("--store", store, "export", "trig", "-o", str(target))
    assert code == 0 and out == b""
    assert target.read_bytes().startswith(b"@base <https://w3id.org/dipkg/> .")
    assert not list(tmp_path.glob(".dump.trig.*"))  # no temporary file left


def test_cli_errors(store: str, tmp_path: Path) -> None:
    code, _, err = run("--store", store, "export", "nq", "--document", "nope")
    assert code == 2 and "no document 'nope'" in err and "Hint:" in err
    code, _, err = run("--store", store, "export", "nq", "-o", str(tmp_path / "no" / "x.nq"))
    assert code == 1 and "cannot write" in err
    code, _, err = run("--store", store, "export", "trig", "--profile", "sem")
    assert code == 2 and "profile" in err
