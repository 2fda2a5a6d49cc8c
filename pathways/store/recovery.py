"""Starting an instance and finishing what a crash interrupted.

Both run while holding the instance lock: at start, and before every write. First the
leftovers (stale git locks, temporary files), then the journal of an interrupted write
(`pathways.store.journal`: finished as its author, or undone), then a file changed by hand
outside the service (committed as the system, or put aside when it does not validate).
"""

from __future__ import annotations

import logging
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
    # The usual case, checked first: the file is there and as committed (a status that
    # git answers from its index, without reading the committed text).
    if self.registry_file.exists() and not self.git.dirty(FILE):
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
