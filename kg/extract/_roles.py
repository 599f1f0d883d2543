"""Tell a person's name from the office a record gives them (part of :mod:`kg.extract.header`).

Records write offices before or after names, with or without commas:
"Prime Minister of the Republic of Cuba Fidel Castro Ruz", "Fidel Castro Ruz,
Prime Minister of the Republic of Cuba", "Fidel CASTRO RUZ Prime Minister of the
Republic of Cuba".  The split rests on the shape of offices: an office starts
with office words (Minister, Ambassador, Chargé d'Affaires ...) and may go on
with complements ("of the Republic of Cuba", "to the USSR") made of organisation
words or one capitalised token; what follows is the name.  No particular person
is listed anywhere, so the rules hold for people the project has not seen.

>>> split_name_and_role("Ambassador of Hungary to the USSR J. Kiss")
NamedRole(name='J. Kiss', role='Ambassador of Hungary to the USSR')
"""

from __future__ import annotations

import re

from kg.authority import word_set
from kg.sources.wilson import NamedRole

_HONORIFICS = word_set(
    "comrade comrades mr. mr mrs. mrs ms. ms dr. dr mister monsieur mme. madame herr frau "
    "sir señor senor tovarishch citizen his her excellency h.e."
)
_HEADS = word_set(
    "minister ministers' ambassador premier vice-premier secretary secretary-general "
    "under-secretary undersecretary chairman vice-chairman chairwoman president "
    "vice-president counsellor counselor councillor chargé charge d'affaires attaché attache "
    "consul consul-general envoy head chief director deputy leader member marshal general "
    "admiral colonel commander commissar adviser advisor assistant chancellor governor mayor "
    "king queen prince princess emperor shah sultan emir correspondent interpreter translator "
    "officer official representative delegate spokesman editor plenipotentiary manager "
    "administrator professor bishop senator congressman"
)
_MODIFIERS = word_set(
    "prime foreign first second third vice deputy acting chief senior junior special "
    "permanent executive former political military naval air trade press cultural economic "
    "commercial extraordinary temporary interim party state soviet personal principal "
    "honorary grand supreme high"
)
# Words of organisations and countries: they continue an office's complement.
_ORG_NOUNS = word_set(
    "affairs trade defense defence security relations union unions states kingdom republic "
    "party committee council ministers assembly front army forces industry agriculture "
    "culture education economy finance planning commission bureau department office staff "
    "navy government cabinet congress presidium politburo secretariat embassy mission "
    "ministry board bank federation organization organisation association movement "
    "parliament senate delegation nations interior justice health transport communications "
    "railways labour labor information propaganda commerce headquarters administration "
    "agency service academy institute church committees countries section division "
    "legation consulate"
)
_ORG_ADJECTIVES = word_set(
    "people's peoples workers' workers communist socialist democratic national central "
    "supreme soviet federal popular revolutionary provisional united great new north south "
    "east west foreign internal external public state liberation heavy light international "
    "permanent royal islamic arab"
)
# Words that open a two-word region or country name ("Eastern Europe", "North Korea").
_REGIONAL = word_set(
    "eastern western northern southern central latin middle far near north south east west "
    "southeast southwest northeast northwest upper lower"
)
_CONNECTORS = word_set("of to in for at on")
_ARTICLES = word_set("the a an")
_PARTICLES = word_set("de da di del della van von der den la le du bin ibn al el y dos das")
_ACRONYMS = word_set(
    "CC CPSU USSR PRC DPRK ROK DRV RVN GDR FRG SED CPC CCP KWP WPK VWP PUWP PZPR MSZMP HSWP "
    "CPCZ KSC BCP RCP PCC PCI PCF UN UNO US USA UK OAS NATO SEATO NLF KGB MFA CIA UAR MPR "
    "MPRP LPRP PLO ANC FLN OAU TASS CMEA CPV ORI PURS SFRY LCY MID"
)
_OFFICE = _HEADS | _MODIFIERS

_INITIAL = re.compile(r"^(?:[^\W\d_][^\W\d_]?\.-?){1,3}$")
# Endings of nationality adjectives ("Hungarian", "Chinese", "Polish", "Czechoslovak").
_NATIONALITY = re.compile(r"(?:an|ese|ish|ic|i|ch|ak|av)$")
_PAREN_ROLE = re.compile(r"^(?P<name>[^()]+?)\s*\((?P<role>[^()]+)\)$")
_LIST_SPLIT = re.compile(r"(,\s*(?:and\s+)?|;\s*|\s+and\s+|\s*&\s*)", re.I)
_OTHERS = re.compile(r",?\s+(?:and|&)\s+(?:others|other\s.*)$|,?\s+et\s+al\.?$", re.I)
_SPACE = re.compile(r"\s+")
_PARENTHESES = re.compile(r"\([^()]*\)")
_POSSESSIVE = re.compile(r"['’]s?$")
_COMMA = "\x00"  # a protected comma while a list is split
_VOWELS = frozenset("AEIOUY")


