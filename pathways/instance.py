"""The live registry of one service instance: a folder holding a git repository.

    instance/
      registry/             a git repository: copy or sync it with ordinary git
        providers.yaml      the live registry, seeded from the bundled file on first start
      accounts.json         users, argon2 and token hashes: never in the repository
      rejected/             hand-edited registry files that did not validate, kept aside
      cache/                the built registry, pickled for a fast start (pathways.snapshot)
      .lock                 held by whoever writes the registry (flock, all processes)
      .accounts.lock        held by whoever writes accounts.json

Every write holds `.lock` from reading the current file to committing the new one, so
one change is based on the version it was checked against (ETags), and several uvicorn
workers never interleave. A crash leaves the old file or the new one (atomic rename);
one after the rename but before the commit is committed as recovered by the next writer
or start. Readers call `registry()` on every request: a `stat`, and a reload only when
the file was replaced, so every worker serves a change on its next request.
"""

from __future__ import annotations

import logging
import os
import threading
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from argon2 import PasswordHasher

from pathways import snapshot
from pathways.access import authorize
from pathways.accounts import Accounts, User
from pathways.durable import atomic_write, exclusive, remove_temporaries
from pathways.errors import NotFound, RegistryInvalid
from pathways.gitstore import SYSTEM_EMAIL, SYSTEM_NAME, Git, author_ident
from pathways.history import Change, HistoryEntry, compose, describe, parse, with_diff
from pathways.loader import load_text
from pathways.operations import FILE, Operation, Plan, plan
from pathways.records import ChangeDiff, RecordIndex, diff, etag, singular
from pathways.registry import Registry, collector_paused
from pathways.reloading import Reloader, watch
from pathways.revert import plan_revert

SYSTEM = f"{SYSTEM_NAME} <{SYSTEM_EMAIL}>"
DEFAULT_PATH = Path("instance")
_CACHED_CHANGES = 256

log = logging.getLogger("vardkedjan.instance")

Signature = tuple[int, int, int]


def _signature(info: os.stat_result) -> Signature:
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


@dataclass(frozen=True)
class Versioned:
    """A record as written, with its ETag for `If-Match`."""

    record: dict[str, Any]
    etag: str


@dataclass(frozen=True)
class Preview:
    """What a change would do, not yet saved."""

    diff: ChangeDiff
    summary: str


@dataclass(frozen=True)
class Saved:
    """A saved change: its commit (None when nothing changed) and the record's new ETag."""

    commit: str | None
    diff: ChangeDiff
    summary: str
    etag: str | None


