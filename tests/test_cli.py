"""The command line through click's CliRunner: exit codes, stdout (data) and stderr (people)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli

FIXTURES = Path(__file__).parent / "fixtures" / "wilson"
SEED_000 = FIXTURES / "000_23ccc41f4167012b.txt"
SEED_003 = FIXTURES / "003_ab462fee8a521ce9.txt"
CASTRO = "https://w3id.org/dipkg/person/castro-ruz-fidel"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = tmp_path_factory.mktemp("docs")
    for seed in (SEED_000, SEED_003):
        (folder / seed.name).write_bytes(seed.read_bytes())
    path = str(tmp_path_factory.mktemp("s") / "kg")
    code, out, err = run("--store", path, "ingest", str(folder))
    assert code == 0, err
    assert out == ""
    assert "2 documents stored" in err
    return path


def test_query_canned_with_name_parameter(store: str) -> None:
    code, out, err = run(
        "--store",
        store,
        "query",
        "person-conversations",
        "-p",
        "person=Fidel Castro",
        "--format",
        "csv",
    )
    assert code == 0, err
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["earliest"] for r in rows] == ["1961-05-19", "1963-02-16"]
    assert {r["role"] for r in rows} == {"interlocutor"}


def test_query_json_is_sparql_results(store: str) -> None:
    code, out, _ = run(
        "--store",
        store,
        "query",
        "person-conversations",
        "-p",
        f"person={CASTRO}",
        "--format",
        "json",
    )
    assert code == 0
    payload = json.loads(out)
    assert payload["head"]["vars"][:2] == ["earliest", "latest"]
    first = payload["results"]["bindings"][0]
    assert first["earliest"] == {
        "type": "literal",
        "value": "1961-05-19",
        "datatype": "http://www.w3.org/2001/XMLSchema#date",
    }


def test_query_tsv_and_inline(store: str) -> None:
    code, out, _ = run(
        "--store",
        store,
        "query",
        "SELECT (COUNT(*) AS ?n) WHERE { ?e a <https://w3id.org/dipkg/ontology#Conversation> }",
        "--format",
        "tsv",
    )
    assert code == 0
    assert out.splitlines() == ["?n", '"2"^^<http://www.w3.org/2001/XMLSchema#integer>']


def test_query_parameter_is_not_pasted(store: str) -> None:
    hostile = 'x" } ; DROP ALL ; SELECT * { "'
    code, _, err = run("--store", store, "query", "person-conversations", "-p", f"person={hostile}")
    assert code == 2
    assert "nothing in the graph is labelled" in err


def test_unknown_canned_query_is_usage_error(store: str) -> None:
    code, out, err = run("--store", store, "query", "no-such-query")
    assert code == 2
    assert out == ""
    assert err.startswith("Error: no canned query named 'no-such-query'")
    assert "Hint:" in err


def test_bad_sparql_is_failure_with_hint(store: str) -> None:
    code, _, err = run("--store", store, "query", "SELECT { ?s")
    assert code == 1
    assert "does not parse" in err and "Hint:" in err


def test_queries_lists_every_canned_query() -> None:
    code, out, _ = run("queries")
    assert code == 0
    names = {line.split("\t")[0] for line in out.splitlines() if not line.startswith("\t")}
    expected = {p.stem for p in (Path(__file__).parents[1] / "queries").glob("*.rq")}
    assert names == expected


def test_stats_json(store: str) -> None:
    code, out, _ = run("--store", store, "stats", "--format", "json")
    assert code == 0
    stats = json.loads(out)
    assert stats["classes"]["Conversation"] == 2
    assert stats["first_date"] == "1961-05-19"


def test_validate_conforms(store: str) -> None:
    code, out, _ = run("--store", store, "validate")
    assert code == 0
    assert out.startswith("Conforms")


def test_extract_prints_json_and_writes_nothing(tmp_path: Path) -> None:
    code, out, _ = run("--store", str(tmp_path / "none"), "extract", str(SEED_003))
    assert code == 0
    payload = json.loads(out)
    (doc,) = payload["documents"]
    assert doc["key"] == "wilson-177830"
    assert doc["events"][0]["date"]["edtf"] == "1963-02-16"
    assert not (tmp_path / "none").exists()


def test_missing_store_for_reading(tmp_path: Path) -> None:
    code, _, err = run("--store", str(tmp_path / "none"), "stats")
    assert code == 1
    assert "no store at" in err and "kg ingest" in err


def test_bad_inputs_each_get_one_line_and_the_rest_is_stored(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "good.txt").write_bytes(SEED_003.read_bytes())
    (docs / "empty.txt").write_bytes(b"")
    (docs / "binary.txt").write_bytes(b"%PDF-1.4\x00\x01\x02")
    latin = SEED_000.read_text(encoding="utf-8").replace("Raul Roa", "Raúl Roa")
    (docs / "latin1.txt").write_bytes(latin.encode("cp1252", errors="replace"))
    (docs / "shopping.txt").write_text("eggs\nmilk\n", encoding="utf-8")
    undated = SEED_003.read_text(encoding="utf-8")
    for date in ("16 February 1963", "March 23, 1963", "23 March 1963"):
        undated = undated.replace(date, "")
    (docs / "undated.txt").write_text(undated.replace("177830", "999999"), encoding="utf-8")
    store = str(tmp_path / "kg")
    code, out, err = run("--store", store, "ingest", str(docs))
    assert code == 3
    assert out == ""
    lines = err.splitlines()
    assert any(line.startswith(f"{docs / 'empty.txt'}: error: the file is empty") for line in lines)
    assert any(
        line.startswith(f"{docs / 'binary.txt'}: error: the file is binary") for line in lines
    )
    assert any(f"{docs / 'latin1.txt'}:" in line and "not UTF-8" in line for line in lines)
    assert any(
        f"{docs / 'undated.txt'}" in line and "no recognisable date" in line for line in lines
    )
    assert not any("shopping.txt" in line for line in lines if "error" in line)
    code, out, _ = run("--store", store, "stats", "--format", "json")
    stats = json.loads(out)
    assert stats["classes"]["Document"] == 3  # good, latin1 (decoded), undated (no event)
    assert stats["classes"]["Conversation"] == 2
    code, _, _ = run("--store", store, "validate")
    assert code == 0


@pytest.mark.parametrize(
    ("command", "patched", "message"),
    [
        (["stats"], "compute_stats", "Interrupted."),
        (["ingest", "x"], "ingest", "Interrupted; every batch written so far is complete."),
    ],
)
def test_ctrl_c_exits_130_and_says_what_is_left(
    store: str, monkeypatch: pytest.MonkeyPatch, command: list[str], patched: str, message: str
) -> None:
    import kg.cli.commands

    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(kg.cli.commands, patched, interrupted)
    result = CliRunner().invoke(cli, ["--store", store, *command])
    assert result.exit_code == 130
    assert result.stderr.strip().splitlines()[-1] == message
