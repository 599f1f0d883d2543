"""``kg serve`` against real clients: SPARQLWrapper, rdflib and urllib on a loopback port.

One server for the module: ``kg serve`` started as a subprocess over a small
store (the Wilson seeds and the curated records), exactly as a user starts it.
The data's IRIs are under https://w3id.org/dipkg/ while the server listens on
http://127.0.0.1:PORT/, so every test also checks the base-IRI mapping.
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph, Namespace, URIRef
from SPARQLWrapper import CSV, JSON, TSV, TURTLE, XML, SPARQLWrapper

from kg.cli import cli
from kg.ingest import ingest

ROOT = Path(__file__).resolve().parent.parent
BASE = "https://w3id.org/dipkg/"
DIP = Namespace("https://w3id.org/dipkg/ontology#")
CASTRO = URIRef(BASE + "person/castro-ruz-fidel")
CASTRO_EVENTS = {URIRef(BASE + "event/wilson-177830"), URIRef(BASE + "event/wilson-a4d663e4f3")}
MAX_RESULTS = 50

CASTRO_QUERY = """PREFIX dip: <https://w3id.org/dipkg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?event ?label WHERE {
  ?event a dip:Conversation ; dip:participant <https://w3id.org/dipkg/person/castro-ruz-fidel> ;
         rdfs:label ?label .
} ORDER BY ?event"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def start_server(store: Path, log: Path, *args: str) -> tuple[subprocess.Popen[bytes], str]:
    """``kg serve`` on a free loopback port; returns once it answers."""
    port = free_port()
    command = [sys.executable, "-m", "kg", "--store", str(store), "serve", "--port", str(port)]
    with log.open("wb") as stderr:
        process = subprocess.Popen([*command, *args], cwd=ROOT, stderr=stderr)
    url = f"http://127.0.0.1:{port}/"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError("kg serve exited:\n" + log.read_text())
        try:
            with urllib.request.urlopen(url + "index.html", timeout=5) as response:
                if response.status == 200:
                    return process, url
        except OSError:
            time.sleep(0.2)
    process.kill()
    raise AssertionError("kg serve did not answer within 60 s:\n" + log.read_text())


