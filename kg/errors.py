"""Failures of kg and their exit codes (DESIGN A3).

Data problems in a document are *values* (:class:`kg.report.Problem`) collected
in an :class:`kg.report.IngestReport`; only failures that stop a command are
exceptions.  Every exception here carries the exit code and a ``hint`` that
tells the user what to do; ``kg.cli`` renders them in one handler.  Foreign
exceptions (pyoxigraph ``OSError``/``SyntaxError``, SPARQLWrapper errors) are
translated where the foreign library is called, never further up.
"""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    FAILURE = 1
    USAGE = 2
    DATA_PROBLEMS = 3
    INTERRUPTED = 130


class KgError(Exception):
    """A failure that stops a command; ``hint`` says what to try next."""

    exit_code: ExitCode = ExitCode.FAILURE
    default_hint = "Run with --traceback for details, or -v for more log output."

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint or self.default_hint


class UsageError(KgError):
    """The command line asks for something impossible (unknown query name, bad parameter)."""

    exit_code = ExitCode.USAGE
    default_hint = "See 'kg COMMAND --help'."


class StoreError(KgError):
    """The store cannot be opened, read or written."""

    default_hint = (
        "Check the --store path (or KG_STORE) and that no other kg process is writing to it."
    )


class StoreLockedError(StoreError):
    default_hint = (
        "Another process holds the store open; wait for it to finish, or use another --store."
    )


class QueryError(KgError):
    """A SPARQL query does not parse or cannot be evaluated."""

    default_hint = "Check the query syntax; 'kg queries' lists the canned queries and parameters."


class SourceError(KgError):
    """An input path cannot be read at all (missing file, permission)."""

    default_hint = "Check the path; 'kg ingest' takes files and directories."


class ResourceError(KgError):
    """A bundled resource (ontology, queries) is missing: the installation is broken."""

    default_hint = "Reinstall kg ('pip install --force-reinstall kg')."


class RemoteStoreError(StoreError):
    """A remote SPARQL server cannot be reached, refuses a request or answers nonsense."""

    default_hint = "Check the --store URL (or KG_STORE) and that the SPARQL server is running."


class RemoteAuthError(RemoteStoreError):
    """The server refused the credentials (HTTP 401/403)."""

    default_hint = "Set KG_SPARQL_USER and KG_SPARQL_PASSWORD (or ~/.netrc)."


class PushIncompleteError(StoreError):
    """``kg push`` stopped before every selected graph was copied."""

    default_hint = "Re-run kg push to complete; graphs already pushed are skipped."
