"""The ASGI application of ``kg serve``: SPARQL endpoint, dereferenceable IRIs, landing page.

Every path ``/{type}/{id}`` stands for the IRI ``{base}{type}/{id}``, whatever
address the server listens on (a proxy may map ``https://w3id.org/dipkg/``
to it): the data keeps its canonical IRIs, and the HTML links relatively.

Cool URIs: the IRIs name things (people, conversations), not documents, so
``GET /person/x`` answers **303 See Other** to the document that describes
it in the format asked for by ``Accept`` (``x.ttl``, ``x.jsonld``, ``x.nt``,
``x.rdf`` or ``x.html``), and those suffixed URLs answer 200.  The
``Location`` is relative (``x.ttl``) unless a public URL is configured, so
redirects stay right behind a proxy with a path prefix.

The store is opened read-only; the endpoint refuses updates (403).  SPARQL
queries run with a time limit and a row limit (see :mod:`kg.serve.runner`);
resource pages run their few bounded queries in threads of this process.
"""

from __future__ import annotations

import contextlib
import shutil
import tempfile
import threading
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import anyio.to_thread
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, RedirectResponse, Response
from starlette.routing import Route

from kg.backend import GraphStore
from kg.namespaces import DEFAULT_BASE_IRI
from kg.serve import formats
from kg.serve.landing import DUMPS, browse_items, browse_page, example_queries, landing_page
from kg.serve.negotiation import choose
from kg.serve.pages import Linker, Site, error_page, search_page, sparql_page
from kg.serve.protocol import (
    Job,
    Outcome,
    ProtocolError,
    error_outcome,
    negotiate,
    parse_request,
    query_form,
)
from kg.serve.resource import RESOURCE_TYPES, describe, resource_iris
from kg.serve.resource_page import gather, resource_page
from kg.serve.runner import ProcessRunner, QueryRunner, ThreadRunner
from kg.serve.search import search
from kg.stats import compute_stats

# text/plain: N-Triples' registration before RDF 1.1; rdflib still asks for it.
RESOURCE_OFFERS = (*(t.media_type for t in formats.RDF_TYPES), formats.HTML, "text/plain")
SUFFIXES = {**{t.suffix: t.media_type for t in formats.RDF_TYPES}, "html": formats.HTML}


