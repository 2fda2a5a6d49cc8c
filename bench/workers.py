"""Workers that help: find-help with `serve --workers 2` against one worker, same run.

Three servers, one after the other, on the same registry and the same find-help URL:
`vardkedjan serve` with one worker, with two (our listener with IPPROTO_TCP, so every
connection keeps TCP_NODELAY), and stock `uvicorn --workers 2` for comparison (the
listener of uvicorn issue #3149, where every keep-alive answer waits about 40 ms). wrk
shares the two cores with the workers. Also reads the parent process's memory with two
workers: it must not hold the registry.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

TARGET_RATIO = 1.3


def _start(cmd: list[str], env: dict[str, str], log: Path, cwd: Path) -> subprocess.Popen[bytes]:
    with log.open("wb") as out:
        return subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, cwd=cwd, env=env)


def measure_workers(run: Any, cli: Path, path: Path, report: Any, args: Any) -> bool:
    """Add the workers' rows to `report`; True when something could not be measured.

    `run` is the `bench.run` module (free_port, wait_healthy, run_wrk, memory_mb, stop).
    """
    area = run.first_stadsdel(path) or "stockholm"
    url = f"/api/v1/find-help?age=15&area={area}&need=nedstamdhet"
    env = {**os.environ, "VARDKEDJAN_DATA": str(path)}
    env.pop("VARDKEDJAN_INSTANCE", None)
    serve = [str(cli), "serve", "--read-only", "--host", run.HOST, "--data", str(path)]
    stock = [sys.executable, "-m", "uvicorn", "app.main:app", "--host", run.HOST]
    servers: list[tuple[str, Callable[[int], list[str]]]] = [
        ("1 worker", lambda port: [*serve, "--port", str(port)]),
        ("2 workers", lambda port: [*serve, "--port", str(port), "--workers", "2"]),
        (
            "2 workers, stock uvicorn listener",
            lambda port: [*stock, "--port", str(port), "--workers", "2", "--no-access-log"],
        ),
    ]
    rates: dict[str, float] = {}
    broken = False
    for name, command in servers:
        port = run.free_port()
        base = f"http://{run.HOST}:{port}"
        process = _start(command(port), env, run.OUT / "workers.log", run.ROOT)
        try:
            run.wait_healthy(process, base)
            result = run.run_wrk(base, url, args.threads, args.connections, args.duration)
            parent = run.memory_mb(process.pid).get("VmRSS", 0.0)
        except (RuntimeError, OSError, subprocess.TimeoutExpired) as exc:
            report.unmeasured(f"find-help, {name}", "", str(exc))
            broken = True
            continue
        finally:
            run.stop(process)
        if result.requests_per_s is None or result.errors:
            report.unmeasured(f"find-help, {name}", "", "; ".join(result.errors))
            broken = True
            continue
        rates[name] = result.requests_per_s
        value = f"{result.requests_per_s:,.0f} req/s (avg {result.latency_avg})"
        report.add(f"find-help, {name}", value)
        if name == "2 workers":
            report.add("parent process VmRSS with 2 workers", f"{parent:.0f} MB")
    if "1 worker" in rates and "2 workers" in rates:
        ratio = rates["2 workers"] / rates["1 worker"]
        report.add(
            "find-help, 2 workers ÷ 1 worker",
            f"{ratio:.2f}×",
            f"≥ {TARGET_RATIO}×",
            ratio >= TARGET_RATIO,
        )
    return broken
