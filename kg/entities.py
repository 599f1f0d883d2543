"""The entities of the graph: one entity's record, and the review queue of unlinked names.

Names that match no authority entry are kept per document as
``dip:unlinkedName`` instead of minting guessed entities.  A scholar works
through them most frequent first (:func:`unlinked_names`), adds the real ones
to a curated authority file under ``data/authorities/`` and
re-ingests (``kg entities --unlinked --format turtle`` writes stubs for it); kg
re-reads every document when the authority changes.  The
store keeps only the names, so the example sentence of each name is read
again from the source file recorded in ``graph/meta``, or, when that file is
gone, replaced by the document's title.

:func:`describe_entity` gathers what the graph knows of one person,
organization or place: labels, positions, links, the events it took part in
and the documents that mention it.
"""

from __future__ import annotations

import difflib
import html
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlparse

import pyoxigraph as ox

from kg.authority import label_key, word_set
from kg.backend import GraphStore
from kg.errors import UsageError
from kg.extract.names import is_initial
from kg.sources import DecodedText, decode


def _query(body: str) -> str:
    return _PREFIXES + body


_PREFIXES = """
PREFIX dip: <https://w3id.org/dipkg/ontology#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX foaf: <http://xmlns.com/foaf/0.1/>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
"""
_UNLINKED = _query(
    """
SELECT DISTINCT ?name ?doc ?title ?source WHERE {
  GRAPH ?g { ?doc dip:unlinkedName ?name . OPTIONAL { ?doc dcterms:title ?title } }
  OPTIONAL { ?g prov:wasDerivedFrom ?source }
}"""
)
_NAMES = _query(
    """
SELECT DISTINCT ?e ?label ?how WHERE {
  VALUES ?type { dip:Person dip:Organization dip:Place }
  ?e a ?type .
  { ?e rdfs:label|skos:prefLabel|skos:altLabel ?label BIND("label" AS ?how) }
  UNION { ?e skos:hiddenLabel ?label BIND("hidden" AS ?how) }
  UNION { ?e foaf:familyName ?label BIND("family" AS ?how) }
}"""
)
_FACTS = _query(
    """
SELECT DISTINCT ?p ?o WHERE {
  VALUES ?p { rdf:type rdfs:label skos:prefLabel skos:altLabel foaf:familyName foaf:givenName
              rdfs:comment owl:sameAs skos:closeMatch skos:exactMatch dip:country }
  ?entity ?p ?o .
}"""
)
_POSITIONS = _query(
    """
SELECT DISTINCT ?label ?earliest ?latest WHERE {
  ?entity dip:heldPosition ?position . ?position rdfs:label ?label .
  OPTIONAL { ?position dip:earliestDate ?earliest }
  OPTIONAL { ?position dip:latestDate ?latest }
}"""
)
_EVENTS = _query(
    """
SELECT DISTINCT ?event ?label ?earliest ?latest ?role ?document WHERE {
  {
    ?event dip:hasParticipation ?part . ?part dip:agent ?entity ; dip:role ?r .
    OPTIONAL { ?r skos:prefLabel ?role }
  } UNION {
    ?event dip:tookPlaceAt ?entity . BIND("place" AS ?role)
  }
  ?event dip:earliestDate ?earliest ; dip:latestDate ?latest .
  OPTIONAL { ?event rdfs:label ?label }
  OPTIONAL { ?event dip:documentedIn ?document }
}"""
)
_MENTIONED_IN = _query(
    """
SELECT DISTINCT ?document ?title ?created WHERE {
  ?document dip:mentions ?entity .
  OPTIONAL { ?document dcterms:title ?title }
  OPTIONAL { ?document dcterms:created ?created }
}"""
)
#: Links shown for an entity: (local name of the property, how it is written).
_LINKS = (
    ("sameAs", "owl:sameAs"),
    ("closeMatch", "skos:closeMatch"),
    ("exactMatch", "skos:exactMatch"),
    ("country", "dip:country"),
)
_KINDS = {"Person": "person", "Organization": "organization", "Place": "place"}
#: Abbreviations that end with a dot inside a sentence.
_ABBREVIATIONS = word_set(
    "mr mrs ms dr no nr nos st gen col lt capt cde com sen gov amb dep min sec pres prof "
    "op ll l f p d vol ibid cf etc e g i vs jr sr"
)
_SENTENCE_END = re.compile(r"([.!?…]+)[\"'”’)\]]*\s+")
_MAX_EXAMPLE = 300


