"""Where SPARQL queries of the endpoint run, so that a time limit really stops them.

pyoxigraph cannot cancel a running query, and the store interface
(:class:`kg.backend.GraphStore`) hands back whole results, so a query
cannot be stopped from inside the serving process.  :class:`ProcessRunner`
therefore runs each query in one of a few worker processes, each with its
own read-only handle on the store (embedded directory or remote endpoint,
opened with :func:`kg.backend.open_store`).  When a query passes its time
limit the worker is killed, which frees its CPU and memory at once, the
client gets 503, and a fresh worker is started in the background.

:class:`ThreadRunner` is for a graph that only exists in this process (an
in-memory store handed to :func:`kg.serve.app.create_app`): the client
still gets 503 at the deadline, but the abandoned query runs on in its
thread until it finishes; the pool's size bounds how many can pile up.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import multiprocessing
import signal
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import Protocol

import anyio.to_thread

from kg.backend import GraphStore, open_store
from kg.errors import KgError, StoreError
from kg.serve.protocol import Job, Outcome, error_outcome, execute

log = logging.getLogger("kg.serve")
START_SECONDS = 60.0


class QueryRunner(Protocol):
    async def start(self) -> None: ...

    async def run(self, job: Job, timeout: float) -> Outcome: ...

    async def close(self) -> None: ...


def timed_out(timeout: float) -> Outcome:
    return error_outcome(
        503,
        f"the query ran longer than the time limit of {timeout:g} s and was stopped",
        "Make the query more selective (a LIMIT, fewer OPTIONALs), or run it locally "
        "with 'kg query'.",
    )


class ThreadRunner:
    """Queries in a thread pool of this process (abandoned, not stopped, at the deadline)."""

    def __init__(self, graph: GraphStore, *, workers: int = 2) -> None:
        self._graph = graph
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="kg-query")

    async def start(self) -> None:
        return None

    async def run(self, job: Job, timeout: float) -> Outcome:
        future = self._pool.submit(execute, self._graph, job)
        try:
            return await asyncio.wait_for(asyncio.wrap_future(future), timeout)
        except asyncio.TimeoutError:
            return timed_out(timeout)

    async def close(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)


@dataclass(eq=False)
class _Worker:
    process: BaseProcess
    connection: Connection


def _worker_main(location: str, connection: Connection) -> None:
    """A worker process: open the store read-only, then answer jobs until the pipe closes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C stops the server, which stops us
    try:
        graph = open_store(location, read_only=True)
    except KgError as error:
        connection.send(error.message)
        return
    connection.send("ready")
    while True:
        try:
            job = connection.recv()
        except (EOFError, OSError):
            return
        connection.send(execute(graph, job))


class ProcessRunner:
    """Queries in worker processes over the store at ``location``, killed at the deadline."""

    def __init__(self, location: str, *, workers: int = 2) -> None:
        self._location = location
        self._size = max(1, workers)
        self._context = multiprocessing.get_context("spawn")
        self._idle: asyncio.Queue[_Worker] = asyncio.Queue()
        self._all: set[_Worker] = set()
        self._tasks: set[asyncio.Task[None]] = set()

    async def start(self) -> None:
        """Start the workers (in threads: each takes a moment to import kg and open the store)."""
        workers = await asyncio.gather(
            *(anyio.to_thread.run_sync(self._spawn) for _ in range(self._size))
        )
        for worker in workers:
            self._idle.put_nowait(worker)

    def _spawn(self) -> _Worker:
        parent, child = self._context.Pipe()
        process = self._context.Process(
            target=_worker_main, args=(self._location, child), daemon=True, name="kg-query"
        )
        process.start()
        child.close()
        if not parent.poll(START_SECONDS):
            process.kill()
            raise StoreError(f"a query worker did not start within {START_SECONDS:g} s")
        try:
            message = parent.recv()
        except EOFError as error:
            raise StoreError("a query worker died while opening the store") from error
        if message != "ready":
            process.join(5)
            raise StoreError(f"a query worker cannot open the store: {message}")
        worker = _Worker(process, parent)
        self._all.add(worker)
        return worker

    async def run(self, job: Job, timeout: float) -> Outcome:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        try:
            worker = await asyncio.wait_for(self._idle.get(), timeout)
        except asyncio.TimeoutError:
            return error_outcome(
                503,
                f"every query worker stayed busy for the time limit of {timeout:g} s",
                "Try again later.",
            )
        try:
            worker.connection.send(job)
            remaining = max(0.0, deadline - loop.time())
            ready = await anyio.to_thread.run_sync(worker.connection.poll, remaining)
            if ready:
                outcome: Outcome = await anyio.to_thread.run_sync(worker.connection.recv)
                self._idle.put_nowait(worker)
                return outcome
        except (EOFError, OSError, BrokenPipeError) as error:
            log.warning("a query worker died: %s", error)
            self._replace(worker)
            return error_outcome(500, "the query worker died while running the query")
        log.info("query stopped after %g s: %s", timeout, job.query[:200])
        self._replace(worker)
        return timed_out(timeout)

    def _replace(self, worker: _Worker) -> None:
        """Kill ``worker`` and start a new one in the background."""
        _stop(worker, kill=True)
        self._all.discard(worker)

        async def respawn() -> None:
            try:
                self._idle.put_nowait(await anyio.to_thread.run_sync(self._spawn))
            except KgError as error:
                log.error("cannot restart a query worker: %s", error.message)

        task = asyncio.get_running_loop().create_task(respawn())
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def close(self) -> None:
        for task in list(self._tasks):
            task.cancel()
        for worker in list(self._all):
            _stop(worker, kill=False)
        self._all.clear()


def _stop(worker: _Worker, *, kill: bool) -> None:
    with contextlib.suppress(OSError):
        worker.connection.close()
    if kill:
        worker.process.kill()
    worker.process.join(2)
    if worker.process.is_alive():
        worker.process.kill()
        worker.process.join(2)
