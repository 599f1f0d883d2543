"""One tokenisation of running text, shared by mention and absence finding.

Finding names in a page means looking at its capitalised words again and again
(labels, family names, name patterns, "X was not present"), so the text is cut
once into :class:`Token` values with offsets, folded keys and possessives split
off, and sentences once into spans.  Authority labels are matched through a word
tree (:class:`LabelNode`) built once per :class:`~kg.authority.Authority`; the
lower-case words of those labels also decide which lower-case words are tokens
at all.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from kg.authority import PARTICLES, Authority, Entity
from kg.extract._namewords import DOTTED_TITLES, FUNCTION_WORDS, TITLE_WORDS
from kg.extract.personname import is_initial, is_title
from kg.ids import fold

_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_ACRONYM = re.compile(r"[A-Z][A-Z0-9.&]{0,7}")
_BOUNDARY = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s)|\n[ \t]*\n")
_POSSESSIVE_ENDINGS = frozenset(("'s", "’s", "'S", "’S"))
_NON_SPACE = re.compile(r"\S")
_JOINABLE_GAP = frozenset(" \t\n.-'’")
_HYPHEN_TAIL = re.compile(r"(?:-(?=[^\W\d_])(?![^\W\d_]*[A-Z])[^\W\d_]+)+(?![^\W_]|-[^\W_])")


class Token(NamedTuple):
    start: int
    end: int
    text: str
    key: str
    base_end: int  # without a possessive "'s"
    base_key: str
    dotted: bool  # followed by "."
    cap: bool
    initial: bool  # "A." or "Yu."
    title: bool  # "Comrade", "Cde.", "Ambassador"

    @property
    def word(self) -> str:
        """The token as a name word: initials and dotted titles keep their dot."""
        if self.dotted and (self.initial or self.title):
            return self.text + "."
        return self.text[: self.base_end - self.start]


@dataclass(frozen=True)
class LabelHit:
    """An authority label ending at a trie node, with what decides whether a match counts."""

    entity: Entity
    hidden: bool
    acronym: bool
    capital: bool


@dataclass
class LabelNode:
    """A node of the word tree of authority labels, keyed by folded word."""

    children: dict[str, LabelNode] = field(default_factory=dict)
    hits: list[LabelHit] = field(default_factory=list)


def _fold_word(word: str) -> str:
    return word.lower().replace("'", "") if word.isascii() else fold(word)


def _token_pattern(lower_words: Iterable[str]) -> re.Pattern[str]:
    """Capitalised words plus the few lower-case words names and labels contain.

    Ordinary lower-case words are not tokens at all: they can neither start a
    name nor join one (the gap test of :func:`_gap` sees their letters),
    so skipping them halves the work per page.
    """
    alternation = _trie_regex(set(lower_words))
    return re.compile(rf"(?<![^\W_])(?:(?![a-z\d])[^\W_]+(?:['’][^\W_]+)*|{alternation}(?![^\W_]))")


def _trie_regex(words: Iterable[str]) -> str:
    """One regex for many literal words, factored by prefix: Python's regex
    engine tries a flat alternation branch by branch at every position.

    >>> _trie_regex(["of", "on", "o"])
    'o(?:f|n)?'
    """
    trie: dict[str, dict[str, Any]] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        branches = [re.escape(c) + build(child) for c, child in sorted(node.items()) if c]
        if not branches:
            return ""
        if "" in node:
            return f"(?:{'|'.join(branches)})?"
        return branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"

    return build(trie)


_ALWAYS_LOWER = FUNCTION_WORDS | PARTICLES | {"and", "nor", "or"}
_DEFAULT_TOKENS = _token_pattern(_ALWAYS_LOWER)


def tokenize(text: str, pattern: re.Pattern[str] = _DEFAULT_TOKENS) -> list[Token]:
    """Capitalised words (and function words) with offsets, folded keys and
    possessives split off.

    >>> [t.base_key for t in tokenize("Castro’s talk with the Ambassador, A.I. Alekseyev")]
    ['castro', 'the', 'ambassador', 'a', 'i', 'alekseyev']
    """
    tokens: list[Token] = []
    append, new, titles = tokens.append, tuple.__new__, TITLE_WORDS  # hot loop: locals
    for match in pattern.finditer(text):
        word = match.group()
        start, end = match.span()
        key = base_key = word.lower().replace("'", "") if word.isascii() else fold(word)
        base_end = end
        if word[-2:] in _POSSESSIVE_ENDINGS and len(word) > 2:
            base_end, base_key = end - 2, _fold_word(word[:-2])
        dotted = text[end : end + 1] == "."
        cap = word[0].isupper()
        initial = cap and dotted and len(word) <= 2 and is_initial(word + ".")
        title = base_key in titles or (dotted and base_key in DOTTED_TITLES)
        append(new(Token, (start, end, word, key, base_end, base_key, dotted, cap, initial, title)))
    return tokens


@dataclass(frozen=True)
class LabelMatcher:
    """Built once per authority (see :meth:`Authority.memo`)."""

    root: LabelNode
    tokens: re.Pattern[str]


def label_matcher(authority: Authority) -> LabelMatcher:
    """The authority's label trie and token pattern (built on first use, then kept)."""
    return authority.memo("kg.extract.mentions", lambda: _build_label_matcher(authority))


