"""Serving throughput of one worker: find-help and /hitta against async /healthz, one run.

    .venv/bin/python bench/throughput.py [--data FILE] [--root CHECKOUT] [--duration S]

One `vardkedjan serve --read-only` process on 127.0.0.1 over the national registry, and
`wrk -t2 -c32` against find-help with a need for three different places, find-help with
words (eight texts over three places, asked in rotation by a wrk Lua script) and the
results page /hitta. The ratios to /healthz are the targets of issue 14 (find-help ≥ 0.8,
/hitta ≥ 0.5).

This machine's speed moves by a quarter from one ten-second run to the next, so the URLs
are measured in `ROUNDS` interleaved rounds: /healthz, every URL, /healthz, every URL, ...,
/healthz. A URL's ratio in a round is to the faster of the two /healthz runs around it (a
server settling, or a quiet minute, cannot flatter it), and the verdict is on the median
of the rounds; every round's ratio is shown.

`--root` serves another checkout of the code (say, `git worktree add /tmp/before main`)
with this venv, so a before and an after can be measured in one session, interleaved.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
FIND_HELP_RATIO = 0.8
HITTA_RATIO = 0.5
ROUNDS = 3  # interleaved with /healthz: see the module's doc
SERVE = "import sys; from app.cli import main; sys.exit(main(sys.argv[1:]))"


# What people type, in rotation: needs of several kinds, Swedish and English, everyday
# and misspelt, one danger wording. Rotated over three places, so that no answer or text
# is asked twice in a row; the reader reads every one afresh (nothing keeps typed text).
TEXTS = (
    "kan inte sova",
    "jag är så ledsen hela tiden",
    "blir mobbad i skolan varje dag",
    "har sån ångesst inför proven",
    "i feel anxious all the time",
    "orkar inte gå till skolan längre",
    "min son äter nästan ingenting",
    "vill inte leva längre",
)


def urls(areas: list[str]) -> list[tuple[str, tuple[str, ...], float]]:
    """(label, paths, target ratio) for each measured URL. Several paths
    are asked in rotation (a wrk Lua script), each connection going round all of them."""
    one, two, three = (areas * 3)[:3]
    words = tuple(
        f"/api/v1/find-help?age={age}&area={area}&q={quote(text)}"
        for text in TEXTS
        for age, area in ((15, one), (9, two), (17, three))
    )
    return [
        (
            "find-help, need",
            (f"/api/v1/find-help?age=15&area={one}&need=nedstamdhet",),
            FIND_HELP_RATIO,
        ),
        (
            "find-help, other place",
            (f"/api/v1/find-help?age=9&area={two}&need=oro_angest",),
            FIND_HELP_RATIO,
        ),
        (
            "find-help, third place",
            (f"/api/v1/find-help?age=17&area={three}&need=somn",),
            FIND_HELP_RATIO,
        ),
        (f"find-help, words ({len(TEXTS)} texts × 3 places)", words, FIND_HELP_RATIO),
        ("/hitta HTML", (f"/hitta?age=15&area={one}&need=nedstamdhet",), HITTA_RATIO),
    ]


@dataclass(frozen=True)
class Measured:
    """One URL's requests per second and ratio to /healthz, round by round."""

    label: str
    path: str
    target: float
    rps: tuple[float, ...]
    ratios: tuple[float, ...]

    @property
    def ratio(self) -> float:
        return statistics.median(self.ratios)


def bracketed(health: list[float], rounds: list[list[float]]) -> list[list[float]]:
    """Each round's ratios (URL by URL) to the faster /healthz run before or after it;
    `health` holds one more run than there are rounds."""
    if len(health) != len(rounds) + 1:
        raise ValueError("one /healthz run before each round and one after the last")
    return [
        [rps / max(health[i], health[i + 1]) for rps in round_] for i, round_ in enumerate(rounds)
    ]


ROTATE = """local paths = {%s}
local i = 0
request = function()
  i = i %% #paths + 1
  return wrk.format("GET", paths[i])
end
"""


