"""Commit or nothing: a process killed at any point of a write leaves old or new.

Each test runs a real child process that is killed (os._exit, no clean-up) at one
point of a write, through the test-only VARDKEDJAN_TEST_CRASH_AT variable, then opens
the instance again the way the next start would.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from argon2 import PasswordHasher

from pathways.store.accounts import Role, User
from pathways.store.atomic import CRASH_POINTS, FAULT_VARIABLE
from pathways.store.edits import FILE, UpdateProvider
from pathways.store.live import Instance

ROOT = Path(__file__).resolve().parents[3]
WRITE = """
import sys
from pathways.store.accounts import Role, User
from pathways.store.live import Instance
from pathways.store.edits import UpdateProvider

path, seed = sys.argv[1:]
instance = Instance.open(path, seed)
version = instance.provider("vc-norra")
record = {**version.record, "phone": "08-555 01 01"}
op = UpdateProvider("vc-norra", record, version.etag)
instance.apply(op, User("karin", Role.admin), "Nytt nummer enligt mottagningen")
"""
NEW_AT = {"renamed", "committed"}  # the new file is whole and renamed in: finish it


def killed_at(point: str, instance: Instance, seed: Path) -> int:
    done = subprocess.run(
        [sys.executable, "-c", WRITE, str(instance.path), str(seed)],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT), FAULT_VARIABLE: point},
        capture_output=True,
        timeout=120,
        check=False,
    )
    return done.returncode


@pytest.mark.parametrize("point", CRASH_POINTS)
def test_a_kill_at_any_point_leaves_old_or_new_with_its_author(
    point: str, mini_instance: Instance, mini_seed: Path, hasher: PasswordHasher
) -> None:
    old = mini_instance.registry_file.read_bytes()
    head = mini_instance.git.head()
    assert killed_at(point, mini_instance, mini_seed) == 3
    # Until it is committed, nobody serves it.
    if point != "committed":
        assert mini_instance.provider("vc-norra").record.get("phone") is None

    reopened = Instance.open(mini_instance.path, mini_seed, hasher=hasher)
    phone = reopened.provider("vc-norra").record.get("phone")
    entry = reopened.history(limit=1)[0]
    if point in NEW_AT:
        assert phone == "08-555 01 01"
        assert entry.parent == head
        assert entry.author == "karin"
        assert entry.subject == "Nytt nummer enligt mottagningen"
    else:
        assert phone is None
        assert reopened.registry_file.read_bytes() == old
        assert reopened.git.head() == head
    assert not reopened.git.dirty(FILE)
    assert not reopened.journal.pending()
    assert [p.name for p in reopened.registry_dir.glob(".providers.yaml.*")] == []


def test_stale_git_locks_are_removed_at_start(
    mini_instance: Instance, mini_seed: Path, hasher: PasswordHasher
) -> None:
    git_dir = mini_instance.registry_dir / ".git"
    for name in ("index.lock", "config.lock", "packed-refs.lock"):
        (git_dir / name).write_text("", encoding="utf-8")
    reopened = Instance.open(mini_instance.path, mini_seed, hasher=hasher)
    assert list(git_dir.glob("*.lock")) == []
    version = reopened.provider("vc-norra")
    record = {**version.record, "phone": "08-555 02 02"}
    op = UpdateProvider("vc-norra", record, version.etag)
    assert reopened.apply(op, User("karin", Role.admin)).commit is not None


def test_a_background_reload_never_serves_a_pending_write(
    mini_instance: Instance, mini_seed: Path, hasher: PasswordHasher
) -> None:
    assert mini_instance.current().providers["vc-norra"].phone is None
    # Killed after the rename, before the commit: the new file is in place, the journal's
    # pending-write marker says it is not committed.
    assert killed_at("renamed", mini_instance, mini_seed) == 3
    mini_instance.current()  # the file changed: asks for a background reload
    mini_instance.wait_reloaded()
    assert mini_instance.current().providers["vc-norra"].phone is None

    # The next start recovers (under the lock) before it watches; then the change is
    # committed, and the running instance's background reload serves it.
    reopened = Instance.open(mini_instance.path, mini_seed, hasher=hasher)
    reopened.watch(interval=0.01)
    assert not reopened.journal.pending()
    mini_instance.current()
    mini_instance.wait_reloaded()
    assert mini_instance.current().providers["vc-norra"].phone == "08-555 01 01"
