"""Fixtures shared by the Office of the Historian importers' tests (visits, travels).

They use the small ``fixtures/hsg_authority.ttl`` and ``fixtures/hsg_countries.csv``
instead of the bundled data, so the tests pin exact results that do not move
when the authority files grow.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.extract.reference import ReferenceData
from kg.sources import hsg

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
