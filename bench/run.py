"""The benchmark behind `make bench`: check time, HTTP throughput and memory at national scale.

    .venv/bin/python bench/run.py [--markdown] [--regenerate] [--skip-http]

1. Generates the national registry (290 kommuner) into bench/out/ if it is missing or older
   than bench/generate.py.
2. Times `vardkedjan check` on it: the median wall clock of 5 runs.
3. Starts `vardkedjan serve` on a free port of 127.0.0.1, waits for /healthz, and runs
   `wrk -t2 -c32 -d10s` against /healthz and two find-help URLs, one after the other.
4. Reads the server's VmRSS and VmHWM from /proc after the load, then stops it.
5. Prints a table with PASS/FAIL per target; `--markdown` also writes it into
   bench/README.md between `<!-- results -->` and `<!-- /results -->`.

Every request goes to 127.0.0.1 and every step has a time limit. The exit status is 0 when
every target passes, 1 when one fails, 2 when something could not be measured.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
OUT = BENCH / "out"
GENERATOR = BENCH / "generate.py"
README = BENCH / "README.md"
BEGIN, END = "<!-- results -->", "<!-- /results -->"
HOST = "127.0.0.1"

CHECK_TARGET_S = 1.0
RSS_TARGET_MB = 300.0
CHECK_TIMEOUT_S = 300.0
STARTUP_TIMEOUT_S = 300.0
SERVER_LOG = OUT / "serve.log"


@dataclass
class WrkResult:
    path: str
    requests_per_s: float | None = None
    latency_avg: str = "?"
    latency_p99: str = "?"
    errors: list[str] = field(default_factory=list)


@dataclass
class Row:
    name: str
    value: str
    target: str
    verdict: str  # PASS | FAIL | NOT MEASURED | n/a


@dataclass
class Report:
    rows: list[Row] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def add(self, name: str, value: str, target: str = "", ok: bool | None = None) -> None:
        verdict = "n/a" if ok is None else ("PASS" if ok else "FAIL")
        self.rows.append(Row(name, value, target, verdict))

    def unmeasured(self, name: str, target: str, why: str) -> None:
        self.rows.append(Row(name, "not measured", target, "NOT MEASURED"))
        self.notes.append(f"{name}: {why}")


# ---- the registry ---------------------------------------------------------------------


def ensure_registry(path: Path, kommuner: int, regenerate: bool) -> None:
    ours = path.resolve().parent == OUT.resolve()  # never overwrite a registry of someone else's
    stale = ours and path.exists() and path.stat().st_mtime < GENERATOR.stat().st_mtime
    if path.exists() and not ours:
        return
    if path.exists() and not stale and not regenerate:
        return
    cmd = [sys.executable, str(GENERATOR), "--kommuner", str(kommuner), "--out", str(path)]
    print("$", " ".join(_rel(c) for c in cmd), flush=True)
    subprocess.run(cmd, check=True, timeout=300)


def first_stadsdel(path: Path) -> str | None:
    """The id of the first stadsdel in the generated file, found without parsing YAML."""
    pattern = re.compile(r"^- \{id: ([a-z0-9-]+), .*type: stadsdel")
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if line.startswith("providers:"):
                break
            match = pattern.match(line)
            if match:
                return match.group(1)
    return None


# ---- vardkedjan check -----------------------------------------------------------------


def vardkedjan() -> Path | None:
    script = Path(sys.executable).parent / "vardkedjan"
    if script.exists():
        return script
    found = shutil.which("vardkedjan")
    return Path(found) if found else None


def time_check(cli: Path, path: Path, runs: int) -> tuple[list[float], str]:
    """Wall-clock seconds of each `vardkedjan check` run, and the first line it printed."""
    times: list[float] = []
    headline = ""
    for i in range(runs):
        started = time.perf_counter()
        done = subprocess.run(
            [str(cli), "check", str(path)],
            capture_output=True,
            text=True,
            timeout=CHECK_TIMEOUT_S,
            check=False,
        )
        elapsed = time.perf_counter() - started
        first = done.stdout.splitlines()[0] if done.stdout else ""
        # 1 with a valid registry means the audit found errors: the timing still counts.
        if done.returncode not in (0, 1) or "valid." not in first or "INVALID" in first:
            tail = (done.stdout + done.stderr).strip().splitlines()[-5:]
            raise RuntimeError(
                f"vardkedjan check exited {done.returncode}:\n  " + "\n  ".join(tail)
            )
        headline = headline or _rel(first)
        times.append(elapsed)
        print(f"  check run {i + 1}/{runs}: {elapsed:.2f} s", flush=True)
    return times, headline


# ---- the server -----------------------------------------------------------------------


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        port: int = sock.getsockname()[1]
        return port


def get(url: str, timeout: float = 30.0) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as answer:
            status: int = answer.status
            return status, answer.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


def wait_healthy(process: subprocess.Popen[bytes], base: str) -> float:
    """Seconds until /healthz answers 200; raise if the server dies or takes too long."""
    started = time.perf_counter()
    while time.perf_counter() - started < STARTUP_TIMEOUT_S:
        if process.poll() is not None:
            raise RuntimeError(f"the server exited with {process.returncode}; see {SERVER_LOG}")
        try:
            status, _ = get(f"{base}/healthz", timeout=2.0)
            if status == 200:
                return time.perf_counter() - started
        except (OSError, urllib.error.URLError):
            pass
        time.sleep(0.25)
    raise RuntimeError(f"/healthz did not answer within {STARTUP_TIMEOUT_S:.0f} s")


def memory_mb(pid: int) -> dict[str, float]:
    """VmRSS and VmHWM (peak RSS) of a process, in MB."""
    found: dict[str, float] = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            found[key] = int(value.split()[0]) / 1024
    return found


def stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is not None:
        return
    process.send_signal(signal.SIGINT)
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=15)


# ---- wrk --------------------------------------------------------------------------------

_RPS = re.compile(r"^Requests/sec:\s+([0-9.]+)", re.MULTILINE)
_LATENCY = re.compile(r"^\s+Latency\s+(\S+)", re.MULTILINE)
_P99 = re.compile(r"^\s+99%\s+(\S+)", re.MULTILINE)
_NON_2XX = re.compile(r"Non-2xx or 3xx responses:\s+(\d+)")
_SOCKET = re.compile(r"Socket errors:\s+(.*)")


def run_wrk(base: str, path: str, threads: int, connections: int, duration: int) -> WrkResult:
    cmd = [
        "wrk",
        f"-t{threads}",
        f"-c{connections}",
        f"-d{duration}s",
        "--timeout",
        "10s",
        "--latency",
        f"{base}{path}",
    ]
    print("$", " ".join(cmd), flush=True)
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=duration + 60, check=False)
    result = WrkResult(path)
    if done.returncode != 0:
        result.errors.append(f"wrk exited {done.returncode}: {done.stderr.strip()}")
        return result
    return parse_wrk(path, done.stdout)


def parse_wrk(path: str, output: str) -> WrkResult:
    result = WrkResult(path)
    if match := _RPS.search(output):
        result.requests_per_s = float(match.group(1))
    else:
        result.errors.append("no Requests/sec in wrk's output")
    if match := _LATENCY.search(output):
        result.latency_avg = match.group(1)
    if match := _P99.search(output):
        result.latency_p99 = match.group(1)
    if (match := _NON_2XX.search(output)) and int(match.group(1)):
        result.errors.append(f"{match.group(1)} responses were not 2xx")
    if match := _SOCKET.search(output):
        result.errors.append(f"socket errors: {match.group(1)}")
    return result


# ---- the run ----------------------------------------------------------------------------


def python_speed() -> float:
    """Seconds one core takes for 10 million additions in a plain Python loop, the best
    of three: how fast this machine runs Python today.

    The shared VMs differ from day to day by more than twice (0.45 s on one, 1.25 s on
    another), and every figure here scales with it: compare runs with this beside them.
    """
    best = float("inf")
    for _ in range(3):
        start = time.process_time()
        total = 0
        for i in range(10_000_000):
            total += i
        best = min(best, time.process_time() - start)
    return best


def machine() -> list[str]:
    cpu = "unknown"
    memory = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                memory = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
                break
    except OSError:
        pass
    wrk_version = "not installed"
    if shutil.which("wrk"):
        head = subprocess.run(["wrk", "-v"], capture_output=True, text=True, timeout=10)
        wrk_version = (head.stdout + head.stderr).split("[")[0].strip() or "wrk"
    code = "working tree"
    try:
        sha = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            timeout=10,
            cwd=ROOT,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--", "pathways", "app"],
            capture_output=True,
            text=True,
            timeout=10,
            cwd=ROOT,
        ).stdout.strip()
        if sha:
            code = f"commit {sha}" + (" with local changes" if dirty else "")
    except (OSError, subprocess.TimeoutExpired):
        pass
    return [
        f"{os.cpu_count()} CPUs ({cpu}), {memory} memory",
        f"speed: {python_speed():.2f} s for the reference loop (see `python_speed`)",
        f"code: {code}",
        f"Python {platform.python_version()}, {platform.system()} {platform.release()}",
        wrk_version,
    ]


def bench(args: argparse.Namespace) -> tuple[Report, bool]:
    """Run every measurement; the flag says whether something could not be measured."""
    report = Report()
    broken = False
    path: Path = args.data
    ensure_registry(path, args.kommuner, args.regenerate)
    size_mb = path.stat().st_size / 1e6

    cli = vardkedjan()
    if cli is None:
        report.notes.append("no `vardkedjan` console script: run `pip install -e .` first")
        report.unmeasured("vardkedjan check (median)", f"< {CHECK_TARGET_S:g} s", "no CLI")
        return report, True

    print(f"timing `vardkedjan check {_rel(str(path))}` ({size_mb:.1f} MB), {args.runs} runs")
    try:
        times, headline = time_check(cli, path, args.runs)
        median = statistics.median(times)
        report.add(
            f"vardkedjan check, median of {len(times)}",
            f"{median:.2f} s (min {min(times):.2f}, max {max(times):.2f})",
            f"< {CHECK_TARGET_S:g} s",
            median < CHECK_TARGET_S,
        )
        report.notes.append(f"registry: {_rel(str(path))}, {size_mb:.1f} MB; check: {headline}")
    except (RuntimeError, subprocess.TimeoutExpired) as exc:
        report.unmeasured("vardkedjan check", f"< {CHECK_TARGET_S:g} s", str(exc))
        broken = True

    sys.path.insert(0, str(ROOT))  # run as a script: make `bench` importable
    from bench import standards
    from bench.orgmap import orgmap_rows  # the organisation map: size and drawing time

    for row in orgmap_rows(path):
        report.add(*row)
    from bench.check_split import split_rows  # where check's time goes (issue 14)

    for name, value in split_rows(path):
        report.add(name, value)
    for measured in standards.measure(path):  # HSDS and FHIR pages (bench/standards.py)
        report.add(*measured)
    if args.skip_http:
        return report, broken
    if shutil.which("wrk") is None:
        why = (
            "wrk is not installed: `apt-get install -y wrk` (Debian/Ubuntu); "
            "`make bench` installs it when it is missing"
        )
        print(why, file=sys.stderr)
        report.unmeasured("find-help throughput", "≥ ½ of /healthz", why)
        report.unmeasured("server RSS", f"< {RSS_TARGET_MB:.0f} MB", why)
        return report, True
    broken = serve_and_load(args, cli, path, report) or broken
    sys.path.insert(0, str(ROOT))  # run as a script: bench/ is on the path, not the root
    from bench.throughput import throughput_rows  # one worker against async /healthz

    broken = throughput_rows(sys.modules[__name__], path, report, args.duration) or broken
    from bench.workers import measure_workers  # the workers' ratio, in the same run

    broken = measure_workers(sys.modules[__name__], cli, path, report, args) or broken
    return report, scale_rows(args, cli, path, report) or broken


def scale_rows(args: argparse.Namespace, cli: Path, path: Path, report: Report) -> bool:
    """Start-up, worker memory, edits, stalls and replicas: bench/scale.py (issue 14)."""
    from bench import scale

    try:
        figures = scale.measure(cli, path, args.edits, OUT / "scale.log")
    except (RuntimeError, OSError, subprocess.SubprocessError, ValueError) as exc:
        report.unmeasured("editing and replicas (bench/scale.py)", "", str(exc))
        return True
    for name, value, target, ok in figures.rows:
        report.add(name, value, target, ok)
    return False


def serve_and_load(args: argparse.Namespace, cli: Path, path: Path, report: Report) -> bool:
    area = first_stadsdel(path) or "stockholm"
    paths = [
        "/healthz",
        f"/api/v1/find-help?age=15&area={area}&need=nedstamdhet",
        f"/api/v1/find-help?age=15&area={area}&q=kan%20inte%20sova",
        f"/hitta?age=15&area={area}&need=nedstamdhet",
    ]
    port = free_port()
    base = f"http://{HOST}:{port}"
    cmd = [
        str(cli),
        "serve",
        "--read-only",
        "--host",
        HOST,
        "--port",
        str(port),
        "--data",
        str(path),
    ]
    print("$", " ".join(_rel(c) for c in cmd), flush=True)
    OUT.mkdir(parents=True, exist_ok=True)
    with SERVER_LOG.open("wb") as log:
        process = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, cwd=ROOT)
    try:
        startup = wait_healthy(process, base)
        loaded = memory_mb(process.pid)
        report.add("server start-up (until /healthz answers)", f"{startup:.1f} s")
        for url in paths[1:]:
            status, body = get(base + url)
            if status != 200 or (url.startswith("/api") and b'"results"' not in body):
                raise RuntimeError(f"GET {url} answered {status}: {body[:200]!r}")
        results = [
            run_wrk(base, url, args.threads, args.connections, args.duration) for url in paths
        ]
        after = memory_mb(process.pid)
    except (RuntimeError, OSError, subprocess.TimeoutExpired) as exc:
        report.unmeasured("find-help throughput", "≥ ½ of /healthz", str(exc))
        report.unmeasured("server RSS", f"< {RSS_TARGET_MB:.0f} MB", str(exc))
        return True
    finally:
        stop(process)

    health = results[0]
    broken = False
    for result in results:
        rps = result.requests_per_s
        label = f"GET {result.path}"
        if rps is None or result.errors:
            report.unmeasured(label, "", "; ".join(result.errors))
            broken = True
            continue
        value = f"{rps:,.0f} req/s (avg {result.latency_avg}, p99 {result.latency_p99})"
        if result is health or health.requests_per_s is None:
            report.add(label, value)
        else:
            # One run each, one after the other: the verdicts are on the interleaved
            # rounds of bench/throughput.py ("one worker: ..."), which this machine's
            # swings from minute to minute disturb much less.
            ratio = rps / health.requests_per_s
            report.add(label, f"{value}, {ratio:.0%} of /healthz (one run)")
    report.add("server VmRSS after loading", f"{loaded.get('VmRSS', 0):.0f} MB")
    resident = after.get("VmRSS", 0.0)
    # Issue 14's target is the memory a serving process keeps (VmRSS); the peak, reached
    # while the registry is built at a first start, is shown beside it.
    report.add(
        "server VmRSS after the load",
        f"{resident:.0f} MB",
        f"< {RSS_TARGET_MB:.0f} MB",
        0 < resident < RSS_TARGET_MB,
    )
    report.add("server peak RSS (VmHWM), while building", f"{after.get('VmHWM', 0.0):.0f} MB")
    report.notes.append(
        f"wrk -t{args.threads} -c{args.connections} -d{args.duration}s, one URL after the "
        f"other, against one `vardkedjan serve` process; area {area} is a stadsdel"
    )
    return broken


def table(report: Report) -> list[str]:
    lines = ["| measurement | result | target | verdict |", "|---|---|---|---|"]
    for row in report.rows:
        value = row.value.replace("|", "\\|")
        name = row.name.replace("|", "\\|")
        lines.append(f"| {name} | {value} | {row.target} | {row.verdict} |")
    return lines


def markdown(report: Report, args: argparse.Namespace) -> str:
    when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    lines = [f"Measured {when} with `{' '.join(_command(args))}` on:", ""]
    lines += [f"- {fact}" for fact in machine()]
    lines += ["", *table(report), ""]
    lines += [f"- {note}" for note in report.notes]
    return "\n".join(lines)


def write_readme(text: str) -> None:
    readme = README.read_text(encoding="utf-8")
    start, end = readme.find(BEGIN), readme.find(END)
    if start < 0 or end < start:
        raise SystemExit(f"{README} has no {BEGIN} ... {END} markers")
    updated = readme[: start + len(BEGIN)] + "\n" + text + "\n" + readme[end:]
    README.write_text(updated, encoding="utf-8")
    print(f"wrote the results into {_rel(str(README))}")


def _rel(text: str) -> str:
    return text.replace(str(ROOT) + os.sep, "")


def _command(args: argparse.Namespace) -> list[str]:
    cmd = [".venv/bin/python", "bench/run.py"]
    if args.kommuner != 290:
        cmd += ["--kommuner", str(args.kommuner)]
    return cmd


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--markdown", action="store_true", help="write bench/README.md")
    parser.add_argument("--regenerate", action="store_true", help="write the registry anew")
    parser.add_argument("--skip-http", action="store_true", help="only time `check`")
    parser.add_argument("--kommuner", type=int, default=290)
    parser.add_argument("--data", type=Path, default=None, help="registry to use")
    parser.add_argument("--runs", type=int, default=5, help="runs of `check` (median)")
    parser.add_argument("--duration", type=int, default=10, help="seconds per wrk run")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--edits", type=int, default=100, help="admin PUTs in bench/scale.py")
    args = parser.parse_args(argv)
    if args.data is None:
        name = "national" if args.kommuner == 290 else f"kommuner-{args.kommuner}"
        args.data = OUT / f"{name}.yaml"
    if not 1 <= args.duration <= 120 or not 1 <= args.runs <= 20:
        parser.error("--duration must be 1-120 s and --runs 1-20")

    report, broken = bench(args)
    sys.path.insert(0, str(ROOT))
    from bench.crisis import run as crisis_bench  # the crisis reader (bench/crisis.py)

    crisis_bench(markdown=args.markdown)
    print()
    print("\n".join(table(report)))
    for note in report.notes:
        print(f"- {note}")
    sys.path.insert(0, str(BENCH.parent))
    from bench.words import reader_cost  # issue 11: the cost of reading free text

    print("\n".join(reader_cost()))
    if args.markdown:
        write_readme(markdown(report, args))
    if broken:
        return 2
    return 1 if any(row.verdict == "FAIL" for row in report.rows) else 0


if __name__ == "__main__":
    sys.exit(main())
