"""Deterministic IRI minting (DESIGN A1).

The same input gives the same IRIs on every run and machine: identities come
from a source's stable record id, or, where a source has none, from a short
hash of (source, title, date) -- never from a URL or from the order of
ingestion.

>>> slugify("Fidel Castro Ruz")
'fidel-castro-ruz'
>>> slugify("Gomułka, Władysław")
'gomulka-wladyslaw'
>>> short_hash("wilson", "Record of a Conversation", "1961-05-19")
'c445c4d217'
>>> Iris("https://w3id.org/dipkg/").event("wilson-177830", 2)
'https://w3id.org/dipkg/event/wilson-177830-2'
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass

from kg.namespaces import DEFAULT_BASE_IRI

_TRANSLITERATE = str.maketrans(
    {
        "ł": "l",
        "Ł": "L",
        "ø": "o",
        "Ø": "O",
        "đ": "d",
        "Đ": "D",
        "ß": "ss",
        "æ": "ae",
        "Æ": "AE",
        "œ": "oe",
        "ı": "i",
        "’": "",
        "'": "",
    }
)


def fold(text: str) -> str:
    """Strip diacritics and fold case: the key for comparing spellings.

    >>> fold("Dorticós")
    'dorticos'
    >>> fold("Ceaușescu")
    'ceausescu'
    """
    text = text.translate(_TRANSLITERATE)
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return stripped.casefold()


def slugify(text: str) -> str:
    """A readable ASCII slug: lower case, words joined by hyphens."""
    slug = re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")
    return slug or "unnamed"


def short_hash(*parts: str) -> str:
    """Ten hex digits of SHA-256 over the parts (unit-separated)."""
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()
    return digest[:10]


@dataclass(frozen=True)
class Iris:
    """Mints instance IRIs under one dataset base (``{base}event/…`` etc.)."""

    base: str = DEFAULT_BASE_IRI

    def __post_init__(self) -> None:
        if not re.match(r"^https?://\S+/$", self.base):
            raise ValueError(f"base IRI must be an http(s) IRI ending in '/': {self.base!r}")

    def _mint(self, kind: str, key: str) -> str:
        return f"{self.base}{kind}/{key}"

    def document(self, key: str, lang: str | None = None) -> str:
        return self._mint("document", f"{key}-{lang}" if lang else key)

    def event(self, key: str, n: int = 1) -> str:
        return self._mint("event", key if n == 1 else f"{key}-{n}")

    def participation(self, event_iri: str, n: int) -> str:
        return f"{event_iri}/participation/{n}"

    def topic_assignment(self, event_iri: str, n: int) -> str:
        return f"{event_iri}/topic/{n}"

    def position(self, person_iri: str, n: int) -> str:
        return f"{person_iri}/position/{n}"

    def person(self, slug: str) -> str:
        return self._mint("person", slug)

    def organization(self, slug: str) -> str:
        return self._mint("organization", slug)

    def place(self, slug: str) -> str:
        return self._mint("place", slug)

    def agent(self, kind: str, slug: str) -> str:
        """``kind`` is ``person`` or ``organization``."""
        return self._mint(kind, slug)

    def topic(self, slug: str) -> str:
        return self._mint("topic", slug)

    def concept(self, scheme: str, slug: str) -> str:
        return self._mint("topic", f"{scheme}/{slug}")

    def scheme(self, scheme: str) -> str:
        return self._mint("topic", scheme)

    def graph(self, key: str) -> str:
        """``key`` is ``{source}-{recordId}`` or one of authority/curated/ontology/meta."""
        return self._mint("graph", key)
