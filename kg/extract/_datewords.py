"""Vocabulary and regex pieces for :mod:`kg.extract.dates`.

The date grammar lives in ``dates.py``; the words it is built from live here so
that adding a spelling ("Febr.", "Sept.", a Russian genitive) never touches the
logic.  Everything is a plain table or a regex *fragment* (uncompiled text), and
the group names in fragments start with ``_`` so that ``dates.py`` can give each
form its own prefix and join all forms into one search pattern.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable

#: Month words (lower case, no trailing dot) -> month number.
MONTHS: dict[str, int] = {}
_ENGLISH = (
    "january jan",
    "february feb febr",
    "march mar",
    "april apr",
    "may",
    "june jun",
    "july jul",
    "august aug",
    "september sep sept",
    "october oct",
    "november nov",
    "december dec",
)
# Russian nominative, genitive and prepositional: "19 мая 1961 г.", "в мае".
_RUSSIAN = (
    "январь января январе",
    "февраль февраля феврале",
    "март марта марте",
    "апрель апреля апреле",
    "май мая мае",
    "июнь июня июне",
    "июль июля июле",
    "август августа августе",
    "сентябрь сентября сентябре",
    "октябрь октября октябре",
    "ноябрь ноября ноябре",
    "декабрь декабря декабре",
)
for _number, _words in enumerate(_ENGLISH + _RUSSIAN):
    for _word in _words.split():
        MONTHS[_word] = _number % 12 + 1

# Lower-case "may", "march" and "mar" are ordinary English words ("they may 5
# times ..."); they are months only when capitalised or in capitals.
_AMBIGUOUS = frozenset({"may", "march", "mar"})


def _spellings(word: str) -> set[str]:
    forms = {word.title(), word.upper()}
    if word not in _AMBIGUOUS:
        forms.add(word)
    return forms


#: A month word, case-sensitive on purpose (see ``_AMBIGUOUS``), longest first.
_Trie = dict[str, "_Trie"]


def trie(words: Iterable[str]) -> str:
    """A regex for exactly ``words`` with common prefixes factored out.

    ``re`` tries the branches of an alternation one after the other at every
    position, so a flat list of ~100 month spellings dominated the search time;
    the factored form ("Ju(?:ly?|ne?)") rejects most positions after one character.
    Optional tails are greedy, so the longest spelling is tried first.
    """
    root: _Trie = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: _Trie) -> str:
        branches = [re.escape(char) + build(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        if "" in node:
            return "(?:" + "|".join(branches) + ")?"
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    return build(root)


#: A month word, case-sensitive on purpose (see ``_AMBIGUOUS``).
MONTH = "(?-i:" + trie({form for word in MONTHS for form in _spellings(word)}) + ")"

#: Roman-numeral months as Soviet and East European records write them: "19.X.1956".
ROMAN: dict[str, int] = {
    numeral: number
    for number, numeral in enumerate(
        ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"], start=1
    )
}
ROMAN_MONTH = "(?-i:" + "|".join(sorted(ROMAN, key=lambda s: (-len(s), s))) + ")"

#: Weekday words (first three letters, lower case) -> ``date.weekday()``.
WEEKDAYS: dict[str, int] = {
    name: number for number, name in enumerate(["mon", "tue", "wed", "thu", "fri", "sat", "sun"])
}
WEEKDAY = (
    r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day"
    r"|(?:mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)\.)"
)
RELATIVE_DAY = r"(?:tomorrow|yesterday|today|tonight)"

#: Four-digit years kg accepts anywhere (17th to 21st century).
YEAR4 = r"(?:1[6-9]\d\d|20\d\d)"
#: "1961 г.", "1961 года", "1961-1962 гг." (Russian "year(s)" after the number).
YEAR_SUFFIX = r"(?:\s?(?:года|гг?)\b\.?)?"

#: Parts of a month or year -> (first day, last day or None for the month's end,
#: first month, last month) -- DESIGN A2: beginning 1-10, mid 11-20, end 21-31.
PARTS: dict[str, tuple[int, int | None, int, int]] = {
    "early": (1, 10, 1, 4),
    "beginning of": (1, 10, 1, 4),
    "start of": (1, 10, 1, 4),
    "first days of": (1, 10, 1, 1),
    "mid": (11, 20, 5, 8),
    "middle of": (11, 20, 5, 8),
    "late": (21, None, 9, 12),
    "end of": (21, None, 9, 12),
    "close of": (21, None, 9, 12),
    "last days of": (21, None, 12, 12),
    "first half of": (1, 15, 1, 6),
    "second half of": (16, None, 7, 12),
}
PART = "(?:" + "|".join(p.replace(" ", r"\s+") for p in sorted(PARTS, key=len, reverse=True)) + ")"

#: Season words -> (EDTF level-1 season code, first month); each lasts three months.
SEASONS: dict[str, tuple[int, int]] = {
    "spring": (21, 3),
    "summer": (22, 6),
    "autumn": (23, 9),
    "fall": (23, 9),
    "winter": (24, 12),
}
SEASON = "(?:" + "|".join(SEASONS) + ")"

CIRCA = r"(?:c\.|ca\.|circa\b|about\b|approx\.|approximately\b|around\b)"

#: What joins the two ends of a range: "19-20", "19–20", "3 to 5", "19 and 24".
CONNECTOR = r"\s*(?P<_conn>-{1,2}|[–—]|(?:to|through|thru|till|until|and)\b)\s*"

#: Text right before a number that makes it an archival or list reference, not a date.
REFERENCE_BEFORE = re.compile(
    r"(?:\b(?:no|nos|nr|p|pp|l|ll|f|op|d|art|article|para|paragraph|point|item|clause|chapter|ch"
    r"|annex|sec|section|tel|copy|ref|page|vol|version|outgoing)\.?|\bn[º°o]\.?|[№#§])"
    r"\s*$",
    re.IGNORECASE,
)
#: Words that make a bare four-digit number a year ("in 1963"), not a quantity.
YEAR_CUE_BEFORE = re.compile(
    r"(?:\b(?:in|of|since|until|till|by|from|during|before|after|year)\s+|[,(]\s*|\n\s*|^\s*)$",
    re.IGNORECASE,
)


def last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def month_number(word: str | None) -> int:
    """The month of a matched month word ("Sept." -> 9, "мая" -> 5)."""
    return MONTHS[(word or "").lower().rstrip(".")]


def part_bounds(part: str | None) -> tuple[int, int | None, int, int]:
    """The :data:`PARTS` entry for a matched part wording ("the  end of" -> "end of")."""
    return PARTS[" ".join((part or "").lower().split())]


def to_int(value: str | None) -> int | None:
    return None if value is None else int(value)


# --- the forms: how each way of writing a date looks --------------------------------------
_START = r"(?<![\w./-])"  # not inside a word, number or "ll.33"
_END = r"(?!\w|[./-]\d)"  # not followed by more of a number
_THE = r"(?:the\s+)?"
_LEAD = r"(?:(?P<_lead>from|between)\s+)?"
_PRE = rf"(?P<_pre>(?:(?:{WEEKDAY}|{RELATIVE_DAY})\s*,?\s+){{0,2}})"
_YSEP = r"(?:\s*,\s*|\s+|-)"
_DMSEP = r"(?:\s+of\s+|-|\s+)"
_NSEP = r"(?:\s*[./-]\s*|\s+)"
_PARTSEP = rf"(?:\s*-\s*|\s+){_THE}"
_YY = rf"(?:{YEAR4}|\d\d)\b"


def _d(g: str) -> str:
    return rf"(?P<_{g}>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th|d)?\b"


def _m(g: str) -> str:
    return rf"(?P<_{g}>{MONTH})\b\.?"


def _y(g: str) -> str:
    return rf"(?P<_{g}>{YEAR4})\b{YEAR_SUFFIX}"


def _dm(a: str) -> str:
    return rf"{_THE}{_d(a + 'd')}{_DMSEP}{_m(a + 'm')}(?:{_YSEP}{_y(a + 'y')})?"


def _md(a: str) -> str:
    return rf"{_m(a + 'm')}\s+{_THE}{_d(a + 'd')}(?:{_YSEP}{_y(a + 'y')})?"


def _part(a: str) -> str:
    return rf"{_THE}(?P<_{a}p>{PART}){_PARTSEP}{_m(a + 'm')}(?:{_YSEP}{_y(a + 'y')})?"


#: Every form kg reads, by name, in the order ``parse_date`` tries them; ``dates.py`` pairs
#: each name with the code that turns its groups into a span.
_BODIES: dict[str, str] = {
    "dm": _PRE + _dm("a"),  # 19 May 1961, the 19th of May, 1961
    "md": _PRE + _md("a"),  # June 9, 1961
    "num": rf"{_PRE}(?P<_n1>\d{{1,2}})(?P<_sep>[./-])(?P<_n2>\d{{1,2}})(?P=_sep)(?P<_ay>{_YY})",
    "rom": rf"{_PRE}{_d('ad')}{_NSEP}(?P<_rm>{ROMAN_MONTH})\b{_NSEP}(?P<_ay>{_YY})",  # 19.X.56
    "iso": rf"{_PRE}(?P<_ay>{YEAR4})-(?P<_am>0[1-9]|1[0-2])-(?P<_ad>[0-3]\d)\b",
    "isom": rf"(?P<_ay>{YEAR4})-(?P<_am>0[1-9]|1[0-2])\b",  # 1961-05
    "rdd": rf"{_LEAD}{_THE}{_d('ad')}{CONNECTOR}{_dm('b')}",  # from 3 to 5 July 1961
    "rdm": rf"{_LEAD}{_dm('a')}{CONNECTOR}{_dm('b')}",  # 30 September - 2 October 1962
    "rmd": rf"{_LEAD}{_md('a')}{CONNECTOR}{_md('b')}",  # December 30, 1962 - January 2, 1963
    "rmdd": rf"{_LEAD}{_m('am')}\s+{_THE}{_d('ad')}{CONNECTOR}{_THE}{_d('bd')}"
    rf"(?:{_YSEP}{_y('by')})?",  # December 19-24, 1962
    "my": rf"{_m('am')}(?:\s*,\s*|\s+of\s+|\s+){_y('ay')}",  # May 1961
    "rmm": rf"{_LEAD}{_m('am')}(?:{_YSEP}{_y('ay')})?{CONNECTOR}{_m('bm')}{_YSEP}{_y('by')}",
    "y": _y("ay"),  # 1963
    "ryy": rf"{_LEAD}{_y('ay')}{CONNECTOR}(?P<_by>{_YY}){YEAR_SUFFIX}",  # 1961-63
    "part": _part("a"),  # end of May 1961
    "rpart": rf"{_LEAD}{_part('a')}{CONNECTOR}{_part('b')}",  # end of May-the beginning of June
    "party": rf"{_THE}(?P<_ap>{PART})(?:\s*-\s*|\s+){_y('ay')}",  # early 1962
    "season": rf"{_THE}(?P<_s>{SEASON})(?:\s+of)?(?:\s*,\s*|\s+){_y('ay')}"
    rf"(?:\s*[-/–]\s*(?P<_by>{_YY}))?",  # winter 1962/63
    "circa": rf"{CIRCA}\s*{_y('ay')}",  # c. 1961
}
_BODIES["num"] += YEAR_SUFFIX
_BODIES["rom"] += YEAR_SUFFIX
SOURCES: dict[str, str] = {name: _START + body + _END for name, body in _BODIES.items()}

#: The words (or a digit) every form starts with: a cheap look-ahead that lets the combined
#: search pattern skip most positions before trying its ~20 alternatives there (3x faster).
_STARTERS = "the from between tomorrow yesterday today tonight c. ca. circa about approx around"
_FIRST_WORDS = {p.split()[0] for p in PARTS} | set(SEASONS) | set(_STARTERS.split())
TRIGGER = (
    _START
    + r"(?=\d|"
    + trie(
        {w.lower() for w in MONTHS}
        | _FIRST_WORDS
        | {"mon", "tue", "wed", "thu", "fri", "sat", "sun"}
    )
    + ")"
)
