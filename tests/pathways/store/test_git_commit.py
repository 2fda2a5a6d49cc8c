"""A commit through git's plumbing, with the blob written in process, is the commit
`git commit --cleanup=whitespace -- path` would make (`pathways.store.plumbing`)."""

from __future__ import annotations

import contextlib
import os
import signal
import stat
import subprocess
from pathlib import Path

import pytest

from pathways.store import plumbing
from pathways.store.git import Git, GitError, author_ident

MESSAGES = [
    "Ändra mottagningen 'bup-x': telefon\n",
    "  \n\nFörsta raden   \n\n\n\nAndra stycket\t\n\n",
    "no newline at the end",
    "one\n\n\n\ntwo\n   \nthree  \n",
]


def repository(folder: Path) -> Git:
    folder.mkdir(exist_ok=True)
    repo = Git(folder)
    repo.init()
    return repo


def repo_run(repo: Git, *args: str) -> str:
    return repo.run(*args).decode("utf-8")


def test_the_plumbing_is_what_commits_here(tmp_path: Path) -> None:
    """This machine's git has `git hook run` and SHA-1 objects: the fast path is taken
    (else every other test here would test `git commit` only)."""
    repo = repository(tmp_path)
    assert repo._plumbing_objects() == (tmp_path / ".git" / "objects").resolve()


@pytest.mark.parametrize("message", MESSAGES)
def test_the_same_tree_message_and_author_as_git_commit(tmp_path: Path, message: str) -> None:
    ours, theirs = repository(tmp_path / "ours"), repository(tmp_path / "theirs")
    theirs._asked = True  # no object folder: `git commit` itself
    for n, repo in enumerate((ours, theirs)):
        (repo.root / "other.log").write_text("kept\n")
        repo.commit("other.log", author=author_ident("system"), message="first\n")
        (repo.root / "providers.yaml").write_text("version: 1\nareas: []  # å ä ö\n" * 500)
        (repo.root / "other.log").write_text(f"changed but not committed {n}\n")
        sha = repo.commit("providers.yaml", author=author_ident("anna"), message=message)
        assert sha == repo_run(repo, "rev-parse", "HEAD").strip()
    for part in ("%T", "%B", "%an <%ae>", "%P"):
        ours_part = repo_run(ours, "log", "-1", f"--format={part}")
        theirs_part = repo_run(theirs, "log", "-1", f"--format={part}")
        if part != "%P":  # the parents differ by their dates; there is one each
            assert ours_part == theirs_part
        else:
            assert len(ours_part.split()) == len(theirs_part.split()) == 1
    assert repo_run(ours, "show", "HEAD:other.log") == "kept\n"  # only the path is committed
    assert repo_run(ours, "status", "--porcelain", "--", "providers.yaml") == ""
    assert " M other.log" in repo_run(ours, "status", "--porcelain")  # left as it was
    repo_run(ours, "fsck", "--strict", "--no-progress")  # raises on a broken object


def test_the_first_commit_and_a_loose_blob_git_reads(tmp_path: Path) -> None:
    repo = repository(tmp_path)
    data = "version: 1\n# Malmö\n".encode() * 1000
    (tmp_path / "providers.yaml").write_bytes(data)
    repo.commit("providers.yaml", author=author_ident("anna"), message="Start\n")
    blob = repo_run(repo, "rev-parse", "HEAD:providers.yaml").strip()
    assert repo.run("cat-file", "blob", blob) == data
    loose = tmp_path / ".git" / "objects" / blob[:2] / blob[2:]
    assert not loose.stat().st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)
    assert repo_run(repo, "reflog", "-1", "--format=%gs") == "commit (initial): Start\n"
    assert not list(loose.parent.glob("tmp_obj_*"))


