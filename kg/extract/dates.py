"""Dates as archival records write them -> EDTF + earliest/latest bounds (DESIGN A2).

Records of conversation date their events in every style: "19 May 1961",
"June 9, 1961", "23.3.1963", "19.X.1956", "the end of May-the beginning of
June", "spring 1962", "c. 1961", or just "Monday, 5 November" with the year left
to the reader.  The graph needs one comparable form for all of them, so each
reading becomes a :class:`DateSpan`: the wording, a canonical EDTF string and
*inclusive* ``earliest``/``latest`` ``datetime.date`` bounds, which are the only
sort and filter keys (mixing ``xsd:gYear``, ``xsd:date`` and timezones breaks
comparisons in the triple stores).

Conventions (binding, DESIGN A2):

* month -> whole month (EDTF ``1961-05``); year -> whole year (``1963``);
* beginning/early -> days 1-10, mid/middle -> 11-20, end/late -> 21 to the last
  day; "first/second half" -> 1-15 / 16-end; such spans are APPROXIMATE with the
  EDTF *uncertain* qualifier on both ends: ``1961-06-01?/1961-06-10?`` (level 1);
  "early/mid/late 1962" -> Jan-Apr / May-Aug / Sep-Dec (``1962-01?/1962-04?``);
* seasons -> EDTF level-1 codes 21-24 (``1962-21`` spring = Mar-May; winter 1962
  = 1962-12-01 to the end of February 1963);
* "c./ca./circa/about 1961" -> one year either side, EDTF ``1961~``;
* ranges -> both ends inclusive, EDTF interval ``1962-10-19/1962-10-20``.

Missing years are taken from ``reference`` (another date of the same document):
of the years before, of and after the reference, the one putting the date
closest to it.  Two-digit years ("19 X 56", "23.3.63") are 19yy, unless the
reference is in 2000 or later, then the century closest to it.  Numeric dates
read unambiguously when one part exceeds 12; otherwise ``day_first`` decides,
and by default dots and hyphens are day-first (European/Soviet) and slashes
month-first (US).  A stated weekday never overrides the date (archives contain
slips); :func:`weekday_mismatch` reports a conflict for callers that want to log
it.  Lower-case "may"/"march" are not months (they are ordinary words).

In running text (:func:`search_date`) numbers right after archival or list markers
("No.", "№", "ll.", "F.", "paragraph") are not dates, and a bare four-digit number
is a year only after a cue ("in 1963", "Havana, 1963", start of a line).

Not read: times of day; relative dates ("yesterday" alone, "last week"; with an
explicit day the day wins); a weekday alone; decades ("the 1960s"); two-digit
years after month names ("May 61"); a month or season without a year ("postponed
to August") unless a reference-resolved day or part of a month; non-English
words other than Russian month names and the "г." year suffix.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple

from kg.concepts import DatePrecision
from kg.extract import _datewords as _w

__all__ = [
    "DateError",
    "DateSpan",
    "is_plausible",
    "parse_date",
    "search_date",
    "weekday_mismatch",
]


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


class _Ctx(NamedTuple):
    text: str
    reference: dt.date | None
    day_first: bool | None


_Groups = dict[str, str | None]
_Builder = Callable[[_Groups, _Ctx], DateSpan]


# --- helpers --------------------------------------------------------------------------------
def _date(year: int, month: int, day: int, ctx: _Ctx) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError as exc:
        raise DateError(f"{ctx.text!r} is not a real date: {exc}") from None


def _two_digit(value: str, ctx: _Ctx) -> int:
    """A year written with two digits: 19yy unless the reference is in 2000 or later."""
    if len(value) == 4:
        return int(value)
    ref = ctx.reference.year if ctx.reference is not None else 0
    if ref >= 2000:
        return min((1900 + int(value), 2000 + int(value)), key=lambda y: abs(y - ref))
    return 1900 + int(value)


def _closest_year(month: int, day: int, ctx: _Ctx) -> int:
    """The year (reference year -1, 0, +1) that puts month/day closest to the reference."""
    if ctx.reference is None:
        raise DateError(f"no year in {ctx.text!r} and no reference date to take it from")
    ref = ctx.reference
    best: tuple[int, int] | None = None
    for year in (ref.year, ref.year - 1, ref.year + 1):
        if day <= _w.last_day(year, month):
            distance = abs((dt.date(year, month, day) - ref).days)
            if best is None or distance < best[0]:
                best = (distance, year)
    if best is None:
        raise DateError(f"{ctx.text!r} is not a real date: day is out of range for month")
    return best[1]


def _pair_years(
    ya: int | None, ma: int, da: int, yb: int | None, mb: int, *, ctx: _Ctx
) -> tuple[int, int]:
    """Years for both ends of a range; a missing one comes from the other end or reference.

    The year rolls over only when the start month is at least six later than the end
    month ("30 December - 2 January"); "20-19 October" or "2 October - 30 September"
    stay in one year and are then rejected as ending before they begin.
    """
    roll = ma - mb >= 6
    if ya is None and yb is None:
        ya = _closest_year(ma, da, ctx)
    if ya is None:
        assert yb is not None
        return yb - roll, yb
    return ya, (ya + roll) if yb is None else yb


def _span(ctx: _Ctx, edtf: str, earliest: dt.date, latest: dt.date, p: DatePrecision) -> DateSpan:
    if earliest > latest:
        raise DateError(f"{ctx.text!r} ends ({latest}) before it begins ({earliest})")
    return DateSpan(ctx.text, edtf, earliest, latest, p)


def _check_and(g: _Groups, ctx: _Ctx) -> None:
    """ "19 May and 20 June" are two dates; only "between ... and ..." is a range."""
    if (g.get("conn") or "").lower() == "and" and (g.get("lead") or "").lower() != "between":
        raise DateError(f"{ctx.text!r}: 'and' joins a range only after 'between'")


# --- builders: one per form, each (groups, ctx) -> DateSpan ----------------------------------
def _day_span(year: int, month: int, day: int, ctx: _Ctx) -> DateSpan:
    d = _date(year, month, day, ctx)
    return _span(ctx, d.isoformat(), d, d, DatePrecision.DAY)


def _b_day(g: _Groups, ctx: _Ctx) -> DateSpan:
    month, day = _w.month_number(g["am"]), int(g["ad"] or 0)
    year = _w.to_int(g["ay"]) or _closest_year(month, day, ctx)
    return _day_span(year, month, day, ctx)


def _b_numeric(g: _Groups, ctx: _Ctx) -> DateSpan:
    first, second = int(g["n1"] or 0), int(g["n2"] or 0)
    if first > 12 or second > 12:
        day_first = first > 12
    elif ctx.day_first is not None:
        day_first = ctx.day_first
    else:
        day_first = g["sep"] != "/"
    day, month = (first, second) if day_first else (second, first)
    return _day_span(_two_digit(g["ay"] or "", ctx), month, day, ctx)


def _b_roman(g: _Groups, ctx: _Ctx) -> DateSpan:
    return _day_span(
        _two_digit(g["ay"] or "", ctx), _w.ROMAN[g["rm"] or ""], int(g["ad"] or 0), ctx
    )


def _b_iso(g: _Groups, ctx: _Ctx) -> DateSpan:
    return _day_span(int(g["ay"] or 0), int(g["am"] or 0), int(g["ad"] or 0), ctx)


def _b_day_range(g: _Groups, ctx: _Ctx) -> DateSpan:
    if g.get("am") and g.get("bm"):  # "5 and 6 March" is a two-day range; not so across months
        _check_and(g, ctx)
    ma = _w.month_number(g.get("am") or g["bm"])
    mb = _w.month_number(g.get("bm") or g["am"])
    da, db = int(g["ad"] or 0), int(g["bd"] or 0)
    ya, yb = _pair_years(_w.to_int(g.get("ay")), ma, da, _w.to_int(g.get("by")), mb, ctx=ctx)
    a, b = _date(ya, ma, da, ctx), _date(yb, mb, db, ctx)
    return _span(ctx, f"{a}/{b}", a, b, DatePrecision.RANGE)


def _b_month(g: _Groups, ctx: _Ctx) -> DateSpan:
    year, word = int(g["ay"] or 0), g["am"] or ""
    month = int(word) if word.isdigit() else _w.month_number(word)
    first, last = dt.date(year, month, 1), dt.date(year, month, _w.last_day(year, month))
    return _span(ctx, f"{year:04d}-{month:02d}", first, last, DatePrecision.MONTH)


def _b_month_range(g: _Groups, ctx: _Ctx) -> DateSpan:
    _check_and(g, ctx)
    ma, mb = _w.month_number(g["am"]), _w.month_number(g["bm"])
    ya, yb = _pair_years(_w.to_int(g["ay"]), ma, 1, _w.to_int(g["by"]), mb, ctx=ctx)
    a, b = dt.date(ya, ma, 1), dt.date(yb, mb, _w.last_day(yb, mb))
    return _span(ctx, f"{ya:04d}-{ma:02d}/{yb:04d}-{mb:02d}", a, b, DatePrecision.RANGE)


def _b_year(g: _Groups, ctx: _Ctx) -> DateSpan:
    year = int(g["ay"] or 0)
    return _span(ctx, f"{year:04d}", dt.date(year, 1, 1), dt.date(year, 12, 31), DatePrecision.YEAR)


def _end_year(start: int, value: str, ctx: _Ctx) -> int:
    """The second year of "1961-63" / "1962/63": two digits take the first year's century."""
    end = int(value) if len(value) == 4 else start // 100 * 100 + int(value)
    if end <= start:
        raise DateError(f"{ctx.text!r}: the second year is not after the first")
    return end


def _b_year_range(g: _Groups, ctx: _Ctx) -> DateSpan:
    _check_and(g, ctx)
    ya = int(g["ay"] or 0)
    yb = _end_year(ya, g["by"] or "", ctx)
    a, b = dt.date(ya, 1, 1), dt.date(yb, 12, 31)
    return _span(ctx, f"{ya:04d}/{yb:04d}", a, b, DatePrecision.RANGE)


def _b_part(g: _Groups, ctx: _Ctx) -> DateSpan:
    """ "end of May 1961" (one part) or "end of May-the beginning of June" (two)."""
    _check_and(g, ctx)
    if g.get("bp") is None:  # one part of one month: both ends in it
        g = {**g, "bp": g["ap"], "bm": g["am"], "by": g["ay"]}
    first, _, _, _ = _w.part_bounds(g["ap"])
    _, last, _, _ = _w.part_bounds(g["bp"])
    ma, mb = _w.month_number(g["am"]), _w.month_number(g["bm"])
    ya, yb = _pair_years(_w.to_int(g["ay"]), ma, first, _w.to_int(g["by"]), mb, ctx=ctx)
    a = _date(ya, ma, first, ctx)
    b = _date(yb, mb, last or _w.last_day(yb, mb), ctx)
    return _span(ctx, f"{a}?/{b}?", a, b, DatePrecision.APPROXIMATE)


