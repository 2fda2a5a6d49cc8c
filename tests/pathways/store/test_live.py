"""The live registry: seeding, one writer at a time, crashes, recovery and reloading."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from argon2 import PasswordHasher

from pathways.errors import PreconditionFailed, RegistryInvalid, Unavailable
from pathways.store import atomic as durable
from pathways.store.accounts import User
from pathways.store.edits import FILE, UpdateProvider
from pathways.store.git import Git, GitError
from pathways.store.live import Instance
from pathways.store.versions import Saved

ROOT = Path(__file__).resolve().parents[3]

# A child process that changes vc-norra's phone, starting when the file `go` appears.
WRITER = """
import json, sys, time
from pathlib import Path
from pathways.store.accounts import Role, User
from pathways.errors import PreconditionFailed
from pathways.store.live import Instance
from pathways.store.edits import UpdateProvider

path, seed, record, etag, go = sys.argv[1:]
instance = Instance.open(path, seed)
record = json.loads(record)
while not Path(go).exists():
    time.sleep(0.001)
try:
    saved = instance.apply(
        UpdateProvider("vc-norra", record, etag), User("worker", Role.admin), record["phone"]
    )
    print("saved", saved.commit)
except PreconditionFailed:
    print("stale")
"""

# A child process that dies (no clean-up at all) at one point of a write.
CRASH = """
import os, sys
from pathways.store import atomic as durable
from pathways.store.accounts import Role, User
from pathways.store.git import Git
from pathways.store.live import Instance
from pathways.store.edits import UpdateProvider

path, seed, where = sys.argv[1:]
if where == "before-rename":
    os.environ["VARDKEDJAN_TEST_CRASH_AT"] = "written:providers.yaml"
else:
    Git.commit = lambda self, *args, **kwargs: os._exit(3)
