"""The closing signature of a record, and who signed it (part of :mod:`kg.sources.wilson`).

A record ends with a signature block ("USSR AMBASSADOR IN CUBA / (A. ALEKSEYEV)",
"János Beck / ambassador", "Recorded by Wang Fang", or a bare "Riedel" whom the
record names in full above).  :func:`split_signature` finds where the block
starts, :func:`signature_name` reads the signer's name, and :func:`same_person`
tells whether the signer is one of the people the title names.
"""

from __future__ import annotations

import re

from kg.extract.header import parse_person
from kg.ids import fold
from kg.sources._wilson_fields import (
    INITIALS_NAME,
    OPEN_WORDS,
    SENTENCE_END,
    Line,
    clean,
    is_date_line,
    is_header_mark,
    is_prose,
)

_PARENTHESES = re.compile(r"\((?P<name>[^()]{2,40})\)")
_CLOSING = re.compile(
    r"^(?:with\s+(?:comradely|fraternal|best|warm|kind)\s+(?:greetings|regards)|respectfully|"
    r"sincerely|yours\b)",
    re.I,
)
_SIGN_WORDS = re.compile(
    r"^(?:\[?signed\]?|\[signature\]|/s/|/signature/|signature|"
    r"(?:[\w.]+\s+){0,3}(?:ambassador|counsellor|counselor|chargé|charge|attaché|attache|"
    r"consul|envoy|(?:first|second|third)\s+secretary)|(?:recorded|record\s+made|prepared|"
    r"drafted|compiled|written)\s+by)\b",
    re.I,
)
#: A signature that names the note-taker ("Recorded by Wang Fang").
RECORDED = re.compile(r"^\s*(?:recorded|record\s+made|minutes\s+taken|notes?\s+taken)\s+by\b", re.I)
_RECORDED_BY = re.compile(
    r"^\s*(?:\[?signed\]?|/s/)?\s*(?:(?:recorded|record\s+made|prepared|drafted|compiled|written)"
    r"\s+by\s*:?)?\s*",
    re.I,
)
# A word that closes a phrase: punctuation after it, except the stop of an initial ("N.P.").
_ENDS_PHRASE = re.compile(r"[,;:]$|(?<![\W\d_])(?<!\b[^\W\d_])(?<!\b[^\W\d_]{2})\.$")


def _name_in_parentheses(text: str) -> str | None:
    """A name written in parentheses, as signatures do: "(A. ALEKSEYEV)", "(Paul Wandel)"."""
    for found in _PARENTHESES.finditer(text):
        words = found.group("name").split()
        if 1 <= len(words) <= 4 and all(w[:1].isupper() for w in words):
            return clean(found.group("name"))
    return None


def _signature_like(text: str, in_block: bool) -> bool:
    """True for a line of a closing signature block; ``in_block``: a line below already is."""
    words = text.split()
    if len(words) > 16 or (is_prose(text) and not _name_in_parentheses(text)):
        return False
    letters = [c for c in text if c.isalpha()]
    upper = sum(1 for c in letters if c.isupper())
    capitalised = [w for w in words if w[:1].isupper()]
    # "János Beck" below a closing formula; "Chinese Embassy in Hanoi" signing a cable.
    name_line = in_block and len(words) <= 4 and len(capitalised) == len(words)
    title_case = (
        len(words) <= 8
        and len(capitalised) >= 2
        and all(w[:1].isupper() or w in OPEN_WORDS for w in words)
    )
    return bool(
        _name_in_parentheses(text)
        or INITIALS_NAME.match(text)
        or _SIGN_WORDS.match(text)
        or _CLOSING.match(text)
        or (len(letters) >= 4 and upper >= 0.7 * len(letters))
        or ((name_line or title_case) and not SENTENCE_END.search(text))
    )


def split_signature(lines: list[Line]) -> int:
    """Index where the closing signature block starts (``len(lines)`` when there is none)."""
    start = len(lines)
    while start > 0:
        text, in_block = lines[start - 1].text, start < len(lines)
        if not (_signature_like(text, in_block) or (in_block and is_date_line(text))):
            break
        start -= 1
    while start < len(lines) and is_date_line(lines[start].text):
        start += 1
    if start == len(lines) and lines and _bare_signer(lines):
        start -= 1
    return start


