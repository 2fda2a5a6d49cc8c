"""A commit of one file through git's plumbing, with the file's blob written in process.

`git commit -- providers.yaml` hashes a national registry (6.3 MB) three times with git's
collision-detecting SHA-1, about 40 ms each on a slow VM: once to store it and twice to
refresh the index it builds for the commit. Python's SHA-1 (OpenSSL) hashes it in 7 ms.
So the blob is written here, as git writes a loose object (`blob <size>\\0` + the bytes,
zlib-wrapped at the repository's `core.looseCompression`, here 0, fsynced, read-only,
renamed into place), and git's plumbing makes the rest: the tree (`ls-tree`, `mktree`),
the commit (`commit-tree`), the branch (`update-ref`, from the parent it was made on),
the index entry (`update-index`) and the post-commit hook (`git hook run`), as
`git commit --only` would. `pathways.store.git.Git.commit` uses this where it applies
(git 2.36 or newer, SHA-1 objects, a file at the top of the work tree) and otherwise
`git commit` itself.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
import zlib
from collections.abc import Iterator
from contextlib import suppress
from pathlib import Path

ZERO = "0" * 40
HOOK_RUN = (2, 36)  # the first git with `git hook run`


CHUNK = 256 * 1024  # read, hashed and compressed a piece at a time (see `loose_blob`)


def _chunks(source: Path) -> Iterator[bytes]:
    with source.open("rb") as file:
        while chunk := file.read(CHUNK):
            yield chunk


def _hashed(header: bytes, source: Path) -> str:
    digest = hashlib.sha1(header, usedforsecurity=False)
    for chunk in _chunks(source):
        digest.update(chunk)
    return digest.hexdigest()


def loose_blob(objects: Path, source: Path, level: int = 0) -> str:
    """Store the file `source` as a loose blob in the object folder `objects`; its id.

    A piece at a time: a serving worker never holds the file's bytes, or their
    compressed copy, whole (two more national registries' worth per edit otherwise).
    Hashed before it is written (to know its folder) and again while written, so a
    file changed meanwhile is refused rather than stored under the wrong id."""
    header = b"blob %d\0" % source.stat().st_size
    name = _hashed(header, source)
    folder = objects / name[:2]
    final = folder / name[2:]
    if final.exists():
        os.utime(final)  # freshened, as git does: a prune's grace period starts again
        return name
    folder.mkdir(exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix="tmp_obj_", dir=folder)
    try:
        digest = hashlib.sha1(header, usedforsecurity=False)
        with os.fdopen(handle, "wb") as out:
            packer = zlib.compressobj(level)
            out.write(packer.compress(header))
            for chunk in _chunks(source):
                digest.update(chunk)
                out.write(packer.compress(chunk))
            out.write(packer.flush())
            out.flush()
            os.fsync(out.fileno())  # core.fsync=committed: objects reach the disk
        if digest.hexdigest() != name:
            raise OSError(f"{source} changed while it was stored")
        os.chmod(temporary, 0o444)
        os.replace(temporary, final)
    except BaseException:
        with suppress(OSError):
            os.unlink(temporary)
        raise
    return name


def tree_with(listing: bytes, path: str, blob: str) -> tuple[bytes, str] | None:
    """`ls-tree -z` output with `path` set to `blob`, as `mktree -z` input, and the file's
    mode (kept; a new file's is 100644). None when the tree already holds that blob
    there: nothing to commit, which `git commit` refuses too."""
    name = path.encode("utf-8")
    mode = b"100644"
    kept = []
    for entry in listing.split(b"\0"):
        info, _, entry_name = entry.partition(b"\t")
        if entry_name != name:
            kept.append(entry + b"\0" if entry else b"")
            continue
        mode, _, found = info.split(b" ")
        if found.decode() == blob:
            return None
    kept.append(mode + b" blob " + blob.encode() + b"\t" + name + b"\0")
    return b"".join(kept), mode.decode()


_TRAILING_SPACE = re.compile(r"[ \t\r\f\v]+$", re.MULTILINE)


def cleaned(message: str) -> str:
    """The message as `git commit --cleanup=whitespace` records it (`git stripspace`):
    trailing whitespace and blank lines at either end removed, blank runs made one."""
    lines = _TRAILING_SPACE.sub("", message).split("\n")
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    while out and not out[-1]:
        out.pop()
    return "\n".join(out) + "\n" if out else ""


def subject(message: str) -> str:
    """The first paragraph on one line, as git writes it into the reflog."""
    return " ".join(message.split("\n\n", 1)[0].split())


def version_of(text: str) -> tuple[int, ...]:
    """(2, 39, 5) from `git version 2.39.5` (or `2.39.5.windows.1`); () if unreadable."""
    found = re.search(r"(\d+)\.(\d+)", text)
    return (int(found[1]), int(found[2])) if found else ()


def identity(ident: str) -> tuple[str, str]:
    """("name", "email") from `name <email>`."""
    name, _, rest = ident.partition(" <")
    return name, rest.rstrip(">")


_SHA1 = re.compile(r"[0-9a-f]{40}")


def head_of(git_dir: Path) -> str | None:
    """HEAD's commit read from the ref files as git reads them, or None where only git
    can say: a branch not (or no longer) in a file of its own (packed refs, reftable, a
    branch with no commit yet, a worktree's shared refs), or anything unusual.

    HEAD names its branch (`ref: refs/heads/main`) or holds a commit id (detached); git
    writes a branch by renaming a new file into place, so the file read is whole."""
    try:
        head = (git_dir / "HEAD").read_text(encoding="ascii").strip()
        if head.startswith("ref: refs/heads/"):
            name = head[len("ref: ") :]
            if ".." in name or name.endswith("/"):
                return None
            head = (git_dir / name).read_text(encoding="ascii").strip()
    except (OSError, UnicodeError):
        return None
    return head if _SHA1.fullmatch(head) else None


def has_no_hook(git_dir: Path, name: str) -> bool:
    """Whether git surely runs no `name` hook: none in the hooks folder, and nothing in
    the repository's configuration that could name another (`core.hooksPath`, hook
    sections of newer git, an include). Where unsure, False: git is asked."""
    try:
        config = (git_dir / "config").read_text(encoding="utf-8").lower()
    except (OSError, UnicodeError):
        return False
    if "hook" in config or "include" in config:
        return False
    return not os.path.lexists(git_dir / "hooks" / name)
