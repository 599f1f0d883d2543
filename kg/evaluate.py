"""Scoring kg's extraction against hand annotations (``kg eval GOLD.jsonl DIR``).

Extraction rules are tuned on a handful of pages; a gold set read by a
historian tells whether they generalise.  Each gold line annotates one file
of ``DIR``; the file goes through exactly what ``kg ingest`` runs
(:meth:`kg.ingest.Ingestor.extract_file`) without storing anything, and its
first document is compared field by field:

* sets (participants, author, mentioned persons, places, organizations, and
  the secondary translator, obtained-by and topic fields) give precision,
  recall and F1, micro-averaged over the documents;
* single values (document date, event date, document type, classification,
  archive citation, and the secondary original language and title) give an
  accuracy.

Gold names are resolved the way kg resolves names (a
:class:`~kg.extract.names.NameResolver` over the same authority, with the
document's date as context), so "Raúl Roa" in the gold and "Foreign Minister
Roa" in the record meet at ``person/roa-garcia-raul``.  A bare surname on
either side matches a full name with that surname.  A value may also be
written as ``person/slug``, ``place/slug`` or ``organization/slug``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kg.authority import Authority, family_keys, label_key
from kg.concepts import Classification
from kg.extract.dates import DateError, parse_date
from kg.extract.names import NameResolver, clean_person_name
from kg.gold import (
    EXACT_FIELDS,
    GOLD_KEYS,
    HEADLINE,
    SET_FIELDS,
    Difference,
    Evaluation,
    ExactScore,
    GoldDocument,
    SetScore,
    read_gold,
)
from kg.ids import fold, slugify
from kg.ingest import Ingestor, InputFile
from kg.model import AgentRef, Document, PlaceRef
from kg.namespaces import DEFAULT_BASE_IRI
from kg.report import Problem

__all__ = [
    "EXACT_FIELDS",
    "GOLD_KEYS",
    "HEADLINE",
    "SET_FIELDS",
    "Difference",
    "Evaluation",
    "ExactScore",
    "GoldDocument",
    "Item",
    "SetScore",
    "evaluate",
    "match_items",
    "normalise",
    "read_gold",
    "score_document",
]

_EDTF = re.compile(r"^[\dX?~%/.\-]+$")
_KINDS = ("person", "place", "organization", "topic")


# --- items compared in set fields ---------------------------------------------------------------
@dataclass(frozen=True)
class Item:
    """One value of a set field: its slug, how to show it, and the surnames it answers to."""

    slug: str
    label: str
    surnames: frozenset[str] = frozenset()
    surname_only: bool = False


def match_items(
    gold: Sequence[Item], predicted: Sequence[Item]
) -> tuple[int, list[Item], list[Item]]:
    """One-to-one matching: equal slugs first, then bare surnames against full names.

    Returns (matches, gold items missed, predicted items extra).

    >>> castro = Item("castro-ruz-fidel", "Fidel Castro", frozenset({"castro"}))
    >>> bare = Item("castro", "Castro", frozenset({"castro"}), surname_only=True)
    >>> match_items([bare], [castro])[0]
    1
    """
    missing, extra, matched = list(gold), list(predicted), 0

    def bare(a: Item, b: Item) -> bool:
        return a.surname_only and bool(a.surnames & b.surnames)

    for same in (lambda g, p: g.slug == p.slug, lambda g, p: bare(g, p) or bare(p, g)):
        for g in list(missing):
            found = next((p for p in extra if same(g, p)), None)
            if found is not None:
                missing.remove(g)
                extra.remove(found)
                matched += 1
    return matched, missing, extra


class _Resolver:
    """Turns gold text and extracted references into comparable :class:`Item` values."""

    def __init__(self, authority: Authority, date: dt.date | None) -> None:
        self.authority = authority
        self.names = NameResolver(authority, date=date)

    def person_item(self, slug: str, label: str, *, known: bool) -> Item:
        entity = self.authority.get("person", slug) if known else None
        if entity is not None:
            return Item(slug, entity.label, frozenset(family_keys(entity)))
        parsed = clean_person_name(label)
        surnames = frozenset(k for k in (label_key(parsed.family),) if k)
        return Item(slug, label, surnames, surname_only=bool(parsed.family) and not parsed.given)

    def gold(self, kind: str, text: str) -> Item:
        given_kind, sep, slug = text.partition("/")
        if sep and given_kind in _KINDS and re.fullmatch(r"[a-z0-9-]+", slug):  # "person/slug"
            entity = self.authority.get(given_kind, slug)
            label = entity.label if entity else slug
            if kind == "person":
                return self.person_item(slug, label, known=entity is not None)
            return Item(slug, label)
        if kind == "person":
            res = self.names.person(text)
            return self.person_item(res.slug, text, known=res.status == "resolved")
        if kind == "topic":
            return Item(slugify(text), text)
        res = self.names.place(text) if kind == "place" else self.names.organization(text)
        slug = res.entity.slug if res.status == "resolved" and res.entity else slugify(text)
        return Item(slug, text)

    def unlinked(self, name: str) -> Item:
        """A name kg found in the text but linked to nothing: the slug kg would mint."""
        return self.person_item(self.names.person(name).slug, name, known=False)


def _as_list(value: Any) -> list[str]:
    values = [value] if isinstance(value, str) else list(value or ())
    return [str(v) for v in values if str(v).strip()]


def predicted_sets(doc: Document | None, resolver: _Resolver) -> dict[str, list[Item]]:
    """What kg asserts for each set field of one extracted document.

    Mentioned persons are the persons kg links in the text plus the names it
    found but could not link (``dip:unlinkedName``: the mention finder only
    reports person-shaped names there) and the addressees, minus the
    participants and the author.
    """
    if doc is None:
        return {name: [] for name, _ in SET_FIELDS}

    def person(ref: AgentRef) -> Item:
        return resolver.person_item(ref.slug, ref.label, known=ref.known)

    participants = _unique(
        person(p.agent) for e in doc.events for p in e.participations if p.agent.kind == "person"
    )
    author = [person(doc.creator)] if doc.creator and doc.creator.kind == "person" else []
    taken = {i.slug for i in (*participants, *author)}
    mentioned = [
        *(person(m) for m in doc.mentions if isinstance(m, AgentRef) and m.kind == "person"),
        *(person(a) for a in doc.addressees if a.kind == "person"),
        *(resolver.unlinked(name) for name in doc.unlinked_names),
    ]
    places = [Item(e.place.slug, e.place.label) for e in doc.events if e.place is not None]
    places += [Item(m.slug, m.label) for m in doc.mentions if isinstance(m, PlaceRef)]
    organizations = [
        Item(m.slug, m.label)
        for m in (*doc.mentions, *doc.addressees)
        if isinstance(m, AgentRef) and m.kind == "organization"
    ]
    topics = [Item(t.slug, t.slug) for e in doc.events[:1] for t in e.topics]
    return {
        "participants": participants,
        "author": author,
        "mentioned_persons": _unique(i for i in mentioned if i.slug not in taken),
        "places": _unique(places),
        "organizations": _unique(organizations),
        "translator": _unique(person(t) for t in doc.translators),
        "obtained_by": _unique(person(o) for o in doc.obtained_by),
        "topics": _unique(topics),
    }


def _unique(items: Iterable[Item]) -> list[Item]:
    return list({i.slug: i for i in items}.values())


# --- single values ----------------------------------------------------------------------------
def normalise(name: str, value: Any) -> str | None:
    """The comparable form of a single value (gold or predicted).

    >>> normalise("classification", "TOP SECRET")
    'top-secret'
    >>> normalise("event_date", "19 May 1961")
    '1961-05-19'
    >>> normalise("archive_citation", "AVP RF,  f. 0104, op. 19.")
    'AVP RF, f. 0104, op. 19'
    """
    if value is None:
        return None
    text = " ".join(str(value).split())
    if not text:
        return None
    if name in ("document_date", "event_date"):
        if _EDTF.fullmatch(text):
            return text
        try:
            return parse_date(text).edtf
        except DateError:
            return text
    if name == "classification":
        level = Classification.from_text(text)
        return level.value if level else slugify(text)
    if name == "doc_type":
        return slugify(text)
    if name == "original_language":
        return fold(text)
    if name == "title":
        return text.strip("\"'“”‘’ ")
    return text.rstrip(" .;,")


def predicted_values(doc: Document | None) -> dict[str, str | None]:
    if doc is None:
        return dict.fromkeys(EXACT_FIELDS)
    raw: dict[str, Any] = {
        "document_date": doc.created.edtf if doc.created else None,
        "event_date": doc.events[0].date.edtf if doc.events else None,
        "doc_type": doc.document_type.value,
        "classification": doc.classification.value if doc.classification else None,
        "archive_citation": doc.archival_reference,
        "original_language": doc.original_language,
        "title": doc.title,
    }
    return {name: normalise(name, value) for name, value in raw.items()}


def _gold_date(values: Mapping[str, Any]) -> dt.date | None:
    """The document's date as context for resolving its names (the conversation's first)."""
    for key in ("event_date", "document_date"):
        found = re.match(r"(\d{4})-(\d{2})-(\d{2})", normalise(key, values.get(key)) or "")
        if found:
            return dt.date(*(int(part) for part in found.groups()))
    return None


# --- the run ----------------------------------------------------------------------------------
def evaluate(
    gold_path: Path,
    directory: Path,
    *,
    base_iri: str = DEFAULT_BASE_IRI,
    ingestor: Ingestor | None = None,
) -> Evaluation:
    """Extract every file the gold names from ``directory`` and score it.

    A file that is missing or yields no document is scored as if kg had
    found nothing, and reported as a problem.  Raises
    :class:`~kg.errors.SourceError` for an unreadable or malformed gold file.
    """
    gold = read_gold(gold_path)
    ingestor = ingestor or Ingestor(base_iri=base_iri)
    result = Evaluation.empty()
    for entry in gold:
        doc = _extract(ingestor, directory, entry, result.problems)
        score_document(result, ingestor.reference.authority, entry, doc)
    return result


def score_document(
    result: Evaluation, authority: Authority, entry: GoldDocument, doc: Document | None
) -> None:
    """Add one annotated document and what kg extracted from it (``None``: nothing)."""
    result.documents += 1
    resolver = _Resolver(authority, _gold_date(entry.values))
    _score_sets(entry, doc, resolver, result)
    _score_values(entry, doc, result)


def _extract(
    ingestor: Ingestor, directory: Path, entry: GoldDocument, problems: list[Problem]
) -> Document | None:
    path = directory / entry.file
    if not path.is_file():
        problems.append(Problem("missing-file", entry.file, f"no such file in {directory}"))
        return None
    before = len(ingestor.report.problems)
    documents, _info = ingestor.extract_file(InputFile(path, entry.file))
    problems.extend(ingestor.report.problems[before:])
    if not documents:
        problems.append(Problem("no-document", entry.file, "kg read no document from the file"))
        return None
    return documents[0]


def _score_sets(
    entry: GoldDocument, doc: Document | None, resolver: _Resolver, result: Evaluation
) -> None:
    # Persons first in the order kg resolves them, so later bare surnames have context.
    gold_items = {
        name: [resolver.gold(kind, text) for text in _as_list(entry.values.get(name))]
        for name, kind in SET_FIELDS
        if name in entry.values
    }
    predicted = predicted_sets(doc, resolver)
    for score in result.set_scores:
        if score.field not in gold_items:
            continue
        gold = _unique(gold_items[score.field])
        matched, missing, extra = match_items(gold, predicted[score.field])
        score.documents += 1
        score.tp += matched
        score.fn += len(missing)
        score.fp += len(extra)
        if missing or extra:
            lost = tuple(i.label for i in missing)
            added = tuple(f"{i.label} ({i.slug})" for i in extra)
            result.differences.append(Difference(entry.file, score.field, lost, added))


def _score_values(entry: GoldDocument, doc: Document | None, result: Evaluation) -> None:
    got = predicted_values(doc)
    for score in result.exact_scores:
        if score.field not in entry.values:
            continue
        expected = normalise(score.field, entry.values[score.field])
        score.total += 1
        if expected == got[score.field]:
            score.correct += 1
        else:
            result.differences.append(
                Difference(entry.file, score.field, expected=expected, got=got[score.field])
            )
