"""Where the bundled ontology, canned queries and authority data live.

In a checkout they are the top-level ``ontology/``, ``queries/`` and
``data/authorities/`` folders; an installed wheel carries copies under
``kg/_resources/`` (see ``setup.py``).  Looking in the checkout first means
an edit to a query or shape takes effect without reinstalling.
"""

from __future__ import annotations

from pathlib import Path

from kg.errors import ResourceError

_PACKAGE = Path(__file__).resolve().parent
_CHECKOUT = _PACKAGE.parent
_LOCATIONS = {
    "ontology": ("ontology", "dip.ttl"),
    "queries": ("queries", None),
    "authorities": ("data/authorities", "persons.ttl"),
}


def resource_dir(name: str) -> Path:
    """The folder of a bundled resource: ``ontology``, ``queries`` or ``authorities``.

    >>> resource_dir("ontology").joinpath("dip.ttl").name
    'dip.ttl'
    """
    relative, marker = _LOCATIONS[name]
    for candidate in (_CHECKOUT / relative, _PACKAGE / "_resources" / name):
        if candidate.is_dir() and (marker is None or (candidate / marker).is_file()):
            return candidate
    raise ResourceError(f"the bundled {name} folder is missing (looked in {_CHECKOUT / relative})")


def resource_file(name: str, filename: str) -> Path:
    path = resource_dir(name) / filename
    if not path.is_file():
        raise ResourceError(f"the bundled file {name}/{filename} is missing")
    return path
