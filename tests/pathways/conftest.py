"""Fixtures for the live registry: instance folders seeded from copies of the test files."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from argon2 import PasswordHasher

from pathways.store.accounts import Role, User
from pathways.store.live import Instance
from tests.conftest import BUNDLED, MINI

# Cheap argon2 parameters: the tests check what is stored, not how hard it is to crack.
FAST_HASHER = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)


def seed_copy(tmp_path: Path, source: Path) -> Path:
    """A read-only copy of a seed, so that tests can check it is never written (by its
    bytes and mtime: as root, read-only would not stop a write) and so that work on the
    real files meanwhile does not disturb them."""
    seed = tmp_path / "seed" / source.name
    seed.parent.mkdir(exist_ok=True)
    shutil.copyfile(source, seed)
    seed.chmod(0o444)
    return seed


@pytest.fixture
def mini_seed(tmp_path: Path) -> Path:
    return seed_copy(tmp_path, MINI)


@pytest.fixture
def bundled_seed(tmp_path: Path) -> Path:
    return seed_copy(tmp_path, BUNDLED)


@pytest.fixture
def mini_instance(tmp_path: Path, mini_seed: Path) -> Instance:
    return Instance.open(tmp_path / "instance", mini_seed, hasher=FAST_HASHER)


@pytest.fixture
def bundled_instance(tmp_path: Path, bundled_seed: Path) -> Instance:
    return Instance.open(tmp_path / "instance", bundled_seed, hasher=FAST_HASHER)


@pytest.fixture
def hasher() -> PasswordHasher:
    return FAST_HASHER


@pytest.fixture
def admin() -> User:
    return User("anna", Role.admin)
