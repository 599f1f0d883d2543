"""Faults of a remote store: every one is a clear error naming the endpoint, with a hint.

A tiny HTTP server in a thread plays a SPARQL endpoint that misbehaves on
cue (503 with Retry-After, 500 in the middle of a push, malformed JSON, no
answer), so these run without a real server; one test uses a real Virtuoso
for 401.
"""

from __future__ import annotations

import http.server
import json
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from servers import free_port, running, virtuoso

from kg.cli import cli
from kg.errors import QueryError, RemoteAuthError, RemoteStoreError
from kg.push import push
from kg.remote import RemoteStore
from kg.remote_http import HttpSettings
from kg.store import GraphUpdate, KnowledgeGraph

ASK_TRUE = json.dumps({"head": {}, "boolean": True}).encode()
SELECT_EMPTY = json.dumps({"head": {"vars": ["g"]}, "results": {"bindings": []}}).encode()
Reply = tuple[int, dict[str, str], bytes]


class FakeEndpoint:
    """Answers each request with the next reply from a script (then the default)."""

    def __init__(self, default: Callable[[str, bytes], Reply]) -> None:
        self.default = default
        self.script: list[Reply] = []
        self.requests: list[tuple[str, bytes, dict[str, str]]] = []
        fake = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                fake.requests.append((self.path, body, dict(self.headers)))
                status, headers, payload = (
                    fake.script.pop(0) if fake.script else fake.default(self.path, body)
                )
                if status == 0:  # no answer: hold the connection until the client gives up
                    time.sleep(float(headers.get("sleep", "3")))
                    return
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            def log_message(self, *args: object) -> None:
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", free_port()), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/sparql"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> FakeEndpoint:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()


def sparql_ok(path: str, body: bytes) -> Reply:
    """A server that accepts every update and answers queries with nothing."""
    text = body.decode()
    if "ASK" in text and "query=" in text:
        return 200, {"Content-Type": "application/sparql-results+json"}, ASK_TRUE
    return 200, {"Content-Type": "application/sparql-results+json"}, SELECT_EMPTY


@pytest.fixture
def fake() -> Iterator[FakeEndpoint]:
    with FakeEndpoint(sparql_ok) as endpoint:
        yield endpoint


def settings(**changes: float) -> HttpSettings:
    base = HttpSettings(timeout=5, retries=3, backoff=0.01, sleep=waits.append)
    for name, value in changes.items():
        setattr(base, name, value)
    return base


waits: list[float] = []


def test_closed_port_is_a_clear_error_with_exit_1() -> None:
    url = f"http://127.0.0.1:{free_port()}/sparql"
    result = CliRunner().invoke(cli, ["--store", url, "stats"])
    assert result.exit_code == 1
    assert (
        f"Error: cannot connect to the SPARQL endpoint {url}: connection refused" in result.stderr
    )
    assert "Hint: Check the URL and port" in result.stderr


def test_retry_after_is_honoured_on_503(fake: FakeEndpoint) -> None:
    waits.clear()
    fake.script = [(503, {"Retry-After": "2"}, b"busy"), (429, {}, b"slow down")]
    store = RemoteStore.connect(fake.url, settings=settings())
    assert store.select("SELECT ?g WHERE { ?g ?p ?o }").rows == []
    assert waits[0] == 2.0  # Retry-After, not the 0.01 s back-off
    assert waits[1] == pytest.approx(0.02)  # then exponential back-off
    agents = {headers.get("User-Agent", "") for _, _, headers in fake.requests}
    assert all(agent.startswith("kg/") for agent in agents)


def test_503_for_too_long_gives_up_with_the_endpoint(fake: FakeEndpoint) -> None:
    fake.script = [(503, {"Retry-After": "1"}, b"busy")] * 10
    with pytest.raises(RemoteStoreError, match="is busy"):
        RemoteStore.connect(fake.url, settings=settings(retries=2))


