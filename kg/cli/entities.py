"""``kg entities``: one entity's record, or the review queue of unlinked names."""

from __future__ import annotations

import json
from collections.abc import Iterable

import click

from kg.authority import label_key
from kg.cli.app import CliState
from kg.cli.options import open_store, pass_state
from kg.entities import EntityInfo, UnlinkedName, describe_entity, find_entity
from kg.entities import unlinked_names as review_queue
from kg.errors import UsageError
from kg.extract.names import clean_person_name
from kg.ids import slugify
from kg.model import to_jsonable


@click.command("entities")
@click.argument("name", required=False)
@click.option(
    "--unlinked",
    is_flag=True,
    help="List the names found in documents that match no authority entry.",
)
@click.option("--limit", type=click.IntRange(min=1), help="Show at most this many names.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "turtle"]),
    default="table",
    show_default=True,
    help="turtle (with --unlinked): authority stubs to complete and add under data/authorities/.",
)
@pass_state
def entities_command(
    state: CliState, name: str | None, unlinked: bool, limit: int | None, fmt: str
) -> None:
    """Show one person, organization or place (NAME or IRI), or the --unlinked review queue.

    An entity shows its labels, positions, links, the events it took part in
    (in date order) and the documents that mention it.  The review queue
    lists unlinked names most frequent first with the number of documents
    naming each and an example sentence; add the real ones to a Turtle file
    under data/authorities/ (--format turtle writes stubs) and run
    'kg ingest' again.
    """

    if unlinked == (name is not None):
        raise UsageError(
            "give either a NAME (or IRI) or --unlinked",
            hint='kg entities "Fidel Castro"   or   kg entities --unlinked',
        )
    if fmt == "turtle" and not unlinked:
        raise UsageError("--format turtle goes with --unlinked")
    with open_store(state) as graph:
        if unlinked:
            queue = review_queue(graph, limit=limit)
        else:
            info = describe_entity(graph, find_entity(graph, name or ""))
    if unlinked:
        _render_queue(queue, fmt)
        return
    if fmt == "json":
        click.echo(json.dumps(to_jsonable(info), ensure_ascii=False, indent=2))
    else:
        _render_entity(info)


def _render_queue(queue: list[UnlinkedName], fmt: str) -> None:
    if fmt == "json":
        click.echo(json.dumps(to_jsonable(queue), ensure_ascii=False, indent=2))
        return
    if fmt == "turtle":
        click.echo(turtle_stubs(queue), nl=False)
        return
    if not queue:
        click.echo("No unlinked names: every name found is in the authority data.", err=True)
        return
    width = max(len(u.name) for u in queue)
    click.echo(f"{'count':>5}  {'name'.ljust(width)}  example")
    for u in queue:
        where = u.example_document.rsplit("/", 1)[-1]
        example = f"(title) {u.example}" if u.example_is_title else u.example
        click.echo(f"{u.count:>5}  {u.name.ljust(width)}  {example} [{where}]")
    click.echo(
        f"{len(queue)} unlinked names. Add the real ones to a Turtle file under "
        "data/authorities/ ('--format turtle' writes stubs) and run 'kg ingest' again.",
        err=True,
    )


def _render_entity(info: EntityInfo) -> None:
    echo = click.echo
    echo(info.label)
    echo(f"  iri        {info.iri}")
    echo(f"  kind       {info.kind}")
    if info.alt_labels:
        echo(f"  labels     {'; '.join(info.alt_labels)}")
    if info.family_name or info.given_name:
        echo(f"  name       {info.given_name or '-'} / {info.family_name or '-'} (given / family)")
    for n, comment in enumerate(info.comments):
        echo(f"  {'note' if n == 0 else '':<9}  {comment}")
    echo(f"positions ({len(info.positions)})")
    for p in info.positions:
        echo(f"  {p.earliest or '?':<10} – {p.latest or '?':<10}  {p.label}")
    echo(f"links ({len(info.links)})")
    for prop, target in info.links:
        echo(f"  {prop:<15}  {target}")
    echo(f"events ({len(info.events)})")
    for e in info.events:
        when = e.earliest if e.earliest == e.latest else f"{e.earliest}/{e.latest}"
        echo(f"  {when}  {e.role or '-'}  {e.label}  <{e.iri}>")
    echo(f"mentioned in ({len(info.mentioned_in)})")
    for d in info.mentioned_in:
        echo(f"  {d.created or '?':<10}  {d.title or '-'}  <{d.iri}>")


def turtle_stubs(names: Iterable[UnlinkedName]) -> str:
    """Authority entries to complete and paste into a curated file under ``data/authorities/``.

    Every name becomes a ``dip:Person`` stub: the review queue holds person-
    shaped names, and the scholar changes the class of the few places or
    organizations among them.

    >>> print(turtle_stubs([UnlinkedName("N.P. Volkov", 1, ("d",), "…", "d")]).splitlines()[-4])
    <person/volkov-n-p> a dip:Person ;
    """
    lines = [
        "@prefix dip: <https://w3id.org/dipkg/ontology#> .",
        "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .",
        "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .",
        "@prefix foaf: <http://xmlns.com/foaf/0.1/> .",
    ]
    for item in names:
        parsed = clean_person_name(item.name)
        label = parsed.display or item.name
        slug = slugify(f"{parsed.family} {parsed.given}".strip() or item.name)
        alt = sorted({s for s in item.spellings if label_key(s) != label_key(label)})
        lines += [
            "",
            f"# {item.count} document(s), e.g. {item.example_document}",
            f"<person/{slug}> a dip:Person ;",
            f"    rdfs:label {_literal(label)} ; skos:prefLabel {_literal(label)} ;",
        ]
        lines += [f"    skos:altLabel {_literal(s)} ;" for s in alt]
        if parsed.given:
            lines.append(f'    foaf:givenName "{_escape(parsed.given)}" ;')
        lines.append(f'    foaf:familyName "{_escape(parsed.family or item.name)}" .')
    return "\n".join(lines) + "\n"


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"')


def _literal(text: str) -> str:
    return f'"{_escape(text)}"@en'
