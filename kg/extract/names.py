"""Person, organization and place names as records write them -> authority slugs.

Records name the same person many ways ("A. I. ALEKSEYEV", "Alekseyev, A. I.",
"Ambassador Alekseev", "Castro's"); :func:`clean_person_name` reduces a name
to given name, family name and initials, and :class:`NameResolver` looks the
result up in an :class:`~kg.authority.Authority` using what the document
already said (persons resolved earlier, its date and country).  The resolver
never guesses: several equally plausible persons give status ``ambiguous``,
an unknown name gives status ``new`` with a slug minted from the name.

>>> clean_person_name("Darusenkov, O. T.").display
'O. T. Darusenkov'
>>> clean_person_name("Minister of Foreign Affairs Raul Roa").family
'Roa'
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from kg.authority import PARTICLES, Authority, Entity, label_key, variant_key, word_set
from kg.ids import slugify

#: Honorifics and offices that precede a name (folded, without dots).
TITLE_WORDS = word_set(
    "comrade comrades cde tovarishch tovarisch tov mr mrs ms messrs dr prof professor senor "
    "senora senorita sra srta herr frau monsieur mme madame mlle sir lord lady excellency hon "
    "honorable honourable premier prime minister deputy vice first second third secretary "
    "general ambassador charge counsellor counselor attache consul envoy president chairman "
    "chairwoman chief head director commander marshal admiral colonel major captain lieutenant "
    "lt capt maj adm sergeant king queen prince princess emperor shah pope cardinal bishop "
    "archbishop father rev reverend sheikh emir sultan chancellor governor senator congressman "
    "academician comandante presidente ministro companero generalissimo commissar undersecretary "
    "under-secretary secretary-general vice-president assistant acting member leader delegate "
    "representative spokesman adviser advisor aide interpreter translator recorder "
    "correspondent stenographer"
)
#: Abbreviations that are titles only when written with a dot ("Sen." but "Amartya Sen").
DOTTED_TITLES = word_set("sen com gen rep min sec dep pres gov amb col")
#: Words of the institutions in a title ("of the CC of the CPSU", "Foreign Affairs").
INSTITUTION_WORDS = word_set(
    "foreign affairs internal home defense defence trade finance state states armed forces "
    "revolutionary national central committee cc party communist workers socialist unity united "
    "nations union soviet republic republics people peoples democratic federal council ministers "
    "ministry presidium politburo political bureau secretariat department division section "
    "office embassy mission delegation government cabinet supreme assembly congress parliament "
    "senate house court army navy air force security intelligence agency service staff interior "
    "justice education culture health industry agriculture economy economic planning commission "
    "board bank organization organisation americas european western eastern southern northern "
    "latin region province administration relations international public policy program "
    "programme institute academy university foundation family fund center centre archive "
    "archives library museum press news radio television company corporation front movement "
    "league federation confederation alliance pact treaty treasury commerce labor labour "
    "information propaganda science sciences research energy atomic nuclear peace war crisis "
    "conference summit declaration charter doctrine plan directorate hemisphere bloc camp "
    "digital translation record journal document secret copy original summary citation credits "
    "contents language date id uploaded top general assembly republican democrat associated "
    "related places topics subjects discussed keywords collection north south east west upper "
    "lower river sea ocean lake bay gulf island islands mountains valley district city town "
    "village street square avenue hall palace building airport station port harbor harbour "
    "strait peninsula canal red cross history declassified"
)
#: Lower-case words that may sit inside a title ("of the", "in", "for").
FUNCTION_WORDS = word_set("of the and for in to at on a an")
#: Capitalised words that begin sentences and are never part of a name.
COMMON_CAPS = word_set(
    "i he she it we they you me him us them this that these those the a an then there here when "
    "while after before since although though however moreover furthermore also but and or so "
    "thus yet if as at by for from in into of on to with without during according having being "
    "both neither either each every all some many most much several such other another our "
    "your his her its their my what which who whom whose why how where not no yes today "
    "yesterday tomorrow now later earlier further finally again only even still just once let "
    "please dear regarding concerning subject note god lord christmas easter obtained translated"
)
MONTHS_AND_DAYS = word_set(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday "
    "saturday sunday"
)
_SUFFIXES = word_set("jr sr ii iii iv")
#: Two-letter initials of transliterated names ("Yu. V. Andropov", "Zh.", "Sz.").
_DIGRAPH_INITIALS = word_set("yu ya ye yo zh ch sh kh ts ju ja je sz cz gy ly ny")
_LEADING_ARTICLES = word_set("the his her")
_PREPOSITIONS = word_set("of for to in at on")
_INITIALS_GLUED = re.compile(r"(?<=\b[^\W\d_])\.(?=[^\W\d_])|(?<=\b[^\W\d_]{2})\.(?=[^\W\d_]\.)")
_POSSESSIVE = re.compile(r"['’](?:s\b)?$", re.IGNORECASE)
Status = Literal["resolved", "new", "ambiguous"]


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
    return len(core) == 1 or (word.endswith(".") and core.lower() in _DIGRAPH_INITIALS)


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
    while end > 1 and word_key(words[end - 1]) in _SUFFIXES:
        end -= 1
    start = 0
    while start < end - 1 and word_key(words[start]) in _LEADING_ARTICLES:
        start += 1
    shouting = all(w.isupper() for w in words if any(c.isalpha() for c in w))
    modified = start + 1 < end - 1 and is_title(words[start + 1])  # "Soviet Ambassador X"
    if start < end - 1 and (is_title(words[start]) or modified):
        i = start + 1
        while i < end - 1 and (is_title(words[i]) or word_key(words[i]) in INSTITUTION_WORDS):
            i += 1
        if i < end - 1 and word_key(words[i]) in _PREPOSITIONS:
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
    raw = _POSSESSIVE.sub("", raw).strip(" ,;:")
    raw = _INITIALS_GLUED.sub(". ", raw)
    words, title, family_count = _arrange(raw)
    if all(is_title(w) or word_key(w) in _LEADING_ARTICLES for w in words):
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


def _known_given(person: Entity) -> list[str]:
    if person.given_name:
        return person.given_name.split()
    words = person.label.split()
    family = set(label_key(person.family_name or "").split())
    while words and label_key(words[-1]) in family:
        words.pop()
    return words if len(words) < len(person.label.split()) else []


def _content_words(text: str) -> set[str]:
    return {
        w[:-1] if len(w) > 3 and w.endswith("s") else w
        for w in label_key(text).split()
        if w not in FUNCTION_WORDS
    }


@dataclass(frozen=True)
class Resolution:
    """What a name resolved to; ``slug`` is minted when ``entity`` is ``None``."""

    status: Status
    entity: Entity | None
    slug: str
    display: str
    candidates: tuple[Entity, ...] = ()


@dataclass(eq=False)
class _NewPerson:
    slug: str
    display: str


class NameResolver:
    """Resolves the names of one document; create one per document.

    It remembers the persons already resolved in the document (resolve the
    author and interlocutors first), so a later bare surname refers to them,
    and keys persons missing from the authority by family name + initials so
    that spellings of one new person share a slug.
    """

    def __init__(
        self, authority: Authority, *, date: dt.date | None = None, country: str | None = None
    ) -> None:
        self.authority, self.date, self.country = authority, date, country
        self._seen: dict[str, Entity] = {}
        # variant family key -> (given words of that reading, person, primary reading?)
        self._new: dict[str, list[tuple[tuple[str, ...], _NewPerson, bool]]] = {}

    def seen_persons(self) -> tuple[Entity, ...]:
        """Authority persons resolved so far in this document, in order."""
        return tuple(self._seen.values())

    def new_persons(self) -> dict[str, str]:
        """Minted slug → the fullest spelling seen of each person not in the authority."""
        return {p.slug: p.display for entries in self._new.values() for _, p, _ in entries}

    def person(self, name: str, *, role: str | None = None) -> Resolution:
        """Resolve a personal name (titles, inversions and variants allowed)."""
        parsed = clean_person_name(name)
        if not parsed.family:  # nothing but a title: who it is needs the reader
            return Resolution("ambiguous", None, slugify(name), name.strip())
        role = role or parsed.title or None
        for text in dict.fromkeys((_POSSESSIVE.sub("", name.strip()), parsed.display)):
            hits = self.authority.by_label(text, "person")
            if hits:
                return self._choose_person(hits, parsed, role)
        for given, family in _splits(parsed):
            persons = self.authority.by_family_name(family)
            if persons and not given:
                if self._new.get(variant_key(family)):  # "Robert F. Kennedy" was named too
                    return self._ambiguous(persons, parsed.display)
                return self._choose_person(persons, parsed, role)
            fitting = [
                p
                for p in persons
                if given_compatible(given, _known_given(p))
                or any(word_key(g) == word_key(h) for g in given[:1] for h in p.hidden_labels)
            ]
            if fitting:
                return self._choose_person(tuple(fitting), parsed, role)
        if not parsed.given:
            hidden = self.authority.by_hidden_label(parsed.family, "person")
            if hidden:
                return self.choose(hidden, surface=parsed.display, hidden=True)
        return self._new_person(parsed)

    def organization(self, text: str) -> Resolution:
        """Resolve an organization by its labels ("the OAS", "OAS's")."""
        return self._named("organization", text)

    def place(self, text: str) -> Resolution:
        """Resolve a place by its labels; demonyms are left to mention finding."""
        return self._named("place", text)

    def choose(
        self,
        candidates: Sequence[Entity],
        *,
        surface: str,
        role: str | None = None,
        hidden: bool = False,
    ) -> Resolution:
        """Pick among entities found for ``surface`` by context, or report ambiguity.

        ``hidden`` marks candidates found through a hidden label: those
        resolve only when unique.
        """
        if hidden and len(candidates) != 1:
            return self._ambiguous(candidates, surface)
        if candidates and candidates[0].kind == "person":
            return self._choose_person(tuple(candidates), clean_person_name(surface), role)
        local = [c for c in candidates if self.country in (c.slug, c.country, c.contained_in)]
        if len(candidates) == 1 or (self.country and len(local) == 1):
            chosen = candidates[0] if len(candidates) == 1 else local[0]
            return Resolution("resolved", chosen, chosen.slug, surface)
        return self._ambiguous(candidates, surface)

    def _named(self, kind: str, text: str) -> Resolution:
        surface = re.sub(r"^(?:the)\s+", "", _POSSESSIVE.sub("", text.strip()), flags=re.I)
        hits = self.authority.by_label(surface, kind)
        if not hits:
            return Resolution("new", None, slugify(surface), surface)
        return self.choose(hits, surface=surface)

    def _ambiguous(self, candidates: Sequence[Entity], surface: str) -> Resolution:
        return Resolution("ambiguous", None, slugify(surface), surface, tuple(candidates))

    def _choose_person(
        self, candidates: tuple[Entity, ...], parsed: PersonName, role: str | None
    ) -> Resolution:
        chosen: Entity | None = candidates[0] if len(candidates) == 1 else None
        if chosen is None:
            seen = [c for c in candidates if c.slug in self._seen]
            chosen = seen[0] if len(seen) == 1 else self._by_context(candidates, role)
        if chosen is None:
            return Resolution("ambiguous", None, _mint(parsed), parsed.display, candidates)
        self._seen.setdefault(chosen.slug, chosen)
        return Resolution("resolved", chosen, chosen.slug, parsed.display)

    def _by_context(self, candidates: Sequence[Entity], role: str | None) -> Entity | None:
        """The one candidate best supported by role, date and country, if unique.

        The last tie-breaker is who led a state, government or ruling party at
        the document's date: a bare "Kennedy" in a 1963 record is the
        President, not the Attorney General; a bare "Castro" in 1961 the Prime
        Minister.  Without a date, or with no single leader, it stays ambiguous.
        """
        role_words = _content_words(role) if role else set()
        scores = []
        for person in candidates:
            dated = [p for p in person.positions if self.date is None or p.covers(self.date)]
            country_words = set((person.country or "").split("-"))
            role_dated = max((len(role_words & _content_words(p.label)) for p in dated), default=0)
            role_any = max(
                (len(role_words & _content_words(p.label)) for p in person.positions), default=0
            ) + len(role_words & country_words)
            date_ok = self.date is not None and any(
                (p.earliest or p.latest) and p.covers(self.date) for p in person.positions
            )
            country_ok = self.country is not None and person.country == self.country
            leads = self.date is not None and any(
                p.covers(self.date) and is_leading_office(p.label) for p in person.positions
            )
            scores.append((role_dated, role_any, int(date_ok), int(country_ok), int(leads)))
        best = max(scores, default=(0, 0, 0, 0, 0))
        if best == (0, 0, 0, 0, 0) or scores.count(best) != 1:
            return None
        return candidates[scores.index(best)]

    def _new_person(self, parsed: PersonName) -> Resolution:
        """Key a person missing from the authority by every reading of the name.

        Truncated given names ("A." vs "A. I.") only match between plain
        readings; across readings (Spanish double surnames, family name
        first) the given names must have the same length or one be absent.
        """
        readings = _splits(parsed)
        fitting: list[_NewPerson] = []
        for index, (given, family) in enumerate(readings):
            for known, person, primary in self._new.get(variant_key(family), ()):
                if any(p is person for p in fitting) or not given_compatible(given, known):
                    continue
                if (index == 0 and primary) or not given or not known or len(given) == len(known):
                    fitting.append(person)
        if len(fitting) > 1:
            return Resolution("ambiguous", None, _mint(parsed), parsed.display)
        person = fitting[0] if fitting else _NewPerson(_mint(parsed), parsed.display)
        if len(parsed.display) > len(person.display):
            person.display = parsed.display
        for index, (given, family) in enumerate(readings):
            entries = self._new.setdefault(variant_key(family), [])
            if given:  # a surname alone no longer stands for this person
                entries[:] = [e for e in entries if e[0] or e[1] is not person]
            if not any(p is person and g == given for g, p, _ in entries):
                entries.append((given, person, index == 0))
        return Resolution("new", None, person.slug, parsed.display)


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


def _mint(parsed: PersonName) -> str:
    """``{family}-{given-or-initials}``, e.g. ``kudryavtsev-s-m``."""
    return slugify(f"{parsed.family} {parsed.given}")


def _splits(parsed: PersonName) -> list[tuple[tuple[str, ...], str]]:
    """(given words, family name) readings of a name, the plainest first.

    "Raúl Roa García" may be given "Raúl" + family "Roa García" (Spanish
    double surname), so later splits move given words into the family name.
    """
    given = parsed.given_words
    family_words = parsed.family.split()
    splits = [(given, parsed.family)]
    with_particles = given
    while len(family_words) > 1 and family_words[0].lower() in PARTICLES:
        with_particles = (*with_particles, family_words[0])  # "van Dong" -> "van" + "Dong"
        family_words = family_words[1:]
        splits.append((with_particles, " ".join(family_words)))
    if len(family_words) > 1:
        splits.append((given, family_words[0]))
    if given and not any(is_initial(w) for w in given):
        for i in range(1, len(given)):
            rest = [*given[i:], *family_words]
            splits.extend([(given[:i], " ".join(rest)), (given[:i], rest[0])])
        # Family name first, as in Chinese, Korean and Vietnamese names: "Zhou Enlai".
        splits.append(((*given[1:], *family_words), given[0]))
    return list(dict.fromkeys(splits))