def test_500_in_the_middle_of_a_push_reports_what_was_not_pushed(
    fake: FakeEndpoint, tmp_path: Path
) -> None:
    local = KnowledgeGraph.open(tmp_path / "s")
    meta = ox.NamedNode("https://w3id.org/dipkg/graph/meta")
    updates = []
    for n in range(6):
        g = ox.NamedNode(f"https://w3id.org/dipkg/graph/test-{n}")
        quad = ox.Quad(ox.NamedNode(f"urn:x:{n}"), ox.NamedNode("urn:p"), ox.Literal("v"), g)
        kind = ox.NamedNode("https://w3id.org/dipkg/ontology#SourceGraph")
        typed = ox.Quad(
            g, ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), kind, meta
        )
        updates.append(GraphUpdate(g.value, [quad], [typed]))
    local.replace_graphs(updates)
    updates_seen = 0

    def replies(path: str, body: bytes) -> Reply:
        nonlocal updates_seen
        if b"INSERT DATA" in body:
            updates_seen += 1
            if updates_seen == 3:
                return 500, {}, b"Virtuoso 42000 Error: out of disk\n\nSPARQL query:\nINSERT ..."
        return sparql_ok(path, body)

    fake.default = replies
    remote = RemoteStore.connect(fake.url, read_only=False, settings=settings())
    report = push(local, remote, batch_quads=1)
    assert report.error is not None and "HTTP 500" in report.error.message
    assert "out of disk" in report.error.message and "SPARQL query" not in report.error.message
    assert len(report.pushed) == 2 and len(report.failed) == 4
    local.close()


def test_malformed_json_is_a_clear_error(fake: FakeEndpoint) -> None:
    store = RemoteStore.connect(fake.url, settings=settings())
    fake.script = [(200, {"Content-Type": "application/sparql-results+json"}, b"{not json")]
    with pytest.raises(RemoteStoreError, match=r"malformed response from .*/sparql"):
        store.select("SELECT ?g WHERE { ?g ?p ?o }")


def test_html_instead_of_results_is_a_clear_error(fake: FakeEndpoint) -> None:
    fake.script = [(200, {"Content-Type": "text/html"}, b"<html>login</html>")]
    with pytest.raises(RemoteStoreError, match="malformed response") as caught:
        RemoteStore.connect(fake.url, settings=settings())
    assert "not a web page" in caught.value.hint


def test_timeout_names_the_endpoint_and_the_option(fake: FakeEndpoint) -> None:
    store = RemoteStore.connect(fake.url, settings=settings(timeout=1))
    fake.script = [(0, {"sleep": "3"}, b"")]
    with pytest.raises(RemoteStoreError, match=r"no answer from .* within 1 s") as caught:
        store.select("SELECT ?g WHERE { ?g ?p ?o }")
    assert "--timeout" in caught.value.hint


def test_bad_query_is_a_query_error(fake: FakeEndpoint) -> None:
    store = RemoteStore.connect(fake.url, settings=settings())
    fake.script = [(400, {}, b"Virtuoso 37000 Error SP030: syntax error\n\nSPARQL query:\nSELEC")]
    with pytest.raises(QueryError, match="syntax error"):
        store.select("SELECT ?g WHERE { ?g ?p ?o }")


def test_404_hints_at_the_endpoint_paths(fake: FakeEndpoint) -> None:
    fake.script = [(404, {}, b"not here")]
    with pytest.raises(RemoteStoreError, match="no SPARQL endpoint at") as caught:
        RemoteStore.connect(fake.url, settings=settings())
    assert "/sparql" in caught.value.hint


def test_wrong_credentials_on_virtuoso_are_401(tmp_path: Path) -> None:
    with running(virtuoso(tmp_path / "v")) as server:
        env = {
            "KG_STORE": server.query_url,
            "KG_UPDATE_ENDPOINT": server.update_url,
            "KG_SPARQL_USER": "dba",
            "KG_SPARQL_PASSWORD": "wrong",
            "KG_SPARQL_AUTH": "digest",
        }
        result = CliRunner().invoke(
            cli, ["ingest", str(Path(__file__).parent.parent / "data" / "wilson")], env=env
        )
        assert result.exit_code == 1, result.output
        assert f"the SPARQL endpoint {server.update_url} refused access (HTTP 401)" in result.stderr
        assert "KG_SPARQL_PASSWORD" in result.stderr
        with pytest.raises(RemoteAuthError):
            store = RemoteStore.connect(
                server.query_url,
                update_endpoint=server.update_url,
                read_only=False,
                settings=HttpSettings(),
            )
            store.remove_graph("urn:x:g")
