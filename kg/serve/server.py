"""Running the app with uvicorn on a socket kg binds itself.

Binding first turns "address already in use" into a :class:`ServeError`
with a hint, before uvicorn starts, and leaves no window in which another
process could take the port.  uvicorn's logs (access log included) go to
stderr, so stdout stays free for data as everywhere in kg.
"""

from __future__ import annotations

import copy
import errno
import socket
from typing import Any

import uvicorn
from starlette.types import ASGIApp

from kg.errors import KgError


class ServeError(KgError):
    """The server cannot start (port in use, address not available)."""

    default_hint = "Choose another --port (or --host), or stop the process that uses it."


def bind_socket(host: str, port: int) -> socket.socket:
    """A listening TCP socket on ``host:port`` (port 0: a free port), or ServeError.

    >>> sock = bind_socket("127.0.0.1", 0); sock.getsockname()[1] > 0
    True
    >>> sock.close()
    """
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as error:
        sock.close()
        if error.errno == errno.EADDRINUSE:
            raise ServeError(f"port {port} on {host} is already in use") from error
        raise ServeError(f"cannot listen on {host}:{port}: {error.strerror or error}") from error
    sock.listen(128)
    sock.set_inheritable(True)
    return sock


def log_config() -> dict[str, Any]:
    """uvicorn's logging configuration with the access log on stderr instead of stdout."""
    config: dict[str, Any] = copy.deepcopy(uvicorn.config.LOGGING_CONFIG)
    config["handlers"]["access"]["stream"] = "ext://sys.stderr"
    return config


def serve(app: ASGIApp, sock: socket.socket, *, log_level: str = "info") -> None:
    """Serve ``app`` on ``sock`` until interrupted (Ctrl-C, SIGTERM): uvicorn shuts down cleanly.

    Raises :class:`ServeError` when the app fails to start (uvicorn has logged why).
    """
    config = uvicorn.Config(app, log_level=log_level, log_config=log_config(), lifespan="on")
    server = uvicorn.Server(config)
    server.run(sockets=[sock])
    if not server.started:
        raise ServeError(
            "the server failed to start (the log above says why)",
            hint="Check the store with 'kg stats'; run with -v for more log output.",
        )
