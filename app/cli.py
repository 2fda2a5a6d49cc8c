"""The `vardkedjan` command: serve the registry, or check a registry file."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from app.accesslog import log_config
from app.paths import BUNDLED_REGISTRY
from pathways.audit import Finding, audit, by_code, from_problems
from pathways.errors import RegistryInvalid
from pathways.registry import Registry, settle

SHOWN_PER_CODE = 10


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="vardkedjan", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    serve = commands.add_parser("serve", help="serve the registry over HTTP")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--data", type=Path, default=BUNDLED_REGISTRY, help="registry YAML file")
    serve.add_argument("--workers", type=int, default=1, help="worker processes")

    check = commands.add_parser("check", help="validate a registry and print the audit")
    check.add_argument("path", type=Path)
    check.add_argument("--all", action="store_true", help="print every finding, not 10 per kind")

    args = parser.parse_args(argv)
    if args.command == "check":
        return run_check(args.path, show_all=args.all)
    return run_serve(args.host, args.port, args.data, args.workers)


def console() -> None:
    """The console script. After `check`, exit without tearing down the heap.

    Freeing a national registry's million objects one by one takes longer than checking
    it; the operating system reclaims the memory at once (mypy exits the same way).
    """
    try:
        code = main()
        sys.stdout.flush()
    except BrokenPipeError:  # the reader went away (`... | head`): stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        code = 1
    sys.stderr.flush()
    os._exit(code)


def load_or_report(path: Path) -> Registry | None:
    try:
        return Registry.from_file(path)
    except RegistryInvalid as exc:
        print(f"vardkedjan: {path} was refused; nothing was loaded.", file=sys.stderr)
        print(exc, file=sys.stderr)
        return None


def run_check(path: Path, *, show_all: bool = False) -> int:
    try:
        registry = Registry.from_file(path)
    except RegistryInvalid as exc:
        print(f"{path}: INVALID, {len(exc.problems)} problem(s); the registry is refused whole.")
        for finding in from_problems(exc.problems):
            print(f"  [error] {finding.code}: {finding.message}")
        return 1
    doc = registry.document
    print(
        f"{path}: valid. {len(doc.areas)} areas, {len(doc.providers)} providers "
        f"({sum(1 for _ in registry.active())} active), {len(doc.flows)} flows, "
        f"{registry.graph.number_of_edges()} referral edges."
    )
    findings = audit(registry, date.today())
    _print_findings(findings, show_all=show_all)
    errors = sum(1 for f in findings if f.severity == "error")
    return 1 if errors else 0


def _print_findings(findings: list[Finding], *, show_all: bool) -> None:
    if not findings:
        print("Audit: no findings.")
        return
    grouped = by_code(findings)
    summary = ", ".join(f"{code} {len(items)}" for code, items in sorted(grouped.items()))
    print(f"Audit: {len(findings)} finding(s): {summary}")
    for code, items in sorted(grouped.items()):
        shown = items if show_all else items[:SHOWN_PER_CODE]
        for f in shown:
            print(f"  [{f.severity}] {code}: {f.message}")
        if len(items) > len(shown):
            print(f"  ... and {len(items) - len(shown)} more {code} (use --all)")


def run_serve(host: str, port: int, data: Path, workers: int) -> int:
    import uvicorn

    from app.factory import create_app

    registry = load_or_report(data)
    if registry is None:
        return 1
    settle()
    print(f"Serving {data} on http://{host}:{port}", file=sys.stderr)
    logs = log_config()
    if workers > 1:
        os.environ["VARDKEDJAN_DATA"] = str(data.resolve())
        uvicorn.run(
            "app.main:app", host=host, port=port, workers=workers, access_log=False, log_config=logs
        )
    else:
        uvicorn.run(create_app(registry), host=host, port=port, access_log=False, log_config=logs)
    return 0


if __name__ == "__main__":
    console()