def _bare_signer(lines: list[Line]) -> bool:
    """A record signed with a bare name on its last line ("Riedel"), named in full above.

    A short capitalised line without a full stop counts only when the record
    names that person with a given name or initials ("Comrade Gerhard
    Riedel"), so a closing place name or a heading is not taken for a signer.
    """
    text = lines[-1].text
    words = text.split()
    if not 1 <= len(words) <= 3 or SENTENCE_END.search(text) or is_header_mark(text):
        return False
    if not all(w[:1].isupper() for w in words) or any(c.isdigit() for c in text):
        return False
    return fuller_name(words[-1], " ".join(line.text for line in lines[:-1])) is not None


def fuller_name(surname: str, text: str) -> str | None:
    """The fullest name ``text`` gives a person named by ``surname`` alone.

    >>> fuller_name("Riedel", "The head of the department, Comrade Gerhard Riedel, took part.")
    'Gerhard Riedel'
    >>> fuller_name("Moscow", "He promised to inform Moscow.") is None
    True
    """
    for found in re.finditer(rf"(?<!\w){re.escape(surname)}(?!\w)", text):
        before = text[max(0, found.start() - 80) : found.start()].split()[-4:]
        for size in range(len(before), 0, -1):  # "Embassy Viktor Grigoryev": the longest name
            words = before[-size:]
            if not words[0][:1].isupper() or any(_ENDS_PHRASE.search(w) for w in words):
                continue
            name, _ = parse_person(" ".join([*words, surname]))
            if name and name.split()[-1] == surname and len(name.split()) > 1:
                return name
    return None


def signature_lines(lines: list[Line]) -> list[Line]:
    """The lines of a signature block that sign: not dates, not "With comradely greetings:"."""
    return [line for line in lines if not (is_date_line(line.text) or _CLOSING.match(line.text))]


def signature_name(signature: str) -> str | None:
    """The signer's name in a signature ("... (A. ALEKSEYEV)" -> "A. ALEKSEYEV").

    >>> signature_name("Imre Szabó chargé d'affaires a.i."), signature_name("Recorded by Wang Fang")
    ('Imre Szabó', 'Wang Fang')
    """
    if name := _name_in_parentheses(signature):
        return name
    words = signature.split()
    for size in (4, 3, 2):  # "USSR AMBASSADOR TO THE DPRK A. M. PUZANOV"
        if len(words) >= size and INITIALS_NAME.match(tail := " ".join(words[-size:])):
            return tail
    signature = _RECORDED_BY.sub("", signature)
    name, _ = parse_person(signature)  # "Imre Szabó chargé d'affaires a.i.", "Dr. Lajos Bíró"
    return name


def same_person(a: str, b: str) -> bool:
    """Whether two spellings name one person: a family name shared, given names not at odds.

    >>> same_person("S.A. Tovmasyan", "S. TOVMASYAN"), same_person("Zhang Wentian", "Zhang")
    (True, True)
    >>> same_person("Kim Il Sung", "Kim Chang-su"), same_person("Fidel Castro Ruz", "Raúl Castro")
    (False, False)
    """
    wa, wb = _name_words(a), _name_words(b)
    long_a = [w for w in wa if len(w) > 1]
    long_b = [w for w in wb if len(w) > 1]
    if not long_a or not long_b:
        return False
    for family in (long_a[-1], long_b[-1]):
        if family in wa and family in wb:
            given_a, given_b = wa[: wa.index(family)], wb[: wb.index(family)]
            return not (given_a and given_b and given_a[0][0] != given_b[0][0])
    return False


def _name_words(name: str) -> list[str]:
    """Folded words of a name, initials as single letters, honorifics and offices kept out."""
    person, _ = parse_person(name)
    words = fold(person or name).lower().replace(".", " ").split()
    return [w for w in words if w.isalpha() or "-" in w]
