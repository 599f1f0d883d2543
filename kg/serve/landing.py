"""The landing page (what the dataset holds, where to go next) and the browse lists per kind.

Both the server and the static site show the same landing page: counts from
:func:`kg.stats.compute_stats`, the date span, links to browse each kind of
resource, the example queries (the canned queries that need no parameter,
linked to run at the endpoint when there is one), the dumps, the VoID
description and the timeline.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from kg.backend import GraphStore
from kg.errors import KgError
from kg.queries import canned_queries
from kg.serve.pages import Linker, Site, esc, iri_link, layout, table
from kg.serve.resource import RESOURCE_TYPES, labels
from kg.stats import Stats

#: Dump files offered beside the site: (file name, format of kg.dumps.write_dump, description).
DUMPS = (
    ("dataset.trig", "trig", "TriG, one named graph per document"),
    ("dataset.nq", "nq", "N-Quads, one named graph per document"),
    ("dataset.ttl", "ttl", "Turtle, all graphs merged"),
)
KIND_NAMES = {
    "event": "Events",
    "document": "Documents",
    "person": "Persons",
    "organization": "Organizations",
    "place": "Places",
    "topic": "Topics and concepts",
}


@dataclass(frozen=True)
class Example:
    name: str
    title: str
    description: str
    text: str


def example_queries() -> list[Example]:
    """The canned queries that run without parameters, as examples for the landing page."""
    try:
        queries = canned_queries()
    except KgError:
        return []
    return [
        Example(q.name, q.title, q.description, q.text)
        for q in queries.values()
        if not any(not p.optional for p in q.parameters)
    ]


def landing_page(
    site: Site,
    stats: Stats,
    counts: dict[str, int],
    examples: Sequence[Example],
) -> str:
    """The site's front page; ``counts`` are the resources per kind (``person``: 2130 …)."""
    linker = Linker(site, "index.html")
    span = ""
    if stats.first_date and stats.last_date:
        span = f" Its events run from {esc(stats.first_date)} to {esc(stats.last_date)}."
    body = [
        f"<h1>{esc(site.title)}</h1>",
        "<p>A knowledge graph of diplomatic conversations: archival records (Soviet "
        "ambassadors' journals, memoranda of conversation, visits) as events with their "
        f"participants, dates, places and topics, tied to the documents that record them.{span}"
        f" {stats.quads:,} triples in {stats.named_graphs:,} named graphs, one per source "
        f"document. Instance IRIs start with <code>{esc(site.base_iri)}</code>.</p>",
    ]
    if site.search:
        body.append(
            f'<form method="get" action="{esc(linker.to("search"))}">'
            '<input type="search" name="q" aria-label="label" size="40" '
            'placeholder="a name, a place, a topic…"> <button type="submit">Search</button></form>'
        )
    rows = [
        [
            f'<a href="{esc(linker.to(f"browse/{kind}.html"))}">{esc(KIND_NAMES[kind])}</a>',
            f"{counts.get(kind, 0):,}",
        ]
        for kind in RESOURCE_TYPES
    ]
    rows += [[esc(f"{name} instances"), f"{n:,}"] for name, n in stats.classes.items() if n]
    body.append("<h2>What it holds</h2>" + table(["", "count"], rows))
    body.append("<h2>Downloads</h2><ul>")
    body += [
        f'<li><a href="{esc(linker.to("dumps/" + name))}">{esc(name)}</a> — {esc(text)}</li>'
        for name, _, text in DUMPS
    ]
    body.append(
        f'<li><a href="{esc(linker.to("void.ttl"))}">void.ttl</a> — the VoID description '
        f'(also at <a href="{esc(linker.to(".well-known/void"))}">/.well-known/void</a>)</li>'
        f'<li><a href="{esc(linker.to("timeline.html"))}">timeline.html</a> — every event on '
        "one interactive timeline</li></ul>"
    )
    if examples:
        body.append("<h2>Example queries</h2>")
        if site.sparql is None:
            body.append(
                '<p class="note">This static copy has no SPARQL endpoint; run them '
                "with <code>kg query NAME</code> or at a <code>kg serve</code>.</p>"
            )
        for example in examples:
            href = linker.sparql(example.text)
            title = (
                f'<a href="{esc(href)}">{esc(example.title)}</a>' if href else esc(example.title)
            )
            body.append(
                f"<h3>{title}</h3><p>{esc(example.description)}</p><pre>{esc(example.text)}</pre>"
            )
    return layout(site.title, "\n".join(body), linker)


def browse_items(graph: GraphStore, iris: Sequence[str]) -> list[tuple[str, str]]:
    """(IRI, label) pairs sorted by label, for a browse page."""
    found = labels(graph, iris)
    pairs = [(iri, found.get(iri) or iri.rsplit("/", 1)[-1]) for iri in iris]
    return sorted(pairs, key=lambda pair: (pair[1].casefold(), pair[0]))


def browse_page(site: Site, kind: str, items: Sequence[tuple[str, str]]) -> str:
    """Every resource of one kind, linked, in label order (so crawlers reach every page)."""
    linker = Linker(site, f"browse/{kind}.html")
    entries = "".join(f"<li>{iri_link(iri, linker, {iri: label})}</li>" for iri, label in items)
    title = KIND_NAMES.get(kind, kind)
    body = f"<h1>{esc(title)}</h1><p class=note>{len(items):,}</p><ul>{entries}</ul>"
    return layout(title, body, linker)
