"""The live registry of one service instance: a folder holding a git repository.

    instance/
      registry/             a git repository: copy or sync it with ordinary git
        providers.yaml      the live registry, seeded from the bundled file on first start
      accounts.json         users, argon2 and token hashes: never in the repository
      rejected/             hand-edited registry files that did not validate, kept aside
      cache/                the built registry, pickled for a fast start (store.snapshot)
      .lock                 held by whoever writes the registry (flock, all processes)
      .accounts.lock        held by whoever writes accounts.json

Every write holds `.lock` from reading the current file to committing the new one, so
one change is based on the version it was checked against (ETags), and workers never
interleave. Every write is authorised first (`pathways.store.access`), then goes through
the journal (`pathways.store.journal`): commit or nothing, and a crash at any point
leaves the old version or the new one with its author and message. Readers call
`current()` on every request: a `stat`, and when the file was replaced a reload in the
background (`pathways.store.reloading`), swapped in once built.
"""

from __future__ import annotations

import logging
import os
import threading
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from argon2 import PasswordHasher

from pathways.errors import NotFound, RegistryInvalid, Unavailable
from pathways.registry import Registry
from pathways.store import recovery, snapshot
from pathways.store.access import authorize, authorize_targets, change_targets, operation_targets
from pathways.store.accounts import Accounts, User
from pathways.store.atomic import atomic_write, crash_point, exclusive
from pathways.store.edits import FILE, Operation, Plan, plan, plan_text
from pathways.store.git import SYSTEM_EMAIL, SYSTEM_NAME, Git, GitError, author_ident
from pathways.store.history import Change, HistoryEntry, compose, parse, with_diff
from pathways.store.incremental import Version
from pathways.store.journal import Entry, Journal, cause_of, digest
from pathways.store.reloading import (
    Reloader,
    Signature,
    Snapshot,
    give_back_memory,
    read_ahead,
    reread,
    signature_of,
    watch,
)
from pathways.store.reports import Reports
from pathways.store.revert import plan_revert
from pathways.store.useradmin import LOG
from pathways.store.versions import (
    ChangeDiff,
    Preview,
    RecordIndex,
    Saved,
    Versioned,
    diff,
    etag,
    singular,
)
from pathways.store.writerate import WriteRate

SYSTEM = f"{SYSTEM_NAME} <{SYSTEM_EMAIL}>"
DEFAULT_PATH = Path("instance")
_CACHED_CHANGES = 256

log = logging.getLogger("vardkedjan.instance")


