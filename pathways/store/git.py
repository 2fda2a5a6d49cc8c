"""The registry's history as an ordinary git repository, through the `git` command line.

Ordinary git, so that a region can copy or sync its registry to other servers with the
tools it already has. Every call passes its own identity and settings (`-c ...`, `GIT_*`)
and ignores the user's and the system's git configuration, so that it works the same on a
server with no `~/.gitconfig`, in CI, and never asks for a signing key or a password.
"""

from __future__ import annotations

import logging
import os
import re
import subprocess
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

from pathways.store import plumbing

SYSTEM_NAME = "Vårdkedjan"
SYSTEM_EMAIL = "system@vardkedjan.invalid"
USER_DOMAIN = "users.vardkedjan.invalid"
_REV = re.compile(r"^[0-9a-fA-F]{4,64}$")
_TIMEOUT = 120
# Commits between two packings of the loose objects. Each edit stores the whole file as
# a loose object, uncompressed (6.3 MB for a national registry, so at most ~130 MB wait);
# packed with deltas, twenty versions take little more than one. git's own `gc --auto`
# waits for about 6,700 loose objects.
PACK_EVERY = 20
# Seconds without a commit before they are packed. Packing while edits ran stalled the
# slowest read from ~50 ms to 193-435 ms (`bench/scale.py`, 100 edits); so it waits for
# a quiet moment, as a nightly `git gc` would.
QUIET_S = 30.0
log = logging.getLogger("vardkedjan.git")


class GitError(RuntimeError):
    """git failed: a broken repository or a full disk, not something a user did wrong."""


@dataclass(frozen=True)
class Commit:
    sha: str
    parents: tuple[str, ...]
    author: str
    email: str
    time: str  # ISO 8601 with the offset, as git records it
    message: str


def author_ident(name: str) -> str:
    """`name <name@users.vardkedjan.invalid>`; account names are slugs, so this is safe."""
    if not name or any(c in name for c in "<>\n\r\0"):
        raise ValueError(f"not a name git can record: {name!r}")
    return f"{name} <{name}@{USER_DOMAIN}>"


def is_revision(text: str) -> bool:
    """Whether `text` looks like a commit id (and so can never be read as an option)."""
    return bool(_REV.match(text))


Done = subprocess.CompletedProcess[bytes]


def _piped(command: list[str], input: bytes | None, env: dict[str, str]) -> Done:
    return subprocess.run(
        command, input=input, capture_output=True, env=env, timeout=_TIMEOUT, check=False
    )


def _hooked(command: list[str], input: bytes | None, env: dict[str, str]) -> Done:
    """Run a command that may run a hook, its error output in a temporary file, not a pipe.

    A hook may leave work running in the background: the README's post-commit hook
    notifies each replica with `curl ... &`. That process inherits the hook's output, and
    a pipe stays open until it ends, so a replica that did not answer held every save
    for as long as curl waited (2 s in the README). A file is read when git is done.
    These commands print nothing anyone reads (git runs a hook with its output on
    stderr), so stdout is dropped."""
    with tempfile.TemporaryFile() as err:
        done = subprocess.run(
            command,
            input=input,
            stdout=subprocess.DEVNULL,
            stderr=err,
            env=env,
            timeout=_TIMEOUT,
            check=False,
        )
        err.seek(0)
        return subprocess.CompletedProcess(command, done.returncode, b"", err.read())


