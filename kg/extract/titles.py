"""Titles and names written as one string: "Prime Minister Kishi", "Soviet Premier Khrushchev".

The Office of the Historian data name people with their office in front
("General Secretary Leonid I. Brezhnev"), sometimes two in one string
("President Francesco Cossiga and Prime Minister Giulio Andreotti", "King
Abdullah and Crown Prince Hussein"), sometimes with one title shared by two
offices of one person ("Premier and Prince Sihanouk").  The name resolver
needs the name and the office apart: the name to look up, the office to tell
two persons of one surname apart.  The rules here are generic -- a
vocabulary of office *words*, never of names:

* the title is the longest run of office words at the start ("Governor
  General", "Chief of State", "President of the Council of Ministers"); a
  word one letter short of an office word is a typo of it ("Minster");
* at least one word is always left for the name ("Prime Minister King");
* styles of nobility and honorifics (Lord, Earl, Sheikh, Haji, Dom) belong
  to the name ("Governor General Earl of Athlone" -> "Earl of Athlone");
* in running text a capitalised qualifier may precede the office
  ("Soviet Premier", "NATO Secretary General"), and the name ends at the
  first word that cannot be part of a name ("President Iliescu in Bucharest").

Results are cached: the same strings recur thousands of times in the data.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kg.authority import PARTICLES, word_set
from kg.ids import fold

__all__ = ["TitledName", "is_office_word", "split_names", "split_qualifier"]


#: Words of offices and ranks (folded).  "of", "for", "the" join them ("Chief of State").
OFFICE_WORDS = word_set(
    "president premier prime minister chancellor king queen emperor empress shah sultan amir "
    "emir pope patriarch ecumenical cardinal archbishop prince princess crown regent grand duke "
    "duchess archduke governor general secretary chairman chairwoman chair co vice deputy first "
    "second acting interim provisional transitional federal head chief junta member brigadier "
    "lieutenant colonel admiral marshal field major commander supreme leader speaker mayor "
    "director commissioner high envoy special ambassador senator foreign defense defence state "
    "affairs external relations council ministers presidency presidium executive committee "
    "national security adviser advisor assistant under undersecretary taoiseach elect designate "
    "his her majesty highness royal excellency finance trade economy interior party central "
    "government republic assembly parliament military revolutionary armed forces staff joint "
    "chiefs cabinet principal senior generalissimo representative"
)
_JOINERS = word_set("of for the")
#: Sovereigns' titles: after another office they begin the name ("Prime Minister Shah Mahmud").
_SOVEREIGNS = word_set("king queen emperor empress shah sultan amir emir")
#: Styles that are part of a name as the world writes it ("Lord Tweedsmuir", "Sheikh Zayed").
_NAME_STYLES = word_set("lord lady sir dame earl viscount baron marquess sheikh sheik haji dom")
_SUFFIX = re.compile(r",\s*(Jr\.?|Sr\.?|[2-4](?:nd|rd|th)|I{1,3}V?|IV)(?=$|[\s,;])")
_ORDINALS = {"2nd": "II", "3rd": "III", "4th": "IV"}
_NICKNAME = re.compile(r"\s*\(([^()]*)\)")
_BROKEN_HYPHEN = re.compile(r"(\w)-\s+(?=\w)")  # "President- elect", "al- Abadi"
_GLUED = re.compile(r"\b([A-Z][a-z]{2,})(?=[A-Z][a-z])")  # "MinisterHaidar"
_SEPARATOR = re.compile(r"\s*,\s*(?:and\s+)?|\s+(?:and|&)\s+|\s*&\s*")
_ROMAN = re.compile(r"^[IVX]+\.?$")


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


#: Typos of office words of six letters or more: one letter dropped ("Minster") or added
#: ("Ministere").
_TYPOS = frozenset(d for w in OFFICE_WORDS if len(w) >= 6 for d in _deletions(w))


def _is_typo(key: str) -> bool:
    if key in _NAME_STYLES:
        return False
    return key in _TYPOS or (len(key) >= 7 and any(d in OFFICE_WORDS for d in _deletions(key)))


def _key(word: str) -> str:
    return re.sub(r"[^a-z]", "", fold(word))


@lru_cache(maxsize=16384)
def is_office_word(word: str) -> bool:
    """Whether ``word`` is an office word, or a hyphenated compound of them.

    >>> [is_office_word(w) for w in ("Premier", "President-elect", "Minister-Prince", "Minster")]
    [True, True, True, True]
    >>> is_office_word("Ministere")
    True
    >>> [is_office_word(w) for w in ("Kishi", "Willem-Alexander", "Lord", "of")]
    [False, False, False, False]
    """
    parts = [_key(p) for p in word.split("-") if p]
    if not parts:
        return False
    return all(p in OFFICE_WORDS or _is_typo(p) for p in parts)


@dataclass(frozen=True)
class TitledName:
    """A person as written: office (``None`` when none is given), name, and a nickname
    written in parentheses ("Rudolphus F. M. (Ruud) Lubbers" -> "Ruud")."""

    title: str | None
    name: str
    nickname: str | None = None


def _title_end(words: list[str], start: int) -> int:
    """Index after the office words starting at ``start`` ("Chief of State Hubert" -> 3)."""
    i = start
    while i < len(words):
        if is_office_word(words[i]) and (i == start or _key(words[i]) not in _SOVEREIGNS):
            i += 1
            continue
        if i > start and _key(words[i]) in _JOINERS:
            j = i
            while j < len(words) and _key(words[j]) in _JOINERS:
                j += 1
            if j < len(words) and words[j][:1].isupper():
                i = j + 1  # the object of "of": "of State", "of the Council", "of Austria"
                continue
        break
    return i


def _nameword_set(words: list[str], start: int, *, running: bool) -> list[str]:
    """The name words from ``start``; in running text they end at a non-name word."""
    if not running:
        return words[start:]
    name: list[str] = []
    for word in words[start:]:
        core = word.strip(".,;:")
        if not core:
            break
        head = core.split("-")[0].split("'")[0].split("’")[0]
        if core[:1].isupper() or _key(head) in PARTICLES or _ROMAN.match(core):
            name.append(word)
            continue
        break
    while name and _key(name[-1]) in PARTICLES:
        name.pop()
    return name


def _read_item(words: list[str], *, running: bool, last: bool) -> tuple[str | None, list[str]]:
    """(title, name words) of one person's words; ``last``: no item follows."""
    readings: list[int] = []
    if running and words and not is_office_word(words[0]):
        for q in range(1, min(3, len(words) - 1) + 1):
            if is_office_word(words[q]):
                readings.append(q)  # a qualifier: "Soviet Premier", "NATO Secretary General"
                break
    readings.append(0)
    for start in readings:
        end = _title_end(words, start) if start or is_office_word(words[0]) else 0
        if start and end == start:
            continue
        if not running and last:
            end = min(end, len(words) - 1)  # "Prime Minister King": a name is always left
        name = _nameword_set(words, end, running=running)
        if name or not start:
            title = " ".join(words[:end]) or None
            return title, name
    return None, []