def _build_label_matcher(authority: Authority) -> LabelMatcher:
    root, lower = LabelNode(), set(_ALWAYS_LOWER)
    for entity in authority:
        labelled = [(text, False) for text in entity.labels]
        for text, hidden in [*labelled, *((text, True) for text in entity.hidden_labels)]:
            words = _TOKEN.findall(text)
            lower.update(w for w in words if w[0].islower())
            if entity.kind == "place" and not hidden:
                # "the Mekong delta", "the Western hemisphere": place labels match
                # in lower case after their first word.
                lower.update(w.lower() for w in words[1:] if w.isalpha() and not w.isupper())
            keys = [_fold_word(w) for w in words]
            if not keys:
                continue
            node = root
            for key in keys:
                node = node.children.setdefault(key, LabelNode())
            stripped = text.strip()
            acronym = bool(_ACRONYM.fullmatch(stripped)) and sum(c.isalpha() for c in stripped) <= 6
            node.hits.append(LabelHit(entity, hidden, acronym, stripped[:1].isupper()))
    return LabelMatcher(root, _token_pattern(lower))


def _gap(text: str, left: Token, right: Token) -> int:
    """How two neighbouring tokens join: 0 not at all (punctuation, other
    words between), 1 on one line, 2 across one line break."""
    gap = text[left.end : right.start]
    if gap == " ":
        return 1
    if (
        len(gap) > 4
        or not set(gap) <= _JOINABLE_GAP
        or ("." in gap and not left.initial | left.title)
    ):
        return 0
    return (1, 2, 0, 0, 0)[gap.count("\n")]


class TokenizedText:
    """A text, its tokens under an authority's token pattern, and how neighbours join.

    The mention passes (:mod:`kg.extract.mentions`) and the absence finder
    (:mod:`kg.extract.absence`) walk the same tokens, so both start from this.
    """

    def __init__(self, text: str, authority: Authority) -> None:
        self.text = text
        self.matcher = label_matcher(authority)
        self.tokens = tokenize(text, self.matcher.tokens)
        self.starts = [t.start for t in self.tokens]
        self.gaps = [_gap(text, a, b) for a, b in zip(self.tokens, self.tokens[1:], strict=False)]

    def joined(self, i: int, *, lines: bool = True) -> bool:
        """Whether tokens ``i`` and ``i + 1`` can belong to one name or label.

        ``lines=False`` refuses line breaks too: lists of participants put
        one name per line.
        """
        return 0 <= i < len(self.gaps) and 0 < self.gaps[i] <= (2 if lines else 1)

    def span(self, first: int, last: int, *, tail: bool = False) -> str:
        """The text of tokens first..last; ``tail`` keeps a hyphenated
        lower-case end of a name ("Kim Chang-su", "Chou En-lai")."""
        return self.text[
            self.tokens[first].start : self.name_end(last) if tail else self.tokens[last].base_end
        ]

    def name_end(self, last: int) -> int:
        """Where a name ending with token ``last`` ends, with its hyphenated lower-case parts."""
        token = self.tokens[last]
        if token.base_end != token.end or not token.cap:
            return token.base_end
        match = _HYPHEN_TAIL.match(self.text, token.end)
        return match.end() if match else token.end

    def before(self, i: int, pattern: re.Pattern[str], width: int = 40) -> bool:
        """Whether ``pattern`` (anchored with ``$``) matches the text right before token ``i``."""
        start = self.tokens[i].start
        return pattern.search(self.text, max(0, start - width), start) is not None

    def after(self, i: int, pattern: re.Pattern[str]) -> bool:
        """Whether ``pattern`` matches the text right after token ``i``."""
        return pattern.match(self.text, self.tokens[i].end) is not None


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Sentence boundaries that survive initials ("A. I. Alekseyev") and titles."""
    spans, start = [], 0
    for match in _BOUNDARY.finditer(text):
        if match.group().startswith("."):
            before = re.search(r"(\w+)$", text[max(0, match.start() - 12) : match.start()])
            word = before.group(1) if before else ""
            following = _NON_SPACE.search(text, match.end())
            lower_next = following is not None and following.group().islower()
            if is_initial(word + ".") or is_title(word + ".") or lower_next:
                continue
        spans.append((start, match.end()))
        start = match.end()
    spans.append((start, len(text)))
    trimmed = []
    for s, e in spans:
        first = _NON_SPACE.search(text, s, e)
        if first is not None:
            trimmed.append((first.start(), s + len(text[s:e].rstrip())))
    return trimmed or [(0, len(text))]