@dataclass(frozen=True)
class UnlinkedName:
    """A name of the review queue: how often it occurs and where."""

    name: str
    count: int
    documents: tuple[str, ...]
    example: str
    example_document: str
    example_is_title: bool = False
    spellings: tuple[str, ...] = ()


@dataclass(frozen=True)
class PositionInfo:
    label: str
    earliest: str | None = None
    latest: str | None = None


@dataclass(frozen=True)
class EventInfo:
    iri: str
    label: str
    earliest: str
    latest: str
    role: str | None = None
    document: str | None = None


@dataclass(frozen=True)
class DocumentInfo:
    iri: str
    title: str | None = None
    created: str | None = None


@dataclass
class EntityInfo:
    """What the graph holds about one entity."""

    iri: str
    kind: str
    label: str
    alt_labels: list[str] = field(default_factory=list)
    family_name: str | None = None
    given_name: str | None = None
    comments: list[str] = field(default_factory=list)
    positions: list[PositionInfo] = field(default_factory=list)
    links: list[tuple[str, str]] = field(default_factory=list)
    events: list[EventInfo] = field(default_factory=list)
    mentioned_in: list[DocumentInfo] = field(default_factory=list)


def _text(term: object) -> str | None:
    return str(term.value) if isinstance(term, (ox.NamedNode, ox.Literal)) else None


# --- the review queue -------------------------------------------------------------------------
def unlinked_names(graph: GraphStore, *, limit: int | None = None) -> list[UnlinkedName]:
    """Names found in documents that match no authority entry, most frequent first.

    Spellings that fold to one key ("N.P. Volkov", "N. P. Volkov") are one
    name, shown in its most frequent spelling; ``count`` is the number of
    documents naming it.  Ties are ordered by name.
    """
    spellings: dict[str, Counter[str]] = {}
    documents: dict[str, dict[str, tuple[str | None, str | None]]] = {}
    for row in graph.select(_UNLINKED).rows:
        name, doc, title, source = (_text(t) for t in row)
        if not name or not doc:
            continue
        key = label_key(name) or name
        spellings.setdefault(key, Counter())[name] += 1
        previous = documents.setdefault(key, {}).get(doc, (None, None))
        documents[key][doc] = (previous[0] or title, previous[1] or source)
    texts: dict[str, str | None] = {}
    queue: list[UnlinkedName] = []
    for key, counter in spellings.items():
        name = sorted(counter.items(), key=lambda item: (-item[1], -len(item[0]), item[0]))[0][0]
        docs = documents[key]
        example, where, is_title = _example(name, counter, docs, texts)
        queue.append(
            UnlinkedName(
                name=name,
                count=len(docs),
                documents=tuple(sorted(docs)),
                example=example,
                example_document=where,
                example_is_title=is_title,
                spellings=tuple(sorted(counter)),
            )
        )
    queue.sort(key=lambda u: (-u.count, label_key(u.name), u.name))
    return queue[:limit] if limit is not None else queue


def _example(
    name: str,
    spellings: Counter[str],
    docs: dict[str, tuple[str | None, str | None]],
    texts: dict[str, str | None],
) -> tuple[str, str, bool]:
    """A sentence naming ``name`` from the first source file still present, else a title."""
    for doc in sorted(docs):
        source = docs[doc][1]
        if source is None:
            continue
        if source not in texts:
            texts[source] = _read_source(source)
        text = texts[source]
        if text is None:
            continue
        for spelling in [name, *sorted(spellings)]:
            sentence = find_sentence(text, spelling)
            if sentence:
                return sentence, doc, False
    first = sorted(docs)[0]
    return docs[first][0] or first, first, True