def stop_server(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    try:
        process.wait(20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(5)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("serve") / "store"
    ingest(str(path), [ROOT / "data" / "wilson", ROOT / "data" / "curated"])
    return path


@pytest.fixture(scope="module")
def server(store: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    log = tmp_path_factory.mktemp("serve-log") / "stderr.txt"
    process, url = start_server(store, log, "--max-results", str(MAX_RESULTS), "--workers", "1")
    try:
        yield url
    finally:
        stop_server(process)
    assert process.returncode in (0, -15), log.read_text()  # uvicorn re-raises SIGTERM
    assert "Application shutdown complete" in log.read_text()


def fetch(
    url: str, *, accept: str | None = None, data: bytes | None = None, content_type: str = ""
) -> tuple[int, dict[str, str], bytes]:
    """Status, headers and body, without following redirects."""

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args: object, **kwargs: object) -> None:
            return None

    request = urllib.request.Request(url, data=data)
    if accept:
        request.add_header("Accept", accept)
    if content_type:
        request.add_header("Content-Type", content_type)
    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(request, timeout=60) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


# --- SPARQL protocol with SPARQLWrapper ----------------------------------------------------


def wrapper(server: str, query: str, fmt: str) -> SPARQLWrapper:
    client = SPARQLWrapper(server + "sparql")
    client.setQuery(query)
    client.setReturnFormat(fmt)
    return client


def test_select_as_json(server: str) -> None:
    result = wrapper(server, CASTRO_QUERY, JSON).queryAndConvert()
    assert isinstance(result, dict)
    assert result["head"]["vars"] == ["event", "label"]
    events = {URIRef(b["event"]["value"]) for b in result["results"]["bindings"]}
    assert events >= CASTRO_EVENTS
    label = result["results"]["bindings"][0]["label"]
    assert label["type"] == "literal" and label["xml:lang"] == "en"


def test_select_as_xml_csv_and_tsv(server: str) -> None:
    document = wrapper(server, CASTRO_QUERY, XML).queryAndConvert()
    uris = {node.firstChild.data for node in document.getElementsByTagName("uri")}  # type: ignore[union-attr]
    assert {str(e) for e in CASTRO_EVENTS} <= uris
    csv_text = wrapper(server, CASTRO_QUERY, CSV).queryAndConvert().decode()  # type: ignore[union-attr]
    assert csv_text.splitlines()[0] == "event,label"
    assert str(BASE + "event/wilson-177830") in csv_text
    tsv_text = wrapper(server, CASTRO_QUERY, TSV).queryAndConvert().decode()  # type: ignore[union-attr]
    assert tsv_text.splitlines()[0] == "?event\t?label"
    assert f"<{BASE}event/wilson-177830>" in tsv_text


def test_construct_as_turtle(server: str) -> None:
    pattern = f"?e <{DIP}participant> <{CASTRO}>"
    query = f"CONSTRUCT {{ {pattern} }} WHERE {{ {pattern} }}"
    client = wrapper(server, query, TURTLE)
    data = client.query().response.read()
    graph = Graph().parse(data=data, format="turtle")
    assert set(graph.subjects(DIP.participant, CASTRO)) >= CASTRO_EVENTS


def test_ask_and_post_forms(server: str) -> None:
    ask = f"ASK WHERE {{ ?e <{DIP}participant> <{CASTRO}> }}"
    assert wrapper(server, ask, JSON).queryAndConvert() == {"head": {}, "boolean": True}
    form = urllib.parse.urlencode({"query": ask}).encode()
    status, _, body = fetch(
        server + "sparql",
        data=form,
        accept="application/sparql-results+json",
        content_type="application/x-www-form-urlencoded",
    )
    assert status == 200 and json.loads(body)["boolean"] is True
    status, headers, body = fetch(
        server + "sparql",
        data=ask.encode(),
        accept="text/csv",
        content_type="application/sparql-query",
    )
    assert status == 200 and headers["content-type"].startswith("text/csv")
    assert body.decode().split() == ["_askResult", "true"]


def test_malformed_query_is_400_with_the_parsers_message(server: str) -> None:
    url = server + "sparql?" + urllib.parse.urlencode({"query": "SELECT ?x WHERE { ?x ?p }"})
    status, _, body = fetch(url, accept="application/sparql-results+json")
    assert status == 400
    assert "does not parse" in body.decode() and "1:" in body.decode()


def test_unsupported_accept_is_406(server: str) -> None:
    url = server + "sparql?" + urllib.parse.urlencode({"query": CASTRO_QUERY})
    assert fetch(url, accept="application/x-unknown")[0] == 406
    assert fetch(server + "person/castro-ruz-fidel", accept="application/x-unknown")[0] == 406


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        (b"update=DROP+ALL", "application/x-www-form-urlencoded"),
        (b"DROP ALL", "application/sparql-update"),
        (b"query=INSERT+DATA+%7B%3Ca%3E+%3Cb%3E+%3Cc%3E%7D", "application/x-www-form-urlencoded"),
    ],
)
def test_updates_are_403(server: str, body: bytes, content_type: str) -> None:
    status, _, text = fetch(server + "sparql", data=body, content_type=content_type)
    assert status == 403 and b"read-only" in text
    still = wrapper(server, f"ASK WHERE {{ ?e <{DIP}participant> <{CASTRO}> }}", JSON)
    assert still.queryAndConvert()["boolean"] is True  # type: ignore[index]


def test_result_size_limit_cuts_off_and_says_so(server: str) -> None:
    url = server + "sparql?" + urllib.parse.urlencode({"query": "SELECT * WHERE { ?s ?p ?o }"})
    status, headers, body = fetch(url, accept="application/sparql-results+json")
    assert status == 200
    assert headers["x-sparql-maxrows"] == str(MAX_RESULTS)
    assert len(json.loads(body)["results"]["bindings"]) == MAX_RESULTS


def test_timeout_stops_the_query_and_the_endpoint_recovers(server: str) -> None:
    slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    url = server + "sparql?" + urllib.parse.urlencode({"query": slow, "timeout": "1"})
    started = time.monotonic()
    status, _, body = fetch(url, accept="application/sparql-results+json")
    assert status == 503 and b"time limit of 1 s" in body
    assert time.monotonic() - started < 15
    # the killed worker is replaced: the next query is answered
    deadline = time.monotonic() + 60
    while True:
        result = wrapper(server, CASTRO_QUERY, JSON).queryAndConvert()
        if isinstance(result, dict) and result["results"]["bindings"]:
            break
        assert time.monotonic() < deadline


