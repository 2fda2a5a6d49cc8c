"""A read-only replica's registry: the newest valid commit of a primary's git repository.

`vardkedjan serve --follow URL` serves what the primary instance committed, from any URL
`git fetch` takes (a path, ssh, https). The replica keeps a bare repository of its own
(`<folder>/follow.git`) and, when told (`POST /api/v1/admin/notify`, from the
primary's post-commit hook) or every `interval` seconds, fetches the primary's HEAD. A
new commit is loaded in a background thread and swapped in when it validates; a commit
that does not validate is refused, the last good registry is served on, and
`/healthz` says which commit was refused and why.
"""

from __future__ import annotations

import logging
import os
import subprocess
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pathways.errors import PathwaysError, RegistryInvalid
from pathways.loader import collector_paused, load_parsed
from pathways.registry import Registry
from pathways.store import git, incremental
from pathways.store.edits import FILE
from pathways.store.incremental import Version
from pathways.store.reloading import Reloader, read_ahead, watch

log = logging.getLogger("vardkedjan.follower")
GIT_TIMEOUT_S = 120.0
_REF = "refs/heads/primary"
_SPEC = f"+HEAD:{_REF}"
_LOOSE = ("-c", "core.looseCompression=0")


class FollowError(PathwaysError):
    """The primary's repository cannot be read."""


@dataclass(frozen=True)
class Refusal:
    commit: str
    reason: str


class Follower:
    """The registry of the newest valid commit of `url`; use `Follower.open`."""

    def __init__(self, url: str, folder: Path) -> None:
        self.url = url
        self.mirror = folder / "follow.git"
        self.commit: str | None = None
        self.refused: Refusal | None = None
        self.error: str | None = None  # the last fetch that failed, if the newest did
        self._registry: Registry | None = None
        self._version: Version | None = None  # the commit served, as read
        self._lock = threading.Lock()
        self._reloader = Reloader(self.sync)
        self._fetched = 0  # new commits served since the mirror was last packed

    @classmethod
    def open(
        cls, url: str, folder: str | Path, interval: float | None = None, *, freeze: bool = False
    ) -> Follower:
        """Fetch and load the primary's HEAD now: a replica with nothing to serve stops.

        What the next commit's reading in part needs of it (its layout, records and
        anchors) is then read in the background, as a primary's workers do
        (`reloading.read_ahead`, whose `freeze`, for a serving process, keeps the
        collector from scanning the registry while requests run). Else the first commit
        after a start waited for them: served 1.02-1.05 s after its PUT, against
        0.58-0.71 s for the next ones (`bench/scale.py`; 0.64-0.90 s with this)."""
        follower = cls(url, Path(folder))
        follower.mirror.mkdir(parents=True, exist_ok=True)
        if not (follower.mirror / "HEAD").exists():
            follower._git("init", "-q", "--bare")
        follower.sync(quick=True)
        if follower._registry is None:
            reason = follower.refused.reason if follower.refused else follower.error
            raise FollowError(f"nothing to serve from {url}: {reason}")
        assert follower._version is not None
        read_ahead(follower._version, freeze=freeze)
        if interval:
            watch(follower, Follower.notify, interval)
        return follower

    def current(self) -> Registry:
        assert self._registry is not None  # `open` loaded one
        return self._registry

    def notify(self) -> None:
        """Look for a new commit now, in the background (a request never waits)."""
        self._reloader.kick()

    def wait(self, timeout: float = 60.0) -> None:
        self._reloader.wait(timeout)

    def sync(self, *, quick: bool = False) -> None:
        """Fetch the primary's HEAD; load it if it is new and validates."""
        with self._lock:
            try:
                # Into a ref of its own, so that the next fetch says what it has and gets
                # only the new commit (without one, git sent the whole history each time:
                # 11 s per edit after 100 edits of a national registry); the last commit
                # only, as a replica serves no history. The new file is unpacked as a
                # loose object: stored, not compressed (as the primary stores its own,
                # `git.Git`), which took 229 ms of a 6.3 MB file's fetch, against 120.
                self._git(*_LOOSE, "fetch", "-q", "--no-tags", "--depth=1", self.url, _SPEC)
                sha = self._git("rev-parse", "FETCH_HEAD").strip()
            except FollowError as exc:
                self.error = str(exc)
                log.error("could not fetch %s: %s", self.url, exc)
                return
            self.error = None
            if sha in (self.commit, self.refused and self.refused.commit):
                return
            try:
                text = self._git("show", f"{sha}:{FILE}")
                version = self._read(text, f"{FILE}@{sha[:12]}", quick)
            except (RegistryInvalid, FollowError) as exc:
                self.refused = Refusal(sha, str(exc))
                log.error("refused commit %s of %s; still serving %s", sha, self.url, self.commit)
                return
            self._version, self.commit, self.refused = version, sha, None
            self._registry = version.registry
            if not quick:  # read whole, it is read ahead for the next; in part, it has all
                read_ahead(version)
            log.info("now serving commit %s of %s", sha, self.url)
            self._fetched += 1
            if self._fetched >= git.PACK_EVERY:
                self._fetched = 0
                self._collect()

    def _collect(self) -> None:
        """Drop the versions no longer served: each fetch leaves the whole file as a loose
        object (6.3 MB at national scale), and only the newest commit is reachable. Run
        under the lock, after the new version is served, so no fetch writes meanwhile."""
        try:
            self._git("-c", "pack.threads=1", "gc", "--quiet", "--prune=now")
        except FollowError as exc:  # the next round tries again
            log.warning("could not pack the mirror of %s: %s", self.url, exc)

    def _read(self, text: str, file: str, quick: bool) -> Version:
        """A new commit's registry: in part from the one served, when that can be."""
        if self._version is not None:
            found = incremental.read(self._version, text, file)
            if found is not None:
                return found
        with collector_paused():
            raw, document = load_parsed(text, file, quick=quick)
            return Version(text, Registry(document), raw, file)

    def health(self) -> dict[str, Any]:
        """What `/healthz` says about the replica: its commit, and what it refused."""
        out: dict[str, Any] = {"following": self.url, "commit": self.commit}
        if self.refused is not None:
            out["refused"] = {"commit": self.refused.commit, "reason": self.refused.reason}
        if self.error is not None:
            out["fetch_error"] = self.error
        return out

    def _git(self, *args: str) -> str:
        env = {**os.environ, "GIT_TERMINAL_PROMPT": "0"}
        try:
            done = subprocess.run(
                ["git", "--git-dir", str(self.mirror), *args],
                capture_output=True,
                timeout=GIT_TIMEOUT_S,
                env=env,
                check=False,
            )
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise FollowError(f"git {args[0]}: {exc}") from None
        if done.returncode != 0:
            detail = done.stderr.decode("utf-8", "replace").strip().splitlines()
            raise FollowError(f"git {args[0]}: {detail[-1] if detail else done.returncode}")
        return done.stdout.decode("utf-8")
