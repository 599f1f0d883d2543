"""Topics of an event from its title, summary and body, with a confidence.

The thesaurus (``data/authorities/topics.ttl``) gives each topic a label and
keyword phrases (``skos:altLabel``).  A phrase found in the title counts
three, in the summary two, and each occurrence in the body one (at most
three); the confidence is that score against a saturation point, so a word
the body uses once in passing stays under the threshold while a topic of
the title or summary, or one the body keeps returning to, is assigned.  Scholars
override the result with curated records (``kg.sources.curated``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import rdflib
from rdflib.namespace import RDF, SKOS

from kg.ids import fold
from kg.model import TopicRef

#: A score of this much (e.g. a title match and a body match) gives confidence 1.0.
SATURATION = 4.0
#: Topics under this confidence are not assigned (one passing body mention is 0.25).
THRESHOLD = 0.5
#: Body occurrences beyond this many add nothing.
MAX_BODY_HITS = 3
_WEIGHTS = (3.0, 2.0, 1.0)


@dataclass(frozen=True)
class TopicConcept:
    slug: str
    label: str
    phrases: tuple[str, ...]
    broader: tuple[str, ...] = ()


class Thesaurus:
    """The topic concepts and one compiled matcher over all their phrases."""

    def __init__(self, concepts: Iterable[TopicConcept]) -> None:
        self.concepts = {c.slug: c for c in concepts}
        self._by_phrase: dict[str, list[str]] = {}
        for concept in self.concepts.values():
            for phrase in {fold(p) for p in (concept.label, *concept.phrases) if p.strip()}:
                self._by_phrase.setdefault(phrase, []).append(concept.slug)
        phrases = sorted(self._by_phrase, key=len, reverse=True)
        alternation = "|".join(re.escape(p) for p in phrases) or "(?!)"
        self._pattern = re.compile(rf"(?<!\w)(?:{alternation})(?!\w)")

    @classmethod
    def empty(cls) -> Thesaurus:
        return cls(())

    @classmethod
    def from_graph(cls, graph: rdflib.Graph, base: str) -> Thesaurus:
        prefix = f"{base}topic/"
        concepts = []
        for subject in graph.subjects(RDF.type, SKOS.Concept):
            iri = str(subject)
            slug = iri[len(prefix) :] if iri.startswith(prefix) else ""
            if not slug or "/" in slug:
                continue  # concepts of the controlled vocabularies, not topics
            label = next((str(o) for o in graph.objects(subject, SKOS.prefLabel)), slug)
            phrases = tuple(str(o) for o in graph.objects(subject, SKOS.altLabel))
            broader = tuple(str(o)[len(prefix) :] for o in graph.objects(subject, SKOS.broader))
            concepts.append(TopicConcept(slug, label, phrases, broader))
        return cls(sorted(concepts, key=lambda c: c.slug))

    @classmethod
    def load(cls, paths: Iterable[Path], base: str) -> Thesaurus:
        graph = rdflib.Graph()
        for path in paths:
            graph.parse(path, format="turtle", publicID=base)
        return cls.from_graph(graph, base)

    def __len__(self) -> int:
        return len(self.concepts)

    def assign(self, *texts: str | None) -> list[TopicRef]:
        """Score topics over (title, summary, body); best first, ties by slug.

        >>> t = Thesaurus([TopicConcept("sanctions", "Economic sanctions", ("embargo",))])
        >>> t.assign("Talks on the embargo", None, "The embargo was discussed.")
        [TopicRef(slug='sanctions', confidence=1.0)]
        >>> t.assign(None, None, "Nothing relevant here.")
        []
        >>> t.assign(None, None, "One embargo in passing.")
        []
        """
        scores: dict[str, float] = {}
        for index, (text, weight) in enumerate(zip(texts, _WEIGHTS, strict=False)):
            if not text:
                continue
            hits: dict[str, int] = {}
            for match in self._pattern.finditer(fold(text)):
                for slug in self._by_phrase.get(match.group(0), ()):
                    hits[slug] = hits.get(slug, 0) + 1
            is_body = index == len(_WEIGHTS) - 1
            for slug, count in hits.items():
                times = min(count, MAX_BODY_HITS) if is_body else 1
                scores[slug] = scores.get(slug, 0.0) + weight * times
        ranked = sorted(scores.items(), key=lambda item: (-item[1], item[0]))
        return [
            TopicRef(slug, round(min(1.0, score / SATURATION), 2))
            for slug, score in ranked
            if score / SATURATION >= THRESHOLD
        ]
