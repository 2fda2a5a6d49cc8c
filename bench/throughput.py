"""Serving throughput of one worker: find-help and /hitta against async /healthz, one run.

    .venv/bin/python bench/throughput.py [--data FILE] [--root CHECKOUT] [--duration S]

One `vardkedjan serve --read-only` process on 127.0.0.1 over the national registry, and
`wrk -t2 -c32` against each URL in turn: /healthz, find-help with a need for three
different places, find-help with words, and the results page /hitta. The ratios to
/healthz from the same run are the targets of issue 14 (find-help ≥ 0.8, /hitta ≥ 0.5):
a loaded, shared machine moves every figure, the ratios much less.

`--root` serves another checkout of the code (say, `git worktree add /tmp/before main`)
with this venv, so a before and an after can be measured in one session, interleaved.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
FIND_HELP_RATIO = 0.8
HITTA_RATIO = 0.5
SERVE = "import sys; from app.cli import main; sys.exit(main(sys.argv[1:]))"


def urls(areas: list[str]) -> list[tuple[str, str, float | None]]:
    """(label, path, target ratio) for each measured URL; /healthz first."""
    one, two, three = (areas * 3)[:3]
    return [
        ("/healthz (async)", "/healthz", None),
        (
            "find-help, need",
            f"/api/v1/find-help?age=15&area={one}&need=nedstamdhet",
            FIND_HELP_RATIO,
        ),
        (
            "find-help, other place",
            f"/api/v1/find-help?age=9&area={two}&need=oro_angest",
            FIND_HELP_RATIO,
        ),
        (
            "find-help, third place",
            f"/api/v1/find-help?age=17&area={three}&need=somn",
            FIND_HELP_RATIO,
        ),
        (
            "find-help, words",
            f"/api/v1/find-help?age=15&area={one}&q=kan%20inte%20sova",
            FIND_HELP_RATIO,
        ),
        ("/hitta HTML", f"/hitta?age=15&area={one}&need=nedstamdhet", HITTA_RATIO),
    ]


def some_areas(path: Path) -> list[str]:
    """A stadsdel, a kommun and another kommun of the generated file, without parsing it."""
    found: list[str] = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if line.startswith("providers:"):
                break
            if line.startswith("- {id: kommun-") and ("sd-" in line) != bool(found):
                found.append(line.split("id: ", 1)[1].split(",", 1)[0])
            if len(found) == 3:
                break
    return found or ["stockholm"]


def measure(
    run: Any, path: Path, root: Path, duration: int
) -> list[tuple[str, str, float, float | None]]:
    """(label, path, req/s, target) per URL from one server; `run` is `bench.run`."""
    port = run.free_port()
    base = f"http://{run.HOST}:{port}"
    cmd = [sys.executable, "-c", SERVE, "serve", "--read-only", "--host", run.HOST]
    cmd += ["--port", str(port), "--data", str(path)]
    env = {**os.environ, "PYTHONPATH": str(root)}
    env.pop("VARDKEDJAN_INSTANCE", None)
    log = run.OUT / f"throughput-{port}.log"
    run.OUT.mkdir(parents=True, exist_ok=True)
    with log.open("wb") as out:
        process = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, cwd=root, env=env)
    rows: list[tuple[str, str, float, float | None]] = []
    try:
        run.wait_healthy(process, base)
        for label, url, target in urls(some_areas(path)):
            status, _ = run.get(base + url)
            if status != 200:
                raise RuntimeError(f"GET {url} answered {status}")
            result = run.run_wrk(base, url, 2, 32, duration)
            if result.requests_per_s is None or result.errors:
                raise RuntimeError(f"wrk {url}: {'; '.join(result.errors)}")
            rows.append((label, url, result.requests_per_s, target))
    finally:
        run.stop(process)
    return rows


def throughput_rows(run: Any, path: Path, report: Any, duration: int) -> bool:
    """Add one row per URL with its ratio to /healthz; True when something failed."""
    try:
        rows = measure(run, path, ROOT, duration)
    except (RuntimeError, OSError, subprocess.TimeoutExpired) as exc:
        report.unmeasured("throughput of one worker", "find-help ≥ 80 % of /healthz", str(exc))
        return True
    health = rows[0][2]
    for label, _, rps, target in rows:
        if target is None:
            report.add(f"one worker: {label}", f"{rps:,.0f} req/s")
            continue
        ratio = rps / health
        report.add(
            f"one worker: {label}",
            f"{rps:,.0f} req/s, {ratio:.2f}× /healthz",
            f"≥ {target}× /healthz",
            ratio >= target,
        )
    return False


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--data", type=Path, default=ROOT / "bench" / "out" / "national.yaml")
    parser.add_argument("--root", type=Path, default=ROOT, help="the checkout to serve")
    parser.add_argument("--duration", type=int, default=10, help="seconds per wrk run")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from bench import run

    rows = measure(run, args.data.resolve(), args.root.resolve(), args.duration)
    health = rows[0][2]
    for label, url, rps, _ in rows:
        print(f"{args.root.name}\t{label}\t{rps:8.0f} req/s\t{rps / health:.2f}× /healthz\t{url}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
