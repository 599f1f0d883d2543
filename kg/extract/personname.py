"""A personal name as written -> its parts: given name, family name, initials, title.

Records name the same person many ways ("A. I. ALEKSEYEV", "Alekseyev, A. I.",
"Ambassador Alekseev", "Castro's").  These functions only take a name apart and
compare parts; they need no authority data, so the resolver
(:mod:`kg.extract.names`), mention finding and the source-specific extractors can
all use them.  The vocabularies they test words against are in
:mod:`kg.extract._namewords`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from kg.authority import PARTICLES, label_key, variant_key
from kg.extract._namewords import (
    DIGRAPH_INITIALS,
    DOTTED_TITLES,
    FUNCTION_WORDS,
    INSTITUTION_WORDS,
    LEADING_ARTICLES,
    PREPOSITIONS,
    SUFFIXES,
    TITLE_WORDS,
)

__all__ = [
    "POSSESSIVE",
    "PersonName",
    "clean_person_name",
    "given_compatible",
    "is_initial",
    "is_leading_office",
    "is_title",
    "name_bounds",
    "word_key",
]

_INITIALS_GLUED = re.compile(r"(?<=\b[^\W\d_])\.(?=[^\W\d_])|(?<=\b[^\W\d_]{2})\.(?=[^\W\d_]\.)")
#: A possessive ending ("Castro's", "Castro’s", "Khrushchevs'"), cut off names.
POSSESSIVE = re.compile(r"['’](?:s\b)?$", re.IGNORECASE)


@lru_cache(maxsize=1 << 16)
def word_key(word: str) -> str:
    """A word folded and without punctuation, for vocabulary tests.

    >>> word_key("Cde.")
    'cde'
    """
    return label_key(word).replace(" ", "")


def is_initial(word: str) -> bool:
    """Whether a word is an initial: "A.", "Yu.", or a lone capital "F".

    >>> [is_initial(w) for w in ("A.", "Yu.", "F", "Dr.", "Roa")]
    [True, True, True, False, False]
    """
    core = word[:-1] if word.endswith(".") else word
    if not core.isalpha() or not core[0].isupper():
        return False
    return len(core) == 1 or (word.endswith(".") and core.lower() in DIGRAPH_INITIALS)


def is_title(word: str) -> bool:
    """Whether a word is an honorific or office word ("Comrade", "Cde.", "Sen.").

    >>> [is_title(w) for w in ("Comrade", "Cde.", "Sen.", "Sen", "Castro")]
    [True, True, True, False, False]
    """
    key = word_key(word)
    return key in TITLE_WORDS or (word.endswith(".") and key in DOTTED_TITLES)


def _is_acronym(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return 2 <= len(letters) <= 5 and all(c.isupper() for c in letters)


def name_bounds(words: Sequence[str]) -> tuple[int, int]:
    """The slice of ``words`` that is the name once titles and offices are cut off.

    A title is recognised at the start ("Soviet Ambassador in Cuba ...",
    "First Secretary of the CC of the PUWP ...") with its object after "of",
    "in", "for"; a title after the name ("Fidel Castro Prime Minister") is cut
    too.  At least one word is always left.

    >>> name_bounds("Prime Minister of the Republic of Cuba Fidel Castro Ruz".split())
    (7, 10)
    >>> name_bounds("Minister of Foreign Affairs Raul Roa".split())
    (4, 6)
    >>> name_bounds(["Martin", "Luther", "King"])
    (0, 3)
    """
    end = len(words)
    while end > 1 and word_key(words[end - 1]) in SUFFIXES:
        end -= 1
    start = 0
    while start < end - 1 and word_key(words[start]) in LEADING_ARTICLES:
        start += 1
    shouting = all(w.isupper() for w in words if any(c.isalpha() for c in w))
    modified = start + 1 < end - 1 and is_title(words[start + 1])  # "Soviet Ambassador X"
    if start < end - 1 and (is_title(words[start]) or modified):
        i = start + 1
        while i < end - 1 and (is_title(words[i]) or word_key(words[i]) in INSTITUTION_WORDS):
            i += 1
        if i < end - 1 and word_key(words[i]) in PREPOSITIONS:
            i = _skip_object(words, i, end, shouting=shouting)
        start = i
    else:
        for t in range(start + 1, end - 1):
            if is_title(words[t]):
                end = t
                break
    while (
        start < end - 1
        and not is_initial(words[start])
        and word_key(words[start]) in INSTITUTION_WORDS | FUNCTION_WORDS
    ):
        start += 1
    return start, end


def _skip_object(words: Sequence[str], i: int, end: int, *, shouting: bool) -> int:
    """Skip "of the Republic of Cuba" after a title; a bare proper noun right
    after a preposition is taken as a country ("of India", "in Cuba")."""
    previous = ""
    while i < end - 1:
        word, key = words[i], word_key(words[i])
        vocabulary = not is_initial(word) and (key in FUNCTION_WORDS or key in INSTITUTION_WORDS)
        # An acronym (CPSU, DRV) unless only capitals follow: "the DRV PHAM VAN DONG".
        acronym = (
            not shouting
            and _is_acronym(word)
            and any(is_initial(w) or not w.isupper() for w in words[i + 1 : end])
        )
        proper = not is_initial(word) and (acronym or previous in FUNCTION_WORDS)
        if not (vocabulary or proper):
            break
        previous = key
        i += 1
    return i


@dataclass(frozen=True)
class PersonName:
    """A personal name split into parts; ``title`` keeps the words cut off."""

    given: str
    family: str
    initials: tuple[str, ...]
    display: str
    title: str = ""

    @property
    def given_words(self) -> tuple[str, ...]:
        return tuple(self.given.split())


def _recase(word: str, *, first: bool) -> str:
    """Title-case an all-capitals or lower-case word; keep mixed case as written."""
    if is_initial(word):
        core = word.rstrip(".")
        return core[0].upper() + core[1:].lower() + "."
    if word.lower() in PARTICLES and (word.islower() or (word.isupper() and not first)):
        return word.lower()
    if word.isupper() or word.islower():
        return re.sub(r"(^|[-'’])(\w)", lambda m: m.group(1) + m.group(2).upper(), word.lower())
    return word


def _arrange(raw: str) -> tuple[list[str], str, int]:
    """Name words in given-then-family order, the title words, and how many of
    the last words are known to be the family name (0: decide later).

    A comma either inverts a name ("Castro Ruz, Fidel", "Darusenkov, O. T.")
    or separates a name from its office ("Fidel Castro, Prime Minister").
    """
    left, comma, right = (part.strip() for part in raw.partition(","))
    if comma and right:
        lw, rw = left.split(), right.split()
        left_title = any(is_title(w) for w in lw)
        right_title = any(is_title(w) for w in rw)
        inverted = all(is_initial(w) for w in rw) or (
            not left_title and not right_title and len(lw) <= 3 and len(rw) <= 3
        )
        if inverted:
            start, end = name_bounds(lw)
            title = " ".join([*lw[:start], *lw[end:]])
            return [*rw, *lw[start:end]], title, end - start
        if left_title and not right_title:
            lw, right = rw, left
    else:
        lw, right = left.split(), ""
    start, end = name_bounds(lw)
    title = " ".join([*lw[:start], *lw[end:], right]).strip()
    words = lw[start:end]
    if len(words) >= 2 and not is_initial(words[0]) and all(is_initial(w) for w in words[1:]):
        return [*words[1:], words[0]], title, 1  # "Kudryavtsev S. M."
    return words, title, 0


@lru_cache(maxsize=1 << 14)
def clean_person_name(text: str) -> PersonName:
    """Reduce a personal name as written to its parts and a display form.

    Titles and honorifics are cut off, inverted names ("Family, Given") put in
    order, glued initials spaced, all-capital words re-cased, possessives
    dropped.  Comparison elsewhere is on :func:`kg.ids.fold`, so diacritics
    are kept in the display.

    >>> clean_person_name("Fidel CASTRO RUZ").display
    'Fidel Castro Ruz'
    >>> clean_person_name("A.I. Alekseyev").initials
    ('A', 'I')
    >>> clean_person_name("Comrade Wiesław").family
    'Wiesław'
    >>> clean_person_name("Castro’s").display
    'Castro'
    """
    raw = re.sub(r"[()\[\]{}*\"“”«»]", " ", text)
    raw = " ".join(raw.replace("’", "'").split()).strip(" ,;:")
    raw = POSSESSIVE.sub("", raw).strip(" ,;:")
    raw = _INITIALS_GLUED.sub(". ", raw)
    words, title, family_count = _arrange(raw)
    if all(is_title(w) or word_key(w) in LEADING_ARTICLES for w in words):
        return PersonName("", "", (), "", raw)  # "The President": an office, no name
    name = [_recase(w, first=i == 0) for i, w in enumerate(words)]
    split = len(name) - family_count if family_count else len(name) - 1
    while not family_count and split > 0 and name[split - 1] in PARTICLES:
        split -= 1
    if not family_count and len(name) == 2 and name[0].lower() in PARTICLES:
        split = 0  # "De Gaulle", "DA SILVA": a particle opens the family name
    given_words, family_words = name[:split], name[split:]
    initials = tuple(w.rstrip(".") if is_initial(w) else w[0].upper() for w in given_words)
    given, family = " ".join(given_words), " ".join(family_words)
    return PersonName(given, family, initials, f"{given} {family}".strip(), title)


def _word_compatible(a: str, b: str) -> bool:
    """Two given-name words agree: equal (modulo spelling), or initial vs name."""
    ka, kb = word_key(a), word_key(b)
    if not ka or not kb:
        return True
    if is_initial(a) or is_initial(b) or len(ka) <= 2 or len(kb) <= 2:
        short, long = sorted((ka, kb), key=len)
        return long.startswith(short) or variant_key(long).startswith(variant_key(short))
    if ka == kb or variant_key(ka) == variant_key(kb):
        return True
    short, long = sorted((ka, kb), key=len)
    return len(short) >= 3 and long.startswith(short)


def given_compatible(mention: Sequence[str], known: Sequence[str]) -> bool:
    """Whether two given-name word lists can name the same person.

    >>> given_compatible(["A.", "I."], ["Aleksandr", "Ivanovich"])
    True
    >>> given_compatible(["R."], ["Fidel"])
    False
    """
    return all(_word_compatible(a, b) for a, b in zip(mention, known, strict=False))


_LEADING_OFFICE = re.compile(
    r"^(?:(?!vice|deputy)[\w.'-]+\s+){0,2}?"
    r"(?:president|prime minister|premier|chancellor|first secretary|general secretary|"
    r"chairman of the council of ministers|chairman of the (?:state|people'?s|presidium)|"
    r"king|queen|emperor|shah|head of state)\b",
    re.IGNORECASE,
)


def is_leading_office(label: str) -> bool:
    """Whether an office is the leadership of a state, government or ruling party.

    >>> is_leading_office("President of the United States")
    True
    >>> is_leading_office("Soviet Premier")
    True
    >>> is_leading_office("Vice President of the United States")
    False
    >>> is_leading_office("Attorney General of the United States")
    False
    """
    return _LEADING_OFFICE.match(label.strip()) is not None and not re.search(
        r"\b(?:vice|deputy)\b", label, re.IGNORECASE
    )
