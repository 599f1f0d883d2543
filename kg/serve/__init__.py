"""Linked data over HTTP: ``kg serve`` (SPARQL endpoint, dereferenceable IRIs) and the pages
``kg publish`` writes as a static site.

:func:`create_app` builds the ASGI application; :func:`serve` runs it with
uvicorn on a socket bound here first, so a port in use is a clear
:class:`ServeError` instead of a log line.
"""

from __future__ import annotations

from kg.serve.app import create_app
from kg.serve.server import ServeError, bind_socket, serve

__all__ = ["ServeError", "bind_socket", "create_app", "serve"]
