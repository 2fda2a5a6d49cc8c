"""The registry's git repository packs its loose objects after `PACK_EVERY` commits, once quiet.

Each edit stores the whole registry file as a loose object (about 1 MB at national
scale); left to git's own `gc --auto`, some 6,700 of them would pile up first.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pathways.store import git as git_module
from pathways.store.git import Git, author_ident


def objects(repo: Git) -> dict[str, int]:
    out = repo.run("count-objects", "-v").decode()
    pairs = (line.split(": ", 1) for line in out.splitlines())
    return {key: int(value) for key, value in pairs if value.isdigit()}


def commit_versions(repo: Git, versions: range) -> None:
    for n in versions:
        (repo.root / "providers.yaml").write_text(f"version: 1\n# {n}\n" * 200)
        repo.commit("providers.yaml", author=author_ident("admin"), message=f"edit {n}")


def repository(folder: Path, monkeypatch: pytest.MonkeyPatch, every: int, quiet: float) -> Git:
    """A new repository that packs after `every` commits and `quiet` seconds."""
    monkeypatch.setattr(git_module, "PACK_EVERY", every)
    monkeypatch.setattr(git_module, "QUIET_S", quiet)
    repo = Git(folder)
    repo.init()
    return repo


def test_every_few_commits_the_loose_objects_are_packed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = repository(tmp_path, monkeypatch, every=4, quiet=0.0)
    commit_versions(repo, range(3))
    assert objects(repo)["packs"] == 0 and objects(repo)["count"] == 9  # blob, tree, commit
    commit_versions(repo, range(3, 4))
    assert repo._packing is not None
    repo._packing.join(timeout=60)
    found = objects(repo)
    assert found["packs"] >= 1 and found["in-pack"] == 12
    assert found["count"] == 0  # the packed loose objects were removed
    assert len(repo.log("providers.yaml")) == 4  # and the history reads as before
    assert repo.show("HEAD~3", "providers.yaml") == "version: 1\n# 0\n" * 200


def test_packing_waits_for_a_moment_without_commits(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A burst of edits is never packed under its feet: each commit puts it off again."""
    repo = repository(tmp_path, monkeypatch, every=2, quiet=60.0)
    commit_versions(repo, range(2))
    first = repo._packing
    commit_versions(repo, range(2, 3))
    assert first is not None and repo._packing is not first
    first.join(timeout=5)  # cancelled: it ends without packing
    assert objects(repo)["packs"] == 0
    assert repo._packing is not None
    repo._packing.cancel()
