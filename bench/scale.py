"""Serving and editing at national scale: start-up, memory, edits, stalls (issue 14).

    .venv/bin/python bench/scale.py [--edits 20] [--data bench/out/national.yaml]

1. Start-up: `vardkedjan serve --read-only` twice on a fresh cache folder, the first
   building the registry (and writing its snapshot), the second reading the snapshot;
   seconds until /healthz answers, and VmRSS.
2. Editing: an instance seeded from the registry, `serve --workers 2`, an admin token;
   once each worker has answered (each names itself in a test-only header), `--edits`
   PUTs of one provider one after the other, each timed; meanwhile a reader thread reads
   another provider in a loop and keeps its slowest answer; after each PUT, the time
   until 20 reads in a row (new connections, so both workers answer) serve it.
   The workers' VmRSS after every edit: the median of the first `ENDS` edits against
   that of the last `ENDS` (a worker's VmRSS swings by ±8 % from one edit to the next,
   with no trend over 150 edits: a single sample at each end decided the verdict).

Everything runs on 127.0.0.1 with time limits; `measure()` returns rows for run.py.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

HOST = "127.0.0.1"
PROVIDER_PATTERN = "vardcentral-"
TIMEOUT_S = 300.0
WORKERS = 2
ENDS = 10  # edits whose VmRSS is taken together at each end of the run (see the doc)


@dataclass
class Figures:
    rows: list[tuple[str, str, str, bool | None]] = field(default_factory=list)

    def add(self, name: str, value: str, target: str = "", ok: bool | None = None) -> None:
        self.rows.append((name, value, target, ok))


def _port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        port: int = sock.getsockname()[1]
        return port


def _call(
    url: str,
    method: str = "GET",
    body: object = None,
    headers: dict[str, str] | None = None,
    timeout: float = 60.0,
) -> tuple[int, dict[str, str], bytes]:
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, data=data, method=method, headers=headers or {})
    if data is not None:
        request.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(request, timeout=timeout) as answer:
            return answer.status, {k.lower(): v for k, v in answer.headers.items()}, answer.read()
    except urllib.error.HTTPError as exc:
        return exc.code, {}, exc.read()


def _healthy(process: subprocess.Popen[bytes], base: str) -> float:
    started = time.perf_counter()
    while time.perf_counter() - started < TIMEOUT_S:
        if process.poll() is not None:
            raise RuntimeError(f"the server exited with {process.returncode}")
        try:
            if _call(f"{base}/healthz", timeout=2)[0] == 200:
                return time.perf_counter() - started
        except OSError:
            pass
        time.sleep(0.05)
    raise RuntimeError("/healthz never answered")


def _every_worker_answers(process: subprocess.Popen[bytes], url: str) -> None:
    """Wait until each of the `WORKERS` workers has answered `url`. /healthz answers as
    soon as one worker is up; reads taken while another still loads its registry (a
    second of unpickling on the other core) measured its start, not the edits."""
    seen: set[str] = set()
    started = time.perf_counter()
    while len(seen) < WORKERS:
        if process.poll() is not None:
            raise RuntimeError(f"the server exited with {process.returncode}")
        if time.perf_counter() - started > TIMEOUT_S:
            raise RuntimeError(f"only {len(seen)} of {WORKERS} workers answered")
        status, headers, _ = _call(url, timeout=30)
        if status == 200 and "x-vardkedjan-worker" in headers:
            seen.add(headers["x-vardkedjan-worker"])
        else:
            time.sleep(0.05)


def _rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _children(pid: int) -> list[int]:
    found = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(p) for p in found.read_text().split()] if found.exists() else []


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=20)


def _serve(
    cli: Path, args: list[str], env: dict[str, str], log: Path
) -> tuple[subprocess.Popen[bytes], str]:
    port = _port()
    cmd = [str(cli), "serve", "--host", HOST, "--port", str(port), *args]
    with log.open("ab") as out:
        process = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, env=env)
    return process, f"http://{HOST}:{port}"


def startup(cli: Path, data: Path, figures: Figures, log: Path) -> None:
    with tempfile.TemporaryDirectory(prefix="vk-cache-") as cache:
        env = {**os.environ, "VARDKEDJAN_CACHE": cache}
        for label in ("first start (builds, writes the snapshot)", "start from the snapshot"):
            process, base = _serve(cli, ["--read-only", "--data", str(data)], env, log)
            try:
                seconds = _healthy(process, base)
                rss = _rss_mb(process.pid)
            finally:
                _stop(process)
            # The target is for a start from the snapshot (issue 14 allows one for serving
            # start-up); the first start builds it and is shown beside it.
            ok = seconds < 2.0 if label.startswith("start from") else None
            target = "< 2 s" if ok is not None else ""
            figures.add(f"server start-up, {label}", f"{seconds:.2f} s", target, ok)
            figures.add(f"server VmRSS after the {label.split(' (')[0]}", f"{rss:.0f} MB")


def _first_provider(data: Path) -> tuple[str, str]:
    ids = []
    with data.open(encoding="utf-8") as lines:
        for line in lines:
            at = line.find(f"id: {PROVIDER_PATTERN}")
            if at >= 0:
                ids.append(line[at + 4 :].split(",")[0].split("}")[0].strip())
                if len(ids) == 2:
                    return ids[0], ids[1]
    raise RuntimeError(f"no {PROVIDER_PATTERN} providers in {data}")


def _anchored_provider(data: Path) -> str | None:
    """The first provider written with a YAML anchor (`- &p99` on the line before its id)
    that some other record aliases: editing it changes what those records merge, so
    they are read again with it (`pathways.store.incremental`)."""
    text = data.read_text(encoding="utf-8")
    for found in re.finditer(r"^- &([^\s]+)\n\s+id: ([a-z0-9-]+)$", text, re.MULTILINE):
        if f"*{found[1]}," in text or f"*{found[1]}}}" in text or f"*{found[1]}\n" in text:
            return found[2]
    return None


def _user(cli: Path, instance: Path, data: Path, env: dict[str, str]) -> str:
    """Seed the instance from `data` (`user add` would seed it from the bundled file)."""
    seed = "import sys; from pathways.store.live import Instance; Instance.open(*sys.argv[1:])"
    subprocess.run(
        [sys.executable, "-c", seed, str(instance), str(data)],
        env=env,
        check=True,
        timeout=TIMEOUT_S,
    )
    base = [str(cli), "user"]
    where = ["--instance", str(instance)]
    subprocess.run(
        [*base, "add", "bench", "--role", "admin", "--password-stdin", *where],
        input="bench-lösen-1\n",
        text=True,
        env=env,
        check=True,
        timeout=TIMEOUT_S,
        capture_output=True,
    )
    return subprocess.run(
        [*base, "token", "bench", *where],
        text=True,
        env=env,
        check=True,
        timeout=60,
        capture_output=True,
    ).stdout.strip()


class Reader(threading.Thread):
    """Reads one provider in a loop; keeps the slowest answer."""

    def __init__(self, url: str) -> None:
        super().__init__(daemon=True)
        self.url = url
        self.slowest = 0.0
        self.count = 0
        self.stop = threading.Event()

    def run(self) -> None:
        while not self.stop.is_set():
            started = time.perf_counter()
            _call(self.url, timeout=30)
            self.slowest = max(self.slowest, time.perf_counter() - started)
            self.count += 1


def editing(cli: Path, data: Path, edits: int, figures: Figures, log: Path) -> None:
    edited, read = _first_provider(data)
    with tempfile.TemporaryDirectory(prefix="vk-instance-") as folder:
        instance = Path(folder) / "instance"
        env = {**os.environ, "VARDKEDJAN_CACHE": str(Path(folder) / "cache")}
        token = _user(cli, instance, data, env)
        args = ["--workers", str(WORKERS), "--instance", str(instance), "--data", str(data)]
        # Each answer names its worker, so that the edits start once every worker serves.
        process, base = _serve(cli, args, {**env, "VARDKEDJAN_WORKER_HEADER": "1"}, log)
        try:
            _healthy(process, base)
            _every_worker_answers(process, f"{base}/api/v1/providers/{read}")
            workers = _children(process.pid)
            figures.add(
                "worker VmRSS before editing",
                " / ".join(f"{_rss_mb(w):.0f} MB" for w in workers),
                "< 300 MB",
                all(_rss_mb(w) < 300 for w in workers),
            )
            _edit_loop(base, token, edited, read, edits, workers, figures)
            anchored = _anchored_provider(data)
            if anchored is not None:
                _anchored_edits(base, token, anchored, figures)
            replica(cli, base, token, edited, instance, Path(folder), figures, log)
        finally:
            _stop(process)


def _edit_loop(
    base: str, token: str, edited: str, read: str, edits: int, workers: list[int], figures: Figures
) -> None:
    auth = {"Authorization": f"Bearer {token}"}
    reader = Reader(f"{base}/api/v1/providers/{read}")
    reader.start()
    puts: list[float] = []
    visible: list[float] = []
    memory: list[list[float]] = []  # each worker's VmRSS after each edit
    try:
        for n in range(edits):
            put, seen = _timed_put(base, auth, edited, f"Bänkad {n}")
            puts.append(put)
            visible.append(seen)
            memory.append([_rss_mb(w) for w in workers])
    finally:
        reader.stop.set()
        reader.join(timeout=60)
    puts.sort()
    p50, p99 = statistics.median(puts), puts[min(len(puts) - 1, int(len(puts) * 0.99))]
    figures.add(
        f"admin PUT of one provider, p50 / p99 of {edits}",
        f"{p50 * 1000:.0f} ms / {p99 * 1000:.0f} ms",
        "< 300 ms / < 1 s",
        p50 < 0.3 and p99 < 1.0,
    )
    worst = max(visible)
    figures.add(
        "an edit visible on both workers (PUT sent → 20 reads in a row show it), worst",
        f"{worst:.2f} s (median {statistics.median(visible):.2f})",
        "< 1 s",
        worst < 1.0,
    )
    figures.add(
        "the slowest read while edits ran",
        f"{reader.slowest * 1000:.0f} ms ({reader.count} reads)",
        "< 100 ms",
        reader.slowest < 0.1,
    )
    first, last, width = memory_ends(memory)
    growth = max((b / a - 1) for a, b in zip(first, last, strict=True)) if memory else 0.0
    figures.add(
        f"worker VmRSS, median after edits 1-{width} → {edits - width + 1}-{edits}",
        " / ".join(f"{a:.0f} → {b:.0f} MB" for a, b in zip(first, last, strict=True)),
        "< +10 %",
        growth < 0.10,
    )


def memory_ends(memory: list[list[float]]) -> tuple[list[float], list[float], int]:
    """Each process's median VmRSS over the first and over the last edits of a run
    (`memory[n][w]`: process w after edit n), and how many edits each median takes:
    `ENDS`, or half the run when it is shorter."""
    if not memory:
        return [], [], 0
    width = max(1, min(ENDS, len(memory) // 2))
    processes = range(len(memory[0]))
    first = [statistics.median(after[w] for after in memory[:width]) for w in processes]
    last = [statistics.median(after[w] for after in memory[-width:]) for w in processes]
    return first, last, width


def _timed_put(base: str, auth: dict[str, str], edited: str, hours: str) -> tuple[float, float]:
    """One PUT of the provider with new opening hours: seconds until it was answered,
    and until both workers served it 20 times in a row (from when it was sent)."""
    url = f"{base}/api/v1/admin/providers/{edited}"
    _, headers, body = _call(url, headers=auth)
    record = {**json.loads(body), "hours": hours}
    started = time.perf_counter()
    status, _, answer = _call(
        url, "PUT", record, {**auth, "If-Match": headers["etag"]}, timeout=TIMEOUT_S
    )
    put = time.perf_counter() - started
    if status != 200:
        raise RuntimeError(f"PUT answered {status}: {answer[:200]!r}")
    return put, _until_visible(base, edited, hours) + put


def _anchored_edits(base: str, token: str, edited: str, figures: Figures, edits: int = 3) -> None:
    """PUTs of a provider other records merge: they are read again with it."""
    auth = {"Authorization": f"Bearer {token}"}
    puts: list[float] = []
    visible: list[float] = []
    for n in range(edits):
        put, seen = _timed_put(base, auth, edited, f"Förankrad {n}")
        puts.append(put)
        visible.append(seen)
    figures.add(
        f"admin PUT of a provider others merge (a YAML anchor), worst of {edits}",
        f"{max(puts) * 1000:.0f} ms (median {statistics.median(puts) * 1000:.0f}); "
        f"visible on both workers after {max(visible):.2f} s at worst",
        "< 1 s",
        max(puts) < 1.0,
    )


NOTIFY = "bench-notify-token"


def replica(
    cli: Path,
    primary: str,
    token: str,
    edited: str,
    instance: Path,
    folder: Path,
    figures: Figures,
    log: Path,
    edits: int = 3,
) -> None:
    """A replica following the primary's repository, told of each commit by the README's
    post-commit hook on the primary: PUT on the primary, until the replica serves it."""
    env = {**os.environ, "VARDKEDJAN_NOTIFY_TOKEN": NOTIFY, "VARDKEDJAN_CACHE": str(folder / "c")}
    args = ["--follow", str(instance / "registry"), "--poll", "0", "--instance", str(folder / "r")]
    process, base = _serve(cli, args, env, log)
    notify_hook(instance / "registry" / ".git" / "hooks" / "post-commit", base)
    auth = {"Authorization": f"Bearer {token}"}
    url = f"{primary}/api/v1/admin/providers/{edited}"
    times = []
    try:
        _healthy(process, base)
        for n in range(edits):
            _, headers, body = _call(url, headers=auth)
            record = {**json.loads(body), "hours": f"Replikerad {n}"}
            started = time.perf_counter()
            status, _, _ = _call(url, "PUT", record, {**auth, "If-Match": headers["etag"]})
            if status != 200:
                raise RuntimeError(f"PUT on the primary answered {status}")
            _until_visible(base, edited, record["hours"], streak=1)
            times.append(time.perf_counter() - started)
    finally:
        _stop(process)
    worst = max(times)
    figures.add(
        f"an edit on the primary served by a replica (PUT sent → served), worst of {edits}",
        f"{worst:.2f} s (median {statistics.median(times):.2f})",
        "< 1 s",
        worst < 1.0,
    )


def notify_hook(hook: Path, replica: str) -> None:
    """The README's post-commit hook, telling one replica: curl in the background, or
    this Python where there is no curl."""
    url, auth = f"{replica}/api/v1/admin/notify", f"Authorization: Bearer {NOTIFY}"
    if shutil.which("curl"):
        tell = f'curl -fsS -m 2 -X POST -H "{auth}" "{url}"'
    else:
        code = (
            "import urllib.request as u; u.urlopen(u.Request("
            f"'{url}', b'', {{'Authorization': 'Bearer {NOTIFY}'}}, method='POST'), timeout=2)"
        )
        tell = f'"{sys.executable}" -c "{code}"'
    hook.parent.mkdir(parents=True, exist_ok=True)
    hook.write_text(f"#!/bin/sh\n{tell} >/dev/null 2>&1 &\n")
    hook.chmod(0o755)


def _until_visible(base: str, provider: str, hours: str, streak: int = 20) -> float:
    started = time.perf_counter()
    seen = 0
    while time.perf_counter() - started < 120:
        _, _, body = _call(f"{base}/api/v1/providers/{provider}")
        seen = seen + 1 if json.loads(body).get("hours") == hours else 0
        if seen >= streak:
            return time.perf_counter() - started
    return float("inf")


def measure(cli: Path, data: Path, edits: int, log: Path) -> Figures:
    figures = Figures()
    startup(cli, data, figures, log)
    editing(cli, data, edits, figures, log)
    return figures


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser()
    parser.add_argument("--data", type=Path, default=Path("bench/out/national.yaml"))
    parser.add_argument("--edits", type=int, default=20)
    args = parser.parse_args()
    found = measure(
        Path(sys.executable).parent / "vardkedjan",
        args.data,
        args.edits,
        Path("bench/out/scale.log"),
    )
    for row in found.rows:
        print(" | ".join(str(x) for x in row))
