"""``kg eval GOLD.jsonl DIR``: score kg's extraction against hand annotations."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from kg.errors import ExitCode
from kg.evaluate import HEADLINE, Evaluation, evaluate
from kg.namespaces import DEFAULT_BASE_IRI


@click.command("eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("directory", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("--verbose", is_flag=True, help="Also list what each document got wrong.")
@click.option(
    "--base-iri",
    envvar="KG_BASE_IRI",
    default=DEFAULT_BASE_IRI,
    show_default=True,
    help="Base of the dataset's instance IRIs. Env KG_BASE_IRI.",
)
def eval_command(gold: Path, directory: Path, as_json: bool, verbose: bool, base_iri: str) -> None:
    """Compare what kg extracts from the files in DIRECTORY with the GOLD annotations.

    GOLD is JSON Lines, one annotated file per line (see tests/gold/README.md).
    Prints precision, recall and F1 per set field (micro-averaged over the
    documents) and the accuracy of single-valued fields; fields marked * are
    the headline ones.  Nothing is stored.  Exits with 3 when a file the gold
    names is missing or yields no document.
    """
    result = evaluate(gold, directory, base_iri=base_iri)
    if as_json:
        payload = to_json(result)
        if not verbose:
            payload.pop("differences")
        click.echo(json.dumps(payload, ensure_ascii=False, indent=2))
    else:
        _render_table(result)
        if verbose:
            _render_differences(result)
    if verbose:
        for problem in result.problems:
            click.echo(str(problem), err=True)
    if any(p.code in ("missing-file", "no-document") for p in result.problems):
        raise click.exceptions.Exit(int(ExitCode.DATA_PROBLEMS))


def to_json(evaluation: Evaluation) -> dict[str, Any]:
    """The evaluation as plain JSON data (``kg eval --json``)."""
    fields: list[dict[str, Any]] = [
        {"field": s.field, "kind": "set", "headline": s.field in HEADLINE}
        | {"documents": s.documents, "tp": s.tp, "fp": s.fp, "fn": s.fn}
        | {"precision": _round(s.precision), "recall": _round(s.recall), "f1": _round(s.f1)}
        for s in evaluation.set_scores
    ]
    fields += [
        {"field": e.field, "kind": "accuracy", "headline": e.field in HEADLINE}
        | {"documents": e.total, "correct": e.correct, "accuracy": _round(e.accuracy)}
        for e in evaluation.exact_scores
    ]
    return {
        "documents": evaluation.documents,
        "fields": fields,
        "differences": [
            {k: v for k, v in vars(d).items() if v not in (None, ())}
            for d in evaluation.differences
        ],
        "problems": [str(p) for p in evaluation.problems],
    }


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def _fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def _name(field: str) -> str:
    return ("* " if field in HEADLINE else "  ") + field.replace("_", " ")


def _render_table(result: Evaluation) -> None:
    echo = click.echo
    echo(f"{result.documents} documents")
    echo(
        f"{'field':<20} {'docs':>4} {'tp':>4} {'fp':>4} {'fn':>4} {'prec':>6} {'rec':>6} {'f1':>6}"
    )
    for s in result.set_scores:
        echo(
            f"{_name(s.field):<20} {s.documents:>4} {s.tp:>4} {s.fp:>4} {s.fn:>4} "
            f"{_fmt(s.precision):>6} {_fmt(s.recall):>6} {_fmt(s.f1):>6}"
        )
    echo("")
    echo(f"{'field':<20} {'docs':>4} {'ok':>4} {'acc':>6}")
    for e in result.exact_scores:
        echo(f"{_name(e.field):<20} {e.total:>4} {e.correct:>4} {_fmt(e.accuracy):>6}")


def _render_differences(result: Evaluation) -> None:
    echo = click.echo
    echo("")
    for d in result.differences:
        if d.missing or d.extra:
            parts = []
            if d.missing:
                parts.append("missing: " + "; ".join(d.missing))
            if d.extra:
                parts.append("extra: " + "; ".join(d.extra))
            echo(f"{d.file}\t{d.field}\t" + " | ".join(parts))
        else:
            echo(f"{d.file}\t{d.field}\texpected: {d.expected} | got: {d.got}")
