"""The commands of ``kg``: each resolves options, makes one library call, renders."""

from __future__ import annotations

import json
from pathlib import Path

import click

from kg.backend import is_remote
from kg.cli.app import CliState
from kg.cli.entities import entities_command
from kg.cli.evaluate import eval_command
from kg.cli.export import export_command
from kg.cli.network import network_command
from kg.cli.options import BASE_IRI, open_store, pass_state
from kg.cli.push import push_command
from kg.cli.render import ingest_summary, progress_printer, validation_report
from kg.cli.serve import publish_command, serve_command
from kg.cli.timeline import timeline_command
from kg.errors import ExitCode, UsageError
from kg.extract.reference import ReferenceData
from kg.formats import FORMATS, detect_format
from kg.ingest import ingest
from kg.model import to_jsonable
from kg.namespaces import PREFIXES
from kg.queries import (
    CannedQuery,
    bind_parameters,
    canned_queries,
    get_canned,
    parse_canned,
)
from kg.report import Problem
from kg.resources import resource_dir
from kg.results import ResultFormat, render
from kg.sources import decode
from kg.stats import compute_stats
from kg.store import SelectResult
from kg.validate import validate_store


@click.command("ingest")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@BASE_IRI
@click.option(
    "--authority",
    "authority_files",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Extra authority Turtle file (persons, organizations, places); repeatable.",
)
@pass_state
def ingest_command(
    state: CliState, paths: tuple[Path, ...], base_iri: str, authority_files: tuple[Path, ...]
) -> None:
    """Read documents from files and folders into the store.

    Formats are recognised by content; unrelated files are skipped with a
    line each.  Each document goes into its own named graph; re-ingesting an
    unchanged file changes nothing.  Exits with 3 when any document had
    problems (the others are stored).
    """
    progress = progress_printer(enabled=state.verbosity >= 0)
    if is_remote(state.store):
        with open_store(state, read_only=False) as remote:
            report = ingest(
                remote, paths, base_iri=base_iri, authority_files=authority_files, progress=progress
            )
    else:
        report = ingest(
            Path(state.store),
            paths,
            base_iri=base_iri,
            authority_files=authority_files,
            progress=progress,
        )
    progress.finish()
    ingest_summary(report, verbosity=state.verbosity)
    if not report.ok:
        raise click.exceptions.Exit(int(ExitCode.DATA_PROBLEMS))


@click.command("extract")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@BASE_IRI
def extract_command(file: Path, base_iri: str) -> None:
    """Show as JSON what FILE yields, without storing anything."""
    from kg.ingest import Ingestor

    reference: ReferenceData = Ingestor(base_iri=base_iri).reference
    decoded = decode(str(file), file.read_bytes())
    if isinstance(decoded, Problem):
        click.echo(str(decoded), err=True)
        raise click.exceptions.Exit(int(ExitCode.DATA_PROBLEMS))
    text = decoded.text
    fmt = detect_format(file, text)
    if fmt is None:
        raise UsageError(
            f"{file}: not a format kg reads",
            hint="kg reads: " + ", ".join(f"{f.name} ({'/'.join(f.suffixes)})" for f in FORMATS),
        )
    extraction = fmt.extract(str(file), text, reference)
    problems = [*decoded.problems, *extraction.problems]
    payload = {
        "file": str(file),
        "format": fmt.name,
        "documents": to_jsonable(extraction.documents),
        "problems": [to_jsonable(p) for p in problems],
    }
    click.echo(json.dumps(payload, ensure_ascii=False, indent=2))
    for problem in problems:
        click.echo(str(problem), err=True)
    if problems:
        raise click.exceptions.Exit(int(ExitCode.DATA_PROBLEMS))


