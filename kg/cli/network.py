"""``kg network``: the co-participation network of the selected events, in one command.

The command resolves the selection and the format, makes one library call
(:func:`kg.network.network_from_store`) and writes the result with
:func:`kg.network.write_network`: to ``-o FILE`` (written beside it and
renamed into place), or to stdout for the text formats.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from kg.cli.app import CliState
from kg.cli.options import open_store, pass_state, selection_options
from kg.errors import UsageError
from kg.files import write_atomically
from kg.network import NetworkFormat, default_title, network_from_store, write_network
from kg.timeline import TimelineFilter

FORMAT_NAMES = [f.value for f in NetworkFormat]


def resolve_format(fmt: str | None, output: Path | None) -> NetworkFormat:
    """The format asked for, else the one the output file's suffix names, else CSV.

    >>> resolve_format(None, Path("net.gexf")).value, resolve_format(None, None).value
    ('gexf', 'csv')
    """
    if fmt:
        return NetworkFormat(fmt)
    suffix = output.suffix.lower().lstrip(".") if output else ""
    if suffix in FORMAT_NAMES:
        return NetworkFormat(suffix)
    if output is not None:
        raise UsageError(
            f"cannot tell the format of {output.name!r}",
            hint="Give --format " + "|".join(FORMAT_NAMES) + ".",
        )
    return NetworkFormat.CSV


@click.command("network")
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(FORMAT_NAMES),
    help="gexf (Gephi, with time spells), graphml, csv (edge list), png or svg (a picture). "
    "Default: from the suffix of -o, else csv.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="The file to write (gexf, graphml, csv and svg go to stdout without it).",
)
@selection_options
@click.option(
    "--min-meetings",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Leave out pairs that met fewer times.",
)
@click.option("--persons-only", is_flag=True, help="Leave out organizations.")
@click.option(
    "--top",
    type=click.IntRange(min=1),
    default=80,
    show_default=True,
    help="png, svg: draw the N agents with most meetings.",
)
@click.option(
    "--labels",
    "labelled",
    type=click.IntRange(min=0),
    default=25,
    show_default=True,
    help="png, svg: name the N agents with most meetings.",
)
@click.option("--title", help="png, svg: the title (default: made from the network).")
@pass_state
def network_command(
    state: CliState,
    /,
    fmt: str | None,
    output: Path | None,
    min_meetings: int,
    persons_only: bool,
    top: int,
    labelled: int,
    title: str | None,
    **filters: Any,
) -> None:
    """Export the network of who met whom in the selected events.

    \b
    Agents are nodes; two agents are joined once per event both took part
    in: the edge carries the number of meetings, the first and the last,
    and the events.  GEXF has a time spell per meeting (play it in Gephi's
    timeline); GraphML and CSV are static.  Examples:
      kg network -o network.gexf --from 1961 --to 1963
      kg network --format png -o network.png --source frus --source curated
    """
    network_format = resolve_format(fmt, output)
    if network_format is NetworkFormat.PNG and output is None:
        raise UsageError("a PNG picture needs a file", hint="Give -o FILE.png.")
    selection = TimelineFilter(**{k: v for k, v in filters.items() if v not in (None, ())})
    with open_store(state) as store:
        graph = network_from_store(
            store, selection, min_meetings=min_meetings, persons_only=persons_only
        )
    options: dict[str, Any] = {"title": title, "top": top, "labelled": labelled}
    if output is None:
        stream = click.get_binary_stream("stdout")
        write_network(graph, network_format, stream, **options)
        stream.flush()
    else:
        write_atomically(output, lambda s: write_network(graph, network_format, s, **options))
    if state.verbosity >= 0:
        click.echo(f"{default_title(graph)}.", err=True)
