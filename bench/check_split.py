"""Where `vardkedjan check` spends its time on the national registry (issue 14).

    .venv/bin/python bench/check_split.py [bench/out/national.yaml]

A fresh interpreter does what `check` does, one step at a time, with the collector off
and forking allowed as in `check`: imports, reading and parsing the YAML (yaml-rs when
it reads the text as PyYAML would), validation, the registry's indices with its edges
counted (as in `check`, no graph: the audit's forked child builds it for ping-pong), the
audit. Each step is timed by the wall clock and by the process's CPU time (which a busy
machine disturbs less); the median of three runs is reported, step by step. The audit
runs some rules in a forked child (`pathways.queries.audit.BESIDE`): its CPU is the
last row, and its wall time is inside the audit's.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUNS = 3
STEPS = ("imports", "read and parse", "validate", "registry, edges counted", "audit", "total")
CHILD = "audit beside (child)"

_CHILD = """
import json, os, time, sys
wall, cpu = time.perf_counter, time.process_time
marks = [(wall(), cpu())]
def mark():
    marks.append((wall(), cpu()))
import gc
gc.disable()
from pathlib import Path
from pathways import limits, loader, parallel
from pathways.queries.audit import audit
from pathways.registry import Registry
from pathways.validation import validate
mark()
path = Path(sys.argv[1])
limits.check_file(path)
raw = loader.parse_yaml(path.read_text(encoding="utf-8"), str(path))
mark()
document = validate(raw)
mark()
registry = Registry(document, wired=False)  # as check builds it: no graph
mark()
before = os.times()
with parallel.allowed():
    findings = audit(registry)
mark()
after = os.times()
steps = [(b[0] - a[0], b[1] - a[1]) for a, b in zip(marks, marks[1:])]
steps.append((marks[-1][0] - marks[0][0], marks[-1][1] - marks[0][1]))
child = sum(after[2:4]) - sum(before[2:4])  # the forked child's user and system time
steps.append((0.0, child))
print(json.dumps(steps))
import os
os._exit(0)
"""


def measure(path: Path, runs: int = RUNS) -> dict[str, tuple[float, float]]:
    """Step -> (wall, CPU) seconds, the median of `runs` fresh interpreters (for the
    forked child, its CPU alone)."""
    samples: list[list[list[float]]] = []
    for _ in range(runs):
        done = subprocess.run(
            [sys.executable, "-c", _CHILD, str(path)],
            capture_output=True,
            text=True,
            timeout=300,
            check=True,
            cwd=ROOT,
        )
        samples.append(json.loads(done.stdout))
    return {
        step: (
            statistics.median(s[i][0] for s in samples),
            statistics.median(s[i][1] for s in samples),
        )
        for i, step in enumerate((*STEPS, CHILD))
    }


def split_rows(path: Path) -> list[tuple[str, str]]:
    """Rows for bench/run.py's table: one per step, wall and CPU."""
    return [
        (
            f"check split: {step}",
            f"{cpu:.2f} s CPU" if step == CHILD else f"{wall:.2f} s wall, {cpu:.2f} s CPU",
        )
        for step, (wall, cpu) in measure(path).items()
    ]


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "bench" / "out" / "national.yaml"
    for name, value in split_rows(target):
        print(f"{name:40} {value}")
