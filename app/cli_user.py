"""`vardkedjan user ...`: accounts of an instance, from the server's command line.

`add`, `token`, `list`, `disable`, `enable`, `passwd` and `remove`. Every change but a
new token is recorded in the registry's history (`pathways.store.useradmin`); disabling, a new
password and removing end every session of that user at once.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from app.paths import BUNDLED_REGISTRY
from pathways.errors import PathwaysError

if TYPE_CHECKING:
    from pathways.store.live import Instance

DEFAULT_INSTANCE = Path("instance")
CHANGES = {
    "disable": "stop the account: no sign-in, session or token (nothing is deleted)",
    "enable": "let a disabled account sign in again",
    "passwd": "set a new password (asked twice) and end the user's sessions",
    "remove": "delete the account (its changes stay in the history)",
}


def add_user_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    user = commands.add_parser("user", help="manage the accounts of an instance")
    actions = user.add_subparsers(dest="user_command", required=True)
    add = actions.add_parser("add", help="create an account (the password is asked twice)")
    add.add_argument("name")
    add.add_argument("--role", choices=["admin", "editor"], required=True)
    add.add_argument(
        "--area", nargs="+", action="extend", default=[], help="area ids the user may edit"
    )
    token = actions.add_parser("token", help="print a new API token (replaces the old one)")
    token.add_argument("name")
    listing = actions.add_parser("list", help="list the accounts: role, areas, state")
    parsers = [add, token, listing]
    for action, text in CHANGES.items():
        parser = actions.add_parser(action, help=text)
        parser.add_argument("name")
        parsers.append(parser)
    reading = [p for p in parsers if p.prog.split()[-1] in ("add", "passwd")]
    for parser in reading:
        parser.add_argument(
            "--password-stdin", action="store_true", help="read the password from standard input"
        )
    for parser in parsers:
        parser.add_argument("--instance", type=Path, default=DEFAULT_INSTANCE, help="instance")


def _read_password(from_stdin: bool) -> str | None:
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass("Password: ")
    if getpass.getpass("Password again: ") != first:
        print("vardkedjan: the passwords differ; nothing was changed.", file=sys.stderr)
        return None
    return first


def run_user(args: argparse.Namespace) -> int:
    """Run one `user` command on the instance folder (created from the bundled file)."""
    from pathways.store.live import Instance

    try:
        instance = Instance.open(args.instance, BUNDLED_REGISTRY)
        return _run(instance, args)
    except PathwaysError as exc:
        print(f"vardkedjan: {exc}", file=sys.stderr)
        return 1


def _run(instance: Instance, args: argparse.Namespace) -> int:
    from pathways.store.useradmin import change_user, record

    command = args.user_command
    if command == "token":
        print(instance.accounts.new_token(args.name))
        return 0
    if command == "list":
        for user in instance.accounts.users():
            areas = ", ".join(user.areas) or "all areas"
            state = "disabled" if user.disabled else "active"
            print(f"{user.name}\t{user.role.value}\t{areas}\t{state}")
        return 0
    password = ""
    if command in ("add", "passwd"):
        read = _read_password(args.password_stdin)
        if read is None:
            return 1
        password = read
    if command == "add":
        user = instance.accounts.add_user(
            args.name, args.role, args.area, password, known_areas=set(instance.registry().areas)
        )
        record(instance, "add", user.name)
        areas = ", ".join(user.areas) or "all areas"
        print(f"Created {user.role.value} '{user.name}' ({areas}) in {args.instance}.")
        return 0
    change_user(instance, command, args.name, password=password)
    print(f"{command}: '{args.name}' in {args.instance}; recorded in the history.")
    return 0
