"""The grammar of archival titles and record headings: who, with whom, when, what kind.

A Digital Archive title ("From the Journal of S.M. Kudryavtsev, 'Record of a
Conversation with Prime Minister of the Republic of Cuba Fidel Castro Ruz, 19 May
1961'") and a record's own heading ("RECORD OF A CONVERSATION / with Fidel CASTRO
RUZ Prime Minister of the Republic of Cuba") say the same things in a few fixed
shapes.  Every page layout of :mod:`kg.sources.wilson` shares this one grammar, so
a fix here helps all of them.  Everything stays text as written: dates are read by
:mod:`kg.extract.dates`, names are resolved by :mod:`kg.extract.names`.

The rules are about the *shape* of names and offices (capitalised tokens,
initials, office words, "of the Republic of ..." complements), never lists of
particular people, so they hold for ambassadors and countries not seen yet.

>>> parts = parse_title("Telegram from Soviet Ambassador to Cuba A. Alekseyev to the USSR MFA")
>>> parts.document_type, parts.author, parts.addressee
('Telegram', 'A. Alekseyev', 'USSR MFA')
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kg.concepts import DocumentType
from kg.extract._roles import is_organization, parse_person, split_name_and_role, split_people
from kg.sources.wilson import NamedRole

__all__ = [
    "DATE_PATTERN",
    "TYPE_PATTERN",
    "TitleParts",
    "classify_document_type",
    "is_organization",
    "parse_person",
    "parse_title",
    "split_name_and_role",
    "split_people",
]

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
)
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_DAYS = rf"{_DAY}(?:\s*(?:[-–—/]|and|&)\s*{_DAY})?"
#: A date as archives write it, from "19 May 1961" and "June 9, 1961" down to "1961";
#: compile it with ``re.IGNORECASE`` to accept headings in capitals ("19 MAY 1961").
DATE_PATTERN = (
    r"(?:(?:c\.|ca\.|circa)\s*)?"
    rf"(?:{_DAYS}\s+{_MONTH},?\s+\d{{4}}"
    rf"|{_MONTH}\s+{_DAYS},?\s+\d{{4}}"
    rf"|{_MONTH},?\s+\d{{4}}"
    r"|\d{1,2}\.(?:[IVX]{1,4}|\d{1,2})\.(?:\d{4}|\d{2})"
    r"|\d{4})(?!\w)"
)

_TALK = r"(?:Conversations?|Talks?|Meetings?|Discussions?|Negotiations?|Interview)"
_RECORD = (
    r"(?:Records?|Memorandum|Memo|Minutes|Notes?|Summary|Transcript|Information|Report|"
    r"Account|Protocol|Abstract|Excerpts?)"
)
#: The wording that names a kind of document at the start of a title or heading.
TYPE_PATTERN = (
    rf"(?:{_RECORD}\s+(?:of|on|from)\s+(?:the\s+)?(?:(?:Main\s+)?Contents?\s+of\s+)?"
    rf"(?:an?\s+|the\s+)?(?:(?:Telephone|Confidential|Private|Personal|Official)\s+)?{_TALK}"
    rf"|(?:Telephone\s+)?{_TALK}"
    r"|(?:(?:Ciphered|Cipher|Coded|Encrypted|Urgent)\s+)?(?:Telegram|Cable|Airgram)"
    r"|Editorial\s+Note|(?:Special\s+)?(?:National\s+)?Intelligence\s+Estimate"
    r"|Diary(?:\s+Entry)?|Journal|Letter|Message|Report|Memorandum|Minutes|Notes?"
    r"|Information|Protocol|Transcript|Speech|Statement|Directive|Instructions?)(?!\w)"
)

_TYPE_AT_START = re.compile(rf"^(?P<type>{TYPE_PATTERN})(?P<rest>.*)$", re.I | re.S)
_TYPE_ANYWHERE = re.compile(rf"(?<!\w){TYPE_PATTERN}", re.I)
_WRAPPER = re.compile(
    r"^From\s+the\s+(?P<kind>Journal|Diary|Notebook|Notes|Records|Papers)\s+of\s+(?P<rest>.+)$",
    re.I | re.S,
)
_QUOTED_INNER = re.compile(
    r"^(?P<outer>.+?),\s*[‘'\"“](?=[A-Z])(?P<inner>.+?)[’'\"”]?[,.]?"
    rf"(?:,?\s*(?P<date>{DATE_PATTERN}))?\.?$",
    re.I | re.S,
)
_TRAILING_DATE = re.compile(
    rf"(?:,\s*|\s+on\s+|\s*\(\s*)(?P<date>{DATE_PATTERN})\s*\)?\s*[.,]?$", re.I
)
_TRAILING_NOTE = re.compile(
    r"\s*[(\[](?:excerpts?|abridged|extract|summary|draft|fragment|[^)\]]*translation)[)\]]$",
    re.I,
)
_OF_WITH = re.compile(r"^\s+(?:of|by)\s+(?P<of>.+?)\s+with\s+(?P<with>.+)$", re.I | re.S)
_BETWEEN = re.compile(r"^\s+(?:held\s+)?between\s+(?P<people>.+)$", re.I | re.S)
_WITH = re.compile(r"^\s+with\s+(?P<people>.+)$", re.I | re.S)
_FROM = re.compile(r"^\s+from\s+(?P<sender>.+)$", re.I | re.S)
_BY = re.compile(r"^\s+(?:of|by)\s+(?P<who>.+)$", re.I | re.S)
_COMMA = re.compile(r"^\s*[,:]\s*(?P<rest>.+)$", re.S)
_TO = re.compile(r"\s+to\s+", re.I)
_SPACE = re.compile(r"\s+")
_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.I)

# Wording -> slug; the first match wins, so specific rules come before general ones.
_SLUG_RULES: tuple[tuple[re.Pattern[str], DocumentType], ...] = tuple(
    (re.compile(pattern, re.I), slug)
    for pattern, slug in (
        (rf"^memo(?:randum)?\s.*{_TALK}", DocumentType.MEMORANDUM_OF_CONVERSATION),
        (r"^(?:minutes|protocol)\b", DocumentType.MINUTES),
        (rf"^(?:{_RECORD}|telephone)\b.*{_TALK}", DocumentType.RECORD_OF_CONVERSATION),
        (rf"^{_TALK}", DocumentType.RECORD_OF_CONVERSATION),
        (r"(?:telegram|cable)$", DocumentType.TELEGRAM),
        (r"^airgram", DocumentType.AIRGRAM),
        (r"^(?:letter|message)", DocumentType.LETTER),
        (r"^(?:diary|journal)", DocumentType.DIARY_ENTRY),
        (r"^editorial note", DocumentType.EDITORIAL_NOTE),
        (r"intelligence estimate", DocumentType.INTELLIGENCE_ESTIMATE),
        (r"^(?:report|information)", DocumentType.REPORT),
        (r"^(?:memo(?:randum)?|notes?)$", DocumentType.MEMORANDUM),
        (r".", DocumentType.OTHER),
    )
)


@dataclass
class TitleParts:
    """What a title says about its record; every value is text as written.

    ``document_type`` is the wording ("Record of a Conversation", "Telegram");
    :func:`classify_document_type` turns it into a concept slug.
    ``conversation_date`` is the date that ends the title: the conversation's in
    a record of one, the document's own in a letter or telegram.  ``issuer`` is
    an office that issued the document ("Report, Hungarian Legation in Havana",
    "Telegram from the Soviet Embassy in Beijing"): an organisation, never a
    person.  ``between`` is set for a talk "between A and B": all of them are
    interlocutors, and the record may have been written by a third person.
    """

    document_type: str | None = None
    author: str | None = None
    author_role: str | None = None
    interlocutors: list[NamedRole] = field(default_factory=list)
    conversation_date: str | None = None
    addressee: str | None = None
    issuer: str | None = None
    between: bool = False


def _clean(text: str) -> str:
    return _SPACE.sub(" ", text).strip(" \t\n,;")


def _strip_date(text: str) -> tuple[str, str | None]:
    """Split a trailing ", 19 May 1961" (or " on ...", " (...)") off a title part."""
    text = _TRAILING_NOTE.sub("", text.strip())
    match = _TRAILING_DATE.search(text)
    if match is None or match.start() == 0:
        return text, None
    return text[: match.start()].strip(), _clean(match.group("date"))


def _split_sender(text: str) -> tuple[str, str | None]:
    """Split "X to Y" at the " to " that ends a complete sender.

    Offices contain "to" themselves ("Ambassador of Hungary to the USSR J. Kiss"),
    so a split is accepted only where the left part is not an office still
    waiting for its holder's name.
    """
    for match in _TO.finditer(text):
        left, right = text[: match.start()], text[match.end() :]
        name, role = parse_person(left)
        if name is None and role is not None:
            continue  # "Soviet Ambassador" | "to Cuba A. Alekseyev": the office goes on
        return left, _clean(_ARTICLE.sub("", right.strip()))
    return text, None


def _parse_plain(text: str, parts: TitleParts) -> None:
    """Fill ``parts`` from one unquoted title part such as "Record of ... with ..."."""
    text, date = _strip_date(text)
    if date and not parts.conversation_date:
        parts.conversation_date = date
    match = _TYPE_AT_START.match(text)
    if match is None:
        return
    if not parts.document_type:
        parts.document_type = _clean(match.group("type"))
    rest = match.group("rest")
    people: list[NamedRole] = []
    if m := _OF_WITH.match(rest):
        _set_author(parts, m.group("of"))
        people = split_people(m.group("with"))
    elif m := _BETWEEN.match(rest):
        people = split_people(m.group("people"))  # A is not the author: minutes have recorders
        parts.between = True
    elif m := _WITH.match(rest):
        people = split_people(m.group("people"))
    elif m := _FROM.match(rest):
        sender, parts.addressee = _split_sender(m.group("sender"))
        _set_author(parts, sender)
    elif m := _BY.match(rest):
        _set_author(parts, m.group("who"))
    elif m := _COMMA.match(rest):  # "Report, Embassy of Hungary ... to ...", "Memo, A and B"
        sender, addressee = _split_sender(m.group("rest"))
        if addressee is None and not is_organization(sender):
            people = split_people(sender)
        else:
            parts.addressee = addressee
            _set_author(parts, sender)
    parts.interlocutors.extend(p for p in people if p.name != parts.author)


def _set_author(parts: TitleParts, text: str) -> None:
    """The sender: a person (with the office given), or an issuing office."""
    if is_organization(text):
        parts.issuer = parts.issuer or _clean(_ARTICLE.sub("", text.strip()))
    elif parts.author is None:
        person = split_name_and_role(text)
        parts.author, parts.author_role = person.name, person.role


def parse_title(title: str) -> TitleParts:
    """Read document type, author, interlocutors, date and addressee from a title.

    A "From the Journal/Diary of X" wrapper names where the record was kept, so
    the quoted inner title gives the type; a "Telegram/Letter from X to Y"
    outer title is itself the type, and its quoted inner title only adds the
    people.  Parts the title does not state stay ``None``.

    >>> p = parse_title("From the Journal of S.M. Kudryavtsev, 'Record of a Conversation with "
    ...     "Prime Minister of the Republic of Cuba Fidel Castro Ruz, 19 May 1961'")
    >>> p.document_type, p.author, p.conversation_date
    ('Record of a Conversation', 'S.M. Kudryavtsev', '19 May 1961')
    >>> p.interlocutors
    [NamedRole(name='Fidel Castro Ruz', role='Prime Minister of the Republic of Cuba')]
    >>> p = parse_title("Record of Conversation between Mao Zedong and Kim Il Sung")
    >>> p.author, [i.name for i in p.interlocutors], p.between
    (None, ['Mao Zedong', 'Kim Il Sung'], True)
    >>> p = parse_title("Report, Hungarian Legation in Havana, 'Conversation with Ernesto Guevara'")
    >>> p.author, p.issuer, [i.name for i in p.interlocutors]
    (None, 'Hungarian Legation in Havana', ['Ernesto Guevara'])
    >>> parse_title("Letter from Nikita Khrushchev to Fidel Castro").addressee
    'Fidel Castro'
    """
    text = _clean(title).strip('*"“” ')
    parts = TitleParts()
    outer, inner = text, None
    if (quoted := _QUOTED_INNER.match(text)) and _TYPE_ANYWHERE.search(quoted.group("inner")):
        outer, inner = quoted.group("outer"), quoted.group("inner")
        if quoted.group("date"):
            parts.conversation_date = _clean(quoted.group("date"))
    if wrapper := _WRAPPER.match(outer):
        rest, date = _strip_date(wrapper.group("rest"))
        parts.conversation_date = parts.conversation_date or date
        who, _, rest = rest.partition(",")
        _set_author(parts, who)
        if inner is None and rest.strip():
            inner = rest.strip()  # "From the Diary of X, Record of a Conversation with ..."
        if inner is not None:
            _parse_plain(inner, parts)
        if parts.document_type is None:
            parts.document_type = wrapper.group("kind").capitalize()
        return parts
    _parse_plain(outer, parts)
    if inner is not None:
        _parse_plain(inner, parts)
    return parts


def classify_document_type(text: str) -> str | None:
    """Map a title or a type wording to a :class:`~kg.concepts.DocumentType` slug.

    The type the title states first wins (inside a "From the Diary of" wrapper,
    the quoted record's type); ``None`` when the text names no kind of document.

    >>> classify_document_type("From the Diary of P.F. Yudin, 'Record of a Conversation with Mao'")
    'record-of-conversation'
    >>> classify_document_type("MEMORANDUM OF CONVERSATION")
    'memorandum-of-conversation'
    >>> classify_document_type("From the Diary of V.S. Tolstikov, 2 March 1966")
    'diary-entry'
    >>> classify_document_type("Ciphered Telegram from Beijing") , classify_document_type("Hello")
    ('telegram', None)
    """
    wording = parse_title(text).document_type
    if wording is None:
        found = _TYPE_ANYWHERE.search(text)
        if found is None:
            return None
        wording = found.group(0)
    wording = _clean(wording)
    for pattern, slug in _SLUG_RULES:
        if pattern.search(wording):
            return str(slug.value)
    return None  # pragma: no cover - the last rule matches any wording
