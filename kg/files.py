"""Writing output files so that a reader never sees half of one."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO

from kg.errors import KgError


@contextlib.contextmanager
def atomic_output(output: Path) -> Iterator[IO[bytes]]:
    """A binary stream to a temporary file beside ``output``, renamed into place at the end.

    When the block fails the temporary file is removed and ``output`` is
    left as it was.  The file gets the permissions of a normally created one
    (``mkstemp`` would leave it private).  Raises :class:`KgError` with a hint
    when the file cannot be written.
    """
    output = Path(output)
    folder = output.parent if str(output.parent) else Path(".")
    temporary: str | None = None
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{output.name}.", suffix=".tmp", dir=folder)
        with os.fdopen(handle, "wb") as stream:
            yield stream
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)
        os.replace(temporary, output)
    except OSError as error:
        raise KgError(
            f"cannot write {output}: {error.strerror or error}",
            hint="Check that the folder exists, that you may write there and the free disk space.",
        ) from error
    finally:
        if temporary is not None:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temporary)


def write_atomically(output: Path, write: Callable[[IO[bytes]], object]) -> None:
    """Call ``write`` on :func:`atomic_output` of ``output``.

    >>> import tempfile, pathlib
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "x.txt"
    >>> write_atomically(target, lambda stream: stream.write(b"done"))
    >>> target.read_text()
    'done'
    """
    with atomic_output(output) as stream:
        write(stream)