def _word(token: str) -> str:
    return token.strip(",;:()[]").lower()


def _is_initial(token: str) -> bool:
    return bool(_INITIAL.match(token.strip(",;")))


def _is_capitalised(token: str) -> bool:
    letters = [c for c in token if c.isalpha()]
    return bool(letters) and letters[0].isupper()


def _is_acronym(token: str) -> bool:
    bare = token.strip(",;:()[]'’s")
    if bare.upper() in _ACRONYMS and bare.isupper():
        return True
    return 2 <= len(bare) <= 6 and bare.isalpha() and bare.isupper() and not _VOWELS & set(bare)


def _is_office_word(token: str) -> bool:
    return _word(token) in _OFFICE


def _in_office(token: str) -> bool:
    """An office word, also hyphenated ones ("Minister-Counsellor", "Vice-Consul")."""
    word = _word(token)
    parts = word.split("-")
    return word in _OFFICE or (len(parts) > 1 and all(p in _OFFICE for p in parts))


def _is_org_word(token: str) -> bool:
    word = _word(token)
    return word in _ORG_NOUNS or word in _ORG_ADJECTIVES


def _is_name(tokens: list[str]) -> bool:
    """True when the tokens can be a personal name: capitalised words and initials only."""
    if not tokens or len(tokens) > 7:
        return False
    core = [t for t in tokens if _word(t) not in _PARTICLES]
    if not core or not all(_is_capitalised(t) or _is_initial(t) for t in core):
        return False
    if any(_word(t) in _ORG_NOUNS or _word(t) in _CONNECTORS for t in tokens):
        return False
    return not all(_is_office_word(t) or _is_org_word(t) or _is_acronym(t) for t in core)


def _complement_end(tokens: list[str], i: int) -> int:
    """Index after the complement starting at ``i`` ("the Republic", "Foreign Affairs")."""
    n = len(tokens)
    while i < n and _word(tokens[i]) in _ARTICLES:
        i += 1
    while i + 1 < n and not _is_initial(tokens[i]):
        nxt = _word(tokens[i + 1])
        adjective = _word(tokens[i]) in _ORG_ADJECTIVES or _is_capitalised(tokens[i])
        if not (adjective and (nxt in _ORG_NOUNS or nxt in _ORG_ADJECTIVES)):
            break
        i += 1
    if i < n and _word(tokens[i]) in _ORG_NOUNS:
        i += 1
    elif _regional(tokens, i):
        i += 2  # a two-word region or country: "Eastern Europe", "North Korea"
    elif i < n and not _is_initial(tokens[i]):
        i += 1  # one token: a country ("Cuba"), an acronym ("PRC"), a ministry ("Metallurgy")
    while i < n:
        if _word(tokens[i]) in _ORG_NOUNS or _is_acronym(tokens[i]):
            i += 1
        elif _word(tokens[i]) in ("and", "&") and i + 1 < n and _is_org_word(tokens[i + 1]):
            i += 2  # "Foreign Affairs and Trade"
        elif _word(tokens[i]) in ("and", "&") and _regional(tokens, i + 1):
            i += 3  # "the Department of the USSR and Eastern Europe"
        else:
            break
    return i


def _regional(tokens: list[str], i: int) -> bool:
    """Whether ``tokens[i:i+2]`` is a region or country such as "Eastern Europe"."""
    if i + 1 >= len(tokens) or _word(tokens[i]) not in _REGIONAL:
        return False
    nxt = tokens[i + 1]
    return _is_capitalised(nxt) and not _is_initial(nxt) and _word(nxt) not in _ORG_NOUNS


def _office_end(tokens: list[str]) -> int:
    """Index where the name starts, for tokens that begin with an office."""
    n, i, in_office = len(tokens), 0, True
    while i < n:
        word = _word(tokens[i])
        nxt = _word(tokens[i + 1]) if i + 1 < n else ""
        if in_office:
            adjective = i == 0 and _is_capitalised(tokens[i]) and nxt in _OFFICE
            if _in_office(tokens[i]) or adjective:
                i += 1
                continue
            if word in _CONNECTORS:
                i, in_office = i + 1, False
                continue
            if word in ("and", "&") and nxt in _OFFICE:
                i += 1
                continue
            break
        i = _complement_end(tokens, i)
        word = _word(tokens[i]) if i < n else ""
        nxt = _word(tokens[i + 1]) if i + 1 < n else ""
        if word in _CONNECTORS:
            i += 1
        elif word in ("and", "&") and nxt in _OFFICE:
            i, in_office = i + 1, True
        else:
            break
    return i


