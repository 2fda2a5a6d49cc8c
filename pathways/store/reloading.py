"""Reloading a registry beside the requests, never in their way.

A national registry takes seconds to build. Built on the event loop, it stalls every
request of the worker for that long; so the request path only asks for a reload
(`Reloader.kick`), one daemon thread builds it, and the instance swaps the new version
in when it is ready. Until then the last version is served. A watcher thread can also
look for a changed file at an interval, so a worker with no traffic is up to date when
the next request comes. A `Snapshot` is one version of the file as the instance serves it.
"""

from __future__ import annotations

import ctypes
import gc
import logging
import os
import threading
import weakref
from collections.abc import Callable
from typing import TypeVar

from pathways.loader import collector_paused, load_parsed
from pathways.registry import Registry
from pathways.store import incremental
from pathways.store.edits import FILE
from pathways.store.incremental import Version

log = logging.getLogger("vardkedjan.reloading")
T = TypeVar("T")

Signature = tuple[int, int, int]


def signature_of(info: os.stat_result) -> Signature:
    # A write always renames a new file in, so the inode alone would tell; mtime and size
    # also catch a file rewritten in place by hand.
    return info.st_mtime_ns, info.st_size, info.st_ino


class Snapshot(Version):
    """One version of the registry file as the instance serves it, with its signature."""

    def __init__(self, signature: Signature, text: str, registry: Registry) -> None:
        super().__init__(text, registry, file=FILE)
        self.signature = signature

    @classmethod
    def of(cls, signature: Signature, version: Version) -> Snapshot:
        """The snapshot of a version read in part (sharing what was read from it)."""
        out = cls(signature, version.text, version.registry)
        out.adopt(version)
        return out


def _libc_trim() -> Callable[[int], int] | None:
    try:
        libc = ctypes.CDLL(None)
        trim: Callable[[int], int] = libc.malloc_trim
    except (OSError, AttributeError):  # not glibc: nothing to give back this way
        return None
    return trim


_TRIM = _libc_trim()


def give_back_memory() -> None:
    """Return the memory a replaced registry freed to the system.

    glibc's malloc keeps freed memory in per-thread arenas, and edits are built in the
    server's worker threads: a worker's resident memory then grew with every edit even
    though nothing was alive (measured with tracemalloc). `malloc_trim` hands it back.
    """
    if _TRIM is not None:
        _TRIM(0)


def reread(previous: Snapshot, signature: Signature, text: str, file: str) -> Snapshot:
    """A changed file, read beside the requests: in proportion to what changed when it
    can be (`pathways.store.incremental`), else whole with libyaml's loop, which lets
    requests run in between (yaml-rs would hold the interpreter for the whole parse)."""
    version = incremental.read(previous, text, file)
    if version is None:
        with collector_paused():
            raw, document = load_parsed(text, file, quick=False)
            version = Version(text, Registry(document), raw, file)
    return Snapshot.of(signature, version)


def read_ahead(version: Version, *, freeze: bool = False) -> threading.Thread:
    """Read, in the background, what the first edit needs of a version started from its
    snapshot (its records, layout and anchors), so no request parses it.

    `freeze` (for a serving process): move everything loaded out of the cyclic
    collector's sight, before and after reading ahead. Full collections scanning the
    national registry stalled requests for 0.1-1 s while edits ran (bench/scale.py); an
    edit shares most of the registry with the version before, so what it replaces is
    freed by reference counting, frozen or not. Only at the start, and without the full
    collection `settle` makes first (itself a 1 s stall here): a replaced version caught
    in a cycle (a graph view rebuilt by a request after `Registry.release`) would stay
    for good if frozen, and freezing after every edit would add that up. Both freezes
    come before the collector is back: reading ahead leaves no garbage in cycles, and a
    young collection of what it read was a 0.1-0.15 s stall at national scale.
    """

    def ahead() -> None:
        with collector_paused():  # frozen before the collector is back: it never sees them
            if freeze:
                gc.freeze()
            version.prefetch()
            if freeze:
                gc.freeze()

    thread = threading.Thread(target=ahead, name="registry-prefetch", daemon=True)
    thread.start()
    return thread


class Reloader:
    """Runs `job` in a background thread, one run at a time; a kick during a run reruns."""

    def __init__(self, job: Callable[[], object]) -> None:
        self._job = job
        self._lock = threading.Lock()
        self._running: threading.Thread | None = None
        self._again = False

    def kick(self) -> None:
        with self._lock:
            if self._running is not None:
                self._again = True
                return
            self._running = threading.Thread(target=self._run, name="registry-reload", daemon=True)
            self._running.start()

    def _run(self) -> None:
        while True:
            try:
                self._job()
            except Exception:  # the job logs what it refused; never kill the thread silently
                log.exception("the registry reload failed")
            with self._lock:
                if not self._again:
                    self._running = None
                    return
                self._again = False

    def wait(self, timeout: float = 60.0) -> None:
        """Until the current run (if any) is over: for tests and orderly shutdown."""
        with self._lock:
            running = self._running
        if running is not None:
            running.join(timeout)


def watch(owner: T, check: Callable[[T], None], interval: float) -> threading.Thread:
    """Call `check(owner)` every `interval` seconds while `owner` is alive.

    Holds the owner weakly: a watched instance that is dropped stops its watcher.
    """
    ref = weakref.ref(owner)
    stop = threading.Event()

    def loop() -> None:
        while not stop.wait(interval):
            target = ref()
            if target is None:
                return
            try:
                check(target)
            except Exception:
                log.exception("watching the registry failed")
            del target

    thread = threading.Thread(target=loop, name="registry-watch", daemon=True)
    thread.start()
    return thread
