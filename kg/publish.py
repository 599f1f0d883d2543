"""``kg publish DIR``: the linked data of ``kg serve`` as a static site for any static host.

For every event, document, person, organization, place and topic concept
(:func:`kg.serve.resource.resource_iris`) the site holds
``{type}/{id}.html``, ``.ttl`` and ``.jsonld``, written from the same
description and page code as the server, so both say the same.  Around
them: ``index.html`` (the landing page), ``browse/{type}.html`` (every
resource of a kind, so each page is reachable by links), the dumps under
``dumps/`` (:func:`kg.dumps.write_dump`), the VoID description as
``void.ttl`` and ``.well-known/void``, ``timeline.html``
(:mod:`kg.export.html_timeline`) and an Apache ``.htaccess`` that lets
``/{type}/{id}`` negotiate between the three files.

Links inside the site are relative, so it works from any folder of any host
and from disk; the RDF keeps the canonical IRIs under the base IRI.  A
static host cannot redirect by ``Accept``: the IRI ``{base}person/x``
dereferences when the host maps it to ``person/x.html`` (GitHub Pages and
Netlify do; nginx: ``try_files $uri $uri.html =404``) or, with Apache,
negotiates by the ``.htaccess``.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from kg.backend import GraphStore
from kg.errors import KgError
from kg.namespaces import DEFAULT_BASE_IRI
from kg.serve.formats import RDF_BY_SUFFIX, serialize_rdf
from kg.serve.landing import DUMPS, browse_items, browse_page, example_queries, landing_page
from kg.serve.pages import Linker, Site
from kg.serve.resource import RESOURCE_TYPES, describe, resource_iris
from kg.serve.resource_page import gather, resource_page
from kg.stats import compute_stats

#: (done, total, what) after each resource.
Progress = Callable[[int, int, str], None]
SITE_SUFFIXES = ("ttl", "jsonld")

HTACCESS = """# Written by kg publish: /{type}/{id} negotiates between {id}.html, .ttl and .jsonld.
Options +MultiViews
AddType text/html .html
AddType text/turtle .ttl
AddType application/ld+json .jsonld
AddType application/trig .trig
AddType application/n-quads .nq
<Files "void">
  ForceType text/turtle
</Files>
"""


class PublishError(KgError):
    """The site cannot be written (the folder is a file, no permission)."""

    default_hint = "Choose another DIR, or check its permissions."


@dataclass
class PublishReport:
    directory: Path
    resources: int
    files: int
    seconds: float


def publish(
    graph: GraphStore,
    directory: Path,
    *,
    base_iri: str = DEFAULT_BASE_IRI,
    site_url: str | None = None,
    endpoint: str | None = None,
    title: str = "Diplomatic conversations",
    progress: Progress | None = None,
) -> PublishReport:
    """Write the static site into ``directory`` (created; files of an earlier run are replaced).

    ``site_url`` is where the site will be reachable (default: the base IRI,
    for a host the base IRI redirects to); it only goes into the VoID dump
    and endpoint URLs.  ``endpoint`` is a SPARQL endpoint the example
    queries link to (none by default: a static host has none).
    """
    started = time.perf_counter()
    site_url = (site_url or base_iri).rstrip("/") + "/"
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise PublishError(f"cannot create {directory}: {error}") from error
    iris = resource_iris(graph, base_iri)
    paths = {iri[len(base_iri) :] for iri in iris}
    site = Site(
        base_iri,
        published=paths.__contains__,
        sparql=endpoint,
        search=False,
        title=title,
        rdf_suffixes=SITE_SUFFIXES,
    )
    writer = _Writer(directory)
    for done, iri in enumerate(iris, 1):
        relative = iri[len(base_iri) :]
        description = describe(graph, iri)
        for suffix in SITE_SUFFIXES:
            writer.write(
                f"{relative}.{suffix}", serialize_rdf(description.triples, RDF_BY_SUFFIX[suffix])
            )
        extras = gather(graph, description, base_iri)
        page = resource_page(description, extras, Linker(site, relative + ".html"), page=relative)
        writer.write(relative + ".html", page.encode("utf-8"))
        if progress:
            progress(done, len(iris), relative)
    by_kind: dict[str, list[str]] = {kind: [] for kind in RESOURCE_TYPES}
    for iri in iris:
        by_kind[iri[len(base_iri) :].split("/", 1)[0]].append(iri)
    for kind, members in by_kind.items():
        page = browse_page(site, kind, browse_items(graph, members))
        writer.write(f"browse/{kind}.html", page.encode("utf-8"))
    counts = {kind: len(members) for kind, members in by_kind.items()}
    landing = landing_page(site, compute_stats(graph), counts, example_queries())
    writer.write("index.html", landing.encode("utf-8"))
    _write_dumps(graph, writer, base_iri)
    void = _void(graph, base_iri, site_url, endpoint)
    writer.write("void.ttl", void)
    writer.write(".well-known/void", void)
    from kg.serve.app import write_timeline

    write_timeline(graph, writer.path("timeline.html"), title)
    writer.files += 1
    writer.write(".htaccess", HTACCESS.encode("utf-8"))
    return PublishReport(directory, len(iris), writer.files, time.perf_counter() - started)


class _Writer:
    """Writes files under the site folder, creating each folder once."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.files = 0
        self._folders: set[Path] = set()

    def path(self, relative: str) -> Path:
        target = self.root / relative
        folder = target.parent
        if folder not in self._folders:
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError as error:
                raise PublishError(f"cannot create {folder}: {error}") from error
            self._folders.add(folder)
        return target

    def write(self, relative: str, data: bytes) -> None:
        try:
            self.path(relative).write_bytes(data)
        except OSError as error:
            raise PublishError(f"cannot write {self.root / relative}: {error}") from error
        self.files += 1


def _write_dumps(graph: GraphStore, writer: _Writer, base_iri: str) -> None:
    from kg.dumps import write_dump

    for name, fmt, _ in DUMPS:
        with writer.path(f"dumps/{name}").open("wb") as output:
            write_dump(graph, fmt, output, base_iri=base_iri)
        writer.files += 1


def _void(graph: GraphStore, base_iri: str, site_url: str, endpoint: str | None) -> bytes:
    from kg.void import describe_dataset

    dumps = [(fmt, site_url + "dumps/" + name) for name, fmt, _ in DUMPS]
    quads = describe_dataset(graph, base_iri=base_iri, dumps=dumps, endpoint=endpoint)
    return serialize_rdf((q.triple for q in quads), RDF_BY_SUFFIX["ttl"])
