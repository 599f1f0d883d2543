"""What differs between SPARQL servers, as far as kg is concerned.

kg speaks only the standard protocols, but servers differ in how the
default graph is formed, how big an update they take, which graphs are
their own and how a query timeout is asked for.  Each known server gets a
:class:`Dialect`, chosen from the ``Server`` response header.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Dialect:
    """What differs between SPARQL servers, as far as kg is concerned."""

    name: str
    #: URL parameters that make the default graph the union of all named graphs.
    union_params: Mapping[str, str] = field(default_factory=dict)
    #: Quads per update request, and triples per ``GRAPH`` block inside it.
    batch_quads: int = 20000
    block_triples: int = 2000
    #: Text put before an update without blank nodes (Virtuoso: compile big inserts).
    update_prefix: str = ""
    #: Graphs of the server itself, never shown as kg's.
    system_graphs: tuple[str, ...] = ()
    #: Rows per page when reading quads (below the server's result cap).
    page_rows: int = 10000
    #: The server-side timeout parameter for a number of seconds.
    timeout_param: Callable[[float], dict[str, str]] | None = None


def _seconds(name: str) -> Callable[[float], dict[str, str]]:
    return lambda s: {name: str(max(1, round(s)))}


DIALECTS: dict[str, Dialect] = {
    "virtuoso": Dialect(
        "virtuoso",
        update_prefix="define sql:big-data-const 1 ",
        system_graphs=(
            "http://www.openlinksw.com/schemas/virtrdf#",
            "http://www.w3.org/ns/ldp#",
            "http://localuriqaserver/sparql",
            "http://www.w3.org/2002/07/owl#",
        ),
        timeout_param=lambda s: {"timeout": str(max(1, round(s * 1000)))},
    ),
    "oxigraph": Dialect("oxigraph", union_params={"union-default-graph": ""}, batch_quads=20000),
    "fuseki": Dialect("fuseki", timeout_param=_seconds("timeout")),
    "graphdb": Dialect("graphdb", timeout_param=_seconds("timeout")),
    "generic": Dialect("generic"),
}


def detect_dialect(server_header: str) -> Dialect:
    """The dialect for a ``Server`` response header.

    >>> detect_dialect("Virtuoso/07.20.3229 (Linux) x86_64-pc-linux-gnu").name
    'virtuoso'
    >>> detect_dialect("Oxigraph/0.5.13").name, detect_dialect("nginx").name
    ('oxigraph', 'generic')
    """
    header = server_header.lower()
    for name in ("virtuoso", "oxigraph", "fuseki", "graphdb"):
        if name in header:
            return DIALECTS[name]
    return DIALECTS["generic"]
