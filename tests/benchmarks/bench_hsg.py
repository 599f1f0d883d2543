"""Benchmark: ingest the Office of the Historian visits and travels into a fresh store.

Run on demand (not part of the test suite), from the repository root:

    python tests/benchmarks/bench_hsg.py [--data data] [--out FILE] [--cores 1]

It times ``kg.ingest.ingest`` of ``data/visits`` + ``data/travels`` (about
7,500 records: read, extract, resolve names, build quads, bulk load) into a
new store, pinned to one core by default, and reports seconds, events and
events/s (target: under 30 s).  It also times extraction alone (no store),
so a slow run shows whether the time goes to reading and resolving or to
storing, and counts the problems by code.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import tempfile
import time
from collections import Counter
from pathlib import Path

import pyoxigraph as ox

from kg import __version__
from kg.extract.reference import ReferenceData
from kg.extract.travels_document import extract_travels
from kg.extract.visits_document import extract_visits
from kg.ingest import ingest
from kg.namespaces import DEFAULT_BASE_IRI
from kg.resources import resource_dir
from kg.sources.travels import looks_like_travels
from kg.sources.visits import looks_like_visits
from kg.store import KnowledgeGraph

TARGET_SECONDS = 30.0


def extraction_only(folders: list[Path]) -> tuple[float, int, int]:
    """Seconds, documents and events of extracting every file without storing."""
    reference = ReferenceData.load(
        sorted(resource_dir("authorities").glob("*.ttl")), DEFAULT_BASE_IRI
    )
    started = time.perf_counter()
    documents = events = 0
    for folder in folders:
        for path in sorted(folder.rglob("*.xml")):
            text = path.read_text(encoding="utf-8")
            if looks_like_visits(text):
                extraction = extract_visits(str(path), text, reference)
            elif looks_like_travels(text):
                extraction = extract_travels(str(path), text, reference)
            else:
                continue
            documents += len(extraction.documents)
            events += sum(len(d.events) for d in extraction.documents)
    return time.perf_counter() - started, documents, events


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("data"))
    parser.add_argument("--cores", type=int, default=1, help="CPUs to pin to (0: no pinning)")
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "results" / "hsg.json")
    args = parser.parse_args()
    if args.cores and hasattr(os, "sched_setaffinity"):
        available = sorted(os.sched_getaffinity(0))
        os.sched_setaffinity(0, available[: args.cores])
    folders = [args.data / "visits", args.data / "travels"]
    work = Path(tempfile.mkdtemp(prefix="kg-bench-hsg-"))
    try:
        extract_seconds, extracted, extracted_events = extraction_only(folders)
        started = time.perf_counter()
        report = ingest(work / "store", folders)
        seconds = time.perf_counter() - started
        with KnowledgeGraph.open(work / "store") as graph:
            quads = graph.count_quads()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    journeys = sum(1 for key in report.stored if key.startswith("travels-journey-"))
    results = {
        "benchmark": "hsg-visits-travels",
        "kg_version": __version__,
        "pyoxigraph_version": ox.__version__,
        "python": platform.python_version(),
        "machine": platform.machine(),
        "cores": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None,
        "seconds": round(seconds, 2),
        "events": report.events,
        "events_per_second": round(report.events / seconds, 1),
        "documents": len(report.stored),
        "journeys": journeys,
        "quads": quads,
        "extraction_only_seconds": round(extract_seconds, 2),
        "extraction_only_events": extracted_events,
        "extraction_only_documents": extracted,
        "problems": dict(sorted(Counter(p.code for p in report.problems).items())),
        "skipped_files": len(report.skipped_files),
        "target_seconds": TARGET_SECONDS,
        "within_target": seconds < TARGET_SECONDS,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
