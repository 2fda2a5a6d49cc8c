"""After its own commit a writer knows the file is as committed, without `git status`.

Right after a commit git's index is racily clean and a status hashes the whole file
again; the mark the commit leaves (`recovery.commit`) says the same thing for a stat.
It must never hide a change made by hand, or by another writer's commit.
"""

from __future__ import annotations

from typing import Any

import pytest

from pathways.store.accounts import User
from pathways.store.git import Git
from pathways.store.live import Instance
from tests.pathways.store.test_live import phone_change


def no_status(*_: Any, **__: Any) -> bool:
    raise AssertionError("git status was asked")


def test_the_next_write_after_a_commit_asks_git_nothing(
    mini_instance: Instance, admin: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    mini_instance.apply(phone_change(mini_instance, "08-111 11 11"), admin)
    with monkeypatch.context() as patched:
        patched.setattr(Git, "dirty", no_status)
        mini_instance.apply(phone_change(mini_instance, "08-222 22 22"), admin)
    assert mini_instance.registry().providers["vc-norra"].phone == "08-222 22 22"


def test_a_hand_edit_of_the_same_size_is_still_found(mini_instance: Instance, admin: User) -> None:
    mini_instance.apply(phone_change(mini_instance, "08-111 11 11"), admin)
    text = mini_instance.registry_file.read_text(encoding="utf-8")
    edited = text.replace("08-111 11 11", "08-999 99 99")
    assert len(edited) == len(text)
    mini_instance.registry_file.write_text(edited, encoding="utf-8")
    mini_instance.apply(phone_change(mini_instance, "08-333 33 33"), admin)
    subjects = [e.subject for e in mini_instance.history()]
    assert any("Registrera en ändring" in s for s in subjects[:2])  # recorded, as before


def test_another_commit_makes_the_mark_stale(
    mini_instance: Instance, admin: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    mini_instance.apply(phone_change(mini_instance, "08-111 11 11"), admin)
    mini_instance.git.run("commit", "-q", "--allow-empty", "-m", "by hand")
    asked: list[bool] = []
    real = Git.dirty

    def counted(self: Git, path: str) -> bool:
        asked.append(True)
        return real(self, path)

    monkeypatch.setattr(Git, "dirty", counted)
    mini_instance.apply(phone_change(mini_instance, "08-222 22 22"), admin)
    assert asked  # HEAD is not the commit marked: git was asked