class Instance:
    """The registry of an instance folder; use `Instance.open`."""

    def __init__(self, path: Path, hasher: PasswordHasher | None = None) -> None:
        self.path = path
        self.registry_dir = path / "registry"
        self.registry_file = self.registry_dir / FILE
        self.lock_file = path / ".lock"
        self.git = Git(self.registry_dir)
        self.journal = Journal(self.registry_file, path / ".journal.json")
        self.writes = WriteRate(path / ".writes.json")
        self.reports = Reports(path / "reports.json", path / ".reports.lock")
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
        try:
            folder.mkdir(parents=True, exist_ok=True)
            instance = cls(folder, hasher)
            with exclusive(instance.lock_file):
                instance._start(Path(seed))
                instance._recover()
        except (OSError, GitError) as exc:
            cause = cause_of(exc)
            raise Unavailable(f"the instance {folder} cannot be used", cause) from None
        instance.snapshot()  # a registry that does not load stops the start, not a request
        return instance

    # --- reading ---------------------------------------------------------------------

    def registry(self) -> Registry:
        """The registry of the file as it is now; reloads (and waits) when it changed."""
        return self.snapshot().registry

    def current(self) -> Registry:
        """The registry to answer from, never waiting: a stat, and a reload in the background."""
        current = self._snapshot
        if current is None:
            return self.registry()
        self._kick_if_changed()
        return current.registry

    def watch(self, interval: float = 0.2, *, freeze: bool = False) -> None:
        """Reload changes without a request; read ahead for edits (`read_ahead`)."""
        watch(self, Instance._kick_if_changed, interval)
        if self._snapshot is not None:
            read_ahead(self._snapshot, freeze=freeze)

    def wait_reloaded(self, timeout: float = 60.0) -> None:  # until a reload under way ends
        self._reloader.wait(timeout)

    def _reload_after_writes(self) -> None:
        """The background reload. Wait for a write under way (a writer in any process
        holds the lock from the rename to the commit), then load; `snapshot` keeps the
        last version while the journal's pending-write marker says a change is not
        committed (a crashed writer's, until recovered), and the watcher tries again."""
        with exclusive(self.lock_file):
            pass
        self.snapshot()

    def _kick_if_changed(self) -> None:
        current = self._snapshot
        if current is not None and self._changed(current):
            self._reloader.kick()

    def _changed(self, current: Snapshot) -> bool:
        try:
            signature = signature_of(os.stat(self.registry_file))
        except FileNotFoundError:
            return False
        return signature not in (current.signature, self._refused)

    def snapshot(self) -> Snapshot:
        try:
            signature = signature_of(os.stat(self.registry_file))
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
            if current is not None and self.journal.pending():
                return current  # a write is not committed yet: not visible until it is
            try:
                loaded = self._load()
            except (RegistryInvalid, UnicodeDecodeError) as exc:
                if current is None:
                    raise
                # Edited by hand: serve the last good one; the next write puts it aside.
                log.error("%s was not reloaded: %s", self.registry_file, exc)
                self._refused = signature
                return current
            self._snapshot = loaded
            if current is not None:
                current.registry.release()
                del current  # freed now, unless a request still reads it
                give_back_memory()
            return loaded

    def _load(self) -> Snapshot:
        with self.registry_file.open("rb") as source:
            signature = signature_of(os.fstat(source.fileno()))
            raw = source.read()
        text = raw.decode("utf-8")
        if self._snapshot is None:  # start-up: a snapshot of the same bytes skips the build
            registry = snapshot.load(raw, str(self.registry_file), self.path / "cache", aside=True)
            return Snapshot(signature, text, registry)
        return reread(self._snapshot, signature, text, str(self.registry_file))

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
            try:
                self._recover()
            except (OSError, GitError) as exc:  # git missing, a full disk: a sentence
                raise self._unavailable(exc) from None
            yield self.snapshot()

    def _planned(self, current: Snapshot, op: Operation, user: User) -> Plan:
        """Authorise first (the records `op` names), then plan, then authorise the diff."""
        authorize_targets(user, operation_targets(op, current.records), current.registry)
        planned = plan(current.text, current.records, op, current)
        authorize(user, planned.diff, current.registry)
        return planned

    def preview(self, op: Operation, user: User) -> Preview:
        """What `op` would change, refused exactly as `apply` would refuse it."""
        planned = self._planned(self.snapshot(), op, user)
        return Preview(planned.diff, planned.summary)

    def apply(self, op: Operation, user: User, message: str | None = None) -> Saved:
        """Check, write and commit one change by `user`; raises the error that refuses it."""
        with self._writing() as current:
            planned = self._planned(current, op, user)
            return self._save(planned, author_ident(user.name), message)

    def commit_text(self, text: str, user: User, message: str | None = None) -> Saved:
        """A hand-made change: a whole new registry text, validated and authorised alike."""
        with self._writing() as current:
            planned = plan_text(current.text, current.records, text, current)
            authorize(user, planned.diff, current.registry)
            return self._save(planned, author_ident(user.name), message)

    def _save(self, planned: Plan, author: str, message: str | None, note: str = "") -> Saved:
        """Commit or nothing: journal, keep the old file, rename the new one in, commit."""
        if not planned.diff:
            return Saved(None, planned.diff, planned.summary, planned.etag)
        name = author.split(" <", 1)[0]
        self.writes.check(name)  # after authorisation: a refused user learns nothing else
        if planned.version is not None:  # read in part: its registry is built
            registry = planned.version.registry
        else:
            registry = Registry.built(planned.document)  # first: a graph too large is refused,
            # unwritten
        text = compose(planned.summary, message, planned.diff, note)
        data = planned.text.encode("utf-8")
        entry = Entry(self.git.head(), author, text, digest(data))
        try:
            self.journal.begin(entry)
        except OSError as exc:
            raise self._unavailable(exc) from None
        try:
            crash_point("journal")
            self.journal.keep_old()
            crash_point("linked")
            atomic_write(self.registry_file, data)
            crash_point("renamed")
            commit = recovery.commit(self, author, text)
            crash_point("committed")
        except (OSError, GitError) as exc:
            self._roll_back(entry)
            raise self._unavailable(exc) from None
        self.journal.end()
        with suppress(OSError):  # the change is saved; a lost count is no reason to fail it
            self.writes.note(name)
        self._install(planned, registry)
        return Saved(commit, planned.diff, planned.summary, planned.etag)

    def _unavailable(self, exc: BaseException) -> Unavailable:
        cause = cause_of(exc)
        log.error("a change was not saved: %s", cause)
        return Unavailable("the change was not saved; nothing was changed", cause)

    def _roll_back(self, entry: Entry) -> None:
        """Put the old file back after a failed commit; recovery finishes what this cannot."""
        try:
            self.journal.abort(entry)
            self.journal.restore()
            self.git.run("reset", "-q", "--", FILE)
        except (OSError, GitError) as exc:  # the next start or write undoes it
            log.error("could not undo a failed change yet: %s", cause_of(exc))
            return
        self.journal.end()

    def _install(self, planned: Plan, registry: Registry) -> None:
        """Serve the new version at once, from what was already validated."""
        signature = signature_of(os.stat(self.registry_file))
        text, raw, records = planned.text, planned.raw, planned.records  # raw: if read whole
        version = planned.version or Version(text, registry, raw, records=records)
        snapshot = Snapshot.of(signature, version)
        with self._reload:
            previous, self._snapshot = self._snapshot, snapshot
        if previous is not None:
            previous.registry.release()
            del previous  # freed now, unless a request still reads it
            give_back_memory()

    # --- starting and recovering -----------------------------------------------------

    def _start(self, seed: Path) -> None:
        recovery.start(self, seed)

    def _recover(self) -> None:
        """Finish what a crash interrupted. Call only while holding the lock."""
        recovery.recover(self)

    # --- history ---------------------------------------------------------------------

    def history(
        self,
        provider_id: str | None = None,
        *,
        flow_id: str | None = None,
        forum_id: str | None = None,
        limit: int = 50,
    ) -> list[HistoryEntry]:
        """Changes newest first: all, or those touching a provider (or its flows), a flow
        or a forum."""
        filtered = provider_id is not None or flow_id is not None or forum_id is not None
        out: list[HistoryEntry] = []
        if limit < 1:
            return out
        for commit in self.git.log((FILE, LOG), max_count=None if filtered else limit):
            entry, recorded = parse(commit)
            if not recorded:
                entry = with_diff(entry, self._diff(entry.commit, entry.parent))
            if provider_id is not None and not entry.concerns(provider_id):
                continue
            if flow_id is not None and flow_id not in entry.flows:
                continue
            if forum_id is not None and forum_id not in entry.touched.get("forums", ()):
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
        return plan_revert(current.text, current.records, parent, change, current)

    def preview_revert(self, revision: str, user: User) -> Preview:
        change = self.change(revision)
        current = self.snapshot()
        authorize_targets(user, change_targets(change.diff), current.registry)
        planned = self._plan_revert(current, change)
        authorize(user, planned.diff, current.registry)
        return Preview(planned.diff, planned.summary)

    def revert(self, revision: str, user: User, message: str | None = None) -> Saved:
        """Undo a change as a new one; refused if its records changed since."""
        change = self.change(revision)
        with self._writing() as current:
            authorize_targets(user, change_targets(change.diff), current.registry)
            planned = self._plan_revert(current, change)
            authorize(user, planned.diff, current.registry)
            note = f"This reverts commit {change.entry.commit}."
            return self._save(planned, author_ident(user.name), message, note)