def _read_source(uri: str) -> str | None:
    parsed = urlparse(uri)
    if parsed.scheme != "file":
        return None
    path = Path(unquote(parsed.path))
    try:
        decoded = decode(str(path), path.read_bytes())
    except OSError:
        return None
    if not isinstance(decoded, DecodedText):
        return None
    text = decoded.text
    if text.lstrip().startswith("<"):
        # XML sources (FRUS, Office of the Historian): sentences without the markup
        text = html.unescape(_MARKUP.sub("\n", text))
    return text


_MARKUP = re.compile(r"<[^>]*>")


def _paragraphs(text: str) -> Iterable[str]:
    """Paragraphs with wrapped lines joined: a line break ends a paragraph unless the
    line is long and stops mid-sentence (hard-wrapped PDF text)."""
    current: list[str] = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            if current:
                yield " ".join(current)
            current = []
            continue
        current.append(line)
        if len(line) < 60 or (line[-1] in '.!?:;"”' and not _abbreviated(line)):
            yield " ".join(current)
            current = []
    if current:
        yield " ".join(current)


def _abbreviated(text: str) -> bool:
    """Whether ``text`` ends with an initial or an abbreviation ("P. A.", "No."), not a sentence."""
    found = re.search(r"(\w+)\.$", text)
    word = found.group(1) if found else ""
    return bool(word) and (
        is_initial(word + ".") or word.lower() in _ABBREVIATIONS or word[:1].isdigit()
    )


def _sentences(paragraph: str) -> Iterable[str]:
    start = 0
    for match in _SENTENCE_END.finditer(paragraph):
        if match.group(1) == "." and _abbreviated(paragraph[start : match.start() + 1]):
            continue
        yield paragraph[start : match.end()].strip()
        start = match.end()
    if paragraph[start:].strip():
        yield paragraph[start:].strip()


def find_sentence(text: str, name: str) -> str | None:
    """The first sentence of ``text`` that names ``name`` (whitespace normalised).

    >>> find_sentence("Hanoi, 14 April\\nOn 13 April I met Le Duan. Counsellor N.P. Volkov "
    ...               "took part in the conversation.\\n", "N.P. Volkov")
    'Counsellor N.P. Volkov took part in the conversation.'
    """
    words = [re.escape(w) for w in name.split()]
    if not words:
        return None
    pattern = re.compile(r"(?<![\w.])" + r"\s+".join(words) + r"(?!\w)")
    for paragraph in _paragraphs(text):
        if not pattern.search(paragraph):
            continue
        for sentence in _sentences(paragraph):
            found = pattern.search(sentence)
            if found:
                return _shorten(sentence, found.start(), found.end())
    return None


def _shorten(sentence: str, start: int, end: int) -> str:
    if len(sentence) <= _MAX_EXAMPLE:
        return sentence
    half = (_MAX_EXAMPLE - (end - start)) // 2
    left, right = max(0, start - half), min(len(sentence), end + half)
    return (
        ("…" if left else "")
        + sentence[left:right].strip()
        + ("…" if right < len(sentence) else "")
    )


# --- one entity -------------------------------------------------------------------------------
def find_entity(graph: GraphStore, text: str) -> str:
    """The IRI of the entity an IRI or a name designates.

    Labels are compared folded ("FIDEL CASTRO", "Fidel Castro"); hidden labels
    ("Fidel") and family names ("Castro") are tried when no label matches.
    Raises :class:`~kg.errors.UsageError` (exit 2) with close labels as a hint
    when nothing, or more than one entity, answers to the text.
    """
    value = text.strip()
    if re.match(r"^https?://\S+$", value):
        known = graph.select(
            "SELECT ?p WHERE { ?entity ?p ?o } LIMIT 1", bindings={"entity": ox.NamedNode(value)}
        )
        if known.rows:
            return value
        raise UsageError(
            f"nothing in the graph is about {value}",
            hint='Check the IRI, or give a name: kg entities "Fidel Castro".',
        )
    tiers: dict[str, dict[str, set[str]]] = {"label": {}, "hidden": {}, "family": {}}
    spelled: dict[str, str] = {}
    for row in graph.select(_NAMES).rows:
        entity, label, how = (_text(t) for t in row)
        if entity and label and how in tiers:
            tiers[how].setdefault(label_key(label), set()).add(entity)
            spelled.setdefault(label_key(label), label)
    key = label_key(value)
    for how in ("label", "hidden", "family"):
        found = sorted(tiers[how].get(key, ()))
        if len(found) == 1:
            return found[0]
        if found:
            raise UsageError(
                f"{value!r} names {len(found)} entities: " + ", ".join(found),
                hint="Give the IRI, or a fuller name, to choose one.",
            )
    close = difflib.get_close_matches(key, list(tiers["label"]), n=3, cutoff=0.75)
    suggestion = f"Did you mean: {', '.join(spelled[k] for k in close)}? " if close else ""
    raise UsageError(
        f"no person, organization or place in the graph is called {value!r}",
        hint=suggestion + "Names found in documents but missing from the authority files are "
        "listed by 'kg entities --unlinked'.",
    )


