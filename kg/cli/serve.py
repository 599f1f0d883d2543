"""``kg serve`` (SPARQL endpoint and dereferenceable IRIs) and ``kg publish`` (a static site)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from kg.cli.app import CliState
from kg.cli.options import BASE_IRI, open_store, pass_state


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=7878, show_default=True, type=click.IntRange(0, 65535))
@BASE_IRI
@click.option(
    "--public-url",
    metavar="URL",
    help="Where clients reach the server, when a proxy maps it (e.g. the base IRI). "
    "Used for absolute redirects and in the VoID description; default: the request's address.",
)
@click.option(
    "--timeout",
    default=30.0,
    show_default=True,
    type=click.FloatRange(min=0.1),
    help="Seconds a SPARQL query may run before it is stopped (503).",
)
@click.option(
    "--max-results",
    default=10_000,
    show_default=True,
    type=click.IntRange(min=1),
    help="Rows (SELECT) or triples (CONSTRUCT) returned at most; more are cut off and the "
    "answer carries the header X-SPARQL-MaxRows.",
)
@click.option(
    "--workers",
    default=2,
    show_default=True,
    type=click.IntRange(1, 32),
    help="Worker processes that run SPARQL queries.",
)
@pass_state
def serve_command(
    state: CliState,
    host: str,
    port: int,
    base_iri: str,
    public_url: str | None,
    timeout: float,
    max_results: int,
    workers: int,
) -> None:
    """Serve the graph as linked data: SPARQL at /sparql, every IRI by content negotiation.

    GET /person/x answers 303 to x.ttl, x.jsonld, x.nt, x.rdf or x.html by
    Accept; / is the landing page, /.well-known/void the dataset description.
    Read-only: updates get 403.  Stop with Ctrl-C.
    """
    from kg.serve import bind_socket, create_app, serve

    graph = open_store(state)
    sock = bind_socket(host, port)
    app = create_app(
        graph,
        base_iri=base_iri,
        public_url=public_url,
        timeout=timeout,
        max_results=max_results,
        store_location=state.store,
        workers=workers,
    )
    address = f"http://{host if ':' not in host else f'[{host}]'}:{sock.getsockname()[1]}/"
    if state.verbosity >= 0:
        click.echo(
            f"Serving {state.store} at {address} (SPARQL at {address}sparql); IRIs "
            f"{base_iri}… map to paths of this address. Ctrl-C stops.",
            err=True,
        )
    level = ("warning", "info", "debug")[max(0, min(state.verbosity + 1, 2))]
    try:
        serve(app, sock, log_level=level)
    finally:
        graph.close()


class _Progress:
    """One line every 10 % on stderr (or a counter on a terminal)."""

    def __init__(self, *, enabled: bool) -> None:
        self.enabled = enabled
        self.tty = sys.stderr.isatty()
        self.decile = -1

    def __call__(self, done: int, total: int, current: str) -> None:
        if not self.enabled:
            return
        if self.tty:
            click.echo(f"\rpublish: {done}/{total} resources", nl=False, err=True)
            if done == total:
                click.echo("", err=True)
            return
        decile = 10 * done // total
        if decile != self.decile:
            self.decile = decile
            click.echo(f"publish: {done}/{total} resources ({10 * decile} %)", err=True)


@click.command("publish")
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@BASE_IRI
@click.option(
    "--site-url",
    metavar="URL",
    help="Where the site will be reachable; used in the VoID description (default: the base IRI).",
)
@click.option(
    "--endpoint", metavar="URL", help="A SPARQL endpoint for the example queries to link to."
)
@pass_state
def publish_command(
    state: CliState,
    directory: Path,
    base_iri: str,
    site_url: str | None,
    endpoint: str | None,
) -> None:
    """Write the graph as a static linked-data site into DIRECTORY.

    One HTML, Turtle and JSON-LD file per resource ({type}/{id}.html …), the
    landing page, dumps, VoID and the timeline; links are relative, so the
    folder works on any static host.
    """
    from kg.publish import publish

    with open_store(state) as graph:
        report = publish(
            graph,
            directory,
            base_iri=base_iri,
            site_url=site_url,
            endpoint=endpoint,
            progress=_Progress(enabled=state.verbosity >= 0),
        )
    if state.verbosity >= 0:
        click.echo(
            f"{report.resources} resources, {report.files} files written to {report.directory} "
            f"in {report.seconds:.1f} s",
            err=True,
        )
