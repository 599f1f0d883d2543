"""Benchmark: ingest N generated Wilson Center records and compare with pyoxigraph's bulk_load.

Run on demand (not part of the test suite):

    python tests/benchmarks/bench_ingest.py [--documents 10000] [--out FILE]

It writes the records into a temporary folder and times, each into a new
store: the whole ``kg.ingest`` (read, extract, build quads, load); kg's
write path alone (quads already built in Python -> ``KnowledgeGraph.build``);
and pyoxigraph's own ``bulk_load`` of the very same quads from N-Quads.  It
reports documents/s, quads/s and the ratio of kg's rates to the bare bulk
load (target: the write path at least half as fast).  It also
times a second ingest of the unchanged files (everything skipped) and an
incremental ingest of 100 changed records into the existing store.
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import pyoxigraph as ox

from kg import __version__
from kg.ingest import Ingestor, discover, ingest
from kg.store import KnowledgeGraph

AMBASSADORS = [
    ("S. M. Kudryavtsev", "Cuba", "Fidel Castro Ruz", "Prime Minister of the Republic of Cuba"),
    ("A. I. Alekseyev", "Cuba", "Osvaldo Dorticós", "President of the Republic of Cuba"),
    ("S. V. Chervonenko", "China", "Zhou Enlai", "Premier of the State Council"),
    ("V. I. Moskovsky", "the DPRK", "Kim Il Sung", "Chairman of the Cabinet of Ministers"),
    ("I. S. Shcherbakov", "the DRV", "Pham Van Dong", "Prime Minister of the DRV"),
]
TOPICS = [
    "the withdrawal of Soviet military specialists",
    "economic aid and the trade agreement",
    "the conference of OAS foreign ministers",
    "the situation in Laos",
    "the Berlin question",
]
T = TypeVar("T")
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def record(n: int, rng: random.Random) -> str:
    author, country, name, role = rng.choice(AMBASSADORS)
    year = rng.randint(1956, 1975)
    month = rng.randint(1, 12)
    day = rng.randint(1, 28)
    created_day = min(28, day + rng.randint(0, 10))
    topic = rng.choice(TOPICS)
    surname = name.split()[-1] if " " in name else name
    body = " ".join(
        f"I met with {name} and we discussed {topic}. {surname} said that the government of "
        f"{country} considers the question important, and that Khrushchev and Kennedy had "
        f"both spoken of it. Paragraph {i} of record {n}."
        for i in range(6)
    )
    month_name = MONTHS[month - 1]
    title = (
        f"From the Journal of {author}, 'Record of a Conversation with {role} {name}, "
        f"{day} {month_name} {year}'"
    )
    citation = (
        f"AVP RF, f. 0104, op. {rng.randint(1, 40)}, p. {rng.randint(1, 200)}, "
        f"d. {rng.randint(1, 20)}, l. {rng.randint(1, 90)}"
    )
    lines = [
        "",
        f"{month_name} {created_day}, {year}",
        "",
        f"**{title}**",
        "",
        "Citation:",
        "",
        f'"{title}", {month_name} {created_day}, {year}, Wilson Center Digital Archive, '
        f"{citation}. Obtained by James G. Hershberg and translated by Gary Goldberg.",
        f"<https://digitalarchive.wilsoncenter.org/document/{900000 + n}>",
        "",
        "Summary:",
        "",
        f"{author.split()[-1]} and {surname} discuss {topic}.",
        "",
        "Original Language:",
        "",
        "Russian",
        "",
        "Contents:",
        "",
        "Translation - English",
        "",
        "Secret Copy № 1",
        f"{created_day} {month_name} {year}",
        f"Outgoing № {rng.randint(1, 500)}",
        "",
        "from the journal of",
        author.upper(),
        "",
        "RECORD OF A CONVERSATION",
        f"with {name} {role}",
        "",
        f"{day} {month_name} {year}",
        "",
        body,
        "",
        f"USSR AMBASSADOR ({author.upper()})",
        "",
    ]
    return "\n".join(lines)


def timed(action: Callable[[], T]) -> tuple[T, float]:
    started = time.perf_counter()
    result = action()
    return result, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument(
        "--out", type=Path, default=Path(__file__).parent / "results" / "ingest.json"
    )
    args = parser.parse_args()
    rng = random.Random(1961)
    work = Path(tempfile.mkdtemp(prefix="kg-bench-"))
    try:
        docs = work / "docs"
        docs.mkdir()
        for n in range(args.documents):
            (docs / f"record_{n:05d}.txt").write_text(record(n, rng), encoding="utf-8")

        # 1. The whole ingest, as `kg ingest` runs it into a new store.
        report, ingest_seconds = timed(lambda: ingest(work / "store", [docs]))
        with KnowledgeGraph.open(work / "store") as graph:
            quads = graph.count_quads()
            dump = work / "all.nq"
            with dump.open("wb") as out:
                graph.dump(out)

        # 2. kg's write path alone: quads already built in Python -> new store.
        files, _ = discover([docs])
        ingestor = Ingestor()
        built, extract_seconds = timed(
            lambda: [
                q
                for updates, _stale in ingestor.document_updates(files, {})
                for u in updates
                for q in (*u.quads, *u.meta)
            ]
        )
        _, write_seconds = timed(lambda: KnowledgeGraph.build(work / "write", built).close())

        # 3. pyoxigraph's own bulk_load of the same quads from N-Quads.
        def bulk_load() -> None:
            bare = ox.Store(str(work / "bare"))
            bare.bulk_load(path=str(dump), format=ox.RdfFormat.N_QUADS)
            bare.flush()

        _, bulk_seconds = timed(bulk_load)

        # 4. Re-ingest unchanged, then 100 changed records into the existing store.
        again, unchanged_seconds = timed(lambda: ingest(work / "store", [docs]))
        for n in range(100):
            path = docs / f"record_{n:05d}.txt"
            path.write_text(path.read_text(encoding="utf-8") + "\nAddendum.\n", encoding="utf-8")
        incremental, incremental_seconds = timed(lambda: ingest(work / "store", [docs]))

        results = {
            "benchmark": "ingest",
            "kg_version": __version__,
            "pyoxigraph_version": ox.__version__,
            "python": platform.python_version(),
            "machine": platform.machine(),
            "documents": args.documents,
            "documents_stored": len(report.stored),
            "problems": len(report.problems),
            "quads": quads,
            "ingest_seconds": round(ingest_seconds, 2),
            "ingest_documents_per_second": round(len(report.stored) / ingest_seconds, 1),
            "ingest_quads_per_second": round(quads / ingest_seconds),
            "extract_seconds": round(extract_seconds, 2),
            "write_seconds": round(write_seconds, 2),
            "write_quads_per_second": round(len(built) / write_seconds),
            "bulk_load_seconds": round(bulk_seconds, 2),
            "bulk_load_quads_per_second": round(quads / bulk_seconds),
            "write_ratio_to_bulk_load": round(bulk_seconds / write_seconds, 3),
            "end_to_end_ratio_to_bulk_load": round(bulk_seconds / ingest_seconds, 3),
            "target_ratio": 0.5,
            "unchanged_reingest_seconds": round(unchanged_seconds, 2),
            "unchanged_documents": len(again.unchanged),
            "incremental_100_changed_seconds": round(incremental_seconds, 2),
            "incremental_documents_stored": len(incremental.stored),
        }
    finally:
        shutil.rmtree(work, ignore_errors=True)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
