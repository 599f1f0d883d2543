"""Options and helpers shared by several commands."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click

from kg.backend import GraphStore, is_remote
from kg.backend import open_store as open_backend
from kg.cli.app import CliState
from kg.namespaces import DEFAULT_BASE_IRI

F = TypeVar("F", bound=Callable[..., Any])

pass_state = click.make_pass_decorator(CliState)

BASE_IRI = click.option(
    "--base-iri",
    envvar="KG_BASE_IRI",
    default=DEFAULT_BASE_IRI,
    show_default=True,
    help="Base of the dataset's instance IRIs. Env KG_BASE_IRI.",
)


def open_store(
    state: CliState, *, read_only: bool = True, location: str | None = None
) -> GraphStore:
    """The store named by the global options (a directory or a remote endpoint).

    ``location`` overrides ``--store`` (``kg push --to URL``); the remote
    options (update endpoint, timeouts) apply to whichever store is remote.
    """
    where = location or state.store
    if not is_remote(where):
        return open_backend(where, read_only=read_only)
    from kg.remote import RemoteStore, settings_from_environment

    settings = settings_from_environment(where)
    if state.timeout is not None:
        settings.timeout = state.timeout
    if state.server_timeout is not None:
        settings.server_timeout = state.server_timeout
    return RemoteStore.connect(
        where, update_endpoint=state.update_endpoint, read_only=read_only, settings=settings
    )


def selection_options(command: F) -> F:
    """The filters of ``kg timeline``, ``kg export`` and ``kg network`` (``TimelineFilter``)."""
    options = [
        click.option(
            "--person",
            "persons",
            multiple=True,
            metavar="NAME|IRI",
            help="Only events this person took part in (repeatable: any of them).",
        ),
        click.option(
            "--organization",
            "organizations",
            multiple=True,
            metavar="NAME|IRI",
            help="Only events this organization took part in (repeatable).",
        ),
        click.option(
            "--place",
            "places",
            multiple=True,
            metavar="NAME|IRI",
            help="Only events at this place (repeatable).",
        ),
        click.option(
            "--topic",
            "topics",
            multiple=True,
            metavar="NAME|IRI",
            help="Only events on this topic (repeatable).",
        ),
        click.option(
            "--source",
            "sources",
            multiple=True,
            metavar="NAME",
            help="Only events from this source: wilson, frus, visits, travels, curated "
            "or a format name (repeatable).",
        ),
        click.option(
            "--type",
            "event_types",
            multiple=True,
            metavar="TYPE",
            help="Only events of this type: conversation, meeting, visit, journey … (repeatable).",
        ),
        click.option(
            "--from",
            "date_from",
            metavar="YYYY[-MM[-DD]]",
            help="Only events whose dates reach this day or later (bounds overlap).",
        ),
        click.option(
            "--to",
            "date_to",
            metavar="YYYY[-MM[-DD]]",
            help="Only events whose dates reach this day or earlier (bounds overlap).",
        ),
    ]
    for option in reversed(options):
        command = option(command)
    return command
