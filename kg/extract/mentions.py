"""Persons, organizations and places named in running text (``dip:mentions``).

Three passes over one tokenisation of the text, each claiming tokens the
later passes skip:

1. authority labels, alternative and hidden labels (demonyms, given-name
   forms) through a token trie built once per :class:`~kg.authority.Authority`
   -- longest match wins, so "Cuban" inside a longer label never counts twice;
2. capitalised family names of authority persons ("the Kennedy government",
   "Castro's"), widened to the given names or initials written before them;
3. capitalised name patterns that match nothing -- after a title or office
   ("Ambassador Olivares", "Minister of Foreign Affairs Raul Roa") or two to
   three capitalised words inside a sentence -- reported as ``unlinked`` for
   the review queue.

Everything goes through a :class:`~kg.extract.names.NameResolver`, so an
ambiguous or unknown name never becomes a guessed entity.  The tokens and the
label trie are built in :mod:`kg.extract._tokens`, the rules on the words
around a name (place or person, part of another name) in
:mod:`kg.extract._context`; :func:`absent_persons`
(:mod:`kg.extract.absence`) reads the same tokens and is re-exported here.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Literal

from kg.authority import PARTICLES, word_set
from kg.extract import _context as context
from kg.extract._namewords import COMMON_CAPS, FUNCTION_WORDS, INSTITUTION_WORDS, MONTHS_AND_DAYS
from kg.extract._tokens import LabelHit, LabelNode, Token, TokenizedText, sentence_spans, tokenize
from kg.extract.absence import absent_persons
from kg.extract.names import NameResolver, Resolution
from kg.extract.personname import name_bounds, word_key

__all__ = [
    "Mention",
    "MentionKind",
    "MentionStatus",
    "absent_persons",
    "find_mentions",
    "tokenize",
]

MentionKind = Literal["person", "organization", "place"]
MentionStatus = Literal["resolved", "ambiguous", "unlinked"]
_KIND_ORDER: tuple[MentionKind, ...] = ("person", "organization", "place")
_LETTER = re.compile(r"[^\W_]")
_NOT_NAME = COMMON_CAPS | MONTHS_AND_DAYS | INSTITUTION_WORDS
_GOVERNMENT_AFTER = re.compile(r"\s+(?:government|administration|regime|cabinet)\b", re.I)
_HEAD_OF_GOVERNMENT = "President Prime Minister Premier Chancellor Chairman King"
_REGION_WORDS = word_set(
    "north south east west central latin middle far near northern southern eastern western"
)


@dataclass(frozen=True)
class Mention:
    """A name found in the text; ``slug`` is minted unless ``status`` is resolved."""

    kind: MentionKind
    slug: str
    surface: str
    start: int
    end: int
    sentence: str
    status: MentionStatus
    candidates: tuple[str, ...] = ()


class _Scan(TokenizedText):
    """State of one :func:`find_mentions` call."""

    def __init__(self, text: str, resolver: NameResolver) -> None:
        super().__init__(text, resolver.authority)
        self.resolver = resolver
        self._sentence_text: dict[int, str] = {}
        self.owner: list[Mention | None] = [None] * len(self.tokens)
        self.sentences = sentence_spans(text)
        self.sentence_starts = [s for s, _ in self.sentences]
        self.mentions: list[Mention] = []
        self.static_name = [
            t.initial
            or t.text in PARTICLES
            or (t.cap and t.text[0].isalpha() and not t.title and t.base_key not in _NOT_NAME)
            for t in self.tokens
        ]

    def sentence_of(self, offset: int) -> tuple[int, int]:
        index = max(bisect.bisect_right(self.sentence_starts, offset) - 1, 0)
        return self.sentences[index]

    def sentence_text(self, offset: int) -> str:
        start, end = self.sentence_of(offset)
        if start not in self._sentence_text:
            self._sentence_text[start] = " ".join(self.text[start:end].split())
        return self._sentence_text[start]

    def add(
        self,
        kind: MentionKind,
        first: int,
        last: int,
        res: Resolution,
        *,
        claim: bool = True,
        record: bool = True,
    ) -> None:
        """Record a mention of tokens first..last (``claim``: they are taken);
        ``record=False`` only takes them, for words that name no entity here."""
        start = self.tokens[first].start
        end = self.name_end(last) if kind == "person" else self.tokens[last].base_end
        status: MentionStatus = "unlinked" if res.status == "new" else res.status
        mention = Mention(
            kind=res.entity.kind if res.entity else kind,
            slug=res.slug,
            surface=self.text[start:end],
            start=start,
            end=end,
            sentence=self.sentence_text(start),
            status=status,
            candidates=tuple(c.slug for c in res.candidates),
        )
        if record:
            self.mentions.append(mention)
        for i in range(first if claim else last + 1, last + 1):
            self.owner[i] = mention

    def free(self, i: int) -> bool:
        return 0 <= i < len(self.tokens) and self.owner[i] is None

    def name_like(self, i: int) -> bool:
        return 0 <= i < len(self.tokens) and self.owner[i] is None and self.static_name[i]

    def run_like(self, i: int) -> bool:
        """Name-like, or an institution word: "Lao Patriotic Front" is one run
        (and then no name), not the name "Lao Patriotic"."""
        if self.name_like(i):
            return True
        token = self.tokens[i] if self.free(i) else None
        return token is not None and token.cap and token.base_key in INSTITUTION_WORDS

    def title_before(self, first: int) -> tuple[int, str] | None:
        """The title or office written right before token ``first``, if any."""
        found, j = None, first - 1
        while j >= 0 and first - j <= 12 and self.joined(j):
            token, owner = self.tokens[j], self.owner[j]
            if owner is not None and owner.kind == "person":
                break
            if token.title:
                found = j
            elif not (
                owner is not None
                or token.cap
                or token.base_key in FUNCTION_WORDS
                or token.base_key in INSTITUTION_WORDS
            ):
                break
            j -= 1
        if found is None:
            return None
        return found, self.text[self.tokens[found].start : self.tokens[first].start].strip()

    def capitals_near(self, first: int, last: int) -> bool:
        """Whether a word in capitals stands right before or after tokens first..last."""
        for left, right in ((first - 1, first), (last, last + 1)):
            if left < 0 or right >= len(self.tokens):
                continue
            near = self.tokens[left if left < first else right]
            word, joined = near.text, self.joined(left, lines=False)
            if joined and len(word) > 1 and word.isupper() and not self.acronym(near):
                return True
        return False

    def acronym(self, token: Token) -> bool:
        """An acronym of the authority or of an institution ("CC SED" is no shouted name)."""
        if token.base_key in INSTITUTION_WORDS:
            return True
        node = self.matcher.root.children.get(token.key)
        return node is not None and any(h.acronym for h in node.hits)

    def at_sentence_start(self, i: int) -> bool:
        start = self.sentence_of(self.tokens[i].start)[0]
        return _LETTER.search(self.text, start, self.tokens[i].start) is None


def _label_pass(scan: _Scan, root: LabelNode) -> None:
    tokens, i = scan.tokens, 0
    found: list[tuple[int, int, list[LabelHit]]] = []
    while i < len(tokens):
        node, best, j = root, None, i
        while j < len(tokens) and (j == i or scan.joined(j - 1)):
            token = tokens[j]
            if token.base_end != token.end:
                child = node.children.get(token.base_key)
                hits = _valid(scan, i, j, token.base_end, child)
                best = (j, hits) if hits else best
            child = node.children.get(token.key)
            if child is None:
                break
            node = child
            hits = _valid(scan, i, j, token.end, node)
            best = (j, hits) if hits else best
            j += 1
        if best is None or _regional(scan, i, best[1]):
            i += 1
            continue
        found.append((i, best[0], best[1]))
        i = best[0] + 1
    # Exact labels first (they feed the resolver's memory), hidden labels after.
    found.sort(key=lambda f: all(h.hidden for h in f[2]))
    for first, last, hits in found:
        _add_label_mention(scan, first, last, hits)


def _regional(scan: _Scan, first: int, hits: list[LabelHit]) -> bool:
    """A demonym after a compass word names a region, not the country:
    "North American", "Central American" are not the United States."""
    before = scan.tokens[first - 1] if first > 0 and scan.joined(first - 1, lines=False) else None
    return (
        before is not None
        and before.cap
        and before.base_key in _REGION_WORDS
        and all(h.hidden and h.entity.kind == "place" for h in hits)
    )


def _valid(scan: _Scan, first: int, last: int, end: int, node: LabelNode | None) -> list[LabelHit]:
    """Hits whose case fits: acronyms in capitals (and not inside a line of
    capitals, where "NAM IL" is a name), other labels capitalised."""
    if node is None or not node.hits:
        return []
    surface = scan.text[scan.tokens[first].start : end]
    hits = [h for h in node.hits if not h.capital or surface[0].isupper()]
    if any(h.acronym for h in hits):
        shouted = not surface.isupper() or scan.capitals_near(first, last)
        hits = [h for h in hits if not (h.acronym and shouted)]
    return hits


def _add_label_mention(scan: _Scan, first: int, last: int, hits: list[LabelHit]) -> None:
    labelled = [h for h in hits if not h.hidden]
    hidden = not labelled
    if hidden and any(h.entity.kind == "person" for h in hits) and _inside_name(scan, first, last):
        return  # "Raúl" in "Raúl Roa": a given name, left to the later passes
    chosen = labelled or hits
    kind = next(k for k in _KIND_ORDER if any(h.entity.kind == k for h in chosen))
    if kind == "place" and context.part_of_name(scan, last, hidden=hidden):
        return  # "Thai Nguyen": the later passes read the whole name
    other = kind == "place" and context.not_the_place(scan, first, last, hidden=hidden)
    entities = list(dict.fromkeys(h.entity for h in chosen if h.entity.kind == kind))
    surface = scan.span(first, last)
    title = scan.title_before(first) if kind == "person" else None
    role = title[1] if title else None
    res = scan.resolver.choose(entities, surface=surface, role=role, hidden=hidden)
    scan.add(kind, first, last, res, record=not other)


def _inside_name(scan: _Scan, first: int, last: int) -> bool:
    tokens = scan.tokens
    before = first > 0 and scan.joined(first - 1)
    after = last + 1 < len(tokens) and scan.joined(last)
    return (before and scan.name_like(first - 1)) or (after and scan.name_like(last + 1))


def _family_span(scan: _Scan, t: int) -> tuple[int, int]:
    """Given names or initials before a family name, further surnames after it."""
    tokens, left, right = scan.tokens, t, t
    while left > t - 3 and scan.name_like(left - 1):
        if not scan.joined(left - 1, lines=False):
            break
        left -= 1
    while left < t and tokens[left].text in PARTICLES:
        left += 1
    while right < t + 2 and tokens[right].base_end == tokens[right].end:
        after = right + 1
        if not scan.name_like(after) or tokens[after].initial:
            break
        if not scan.joined(right, lines=False):
            break
        right = after
    return left, right


def _family_pass(scan: _Scan) -> None:
    tokens, authority = scan.tokens, scan.resolver.authority
    found = [
        t
        for t, token in enumerate(tokens)
        if scan.name_like(t)
        and token.text not in PARTICLES
        and token.base_key not in INSTITUTION_WORDS
        and len(token.base_key) > 1
        and authority.by_family_name(token.base_key)
    ]
    _heads_of_government(scan)
    # Names with given names or initials first: they tell the resolver who a
    # bare surname later refers to.
    found.sort(key=lambda t: _family_span(scan, t) == (t, t))
    for t in found:
        if not scan.free(t):
            continue
        left, right = _family_span(scan, t)
        title = scan.title_before(left)
        role = title[1] if title else None
        if left < t or right > t:
            # The whole name first; "R. Castro" when "R. Castro Ruz" is unknown;
            # else the whole name stays one (new or ambiguous) person.
            res = scan.resolver.person(scan.span(left, right, tail=True), role=role)
            if res.status != "resolved" and left < t < right:
                shorter = scan.resolver.person(scan.span(left, t, tail=True), role=role)
                res, right = (shorter, t) if shorter.status == "resolved" else (res, right)
            if res.status != "resolved" and role is None and context.named_thing(scan, left, right):
                continue  # "the Thai Nguyen metallurgical combine"
        elif role is None and _common_word(scan, t):
            continue
        else:
            if role is None and _GOVERNMENT_AFTER.match(scan.text, tokens[t].end):
                role = _HEAD_OF_GOVERNMENT  # "the Kennedy government": its head, then
            res = scan.resolver.person(scan.span(t, t), role=role)
        scan.add("person", left, right, res)


def _heads_of_government(scan: _Scan) -> None:
    """ "The Kennedy government" may be an organization label; it names the
    head of that government too (an extra, overlapping person mention)."""
    for t, token in enumerate(scan.tokens):
        owner = scan.owner[t]
        if owner is None or owner.kind != "organization" or not token.cap:
            continue
        governs = _GOVERNMENT_AFTER.match(scan.text, token.end) and len(token.base_key) > 1
        if governs and scan.resolver.authority.by_family_name(token.base_key):
            res = scan.resolver.person(scan.span(t, t), role=_HEAD_OF_GOVERNMENT)
            if res.status == "resolved":
                scan.add("person", t, t, res, claim=False)


def _common_word(scan: _Scan, t: int) -> bool:
    """A bare surname opening a sentence that the text also writes in lower
    case ("Young people ..." beside "young") is an ordinary word -- unless
    the document already named such a person."""
    word = scan.tokens[t].text[: scan.tokens[t].base_end - scan.tokens[t].start]
    if not scan.at_sentence_start(t) or word.isupper():
        return False
    seen = scan.resolver.seen_persons()
    if any(p in seen for p in scan.resolver.authority.by_family_name(scan.tokens[t].base_key)):
        return False
    lower = re.compile(rf"(?<![^\W_]){re.escape(word.lower())}(?![^\W_])")
    return lower.search(scan.text) is not None


def _runs(scan: _Scan) -> list[tuple[int, int]]:
    runs, i, n = [], 0, len(scan.tokens)
    while i < n:
        if not scan.run_like(i) or scan.tokens[i].text in PARTICLES:
            i += 1
            continue
        j = i
        while j + 1 < n and scan.run_like(j + 1) and scan.joined(j, lines=False):
            if scan.tokens[j].base_end != scan.tokens[j].end:
                break  # a possessive ends the name
            j += 1
        while j > i and scan.tokens[j].text in PARTICLES:
            j -= 1
        runs.append((i, j))
        i = j + 1
    return runs


def _unlinked_pass(scan: _Scan) -> None:
    place: int | None = None  # the last run read as a place, for "X and Y"
    for opening, run_last in _runs(scan):
        run_first = opening
        while run_first < run_last and context.acronym_before_name(scan, run_first):
            run_first += 1  # "CC SED H. Axen": the bodies, then the name
        first, last = run_first, run_last
        words = [scan.tokens[k].word for k in range(first, last + 1)]
        title = scan.title_before(first)
        role = title[1] if title else None
        if role is not None:
            combined = [*role.split(), *words]
            start, end = name_bounds(combined)
            offset = len(combined) - len(words)
            start = max(start, offset)
            first, last = run_first + start - offset, run_first + end - offset - 1
            name = combined[start:end]
            if not name or any(word_key(w) in INSTITUTION_WORDS for w in name):
                continue
            if word_key(combined[start - 1]) in FUNCTION_WORDS:
                continue  # "Premier of the DPRK": the object of the title, not a name
        elif not context.looks_like_name(words) or scan.at_sentence_start(first):
            continue
        elif context.place_like(scan, first, last, words, place):
            place = last
            continue
        res = scan.resolver.person(scan.span(first, last, tail=True), role=role)
        scan.add("person", first, last, res)


def find_mentions(text: str, resolver: NameResolver) -> list[Mention]:
    """Persons, organizations and places named in ``text``, in text order.

    Mentions do not overlap, except that an organization label such as "the
    Kennedy government" is followed by a mention of its head ("Kennedy").

    Resolve the document's author and interlocutors with ``resolver`` first:
    bare surnames then refer to them.  Unknown persons come back with status
    ``unlinked`` and a minted slug; several candidates give ``ambiguous``.
    """
    scan = _Scan(text, resolver)
    _label_pass(scan, scan.matcher.root)
    _family_pass(scan)
    _unlinked_pass(scan)
    return sorted(scan.mentions, key=lambda m: (m.start, -m.end))