def _first_office(tokens: list[str]) -> int | None:
    """Index where an office begins ("Fidel CASTRO RUZ Prime Minister ..." -> 3)."""
    for index, token in enumerate(tokens):
        if _word(token) in _HEADS or (_in_office(token) and "-" in token):
            start = index
            while start > 0 and _word(tokens[start - 1]) in _MODIFIERS:
                start -= 1
            return start
    return None


def _join(tokens: list[str]) -> str:
    """Tokens back to text, without a leading article or a closing full stop."""
    text = " ".join(tokens).strip(" ,;:")
    words = text.split()
    if words and words[0].lower() in _ARTICLES:
        text = " ".join(words[1:])
    if text.endswith(".") and not _is_initial(text.split()[-1] if text else ""):
        text = text[:-1]
    return text


def parse_person(text: str) -> tuple[str | None, str | None]:
    """Split ``text`` into (name, office); ``None`` for a part that is not there.

    Honorifics ("Comrade", "Mr.") are dropped: they are not offices.

    >>> parse_person("Fidel CASTRO RUZ Prime Minister of the Republic of Cuba")
    ('Fidel CASTRO RUZ', 'Prime Minister of the Republic of Cuba')
    >>> parse_person("Minister of Foreign Affairs")
    (None, 'Minister of Foreign Affairs')
    >>> parse_person("the Hungarian Embassy in Pyongyang")
    (None, None)
    """
    text = _SPACE.sub(" ", text).strip(" ,;:")
    if paren := _PAREN_ROLE.match(text):
        name, role = parse_person(paren.group("name"))
        inner_name, inner_role = parse_person(paren.group("role"))
        if inner_name is None and inner_role is not None:
            return name, inner_role if role is None else f"{role}, {inner_role}"
    if "," in text:
        left, right = (part.strip() for part in text.split(",", 1))
        left_name, left_role = parse_person(left)
        right_name, right_role = parse_person(right)
        if left_name and not left_role and not right_name and right_role:
            return left_name, right_role
        if not left_name and left_role and right_name:
            # "Member of the Politburo, Secretary of the CC SED H. Axen"
            return right_name, left_role if not right_role else f"{left_role}, {right_role}"
    tokens = [t for t in text.replace(",", " ").split() if _word(t) not in _HONORIFICS]
    while tokens and _word(tokens[0]) in _ARTICLES:
        tokens = tokens[1:]
    if not tokens:
        return None, None
    start = _first_office(tokens)
    if start is None:
        return (_join(tokens) if _is_name(tokens) else None), None
    if start > 0:
        end = _office_end(tokens)  # "Hungarian Ambassador Ferenc Münnich"?
        if start == 1 and end < len(tokens) and _is_name(tokens[end:]):
            return _join(tokens[end:]), _join(tokens[:end])
        if start == 1 and (_is_acronym(tokens[0]) or _NATIONALITY.search(tokens[0])):
            return None, _join(tokens)  # "Hungarian Ambassador": an office without its holder
        holder = tokens[:start]
        if _is_name(holder):
            return _join(holder), _join(tokens[start:])
        tail = _trailing_name(tokens)
        if tail is not None and tail > start:  # "the group leader of ... V. I. Baranov"
            return _join(tokens[tail:]), _join(tokens[start:tail])
        return None, _join(tokens[start:])
    end = _office_end(tokens)
    if end < len(tokens) and _is_name(tokens[end:]):
        return _join(tokens[end:]), _join(tokens[:end])
    tail = _trailing_name(tokens)
    if tail is not None:  # "the group leader of the Soviet town-planning specialists V. I. Baranov"
        return _join(tokens[tail:]), _join(tokens[:tail])
    return None, _join(tokens)


