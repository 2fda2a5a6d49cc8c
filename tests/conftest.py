"""Shared fixtures: a small test registry, the bundled registry, and clients over each."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from app.factory import create_app
from pathways.registry import Registry

ROOT = Path(__file__).resolve().parent.parent
MINI = ROOT / "tests" / "fixtures" / "mini.yaml"
BUNDLED = ROOT / "data" / "providers.yaml"

# Read-only serving keeps a registry snapshot in a cache folder: never the user's own.
os.environ.setdefault("VARDKEDJAN_CACHE", tempfile.mkdtemp(prefix="vardkedjan-cache-"))


@pytest.fixture(scope="session")
def mini() -> Registry:
    return Registry.from_file(MINI)


@pytest.fixture(scope="session")
def bundled() -> Registry:
    return Registry.from_file(BUNDLED)


@pytest.fixture(scope="session")
def client(mini: Registry) -> Iterator[TestClient]:
    with TestClient(create_app(mini)) as test_client:
        yield test_client


@pytest.fixture(scope="session")
def bundled_client(bundled: Registry) -> Iterator[TestClient]:
    with TestClient(create_app(bundled)) as test_client:
        yield test_client


@pytest.fixture
def mini_text() -> str:
    return MINI.read_text(encoding="utf-8")
