"""EDTF as kg writes it -> :class:`~kg.extract.dates.DateSpan` bounds (DESIGN A2).

A curated record may give its date as EDTF (``edtf: 1961-05-21?/1961-06-10?``)
beside the wording; the EDTF then gives the bounds.  Only the forms kg itself
writes are read -- days, months, years, seasons ``21``-``24``, the qualifiers
``?`` ``~`` ``%`` and intervals -- with the conventions of :mod:`kg.extract.dates`
("c. 1961" spans a year either side).
"""

from __future__ import annotations

import datetime as dt
import re

from kg.concepts import DatePrecision
from kg.extract.dates import DateError, DateSpan

__all__ = ["parse_edtf"]

_EDTF_DATE = re.compile(r"^(?P<y>\d{4})(?:-(?P<m>\d{2})(?:-(?P<d>\d{2}))?)?(?P<q>[?~%])?$")
_SEASON_START = {21: 3, 22: 6, 23: 9, 24: 12}


def _month_end(year: int, month: int) -> dt.date:
    next_month = dt.date(year + month // 12, month % 12 + 1, 1)
    return next_month - dt.timedelta(days=1)


def _edtf_bounds(part: str, whole: str) -> tuple[dt.date, dt.date, DatePrecision, bool]:
    """Bounds, precision and "qualified?" of one EDTF date (no interval)."""
    match = _EDTF_DATE.match(part)
    if match is None:
        ends = " (kg needs both ends of an interval)" if part in ("", "..") else ""
        raise DateError(f"{whole!r} is not an EDTF date kg reads{ends}")
    year, qualified = int(match["y"]), match["q"] is not None
    month = int(match["m"]) if match["m"] else None
    day = int(match["d"]) if match["d"] else None
    try:
        if month is None:
            widen = 1 if match["q"] in ("~", "%") else 0  # "c. 1961" is 1960-1962 (DESIGN A2)
            first, last = dt.date(year - widen, 1, 1), dt.date(year + widen, 12, 31)
            precision = DatePrecision.YEAR
        elif month in _SEASON_START and day is None:
            start = _SEASON_START[month]
            first = dt.date(year, start, 1)
            last = _month_end(year + (start == 12), (start + 2 - 1) % 12 + 1)
            precision = DatePrecision.SEASON
        elif day is None:
            first, last = dt.date(year, month, 1), _month_end(year, month)
            precision = DatePrecision.MONTH
        else:
            first = last = dt.date(year, month, day)
            precision = DatePrecision.DAY
    except ValueError as error:
        raise DateError(f"{whole!r} is not a real date: {error}") from None
    return first, last, DatePrecision.APPROXIMATE if qualified else precision, qualified


def parse_edtf(value: str, text: str | None = None) -> DateSpan:
    """Read the EDTF forms kg writes: ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``, seasons
    ``YYYY-21``..``24``, the qualifiers ``?`` ``~`` ``%`` and intervals ``a/b``.

    ``text`` is the wording to keep (defaults to the EDTF itself).  A qualified year
    (``1961~``) spans a year either side, as "c. 1961" does; other qualifiers keep the
    bounds and make the precision approximate.  Raises :class:`DateError`.

    >>> span = parse_edtf("1961-06-03/1961-06-04", "3–4 June 1961")
    >>> span.text, span.earliest, span.latest, span.precision.value
    ('3–4 June 1961', datetime.date(1961, 6, 3), datetime.date(1961, 6, 4), 'range')
    >>> parse_edtf("1962-24").latest, parse_edtf("1961~").earliest
    (datetime.date(1963, 2, 28), datetime.date(1960, 1, 1))
    >>> parse_edtf("1961-05-21?/1961-06-10?").precision.value
    'approximate'
    >>> parse_edtf("1961-02-30")
    Traceback (most recent call last):
    kg.extract.dates.DateError: '1961-02-30' is not a real date: day is out of range for month
    """
    edtf = value.strip()
    parts = edtf.split("/")
    if len(parts) == 1:
        first, last, precision, _ = _edtf_bounds(edtf, edtf)
    elif len(parts) == 2:
        first, _, _, q1 = _edtf_bounds(parts[0], edtf)
        _, last, _, q2 = _edtf_bounds(parts[1], edtf)
        precision = DatePrecision.APPROXIMATE if q1 or q2 else DatePrecision.RANGE
    else:
        raise DateError(f"{edtf!r} is not an EDTF date kg reads")
    if first > last:
        raise DateError(f"{edtf!r} ends ({last}) before it begins ({first})")
    return DateSpan(text or edtf, edtf, first, last, precision)
