"""``kg publish DIR``: a static site whose every file parses and every internal link resolves.

The site of a small store (the Wilson seeds and the curated records) is
written once for the module through the command line; the tests read it
back with rdflib, walk every ``href``/``src`` of every page, and open a few
pages from disk in headless Chromium.
"""

from __future__ import annotations

import re
import urllib.parse
from html.parser import HTMLParser
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from click.testing import CliRunner
from rdflib import Graph, Namespace, URIRef

from kg.cli import cli
from kg.ingest import ingest

if TYPE_CHECKING:
    from playwright.sync_api import Browser

ROOT = Path(__file__).resolve().parent.parent
BASE = "https://w3id.org/dipkg/"
DIP = Namespace("https://w3id.org/dipkg/ontology#")
CASTRO = URIRef(BASE + "person/castro-ruz-fidel")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("publish")
    store = root / "store"
    ingest(str(store), [ROOT / "data" / "wilson", ROOT / "data" / "curated"])
    result = CliRunner().invoke(
        cli,
        [
            "--store",
            str(store),
            "publish",
            str(root / "site"),
            "--site-url",
            "https://example.org/",
        ],
    )
    assert result.exit_code == 0, result.output
    assert "publish: " in result.stderr and "resources" in result.stderr
    assert result.stdout == ""
    return root / "site"


class Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("href", "src", "action") and value is not None:
                self.links.append(value)
            if name == "id" and value is not None:
                self.ids.add(value)


def test_layout(site: Path) -> None:
    for path in [
        "index.html",
        "timeline.html",
        "void.ttl",
        ".well-known/void",
        ".htaccess",
        "dumps/dataset.trig",
        "dumps/dataset.nq",
        "dumps/dataset.ttl",
        "browse/person.html",
        "person/castro-ruz-fidel.html",
        "person/castro-ruz-fidel.ttl",
        "person/castro-ruz-fidel.jsonld",
        "event/wilson-177830.html",
        "document/wilson-177830.html",
        "topic/role/interlocutor.html",
    ]:
        assert (site / path).is_file(), path
    # sub-resources are described in their parent's files, not on their own
    assert not (site / "event/wilson-177830/participation/1.html").exists()


@pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")
def test_every_rdf_file_parses(site: Path) -> None:
    files = sorted(site.rglob("*.ttl")) + sorted(site.rglob("*.jsonld"))
    assert len(files) > 100
    for path in files:
        fmt = "turtle" if path.suffix == ".ttl" else "json-ld"
        graph = Graph().parse(path, format=fmt)
        assert len(graph) > 0, path
    castro = Graph().parse(site / "person/castro-ruz-fidel.ttl", format="turtle")
    events = set(castro.subjects(DIP.participant, CASTRO))
    assert {
        URIRef(BASE + "event/wilson-177830"),
        URIRef(BASE + "event/wilson-a4d663e4f3"),
    } <= events
    void = Graph().parse(site / "void.ttl", format="turtle")
    dumps = {str(o) for o in void.objects(None, URIRef("http://rdfs.org/ns/void#dataDump"))}
    assert "https://example.org/dumps/dataset.trig" in dumps


def test_every_internal_link_resolves(site: Path) -> None:
    pages = sorted(site.rglob("*.html"))
    anchors: dict[Path, set[str]] = {}
    parsed: dict[Path, Links] = {}
    for page in pages:
        links = Links()
        links.feed(page.read_text(encoding="utf-8"))
        parsed[page] = links
        anchors[page.resolve()] = links.ids
    checked = 0
    for page, links in parsed.items():
        for link in links.links:
            parts = urllib.parse.urlsplit(link)
            if parts.scheme or link.startswith(("data:", "//")):
                continue
            target = (page.parent / urllib.parse.unquote(parts.path)).resolve()
            assert target.is_file(), f"{page.relative_to(site)} links to missing {link}"
            assert site.resolve() in target.parents
            if parts.fragment and target.suffix == ".html":
                assert urllib.parse.unquote(parts.fragment) in anchors[target], (page, link)
            checked += 1
    assert checked > 1000


def test_pages_say_what_matters(site: Path) -> None:
    castro = (site / "person/castro-ruz-fidel.html").read_text(encoding="utf-8")
    assert "<h1>Fidel Castro</h1>" in castro
    assert 'href="../event/wilson-177830.html"' in castro
    assert 'href="castro-ruz-fidel.ttl"' in castro
    assert "sparql" not in re.sub(r"<pre>.*?</pre>", "", castro, flags=re.S).lower()
    landing = (site / "index.html").read_text(encoding="utf-8")
    assert 'href="dumps/dataset.trig"' in landing and 'href="timeline.html"' in landing
    assert 'action="search"' not in landing  # no search without a server


def test_pages_open_in_chromium(site: Path, browser: Browser) -> None:
    page = browser.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    try:
        for path, heading in [
            ("index.html", "Diplomatic conversations"),
            ("person/castro-ruz-fidel.html", "Fidel Castro"),
            (
                "event/wilson-177830.html",
                "Conversation between Aleksandr Alekseyev and Fidel Castro",
            ),
            ("browse/event.html", "Events"),
        ]:
            page.goto((site / path).as_uri())
            assert heading in page.inner_text("h1")
        page.goto((site / "event/wilson-177830.html").as_uri())
        page.click('a[href="../person/castro-ruz-fidel.html"] >> nth=0')
        page.wait_for_load_state()
        assert page.url.endswith("/person/castro-ruz-fidel.html")
        page.goto((site / "timeline.html").as_uri())
        page.wait_for_load_state("load")
    finally:
        page.close()
    assert errors == []