def _b_part_year(g: _Groups, ctx: _Ctx) -> DateSpan:
    year = int(g["ay"] or 0)
    _, _, ma, mb = _w.part_bounds(g["ap"])
    a, b = dt.date(year, ma, 1), dt.date(year, mb, _w.last_day(year, mb))
    edtf = f"{year:04d}-{ma:02d}?/{year:04d}-{mb:02d}?"
    return _span(ctx, edtf, a, b, DatePrecision.APPROXIMATE)


def _b_season(g: _Groups, ctx: _Ctx) -> DateSpan:
    code, month = _w.SEASONS[(g["s"] or "").lower()]
    year = int(g["ay"] or 0)
    if g["by"] is not None and (code != 24 or _end_year(year, g["by"], ctx) != year + 1):
        raise DateError(f"{ctx.text!r}: only a winter spans two consecutive years")
    end_year, end_month = (year + 1, 2) if month == 12 else (year, month + 2)
    a = dt.date(year, month, 1)
    b = dt.date(end_year, end_month, _w.last_day(end_year, end_month))
    return _span(ctx, f"{year:04d}-{code}", a, b, DatePrecision.SEASON)


def _b_circa(g: _Groups, ctx: _Ctx) -> DateSpan:
    year = int(g["ay"] or 0)
    a, b = dt.date(year - 1, 1, 1), dt.date(year + 1, 12, 31)
    return _span(ctx, f"{year:04d}~", a, b, DatePrecision.APPROXIMATE)