@click.command("query")
@click.argument("query", required=False)
@click.option(
    "-f",
    "--file",
    "query_file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Read the SPARQL query from a file.",
)
@click.option(
    "-p",
    "--param",
    "params",
    multiple=True,
    metavar="NAME=VALUE",
    help="Bind a parameter of the query (repeatable).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice([f.value for f in ResultFormat]),
    default="table",
    show_default=True,
    help="table for people; csv, tsv, json are the SPARQL 1.1 results formats.",
)
@pass_state
def query_command(
    state: CliState, query: str | None, query_file: Path | None, params: tuple[str, ...], fmt: str
) -> None:
    """Run a SPARQL query: inline text, -f FILE, or the name of a canned query.

    Canned queries ('kg queries') take parameters with -p, e.g.
    kg query person-conversations -p person="Fidel Castro".
    The default graph is the union of all graphs; GRAPH ?g names the
    document graph a statement comes from.
    """
    canned = _choose_query(query, query_file)
    given = _parse_params(params)
    with open_store(state) as graph:
        text = bind_parameters(graph, canned, given)
        result = graph.query(text)
        if isinstance(result, SelectResult):
            compact = {iri: f"{prefix}:" for prefix, iri in PREFIXES.items()}
            click.echo(render(result, ResultFormat(fmt), compact=compact), nl=False)
        elif isinstance(result, bool):
            click.echo("true" if result else "false")
        else:
            for triple in result:
                click.echo(f"{triple} .")


def _choose_query(query: str | None, query_file: Path | None) -> CannedQuery:
    if query_file is not None and query is not None:
        raise UsageError("give either a query or -f FILE, not both")
    if query_file is not None:
        return parse_canned(query_file.stem, query_file.read_text(encoding="utf-8"))
    if query is None:
        raise UsageError("no query given", hint="Give SPARQL text, -f FILE or a canned query name.")
    if query in canned_queries():
        return get_canned(query)
    if "{" not in query:
        return get_canned(query)  # a mistyped name: fails with the list of names
    return parse_canned("inline", query)


def _parse_params(params: tuple[str, ...]) -> dict[str, str]:
    given: dict[str, str] = {}
    for item in params:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise UsageError(f"-p takes NAME=VALUE, got {item!r}")
        given[name.strip().lstrip("?")] = value
    return given


@click.command("queries")
def queries_command() -> None:
    """List the canned queries with their parameters."""
    for name, canned in canned_queries().items():
        click.echo(f"{name}\t{canned.title}")
        if canned.description:
            click.echo(f"\t{canned.description}")
        for p in canned.parameters:
            optional = " (optional)" if p.optional else ""
            click.echo(f"\t-p {p.name}=…  {p.kind}{optional}")
    click.echo(f"# from {resource_dir('queries')}", err=True)


@click.command("stats")
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True
)
@pass_state
def stats_command(state: CliState, fmt: str) -> None:
    """Count what the graph holds: quads, graphs, documents, events, people, places."""
    with open_store(state) as graph:
        stats = compute_stats(graph)
    if fmt == "json":
        click.echo(json.dumps(to_jsonable(stats), indent=2))
        return
    width = max(len(k) for k, _ in stats.rows())
    for key, value in stats.rows():
        click.echo(f"{key.ljust(width)}  {value}")


@click.command("validate")
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@pass_state
def validate_command(state: CliState, fmt: str) -> None:
    """Check the graph against the SHACL shapes (ontology/shapes.ttl).

    Exits with 3 when there are violations; the report names each focus
    node, property and what is wrong.
    """
    with open_store(state) as graph:
        result = validate_store(graph)
    if fmt == "json":
        click.echo(json.dumps(to_jsonable(result), indent=2))
    else:
        validation_report(result)
    if not result.conforms:
        raise click.exceptions.Exit(int(ExitCode.DATA_PROBLEMS))


def register(group: click.Group) -> None:
    for command in (
        ingest_command,
        extract_command,
        query_command,
        queries_command,
        stats_command,
        validate_command,
        entities_command,
        eval_command,
        timeline_command,
        export_command,
        network_command,
        serve_command,
        publish_command,
        push_command,
    ):
        group.add_command(command)