def describe_entity(graph: GraphStore, iri: str) -> EntityInfo:
    """Labels, positions, links, events (date order) and mentioning documents of ``iri``."""
    bind = {"entity": ox.NamedNode(iri)}
    facts: dict[str, list[ox.NamedNode | ox.Literal]] = {}
    for p, o in graph.select(_FACTS, bindings=bind).rows:
        if isinstance(p, ox.NamedNode) and isinstance(o, (ox.NamedNode, ox.Literal)):
            facts.setdefault(p.value.rsplit("#", 1)[-1].rsplit("/", 1)[-1], []).append(o)
    kinds = [_KINDS[t] for t in (_local(o) for o in facts.get("type", [])) if t in _KINDS]
    labels = _preferred([*facts.get("prefLabel", []), *facts.get("label", [])])
    label = labels[0] if labels else iri.rstrip("/").rsplit("/", 1)[-1]
    alt = sorted(
        {str(o.value) for o in (*facts.get("altLabel", []), *facts.get("label", []))} - {label}
    )
    info = EntityInfo(
        iri=iri,
        kind=kinds[0] if kinds else iri.rstrip("/").rsplit("/", 2)[-2],
        label=label,
        alt_labels=alt,
        family_name=_first(facts.get("familyName")),
        given_name=_first(facts.get("givenName")),
        comments=sorted(str(o.value) for o in facts.get("comment", [])),
    )
    for name, prefix in _LINKS:
        info.links += sorted((prefix, str(o.value)) for o in facts.get(name, []))
    for row in graph.select(_POSITIONS, bindings=bind).rows:
        position_label, earliest, latest = (_text(t) for t in row)
        if position_label:
            info.positions.append(PositionInfo(position_label, earliest, latest))
    info.positions.sort(key=lambda p: (p.earliest or "", p.latest or "", p.label))
    for row in graph.select(_EVENTS, bindings=bind).rows:
        event, event_label, earliest, latest, role, document = (_text(t) for t in row)
        if event and earliest and latest:
            info.events.append(
                EventInfo(event, event_label or event, earliest, latest, role, document)
            )
    info.events.sort(key=lambda e: (e.earliest, e.latest, e.iri, e.role or ""))
    for row in graph.select(_MENTIONED_IN, bindings=bind).rows:
        document, title, created = (_text(t) for t in row)
        if document:
            info.mentioned_in.append(DocumentInfo(document, title, created))
    info.mentioned_in.sort(key=lambda d: (d.created or "", d.iri))
    return info


def _local(term: ox.NamedNode | ox.Literal) -> str:
    return str(term.value).rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _first(values: list[ox.NamedNode | ox.Literal] | None) -> str | None:
    return str(values[0].value) if values else None


def _preferred(literals: list[ox.NamedNode | ox.Literal]) -> list[str]:
    """Label texts, English first, then untagged, then other languages."""

    def rank(term: ox.NamedNode | ox.Literal) -> tuple[int, str]:
        lang = (term.language or "") if isinstance(term, ox.Literal) else ""
        return (0 if lang.startswith("en") else 1 if not lang else 2, str(term.value))

    return list(dict.fromkeys(str(t.value) for t in sorted(literals, key=rank)))
