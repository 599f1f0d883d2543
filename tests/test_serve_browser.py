"""The pages of ``kg serve`` in headless Chromium: readable, linked, no console errors.

The server runs as ``kg serve --public-url …`` (as behind a proxy), so the
303 redirects are absolute while the pages' links stay relative.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from kg.ingest import ingest

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

ROOT = Path(__file__).resolve().parent.parent


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = tmp_path_factory.mktemp("serve-browser")
    store = root / "store"
    ingest(str(store), [ROOT / "data" / "wilson", ROOT / "data" / "curated"])
    port = _free_port()
    url = f"http://127.0.0.1:{port}/"
    command = [sys.executable, "-m", "kg", "--store", str(store), "serve", "--port", str(port)]
    log = root / "stderr.txt"
    with log.open("wb") as stderr:
        process = subprocess.Popen([*command, "--public-url", url], cwd=ROOT, stderr=stderr)
    try:
        deadline = time.monotonic() + 60
        while True:
            assert process.poll() is None, log.read_text()
            try:
                with urllib.request.urlopen(url, timeout=5):
                    break
            except OSError:
                assert time.monotonic() < deadline, log.read_text()
                time.sleep(0.2)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(20)
        except subprocess.TimeoutExpired:
            process.kill()


@pytest.fixture
def page(browser: Browser) -> Iterator[tuple[Page, list[str]]]:
    tab = browser.new_page()
    errors: list[str] = []
    tab.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    tab.on("pageerror", lambda e: errors.append(str(e)))
    yield tab, errors
    tab.close()


def test_castro_iri_in_a_browser(server: str, page: tuple[Page, list[str]]) -> None:
    tab, errors = page
    response = tab.goto(server + "person/castro-ruz-fidel")
    assert response is not None and response.ok
    assert tab.url == server + "person/castro-ruz-fidel.html"  # the absolute 303 of --public-url
    assert tab.inner_text("h1") == "Fidel Castro"
    timeline = tab.inner_text("table")
    assert "19 May 1961" in timeline and "16 February 1963" in timeline
    alternate = tab.get_attribute('link[rel="alternate"][type="text/turtle"]', "href")
    assert alternate == "castro-ruz-fidel.ttl"
    tab.click('a[href="../event/wilson-177830.html"] >> nth=0')
    tab.wait_for_load_state()
    assert tab.url == server + "event/wilson-177830.html"
    assert "Conversation between Aleksandr Alekseyev and Fidel Castro" in tab.inner_text("h1")
    assert "interlocutor" in tab.inner_text("main")
    assert errors == []


def test_landing_search_and_example_query(server: str, page: tuple[Page, list[str]]) -> None:
    tab, errors = page
    tab.goto(server)
    assert "Persons" in tab.inner_text("main")
    tab.fill('input[name="q"]', "Castro")
    tab.press('input[name="q"]', "Enter")
    tab.wait_for_load_state()
    assert "/search?q=Castro" in tab.url
    tab.click("text=Fidel Castro")
    tab.wait_for_load_state()
    assert tab.url.endswith("/person/castro-ruz-fidel.html")
    tab.goto(server)
    tab.click("h3 a >> nth=0")  # the first example query, run at /sparql as HTML
    tab.wait_for_load_state()
    assert "/sparql?query=" in tab.url
    assert tab.inner_text("h1") == "SPARQL results"
    assert tab.locator("tbody tr").count() > 0
    assert errors == []


def test_sparql_form_and_errors(server: str, page: tuple[Page, list[str]]) -> None:
    tab, errors = page
    tab.goto(server + "sparql")
    tab.fill(
        "textarea", "SELECT ?s WHERE { ?s a <https://w3id.org/dipkg/ontology#Person> } LIMIT 3"
    )
    tab.click("button")
    tab.wait_for_load_state()
    assert tab.locator("tbody tr").count() == 3
    assert errors == []
    response = tab.goto(server + "person/nobody-at-all")
    assert response is not None and response.status == 404
    assert "nothing is known about" in tab.inner_text("main")