instance = Instance.open(path, seed)
version = instance.provider("vc-norra")
record = {**version.record, "phone": "08-555 01 01"}
instance.apply(UpdateProvider("vc-norra", record, version.etag), User("crash", Role.admin))
"""


def child(code: str, *args: str | Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", code, *map(str, args)],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def commits(instance: Instance) -> list[str]:
    return [c.sha for c in instance.git.log(FILE)]


def phone_change(instance: Instance, phone: str) -> UpdateProvider:
    version = instance.provider("vc-norra")
    return UpdateProvider("vc-norra", {**version.record, "phone": phone}, version.etag)


# --- seeding ---------------------------------------------------------------------------


def test_first_start_seeds_a_git_repository_and_never_writes_the_seed(
    tmp_path: Path, mini_seed: Path, admin: User, hasher: PasswordHasher
) -> None:
    before = (mini_seed.read_bytes(), mini_seed.stat().st_mtime_ns)
    instance = Instance.open(tmp_path / "inst", mini_seed, hasher=hasher)
    assert instance.registry_file.read_bytes() == mini_seed.read_bytes()
    (seed_commit,) = instance.git.log(FILE)
    assert seed_commit.author == "Vårdkedjan" and seed_commit.parents == ()
    assert not (instance.registry_dir / "accounts.json").exists()  # hashes stay out of git

    instance.apply(phone_change(instance, "08-123 45 67"), admin)
    again = Instance.open(tmp_path / "inst", mini_seed, hasher=hasher)  # no re-seeding
    assert again.provider("vc-norra").record["phone"] == "08-123 45 67"
    assert len(commits(again)) == 2
    assert (mini_seed.read_bytes(), mini_seed.stat().st_mtime_ns) == before


def test_git_needs_no_configuration(
    tmp_path: Path,
    mini_seed: Path,
    admin: User,
    hasher: PasswordHasher,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """CI and servers have no ~/.gitconfig; a hostile one must not matter either."""
    home = tmp_path / "home"
    home.mkdir()
    (home / ".gitconfig").write_text("[commit]\n\tgpgsign = true\n[user]\n\tname = Wrong\n")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("GIT_DIR", str(tmp_path / "elsewhere"))
    instance = Instance.open(tmp_path / "inst", mini_seed, hasher=hasher)
    instance.apply(phone_change(instance, "08-123 45 67"), admin)
    (entry, _) = instance.history()
    assert entry.author == "anna" and entry.email == "anna@users.vardkedjan.invalid"


def test_a_broken_seed_is_refused(tmp_path: Path) -> None:
    seed = tmp_path / "broken.yaml"
    seed.write_text("version: 1\nareas: [\n", encoding="utf-8")
    with pytest.raises(RegistryInvalid):
        Instance.open(tmp_path / "inst", seed)


# --- one writer at a time --------------------------------------------------------------


def test_two_threads_with_the_same_etag_exactly_one_wins(
    mini_instance: Instance, admin: User
) -> None:
    first = phone_change(mini_instance, "08-111 11 11")
    second = UpdateProvider("vc-norra", {**first.record, "phone": "08-222 22 22"}, first.if_match)
    start = threading.Barrier(2)
    outcome: dict[str, Saved | PreconditionFailed] = {}

    def write(op: UpdateProvider) -> None:
        start.wait()
        try:
            outcome[op.record["phone"]] = mini_instance.apply(op, admin, op.record["phone"])
        except PreconditionFailed as exc:
            outcome[op.record["phone"]] = exc

    threads = [threading.Thread(target=write, args=(op,)) for op in (first, second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    won = [phone for phone, result in outcome.items() if isinstance(result, Saved)]
    lost = [result for result in outcome.values() if isinstance(result, PreconditionFailed)]
    assert len(won) == 1 and len(lost) == 1
    (winner,) = won
    loser = "08-222 22 22" if winner == "08-111 11 11" else "08-111 11 11"
    assert mini_instance.provider("vc-norra").record["phone"] == winner
    assert loser not in mini_instance.registry_file.read_text(encoding="utf-8")
    assert lost[0].current == mini_instance.provider("vc-norra").etag
    history = mini_instance.history("vc-norra")
    assert [e.subject for e in history] == [winner, "Start the registry from mini.yaml"]


def test_two_processes_with_the_same_etag_exactly_one_wins(
    mini_instance: Instance, tmp_path: Path, mini_seed: Path
) -> None:
    version = mini_instance.provider("vc-norra")
    go = tmp_path / "go"
    writers = [
        child(
            WRITER,
            mini_instance.path,
            mini_seed,
            json.dumps({**version.record, "phone": phone}),
            version.etag,
            go,
        )
        for phone in ("08-111 11 11", "08-222 22 22")
    ]
    go.touch()
    outputs = [w.communicate(timeout=120) for w in writers]
    assert all(w.returncode == 0 for w in writers), outputs
    said = sorted(out.split()[0] for out, _ in outputs)
    assert said == ["saved", "stale"]

    winner = "08-111 11 11" if outputs[0][0].startswith("saved") else "08-222 22 22"
    # This process sees the winner's change on its next read: no restart, no signal.
    assert mini_instance.provider("vc-norra").record["phone"] == winner
    assert mini_instance.registry().providers["vc-norra"].phone == winner
    history = mini_instance.history("vc-norra")
    assert [(e.author, e.subject) for e in history[:1]] == [("worker", winner)]
    assert len(history) == 2


# --- crashes ---------------------------------------------------------------------------


def test_an_exception_between_write_and_rename_leaves_the_old_file(
    mini_instance: Instance, admin: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = mini_instance.registry_file.read_bytes()
    head = mini_instance.git.head()

    def crash(temporary: Path, target: Path) -> None:
        if target == mini_instance.registry_file:
            assert temporary.read_bytes() != before  # the new version is complete on disk
            raise OSError("simulated crash")

    monkeypatch.setattr(durable, "before_replace", crash)
    with pytest.raises(Unavailable, match="simulated"):
        mini_instance.apply(phone_change(mini_instance, "08-123 45 67"), admin)
    assert mini_instance.registry_file.read_bytes() == before
    assert mini_instance.git.head() == head
    assert list(mini_instance.registry_dir.glob(".*.tmp")) == []
    assert mini_instance.provider("vc-norra").record.get("phone") is None


def test_a_process_killed_between_write_and_rename_leaves_the_old_file(
    mini_instance: Instance, mini_seed: Path, admin: User, hasher: PasswordHasher
) -> None:
    before = mini_instance.registry_file.read_bytes()
    head = mini_instance.git.head()
    crashed = child(CRASH, mini_instance.path, mini_seed, "before-rename")
    crashed.communicate(timeout=120)
    assert crashed.returncode == 3
    assert mini_instance.registry_file.read_bytes() == before
    assert len(list(mini_instance.registry_dir.glob(".providers.yaml.*.tmp"))) == 1

    reopened = Instance.open(mini_instance.path, mini_seed, hasher=hasher)
    assert list(reopened.registry_dir.glob(".*.tmp")) == []  # the leftover is removed
    assert reopened.git.head() == head
    assert reopened.registry_file.read_bytes() == before
    saved = reopened.apply(phone_change(reopened, "08-765 43 21"), admin)
    assert saved.commit is not None


def test_a_process_killed_after_rename_before_commit_is_finished_as_its_author(
    mini_instance: Instance, mini_seed: Path, hasher: PasswordHasher
) -> None:
    head = mini_instance.git.head()
    crashed = child(CRASH, mini_instance.path, mini_seed, "before-commit")
    crashed.communicate(timeout=120)
    assert crashed.returncode == 3
    assert mini_instance.git.head() == head  # written, not recorded
    # Readers do not see a change git does not hold yet.
    assert mini_instance.provider("vc-norra").record.get("phone") is None

    reopened = Instance.open(mini_instance.path, mini_seed, hasher=hasher)
    entry = reopened.history(limit=1)[0]
    assert entry.parent == head
    assert entry.author == "crash"
    assert entry.providers == ("vc-norra",)
    assert not reopened.git.dirty(FILE)
    change = reopened.change(entry.commit)
    (field,) = change.diff.records[0].fields
    assert (field.field, field.before, field.after) == ("phone", None, "08-555 01 01")


def test_a_failed_commit_restores_the_file_and_publishes_nothing(
    mini_instance: Instance, admin: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = mini_instance.registry_file.read_bytes()
    head = mini_instance.git.head()

    def fail(self: Git, *args: object, **kwargs: object) -> str:
        raise GitError("git commit failed (128): fatal: No space left on device")

    with monkeypatch.context() as patch:
        patch.setattr(Git, "commit", fail)
        with pytest.raises(Unavailable) as refused:
            mini_instance.apply(phone_change(mini_instance, "08-555 01 01"), admin)
    assert refused.value.cause == "the disk is full"
    assert mini_instance.registry_file.read_bytes() == before
    assert mini_instance.provider("vc-norra").record.get("phone") is None
    assert not mini_instance.journal.pending()
    other = mini_instance.provider("um-testkommun")
    record = {**other.record, "hours": "Tisdagar 13-17"}
    mini_instance.apply(UpdateProvider("um-testkommun", record, other.etag), admin, "Tider")
    entries = mini_instance.history()
    assert [e.subject for e in entries][:1] == ["Tider"]
    assert entries[0].parent == head  # the failed change was never committed by anyone


def test_a_hand_edited_broken_file_is_put_aside_and_the_last_version_restored(
    mini_instance: Instance, admin: User
) -> None:
    good = mini_instance.registry_file.read_bytes()
    broken = good.replace(b"areas: [sodra]", b"areas: [atlantis]")
    mini_instance.registry_file.write_bytes(broken)
    # Readers keep serving the last good registry...
    assert mini_instance.registry().providers["elevhalsa-sodra"].areas == ("sodra",)
    # ...and the next writer puts the broken file aside before its own change.
    mini_instance.apply(phone_change(mini_instance, "08-123 45 67"), admin)
    (aside,) = (mini_instance.path / "rejected").iterdir()
    assert aside.read_bytes() == broken
    assert b"areas: [sodra]" in mini_instance.registry_file.read_bytes()


# --- reloading -------------------------------------------------------------------------


def test_an_edit_through_one_instance_is_seen_by_another(
    mini_instance: Instance, mini_seed: Path, admin: User, hasher: PasswordHasher
) -> None:
    other = Instance.open(mini_instance.path, mini_seed, hasher=hasher)
    served = other.registry()
    assert other.registry() is served  # unchanged file: no reload
    assert served.providers["vc-norra"].phone is None

    mini_instance.apply(phone_change(mini_instance, "08-123 45 67"), admin)
    assert other.registry() is not served
    assert other.registry().providers["vc-norra"].phone == "08-123 45 67"
    assert other.provider("vc-norra").etag == mini_instance.provider("vc-norra").etag


def test_a_request_never_waits_for_a_reload(
    mini_instance: Instance, mini_seed: Path, admin: User, hasher: PasswordHasher
) -> None:
    other = Instance.open(mini_instance.path, mini_seed, hasher=hasher)
    served = other.current()
    assert other.current() is served  # unchanged file: nothing to do

    mini_instance.apply(phone_change(mini_instance, "08-123 45 67"), admin)
    first = other.current()  # asks for the reload; answers from what it has meanwhile
    assert first.providers["vc-norra"].phone in (None, "08-123 45 67")
    other.wait_reloaded()
    assert other.current().providers["vc-norra"].phone == "08-123 45 67"


def test_a_watched_instance_reloads_without_being_asked(
    mini_instance: Instance, mini_seed: Path, admin: User, hasher: PasswordHasher
) -> None:
    other = Instance.open(mini_instance.path, mini_seed, hasher=hasher)
    other.watch(interval=0.01)
    mini_instance.apply(phone_change(mini_instance, "08-123 45 67"), admin)
    for _ in range(500):  # polled, not timed: the watcher runs within a few intervals
        other.wait_reloaded()
        if other._snapshot is not None and not other._changed(other._snapshot):
            break
        threading.Event().wait(0.01)
    assert other.current().providers["vc-norra"].phone == "08-123 45 67"