class LinkedDataApp:
    """The request handlers and what they share (graph, runner, caches)."""

    def __init__(
        self,
        graph: GraphStore,
        *,
        base_iri: str,
        public_url: str | None,
        timeout: float,
        max_results: int,
        runner: QueryRunner,
    ) -> None:
        self.graph = graph
        self.base_iri = base_iri
        self.public_url = public_url.rstrip("/") + "/" if public_url else None
        self.timeout = timeout
        self.max_results = max_results
        self.runner = runner
        self.site = Site(base_iri)
        self._cache: dict[str, Any] = {}
        self._lock = threading.Lock()
        self._locks: dict[str, threading.Lock] = {}
        self.files = Path(tempfile.mkdtemp(prefix="kg-serve-"))

    # --- shared, computed once (the store is read-only) ------------------------------------
    def cached(self, key: str, compute: Callable[[], Any]) -> Any:
        with self._lock:
            lock = self._locks.setdefault(key, threading.Lock())
        with lock:  # one lock per key: a slow dump does not hold up the landing page
            if key not in self._cache:
                self._cache[key] = compute()
            return self._cache[key]

    def kinds(self) -> dict[str, list[str]]:
        def compute() -> dict[str, list[str]]:
            out: dict[str, list[str]] = {kind: [] for kind in RESOURCE_TYPES}
            for iri in resource_iris(self.graph, self.base_iri):
                out[iri[len(self.base_iri) :].split("/", 1)[0]].append(iri)
            return out

        result: dict[str, list[str]] = self.cached("kinds", compute)
        return result

    def absolute(self, request: Request, path: str) -> str:
        root = self.public_url or str(request.base_url)
        return root.rstrip("/") + "/" + path

    # --- pages -------------------------------------------------------------------------------
    async def landing(self, request: Request) -> Response:
        def render() -> str:
            stats = self.cached("stats", lambda: compute_stats(self.graph))
            counts = {kind: len(iris) for kind, iris in self.kinds().items()}
            return landing_page(self.site, stats, counts, example_queries())

        return HTMLResponse(await anyio.to_thread.run_sync(render))

    async def browse(self, request: Request) -> Response:
        kind = request.path_params["kind"]
        if kind not in RESOURCE_TYPES:
            return self.not_found(request, f"browse/{kind}.html")

        def render() -> str:
            items = self.cached(
                f"browse-{kind}", lambda: browse_items(self.graph, self.kinds()[kind])
            )
            return browse_page(self.site, kind, items)

        return HTMLResponse(await anyio.to_thread.run_sync(render))

    async def search(self, request: Request) -> Response:
        text = request.query_params.get("q", "").strip()[:200]
        hits = (
            await anyio.to_thread.run_sync(search, self.graph, self.base_iri, text) if text else []
        )
        return HTMLResponse(search_page(self.site, text, hits))

    # --- the SPARQL endpoint ----------------------------------------------------------------
    async def sparql(self, request: Request) -> Response:
        accept = request.headers.get("accept")
        try:
            body = await request.body() if request.method == "POST" else b""
            params = {k: request.query_params.getlist(k) for k in request.query_params}
            asks_form = "query" not in params and "update" not in params
            if request.method == "GET" and asks_form and "html" in (accept or ""):
                return HTMLResponse(sparql_page(self.site))
            query = parse_request(
                request.method, params, request.headers.get("content-type", ""), body
            )
            form = query_form(query)
            media_type = negotiate(form, accept, request.query_params.getlist("format"))
            timeout = self._timeout(request.query_params.get("timeout"))
        except ProtocolError as error:
            return _respond(error_outcome(error.status, error.message, error.hint))
        job = Job(query, form, media_type, self.max_results, self.base_iri)
        return _respond(await self.runner.run(job, timeout))

    def _timeout(self, value: str | None) -> float:
        """The request's ``timeout`` (seconds) may shorten the server's limit, never extend it."""
        if value is None:
            return self.timeout
        try:
            asked = float(value)
        except ValueError as error:
            raise ProtocolError(400, f"timeout={value!r} is not a number of seconds") from error
        return min(self.timeout, asked) if asked > 0 else self.timeout

    # --- resources ---------------------------------------------------------------------------
    async def resource(self, request: Request) -> Response:
        path: str = request.path_params["path"]
        stem, dot, suffix = path.rpartition(".")
        if dot and suffix in SUFFIXES and "/" not in suffix and stem:
            return await self.document(request, stem, SUFFIXES[suffix])
        media_type = choose(request.headers.get("accept"), RESOURCE_OFFERS)
        if media_type is None:
            return _respond(
                error_outcome(
                    406,
                    "none of the accepted types is offered",
                    "Offered: " + ", ".join(RESOURCE_OFFERS),
                )
            )
        exists = await anyio.to_thread.run_sync(self._exists, self.base_iri + path)
        if not exists:
            return self.not_found(request, path)
        target = f"{path}.{_suffix(media_type)}"
        location = self.absolute(request, target) if self.public_url else target.rsplit("/", 1)[-1]
        return RedirectResponse(location, status_code=303, headers={"Vary": "Accept"})

    def _exists(self, iri: str) -> bool:
        answer = self.graph.query("ASK WHERE { ?iri ?p ?o }", bindings={"iri": _node(iri)})
        return answer is True

    async def document(self, request: Request, path: str, media_type: str) -> Response:
        iri = self.base_iri + path

        def render() -> bytes | None:
            description = describe(self.graph, iri)
            if not description.exists:
                return None
            if media_type != formats.HTML:
                return formats.serialize_rdf(description.triples, formats.RDF_BY_MEDIA[media_type])
            extras = gather(self.graph, description, self.base_iri)
            page = resource_page(description, extras, Linker(self.site, path + ".html"), page=path)
            return page.encode("utf-8")

        body = await anyio.to_thread.run_sync(render)
        if body is None:
            return self.not_found(request, path)
        headers = {"Link": f'<{iri}>; rel="canonical"'}
        charset = "; charset=utf-8" if not media_type.startswith("application/n-") else ""
        return Response(body, media_type=media_type + charset, headers=headers)

    def not_found(self, request: Request, path: str) -> Response:
        message = f"nothing is known about {self.base_iri}{path}"
        if choose(request.headers.get("accept"), [formats.HTML, "text/plain"]) == formats.HTML:
            return HTMLResponse(error_page(self.site, path, 404, message), status_code=404)
        return _respond(error_outcome(404, message))

    # --- files made on first request: dumps, VoID, timeline --------------------------------
    async def dump(self, request: Request) -> Response:
        name = request.path_params["name"]
        formats_by_name = {file: fmt for file, fmt, _ in DUMPS}
        if name not in formats_by_name:
            return self.not_found(request, f"dumps/{name}")
        path = await anyio.to_thread.run_sync(
            self._file,
            f"dump-{name}",
            lambda p: _write_dump(self.graph, formats_by_name[name], p, self.base_iri),
        )
        return FileResponse(path, media_type=_DUMP_TYPES[name.rsplit(".", 1)[1]], filename=name)

    async def void(self, request: Request) -> Response:
        media_type = "text/turtle"
        if request.url.path.endswith("/void"):
            media_type = (
                choose(request.headers.get("accept"), [t.media_type for t in formats.RDF_TYPES])
                or ""
            )
            if not media_type:
                return _respond(error_outcome(406, "the VoID description is offered as RDF only"))
        rdf_type = formats.RDF_BY_MEDIA[media_type]
        dumps = [(fmt, self.absolute(request, "dumps/" + name)) for name, fmt, _ in DUMPS]
        endpoint = self.absolute(request, "sparql")

        def render() -> bytes:
            from kg.void import describe_dataset

            quads = describe_dataset(
                self.graph, base_iri=self.base_iri, dumps=dumps, endpoint=endpoint
            )
            return formats.serialize_rdf((q.triple for q in quads), rdf_type)

        return Response(await anyio.to_thread.run_sync(render), media_type=media_type)

    async def timeline(self, request: Request) -> Response:
        path = await anyio.to_thread.run_sync(
            self._file, "timeline.html", lambda p: write_timeline(self.graph, p, self.site.title)
        )
        return FileResponse(path, media_type="text/html")

    def _file(self, key: str, write: Callable[[Path], None]) -> Path:
        def compute() -> Path:
            path = self.files / key
            write(path)
            return path

        result: Path = self.cached("file-" + key, compute)
        return result