class Instance:
    """The registry of an instance folder; use `Instance.open`."""

    def __init__(self, path: Path, hasher: PasswordHasher | None = None) -> None:
        self.path = path
        self.registry_dir = path / "registry"
        self.registry_file = self.registry_dir / FILE
        self.lock_file = path / ".lock"
        self.git = Git(self.registry_dir)
        self.accounts = Accounts(path / "accounts.json", path / ".accounts.lock", hasher)
        self._snapshot: Snapshot | None = None
        self._refused: Signature | None = None
        self._reload = threading.Lock()
        self._reloader = Reloader(self._reload_after_writes)
        self._diffs: OrderedDict[str, ChangeDiff] = OrderedDict()

    @classmethod
    def open(
        cls, path: str | Path, seed: str | Path, *, hasher: PasswordHasher | None = None
    ) -> Instance:
        """Open an instance folder, creating it from `seed` (which is only ever read)."""
        folder = Path(path)
        folder.mkdir(parents=True, exist_ok=True)
        instance = cls(folder, hasher)
        with exclusive(instance.lock_file):
            instance._start(Path(seed))
            instance._recover()
        instance.snapshot()  # a registry that does not load stops the start, not a request
        return instance

    # --- reading ---------------------------------------------------------------------

    def registry(self) -> Registry:
        """The registry of the file as it is now; reloads (and waits) when it changed."""
        return self.snapshot().registry

    def current(self) -> Registry:
        """The registry to answer a request from, never waiting for a reload: a stat, and
        when the file changed, a background thread loads it; until then, the last one."""
        current = self._snapshot
        if current is None:
            return self.registry()
        if self._changed(current):
            self._reloader.kick()
        return current.registry

    def watch(self, interval: float = 0.2) -> None:
        watch(self, Instance._kick_if_changed, interval)  # reload changes without a request

    def wait_reloaded(self, timeout: float = 60.0) -> None:
        self._reloader.wait(timeout)  # until a background reload under way is over

    def _reload_after_writes(self) -> None:
        """Wait for a write under way (in any process) to finish, then reload: a writer
        renames the new file in before it commits and installs it."""
        with exclusive(self.lock_file):
            pass
        self.snapshot()

    def _kick_if_changed(self) -> None:
        current = self._snapshot
        if current is not None and self._changed(current):
            self._reloader.kick()

    def _changed(self, current: Snapshot) -> bool:
        try:
            signature = _signature(os.stat(self.registry_file))
        except FileNotFoundError:
            return False
        return signature not in (current.signature, self._refused)

    def snapshot(self) -> Snapshot:
        try:
            signature = _signature(os.stat(self.registry_file))
        except FileNotFoundError:
            if self._snapshot is None:
                raise
            return self._snapshot
        current = self._snapshot
        if current is not None and current.signature == signature:
            return current
        with self._reload:
            current = self._snapshot
            if current is not None and (signature in (current.signature, self._refused)):
                return current
            try:
                loaded = self._load()
            except (RegistryInvalid, UnicodeDecodeError) as exc:
                if current is None:
                    raise
                # Never in a file this service wrote: someone edited it by hand. Keep
                # serving the last good registry; the next write puts the file aside.
                log.error("%s was not reloaded: %s", self.registry_file, exc)
                self._refused = signature
                return current
            self._snapshot = loaded
            if current is not None:
                current.registry.release()
            return loaded

    def _load(self) -> Snapshot:
        with self.registry_file.open("rb") as source:
            signature = _signature(os.fstat(source.fileno()))
            raw = source.read()
        text = raw.decode("utf-8")
        if self._snapshot is None:  # start-up: a snapshot of the same bytes skips the build
            registry = snapshot.load(raw, str(self.registry_file), self.path / "cache")
            return Snapshot(signature, text, registry)
        # A reload runs beside the requests: libyaml's loop, which lets them in between.
        with collector_paused():
            registry = Registry(load_text(text, str(self.registry_file), quick=False))
        return Snapshot(signature, text, registry)

    def record(self, section: str, ident: str) -> Versioned:
        """A record as written, and its ETag, from one and the same version."""
        records = self.snapshot().records
        entry = records.get(section, ident)
        if entry is None:
            raise NotFound(singular(section), ident)
        return Versioned(entry.record, etag(entry.record))

    def provider(self, provider_id: str) -> Versioned:
        return self.record("providers", provider_id)

    def flow(self, flow_id: str) -> Versioned:
        return self.record("flows", flow_id)

    # --- changing --------------------------------------------------------------------

    @contextmanager
    def _writing(self) -> Iterator[Snapshot]:
        """Hold the lock, finish any interrupted write, and give the current version."""
        with exclusive(self.lock_file):
            self._recover()
            yield self.snapshot()

    def preview(self, op: Operation, user: User) -> Preview:
        """What `op` would change, refused exactly as `apply` would refuse it."""
        current = self.snapshot()
        planned = plan(current.text, current.records, op)
        authorize(user, planned.diff, current.registry)
        return Preview(planned.diff, planned.summary)

    def apply(self, op: Operation, user: User, message: str | None = None) -> Saved:
        """Check, write and commit one change by `user`; raises the error that refuses it."""
        with self._writing() as current:
            planned = plan(current.text, current.records, op)
            authorize(user, planned.diff, current.registry)
            return self._save(planned, author_ident(user.name), message)

    def _save(self, planned: Plan, author: str, message: str | None, note: str = "") -> Saved:
        if not planned.diff:
            return Saved(None, planned.diff, planned.summary, planned.etag)
        atomic_write(self.registry_file, planned.text.encode("utf-8"))
        text = compose(planned.summary, message, planned.diff, note)
        commit = self.git.commit(FILE, author=author, message=text)
        self._install(planned)
        return Saved(commit, planned.diff, planned.summary, planned.etag)

    def _install(self, planned: Plan) -> None:
        """Serve the new version at once, from what was already validated."""
        with collector_paused():
            registry = Registry(planned.document)
        snapshot = Snapshot(_signature(os.stat(self.registry_file)), planned.text, registry)
        snapshot._records = planned.records
        with self._reload:
            previous, self._snapshot = self._snapshot, snapshot
        if previous is not None:
            previous.registry.release()

    # --- starting and recovering -----------------------------------------------------

    def _start(self, seed: Path) -> None:
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

    def _recover(self) -> None:
        """Finish what a crash interrupted. Call only while holding the lock."""
        self.git.remove_stale_locks()
        for stale in remove_temporaries(self.registry_file):
            log.warning("removed %s, left by an interrupted write", stale)
        head = self.git.show("HEAD", FILE)
        if head is None:
            return
        if not self.registry_file.exists():
            atomic_write(self.registry_file, head.encode("utf-8"))
            return
        if not self.git.dirty(FILE):
            return
        text = self.registry_file.read_bytes().decode("utf-8", "replace")
        if text == head:
            self.git.run("reset", "-q", "--", FILE)
            return
        try:
            load_text(text, FILE)
        except RegistryInvalid as exc:
            self._put_aside(text, head, exc)
            return
        changes = diff(RecordIndex.from_text(head, FILE), RecordIndex.from_text(text, FILE))
        summary = "Record a change that was saved but not yet recorded"
        message = f"{summary}\n\n{describe(changes)}"
        self.git.commit(FILE, author=SYSTEM, message=compose(message, None, changes))
        log.warning("committed an unrecorded change to %s", self.registry_file)

    def _put_aside(self, text: str, head: str, exc: RegistryInvalid) -> None:
        folder = self.path / "rejected"
        folder.mkdir(exist_ok=True)
        aside = folder / f"providers-{datetime.now(UTC):%Y%m%dT%H%M%S%f}.yaml"
        aside.write_text(text, encoding="utf-8")
        atomic_write(self.registry_file, head.encode("utf-8"))
        self.git.run("reset", "-q", "--", FILE)
        log.error("%s did not validate; kept as %s and restored: %s", FILE, aside, exc)

    # --- history ---------------------------------------------------------------------

    def history(
        self, provider_id: str | None = None, *, flow_id: str | None = None, limit: int = 50
    ) -> list[HistoryEntry]:
        """Changes newest first: all, or those touching a provider (or its flows) or a flow."""
        filtered = provider_id is not None or flow_id is not None
        out: list[HistoryEntry] = []
        if limit < 1:
            return out
        for commit in self.git.log(FILE, max_count=None if filtered else limit):
            entry, recorded = parse(commit)
            if not recorded:
                entry = with_diff(entry, self._diff(entry.commit, entry.parent))
            if provider_id is not None and not entry.concerns(provider_id):
                continue
            if flow_id is not None and flow_id not in entry.flows:
                continue
            out.append(entry)
            if len(out) >= limit:
                break
        return out

    def change(self, revision: str) -> Change:
        """One change with its diff: per record, each field before and after."""
        sha = self.git.resolve(revision)
        commits = self.git.log(None, revision=sha, max_count=1) if sha else []
        if not commits or commits[0].sha != sha:
            raise NotFound("change", revision)
        entry, recorded = parse(commits[0])
        changes = self._diff(entry.commit, entry.parent)
        return Change(entry if recorded else with_diff(entry, changes), changes)

    def _index_at(self, revision: str | None) -> RecordIndex:
        text = self.git.show(revision, FILE) if revision else None
        try:
            return RecordIndex.from_text(text or "", FILE)
        except RegistryInvalid:  # a broken version committed by hand: show it as empty
            return RecordIndex(None)

    def _diff(self, sha: str, parent: str | None) -> ChangeDiff:
        cached = self._diffs.get(sha)
        if cached is None:
            cached = diff(self._index_at(parent), self._index_at(sha))
            self._diffs[sha] = cached
            while len(self._diffs) > _CACHED_CHANGES:
                self._diffs.popitem(last=False)
        return cached

    def _plan_revert(self, current: Snapshot, change: Change) -> Plan:
        parent = self.git.show(change.entry.parent, FILE) if change.entry.parent else None
        return plan_revert(current.text, current.records, parent, change)

    def preview_revert(self, revision: str, user: User) -> Preview:
        change = self.change(revision)
        current = self.snapshot()
        planned = self._plan_revert(current, change)
        authorize(user, planned.diff, current.registry)
        return Preview(planned.diff, planned.summary)

    def revert(self, revision: str, user: User, message: str | None = None) -> Saved:
        """Undo a change as a new one; refused if its records changed since."""
        change = self.change(revision)
        with self._writing() as current:
            planned = self._plan_revert(current, change)
            authorize(user, planned.diff, current.registry)
            note = f"This reverts commit {change.entry.commit}."
            return self._save(planned, author_ident(user.name), message, note)