# --- the forms --------------------------------------------------------------------------------
@dataclass(frozen=True)
class _Form:
    """One way of writing a date: a compiled regex whose groups carry the prefix ``name_``."""

    name: str
    regex: re.Pattern[str]
    build: _Builder
    weak: bool = False  # a bare number: in running text it needs a cue ("in 1963")

    def groups(self, match: re.Match[str]) -> _Groups:
        cut = len(self.name) + 1
        return {k[cut:]: v for k, v in match.groupdict().items() if k.startswith(self.name + "_")}


def _form(name: str, source: str, build: _Builder) -> _Form:
    source = source.replace("(?P<_", f"(?P<{name}_").replace("(?P=_", f"(?P={name}_")
    return _Form(name, re.compile(source, re.IGNORECASE), build, weak=name == "y")


_BUILDERS: dict[str, _Builder] = {
    **dict.fromkeys(("dm", "md"), _b_day),
    **dict.fromkeys(("rdd", "rdm", "rmd", "rmdd"), _b_day_range),
    **dict.fromkeys(("isom", "my"), _b_month),
    **dict.fromkeys(("part", "rpart"), _b_part),
    **{"num": _b_numeric, "rom": _b_roman, "iso": _b_iso, "rmm": _b_month_range},
    **{"y": _b_year, "ryy": _b_year_range, "party": _b_part_year},
    **{"season": _b_season, "circa": _b_circa},
}
_FORMS = tuple(_form(name, source, _BUILDERS[name]) for name, source in _w.SOURCES.items())
# Only used to find where the next candidate starts; the forms then compete there.
_ANY = re.compile(
    _w.TRIGGER + "(?:" + "|".join(f"(?:{f.regex.pattern})" for f in _FORMS) + ")", re.IGNORECASE
)
_LEAD_WORDS = re.compile(r"^(?:on|dated|in|during|at)\s+", re.IGNORECASE)
_TRAILING = re.compile(r"[\s.,;:!?)\]]+$")
_WEEKDAY_RE = re.compile(rf"\b{_w.WEEKDAY}", re.IGNORECASE)


