"""Commit or nothing: the small journal that makes a registry write all-or-nothing.

A write is visible to readers only once its file *and* its git commit are both on disk.
Before the new file is renamed in, the journal records the commit it will be based on,
the author, the message and a digest of the new file, and the old file is kept under a
second name (a hard link, so restoring it gives readers the very same file back). Then:

- the commit fails (full disk, git missing): the old file is put back, nothing is
  published, and the caller answers 503;
- the process dies anywhere: the next start or write reads the journal and finishes
  the change with its own author and message (the new file is whole and on disk), or
  finds the old file and forgets the change. Never an anonymous commit, never half.

Readers (other workers) do not reload while a journal is pending (`pending`), so they
never serve a file that git does not hold yet.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
from contextlib import suppress
from dataclasses import asdict, dataclass
from pathlib import Path

from pathways.store.atomic import atomic_write, crash_point, fsync_folder

__all__ = ["Entry", "Journal", "cause_of", "crash_point", "digest"]


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True)
class Entry:
    """One write in progress."""

    base: str | None  # HEAD the commit will be made on
    author: str
    message: str
    digest: str  # of the new file
    aborted: bool = False  # the write failed and is being undone: never finish it


class Journal:
    """The journal of the one file an instance writes (`target`)."""

    def __init__(self, target: Path, path: Path) -> None:
        self.target = target
        self.path = path
        self.backup = target.with_name(f".{target.name}.old")

    def pending(self) -> bool:
        return self.path.exists()

    def begin(self, entry: Entry) -> None:
        atomic_write(self.path, json.dumps(asdict(entry)).encode("utf-8"), mode=0o600)

    def read(self) -> Entry | None:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            return Entry(**data)
        except FileNotFoundError:
            return None
        except (ValueError, TypeError):  # never half-written (atomic), but be safe
            return Entry(None, "", "", "", aborted=True)

    def keep_old(self) -> None:
        """Keep the current file under a second name, to put back if the write fails."""
        with suppress(FileNotFoundError):
            self.backup.unlink()
        try:
            os.link(self.target, self.backup)
        except FileNotFoundError:
            return
        fsync_folder(self.target.parent)

    def abort(self, entry: Entry) -> None:
        """Mark the write as failed, so that recovery undoes it rather than finish it."""
        self.begin(Entry(entry.base, entry.author, entry.message, entry.digest, aborted=True))

    def restore(self) -> bool:
        """Put the old file back (the same inode: readers see nothing change)."""
        if not self.backup.exists():
            return False
        os.replace(self.backup, self.target)
        fsync_folder(self.target.parent)
        return True

    def end(self) -> None:
        for path in (self.backup, self.path):
            with suppress(FileNotFoundError):
                path.unlink()
        with suppress(OSError):
            fsync_folder(self.target.parent)


def cause_of(exc: BaseException) -> str:
    """What went wrong, in a few words for the log and the answer."""
    if isinstance(exc, OSError):
        reasons = {
            errno.ENOSPC: "the disk is full",
            errno.EDQUOT: "the disk quota is used up",
            errno.EROFS: "the instance folder is read-only",
            errno.EACCES: "no permission to write the instance folder",
            errno.EPERM: "no permission to write the instance folder",
        }
        return reasons.get(exc.errno or 0, f"the file system said: {exc.strerror or exc}")
    text = str(exc)
    if "could not run" in text and ("No such file" in text or "not found" in text):
        return "git is not installed"
    if "No space left" in text:
        return "the disk is full"
    if "Read-only file system" in text:
        return "the instance folder is read-only"
    return text.splitlines()[0][:300] if text else type(exc).__name__
