"""Talking to a SPARQL 1.1 server: requests, credentials, retries and error translation.

This is the one place where SPARQLWrapper and urllib are called, so every
foreign exception (refused connection, timeout, HTTP 401/404/5xx, a body
that is not what was asked for) becomes a :class:`kg.errors.RemoteStoreError`
that names the endpoint and says what to do.

Credentials never come from the command line (where ``ps`` and shell
history would show them): ``KG_SPARQL_USER``/``KG_SPARQL_PASSWORD`` with
``KG_SPARQL_AUTH=basic|digest``, or else the endpoint's host in ``~/.netrc``
(``NETRC`` names another file).  Servers that are busy (429, 503) are asked
again with exponential back-off, honouring ``Retry-After``: kg's updates
replace whole graphs, so sending one twice gives the same result.
"""

from __future__ import annotations

import contextlib
import email.utils
import http.client
import netrc
import os
import socket
import time
import urllib.error
import urllib.parse
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from SPARQLWrapper import BASIC, DIGEST, POST, POSTDIRECTLY, SELECT, URLENCODED, SPARQLWrapper
from SPARQLWrapper import SPARQLExceptions as sw_errors  # noqa: N813

from kg import __version__
from kg.errors import QueryError, RemoteAuthError, RemoteStoreError

USER_AGENT = f"kg/{__version__} (+https://w3id.org/dipkg/)"
#: HTTP statuses that mean "try again later".
RETRY_STATUSES = (429, 503)
_MESSAGE_CHARS = 300


@dataclass(frozen=True)
class Credentials:
    user: str
    password: str
    scheme: str = "basic"  # or "digest"

    @classmethod
    def from_environment(
        cls, endpoint: str, env: Mapping[str, str] | None = None
    ) -> Credentials | None:
        """Credentials for ``endpoint`` from ``KG_SPARQL_*`` variables or ``~/.netrc``.

        >>> Credentials.from_environment("http://h/sparql", {"KG_SPARQL_USER": "u",
        ...     "KG_SPARQL_PASSWORD": "p", "KG_SPARQL_AUTH": "DIGEST"})
        Credentials(user='u', password='p', scheme='digest')
        """
        env = os.environ if env is None else env
        scheme = env.get("KG_SPARQL_AUTH", "basic").strip().lower() or "basic"
        if scheme not in ("basic", "digest"):
            raise RemoteStoreError(
                f"KG_SPARQL_AUTH={scheme!r} is not an authentication scheme kg knows",
                hint="Set KG_SPARQL_AUTH to basic or digest.",
            )
        user = env.get("KG_SPARQL_USER")
        if user:
            return cls(user, env.get("KG_SPARQL_PASSWORD", ""), scheme)
        host = urllib.parse.urlsplit(endpoint).hostname or ""
        try:
            found = netrc.netrc(env.get("NETRC") or None).authenticators(host)
        except (FileNotFoundError, netrc.NetrcParseError, OSError):
            return None
        if found is None or not found[0]:
            return None
        return cls(found[0], found[2] or "", scheme)


@dataclass
class HttpSettings:
    """How to talk to the server: timeouts, retries, credentials, extra parameters."""

    timeout: float = 300.0
    server_timeout: float | None = None
    retries: int = 4
    backoff: float = 0.5
    max_wait: float = 60.0
    credentials: Credentials | None = None
    sleep: Callable[[float], None] = field(default=time.sleep, repr=False)


@dataclass(frozen=True)
class Response:
    body: bytes
    content_type: str
    headers: Mapping[str, str]


