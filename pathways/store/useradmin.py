"""Account changes recorded in the history like any change.

Accounts live outside the registry's repository (their hashes must never be synced), but
who was given, changed or lost access is part of the registry's story: every account
change appends one line to `accounts.log` in the repository and commits it, with the
acting administrator as author (or the system, from the command line) and a Swedish
summary, so it is listed in Historik beside the edits it made possible. No hash, no
password, no token ever goes into that file.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Protocol

from pathways.store.accounts import Accounts
from pathways.store.atomic import exclusive
from pathways.store.git import SYSTEM_EMAIL, SYSTEM_NAME, Git, author_ident

LOG = "accounts.log"
TRAILER = "Vardkedjan-Users"
SUMMARIES = {
    "add": "Nytt konto '{name}'",
    "disable": "Stäng av kontot '{name}'",
    "enable": "Aktivera kontot '{name}' igen",
    "passwd": "Nytt lösenord för '{name}'",
    "remove": "Ta bort kontot '{name}'",
}


class Instance(Protocol):
    """What account changes need of `pathways.store.live.Instance` (a protocol: the
    instance imports `LOG` from here, so this module cannot import it back)."""

    lock_file: Path
    registry_dir: Path
    git: Git
    accounts: Accounts


def record(instance: Instance, action: str, name: str, actor: str | None = None) -> str:
    """Note an account change in the repository and commit it; return the commit."""
    summary = SUMMARIES[action].format(name=name)
    author = author_ident(actor) if actor else f"{SYSTEM_NAME} <{SYSTEM_EMAIL}>"
    when = datetime.now(UTC).isoformat(timespec="seconds")
    with exclusive(instance.lock_file):
        path = instance.registry_dir / LOG
        with path.open("a", encoding="utf-8") as out:
            out.write(f"{when}\t{actor or 'system'}\t{action}\t{name}\n")
        message = f"{summary}\n\n{TRAILER}: {name}\n"
        return instance.git.commit(LOG, author=author, message=message)


def change_user(
    instance: Instance, action: str, name: str, actor: str | None = None, password: str = ""
) -> str:
    """Disable, enable, set a password for or remove an account, and record it."""
    accounts = instance.accounts
    if action == "disable":
        accounts.disable(name)
    elif action == "enable":
        accounts.enable(name)
    elif action == "passwd":
        accounts.set_password(name, password)
    elif action == "remove":
        accounts.remove(name)
    else:
        raise ValueError(f"not an account action: {action}")
    return record(instance, action, name, actor)