def test_nothing_to_commit_is_refused_as_git_refuses_it(tmp_path: Path) -> None:
    repo = repository(tmp_path)
    (tmp_path / "providers.yaml").write_text("version: 1\n")
    first = repo.commit("providers.yaml", author=author_ident("anna"), message="one\n")
    with pytest.raises(GitError, match="nothing to commit"):
        repo.commit("providers.yaml", author=author_ident("anna"), message="two\n")
    (tmp_path / "providers.yaml").write_text("version: 1\n# b\n")
    with pytest.raises(GitError, match="empty message"):
        repo.commit("providers.yaml", author=author_ident("anna"), message=" \n\n")
    assert repo.head() == first


def test_the_post_commit_hook_runs_and_cannot_undo_the_commit(tmp_path: Path) -> None:
    """The hook tells the replicas (README); a failing one leaves the commit made."""
    repo = repository(tmp_path)
    hook = tmp_path / ".git" / "hooks" / "post-commit"
    hook.parent.mkdir(exist_ok=True)
    hook.write_text('#!/bin/sh\ngit rev-parse HEAD >> "$(git rev-parse --git-dir)/told"\nexit 3\n')
    hook.chmod(0o755)
    shas = []
    for n in range(2):
        (tmp_path / "providers.yaml").write_text(f"version: 1\n# {n}\n")
        shas.append(repo.commit("providers.yaml", author=author_ident("anna"), message="e\n"))
    assert (tmp_path / ".git" / "told").read_text().split() == shas
    assert repo.head() == shas[-1]


@pytest.mark.parametrize("plumbed", [True, False], ids=["plumbing", "git commit"])
def test_work_a_hook_leaves_running_does_not_hold_the_commit(tmp_path: Path, plumbed: bool) -> None:
    """The README's hook notifies each replica with `curl ... &`: a replica that does not
    answer keeps curl, and with it the hook's output, open. The save is made and answered
    while that goes on (a pipe held it for as long as curl waited)."""
    repo = repository(tmp_path)
    repo._asked = not plumbed  # not asked: the plumbing; asked with no folder: git commit
    hook = tmp_path / ".git" / "hooks" / "post-commit"
    hook.parent.mkdir(exist_ok=True)
    hook.write_text(
        "#!/bin/sh\n"
        'dir="$(git rev-parse --absolute-git-dir)"\n'
        'echo "telling the replicas" >&2\n'
        '(sleep 30; touch "$dir/told") &\n'
        'echo $! > "$dir/notifier"\n'
    )
    hook.chmod(0o755)
    (tmp_path / "providers.yaml").write_text("version: 1\n")
    sha = repo.commit("providers.yaml", author=author_ident("anna"), message="e\n")
    notifier = int((tmp_path / ".git" / "notifier").read_text())
    try:
        assert repo.head() == sha
        assert not (tmp_path / ".git" / "told").exists()  # still running in the background
        os.kill(notifier, 0)  # alive: raises if it had ended
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.kill(notifier, signal.SIGTERM)


def test_a_commit_made_meanwhile_is_not_overwritten(tmp_path: Path) -> None:
    """The branch moves from the parent the commit was made on, or not at all."""
    repo = repository(tmp_path)
    (tmp_path / "providers.yaml").write_text("version: 1\n")
    repo.commit("providers.yaml", author=author_ident("anna"), message="one\n")
    real_head = repo.head

    def head_then_someone_commits() -> str | None:
        parent = real_head()
        (tmp_path / "x.txt").write_text("x\n")
        someone = ["git", "-C", str(tmp_path), "-c", "user.name=a", "-c", "user.email=a@b.c"]
        subprocess.run([*someone, "add", "x.txt"], check=True)
        subprocess.run([*someone, "commit", "-q", "-m", "meanwhile"], check=True)
        return parent

    repo.head = head_then_someone_commits  # type: ignore[method-assign]
    (tmp_path / "providers.yaml").write_text("version: 1\n# two\n")
    with pytest.raises(GitError, match="update-ref"):
        repo.commit("providers.yaml", author=author_ident("anna"), message="two\n")
    assert repo_run(repo, "log", "-1", "--format=%s") == "meanwhile\n"