class Transport:
    """SPARQL protocol requests to one query endpoint and one update endpoint."""

    def __init__(self, endpoint: str, update_endpoint: str, settings: HttpSettings) -> None:
        self.endpoint = endpoint
        self.update_endpoint = update_endpoint
        self.settings = settings
        self.timeout_param: Callable[[float], dict[str, str]] | None = None

    def query(self, text: str, *, accept: str, params: Mapping[str, str] | None = None) -> Response:
        """POST a query (form-encoded: long queries do not fit in a URL)."""
        wrapper = self._wrapper(self.endpoint)
        wrapper.setRequestMethod(URLENCODED)
        wrapper.queryString = text  # set directly: setQuery() re-parses the text
        wrapper.queryType = SELECT
        wrapper.addCustomHttpHeader("Accept", accept)
        for name, value in {**(params or {}), **self._timeouts()}.items():
            wrapper.addParameter(name, value)
        return self._send(wrapper, self.endpoint)

    def update(self, text: str) -> None:
        """POST an update as ``application/sparql-update``."""
        wrapper = self._wrapper(self.update_endpoint)
        wrapper.setRequestMethod(POSTDIRECTLY)
        wrapper.queryString = text
        wrapper.queryType = "INSERT"  # any update form: SPARQLWrapper then uses updateEndpoint
        for name, value in self._timeouts().items():
            wrapper.addParameter(name, value)
        self._send(wrapper, self.update_endpoint)

    # --- internals -----------------------------------------------------------------------
    def _wrapper(self, url: str) -> SPARQLWrapper:
        wrapper = SPARQLWrapper(self.endpoint, updateEndpoint=self.update_endpoint)
        wrapper.agent = USER_AGENT
        wrapper.setMethod(POST)
        wrapper.setOnlyConneg(True)
        wrapper.setTimeout(int(max(1, self.settings.timeout)))
        creds = self.settings.credentials
        if creds is not None:
            wrapper.setHTTPAuth(DIGEST if creds.scheme == "digest" else BASIC)
            wrapper.setCredentials(creds.user, creds.password, realm=_realm(url))
        return wrapper

    def _timeouts(self) -> dict[str, str]:
        seconds = self.settings.server_timeout
        if seconds is None or self.timeout_param is None:
            return {}
        return self.timeout_param(seconds)

    def _send(self, wrapper: SPARQLWrapper, url: str) -> Response:
        attempt = 0
        while True:
            try:
                result = wrapper.query()
                raw = result.response
                body: bytes = raw.read()
                headers = {k.lower(): v for k, v in raw.info().items()}
                return Response(body, headers.get("content-type", ""), headers)
            except urllib.error.HTTPError as error:
                wait = self._retry_wait(error, attempt)
                if wait is None:
                    raise translate_http(url, error.code, _body(error)) from error
            except Exception as error:
                raise translate(url, error, self.settings.timeout) from error
            attempt += 1
            self.settings.sleep(wait)

    def _retry_wait(self, error: urllib.error.HTTPError, attempt: int) -> float | None:
        if error.code not in RETRY_STATUSES or attempt >= self.settings.retries:
            return None
        wait = float(self.settings.backoff * (2**attempt))
        header: str | None = error.headers.get("Retry-After") if error.headers else None
        advised = retry_after(header)
        if advised is not None:
            wait = max(wait, advised)
        return float(min(wait, self.settings.max_wait))


