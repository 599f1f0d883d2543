"""Fixtures shared by several test modules.

The Office of the Historian importers' tests (visits, travels) use the small
``fixtures/hsg_authority.ttl`` and ``fixtures/hsg_countries.csv`` instead of the bundled
data, so the tests pin exact results that do not move when the authority files grow.
The browser tests share one headless Chromium.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from kg.extract.reference import ReferenceData
from kg.sources import hsg

if TYPE_CHECKING:
    from playwright.sync_api import Browser

FIXTURES = Path(__file__).parent / "fixtures"
BASE = "https://w3id.org/dipkg/"


@pytest.fixture
def hsg_countries(monkeypatch: pytest.MonkeyPatch) -> None:
    """The small country table instead of the bundled one."""
    table = hsg.CountryTable.load(FIXTURES / "hsg_countries.csv")
    monkeypatch.setattr(hsg, "bundled_country_table", lambda: table)


@pytest.fixture(scope="session")
def hsg_reference() -> ReferenceData:
    return ReferenceData.load([FIXTURES / "hsg_authority.ttl"], BASE)


# --- a real browser ---------------------------------------------------------------------

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Debian's headless Chromium driven by Playwright (no downloaded browser)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
