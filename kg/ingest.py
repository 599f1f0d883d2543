"""The one orchestrator of sources -> extract -> model -> store.

``ingest`` walks the given files and folders, reads every document it
recognises, and stores each in its own named graph.  It is built so that a
bad document costs only itself:

* problems are collected as values in an :class:`IngestReport`;
* documents are written in batches, each one atomic transaction;
* a new store is built with the bulk loader into a staging folder that is
  renamed into place only on success (``KnowledgeGraph.build``);
* a file whose content (and the reference data it was read with) has not
  changed since the last ingest is skipped, so a second ingest changes
  nothing; when a changed file no longer yields a document it once did,
  that document's graph is removed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from kg import __version__
from kg.backend import GraphStore
from kg.errors import SourceError
from kg.extract.reference import ReferenceData
from kg.extract.topic_overrides import FILE_PATTERN as OVERRIDES_PATTERN
from kg.formats import detect_format, is_authority_file
from kg.ids import Iris
from kg.model import Document, SourceInfo
from kg.namespaces import DEFAULT_BASE_IRI
from kg.rdf import DocumentRdf, V, concept_scheme_quads, source_graph_meta
from kg.report import IngestReport, Problem
from kg.resources import resource_dir, resource_file
from kg.results import plain
from kg.sources import decode, is_documentation
from kg.store import GraphUpdate, KnowledgeGraph

#: Called with (files done, files in all, current file) as the ingest goes on.
Progress = Callable[[int, int, str], None]

BATCH_DOCUMENTS = 250

_STATE_QUERY = """
PREFIX dip: <https://w3id.org/dipkg/ontology#>
PREFIX prov: <http://www.w3.org/ns/prov#>
SELECT ?g ?source ?checksum WHERE {
  ?g a dip:SourceGraph ; prov:wasDerivedFrom ?source ; dip:sourceChecksum ?checksum .
}
"""


@dataclass(frozen=True)
class InputFile:
    path: Path
    display: str


def discover(paths: Iterable[str | Path]) -> tuple[list[InputFile], list[Path]]:
    """Document candidates and authority files under ``paths`` (sorted, hidden files skipped)."""
    documents: list[InputFile] = []
    authorities: list[Path] = []
    for given in paths:
        root = Path(given)
        if not root.exists():
            raise SourceError(f"no such file or directory: {given}")
        files = [root] if root.is_file() else sorted(p for p in root.rglob("*") if p.is_file())
        for path in files:
            relative = path.relative_to(root) if root.is_dir() else Path(path.name)
            if any(part.startswith(".") for part in relative.parts):
                continue
            if is_authority_file(path):
                authorities.append(path)
            else:
                documents.append(InputFile(path, str(path)))
    return documents, authorities


class Ingestor:
    """One ingest run into one store; see :func:`ingest`."""

    def __init__(
        self,
        *,
        base_iri: str = DEFAULT_BASE_IRI,
        authority_files: Sequence[Path] = (),
        override_files: Sequence[Path] = (),
        progress: Progress | None = None,
        batch_documents: int = BATCH_DOCUMENTS,
    ) -> None:
        self.iris = Iris(base_iri)
        self.rdf = DocumentRdf(self.iris)
        self.progress = progress
        self.batch_documents = batch_documents
        self.report = IngestReport()
        self.now = dt.datetime.now(dt.timezone.utc)
        bundled = sorted(resource_dir("authorities").glob("*.ttl"))
        self.reference_files = _unique_paths([*bundled, *authority_files])
        tables = sorted(resource_dir("authorities").glob("*.csv"))
        tables += [p for p in override_files if p not in tables]
        self.reference = ReferenceData.load(self.reference_files, self.iris.base).with_overrides(
            [p for p in tables if p.match(OVERRIDES_PATTERN)]
        )
        self.fingerprint = _fingerprint([*self.reference_files, *tables], self.iris.base)

    # --- reference graphs ---------------------------------------------------------------
    def reference_updates(self) -> list[GraphUpdate]:
        """``graph/authority`` (authority files) and ``graph/ontology`` (dip.ttl + concepts)."""
        authority_graph = ox.NamedNode(self.iris.graph("authority"))
        authority = [
            ox.Quad(t.subject, t.predicate, t.object, authority_graph)
            for path in self.reference_files
            for t in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE, base_iri=self.iris.base)
        ]
        ontology_graph = ox.NamedNode(self.iris.graph("ontology"))
        ontology_file = resource_file("ontology", "dip.ttl")
        ontology = [
            ox.Quad(t.subject, t.predicate, t.object, ontology_graph)
            for t in ox.parse(path=str(ontology_file), format=ox.RdfFormat.TURTLE)
        ]
        ontology.extend(concept_scheme_quads(self.iris))
        return [
            self._reference_update("authority", authority, self.reference_files),
            self._reference_update("ontology", ontology, [ontology_file]),
        ]

    def _reference_update(
        self, name: str, quads: list[ox.Quad], files: Sequence[Path]
    ) -> GraphUpdate:
        graph = self.iris.graph(name)
        info = SourceInfo(
            str(files[0].parent if len(files) > 1 else files[0]),
            self.fingerprint if name == "authority" else _fingerprint(files, self.iris.base),
            f"{name}-turtle",
            self.now,
        )
        return GraphUpdate(graph, quads, source_graph_meta(self.iris, graph, info))

    # --- documents ----------------------------------------------------------------------
    def read_file(self, item: InputFile) -> bytes | None:
        try:
            return item.path.read_bytes()
        except OSError as error:
            self.report.problems.append(Problem("unreadable", item.display, str(error)))
            return None

    def checksum(self, data: bytes) -> str:
        """What decides whether a file must be read again: its bytes and the reference data."""
        return hashlib.sha256(data + self.fingerprint.encode()).hexdigest()

    def extract_file(
        self, item: InputFile, data: bytes | None = None
    ) -> tuple[list[Document], SourceInfo | None]:
        """Decode, detect and extract one file (read it if ``data`` is not given).

        Problems go to the report.
        """
        if data is None:
            data = self.read_file(item)
            if data is None:
                return [], None
        decoded = decode(item.display, data)
        if isinstance(decoded, Problem):
            self.report.problems.append(decoded)
            return [], None
        fmt = detect_format(item.path, decoded.text)
        if fmt is None:
            self.report.skipped_files.append(item.display)
            return [], None
        self.report.problems.extend(decoded.problems)
        extraction = fmt.extract(item.display, decoded.text, self.reference)
        self.report.problems.extend(extraction.problems)
        info = SourceInfo(str(item.path), self.checksum(data), fmt.name, self.now)
        return extraction.documents, info

    def document_updates(
        self, files: Sequence[InputFile], state: dict[str, tuple[str, set[str]]]
    ) -> Iterator[tuple[list[GraphUpdate], list[str]]]:
        """Per file: the graph updates to write and the stale graphs to remove.

        A file whose checksum matches the one recorded in ``graph/meta`` is
        not read again: its graphs are reported as unchanged.
        """
        owner: dict[str, str] = {}
        for done, item in enumerate(files, start=1):
            if self.progress:
                self.progress(done, len(files), item.display)
            if is_documentation(item.path):
                continue
            data = self.read_file(item)
            if data is None:
                continue
            previous = state.get(item.path.resolve().as_uri())
            if previous and previous[0] == self.checksum(data):
                self.report.unchanged.extend(sorted(previous[1]))
                continue
            documents, info = self.extract_file(item, data)
            if info is None:
                continue
            updates: list[GraphUpdate] = []
            for doc in documents:
                graph = self.rdf.graph_iri(doc)
                if graph in owner:
                    self.report.problems.append(
                        Problem(
                            "duplicate-record",
                            item.display,
                            f"record {doc.key} was already read from {owner[graph]}; "
                            "this copy is skipped",
                        )
                    )
                    continue
                owner[graph] = item.display
                quads = self.rdf.quads(doc)
                updates.append(GraphUpdate(graph, quads, self.rdf.meta_quads(doc, info)))
                self.report.stored.append(doc.key)
                self.report.events += len(doc.events)
            stale = sorted((previous[1] if previous else set()) - {u.graph for u in updates})
            yield updates, stale

    # --- runs ---------------------------------------------------------------------------
    def build(self, target: Path, files: Sequence[InputFile]) -> KnowledgeGraph:
        """Create a new store with the bulk loader (fast, atomic by rename)."""

        def quads() -> Iterator[ox.Quad]:
            for update in self.reference_updates():
                yield from self._count(update)
            for updates, _stale in self.document_updates(files, {}):
                for update in updates:
                    yield from self._count(update)

        return KnowledgeGraph.build(target, quads())

    def update(self, graph: GraphStore, files: Sequence[InputFile]) -> None:
        """Ingest into an existing store, one atomic transaction per batch."""
        state = _current_state(graph)
        reference = [u for u in self.reference_updates() if _changed(u, state)]
        batch: list[GraphUpdate] = list(reference)
        for update in reference:
            self.report.quads_written += len(update.quads) + len(update.meta)
        for updates, stale in self.document_updates(files, state):
            for graph_iri in stale:
                graph.remove_graph(graph_iri)
            for update in updates:
                self.report.quads_written += len(update.quads) + len(update.meta)
            batch.extend(updates)
            if len(batch) >= self.batch_documents:
                graph.replace_graphs(batch)
                batch = []
        graph.replace_graphs(batch)

    def _count(self, update: GraphUpdate) -> Iterator[ox.Quad]:
        self.report.quads_written += len(update.quads) + len(update.meta)
        yield from update.quads
        yield from update.meta


def ingest(
    store: str | Path | GraphStore,
    paths: Iterable[str | Path],
    *,
    base_iri: str = DEFAULT_BASE_IRI,
    authority_files: Sequence[Path] = (),
    progress: Progress | None = None,
) -> IngestReport:
    """Ingest files and folders into a store (a path, created if missing, or an open graph).

    Authority Turtle files and topic-override tables (``topic-overrides*.csv``)
    found under a folder named ``authorities`` in ``paths`` are added to the
    bundled reference data before any document is read.  Raises
    :class:`kg.errors.SourceError` for a path that does not exist; everything
    wrong with a document is a problem in the report.
    """
    started = time.perf_counter()
    files, found_authorities = discover(paths)
    ingestor = Ingestor(
        base_iri=base_iri,
        authority_files=[
            *authority_files,
            *(p for p in found_authorities if p.suffix.lower() == ".ttl"),
        ],
        override_files=[p for p in found_authorities if p.match(OVERRIDES_PATTERN)],
        progress=progress,
    )
    if not isinstance(store, (str, Path)):
        ingestor.update(store, files)
    elif not Path(store).exists():
        ingestor.build(Path(store), files).close()
    else:
        with KnowledgeGraph.open(store) as graph:
            ingestor.update(graph, files)
    if ingestor.report.quads_written:  # refresh the VoID/DCAT description in graph/meta
        from kg.void import refresh_description

        refresh_description(store, base_iri=base_iri)
    ingestor.report.seconds = time.perf_counter() - started
    return ingestor.report


def _current_state(graph: GraphStore) -> dict[str, tuple[str, set[str]]]:
    """source file URI -> (checksum, graphs derived from it), from ``graph/meta``."""
    state: dict[str, tuple[str, set[str]]] = {}
    for g, source, checksum in graph.select(_STATE_QUERY).rows:
        if g is None or source is None or checksum is None:
            continue
        key = plain(source)
        previous = state.get(key)
        graphs = previous[1] if previous else set()
        graphs.add(plain(g))
        state[key] = (plain(checksum), graphs)
    return state


def _changed(update: GraphUpdate, state: dict[str, tuple[str, set[str]]]) -> bool:
    checksum_node = V.dip["sourceChecksum"]
    checksums = {plain(q.object) for q in update.meta if q.predicate == checksum_node}
    for checksum, graphs in state.values():
        if update.graph in graphs and checksum in checksums:
            return False
    return True


def _fingerprint(files: Sequence[Path], base: str) -> str:
    """What document extraction depends on besides the file: reference data, base, version."""
    digest = hashlib.sha256(f"{base}\x1f{__version__}".encode())
    for path in files:
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _unique_paths(paths: Iterable[Path]) -> list[Path]:
    seen: dict[Path, Path] = {}
    for path in paths:
        seen.setdefault(path.resolve(), path)
    return list(seen.values())