def retry_after(value: str | None, now: float | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (delta seconds or an HTTP date).

    >>> retry_after("3"), retry_after(None), retry_after("soon")
    (3.0, None, None)
    >>> retry_after("Thu, 01 Jan 1970 00:00:10 GMT", now=4.0)
    6.0
    """
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    current = time.time() if now is None else now
    return max(0.0, when.timestamp() - current)


def _realm(url: str) -> str:
    """Virtuoso's digest realm is "SPARQL"; other servers send theirs with the challenge."""
    return os.environ.get("KG_SPARQL_REALM", "SPARQL")


def _body(error: urllib.error.HTTPError) -> str:
    with contextlib.suppress(Exception):
        return error.read().decode("utf-8", "replace")
    return ""


def short(message: str) -> str:
    """The first lines of a server's message (Virtuoso echoes the whole query back).

    >>> short("Virtuoso 37000 Error SP030: bad\\n\\nSPARQL query:\\nSELECT ...")
    'Virtuoso 37000 Error SP030: bad'
    """
    text = message.split("\n\nSPARQL query:", 1)[0].strip()
    text = " ".join(text.split())
    return text if len(text) <= _MESSAGE_CHARS else text[: _MESSAGE_CHARS - 1] + "…"


def translate_http(url: str, status: int, message: str) -> RemoteStoreError | QueryError:
    """An HTTP error status of ``url`` as kg's error with a hint."""
    detail = f": {short(message)}" if message.strip() else ""
    if status in (401, 403):
        return RemoteAuthError(
            f"the SPARQL endpoint {url} refused access (HTTP {status}){detail}",
            hint="Set KG_SPARQL_USER and KG_SPARQL_PASSWORD (or the host in ~/.netrc); "
            "Virtuoso's /sparql-auth needs KG_SPARQL_AUTH=digest.",
        )
    if status == 404:
        return RemoteStoreError(
            f"no SPARQL endpoint at {url} (HTTP 404)",
            hint="Check the URL: Virtuoso serves /sparql (updates /sparql-auth), Oxigraph "
            "/query and /update, Fuseki /DATASET/query and /DATASET/update.",
        )
    if status == 400:
        return QueryError(f"the server at {url} rejected the request (HTTP 400){detail}")
    if status in (413, 414):
        return RemoteStoreError(
            f"the request was too large for {url} (HTTP {status})",
            hint="Lower --batch-size (quads per update request).",
        )
    if status in RETRY_STATUSES:
        return RemoteStoreError(
            f"the SPARQL server at {url} is busy (HTTP {status}) and stayed busy{detail}",
            hint="Try again later; a re-run completes what is missing.",
        )
    return RemoteStoreError(
        f"the SPARQL server at {url} failed (HTTP {status}){detail}",
        hint="Check the server's log; a re-run of the same command completes the job.",
    )


def translate(url: str, error: BaseException, timeout: float) -> RemoteStoreError | QueryError:
    """A foreign exception raised while talking to ``url`` as kg's error with a hint."""
    if isinstance(error, sw_errors.SPARQLWrapperException):
        status = {
            sw_errors.QueryBadFormed: 400,
            sw_errors.Unauthorized: 401,
            sw_errors.EndPointNotFound: 404,
            sw_errors.URITooLong: 414,
            sw_errors.EndPointInternalError: 500,
        }.get(type(error), 500)
        return translate_http(url, status, _wrapped_message(error))
    reason: Any = getattr(error, "reason", error)
    if isinstance(reason, (TimeoutError, socket.timeout)) or isinstance(error, TimeoutError):
        return RemoteStoreError(
            f"no answer from {url} within {timeout:g} s",
            hint="Raise --timeout (KG_SPARQL_TIMEOUT), make the query cheaper, or check the "
            "server; writes already acknowledged are complete.",
        )
    if isinstance(reason, ConnectionRefusedError):
        return RemoteStoreError(
            f"cannot connect to the SPARQL endpoint {url}: connection refused",
            hint="Check the URL and port, and that the server is running.",
        )
    if isinstance(error, (urllib.error.URLError, OSError, http.client.HTTPException)):
        return RemoteStoreError(
            f"cannot talk to the SPARQL endpoint {url}: {reason}",
            hint="Check the URL, the network and that the server is running.",
        )
    return RemoteStoreError(f"request to {url} failed: {error!r}")


def _wrapped_message(error: sw_errors.SPARQLWrapperException) -> str:
    text = str(error)
    marker = "Response:\n"
    if marker in text:
        text = text.split(marker, 1)[1]
        if text.startswith(("b'", 'b"')):
            with contextlib.suppress(Exception):
                text = eval_bytes(text)
    return text


def eval_bytes(text: str) -> str:
    """Decode the ``b'...'`` repr SPARQLWrapper puts into its messages.

    >>> eval_bytes("b'caf\\\\xc3\\\\xa9\\\\nx'")
    'café\\nx'
    """
    import ast

    value = ast.literal_eval(text.strip())
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)
