"""The `vardkedjan` command: serve the registry, check a registry file, manage accounts."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from app.accesslog import log_config
from app.paths import BUNDLED_REGISTRY
from pathways.audit import Finding, audit, by_code, from_problems
from pathways.errors import PathwaysError, RegistryInvalid
from pathways.registry import Registry

SHOWN_PER_CODE = 10
DEFAULT_INSTANCE = Path("instance")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="vardkedjan", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    serve = commands.add_parser("serve", help="serve the registry over HTTP")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument(
        "--data",
        type=Path,
        default=BUNDLED_REGISTRY,
        help="registry YAML file: the seed of a new instance, or what --read-only serves",
    )
    serve.add_argument(
        "--instance",
        type=Path,
        default=DEFAULT_INSTANCE,
        help="instance folder holding the live, editable registry (created on first start)",
    )
    serve.add_argument(
        "--read-only", action="store_true", help="serve --data as it is: no instance, no admin"
    )
    serve.add_argument("--workers", type=int, default=1, help="worker processes")
    serve.add_argument(
        "--follow",
        metavar="URL",
        help="run a read-only replica of the primary whose registry repository is at URL "
        "(anything `git fetch` takes); its mirror lives in --instance",
    )
    serve.add_argument(
        "--poll", type=float, default=5.0, help="with --follow: seconds between fetches (0: never)"
    )

    check = commands.add_parser("check", help="validate a registry and print the audit")
    check.add_argument("path", type=Path)
    check.add_argument("--all", action="store_true", help="print every finding, not 10 per kind")

    _add_user_commands(commands)

    args = parser.parse_args(argv)
    if args.command == "check":
        return run_check(args.path, show_all=args.all)
    if args.command == "user":
        return run_user(args)
    if args.follow:
        os.environ["VARDKEDJAN_FOLLOW"] = args.follow
        os.environ["VARDKEDJAN_FOLLOW_INTERVAL"] = str(args.poll)
        os.environ["VARDKEDJAN_FOLLOW_FOLDER"] = str(args.instance.resolve())
    instance = None if args.read_only or args.follow else args.instance
    return run_serve(args.host, args.port, args.data, args.workers, instance)


def _add_user_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    user = commands.add_parser("user", help="manage the accounts of an instance")
    actions = user.add_subparsers(dest="user_command", required=True)
    add = actions.add_parser("add", help="create an account (the password is asked twice)")
    add.add_argument("name")
    add.add_argument("--role", choices=["admin", "editor"], required=True)
    add.add_argument(
        "--area", nargs="+", action="extend", default=[], help="area ids the user may edit"
    )
    add.add_argument(
        "--password-stdin", action="store_true", help="read the password from standard input"
    )
    token = actions.add_parser("token", help="print a new API token (replaces the old one)")
    token.add_argument("name")
    for action in (add, token):
        action.add_argument(
            "--instance", type=Path, default=DEFAULT_INSTANCE, help="instance folder"
        )


def _read_password(from_stdin: bool) -> str | None:
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass("Password: ")
    if getpass.getpass("Password again: ") != first:
        print("vardkedjan: the passwords differ; no account was made.", file=sys.stderr)
        return None
    return first


def run_user(args: argparse.Namespace) -> int:
    """`user add` and `user token`, on the instance folder (created from the bundled file)."""
    from pathways.instance import Instance

    try:
        instance = Instance.open(args.instance, BUNDLED_REGISTRY)
        if args.user_command == "token":
            print(instance.accounts.new_token(args.name))
            return 0
        password = _read_password(args.password_stdin)
        if password is None:
            return 1
        user = instance.accounts.add_user(
            args.name,
            args.role,
            args.area,
            password,
            known_areas=set(instance.registry().areas),
        )
    except PathwaysError as exc:
        print(f"vardkedjan: {exc}", file=sys.stderr)
        return 1
    areas = ", ".join(user.areas) or "all areas"
    print(f"Created {user.role.value} '{user.name}' ({areas}) in {args.instance}.")
    return 0


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


def run_serve(host: str, port: int, data: Path, workers: int, instance: Path | None) -> int:
    import uvicorn
    from pydantic import ValidationError

    from app.config import Settings
    from app.factory import app_from_settings

    os.environ["VARDKEDJAN_DATA"] = str(data.resolve())
    if instance is None:
        os.environ.pop("VARDKEDJAN_INSTANCE", None)
    else:
        os.environ["VARDKEDJAN_INSTANCE"] = str(instance.resolve())
    try:
        app = app_from_settings(Settings())
    except RegistryInvalid as exc:
        print(f"vardkedjan: {data} was refused; nothing was loaded.", file=sys.stderr)
        print(exc, file=sys.stderr)
        return 1
    except ValidationError as exc:
        print(f"vardkedjan: the settings were refused: {exc}", file=sys.stderr)
        return 1
    except PathwaysError as exc:
        print(f"vardkedjan: {exc}", file=sys.stderr)
        return 1
    where = f"the instance {instance} (seeded from {data})" if instance else f"{data} (read-only)"
    if os.environ.get("VARDKEDJAN_FOLLOW"):
        where = f"a read-only replica of {os.environ['VARDKEDJAN_FOLLOW']}"
    print(f"Serving {where} on http://{host}:{port}", file=sys.stderr)
    logs = log_config()
    if workers > 1:
        del app  # each worker builds its own from the same settings
        # A worker loading a national registry from its snapshot holds the GIL while it
        # unpickles, and cannot answer the supervisor's ping: give it time on a busy host.
        uvicorn.run(
            "app.main:app",
            host=host,
            port=port,
            workers=workers,
            access_log=False,
            log_config=logs,
            timeout_worker_healthcheck=60,
        )
    else:
        uvicorn.run(app, host=host, port=port, access_log=False, log_config=logs)
    return 0


if __name__ == "__main__":
    console()
