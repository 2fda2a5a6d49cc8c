"""A replica follows a primary's git repository and serves only commits that validate."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from pathways.store import git
from pathways.store.accounts import User
from pathways.store.follower import Follower, FollowError
from pathways.store.live import Instance
from tests.pathways.store.test_live import phone_change


def _commit_by_hand(instance: Instance, text: str) -> None:
    instance.registry_file.write_text(text, encoding="utf-8")
    git = ["git", "-C", str(instance.registry_dir)]
    subprocess.run([*git, "add", "providers.yaml"], check=True)
    subprocess.run(
        [*git, "-c", "user.name=Hand", "-c", "user.email=hand@example.org", "commit", "-qm", "x"],
        check=True,
    )


def test_a_commit_on_the_primary_is_served_after_notify(
    mini_instance: Instance, admin: User, tmp_path: Path
) -> None:
    follower = Follower.open(str(mini_instance.registry_dir), tmp_path / "replica")
    assert follower.current().providers["vc-norra"].phone is None
    first = follower.commit

    mini_instance.apply(phone_change(mini_instance, "08-123 45 67"), admin)
    follower.notify()
    follower.wait()
    assert follower.current().providers["vc-norra"].phone == "08-123 45 67"
    assert follower.commit != first
    assert follower.health() == {
        "following": str(mini_instance.registry_dir),
        "commit": follower.commit,
    }


def test_a_commit_that_does_not_validate_is_refused_and_the_last_good_one_served(
    mini_instance: Instance, admin: User, tmp_path: Path
) -> None:
    follower = Follower.open(str(mini_instance.registry_dir), tmp_path / "replica")
    good = follower.commit
    text = mini_instance.registry_file.read_text(encoding="utf-8")
    _commit_by_hand(mini_instance, text.replace("version: 1", "version: 2", 1))
    follower.sync()
    assert follower.commit == good
    assert follower.current().providers["vc-norra"].phone is None
    refused = follower.health()["refused"]
    assert "version must be 1" in refused["reason"]

    _commit_by_hand(mini_instance, text)  # fixed by the next commit
    follower.sync()
    assert follower.commit != good and "refused" not in follower.health()


def test_a_replica_of_nothing_does_not_start(tmp_path: Path) -> None:
    with pytest.raises(FollowError):
        Follower.open(str(tmp_path / "no-such-repository"), tmp_path / "replica")


def test_the_mirror_keeps_only_the_commit_it_serves(
    mini_instance: Instance, admin: User, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every few new commits the versions no longer served are dropped from the mirror."""
    monkeypatch.setattr(git, "PACK_EVERY", 3)
    follower = Follower.open(str(mini_instance.registry_dir), tmp_path / "replica")
    phones = ["08-111 11 11", "08-222 22 22"]  # with the first commit, three served
    for phone in phones:
        mini_instance.apply(phone_change(mini_instance, phone), admin)
        follower.sync()
    counted = subprocess.run(
        ["git", "--git-dir", str(follower.mirror), "count-objects", "-v"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    found = dict(line.split(": ", 1) for line in counted.splitlines())
    assert found["count"] == "0"  # no loose objects left
    assert found["in-pack"] == "3"  # the served commit, its tree and its file: no other
    assert follower.current().providers["vc-norra"].phone == phones[-1]