def test_a_file_changed_while_it_is_stored_is_not_stored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The blob is hashed, then written and hashed again: bytes that changed in between
    would be stored under another file's id, so nothing is stored."""
    repo = repository(tmp_path)
    source = tmp_path / "providers.yaml"
    source.write_text("version: 1\n# before\n")
    hashed = plumbing._hashed

    def hashed_then_changed(header: bytes, path: Path) -> str:
        name = hashed(header, path)
        path.write_text("version: 1\n# after!\n")  # the same size, other bytes
        return name

    monkeypatch.setattr(plumbing, "_hashed", hashed_then_changed)
    with pytest.raises(OSError, match="changed while it was stored"):
        repo.commit("providers.yaml", author=author_ident("anna"), message="one\n")
    assert repo.head() is None
    assert not [p for p in (tmp_path / ".git" / "objects").rglob("*") if p.is_file()]


def someone_commits(folder: Path, name: str) -> None:
    (folder / name).write_text(f"{name}\n")
    someone = ["git", "-C", str(folder), "-c", "user.name=a", "-c", "user.email=a@b.c"]
    subprocess.run([*someone, "add", name], check=True)
    subprocess.run([*someone, "commit", "-q", "-m", f"add {name}"], check=True)


def test_head_is_what_git_says_whatever_the_refs_look_like(tmp_path: Path) -> None:
    """HEAD is read from the ref files where they say it plainly, else asked of git: a
    loose branch, one made by someone else, packed refs, a detached HEAD."""
    repo = repository(tmp_path)
    assert repo.head() is None
    (tmp_path / "providers.yaml").write_text("version: 1\n")
    repo.commit("providers.yaml", author=author_ident("anna"), message="one\n")

    def git_says() -> str:
        return repo_run(repo, "rev-parse", "HEAD").strip()

    assert repo.head() == git_says()
    someone_commits(tmp_path, "x.txt")
    assert repo.head() == git_says()
    repo.run("pack-refs", "--all")  # the branch's own file is gone
    assert not (tmp_path / ".git" / "refs" / "heads" / "main").exists()
    assert repo.head() == git_says()
    someone_commits(tmp_path, "y.txt")
    repo.run("checkout", "-q", "--detach", "HEAD~1")
    assert repo.head() == git_says()


def test_a_commit_made_elsewhere_stays_in_the_next_tree(tmp_path: Path) -> None:
    """The tree of the last commit made here is reused only while it is still HEAD."""
    repo = repository(tmp_path)
    for n in range(2):
        (tmp_path / "providers.yaml").write_text(f"version: 1\n# {n}\n")
        repo.commit("providers.yaml", author=author_ident("anna"), message=f"{n}\n")
        someone_commits(tmp_path, f"x{n}.txt")
    files = repo_run(repo, "ls-tree", "--name-only", "HEAD").split()
    assert files == ["providers.yaml", "x0.txt", "x1.txt"]
    assert repo_run(repo, "status", "--porcelain") == ""


@pytest.mark.parametrize("where", ["hooksPath", "include"])
def test_a_hook_kept_elsewhere_still_runs(tmp_path: Path, where: str) -> None:
    """A post-commit hook in `core.hooksPath`, even one set in an included file, runs:
    git is asked whenever the configuration could name hooks."""
    repo = repository(tmp_path)
    hooks = tmp_path / "my-hooks"
    hooks.mkdir()
    (hooks / "post-commit").write_text('#!/bin/sh\ntouch "$(git rev-parse --git-dir)/told"\n')
    (hooks / "post-commit").chmod(0o755)
    if where == "include":
        (tmp_path / "extra.config").write_text(f"[core]\n\thooksPath = {hooks}\n")
        repo.run("config", "include.path", str(tmp_path / "extra.config"))
    else:
        repo.run("config", "core.hooksPath", str(hooks))
    (tmp_path / "providers.yaml").write_text("version: 1\n")
    repo.commit("providers.yaml", author=author_ident("anna"), message="one\n")
    assert (tmp_path / ".git" / "told").exists()
