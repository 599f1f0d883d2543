"""Dates as archival records write them -> EDTF + earliest/latest bounds.

(Interface placeholder: implemented by the dates work package.)
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from kg.concepts import DatePrecision


class DateError(ValueError):
    """The text holds no date kg can read; the message says why."""


@dataclass(frozen=True)
class DateSpan:
    """A date as written, its EDTF form and inclusive bounds (DESIGN A2)."""

    text: str
    edtf: str
    earliest: dt.date
    latest: dt.date
    precision: DatePrecision

    @property
    def is_day(self) -> bool:
        return self.precision is DatePrecision.DAY


def parse_date(
    text: str, *, reference: dt.date | None = None, day_first: bool | None = None
) -> DateSpan:
    raise NotImplementedError


def search_date(
    text: str, *, reference: dt.date | None = None, day_first: bool | None = None
) -> DateSpan | None:
    raise NotImplementedError
