"""A registry kept on disk for serving start-up, keyed by the file's hash and the code's.

Building a national registry (YAML, validation, indices, 166k graph edges) takes seconds;
unpickling the built one takes a fraction of that. Only serving uses this: `vardkedjan
check` always reads the YAML. The key covers the registry's bytes, the source of the
`pathways` package and the versions of Python and pydantic, so a new file or new code
never meets an old snapshot. The folder must be the service's own (the instance folder,
or the user's cache): a pickle is code, and is only ever read from where we wrote it.

A server that builds a large registry keeps what the build left behind: a national
read-only server held 299 MB after building, and 210 MB when it started from the
snapshot. So a serving process (`aside=True`) with no snapshot yet has a forked child
build the registry and write the snapshot, and then reads that, as every later start
does. Only a process with one thread forks (a child has only the thread that forked,
and a lock another thread held would stay locked in it), and only for a registry of
`ASIDE_BYTES` or more: a small one leaves little behind, and the child would cost more
than it saves. A refusal raised in the child is raised here, with the same problems.
"""

from __future__ import annotations

import gc
import hashlib
import logging
import os
import pickle
import sys
import threading
from functools import cache
from pathlib import Path

import pydantic

from pathways import limits, parallel
from pathways.loader import collector_paused, load_text
from pathways.registry import Registry

log = logging.getLogger("vardkedjan.snapshot")
PREFIX = "registry-"
SUFFIX = ".pickle"
ASIDE_BYTES = 1 << 20  # a registry this large is built in a child (see the module)
_aside_allowed = True


@cache
def code_fingerprint() -> bytes:
    """What the pickled objects' classes are made of: our source and the versions."""
    digest = hashlib.sha256(f"{sys.version}|{pydantic.VERSION}".encode())
    package = Path(__file__).resolve().parents[1]  # all of `pathways/`, not only the store
    for source in sorted(package.rglob("*.py")):
        digest.update(source.relative_to(package).as_posix().encode())
        digest.update(source.read_bytes())
    return digest.digest()


def key_for(data: bytes) -> str:
    return hashlib.sha256(code_fingerprint() + data).hexdigest()[:40]


def default_folder() -> Path:
    """VARDKEDJAN_CACHE, or the user's cache folder: where read-only serving keeps it."""
    chosen = os.environ.get("VARDKEDJAN_CACHE")
    if chosen:
        return Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "vardkedjan"


def build_here() -> None:
    """Never build in a child in this process: it ends once the registry is built (the
    serving probe, `app.serving`), so reading the snapshot back would only add time."""
    global _aside_allowed
    _aside_allowed = False


def load(
    data: bytes, file: str, folder: Path, *, freeze: bool = False, aside: bool = False
) -> Registry:
    """The registry of these bytes: from the snapshot when there is one, else built.

    The size limit holds either way (`pathways.limits`): a snapshot does not let through
    a file that the limits configured now would refuse.

    `freeze` is for a registry that lives as long as the process (read-only serving):
    its objects leave the collector's sight while it is still paused. Unpickled with the
    collector off, a national registry's million objects would all be young when it is
    switched on again: the next allocation would scan them, and `settle`'s collection
    again (half a second of start-up together). Never for a live instance's registry,
    which an edit replaces: frozen, the old one would never be collected.

    `aside` is for a process that serves the registry: a large one with no snapshot is
    built by a child (see the module).
    """
    limits.check_size(len(data), file)
    target = folder / f"{PREFIX}{key_for(data)}{SUFFIX}"
    if aside and _aside_allowed and len(data) >= ASIDE_BYTES and not target.exists():
        _build_aside(data, file, target)
    with collector_paused():
        registry = _unpickled(target)
        if registry is None:
            registry = Registry(load_text(data.decode("utf-8"), file))
            _save(registry, target)
        if freeze:
            gc.freeze()
    return registry


def _build_aside(data: bytes, file: str, target: Path) -> None:
    """Build the registry and write its snapshot in a forked child, when this process has
    one thread and the snapshot's folder can be written; a refusal comes back raised.
    Whatever else goes wrong in the child (no snapshot written, the child killed) leaves
    the build to the caller, as before."""
    if not _one_thread() or not _writable(target.parent):
        return

    def build() -> bool:
        with collector_paused():
            _save(Registry(load_text(data.decode("utf-8"), file)), target)
        return True

    with parallel.allowed():
        done = parallel.beside(build)
    done()


def _writable(folder: Path) -> bool:
    """Whether a snapshot can be written in `folder`: where it cannot, what a child built
    would be lost, and the registry built again here."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return False
    return os.access(folder, os.W_OK)


def _one_thread() -> bool:
    """Whether this process runs one thread, its native threads counted where it can."""
    try:
        return len(os.listdir("/proc/self/task")) == 1
    except OSError:  # no /proc: the threads Python knows of
        return threading.active_count() == 1


def _unpickled(target: Path) -> Registry | None:
    """The snapshot's registry, or None when there is none that can be used."""
    try:
        with target.open("rb") as source:
            found = pickle.load(source)
    except FileNotFoundError:
        return None
    except Exception as exc:  # a truncated or foreign file: build afresh, never fail
        log.warning("ignored the registry snapshot %s: %s", target, exc)
        return None
    return found if isinstance(found, Registry) else None


def _save(registry: Registry, target: Path) -> None:
    """Write the snapshot beside older ones, then remove those (one file per folder)."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_suffix(f".{os.getpid()}.tmp")
        with temporary.open("wb") as out:  # the caller has paused the collector
            pickle.dump(registry, out, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, target)
        for old in target.parent.glob(f"{PREFIX}*{SUFFIX}"):
            if old != target:
                old.unlink(missing_ok=True)
    except OSError as exc:  # a read-only disk only costs the next start its speed
        log.warning("could not write the registry snapshot %s: %s", target, exc)