def _normalise(text: str) -> tuple[str, list[str]]:
    text = " ".join(text.split())
    text = _BROKEN_HYPHEN.sub(r"\1-", text)
    text = _GLUED.sub(lambda m: m.group(1) + (" " if is_office_word(m.group(1)) else ""), text)
    text = _SUFFIX.sub(lambda m: " " + _ORDINALS.get(m.group(1), m.group(1)), text)
    nicknames = [m.group(1).strip() for m in _NICKNAME.finditer(text)]
    return _NICKNAME.sub("", text), nicknames


@lru_cache(maxsize=8192)
def split_names(text: str, *, running: bool = False) -> tuple[TitledName, ...]:
    """The persons a string names, each as (title, name).

    ``running`` reads a list inside prose ("President Mobutu and senior
    Congolese officials"): items must begin with a capital, may carry a
    qualifier before the office, and a name ends at the first word that
    cannot belong to it; an item without a title must be a name of two words or
    more and nothing else ("West Berlin officials" is not a person).

    >>> split_names("Prime Minister Kishi")
    (TitledName(title='Prime Minister', name='Kishi', nickname=None),)
    >>> [(p.title, p.name) for p in split_names("Premier and Prince Sihanouk")]
    [('Premier and Prince', 'Sihanouk')]
    >>> [(p.title, p.name) for p in split_names("King Abdullah and Crown Prince Hussein")]
    [('King', 'Abdullah'), ('Crown Prince', 'Hussein')]
    >>> [(p.title, p.name) for p in split_names("Governor General Earl of Athlone")]
    [('Governor General', 'Earl of Athlone')]
    >>> split_names("President Benigno S. Aquino, 3rd")[0].name
    'Benigno S. Aquino III'
    >>> split_names("Prime Minister Willem (Wim) Kok")[0]
    TitledName(title='Prime Minister', name='Willem Kok', nickname='Wim')
    >>> [(p.title, p.name) for p in split_names(
    ...     "President Schaerf and Soviet Premier Khrushchev in Vienna", running=True)]
    [('President', 'Schaerf'), ('Soviet Premier', 'Khrushchev')]
    >>> split_names("senior Tunisian officials", running=True)
    ()
    """
    body, nicknames = _normalise(text)
    people: list[TitledName] = []
    pending: list[str] = []
    items = _SEPARATOR.split(body.strip(" .;:"))
    for n, item in enumerate(items, start=1):
        words = item.split()
        if running and len(words) > 1 and words[0] == "the" and is_office_word(words[1]):
            words = words[1:]  # "met with the Prime Minister Benjamin Netanyahu"
        if not words or (running and not words[0][:1].isupper()):
            pending = []
            continue
        title, name = _read_item(words, running=running, last=n == len(items))
        if not name:
            if title and len(words) == len(title.split()):
                pending.append(title)  # "Premier and Prince Sihanouk": the title is shared
            continue
        if running and title is None and (len(name) < 2 or len(name) < len(words)):
            pending = []
            continue
        if pending:
            title = " and ".join([*pending, title] if title else pending)
            pending = []
        name_text = " ".join(name).rstrip(",;:")
        if name_text.endswith(".") and not re.search(r"\b\w\.$|Jr\.$|Sr\.$", name_text):
            name_text = name_text[:-1]
        nickname = next((n for n in nicknames if n and n in item), None)
        if nickname is None and len(nicknames) == 1 and len(people) == 0:
            nickname = nicknames[0] or None
        people.append(TitledName(title, name_text, nickname))
    return tuple(people)


def split_qualifier(title: str | None) -> tuple[str | None, str | None]:
    """A title's qualifier (the words before its first office word) and the office.

    >>> split_qualifier("Soviet Premier")
    ('Soviet', 'Premier')
    >>> split_qualifier("Palestinian Authority President")
    ('Palestinian Authority', 'President')
    >>> split_qualifier("Prime Minister")
    (None, 'Prime Minister')
    """
    if not title:
        return None, title
    words = title.split()
    for i, word in enumerate(words):
        if is_office_word(word):
            return (" ".join(words[:i]) or None), " ".join(words[i:])
    return None, title
