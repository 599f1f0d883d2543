"""The standalone HTML timeline: the page's content, and the page in headless Chromium.

The seeds and curated records are ingested once into a temporary store; the
page made by ``kg export html`` is opened from disk with every non-file
request blocked, so a page that tried to fetch anything would fail here.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from click.testing import CliRunner
from synthetic_timeline import synthetic

from kg.backend import open_store
from kg.cli import cli
from kg.errors import UsageError
from kg.export.html_timeline import render_html_timeline, write_html_timeline
from kg.ingest import ingest
from kg.timeline import (
    Timeline,
    TimelineEntry,
    TimelineFilter,
    select_timeline,
)

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

ROOT = Path(__file__).resolve().parents[1]
CITATION = "AVP RF, F. 0104. Op. 17, P. 118, D. 4, ll. 33-38"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("html") / "store"
    ingest(str(path), [ROOT / "data" / "wilson", ROOT / "data" / "curated"])
    return path


@pytest.fixture(scope="module")
def entries(store: Path) -> list[TimelineEntry]:
    with open_store(str(store)) as graph:
        return select_timeline(graph)


@pytest.fixture(scope="module")
def page_file(store: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    output = tmp_path_factory.mktemp("page") / "page.html"
    result = CliRunner().invoke(cli, ["--store", str(store), "export", "html", "-o", str(output)])
    assert result.exit_code == 0, result.output
    return output


def kudryavtsev(entries: list[TimelineEntry]) -> TimelineEntry:
    (entry,) = [e for e in entries if "Kudryavtsev" in e.label]
    return entry


def open_page(browser: Browser, path: Path) -> tuple[Page, list[str], list[str]]:
    """The page loaded from disk; problems (console errors) and blocked requests are recorded."""
    page = browser.new_page(viewport={"width": 1300, "height": 900})
    problems: list[str] = []
    blocked: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type in ("error", "warning") else 0)
    page.on("pageerror", lambda error: problems.append(str(error)))

    def guard(route: Any) -> None:
        if route.request.url.startswith("file://"):
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort()

    page.route("**/*", guard)
    page.goto(path.as_uri())
    page.wait_for_function("document.body.dataset.ready === 'true'", timeout=30_000)
    return page, problems, blocked


# --- the page as text ------------------------------------------------------------------------


def test_page_is_self_contained(page_file: Path, entries: list[TimelineEntry]) -> None:
    text = page_file.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>")
    assert "<h1>" in text and "<noscript>" in text
    assert not re.search(r"<(script|img|link|iframe)[^>]+(src|href)=", text)
    assert "Content-Security-Policy" in text
    data = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', text, re.S)
    assert data is not None
    payload = json.loads(data.group(1))
    assert len(payload["events"]) == len(entries)
    assert CITATION in text  # in the data and in the table of events


def test_data_cannot_break_out_of_its_script_block() -> None:
    evil = "</script><script>alert(1)</script> & <b>"
    entry = TimelineEntry("https://e/1", evil, dt.date(1961, 1, 1), dt.date(1961, 1, 1))
    page = render_html_timeline(Timeline(TimelineFilter(), [entry]), lanes="topic", title=evil)
    assert page.count("<script") == page.count("</script>") == 2  # the data and the code
    assert "&lt;/script&gt;" in page  # the title and the table, escaped


def test_unknown_lanes_are_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError):
        write_html_timeline(Timeline(TimelineFilter()), tmp_path / "x.html", lanes="x", title="t")


# --- the page in Chromium --------------------------------------------------------------------


def test_page_renders_every_event_and_shows_a_citation_on_click(
    browser: Browser, page_file: Path, entries: list[TimelineEntry], tmp_path: Path
) -> None:
    page, problems, blocked = open_page(browser, page_file)
    assert page.evaluate("document.body.dataset.rendered") == str(len(entries))
    assert page.evaluate("kgTimeline.total") == len(entries)
    assert "Fidel Castro" in page.evaluate("kgTimeline.lanes()")
    event = kudryavtsev(entries).event
    page.evaluate("iri => kgTimeline.focus(iri)", event)
    point = page.evaluate("iri => kgTimeline.positionOf(iri)", event)
    assert point is not None
    page.mouse.move(point["x"], point["y"])
    assert "19 May 1961" in page.inner_text("#kg-tooltip")
    page.mouse.click(point["x"], point["y"])
    details = page.inner_text("#kg-details")
    assert "Conversation between Sergei Kudryavtsev and Fidel Castro, 19 May 1961" in details
    assert CITATION in details
    assert "1961-05-19" in details  # EDTF
    assert "Havana" in details
    assert page.get_attribute("#kg-details a[href*='/event/']", "href") == event
    page.screenshot(path=tmp_path / "timeline.png", full_page=True)
    assert (tmp_path / "timeline.png").stat().st_size > 10_000
    assert problems == [] and blocked == []
    page.close()


def test_zoom_pan_filter_and_lanes(browser: Browser, page_file: Path) -> None:
    page, problems, _ = open_page(browser, page_file)
    before = page.evaluate("kgTimeline.range()")
    page.click("#kg-zoom-in")
    page.focus("#kg-canvas")
    page.keyboard.press("+")
    page.keyboard.press("ArrowRight")
    box = page.locator("#kg-canvas").bounding_box()
    assert box is not None
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + 60)
    page.mouse.wheel(0, -300)
    page.wait_for_timeout(50)
    after = page.evaluate("kgTimeline.range()")
    assert after[1] - after[0] < (before[1] - before[0]) / 2
    page.fill("#kg-filter", "kudryavtsev")
    assert page.evaluate("document.body.dataset.rendered") == "1"
    assert "Showing 1 of" in page.inner_text("#kg-count")
    page.select_option("#kg-lanes", "topic")
    assert "Cuban Missile Crisis" in page.evaluate("kgTimeline.lanes()")
    page.click("#kg-reset")
    assert problems == []
    page.close()


def test_table_of_events_selects_in_the_chart(
    browser: Browser, page_file: Path, entries: list[TimelineEntry]
) -> None:
    page, problems, _ = open_page(browser, page_file)
    assert page.locator(".kg-list tbody tr").count() == len(entries)
    page.click(".kg-list summary")
    page.click(".kg-list button:has-text('Sergei Kudryavtsev')")
    assert CITATION in page.inner_text("#kg-details")
    assert problems == []
    page.close()


def test_ten_thousand_events_render_without_errors(browser: Browser, tmp_path: Path) -> None:
    output = tmp_path / "big.html"
    write_html_timeline(
        Timeline(TimelineFilter(), synthetic(10_000)), output, lanes="participant", title="Big"
    )
    page, problems, blocked = open_page(browser, output)
    assert page.evaluate("document.body.dataset.rendered") == "10000"
    assert page.evaluate("kgTimeline.drawn") >= 10_000  # all on screen, some in two lanes
    page.evaluate("kgTimeline.zoom(0.01)")
    assert 0 < page.evaluate("kgTimeline.drawn") < 10_000  # culled to what is visible
    page.screenshot(path=tmp_path / "big.png")
    assert problems == [] and blocked == []
    page.close()
