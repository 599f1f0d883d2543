"""The store interface over the SPARQL 1.1 protocols (issue 7: not written yet)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.errors import StoreError

if TYPE_CHECKING:
    from kg.backend import GraphStore


class RemoteStore:
    @classmethod
    def connect(
        cls, endpoint: str, *, update_endpoint: str | None = None, read_only: bool = True
    ) -> GraphStore:
        raise StoreError(
            f"remote SPARQL stores are not supported yet: {endpoint}",
            hint="Use an embedded store directory with --store PATH (default ./.kg).",
        )
