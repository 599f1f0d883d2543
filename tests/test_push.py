"""``kg push`` to a real Virtuoso: all bundled data, and a push killed half-way then re-run."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from servers import Server, oxigraph, running, virtuoso
from test_remote import connect, env_for, ground

from kg.cli import cli
from kg.ingest import ingest
from kg.push import push
from kg.store import KnowledgeGraph

ROOT = Path(__file__).resolve().parent.parent
SUBSET = [ROOT / "data" / "wilson", ROOT / "data" / "curated", ROOT / "data" / "frus"]


@pytest.fixture(scope="module")
def subset(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("subset") / "store"
    ingest(str(path), SUBSET)
    return str(path)


@pytest.fixture(params=["virtuoso", "oxigraph"])
def fresh_server(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Server]:
    make = virtuoso if request.param == "virtuoso" else oxigraph
    with running(make(tmp_path / request.param)) as started:
        yield started


def test_killed_push_is_completed_by_a_rerun(fresh_server: Server, subset: str) -> None:
    """Kill the server after two batches: the report lists what is missing; a re-run ends it."""
    batches = []

    def crash(done: int, total: int, quads: int) -> None:
        batches.append(done)
        if len(batches) == 2:
            fresh_server.kill()

    with KnowledgeGraph.open(subset, read_only=True) as source:
        with connect(fresh_server) as target:
            first = push(source, target, batch_quads=200, progress=crash)
        assert not first.complete and first.error is not None
        assert "127.0.0.1" in first.error.message
        assert first.pushed and first.failed
        assert set(first.pushed).isdisjoint(first.failed)
        assert len(first.pushed) + len(first.failed) == len(source.named_graphs()) - 1

        fresh_server.start()
        with connect(fresh_server) as target:
            # whatever reached the server is complete: every graph old (absent) or new
            sizes = target.graph_sizes()
            for graph, size in sizes.items():
                if graph.endswith("/graph/meta"):
                    continue
                assert size == len(list(source.quads(graph))), graph
            second = push(source, target, batch_quads=200)
            assert second.complete, second.error
            assert set(second.skipped) >= set(first.pushed) & set(sizes)
            assert ground(target.quads()) == ground(source.quads())


def test_cli_push_reports_a_failure_and_the_rerun_hint(tmp_path: Path, subset: str) -> None:
    with running(oxigraph(tmp_path / "ox")) as server:
        env = {**env_for(server), "KG_STORE": subset, "KG_SPARQL_RETRIES": "0"}
        server.kill()
        result = CliRunner().invoke(cli, ["push", "--to", server.query_url], env=env)
        assert result.exit_code == 1
        assert f"cannot connect to the SPARQL endpoint {server.query_url}" in result.stderr
        server.start()
        result = CliRunner().invoke(
            cli, ["push", "--to", server.query_url, "--batch-size", "5000"], env=env
        )
        assert result.exit_code == 0, result.output
        assert "0 not pushed" in result.stderr
        only = CliRunner().invoke(
            cli, ["push", "--to", server.query_url, "--document", "wilson-177830"], env=env
        )
        assert only.exit_code == 0 and "0 graphs pushed" in only.stderr, only.output


@pytest.mark.slow
def test_push_all_bundled_data_to_virtuoso_gives_the_same_timeline(tmp_path: Path) -> None:
    """The issue's done-when: all of data/ to Virtuoso, then the timeline equals the local one."""
    local = tmp_path / "all"
    ingest(str(local), [ROOT / "data"])
    with running(virtuoso(tmp_path / "virtuoso")) as server:
        env = {**env_for(server), "KG_STORE": str(local)}
        started = time.perf_counter()
        result = CliRunner().invoke(cli, ["push", "--to", server.query_url], env=env)
        seconds = time.perf_counter() - started
        assert result.exit_code == 0, result.output
        print(f"push of all bundled data to Virtuoso: {seconds:.1f} s; {result.stderr[-200:]}")
        with KnowledgeGraph.open(local, read_only=True) as embedded, connect(server) as remote:
            assert remote.count_quads() == embedded.count_quads()
        for args in (
            ("timeline", "--format", "json"),
            ("stats", "--format", "json"),
            ("query", "events-per-year"),
        ):
            remote_out = CliRunner().invoke(cli, list(args), env=env_for(server))
            local_out = CliRunner().invoke(cli, list(args), env={"KG_STORE": str(local)})
            assert remote_out.exit_code == 0, remote_out.output
            assert remote_out.stdout == local_out.stdout, args
