"""HTML for people: the page frame, links between pages, and the pages that are not resources.

Pages are built from strings with every value passed through
:func:`html.escape` (no template engine), and carry no script, so a label
or a literal can never inject markup.  Links are *relative* (``../event/x.html``),
so the same pages work behind a proxy that maps the base IRI to the server,
from a static host, and from disk; RDF keeps the canonical IRIs.
:class:`Linker` decides where an IRI of the dataset is shown: its own page,
an anchor in its parent's page (a participation), or no link.
"""

from __future__ import annotations

import html
import posixpath
import urllib.parse
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

import pyoxigraph as ox

from kg.namespaces import PREFIXES
from kg.serve.resource import published_path
from kg.sparql import Term
from kg.store import SelectResult

STYLE = """
body{font:16px/1.5 system-ui,sans-serif;max-width:72rem;margin:0 auto;padding:0 1rem 3rem}
body{color:#222}
header{border-bottom:1px solid #ccc;padding:.6rem 0;margin-bottom:1rem}
header a{margin-right:1.2rem}
a{color:#0645ad}
h1{font-size:1.6rem;line-height:1.25}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1.5rem}
th,td{border-bottom:1px solid #e3e3e3;text-align:left;vertical-align:top;padding:.3rem .5rem}
th{background:#f6f6f6}
code,pre,textarea{font-family:ui-monospace,monospace;font-size:.9em}
pre,textarea{background:#f6f6f6;padding:.6rem;overflow-x:auto;width:100%;box-sizing:border-box}
.iri{color:#555;word-break:break-all}
.kind{color:#555}
.note{color:#555;font-size:.9em}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}
dl.facts dt{font-weight:600}
dl.facts dd{margin:0}
""".strip()

_PREFIX_ORDER = sorted(PREFIXES.items(), key=lambda item: -len(item[1]))


def esc(text: object) -> str:
    """Text made safe for HTML content and attribute values.

    >>> esc('<a href="x">')
    '&lt;a href=&quot;x&quot;&gt;'
    """
    return html.escape(str(text), quote=True)


def compact(iri: str) -> str:
    """An IRI in prefix form when one of kg's prefixes fits.

    >>> compact("https://w3id.org/dipkg/ontology#participant"), compact("http://e/x")
    ('dip:participant', 'http://e/x')
    """
    for prefix, namespace in _PREFIX_ORDER:
        if iri.startswith(namespace) and len(iri) > len(namespace):
            return f"{prefix}:{iri[len(namespace) :]}"
    return iri


def url_path(path: str) -> str:
    """A site path percent-encoded for an ``href`` (slashes and fragments kept).

    >>> url_path("person/ö z.html#participation/1")
    'person/%C3%B6%20z.html#participation/1'
    """
    return urllib.parse.quote(path, safe="/#-_.~!$&'()*+,;=:@")


@dataclass(frozen=True)
class Site:
    """What every page of one site shares: the base IRI and what exists beside the pages.

    ``published`` says which relative paths (``person/x``) have a page; the
    server has one for every resource, a static site for those it wrote.
    ``sparql`` is where example queries run (a path of the site or a URL),
    or None on a static site without an endpoint; ``search`` is True where a
    ``search`` page answers; ``rdf_suffixes`` are the RDF files beside each page.
    """

    base_iri: str
    published: Callable[[str], bool] = published_path
    sparql: str | None = "sparql"
    search: bool = True
    title: str = "Diplomatic conversations"
    rdf_suffixes: tuple[str, ...] = ("ttl", "jsonld", "nt", "rdf")