class Git:
    """One repository, with a work tree at `root`."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._unpacked = 0  # commits made here since the loose objects were last packed
        self._packing: threading.Timer | None = None  # the packing, waiting for quiet
        self._objects: Path | None = None  # for blobs written here (None: `git commit`)
        self._asked = False  # whether git was asked where that is
        self._git_dir: Path | None = None  # read directly for HEAD, once git named it
        self._tree: tuple[str, bytes] | None = None  # the last commit made here, its tree
        env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
        env.update(
            GIT_CONFIG_NOSYSTEM="1",
            GIT_CONFIG_GLOBAL=os.devnull,
            GIT_TERMINAL_PROMPT="0",
            GIT_AUTHOR_NAME=SYSTEM_NAME,
            GIT_AUTHOR_EMAIL=SYSTEM_EMAIL,
            GIT_COMMITTER_NAME=SYSTEM_NAME,
            GIT_COMMITTER_EMAIL=SYSTEM_EMAIL,
            LC_ALL="C",
        )
        self.env = env
        self.config = [
            f"user.name={SYSTEM_NAME}",
            f"user.email={SYSTEM_EMAIL}",
            "commit.gpgsign=false",
            "init.defaultBranch=main",
            "core.autocrlf=false",
            "core.fsync=committed",
            # Each edit stores the whole file as a new loose object: stored without
            # compression it costs 130-146 ms of a national registry's commit, against
            # 175-203 ms at zlib's fastest level (the default is slower still). The
            # server packs them, with deltas, every PACK_EVERY commits.
            "core.looseCompression=0",
            "i18n.commitEncoding=utf-8",
            "log.showSignature=false",
            f"safe.directory={root}",
        ]

    def run(
        self,
        *args: str,
        input: bytes | None = None,
        nice: bool = False,
        env: dict[str, str] | None = None,
        hooks: bool = False,
    ) -> bytes:
        """git's output; `hooks` for a command that may run a hook (see `_hooked`)."""
        command = ["nice", "-n", "10"] if nice else []
        command += ["git", "-C", str(self.root)]
        for setting in self.config:
            command += ["-c", setting]
        try:
            done = (_hooked if hooks else _piped)(
                [*command, *args], input, self.env if env is None else {**self.env, **env}
            )
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise GitError(f"git {args[0]} could not run: {exc}") from exc
        if done.returncode != 0:
            detail = done.stderr.decode("utf-8", "replace").strip()
            raise GitError(f"git {args[0]} failed ({done.returncode}): {detail}")
        return done.stdout

    def init(self) -> None:
        self.run("init", "-q")

    def head(self) -> str | None:
        """The current commit, or None in a repository with no commit yet.

        Read from the ref files where they say it plainly (`plumbing.head_of`): an edit
        asks three times, and each `git rev-parse` costs a process (4-7 ms)."""
        found = None if self._git_dir is None else plumbing.head_of(self._git_dir)
        if found is not None:
            return found
        try:
            return self.run("rev-parse", "--verify", "-q", "HEAD^{commit}").decode().strip()
        except GitError:
            return None

    def resolve(self, revision: str) -> str | None:
        """The full id of a commit given by (a prefix of) its id, or None."""
        if not is_revision(revision):
            return None
        try:
            out = self.run("rev-parse", "--verify", "-q", f"{revision}^{{commit}}")
        except GitError:
            return None
        return out.decode().strip()

    def show(self, revision: str, path: str) -> str | None:
        """A file as it was in a commit, or None if it did not exist there."""
        try:
            return self.run("show", f"{revision}:{path}").decode("utf-8")
        except GitError:
            return None

    def dirty(self, path: str) -> bool:
        """Whether the file differs from the last commit (in the work tree or the index)."""
        return bool(self.run("status", "--porcelain", "--untracked-files=all", "--", path).strip())

    def commit(self, path: str, *, author: str, message: str) -> str:
        """Record the file as it is now; return the new commit's id.

        Through git's plumbing, with the blob written in process (`pathways.store.plumbing`:
        a national registry's commit took 110 ms, most of it hashing the file three
        times). Where that does not apply, `git commit -- path`, which stages the file
        itself (a file git does not track yet, the first commit, is added first).
        """
        objects = self._plumbing_objects()
        if objects is not None and "/" not in path:
            head = self._plumbed(objects, path, author, message)
        else:
            head = self._porcelain(path, author, message)
        self._unpacked += 1
        if self._unpacked >= PACK_EVERY:  # each commit puts the packing off again
            if self._packing is not None:
                self._packing.cancel()
            self._packing = threading.Timer(QUIET_S, self._pack)
            self._packing.name, self._packing.daemon = "git-pack", True
            self._packing.start()
        return head

    def _pack(self) -> None:
        """Pack the loose objects, beside the edits and at a lower priority: git lets a
        commit run meanwhile, and takes no lock that `remove_stale_locks` would touch.
        Packs are combined when there are many (`gc --auto`'s own rule, gc.autoPackLimit)."""
        self._unpacked = 0
        try:
            # One thread: a national registry's 20 versions take 1.8 s of CPU to delta,
            # and a core stays free for the requests.
            self.run("-c", "pack.threads=1", "repack", "-d", "-q", nice=True)
            self.run("-c", "pack.threads=1", "gc", "--auto", "--quiet", nice=True)
        except GitError as exc:  # the next packing tries again; the history is intact
            log.warning("packing the registry's git objects failed: %s", exc)

    def _porcelain(self, path: str, author: str, message: str) -> str:
        try:
            self._commit(path, author, message)
        except GitError:
            self.run("add", "--", path)
            self._commit(path, author, message)
        head = self.head()
        if head is None:  # pragma: no cover - git said it committed
            raise GitError("git commit left no HEAD")
        return head

    def _plumbing_objects(self) -> Path | None:
        """The object folder to write blobs into, or None where `git commit` must do it
        (git older than `git hook run`, SHA-256 objects); asked of git once."""
        if not self._asked:
            self._asked = True
            version = plumbing.version_of(self.run("version").decode("utf-8", "replace"))
            if version >= plumbing.HOOK_RUN:
                found = self.run("rev-parse", "--absolute-git-dir", "--show-object-format")
                git_dir, _, object_format = found.decode("utf-8").strip().partition("\n")
                if object_format.strip() == "sha1":
                    self._git_dir = Path(git_dir)
                    self._objects = self._git_dir / "objects"
        return self._objects

    def _plumbed(self, objects: Path, path: str, author: str, message: str) -> str:
        """`git commit --only -- path`, step by step (`pathways.store.plumbing`)."""
        text = plumbing.cleaned(message)
        if not text:
            raise GitError("git commit: an empty message")
        parent = self.head()
        blob = plumbing.loose_blob(objects, self.root / path)
        if self._tree is not None and self._tree[0] == parent:
            listing = self._tree[1]  # the tree this process made: no need to list it
        else:
            listing = self.run("ls-tree", "-z", parent) if parent else b""
        changed = plumbing.tree_with(listing, path, blob)
        if changed is None:
            raise GitError(f"git commit: {path} is as committed; nothing to commit")
        entries, mode = changed
        tree = self.run("mktree", "-z", input=entries).decode().strip()
        name, email = plumbing.identity(author)
        parents = ["-p", parent] if parent else []
        made = self.run(
            "commit-tree",
            tree,
            *parents,
            "-F",
            "-",
            input=text.encode("utf-8"),
            env={"GIT_AUTHOR_NAME": name, "GIT_AUTHOR_EMAIL": email},
        )
        commit = made.decode().strip()
        initial = "" if parent else " (initial)"
        reason = f"commit{initial}: {plumbing.subject(text)}"
        # update-ref may run a reference-transaction hook, as `git commit` would.
        self.run("update-ref", "-m", reason, "HEAD", commit, parent or plumbing.ZERO, hooks=True)
        self.run("update-index", "--add", "--cacheinfo", f"{mode},{blob},{path}")
        self._tree = (commit, entries)
        if plumbing.has_no_hook(objects.parent, "post-commit"):
            return commit  # `--ignore-missing` without starting git to find that out
        try:  # as after `git commit`: the commit stands whatever the hook does
            self.run("hook", "run", "--ignore-missing", "post-commit", hooks=True)
        except GitError as exc:
            log.warning("the post-commit hook failed: %s", exc)
        return commit

    def _commit(self, path: str, author: str, message: str) -> None:
        self.run(
            "commit",
            "-q",
            "--no-verify",
            "--cleanup=whitespace",
            f"--author={author}",
            "-F",
            "-",
            "--",
            path,
            input=message.encode("utf-8"),
            hooks=True,  # post-commit (and reference-transaction) hooks run
        )

    def log(
        self,
        path: str | tuple[str, ...] | None,
        *,
        max_count: int | None = None,
        revision: str | None = None,
    ) -> list[Commit]:
        """Commits (that changed `path`, if given), newest first, from HEAD or `revision`."""
        args = ["log", "-z", "--format=%H%x1f%P%x1f%an%x1f%ae%x1f%aI%x1f%B"]
        if max_count is not None:
            args.append(f"--max-count={max_count}")
        if revision is not None:
            if not is_revision(revision):
                return []
            args.append(revision)
        paths = (path,) if isinstance(path, str) else (path or ())
        args += ["--", *paths]
        out = self.run(*args).decode("utf-8", "replace")
        commits = []
        for chunk in out.split("\0"):
            if not chunk.strip():
                continue
            sha, parents, author, email, time, message = chunk.strip("\n").split("\x1f", 5)
            commits.append(
                Commit(sha, tuple(parents.split()), author, email, time, message.rstrip())
            )
        return commits

    def remove_stale_locks(self) -> list[Path]:
        """Delete lock files a git process left when it was killed.

        Only safe while holding the instance lock: every git write goes through it, so no
        live git process of ours can own these.
        """
        git_dir = self.root / ".git"
        if not git_dir.is_dir():
            return []
        stale = list(git_dir.glob("*.lock"))  # index, HEAD, config, packed-refs, ...
        stale += list((git_dir / "refs").rglob("*.lock")) if (git_dir / "refs").exists() else []
        removed = []
        for lock in stale:
            if lock.exists():
                lock.unlink()
                removed.append(lock)
        return removed
