"""Files that survive crashes: atomic replacement, and one writer at a time across processes.

A reader (another uvicorn worker) must only ever see the old file or the new one, and a
crash at any moment must leave one of them whole. So new content goes to a temporary
file in the same folder, is flushed to disk, and is renamed over the old file (atomic on
POSIX), and the folder itself is flushed so that the rename survives a power cut.
"""

from __future__ import annotations

import fcntl
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

TEMP_SUFFIX = ".tmp"
FAULT_VARIABLE = "VARDKEDJAN_TEST_CRASH_AT"
CRASH_POINTS = ("journal", "linked", "written:providers.yaml", "renamed", "committed")


def crash_point(name: str) -> None:
    """Test-only fault injection: end the process here, with no clean-up at all.

    Set VARDKEDJAN_TEST_CRASH_AT to one of `CRASH_POINTS` in a child process to kill it
    at that point of a registry write, the way a power cut or `kill -9` would.
    """
    if os.environ.get(FAULT_VARIABLE) == name:
        os._exit(3)


def before_replace(temporary: Path, target: Path) -> None:
    """Called when the new content is on disk, just before it replaces `target`.

    Does nothing. It is a seam for tests: replace it (monkeypatch) with a function that
    raises, or that ends the process, to simulate a crash between write and rename.
    """
    crash_point(f"written:{target.name}")


def atomic_write(path: Path, data: bytes, *, mode: int = 0o644) -> None:
    """Replace `path` with `data` so that readers and crashes see old or new, never half."""
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=TEMP_SUFFIX, dir=path.parent)
    temporary = Path(name)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fchmod(out.fileno(), mode)
            os.fsync(out.fileno())
        before_replace(temporary, path)
        os.replace(temporary, path)
    except BaseException:
        # An exception (not a crash) cleans up after itself; a crash leaves the temporary
        # file, which `remove_temporaries` deletes on the next start or write.
        with suppress(FileNotFoundError):
            temporary.unlink()
        raise
    fsync_folder(path.parent)


def fsync_folder(folder: Path) -> None:
    """Flush a folder's entries, so that a rename in it is on disk."""
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def remove_temporaries(path: Path) -> list[Path]:
    """Delete temporary files a crashed `atomic_write(path, ...)` left; return them.

    Only safe while holding the lock that every writer of `path` takes.
    """
    left = sorted(path.parent.glob(f".{path.name}.*{TEMP_SUFFIX}"))
    for stale in left:
        with suppress(FileNotFoundError):
            stale.unlink()
    return left


@contextmanager
def exclusive(lock_path: Path) -> Iterator[None]:
    """Hold an exclusive lock on `lock_path` (created if missing) for the block.

    `flock` locks belong to an open file description, so two threads that each open the
    file exclude each other just like two processes do. The kernel releases the lock
    when a process dies, so a crash never leaves the registry locked. Not re-entrant.
    """
    fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock
