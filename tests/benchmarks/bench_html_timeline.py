"""Benchmark: the standalone HTML timeline with 10,000 events in headless Chromium.

Run on demand (not part of the test suite), from the repository root:

    python tests/benchmarks/bench_html_timeline.py [--events 10000] [--out FILE]

It writes a page of synthetic events (exact days and uncertain spans, two
participants each, 60 people, 20 topics over 40 years), opens it in Debian's
Chromium and reports: the time to write the page and its size, the time from
navigation until the first frame is drawn, the time of one full redraw, and
the redraw times while zooming in step by step with the mouse wheel and then
panning (the page draws only what is visible, so frames get cheaper as one
zooms in).  A frame under 16 ms keeps 60 frames per second.
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

from kg import __version__
from kg.export.html_timeline import write_html_timeline
from kg.timeline import (
    Timeline,
    TimelineFilter,
)

CHROMIUM = "/usr/bin/chromium"
RESULTS = Path(__file__).parent / "results" / "html_timeline.json"

sys.path.insert(0, str(Path(__file__).parents[1]))  # the tests folder: the shared data
from synthetic_timeline import synthetic  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args()

    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as folder:
        page_file = Path(folder) / "timeline.html"
        entries = synthetic(args.events)
        started = time.perf_counter()
        write_html_timeline(
            Timeline(TimelineFilter(), entries), page_file, lanes="participant", title="Benchmark"
        )
        write_seconds = time.perf_counter() - started
        page_bytes = page_file.stat().st_size
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"]
            )
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            errors: list[str] = []
            page.on("pageerror", lambda error: errors.append(str(error)))
            started = time.perf_counter()
            page.goto(page_file.as_uri())
            page.wait_for_function("document.body.dataset.ready === 'true'", timeout=120_000)
            load_seconds = time.perf_counter() - started
            first_draw = page.evaluate("kgTimeline.lastDrawMs")
            full = [page.evaluate("kgTimeline.reset(), kgTimeline.lastDrawMs") for _ in range(10)]
            box = page.locator("#kg-canvas").bounding_box()
            assert box is not None
            page.mouse.move(box["x"] + box["width"] * 0.6, box["y"] + 100)
            zoom: list[float] = []
            for _ in range(25):
                page.mouse.wheel(0, -200)
                page.wait_for_timeout(20)
                zoom.append(page.evaluate("kgTimeline.lastDrawMs"))
            pan: list[float] = []
            for _ in range(20):
                page.keyboard.press("ArrowRight")
                page.wait_for_timeout(20)
                pan.append(page.evaluate("kgTimeline.lastDrawMs"))
            rendered = int(page.evaluate("document.body.dataset.rendered"))
            browser.close()
    result = {
        "benchmark": "html_timeline",
        "kg": __version__,
        "python": platform.python_version(),
        "machine": platform.machine(),
        "events": args.events,
        "rendered": rendered,
        "page_bytes": page_bytes,
        "write_seconds": round(write_seconds, 3),
        "load_seconds": round(load_seconds, 3),
        "first_draw_ms": round(first_draw, 2),
        "full_redraw_ms_median": round(statistics.median(full), 2),
        "zoom_redraw_ms_median": round(statistics.median(zoom), 2),
        "zoom_redraw_ms_max": round(max(zoom), 2),
        "pan_redraw_ms_median": round(statistics.median(pan), 2),
        "errors": errors,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