# --- dereferenceable IRIs -------------------------------------------------------------------


@pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")
@pytest.mark.parametrize("fmt", ["turtle", "json-ld", "nt", "xml"])
def test_castro_dereferences_to_rdf_with_his_conversations(server: str, fmt: str) -> None:
    graph = Graph().parse(server + "person/castro-ruz-fidel", format=fmt)
    assert set(graph.subjects(DIP.participant, CASTRO)) >= CASTRO_EVENTS
    assert (CASTRO, None, None) in graph  # canonical IRIs, not the serving address
    assert not any(str(s).startswith(server) for s in graph.subjects())


def test_303_to_the_document_by_accept(server: str) -> None:
    for accept, suffix, media in [
        ("text/turtle", "ttl", "text/turtle"),
        ("application/ld+json", "jsonld", "application/ld+json"),
        ("application/n-triples", "nt", "application/n-triples"),
        ("application/rdf+xml", "rdf", "application/rdf+xml"),
        ("text/html,application/xml;q=0.9,*/*;q=0.8", "html", "text/html"),
    ]:
        status, headers, _ = fetch(server + "person/castro-ruz-fidel", accept=accept)
        assert status == 303 and headers["location"] == f"castro-ruz-fidel.{suffix}"
        assert "Accept" in headers["vary"]
        status, headers, _ = fetch(server + f"person/castro-ruz-fidel.{suffix}")
        assert status == 200 and headers["content-type"].startswith(media)


def test_unknown_resource_is_404(server: str) -> None:
    assert fetch(server + "person/nobody-at-all", accept="text/turtle")[0] == 404
    assert fetch(server + "person/nobody-at-all.ttl")[0] == 404
    assert fetch(server + "person/nobody-at-all.html")[0] == 404


def test_html_pages(server: str) -> None:
    _, _, page = fetch(server + "person/castro-ruz-fidel.html")
    text = page.decode()
    assert "<h1>Fidel Castro</h1>" in text
    assert 'href="../event/wilson-177830.html"' in text  # his timeline, linked relatively
    assert 'rel="alternate" type="text/turtle" href="castro-ruz-fidel.ttl"' in text
    _, _, page = fetch(server + "event/wilson-177830.html")
    text = page.decode()
    assert "interlocutor" in text and "16 February 1963" in text
    assert "AVP RF, f. 0104, op. 19, p. 124, d. 3, l. 66" in text
    assert "https://digitalarchive.umd.edu/document/177830" in text


def test_landing_search_void_and_dumps(server: str) -> None:
    _, _, page = fetch(server)
    text = page.decode()
    assert "dumps/dataset.trig" in text and "timeline.html" in text and "sparql?query=" in text
    _, _, page = fetch(server + "search?q=" + urllib.parse.quote("castro"))
    assert 'href="person/castro-ruz-fidel.html"' in page.decode()
    _, _, page = fetch(server + "search?q=" + urllib.parse.quote('<script>"'))
    assert b"<script>" not in page and b"&lt;script&gt;" in page
    void = Graph().parse(server + ".well-known/void", format="turtle")
    endpoints = {
        str(o) for o in void.objects(None, URIRef("http://rdfs.org/ns/void#sparqlEndpoint"))
    }
    assert endpoints == {server + "sparql"}
    status, headers, body = fetch(server + "dumps/dataset.nq")
    assert status == 200 and headers["content-type"].startswith("application/n-quads")
    assert f"<{CASTRO}>".encode() in body
    status, _, body = fetch(server + "timeline.html")
    assert status == 200 and b"<html" in body.lower()


# --- the command ----------------------------------------------------------------------------


def test_port_in_use_is_a_clear_error(store: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        result = CliRunner().invoke(cli, ["--store", str(store), "serve", "--port", str(port)])
    assert result.exit_code == 1
    assert f"port {port} on 127.0.0.1 is already in use" in result.stderr
    assert "Hint:" in result.stderr


def test_missing_store_is_a_store_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["--store", str(tmp_path / "none"), "serve", "--port", "0"])
    assert result.exit_code == 1
    assert "no store at" in result.stderr
