"""Reloading a registry beside the requests, never in their way.

A national registry takes seconds to build. Built on the event loop, it stalls every
request of the worker for that long; so the request path only asks for a reload
(`Reloader.kick`), one daemon thread builds it, and the instance swaps the new version
in when it is ready. Until then the last version is served. A watcher thread can also
look for a changed file at an interval, so a worker with no traffic is up to date when
the next request comes. A `Snapshot` is one version of the file as the instance serves it.
"""

from __future__ import annotations

import logging
import os
import threading
import weakref
from collections.abc import Callable
from typing import TypeVar

from pathways.registry import Registry
from pathways.store.edits import FILE
from pathways.store.versions import RecordIndex

log = logging.getLogger("vardkedjan.reloading")
T = TypeVar("T")

Signature = tuple[int, int, int]


def signature_of(info: os.stat_result) -> Signature:
    # A write always renames a new file in, so the inode alone would tell; mtime and size
    # also catch a file rewritten in place by hand.
    return info.st_mtime_ns, info.st_size, info.st_ino


class Snapshot:
    """One version of the registry file: its text, its registry, and its raw records."""

    def __init__(self, signature: Signature, text: str, registry: Registry) -> None:
        self.signature = signature
        self.text = text
        self.registry = registry
        self._records: RecordIndex | None = None

    @property
    def records(self) -> RecordIndex:
        """Parsed on first use: only editing and ETags need them, not the public pages."""
        if self._records is None:
            self._records = RecordIndex.from_text(self.text, FILE)
        return self._records


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