class Linker:
    """Relative links from the page at ``page`` (a site path like ``person/x.html``)."""

    def __init__(self, site: Site, page: str) -> None:
        self.site = site
        self.page = page
        self._directory = posixpath.dirname(page) or "."

    def to(self, path: str) -> str:
        """A relative href to a site path (``index.html``, ``dumps/dataset.ttl``, ``sparql?…``).

        >>> Linker(Site("https://w3id.org/dipkg/"), "person/x.html").to("index.html")
        '../index.html'
        """
        target, hash_, fragment = path.partition("#")
        relative = posixpath.relpath(target or ".", self._directory)
        return url_path(relative + hash_ + fragment)

    def resource(self, iri: str) -> str | None:
        """Where the page of a dataset IRI is, or None when it has none.

        >>> link = Linker(Site("https://w3id.org/dipkg/"), "event/e.html")
        >>> link.resource("https://w3id.org/dipkg/person/castro-ruz-fidel")
        '../person/castro-ruz-fidel.html'
        >>> link.resource("https://w3id.org/dipkg/event/e/participation/1")
        'e.html#participation/1'
        """
        base = self.site.base_iri
        if not iri.startswith(base) or "#" in iri or "?" in iri:
            return None
        relative = iri[len(base) :]
        if self.site.published(relative):
            return self.to(relative + ".html")
        parts = relative.split("/")
        for cut in range(len(parts) - 1, 1, -1):
            parent = "/".join(parts[:cut])
            if self.site.published(parent):
                return self.to(parent + ".html") + "#" + url_path("/".join(parts[cut:]))
        return None

    def sparql(self, query: str) -> str | None:
        """A link that runs ``query`` at the site's endpoint, or None without one."""
        if self.site.sparql is None:
            return None
        target = self.site.sparql
        if "://" not in target:
            target = self.to(target)
        return target + "?" + urllib.parse.urlencode({"query": query})


def iri_link(iri: str, linker: Linker, labels: dict[str, str] | None = None) -> str:
    """An IRI as a link: its page, else the IRI itself when it is a web address, else text."""
    base = linker.site.base_iri
    text = (labels or {}).get(iri) or (iri[len(base) :] if iri.startswith(base) else compact(iri))
    href = linker.resource(iri)
    if href is None and iri.startswith(("http://", "https://")):
        href = iri
    if href is None:
        return f'<span class="iri">{esc(text)}</span>'
    return f'<a href="{esc(href)}">{esc(text)}</a>'


def term_html(term: Term | None, linker: Linker, labels: dict[str, str] | None = None) -> str:
    """An RDF term for a table cell: linked IRIs, literals with language or datatype."""
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        return iri_link(term.value, linker, labels)
    if isinstance(term, ox.Literal):
        note = ""
        if term.language:
            note = f' <span class="note">@{esc(term.language)}</span>'
        elif not term.datatype.value.endswith(("#string", "#langString")):
            note = f' <span class="note">{esc(compact(term.datatype.value))}</span>'
        return esc(term.value) + note
    return f'<span class="iri">{esc(term)}</span>'


def layout(
    title: str,
    body: str,
    linker: Linker,
    *,
    alternates: Sequence[tuple[str, str, str]] = (),
    canonical: str | None = None,
) -> str:
    """A whole page: head (title, ``rel=alternate`` RDF forms, canonical IRI), navigation, body.

    ``alternates`` are (href, media type, name) triples.
    """
    head = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{esc(title)}</title>",
        '<link rel="icon" href="data:,">',
        f"<style>{STYLE}</style>",
    ]
    head += [
        f'<link rel="alternate" type="{esc(kind)}" href="{esc(href)}" title="{esc(name)}">'
        for href, kind, name in alternates
    ]
    if canonical:
        head.append(f'<link rel="canonical" href="{esc(canonical)}">')
    nav = [f'<a href="{esc(linker.to("index.html"))}">{esc(linker.site.title)}</a>']
    if linker.site.search:
        nav.append(f'<a href="{esc(linker.to("search"))}">Search</a>')
    if linker.site.sparql is not None and "://" not in linker.site.sparql:
        nav.append(f'<a href="{esc(linker.to(linker.site.sparql))}">SPARQL</a>')
    nav.append(f'<a href="{esc(linker.to("timeline.html"))}">Timeline</a>')
    return "\n".join(
        [
            *head,
            "</head><body>",
            f"<header>{' '.join(nav)}</header>",
            "<main>",
            body,
            "</main></body></html>",
            "",
        ]
    )


def table(headings: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """An HTML table from already escaped cells (headings are escaped here)."""
    head = "".join(f"<th>{esc(h)}</th>" for h in headings)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def sparql_form(linker: Linker, query: str) -> str:
    action = linker.to(linker.site.sparql or "sparql")
    return (
        f'<form method="get" action="{esc(action)}">'
        f'<textarea name="query" rows="10" aria-label="SPARQL query">{esc(query)}</textarea>'
        '<p><button type="submit">Run</button> <span class="note">Results as HTML here; '
        "clients get SPARQL JSON, XML, CSV or TSV (or RDF for CONSTRUCT) by Accept.</span></p>"
        "</form>"
    )


DEFAULT_QUERY = """PREFIX dip: <https://w3id.org/dipkg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?event ?label ?date WHERE {
  ?event a dip:Conversation ; rdfs:label ?label ; dip:earliestDate ?date .
} ORDER BY ?date LIMIT 20"""


def sparql_page(site: Site) -> str:
    """The endpoint's page for a browser that asks ``/sparql`` without a query."""
    linker = Linker(site, "sparql")
    body = "<h1>SPARQL endpoint</h1>" + sparql_form(linker, DEFAULT_QUERY)
    return layout("SPARQL endpoint", body, linker)


def results_page(
    result: SelectResult | bool, query: str, *, base_iri: str, truncated: bool = False
) -> bytes:
    """SELECT/ASK results as an HTML table under the query form (for browsers)."""
    linker = Linker(Site(base_iri), "sparql")
    if isinstance(result, bool):
        answer = f"<p>Answer: <strong>{'yes' if result else 'no'}</strong></p>"
    else:
        rows = ([term_html(t, linker) for t in row] for row in result.rows)
        count = f"<p class=note>{len(result.rows)} rows"
        count += " (cut off at the server's limit)</p>" if truncated else "</p>"
        answer = count + table(result.variables, rows)
    body = "<h1>SPARQL results</h1>" + sparql_form(linker, query) + answer
    return layout("SPARQL results", body, linker).encode("utf-8")


def graph_results_page(triples: list[ox.Triple], query: str, *, base_iri: str) -> bytes:
    """CONSTRUCT/DESCRIBE results as a subject/predicate/object table (for browsers)."""
    linker = Linker(Site(base_iri), "sparql")
    rows = (
        [term_html(t.subject, linker), esc(compact(t.predicate.value)), term_html(t.object, linker)]
        for t in triples
    )
    body = "<h1>SPARQL results</h1>" + sparql_form(linker, query)
    body += table(["subject", "predicate", "object"], rows)
    return layout("SPARQL results", body, linker).encode("utf-8")


def search_page(site: Site, query: str, hits: Sequence[tuple[str, str, str]]) -> str:
    """The label search form and its hits: (IRI, label, kind) triples."""
    linker = Linker(site, "search")
    body = [
        "<h1>Search by label</h1>",
        f'<form method="get" action="{esc(linker.to("search"))}">'
        f'<input type="search" name="q" value="{esc(query)}" aria-label="label" size="40"> '
        '<button type="submit">Search</button></form>',
    ]
    if query:
        rows = [[iri_link(iri, linker, {iri: label}), esc(kind)] for iri, label, kind in hits]
        body.append(f"<p class=note>{len(hits)} found</p>" + table(["resource", "type"], rows))
    return layout("Search", "\n".join(body), linker)


def error_page(site: Site, page: str, status: int, message: str) -> str:
    linker = Linker(site, page)
    body = f"<h1>{status}</h1><p>{esc(message)}</p>"
    return layout(f"{status}", body, linker)
