"""README, --help and the code agree: every command is documented, CI runs the README command."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import rdflib
from click.testing import CliRunner

from kg.cli import cli
from kg.queries import canned_queries
from kg.store import KnowledgeGraph

ROOT = Path(__file__).parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_command_is_in_the_readme_table() -> None:
    documented = set(re.findall(r"^\| `kg ([a-z-]+)", README, flags=re.MULTILINE))
    assert documented == set(cli.commands)


def test_every_command_has_help() -> None:
    for name in cli.commands:
        result = CliRunner().invoke(cli, [name, "--help"])
        assert result.exit_code == 0, name
        assert result.stdout.startswith(f"Usage: cli {name}") or "Usage:" in result.stdout


def test_every_canned_query_is_named_in_the_readme() -> None:
    for name in canned_queries():
        assert f"`{name}`" in README, name


def test_ci_runs_the_readme_test_command() -> None:
    commands = re.findall(r"^make (\w+)\s+#", README, flags=re.MULTILINE)
    assert commands == ["run", "test"]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert [
        line for line in ci.splitlines() if line and not line.startswith(("#", "set ", "cd "))
    ] == ["make test"]


@pytest.fixture(scope="module")
def seeds_store(tmp_path_factory: pytest.TempPathFactory) -> str:
    store = str(tmp_path_factory.mktemp("readme") / "kg")
    result = CliRunner().invoke(cli, ["--store", store, "ingest", str(ROOT / "data" / "wilson")])
    assert result.exit_code == 0, result.stderr
    return store


def test_readme_example_output_is_real(seeds_store: str) -> None:
    """The example query in the README prints what kg prints for the bundled seeds."""
    pattern = r"\$ kg --store \S+ query person-conversations .*?\n(.*?)```"
    block = re.search(pattern, README, flags=re.DOTALL)
    assert block is not None
    shown = block.group(1).strip().splitlines()
    store = seeds_store
    result = CliRunner().invoke(
        cli,
        [
            "--store",
            store,
            "query",
            "person-conversations",
            "-p",
            "person=Fidel Castro",
            "--format",
            "csv",
        ],
    )
    assert result.stdout.replace("\r\n", "\n").strip().splitlines() == shown


def test_readme_turtle_is_what_the_store_holds(seeds_store: str) -> None:
    block = re.search(r"```turtle\n(.*?)```", README, flags=re.DOTALL)
    assert block is not None
    shown = rdflib.Graph().parse(data=block.group(1), format="turtle")
    graph = KnowledgeGraph.open(seeds_store, read_only=True)
    lines = [
        f"{q.subject} {q.predicate} {q.object} .\n"
        for q in graph.quads("https://w3id.org/dipkg/graph/wilson-177830")
    ]
    stored = rdflib.Graph().parse(data="".join(lines), format="nt")
    missing = [triple for triple in shown if triple not in stored]
    assert missing == []
    assert len(shown) > 30
