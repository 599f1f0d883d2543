"""Throwaway SPARQL servers for the remote-store tests: Virtuoso and Oxigraph server.

Each server runs on free loopback ports with a database directory of its own
(under pytest's tmp dir), so the tests never touch a system instance.  A
server can be killed (to simulate a crash mid-push) and started again on the
same database.  :func:`running` stops it whatever happens in the test.
Missing binaries give one clear error naming the package to install.
"""

from __future__ import annotations

import contextlib
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

VIRTUOSO = "virtuoso-t"
ISQL = "isql-vt"
OXIGRAPH = "oxigraph"
#: Virtuoso's user for updates (a new database has dba/dba) on the digest-protected endpoint.
VIRTUOSO_USER = ("dba", "dba")

_VIRTUOSO_INI = """\
[Database]
DatabaseFile = {dir}/virtuoso.db
ErrorLogFile = {dir}/virtuoso.log
LockFile = {dir}/virtuoso.lck
TransactionFile = {dir}/virtuoso.trx
xa_persistent_file = {dir}/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
MaxCheckpointRemap = 2000
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {dir}/virtuoso-temp.db
TransactionFile = {dir}/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
MaxClientConnections = 8
CheckpointInterval = 60
CaseMode = 2
DirsAllowed = ., {dir}, /usr/share/virtuoso-opensource-7/vad
NumberOfBuffers = 20000
MaxDirtyBuffers = 15000
ThreadsPerQuery = 2
MaxQueryMem = 500M

[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = /var/lib/virtuoso-opensource-7/vsp
MaxClientConnections = 8
ServerThreads = 8
EnabledDavVSP = 0
Charset = UTF-8

[SPARQL]
ResultSetMaxRows = 10000000
MaxQueryCostEstimationTime = 400
MaxQueryExecutionTime = 120
"""


class ServerUnavailableError(RuntimeError):
    """A server binary is missing or the server did not come up."""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def require(binary: str, package: str) -> str:
    found = shutil.which(binary)
    if found is None:
        raise ServerUnavailableError(
            f"'{binary}' is not installed; install {package} ('make test-deps' does)"
        )
    return found


@dataclass
class Server:
    """One running server: its endpoints, its process, and how to restart it."""

    name: str
    directory: Path
    command: list[str]
    query_url: str
    update_url: str
    ready_url: str
    credentials: tuple[str, str] | None = None
    process: subprocess.Popen[bytes] | None = field(default=None, repr=False)

    def start(self, timeout: float = 60.0) -> Server:
        log = (self.directory / "server.out").open("ab")
        self.process = subprocess.Popen(
            self.command, cwd=self.directory, stdout=log, stderr=subprocess.STDOUT
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise ServerUnavailableError(f"{self.name} exited: {self.log_tail()}")
            if _answers(self.ready_url):
                return self
            time.sleep(0.1)
        self.stop()
        raise ServerUnavailableError(f"{self.name} not ready after {timeout}s: {self.log_tail()}")

    def kill(self) -> None:
        """Kill the server at once (SIGKILL), as a crash would."""
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait(30)

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(30)

    def restart(self) -> Server:
        self.stop()
        return self.start()

    def log_tail(self) -> str:
        lines: list[str] = []
        for name in ("server.out", "virtuoso.log"):
            path = self.directory / name
            if path.exists():
                lines += path.read_text(errors="replace").splitlines()[-5:]
        return " | ".join(lines)


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return int(response.status) < 500
    except urllib.error.HTTPError as error:
        return error.code < 500
    except OSError:
        return False


def virtuoso(directory: Path) -> Server:
    """A Virtuoso with its own database in ``directory`` (not started yet)."""
    binary = require(VIRTUOSO, "the Debian package virtuoso-opensource")
    directory.mkdir(parents=True, exist_ok=True)
    ini = directory / "virtuoso.ini"
    if not ini.exists():
        ini.write_text(
            _VIRTUOSO_INI.format(dir=directory, sql_port=free_port(), http_port=free_port())
        )
    http_port = _ini_port(ini, "HTTPServer")
    base = f"http://127.0.0.1:{http_port}"
    return Server(
        name="virtuoso",
        directory=directory,
        command=[binary, "+foreground", "+configfile", str(ini)],
        query_url=f"{base}/sparql",
        update_url=f"{base}/sparql-auth",
        ready_url=f"{base}/sparql?query=ASK%7B%7D",
        credentials=VIRTUOSO_USER,
    )


def _ini_port(ini: Path, section: str) -> int:
    current = ""
    for line in ini.read_text().splitlines():
        if line.startswith("["):
            current = line.strip("[] ")
        elif current == section and line.startswith("ServerPort"):
            return int(line.rsplit(":", 1)[1])
    raise ValueError(f"no ServerPort in [{section}] of {ini}")


def oxigraph(directory: Path) -> Server:
    """An Oxigraph server on a store in ``directory`` (not started yet)."""
    binary = require(OXIGRAPH, "the PyPI package oxigraph ('pip install oxigraph')")
    directory.mkdir(parents=True, exist_ok=True)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    return Server(
        name="oxigraph",
        directory=directory,
        command=[binary, "serve", "--location", str(directory / "store"), "--bind", base[7:]],
        query_url=f"{base}/query",
        update_url=f"{base}/update",
        ready_url=f"{base}/query?query=ASK%7B%7D",
    )


@contextlib.contextmanager
def running(server: Server) -> Iterator[Server]:
    """Start ``server`` and stop it when the block ends, also on failure."""
    try:
        yield server.start()
    finally:
        server.stop()
