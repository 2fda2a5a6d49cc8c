"""Starting an instance and finishing what a crash interrupted.

Both run while holding the instance lock: at start, and before every write. First the
leftovers (stale git locks, temporary files), then the journal of an interrupted write
(`pathways.store.journal`: finished as its author, or undone), then a file changed by hand
outside the service (committed as the system, or put aside when it does not validate).
"""

from __future__ import annotations

import logging
from contextlib import suppress
from datetime import UTC, datetime
from pathlib import Path
from typing import Protocol

from pathways.errors import RegistryInvalid
from pathways.loader import load_text
from pathways.store.atomic import atomic_write, remove_temporaries
from pathways.store.edits import FILE
from pathways.store.git import SYSTEM_EMAIL, SYSTEM_NAME, Git
from pathways.store.history import compose, describe
from pathways.store.journal import Journal, digest
from pathways.store.versions import RecordIndex, diff

SYSTEM = f"{SYSTEM_NAME} <{SYSTEM_EMAIL}>"
CLEAN = "clean"  # in the instance folder: the last commit, and the file as committed
log = logging.getLogger("vardkedjan.instance")


class Instance(Protocol):
    """What recovery needs of `pathways.store.live.Instance` (a protocol: no import
    circle between the instance and the code that starts and recovers it)."""

    path: Path
    registry_dir: Path
    registry_file: Path
    git: Git
    journal: Journal


def start(self: Instance, seed: Path) -> None:
    self.registry_dir.mkdir(exist_ok=True)
    if not (self.registry_dir / ".git").exists():
        self.git.init()
    self.git.remove_stale_locks()
    if self.git.head() is not None:
        return
    if not self.registry_file.exists():
        data = seed.read_bytes()
        load_text(data.decode("utf-8"), str(seed))  # refuse to start from a broken seed
        atomic_write(self.registry_file, data)
    else:
        load_text(self.registry_file.read_text(encoding="utf-8"), str(self.registry_file))
    self.git.commit(FILE, author=SYSTEM, message=f"Start the registry from {seed.name}\n")


def recover(self: Instance) -> None:
    """Finish what a crash interrupted. Call only while holding the lock."""
    self.git.remove_stale_locks()
    for stale in remove_temporaries(self.registry_file):
        log.warning("removed %s, left by an interrupted write", stale)
    _finish_journal(self)
    # The usual case, checked first: the file is there and as committed. Known from the
    # mark the last commit left, or else from a status that git answers from its index,
    # without reading the committed text.
    if self.registry_file.exists() and (_as_marked(self) or not self.git.dirty(FILE)):
        return
    head = self.git.show("HEAD", FILE)
    if head is None:
        return
    if not self.registry_file.exists():
        atomic_write(self.registry_file, head.encode("utf-8"))
        return
    text = self.registry_file.read_bytes().decode("utf-8", "replace")
    if text == head:
        self.git.run("reset", "-q", "--", FILE)
        return
    try:
        load_text(text, FILE)
    except RegistryInvalid as exc:
        _put_aside(self, text, head, exc)
        return
    changes = diff(RecordIndex.from_text(head, FILE), RecordIndex.from_text(text, FILE))
    summary = "Registrera en ändring som sparades men inte hann registreras"
    message = f"{summary}\n\n{describe(changes)}"
    self.git.commit(FILE, author=SYSTEM, message=compose(message, None, changes))
    log.warning("committed an unrecorded change to %s", self.registry_file)


def _finish_journal(self: Instance) -> None:
    """A write the journal says was under way: finish it as its author, or undo it."""
    entry = self.journal.read()
    if entry is None:
        return
    head = self.git.head()
    try:
        current = digest(self.registry_file.read_bytes())
    except FileNotFoundError:
        current = ""
    if head != entry.base:
        log.warning("a change was committed before a crash; its journal is removed")
    elif entry.aborted or current != entry.digest:
        if self.journal.restore():
            log.warning("undid a change that was not committed")
        self.git.run("reset", "-q", "--", FILE)
    else:
        self.git.commit(FILE, author=entry.author, message=entry.message)
        log.warning("committed a change interrupted by a crash, as its author")
    self.journal.end()


def _put_aside(self: Instance, text: str, head: str, exc: RegistryInvalid) -> None:
    folder = self.path / "rejected"
    folder.mkdir(exist_ok=True)
    aside = folder / f"providers-{datetime.now(UTC):%Y%m%dT%H%M%S%f}.yaml"
    aside.write_text(text, encoding="utf-8")
    atomic_write(self.registry_file, head.encode("utf-8"))
    self.git.run("reset", "-q", "--", FILE)
    log.error("%s did not validate; kept as %s and restored: %s", FILE, aside, exc)


def commit(self: Instance, author: str, message: str) -> str:
    """Commit the registry file, and mark it as committed: the next write's `recover`
    then needs no `git status`. Right after a commit git's index is "racily clean" (the
    file and the index written in the same second), so a status hashes the whole file
    again: 20-40 ms of each edit of a national registry."""
    sha = self.git.commit(FILE, author=author, message=message)
    # Not written: an older mark names an older commit, so the next write asks git.
    with suppress(OSError):
        info = self.registry_file.stat()
        mark = f"{sha} {info.st_ino} {info.st_size} {info.st_mtime_ns}\n"
        (self.path / CLEAN).write_text(mark, encoding="utf-8")
    return sha


def _as_marked(self: Instance) -> bool:
    """Whether the file is the one the last commit marked, unchanged since (its inode,
    size and modification time, as git's own index compares them), and still HEAD."""
    try:
        sha, *stat = (self.path / CLEAN).read_text(encoding="utf-8").split()
        info = self.registry_file.stat()
    except (OSError, ValueError, UnicodeError):
        return False
    same = stat == [str(info.st_ino), str(info.st_size), str(info.st_mtime_ns)]
    return same and sha == self.git.head()