def wrk(run: Any, base: str, paths: tuple[str, ...], duration: int) -> Any:
    """`bench.run.run_wrk` for one path; for several, wrk with a script asking each in turn."""
    if len(paths) == 1:
        return run.run_wrk(base, paths[0], 2, 32, duration)
    script = run.OUT / "rotate.lua"
    script.write_text(ROTATE % ", ".join(f'"{p}"' for p in paths), encoding="utf-8")
    cmd = ["wrk", "-t2", "-c32", f"-d{duration}s", "--timeout", "10s", "--latency"]
    cmd += ["-s", str(script), base]
    print("$", " ".join(cmd), f"({len(paths)} paths in turn)", flush=True)
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=duration + 60, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"wrk exited {done.returncode}: {done.stderr.strip()}")
    return run.parse_wrk(f"{len(paths)} paths", done.stdout)


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
    run: Any, path: Path, root: Path, duration: int, rounds: int = ROUNDS
) -> tuple[list[float], list[Measured]]:
    """The /healthz runs and every URL's rounds from one server; `run` is `bench.run`."""
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
    measured = urls(some_areas(path))
    try:
        run.wait_healthy(process, base)
        for _, paths, _ in measured:
            for url in paths:
                status, _ = run.get(base + url)
                if status != 200:
                    raise RuntimeError(f"GET {url} answered {status}")
        health = [_rps(run, base, ("/healthz",), duration)]
        table: list[list[float]] = []
        for _ in range(rounds):
            table.append([_rps(run, base, paths, duration) for _, paths, _ in measured])
            health.append(_rps(run, base, ("/healthz",), duration))
    finally:
        run.stop(process)
    ratios = bracketed(health, table)
    return health, [
        Measured(
            label,
            paths[0],
            target,
            tuple(row[k] for row in table),
            tuple(row[k] for row in ratios),
        )
        for k, (label, paths, target) in enumerate(measured)
    ]


def _rps(run: Any, base: str, paths: tuple[str, ...], duration: int) -> float:
    result = wrk(run, base, paths, duration)
    if result.requests_per_s is None or result.errors:
        raise RuntimeError(f"wrk {paths[0]}: {'; '.join(result.errors)}")
    return float(result.requests_per_s)


def throughput_rows(run: Any, path: Path, report: Any, duration: int) -> bool:
    """Add one row per URL with its ratio to /healthz; True when something failed. Each
    wrk run takes half of `duration` (at least 3 s): `ROUNDS` rounds fit in the time."""
    try:
        health, measured = measure(run, path, ROOT, max(3, duration // 2))
    except (RuntimeError, OSError, subprocess.TimeoutExpired) as exc:
        report.unmeasured("throughput of one worker", "find-help ≥ 80 % of /healthz", str(exc))
        return True
    runs = ", ".join(f"{rps:,.0f}" for rps in health)
    report.add(f"one worker: /healthz (async), {len(health)} runs", f"{runs} req/s")
    for m in measured:
        each = ", ".join(f"{r:.2f}" for r in m.ratios)
        report.add(
            f"one worker: {m.label}",
            f"{statistics.median(m.rps):,.0f} req/s, {m.ratio:.2f}× /healthz (rounds: {each})",
            f"≥ {m.target}× /healthz",
            m.ratio >= m.target,
        )
    return False


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--data", type=Path, default=ROOT / "bench" / "out" / "national.yaml")
    parser.add_argument("--root", type=Path, default=ROOT, help="the checkout to serve")
    parser.add_argument("--duration", type=int, default=5, help="seconds per wrk run")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from bench import run

    health, measured = measure(run, args.data.resolve(), args.root.resolve(), args.duration)
    print(f"{args.root.name}\t/healthz\t{', '.join(f'{h:.0f}' for h in health)} req/s")
    for m in measured:
        each = ", ".join(f"{r:.2f}" for r in m.ratios)
        print(f"{args.root.name}\t{m.label}\t{m.ratio:.2f}× /healthz ({each})\t{m.path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
