"""Remake the two pictures of the README's "Looking at the graph" with kg's own commands.

Run from the repository root (needs the test extra for Playwright, and Debian's
Chromium):

    python docs/screenshots.py [--store DIR]

Without ``--store`` it ingests ``data/`` into a temporary store first
(``kg ingest data/``).  Then it runs

    kg export html --from 1961-01 --to 1963-12 --title "…" -o timeline.html
    kg network --source frus --source wilson --source curated --labels 40 -o docs/img/network.png

opens the page in headless Chromium, clicks the Kudryavtsev–Castro
conversation of 19 May 1961 so the details panel shows its citation, and
saves the screenshot as ``docs/img/timeline.png``.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
IMAGES = ROOT / "docs" / "img"
EVENT = "https://w3id.org/dipkg/event/wilson-a4d663e4f3"  # Kudryavtsev–Castro, 19 May 1961


def kg(store: Path, *args: str) -> None:
    command = [sys.executable, "-m", "kg", "--store", str(store), *args]
    print("$ kg", *args, file=sys.stderr)
    subprocess.run(command, check=True, cwd=ROOT)


def screenshot(page_file: Path, output: Path) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"]
        )
        page = browser.new_page(viewport={"width": 1360, "height": 820})
        page.goto(page_file.as_uri())
        page.wait_for_function("document.body.dataset.ready === 'true'")
        page.evaluate("iri => kgTimeline.setRange(-3300, -2830)", EVENT)
        point = page.evaluate("iri => kgTimeline.positionOf(iri)", EVENT)
        if point is None:
            raise SystemExit("the Kudryavtsev–Castro conversation is not on the page")
        page.mouse.click(point["x"], point["y"])
        page.mouse.move(5, 5)
        page.screenshot(path=str(output))
        browser.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--store", type=Path, help="an existing store of the bundled data")
    args = parser.parse_args()
    IMAGES.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="kg-screenshots-") as folder:
        store = args.store or Path(folder) / "store"
        if args.store is None:
            kg(store, "ingest", "data/")
        page_file = Path(folder) / "timeline.html"
        kg(
            store,
            *("export", "html", "--from", "1961-01", "--to", "1963-12"),
            *("--title", "Conversations and visits, 1961–1963", "-o", str(page_file)),
        )
        screenshot(page_file, IMAGES / "timeline.png")
        kg(
            store,
            "network",
            "--source",
            "frus",
            "--source",
            "wilson",
            "--source",
            "curated",
            "--labels",
            "40",
            "-o",
            str(IMAGES / "network.png"),
        )
    print(f"wrote {IMAGES / 'timeline.png'} and {IMAGES / 'network.png'}", file=sys.stderr)


if __name__ == "__main__":
    main()
