"""A serving process with no snapshot has a child build the registry, and reads it back.

Forking is decided by the process as a whole (how many threads it runs), so the cases run
in a fresh interpreter with one thread; each reports which processes built a registry
(`load_text` in `pathways.store.snapshot`, counted by process id) and what it got.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from pathways.errors import RegistryInvalid
from pathways.registry import Registry
from pathways.store import snapshot

ROOT = Path(__file__).resolve().parents[3]
BUNDLED = ROOT / "data" / "providers.yaml"
INVALID = b"version: 1\nareas:\n- {id: a, id: b}\n"

SCRIPT = """
import json, os, sys, threading
from pathlib import Path
from pathways.errors import RegistryInvalid
from pathways.store import snapshot

bundled, folder, case = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
builders = []
build = snapshot.load_text
def counted(*args, **kwargs):
    with open(folder / "builders", "a") as out:  # a child's list is not the parent's
        out.write(f"{os.getpid()}\\n")
    return build(*args, **kwargs)
snapshot.load_text = counted
if case != "small":
    snapshot.ASIDE_BYTES = 0
if case == "here":
    snapshot.build_here()
data = b"version: 1\\nareas:\\n- {id: a, id: b}\\n" if case == "invalid" else bundled.read_bytes()
cache = folder
if case == "unwritable":  # a folder that cannot be made: its parent is a plain file
    (folder / "plain").write_text("")
    cache = folder / "plain" / "cache"
stop = threading.Event()
if case == "thread":
    threading.Thread(target=stop.wait).start()
report = {"pid": os.getpid()}
try:
    registry = snapshot.load(data, str(bundled), cache, aside=True)
    report["providers"] = [p.id for p in registry.document.providers]
except RegistryInvalid as exc:
    report["problems"] = [str(p) for p in exc.problems]
    report["message"] = str(exc)
stop.set()
report["builders"] = [int(p) for p in (folder / "builders").read_text().split()]
report["snapshots"] = len(list(folder.glob("registry-*.pickle")))
print(json.dumps(report))
"""


def _run(case: str, folder: Path) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(BUNDLED), str(folder), case],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
        cwd=ROOT,
    )
    report: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return report


def test_a_child_builds_and_the_server_reads_the_snapshot(tmp_path: Path) -> None:
    report = _run("aside", tmp_path)
    assert report["builders"] != [] and report["pid"] not in report["builders"]
    assert report["snapshots"] == 1
    assert report["providers"] == [p.id for p in Registry.from_file(BUNDLED).document.providers]
    assert snapshot.load(BUNDLED.read_bytes(), str(BUNDLED), tmp_path).document == (
        Registry.from_file(BUNDLED).document
    )


@pytest.mark.parametrize("case", ["thread", "small", "here"])
def test_it_builds_in_process_with_threads_when_small_or_told_to(tmp_path: Path, case: str) -> None:
    report = _run(case, tmp_path)
    assert report["builders"] == [report["pid"]]
    assert report["snapshots"] == 1
    assert len(report["providers"]) == len(Registry.from_file(BUNDLED).document.providers)


def test_where_no_snapshot_can_be_written_it_builds_once_in_process(tmp_path: Path) -> None:
    report = _run("unwritable", tmp_path)  # a child's build would be lost, and done again
    assert report["builders"] == [report["pid"]]
    assert report["snapshots"] == 0
    assert len(report["providers"]) == len(Registry.from_file(BUNDLED).document.providers)


def test_a_refusal_in_the_child_is_raised_in_the_server(tmp_path: Path) -> None:
    report = _run("invalid", tmp_path)
    with pytest.raises(RegistryInvalid) as here:
        snapshot.load(INVALID, str(BUNDLED), tmp_path / "here")
    assert report["problems"] == [str(p) for p in here.value.problems]
    assert report["message"] == str(here.value)
    assert report["pid"] not in report["builders"]  # refused by the child, not built again
    assert report["snapshots"] == 0