_DUMP_TYPES = {"trig": "application/trig", "nq": "application/n-quads", "ttl": "text/turtle"}


def _write_dump(graph: GraphStore, fmt: str, path: Path, base_iri: str) -> None:
    from kg.dumps import write_dump

    with path.open("wb") as output:
        write_dump(graph, fmt, output, base_iri=base_iri)


def write_timeline(graph: GraphStore, path: Path, title: str) -> None:
    """The HTML timeline of every event (kg.export.html_timeline), for the server and the site."""
    from kg.export.html_timeline import write_html_timeline
    from kg.timeline import Timeline, TimelineFilter, select_timeline

    selection = TimelineFilter()
    timeline = Timeline(selection, select_timeline(graph, selection))
    write_html_timeline(timeline, path, lanes="participant", title=title)


def _suffix(media_type: str) -> str:
    if media_type == "text/plain":
        return "nt"
    return next(s for s, m in SUFFIXES.items() if m == media_type)


def _node(iri: str) -> Any:
    import pyoxigraph as ox

    return ox.NamedNode(iri)


def _respond(outcome: Outcome) -> Response:
    return Response(
        outcome.body,
        status_code=outcome.status,
        media_type=outcome.media_type,
        headers=outcome.headers,
    )


def create_app(
    graph: GraphStore,
    *,
    base_iri: str = DEFAULT_BASE_IRI,
    public_url: str | None = None,
    timeout: float = 30.0,
    max_results: int = 10_000,
    store_location: str | None = None,
    workers: int = 2,
) -> Starlette:
    """The Starlette app over ``graph``.

    With ``store_location`` (the store's directory or endpoint) SPARQL queries
    run in ``workers`` killable worker processes; without it, in threads of
    this process (see :mod:`kg.serve.runner`).
    """
    runner: QueryRunner = (
        ProcessRunner(store_location, workers=workers)
        if store_location
        else ThreadRunner(graph, workers=workers)
    )
    app = LinkedDataApp(
        graph,
        base_iri=base_iri,
        public_url=public_url,
        timeout=timeout,
        max_results=max_results,
        runner=runner,
    )

    @contextlib.asynccontextmanager
    async def lifespan(_: Starlette) -> AsyncIterator[None]:
        await runner.start()
        try:
            yield
        finally:
            await runner.close()
            shutil.rmtree(app.files, ignore_errors=True)

    routes = [
        Route("/", app.landing),
        Route("/index.html", app.landing),
        Route("/sparql", app.sparql, methods=["GET", "POST"]),
        Route("/search", app.search),
        Route("/.well-known/void", app.void),
        Route("/void.ttl", app.void),
        Route("/dumps/{name}", app.dump),
        Route("/timeline.html", app.timeline),
        Route("/browse/{kind}.html", app.browse),
        Route("/{path:path}", app.resource),
    ]
    middleware = [
        Middleware(
            CORSMiddleware, allow_origins=["*"], allow_methods=["GET", "POST"], allow_headers=["*"]
        )
    ]
    return Starlette(routes=routes, middleware=middleware, lifespan=lifespan)
