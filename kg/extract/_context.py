"""Context rules that tell a capitalised name from what it is part of.

The mention passes (:mod:`kg.extract.mentions`) ask these questions about the
words around a match: is a place word part of the name of something else
("the Geneva agreements", "Department of the USSR", "Thai Nguyen",
"translated from French"), and are two capitalised words without a title a
place rather than a person ("at Ap Bac", "the Point Salines airport")?
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from kg.authority import PARTICLES, word_set
from kg.extract._namewords import INSTITUTION_WORDS, NAME_HEADS, NAMED_AFTER_PLACE, PLACE_NOUNS
from kg.extract.personname import is_initial, word_key

if TYPE_CHECKING:
    from kg.extract.mentions import _Scan as Scan

_NAMED_AFTER = re.compile(rf"[ \t]+(?:{'|'.join(sorted(NAMED_AFTER_PLACE))})\b", re.I)
_SPIRIT_OF = re.compile(r"\bspirit\s+of\s+(?:the\s+)?[\"“']?$", re.I)
_BODY_AFTER = re.compile(
    r"(?:,?\s+(?:and|or)\s+[^\W\d_]+)?\s+(?:governments?|embass(?:y|ies)|legations?"
    r"|consulates?|ministry|ministries|army|armies|party|parties)\b"
)
_LANGUAGE_AFTER = re.compile(r"\s+language\b", re.I)
_TRANSLATED = re.compile(r"\b(?:translat|interpret)\w*\b[^.;:]{0,40}\b(?:from|into|in)\s+$", re.I)
_LOCATIVE = re.compile(
    r"(?:\b(?:at|in|to|from|near|into)|\b(?:town|city|village|province|provinces|region"
    r"|district|districts|island|port)\s+of(?:\s+the)?)\s+$",
    re.I,
)
_PLACE_NOUN_AFTER = re.compile(
    rf"[ \t]+(?:[a-z]+(?:al|ic|ary|ar|an|ese|ern)[ \t]+)?(?:{'|'.join(sorted(PLACE_NOUNS))})\b"
)
_LISTED = re.compile(r"\s*(?:,|,?\s+(?:and|or))\s*")
_PLACE_WORDS = NAMED_AFTER_PLACE | word_set(
    "airport airfield province delta river district plateau"
)


def not_the_place(scan: Scan, first: int, last: int, *, hidden: bool) -> bool:
    """A place word that names something else: an agreement or a conference
    ("the Geneva agreements", "the spirit of Camp David"), an organization or
    a place ("Department of the USSR", "Gulf of Thailand"), a language
    ("translated from French") or a body of the country ("the Hungarian government")."""
    named = not hidden and scan.after(last, _NAMED_AFTER)  # not "the Soviet declaration"
    if named or scan.before(first, _SPIRIT_OF) or _after_head(scan, first):
        return True
    return hidden and (
        scan.after(last, _LANGUAGE_AFTER)
        or scan.after(last, _BODY_AFTER)
        or scan.before(first, _TRANSLATED, 80)
    )


def part_of_name(scan: Scan, last: int, *, hidden: bool) -> bool:
    """A demonym right before a capitalised word that is no noun of a title
    or an institution opens a name ("Thai Nguyen", "Lao Cai")."""
    following = last + 1
    if not hidden:
        return False
    if (
        not scan.name_like(following)
        or scan.text[scan.tokens[last].end : scan.starts[following]] != " "
    ):
        return False
    node = scan.matcher.root.children.get(scan.tokens[following].key)
    return node is None or not any(h.entity.kind == "place" for h in node.hits)


def _after_head(scan: Scan, first: int) -> bool:
    """Whether a capitalised "Department of", "Gulf of" ... leads up to token ``first``."""
    j, of = first - 1, False
    while j >= 0 and first - j <= 8 and scan.joined(j, lines=False):
        token, owner = scan.tokens[j], scan.owner[j]
        if owner is not None and owner.kind == "person":
            return False
        if token.cap and token.base_key in NAME_HEADS:
            return of
        if token.base_key == "of":
            of = True
        elif not (token.cap or token.base_key in {"the", "and"}):
            return False
        j -= 1
    return False


def acronym_before_name(scan: Scan, i: int) -> bool:
    """An acronym before a name in mixed case or initials ("SED H. Axen", not "UN IL")."""
    following = scan.tokens[i + 1]
    return scan.acronym(scan.tokens[i]) and (following.initial or not following.text.isupper())


def place_like(scan: Scan, first: int, last: int, words: Sequence[str], place: int | None) -> bool:
    """Capitalised words without a title that name a place or a thing: after
    "at", "to", "the town of" ("at Ap Bac"), before "airport", "province"
    ("the Point Salines airport"), with "Agreement" ("Quadripartite
    Agreement"), or listed after such a place ("provinces of X and Y")."""
    if any(is_initial(w) for w in words) or scan.tokens[last].base_end != scan.tokens[last].end:
        return False
    if named_thing(scan, first, last) or scan.before(first, _LOCATIVE):
        return True
    if place is None:
        return False
    return _LISTED.fullmatch(scan.text, scan.tokens[place].end, scan.starts[first]) is not None


def named_thing(scan: Scan, first: int, last: int) -> bool:
    """Capitalised words before "airport", "province" ... or with "Agreement"."""
    words = [scan.tokens[k].base_key for k in range(first + 1, last + 1)]
    return any(w in _PLACE_WORDS for w in words) or scan.after(last, _PLACE_NOUN_AFTER)


def looks_like_name(words: Sequence[str]) -> bool:
    if any(word_key(w) in INSTITUTION_WORDS for w in words):
        return False
    initials = sum(w.endswith(".") and is_initial(w) for w in words)
    names = [w for w in words if not is_initial(w) and w not in PARTICLES]
    if initials == 0 and all(w.isupper() for w in names):
        return False  # a heading in capitals
    return 2 <= len(names) <= 3 or (initials >= 1 and 1 <= len(names) <= 2)
