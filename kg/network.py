"""The co-participation network: who met whom, how often, and when first and last.

Nodes are the agents (persons and organizations) of the selected events;
two agents are joined when they took part in the same event, once per
event, so an edge's ``weight`` is the number of their meetings.  Each edge
keeps its first and last meeting and the events themselves, so a reader of
the network can go back to the records.

The network is built from :class:`kg.timeline.TimelineEntry` values, the
same selection the timelines show (:func:`network_from_store` runs that
selection in SPARQL against any store), and written as GEXF with time
spells (Gephi's dynamic format, so the network can be played over time),
GraphML, a CSV edge list, or a PNG/SVG picture drawn with matplotlib.

Agents that met nobody in the selection (a traveller alone on a trip) are
not nodes.  Two records of the same meeting (``dip:sameEventAs``) count as
two events, as they do in the timeline.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import itertools
import math
from collections.abc import Iterable, Sequence
from enum import Enum
from typing import IO, Any

import networkx as nx
from networkx.readwrite.gexf import GEXFWriter

from kg.backend import GraphStore
from kg.timeline import TimelineEntry, TimelineFilter, select_timeline

#: Separates several values in one GEXF, GraphML or CSV cell.
SEPARATOR = "; "

CSV_COLUMNS = (
    "source",
    "target",
    "source_label",
    "target_label",
    "meetings",
    "first",
    "last",
    "events",
    "event_labels",
)


class NetworkFormat(str, Enum):
    GEXF = "gexf"
    GRAPHML = "graphml"
    CSV = "csv"
    PNG = "png"
    SVG = "svg"

    @property
    def is_picture(self) -> bool:
        return self in (NetworkFormat.PNG, NetworkFormat.SVG)


def merge_spells(spans: Iterable[tuple[dt.date, dt.date]]) -> list[tuple[str, str]]:
    """Overlapping or touching day spans as one, in ISO form: GEXF spells.

    Gephi rejects overlapping spells on one node or edge, so two meetings on
    the same day (or a visit that contains a conversation) become one spell;
    the number of meetings stays in the edge weight.

    >>> d = dt.date
    >>> merge_spells([(d(1961, 6, 4), d(1961, 6, 4)), (d(1961, 6, 3), d(1961, 6, 4)),
    ...               (d(1962, 1, 1), d(1962, 1, 1))])
    [('1961-06-03', '1961-06-04'), ('1962-01-01', '1962-01-01')]
    """
    merged: list[list[dt.date]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1] + dt.timedelta(days=1):
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(start.isoformat(), end.isoformat()) for start, end in merged]


def build_network(
    entries: Iterable[TimelineEntry], *, min_meetings: int = 1, persons_only: bool = False
) -> nx.Graph:
    """The co-participation graph of ``entries`` (node ids are agent IRIs).

    Node attributes: ``label``, ``kind`` (person, organization, agent),
    ``meetings`` (events shared with anyone in the network), ``first``, ``last``
    and ``spells``.  Edge attributes: ``weight`` and ``meetings`` (the
    number of shared events), ``first``, ``last`` (ISO dates of the first
    and last shared event: earliest and latest bounds), ``events`` (their
    IRIs), ``event_labels`` (both joined by :data:`SEPARATOR`) and
    ``spells``.  Pairs that met fewer than ``min_meetings`` times are left
    out, and so are agents left without any pair.

    >>> from kg.timeline import TimelineAgent
    >>> a, b = TimelineAgent("p/a", "A", "person"), TimelineAgent("p/b", "B", "person")
    >>> e = TimelineEntry("e/1", "A meets B", dt.date(1961, 5, 19), dt.date(1961, 5, 19),
    ...                   participants=(a, b))
    >>> g = build_network([e])
    >>> g.edges["p/a", "p/b"]["meetings"], g.edges["p/a", "p/b"]["first"]
    (1, '1961-05-19')
    """
    labels: dict[str, str] = {}
    kinds: dict[str, str] = {}
    pairs: dict[tuple[str, str], list[TimelineEntry]] = {}
    for entry in entries:
        agents = {a.iri: a for a in entry.participants if not persons_only or a.kind == "person"}
        for participant in agents.values():
            labels.setdefault(participant.iri, participant.label)
            if kinds.get(participant.iri, "agent") == "agent":
                kinds[participant.iri] = participant.kind
        for source, target in itertools.combinations(sorted(agents), 2):
            pairs.setdefault((source, target), []).append(entry)
    graph = nx.Graph()
    kept = {pair: found for pair, found in sorted(pairs.items()) if len(found) >= min_meetings}
    met: dict[str, dict[str, TimelineEntry]] = {}
    for (source, target), found in kept.items():
        for agent in (source, target):
            met.setdefault(agent, {}).update((e.event, e) for e in found)
    for agent in sorted(met):
        found = list(met[agent].values())
        graph.add_node(
            agent,
            label=labels[agent],
            kind=kinds[agent],
            meetings=len(found),
            first=min(e.earliest for e in found).isoformat(),
            last=max(e.latest for e in found).isoformat(),
            spells=merge_spells((e.earliest, e.latest) for e in found),
        )
    for (source, target), found in kept.items():
        graph.add_edge(
            source,
            target,
            weight=len(found),
            meetings=len(found),
            first=min(e.earliest for e in found).isoformat(),
            last=max(e.latest for e in found).isoformat(),
            events=SEPARATOR.join(e.event for e in found),
            event_labels=SEPARATOR.join(e.label for e in found),
            spells=merge_spells((e.earliest, e.latest) for e in found),
        )
    return graph


def network_from_store(
    store: GraphStore,
    selection: TimelineFilter | None = None,
    *,
    min_meetings: int = 1,
    persons_only: bool = False,
) -> nx.Graph:
    """The network of the events ``selection`` picks from ``store`` (see :func:`build_network`)."""
    return build_network(
        select_timeline(store, selection),
        min_meetings=min_meetings,
        persons_only=persons_only,
    )


def edge_rows(graph: nx.Graph) -> list[dict[str, Any]]:
    """One row per pair, busiest first, then by the two labels: the CSV edge list."""
    rows = []
    for source, target, data in graph.edges(data=True):
        first, second = sorted((source, target), key=lambda n: (graph.nodes[n]["label"], n))
        rows.append(
            {
                "source": first,
                "target": second,
                "source_label": graph.nodes[first]["label"],
                "target_label": graph.nodes[second]["label"],
                "meetings": data["meetings"],
                "first": data["first"],
                "last": data["last"],
                "events": data["events"],
                "event_labels": data["event_labels"],
            }
        )
    rows.sort(key=lambda r: (-r["meetings"], r["source_label"], r["target_label"], r["source"]))
    return rows


def write_network(
    graph: nx.Graph,
    fmt: NetworkFormat,
    stream: IO[bytes],
    *,
    title: str | None = None,
    top: int = 80,
    labelled: int = 25,
) -> None:
    """Write ``graph`` to a binary stream as ``fmt``.

    ``title``, ``top`` (how many of the busiest agents a picture draws) and
    ``labelled`` (how many of them get a name) apply to PNG and SVG.
    """
    if fmt is NetworkFormat.CSV:
        text = io.TextIOWrapper(stream, encoding="utf-8", newline="")
        writer = csv.DictWriter(text, fieldnames=CSV_COLUMNS)
        writer.writeheader()
        writer.writerows(edge_rows(graph))
        text.flush()
        text.detach()
    elif fmt is NetworkFormat.GEXF:
        _write_gexf(graph, stream)
    elif fmt is NetworkFormat.GRAPHML:
        static = graph.copy()
        for _, data in static.nodes(data=True):
            data.pop("spells", None)
        for _, _, data in static.edges(data=True):
            data.pop("spells", None)
        nx.write_graphml(static, stream, encoding="utf-8")
    else:
        draw_network(graph, stream, fmt=fmt, title=title, top=top, labelled=labelled)


def _write_gexf(graph: nx.Graph, stream: IO[bytes]) -> None:
    """GEXF in dynamic mode; its ``lastmodifieddate`` is the last meeting, not today.

    networkx stamps the day of writing, which would make the same graph give
    different files on different days.
    """
    dynamic = graph.copy()
    dynamic.graph.update(mode="dynamic", timeformat="date")
    writer = GEXFWriter(encoding="utf-8", prettyprint=True, version="1.2draft")
    writer.add_graph(dynamic)
    meta = writer.xml.find("meta")
    last = max((str(d.get("last", "")) for _, d in graph.nodes(data=True)), default="")
    if meta is not None and last:
        meta.set("lastmodifieddate", last)
    writer.write(stream)


_KIND_COLOURS = {"person": "#1f6fb2", "organization": "#c0612b", "agent": "#7d8590"}


def busiest(graph: nx.Graph, count: int) -> list[str]:
    """The ``count`` agents with most meetings (weighted degree), ties by label and IRI."""
    degree = dict(graph.degree(weight="weight"))
    ranked = sorted(graph.nodes, key=lambda n: (-degree[n], graph.nodes[n]["label"], n))
    return ranked[:count]


def default_title(graph: nx.Graph) -> str:
    """``Who met whom: 12 agents, 30 pairs, 1961–1967``.

    >>> default_title(nx.Graph())
    'Who met whom: no meetings in the selection'
    """
    if graph.number_of_edges() == 0:
        return "Who met whom: no meetings in the selection"
    first = min(d["first"] for _, _, d in graph.edges(data=True))[:4]
    last = max(d["last"] for _, _, d in graph.edges(data=True))[:4]
    years = first if first == last else f"{first}–{last}"
    return (
        f"Who met whom: {graph.number_of_nodes()} agents, {graph.number_of_edges()} pairs, {years}"
    )


def component_layout(graph: nx.Graph, *, seed: int = 1961) -> dict[str, tuple[float, float]]:
    """Positions from a force layout per connected component, the components packed in rows.

    One force layout of a disconnected graph pushes the components to the
    corners; laying each out alone and packing them keeps the picture full.
    A component of ``n`` agents gets a disc of radius ``sqrt(n)``.

    >>> pos = component_layout(nx.Graph([("a", "b"), ("c", "d")]))
    >>> sorted(pos) == ["a", "b", "c", "d"] and pos["a"] != pos["c"]
    True
    """
    components = sorted(nx.connected_components(graph), key=lambda c: (-len(c), min(c)))
    radii = [math.sqrt(len(c)) for c in components]
    row_width = max(max(radii, default=1) * 2, 2.6 * math.sqrt(sum(r * r for r in radii)))
    positions: dict[str, tuple[float, float]] = {}
    x = y = row_height = 0.0
    for component, radius in zip(components, radii, strict=True):
        if x > 0 and x + 2 * radius > row_width:
            x, y, row_height = 0.0, y - row_height - 0.6, 0.0
        sub = graph.subgraph(component)
        if len(component) == 1:
            local = {next(iter(component)): (0.0, 0.0)}
        else:
            local = nx.spring_layout(
                sub, seed=seed, weight=None, k=1.6 / math.sqrt(len(component)), iterations=300
            )
            local = _tame(local)
        for node, (px, py) in local.items():
            positions[node] = (x + radius + px * radius * 0.9, y - radius + py * radius * 0.9)
        x += 2 * radius + 0.6
        row_height = max(row_height, 2 * radius)
    return positions


def _tame(positions: dict[str, Any]) -> dict[str, tuple[float, float]]:
    """Scale a layout so most nodes fill the unit disc and pull far outliers in.

    A force layout puts a node with one meeting far out, which squeezes
    everyone else into the middle of the picture.
    """
    xs = sorted(float(p[0]) for p in positions.values())
    ys = sorted(float(p[1]) for p in positions.values())
    cx, cy = xs[len(xs) // 2], ys[len(ys) // 2]
    distances = sorted(math.hypot(float(p[0]) - cx, float(p[1]) - cy) for p in positions.values())
    scale = distances[int(0.8 * (len(distances) - 1))] or 1.0
    tamed = {}
    for node, (px, py) in positions.items():
        dx, dy = (float(px) - cx) / scale, (float(py) - cy) / scale
        length = math.hypot(dx, dy)
        if length > 1:  # keep the direction, shorten the distance beyond the rim
            factor = (1 + 0.5 * math.log(length)) / length
            dx, dy = dx * factor, dy * factor
        tamed[node] = (dx, dy)
    reach = max((math.hypot(*p) for p in tamed.values()), default=1.0) or 1.0
    return {node: (p[0] / reach, p[1] / reach) for node, p in tamed.items()}


def draw_network(
    graph: nx.Graph,
    stream: IO[bytes],
    *,
    fmt: NetworkFormat,
    title: str | None = None,
    top: int = 80,
    labelled: int = 25,
) -> None:
    """Draw the busiest ``top`` agents: node size by meetings, edge width by pair meetings.

    The layout is a force layout with a fixed seed, so the same graph gives
    the same picture on every run.  No pyplot: the figure is private, so
    drawing does not touch matplotlib's global state.
    """
    from matplotlib import rc_context
    from matplotlib.collections import LineCollection
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D

    nodes = busiest(graph, top)
    shown = graph.subgraph(nodes)
    heading = title or default_title(graph)
    if shown.number_of_nodes() < graph.number_of_nodes():
        heading += f"\n(the {shown.number_of_nodes()} agents with most meetings)"
    figure = Figure(figsize=(12, 9), dpi=100)
    axes = figure.add_axes((0.01, 0.01, 0.98, 0.9))
    axes.set_axis_off()
    figure.suptitle(heading, fontsize=14, y=0.975)
    if shown.number_of_nodes() == 0:
        axes.text(0.5, 0.5, "No two agents met in the selection.", ha="center", fontsize=14)
    else:
        layout = component_layout(shown)
        degree = dict(shown.degree(weight="weight"))
        top_weight = max((d["weight"] for _, _, d in shown.edges(data=True)), default=1)
        edges = sorted(shown.edges(data=True), key=lambda e: e[2]["weight"])
        axes.add_collection(
            LineCollection(
                [(layout[u], layout[v]) for u, v, _ in edges],
                linewidths=[0.6 + 5.4 * d["weight"] / top_weight for _, _, d in edges],
                colors="#8c959f",
                alpha=0.55,
                zorder=1,
            )
        )
        order = sorted(shown.nodes, key=lambda n: degree[n])
        axes.scatter(
            [layout[n][0] for n in order],
            [layout[n][1] for n in order],
            s=[30 + 28 * math.sqrt(degree[n]) for n in order],
            c=[_KIND_COLOURS.get(shown.nodes[n]["kind"], "#7d8590") for n in order],
            edgecolors="white",
            linewidths=0.8,
            zorder=2,
        )
        for node in busiest(shown, labelled):
            x, y = layout[node]
            axes.annotate(  # a box, not a path effect: the SVG keeps its labels as text
                shown.nodes[node]["label"],
                (x, y),
                xytext=(0, 7),
                textcoords="offset points",
                ha="center",
                fontsize=9,
                zorder=3,
                bbox={"boxstyle": "round,pad=0.1", "fc": "white", "ec": "none", "alpha": 0.75},
            )
        axes.margins(0.08)
        kinds = sorted({shown.nodes[n]["kind"] for n in shown.nodes})
        handles: Sequence[Line2D] = [
            Line2D([], [], marker="o", ls="", color=_KIND_COLOURS.get(k, "#7d8590"), label=k)
            for k in kinds
        ]
        axes.legend(
            handles=[*handles, Line2D([], [], color="#8c959f", lw=3, label="more meetings")],
            loc="lower left",
            frameon=False,
            fontsize=9,
        )
    with rc_context({"svg.hashsalt": "kg", "svg.fonttype": "none"}):
        if fmt is NetworkFormat.SVG:
            figure.savefig(stream, format="svg", metadata={"Date": None})
        else:
            figure.savefig(stream, format="png", metadata={"Software": None})