def _trailing_name(tokens: list[str]) -> int | None:
    """Where a personal name that ends an office phrase starts, if one does.

    The name is the run of capitalised words and initials at the end, after a
    lower-case word, an office or organisation word or an acronym; used when
    the office grammar does not reach the name ("... town-planning
    specialists V. I. Baranov").
    """
    start = len(tokens)
    while start > 0:
        token = tokens[start - 1]
        plain = _is_capitalised(token) and not (
            _in_office(token) or _is_org_word(token) or _is_acronym(token)
        )
        if not (_is_initial(token) or plain or _word(token) in _PARTICLES):
            break
        start -= 1
    while start < len(tokens) and _word(tokens[start]) in _PARTICLES:
        start += 1
    if start in (0, len(tokens)) or _word(tokens[start - 1]) in _CONNECTORS | _ARTICLES:
        return None  # no office before it, or a complement ("of Hungary", "the Minister's")
    if any(_POSSESSIVE.search(t) for t in tokens[start:]):
        return None
    return start if _is_name(tokens[start:]) else None


def is_organization(text: str) -> bool:
    """Whether ``text`` names an organisation (an embassy, a ministry, a committee) and no person.

    An office without its holder ("Minister of Foreign Affairs") stands for a
    person, so it is not an organisation.

    >>> is_organization("the Hungarian Legation in Havana"), is_organization("CC CPSU")
    (True, True)
    >>> is_organization("Minister of Foreign Affairs"), is_organization("Ernesto Guevara")
    (False, False)
    """
    name, role = parse_person(text)
    if name is not None or role is not None:
        return False
    tokens = [t for t in _SPACE.sub(" ", text).split() if _word(t) not in _ARTICLES]
    if not tokens:
        return False
    return any(_word(t) in _ORG_NOUNS for t in tokens) or all(_is_acronym(t) for t in tokens)


def split_name_and_role(text: str) -> NamedRole:
    """The person ``text`` names, with the office it gives them (in either order).

    When no personal name can be found (an organisation, or an office standing
    for its holder) the whole text is the name and the role is ``None``.

    >>> split_name_and_role("Fidel Castro Ruz, Prime Minister of the Republic of Cuba")
    NamedRole(name='Fidel Castro Ruz', role='Prime Minister of the Republic of Cuba')
    >>> split_name_and_role("the Chairman of the PRC Mao Zedong")
    NamedRole(name='Mao Zedong', role='Chairman of the PRC')
    >>> split_name_and_role("Comrade Kim Il Sung")
    NamedRole(name='Kim Il Sung', role=None)
    """
    name, role = parse_person(text)
    if name is None:
        return NamedRole(_join(text.split()), None)
    return NamedRole(name, role)


def split_people(text: str) -> list[NamedRole]:
    """The people of a list such as "Premier Zhou Enlai and Foreign Minister Chen Yi".

    Commas separate people and also a name from its office ("Fidel Castro Ruz,
    Prime Minister of ..."); an office without a holder ("Vice Premier and
    Minister of Foreign Affairs Chen Yi") belongs to the next name.

    >>> split_people("Zhou Enlai, Premier of the State Council, and Foreign Minister Chen Yi")
    [NamedRole(name='Zhou Enlai', role='Premier of the State Council'), \
NamedRole(name='Chen Yi', role='Foreign Minister')]
    """
    text = _OTHERS.sub("", _SPACE.sub(" ", text).strip(" ,;:."))
    # Separators inside parentheses belong to an office: "X (Second Secretary, interpreter)".
    text = _PARENTHESES.sub(lambda m: m.group(0).replace(",", _COMMA).replace(";", _COMMA), text)
    pieces = [p.replace(_COMMA, ",") for p in _LIST_SPLIT.split(text)]
    people: list[NamedRole] = []
    pending, sep = "", ""
    for index in range(0, len(pieces), 2):
        piece = pieces[index].strip()
        if index:
            sep = pieces[index - 1] if pieces[index - 1].strip() else " "
        if not piece:
            continue
        name, role = parse_person(piece)
        if name is None and role is not None and not pending:
            if people and people[-1].role is None:
                people[-1] = NamedRole(people[-1].name, role)
            else:
                pending = piece
        elif name is None:
            if pending:
                pending = f"{pending}{sep}{piece}"
            elif people and people[-1].role and all(_is_org_word(t) for t in piece.split()):
                people[-1] = NamedRole(people[-1].name, f"{people[-1].role}{sep}{piece}")
            else:
                people.append(split_name_and_role(piece))
        else:
            if pending:
                name, role = parse_person(f"{pending}{sep}{piece}")
                name = name or piece
                pending = ""
            people.append(NamedRole(name, role))
    if pending:
        if people and not _is_name(pending.split()):
            last = people[-1]
            people[-1] = NamedRole(last.name, f"{last.role}, {pending}" if last.role else pending)
        else:
            people.append(split_name_and_role(pending))
    return people
