"""The same graph in a real Virtuoso and a real Oxigraph server as in the embedded store.

Each server is a throwaway instance (``tests/servers.py``) shared by the tests
of this module.  Every canned query, ``kg stats``, the timeline and the
exports must print exactly what they print from the embedded store.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable, Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner, Result
from servers import Server, oxigraph, running, virtuoso

from kg.cli import cli
from kg.ingest import ingest
from kg.push import push
from kg.remote import RemoteStore
from kg.remote_http import Credentials, HttpSettings
from kg.store import KnowledgeGraph
from kg.timeline import TimelineFilter, select_timeline

ROOT = Path(__file__).resolve().parent.parent
SEEDS = [ROOT / "data" / "wilson", ROOT / "data" / "curated"]
CASTRO = "https://w3id.org/dipkg/person/castro-ruz-fidel"
CANNED: list[tuple[str, ...]] = [
    ("chronology",),
    ("who-met-whom",),
    ("events-per-year",),
    ("documents-by-archive",),
    ("person-conversations", "-p", "person=Fidel Castro"),
    ("conversations-between", "-p", "from=1961-01-01", "-p", "to=1963-12-31"),
    ("involving", "-p", f"entity={CASTRO}"),
    ("document-assertions", "-p", "document=https://w3id.org/dipkg/document/wilson-177830"),
]


def env_for(server: Server) -> dict[str, str]:
    """What a user sets for this server: credentials in the environment, never as options."""
    env = {"KG_STORE": server.query_url, "KG_UPDATE_ENDPOINT": server.update_url}
    if server.credentials:
        user, password = server.credentials
        env.update(KG_SPARQL_USER=user, KG_SPARQL_PASSWORD=password, KG_SPARQL_AUTH="digest")
    return env


def connect(server: Server, *, read_only: bool = False) -> RemoteStore:
    creds = Credentials(*server.credentials, "digest") if server.credentials else None
    settings = HttpSettings(timeout=120, credentials=creds)
    return RemoteStore.connect(
        server.query_url, update_endpoint=server.update_url, read_only=read_only, settings=settings
    )


def clear(server: Server) -> None:
    with connect(server) as store:
        for graph in store.named_graphs():
            store.remove_graph(graph)
        assert store.count_quads() == 0


def kg(env: dict[str, str], *args: str) -> Result:
    result = CliRunner().invoke(cli, list(args), env=env, catch_exceptions=False)
    return result


@pytest.fixture(scope="module", params=["virtuoso", "oxigraph"])
def server(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Server]:
    directory = tmp_path_factory.mktemp(request.param)
    make = virtuoso if request.param == "virtuoso" else oxigraph
    with running(make(directory)) as started:
        yield started


@pytest.fixture(scope="module")
def local(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("local") / "store"
    ingest(str(path), SEEDS)
    return str(path)


def local_output(local: str, *args: str) -> str:
    result = kg({"KG_STORE": local}, *args)
    assert result.exit_code == 0, result.output
    return result.stdout


def test_push_then_every_canned_query_gives_identical_rows(server: Server, local: str) -> None:
    clear(server)
    with KnowledgeGraph.open(local, read_only=True) as source, connect(server) as target:
        report = push(source, target)
        assert report.complete and not report.failed
        assert target.count_quads() == source.count_quads()
        assert target.named_graphs() == source.named_graphs()
    env = env_for(server)
    for canned in CANNED:
        for fmt in ("csv", "json"):
            remote = kg(env, "query", *canned, "--format", fmt)
            assert remote.exit_code == 0, remote.output
            expected = local_output(local, "query", *canned, "--format", fmt)
            assert same_rows(remote.stdout, expected, fmt), canned


def same_rows(got: str, expected: str, fmt: str) -> bool:
    """Equal rows; rows that tie on a query's ORDER BY may come in any order."""
    if fmt == "json":
        a, b = json.loads(got), json.loads(expected)
        key = functools.partial(json.dumps, sort_keys=True)
        return a["head"] == b["head"] and sorted(map(key, a["results"]["bindings"])) == sorted(
            map(key, b["results"]["bindings"])
        )
    first_a, *rows_a = got.splitlines()
    first_b, *rows_b = expected.splitlines()
    return first_a == first_b and sorted(rows_a) == sorted(rows_b)


def test_push_cli_rerun_skips_everything(server: Server, local: str) -> None:
    env = {**env_for(server), "KG_STORE": local}
    result = kg(env, "push", "--to", server.query_url)
    assert result.exit_code == 0, result.output
    assert "0 graphs pushed" in result.stderr
    assert "unchanged" in result.stderr


def test_stats_timeline_and_entities_equal(server: Server, local: str) -> None:
    env = env_for(server)
    for args in (("stats", "--format", "json"), ("entities", "Fidel Castro")):
        remote = kg(env, *args)
        assert remote.exit_code == 0, remote.output
        assert remote.stdout == local_output(local, *args), args
    with KnowledgeGraph.open(local, read_only=True) as embedded, connect(server) as remote_store:
        everything = TimelineFilter()
        remote_timeline = select_timeline(remote_store, everything)
        assert remote_timeline == select_timeline(embedded, everything)
        assert {p.kind for e in remote_timeline for p in e.participants} == {"person"}


def test_validate_reads_every_quad(server: Server, local: str) -> None:
    with KnowledgeGraph.open(local, read_only=True) as embedded, connect(server) as remote_store:
        assert ground(remote_store.quads()) == ground(embedded.quads())
        graph = "https://w3id.org/dipkg/graph/wilson-177830"
        assert set(remote_store.quads(graph)) == set(embedded.quads(graph))
    result = kg(env_for(server), "validate")
    assert result.exit_code == 0, result.output
    assert result.stdout == local_output(local, "validate")


def ground(quads: Iterable[ox.Quad]) -> tuple[set[ox.Quad], int]:
    """Quads without blank nodes, and how many have one (servers relabel blank nodes)."""
    fixed: set[ox.Quad] = set()
    blank = 0
    for q in quads:
        if isinstance(q.subject, ox.BlankNode) or isinstance(q.object, ox.BlankNode):
            blank += 1
        else:
            fixed.add(q)
    return fixed, blank


def test_ingest_directly_into_the_server(server: Server, local: str) -> None:
    clear(server)
    env = env_for(server)
    first = kg(env, "ingest", *map(str, SEEDS))
    assert first.exit_code == 0, first.output
    for canned in CANNED[:5]:
        got = kg(env, "query", *canned, "--format", "csv").stdout
        assert same_rows(got, local_output(local, "query", *canned, "--format", "csv"), "csv")
    second = kg(env, "ingest", *map(str, SEEDS))
    assert second.exit_code == 0, second.output
    assert "0 documents stored" in second.stderr and "unchanged" in second.stderr
    with KnowledgeGraph.open(local, read_only=True) as embedded, connect(server) as remote_store:
        # graph/meta included: the dataset description counts only kg's own graphs
        theirs = remote_store.graph_sizes()
        ours = {g: len(list(embedded.quads(g))) for g in embedded.named_graphs()}
        assert theirs == ours