# --- public functions -------------------------------------------------------------------------
def parse_date(
    text: str, *, reference: dt.date | None = None, day_first: bool | None = None
) -> DateSpan:
    """Read ``text``, which must be a date expression and nothing else.

    Meant for fields that hold a date ("Date: 19 May 1961"); a lead word ("on",
    "dated", "in", "during", "at") and trailing punctuation are allowed.  The
    result keeps ``text`` stripped, as written.  ``reference`` supplies a missing
    year, ``day_first`` settles ambiguous numeric dates (see the module doc).

    >>> parse_date("19 May 1961").edtf
    '1961-05-19'
    >>> span = parse_date("the end of May-the beginning of June 1961")
    >>> span.edtf, span.precision.value
    ('1961-05-21?/1961-06-10?', 'approximate')
    >>> span.earliest, span.latest
    (datetime.date(1961, 5, 21), datetime.date(1961, 6, 10))
    >>> parse_date("Monday, 5 November", reference=dt.date(1962, 10, 30)).earliest
    datetime.date(1962, 11, 5)
    >>> parse_date("05.06.1962").edtf, parse_date("5/6/1962").edtf
    ('1962-06-05', '1962-05-06')
    >>> parse_date("31 February 1962")
    Traceback (most recent call last):
    kg.extract.dates.DateError: '31 February 1962' is not a real date: day is out of range for month
    """
    wording = text.strip()
    core = _TRAILING.sub("", _LEAD_WORDS.sub("", wording.lstrip("([")))
    if not core:
        raise DateError(f"{text!r} is empty")
    ctx = _Ctx(wording, reference, day_first)
    error: DateError | None = None
    for form in _FORMS:
        match = form.regex.fullmatch(core)
        if match is not None:
            try:
                return form.build(form.groups(match), ctx)
            except DateError as exc:
                error = error or exc
    raise error or DateError(f"{wording!r} is not a date expression kg can read")


def search_date(
    text: str, *, reference: dt.date | None = None, day_first: bool | None = None
) -> DateSpan | None:
    """The first date expression inside a longer ``text``, or None.

    At the leftmost place where any form matches, the longest reading that makes
    a valid date wins ("19-20 October 1962" over "20 October 1962"); otherwise the
    search moves on.  Numbers after archival markers ("No.", "ll.", "F.") are
    skipped, and a bare four-digit year needs a cue ("in 1963", "Havana, 1963")
    so that quantities are not read as years.  ``text`` of the result is the
    matched wording.

    >>> search_date("Havana, 12 March 1963. Copy No 2").text
    '12 March 1963'
    >>> search_date("I met with Castro on 6 March at 10 a.m.", reference=dt.date(1963, 3, 7)).edtf
    '1963-03-06'
    >>> search_date("AVP RF, F. 0104, Op. 17, P. 118, D. 4, ll. 33-38") is None
    True
    """
    pos = 0
    while (found := _ANY.search(text, pos)) is not None:
        start = found.start()
        pos = start + 1
        if _w.REFERENCE_BEFORE.search(text, max(0, start - 12), start):
            continue
        matches = [(m, f) for f in _FORMS if (m := f.regex.match(text, start)) is not None]
        matches.sort(key=lambda mf: mf[0].end(), reverse=True)
        for match, form in matches:
            if form.weak and not _year_cued(text, start, match.group()):
                continue
            try:
                return form.build(
                    form.groups(match), _Ctx(match.group().strip(), reference, day_first)
                )
            except DateError:
                continue
    return None


def _year_cued(text: str, start: int, wording: str) -> bool:
    """Whether a bare four-digit number at ``start`` reads as a year ("in 1963", "1963 г.")."""
    return "г" in wording or bool(_w.YEAR_CUE_BEFORE.search(text, max(0, start - 20), start))


def weekday_mismatch(span: DateSpan) -> bool:
    """True when ``span.text`` names a weekday that its (day-precision) date does not fall on.

    Dates are never changed for this -- archives contain slips -- but callers can warn.

    >>> weekday_mismatch(parse_date("Monday, 5 November 1962"))
    False
    >>> weekday_mismatch(parse_date("Tuesday, 5 November 1962"))
    True
    """
    match = _WEEKDAY_RE.search(span.text)
    if match is None or not span.is_day:
        return False
    return _w.WEEKDAYS[match.group()[:3].lower()] != span.earliest.weekday()


def is_plausible(
    span: DateSpan, *, low: dt.date = dt.date(1800, 1, 1), high: dt.date = dt.date(2100, 12, 31)
) -> bool:
    """Whether the span lies within ``low``..``high`` (catches misread years).

    >>> is_plausible(parse_date("1961")), is_plausible(parse_date("1661"))
    (True, False)
    """
    return low <= span.earliest and span.latest <= high
