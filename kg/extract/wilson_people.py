"""Who took part in a conversation, and when, as a record's own sentences say it.

Part of :mod:`kg.extract.wilson_document`; the date of the conversation is read by
:mod:`kg.extract.wilson_dates`.  Telegrams, letters and reports tell
of a conversation in the first person ("On 13 April I met with Premier Pham Van
Dong", "Yesterday, 16 May, I had a conversation with A. Dubček", "I was received
by Indira Gandhi"), and records of every kind name who else was there ("Counsellor
of the Embassy N.P. Volkov took part in the conversation", "Present were ...",
"Gao Qingshan interpreted").  The rules are about sentence shapes and the shape of
names and offices (:mod:`kg.extract._roles`), never about particular people.
Everything stays text here; names are resolved by the caller.

>>> [p.name for p in presence_statements("I met Le Duan. N.P. Volkov took part in the talk.")]
['N.P. Volkov']
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.authority import PARTICLES, word_set
from kg.extract._roles import parse_person
from kg.extract.names import COMMON_CAPS, MONTHS_AND_DAYS, is_initial, word_key
from kg.sources.wilson import NamedRole

__all__ = [
    "Statement",
    "conversation_statements",
    "is_interpreter",
    "opening_sentences",
    "people_in",
    "presence_statements",
    "sentences",
]

_TALK = r"(?:conversations?|talks?|meetings?|discussions?|exchange\s+of\s+views|audience|interview)"
# A sentence ends at . ! ? before a capital, a digit or an opening quote, unless the
# word before the stop is an initial ("N.P.") or an abbreviation ("Dr.").
_BREAK = re.compile(r"(?P<stop>[.!?…][\"'”’)\]]*)\s+(?=[\"'“‘(\[]?(?:[^\W\d_a-z]|\d))")
_GLUED_INITIALS = re.compile(r"^(?:[^\W\d_]{1,2}\.){2,}$")
_ABBREVIATIONS = word_set(
    "mr mrs ms dr st no nr gen col lt sen rep prof gov amb min sec dep pres com cde messrs "
    "jr sr vs cf ca approx"
)
# "I met, at their invitation, with X", "I had a long conversation with X", "I visited X".
_FIRST_PERSON = re.compile(
    r"\b(?:I|we)\s+(?:(?:also|then|again|first|once\s+more)\s+)?"
    rf"(?:(?:had|held)\s+(?:(?:a|an|my|our|the|another)\s+)?(?:[\w-]+\s+){{0,3}}?{_TALK}\s+with"
    r"|(?:met|spoke|talked|conversed)(?:\s*,[^,;.]{1,80},)?(?:\s+(?:with|to))?"
    r"|visited|called\s+(?:on|upon)"
    r"|paid\s+(?:(?:a|an|my)\s+)?(?:[\w-]+\s+){0,2}?(?:visit|call)\s+(?:to|on|upon)"
    r"|(?:was|were)\s+received\s+(?:[^,;.]{0,40}?\s)?by)"
    r"\s+(?P<object>[^;]*)",
    re.IGNORECASE,
)
# "X received me", "X invited me": the subject is the other side.
_RECEIVED_ME = re.compile(
    r"(?P<subject>[^;:]*?)\s+(?:(?:had\s+)?(?:received|invited|summoned)|called\s+in)\s+(?:me|us)\b",
    re.IGNORECASE,
)
# A cheap test first: the lazy subject group makes _RECEIVED_ME quadratic on long sentences,
# and most sentences do not contain the verb at all.
_RECEIVED_ME_VERB = re.compile(
    r"\b(?:received|invited|summoned|called\s+in)\s+(?:me|us)\b", re.IGNORECASE
)
# "X (and Y) were present", "X took part in the conversation", "X interpreted".
_PRESENT_AFTER = re.compile(
    r"\s*\b(?P<verb>(?:was|were|is|are)\s+(?:also\s+)?(?:present|in\s+attendance)"
    r"|(?:also\s+)?(?:took|take|takes)\s+part|(?:also\s+)?(?:participated|attended)"
    r"|(?:also\s+)?(?:accompanied|joined)\s+(?:me|us|him|her|them)"
    r"|(?:acted|served|was|were)\s+as\s+(?:the\s+|an?\s+)?(?:interpreters?|translators?)"
    r"|interpreted)\b",
    re.IGNORECASE,
)
# "Present were X and Y", "the conversation was attended by X", "in the presence of X".
_PRESENT_BEFORE = re.compile(
    r"\b(?:(?:also\s+)?present\s+(?:(?:at|during|in)\s+(?:the|this)\s+"
    rf"{_TALK}\s+)?(?:was|were)|{_TALK}\s+(?:was|were)\s+(?:also\s+)?attended\s+by"
    r"|in\s+the\s+(?:presence|company)\s+of|with\s+the\s+participation\s+of"
    r"|accompanied\s+by|interpreted\s+by|through\s+(?:the\s+)?interpreters?"
    r"|(?:the\s+)?interpreters?\s+(?:was|were)|(?:the\s+)?participants\s+(?:were|included))"
    r"\s*:?\s*",
    re.IGNORECASE,
)
_COMPANY = re.compile(
    r"\b(?:together\s+with|accompanied\s+by|in\s+the\s+(?:presence|company)\s+of"
    r"|with\s+the\s+participation\s+of)\b",
    re.IGNORECASE,
)
_INTERPRETING = re.compile(r"interpret|translat", re.IGNORECASE)
# Away from the opening, only "the conversation" or "this talk" is surely the record's own.
_THIS_CONVERSATION = re.compile(
    rf"\b(?:(?:the|our|today's)\s+conversation|this\s+{_TALK})\b(?!\s+(?:of|in|at|with|between)\b)",
    re.IGNORECASE,
)
_THIS_TALK = re.compile(
    rf"\b(?:the|this|our|that|today's|yesterday's)\s+{_TALK}(?!\s+(?:of|in|at|with|between)\b)",
    re.IGNORECASE,
)
_SIDE = re.compile(
    r",?\s*\b(?:on|from|for)\s+(?:the|our|their|his|her|its)\s+(?:[\w-]+\s+){0,2}side\b\s*,?",
    re.IGNORECASE,
)
_RELATIVE = re.compile(r",\s*who\s+(?P<clause>[^,;]*?)(?=\s*(?:,|;|$))", re.IGNORECASE)
# "Our second secretary Gábor Sipos": a possessive determiner opening a list item.
_DETERMINERS = re.compile(
    r"(^|[,;]\s*|\band\s+)(?:our|my|their|his|her|its)\s+(?=\S)", re.IGNORECASE
)
_SEPARATOR = re.compile(r"(\s*,\s*(?:and\s+)?|\s*;\s*|\s+and\s+|\s*&\s*)", re.IGNORECASE)
_PARENTHESES = re.compile(r"\([^()]*\)")
_PROTECTED = "\x00"
# Capitalised words that open sentences and never start a name ("After", "Yesterday").
_OPENERS = (COMMON_CAPS | MONTHS_AND_DAYS) - {"the", "a", "an"}
_PRONOUNS = frozenset(["him", "her", "them", "us", "me", "it", "he", "she", "they", "who"])
_POSSESSIVE = re.compile(r"['’]s?$")
# Words that may follow a list of people without ending the sentence's list of them.
_CUT_OFF = re.compile(
    r"^(?:at|in|on|to|from|for|during|after|before|about|with|by|near|inside|outside|through"
    r"|upon|concerning|regarding|who|which|where|when|while|as|this|that|last|today|yesterday"
    r"|tonight|late|early|again|briefly|personally|together|alone|privately|once|twice|shortly"
    r"|soon|immediately)\b",
    re.IGNORECASE,
)
_OPENING_PARAGRAPHS = 2


@dataclass(frozen=True)
class Statement:
    """A first-person statement of a conversation: its sentence and the people it names."""

    sentence: str
    verb: int  # where the statement's verb phrase starts in the sentence
    people: tuple[NamedRole, ...]
    companions: tuple[NamedRole, ...] = ()  # "I visited X together with Counsellor Y"


def sentences(text: str) -> list[list[str]]:
    """The sentences of each paragraph (paragraphs are separated by blank lines).

    >>> sentences("Counsellor N.P. Volkov was present. Dr. Ho agreed.\\n\\nNext.")
    [['Counsellor N.P. Volkov was present.', 'Dr. Ho agreed.'], ['Next.']]
    """
    paragraphs = []
    for block in re.split(r"\n\s*\n", text):
        paragraph = " ".join(block.split())
        if not paragraph:
            continue
        found, start = [], 0
        for match in _BREAK.finditer(paragraph):
            before = paragraph[start : match.end("stop")].split()
            last = before[-1] if before else ""
            if is_initial(last) or _GLUED_INITIALS.match(last) or word_key(last) in _ABBREVIATIONS:
                continue
            found.append(paragraph[start : match.end("stop")].strip())
            start = match.end()
        found.append(paragraph[start:].strip())
        paragraphs.append([s for s in found if s])
    return paragraphs


def is_interpreter(person: NamedRole) -> bool:
    """Whether the office given to a person is interpreting ("Second Secretary, interpreter")."""
    return bool(person.role and _INTERPRETING.search(person.role))


# --- lists of people -------------------------------------------------------------------------
def _clean_span(text: str) -> str:
    """Take side phrases, possessive determiners and relative clauses out of a list of people.

    A relative clause that says the person interpreted becomes an office in
    parentheses, which :func:`kg.extract._roles.parse_person` reads.
    """
    text = _SIDE.sub(" ", text)

    def relative(match: re.Match[str]) -> str:
        return " (interpreter)" if _INTERPRETING.search(match.group("clause")) else ""

    text = _RELATIVE.sub(relative, text)
    text = _DETERMINERS.sub(lambda m: m.group(1), text)
    return " ".join(text.split()).strip(" ,;:.")


def _leading_person(text: str) -> tuple[NamedRole | None, str]:
    """The person a list item starts with, and the words after the name.

    "Fidel Castro this evening at my apartment" -> Fidel Castro; the item is
    cut before a lower-case word once the part before it holds a name.
    """
    tokens = text.split()
    if not tokens or word_key(tokens[0]) in _OPENERS:
        return None, text  # "After the talks had ended", "Yesterday ..."
    cuts = [i for i, t in enumerate(tokens) if i and t[:1].islower() and t not in PARTICLES]
    cuts.append(len(tokens))
    for cut in cuts:
        if _POSSESSIVE.search(tokens[cut - 1]):
            continue  # "Dubček's assistant ...": the owner is not the item
        name, role = parse_person(" ".join(tokens[:cut]))
        if name is None or all(word_key(w) in _OPENERS for w in name.split()):
            continue
        after = " ".join(tokens[cut:])
        if role is None and after and not _CUT_OFF.match(after):
            continue  # "the Pyongyang tractor plant": a name-like word before a common noun
        return NamedRole(name, _office(role)), after
    return None, text


def _office(role: str | None) -> str | None:
    """An office without the adverbial that opened the sentence ("Yesterday Foreign Minister")."""
    words = (role or "").split()
    while words and (word_key(words[0]) in COMMON_CAPS | MONTHS_AND_DAYS or words[0].isdigit()):
        words = words[1:]
    return " ".join(words) or None


def _after_adverbial(text: str) -> NamedRole | None:
    """A person named after a leading adverbial ("On 5 May Prime Minister Nehru")."""
    tokens = text.split()
    for start, token in enumerate(tokens):
        key = word_key(token)
        if start and token[:1].isupper() and key not in COMMON_CAPS | MONTHS_AND_DAYS:
            person, rest = _leading_person(" ".join(tokens[start:]))
            return person if person is not None and not rest else None
    return None


def people_in(text: str, *, open_end: bool = False) -> list[NamedRole]:
    """The persons a list names: "Chen Yi, the head of the Department ... Wang Dongming, and
    Second Secretary of the Embassy I.P. Sorokin, who interpreted".

    Offices without a holder ("the ambassador of the GDR") name nobody.  With
    ``open_end`` the list is the object of a sentence that may go on after it
    ("... Nam Il, Kim Il Sung handed me the letter"): it ends at the first item
    that is followed by more than a prepositional phrase.

    >>> people_in("Ung Van Khiem and the First Secretary of the Embassy V.N. Grigoryev")
    [NamedRole(name='Ung Van Khiem', role=None), \
NamedRole(name='V.N. Grigoryev', role='First Secretary of the Embassy')]
    """
    text = _PARENTHESES.sub(lambda m: m.group(0).replace(",", _PROTECTED), _clean_span(text))
    parts = _SEPARATOR.split(text)
    people: list[NamedRole] = []
    pending = ""
    for index in range(0, len(parts), 2):
        item = parts[index].replace(_PROTECTED, ",").strip()
        sep = parts[index - 1] if index else ""
        if not item:
            continue
        if (
            pending
        ):  # "the head of the Department of the USSR" + "and Eastern Europe ... Kang Liming"
            name, role = parse_person(f"{pending}{sep}{item}")
            if name is not None:
                people.append(NamedRole(name, role))
                pending = ""
                continue
        person, rest = _leading_person(item)
        if person is None and index == 0 and not open_end:
            person, rest = _after_adverbial(item), ""
        if person is None:
            name, role = parse_person(item)
            if role is not None and name is None:  # an office still waiting for its holder
                pending = f"{pending}{sep}{item}" if pending else item
            continue
        if person.name.split()[-1].lower() in _PRONOUNS:
            continue
        pending = ""
        if open_end and rest:
            if _CUT_OFF.match(rest):
                people.append(person)
            break
        people.append(person)
    return people


# --- statements ------------------------------------------------------------------------------
def opening_sentences(body: str) -> list[str]:
    """The sentences of the opening paragraphs, where records say who met whom and when."""
    return [s for paragraph in sentences(body)[:_OPENING_PARAGRAPHS] for s in paragraph]


def conversation_statements(body: str) -> list[Statement]:
    """First-person statements of a conversation in the opening paragraphs of a body.

    >>> [s.people for s in conversation_statements("On 13 April I met, at their invitation, "
    ...     "with Premier of the DRV Pham Van Dong. He said nothing.")]
    [(NamedRole(name='Pham Van Dong', role='Premier of the DRV'),)]
    """
    found: list[Statement] = []
    for sentence in opening_sentences(body):
        text = _RELATIVE.sub("", sentence.rstrip(".!?"))
        if match := _FIRST_PERSON.search(text):
            # "... Guevara, in the company of our attaché X": the companions were present
            talk, *company = _COMPANY.split(match.group("object"), maxsplit=1)
            people = people_in(talk, open_end=True)
            others = people_in(company[0], open_end=True) if company else []
            found.append(Statement(sentence, match.start(), tuple(people), tuple(others)))
        elif _RECEIVED_ME_VERB.search(text) and (match := _RECEIVED_ME.search(text)):
            subject = match.group("subject").split()
            # "..., and he received us": the pronoun's person is named elsewhere
            named = subject and subject[-1].lower() not in _PRONOUNS
            people = people_in(match.group("subject")) if named else []
            found.append(Statement(sentence, match.end("subject"), tuple(people)))
    return found


def presence_statements(body: str) -> list[NamedRole]:
    """The persons the body says were present, took part, accompanied or interpreted.

    Bare statements ("X and Y were present.") count in the opening paragraph
    and that of the conversation statement; elsewhere the sentence must be
    about this conversation ("... took part in the conversation").
    Interpreters get the office "interpreter".
    """
    paragraphs = sentences(body)
    opening = _presence_opening(paragraphs)
    people: list[NamedRole] = []
    for index, paragraph in enumerate(paragraphs):
        for sentence in paragraph:
            people.extend(_present_in(sentence, index in opening))
    return people


def _presence_opening(paragraphs: list[list[str]]) -> set[int]:
    """The paragraphs where a bare "were present" is about the record's talk.

    The first paragraph (with the next when the first is a one-sentence
    preamble) and the paragraph that states the conversation: who was there is
    said where the meeting is, not further on, where the record tells of others.
    """
    opening = {0, 1} if paragraphs and len(paragraphs[0]) < 2 else {0}
    for index, paragraph in enumerate(paragraphs[:_OPENING_PARAGRAPHS]):
        if any(_FIRST_PERSON.search(s) or _RECEIVED_ME.search(s) for s in paragraph):
            opening.add(index)
            break
    return opening


def _present_in(sentence: str, opening: bool) -> list[NamedRole]:
    text = sentence.rstrip(".!?")
    for clause in text.split(";"):
        if match := _PRESENT_BEFORE.search(clause):
            if not (opening or _THIS_CONVERSATION.search(clause)):
                continue
            people = people_in(clause[match.end() :], open_end=True)
            interpreting = bool(_INTERPRETING.search(match.group(0)))
            return [_as_interpreter(p) if interpreting else p for p in people]
    clauses = _clean_span(text).split(";")
    found: list[NamedRole] = []
    for clause in clauses:
        for match in _PRESENT_AFTER.finditer(clause):
            verb = match.group("verb").lower()
            tail = clause[match.end() :].strip(" ,")
            if not _tail_fits(verb, tail, opening):
                continue
            people = people_in(clause[: match.start()])
            interpreting = bool(_INTERPRETING.search(verb) or _INTERPRETING.search(tail))
            found.extend(_as_interpreter(p) if interpreting else p for p in people)
            break
    return found


def _tail_fits(verb: str, tail: str, opening: bool) -> bool:
    """Whether what follows "were present" / "took part" keeps it about this conversation.

    In the opening paragraphs a bare "were present" or "took part in the talks"
    is about the record's talk; further on only "the conversation" is.
    """
    talk = _THIS_TALK if opening else _THIS_CONVERSATION
    if verb.startswith(("accompanied", "joined")) or _INTERPRETING.search(verb):
        return opening or bool(talk.search(tail))
    if not tail:
        return opening
    return bool(talk.search(tail) or (opening and re.search(r"\bside\b|\bpart\s+of\b", tail)))


def _as_interpreter(person: NamedRole) -> NamedRole:
    if is_interpreter(person):
        return person
    return NamedRole(person.name, f"{person.role}, interpreter" if person.role else "interpreter")
