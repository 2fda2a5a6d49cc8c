"""The `vardkedjan` command: serve the registry, check a registry file, manage accounts,
export and import open standards (HSDS 3.0)."""

from __future__ import annotations

import argparse
import gc
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from app.cli_standards import STANDARDS_COMMANDS, add_standards_commands, run_standards
from app.cli_user import add_user_commands, run_user
from app.paths import BUNDLED_REGISTRY

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
    serve.add_argument("--workers", type=_at_least_one, default=1, help="worker processes")
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

    add_user_commands(commands)
    add_standards_commands(commands)

    args = parser.parse_args(argv)
    if args.command in STANDARDS_COMMANDS:
        return run_standards(args)
    if args.command == "check":
        # Only the domain is imported for a check: no web framework (issue 14).
        from app.cli_check import run_check

        return run_check(args.path, show_all=args.all)
    if args.command == "user":
        return run_user(args)
    if args.follow:
        os.environ["VARDKEDJAN_FOLLOW"] = args.follow
        os.environ["VARDKEDJAN_FOLLOW_INTERVAL"] = str(args.poll)
        os.environ["VARDKEDJAN_FOLLOW_FOLDER"] = str(args.instance.resolve())
    instance = None if args.read_only or args.follow else args.instance
    return run_serve(args.host, args.port, args.data, args.workers, instance)


def _at_least_one(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def console() -> None:
    """The console script. After `check`, exit without tearing down the heap.

    Freeing a national registry's million objects one by one takes longer than checking
    it; the operating system reclaims the memory at once (mypy exits the same way).
    For the same reason the collector stays off for the whole of a check, imports
    included: turned back on, its first pass would scan every object the check built
    (a tenth of a second at national scale) just before the process ends anyway.
    """
    if sys.argv[1:2] == ["check"]:
        gc.disable()
    try:
        code = main()
        sys.stdout.flush()
    except BrokenPipeError:  # the reader went away (`... | head`): stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        code = 1
    sys.stderr.flush()
    os._exit(code)


def run_serve(host: str, port: int, data: Path, workers: int, instance: Path | None) -> int:
    import uvicorn

    from app import serving
    from app.accesslog import log_config

    os.environ["VARDKEDJAN_DATA"] = str(data.resolve())
    if instance is None:
        os.environ.pop("VARDKEDJAN_INSTANCE", None)
    else:
        os.environ["VARDKEDJAN_INSTANCE"] = str(instance.resolve())
    where = f"the instance {instance} (seeded from {data})" if instance else f"{data} (read-only)"
    if os.environ.get("VARDKEDJAN_FOLLOW"):
        where = f"a read-only replica of {os.environ['VARDKEDJAN_FOLLOW']}"
    logs = log_config()
    if workers > 1:
        # The parent never loads the registry: a child checks it, the workers serve it.
        if not serving.probe():
            return 1
        print(f"Serving {where} on http://{host}:{port} ({workers} workers)", file=sys.stderr)
        serving.run_workers(host, port, workers, logs)
        return 0
    app = _build_app(instance)
    if app is None:
        return 1
    print(f"Serving {where} on http://{host}:{port}", file=sys.stderr)
    uvicorn.run(app, host=host, port=port, access_log=False, log_config=logs)
    return 0


def _build_app(instance: Path | None) -> Any:
    """The app from VARDKEDJAN_*, or None after printing why it cannot be served. The
    problems name the file that was refused: the seed, or the instance's own registry."""
    from pydantic import ValidationError

    from app.config import Settings
    from app.factory import app_from_settings
    from pathways.errors import PathwaysError, RegistryInvalid

    try:
        return app_from_settings(Settings())
    except RegistryInvalid as exc:
        print("vardkedjan: the registry was refused; nothing was loaded.", file=sys.stderr)
        print(exc, file=sys.stderr)
        if instance is not None:
            history = instance.resolve() / "registry"
            print(
                f"Its history is the git repository {history}: `git -C {history} log -p`"
                f" shows each change, and `git -C {history} revert COMMIT` undoes one.",
                file=sys.stderr,
            )
    except ValidationError as exc:
        print(f"vardkedjan: the settings were refused: {exc}", file=sys.stderr)
    except PathwaysError as exc:
        print(f"vardkedjan: {exc}", file=sys.stderr)
    return None


if __name__ == "__main__":
    console()
