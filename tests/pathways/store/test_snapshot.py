"""Serving start-up from a snapshot gives the registry a fresh build gives."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from pathways.errors import RegistryInvalid
from pathways.registry import Registry
from pathways.store import snapshot

ROOT = Path(__file__).resolve().parents[3]
BUNDLED = ROOT / "data" / "providers.yaml"


def _same(a: Registry, b: Registry) -> None:
    assert a.document == b.document
    assert sorted(a.graph.edges(keys=True)) == sorted(b.graph.edges(keys=True))
    assert a.serving("stockholm") == b.serving("stockholm") or not a.areas.get("stockholm")


def test_second_start_reads_the_snapshot(tmp_path: Path) -> None:
    data = BUNDLED.read_bytes()
    first = snapshot.load(data, str(BUNDLED), tmp_path)
    files = list(tmp_path.glob("registry-*.pickle"))
    assert len(files) == 1
    second = snapshot.load(data, str(BUNDLED), tmp_path)
    assert second is not first
    _same(second, Registry.from_file(BUNDLED))


def test_a_changed_file_is_built_afresh_and_replaces_the_old_snapshot(tmp_path: Path) -> None:
    data = BUNDLED.read_bytes()
    snapshot.load(data, str(BUNDLED), tmp_path)
    changed = data.replace(b"version: 1", b"version: 1\n# a comment", 1)
    snapshot.load(changed, "x.yaml", tmp_path)
    assert [p.name for p in tmp_path.glob("registry-*.pickle")] == [
        f"registry-{snapshot.key_for(changed)}.pickle"
    ]


def test_a_broken_snapshot_is_ignored(tmp_path: Path) -> None:
    data = BUNDLED.read_bytes()
    (tmp_path / f"registry-{snapshot.key_for(data)}.pickle").write_bytes(b"not a pickle")
    _same(snapshot.load(data, str(BUNDLED), tmp_path), Registry.from_file(BUNDLED))


def test_an_invalid_registry_is_refused_with_its_line(tmp_path: Path) -> None:
    with pytest.raises(RegistryInvalid) as caught:
        snapshot.load(b"version: 1\nareas:\n- {id: a, id: b}\n", "bad.yaml", tmp_path)
    assert caught.value.problems[0].line == 3
    assert not list(tmp_path.glob("registry-*.pickle"))


@pytest.mark.parametrize("from_snapshot", [False, True])
def test_a_registry_served_for_good_leaves_the_collector_at_once(
    tmp_path: Path, from_snapshot: bool
) -> None:
    """Read-only serving freezes the registry as it loads, built or unpickled, so that
    the collector never scans it; an instance's registry, replaced by edits, stays in
    the collector's sight (frozen, an old one would never be freed)."""
    data = BUNDLED.read_bytes()
    kept = snapshot.load(data, str(BUNDLED), tmp_path / "kept")
    assert any(o is kept for o in gc.get_objects())
    folder = tmp_path / ("kept" if from_snapshot else "new")
    try:
        frozen = snapshot.load(data, str(BUNDLED), folder, freeze=True)
        assert gc.isenabled()
        assert not any(o is frozen for o in gc.get_objects())
    finally:
        gc.unfreeze()
    assert any(o is frozen for o in gc.get_objects())  # back in sight once unfrozen
    _same(frozen, Registry.from_file(BUNDLED))
