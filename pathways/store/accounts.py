"""Who may sign in, with what, and what each may change.

Accounts live in `accounts.json` in the instance folder, outside the registry's git
repository: password and token hashes must never be synced to other servers with the
registry. Passwords are stored as argon2 hashes (argon2-cffi), API tokens only as their
SHA-256 (a token is long and random, so a fast hash is enough and lookups stay cheap).

Failed sign-ins are recorded per user name *and* client address, only for names that
exist, in bounded storage (`MAX_THROTTLE_ENTRIES`): after `MAX_FAILURES` within `WINDOW`
that name is locked *from that address* until the oldest failure leaves the window,
whatever password is tried. So nobody can grow the file with made-up names, and nobody
can lock a real editor out from elsewhere.

Each user has a session generation: signing out, a new password and disabling the
account raise it, which ends every session of that user on every server and worker.

Writes take the accounts lock and replace the file atomically, like the registry; reads
are cached until the file changes, so checking a token on every request costs a `stat`.

Who may change what is in `pathways.store.access`.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import os
import re
import secrets
from collections.abc import Collection, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from pathlib import Path
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from pathways.errors import AuthenticationFailed, Conflict, InvalidQuery, LoginThrottled, NotFound
from pathways.store.atomic import atomic_write, exclusive

MAX_FAILURES = 5
WINDOW = timedelta(minutes=15)
MIN_PASSWORD = 10
MAX_THROTTLE_ENTRIES = 1000  # (name, address) pairs with recent failures; the file stays small
NAME = re.compile(r"^[a-z0-9][a-z0-9._-]{1,63}$")
TOKEN_PREFIX = "vk_"

log = logging.getLogger("vardkedjan.accounts")


class Role(StrEnum):
    admin = "admin"
    editor = "editor"


@dataclass(frozen=True)
class User:
    """A signed-in person: admins may change everything, editors only their areas."""

    name: str
    role: Role
    areas: tuple[str, ...] = ()
    generation: int = 0  # raised to end every session of this user
    disabled: bool = False

    @property
    def is_admin(self) -> bool:
        return self.role is Role.admin


def _now(now: datetime | None) -> datetime:
    return (now or datetime.now(UTC)).astimezone(UTC)


def _stamp(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds")


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


class Accounts:
    """The accounts file of one instance."""

    def __init__(self, path: Path, lock: Path, hasher: PasswordHasher | None = None) -> None:
        self.path = path
        self.lock = lock
        self.hasher = hasher or PasswordHasher()
        self._cache: tuple[tuple[int, int, int], dict[str, Any]] | None = None
        self._dummy: str | None = None

    # --- storage ---------------------------------------------------------------------

    def _read(self) -> dict[str, Any]:
        try:
            with self.path.open("rb") as source:
                info = os.fstat(source.fileno())
                signature = (info.st_mtime_ns, info.st_size, info.st_ino)
                if self._cache is not None and self._cache[0] == signature:
                    return self._cache[1]
                data: dict[str, Any] = json.loads(source.read().decode("utf-8"))
        except FileNotFoundError:
            return {"version": 1, "users": {}, "failed_logins": {}}
        self._cache = (signature, data)
        return data

    @contextmanager
    def _changing(self) -> Iterator[dict[str, Any]]:
        """Read, let the caller change, and write back, all under the accounts lock."""
        with exclusive(self.lock):
            self._cache = None
            data = json.loads(json.dumps(self._read()))  # a private copy to change
            yield data
            text = json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
            atomic_write(self.path, text.encode("utf-8"), mode=0o600)
            self._cache = None

    @staticmethod
    def _user(name: str, record: dict[str, Any]) -> User:
        return User(
            name,
            Role(record["role"]),
            tuple(record.get("areas", ())),
            int(record.get("sessions", 0)),
            record.get("disabled") is True,
        )

    # --- users -----------------------------------------------------------------------

    def add_user(
        self,
        name: str,
        role: Role | str,
        areas: Collection[str],
        password: str,
        *,
        known_areas: Collection[str] | None = None,
    ) -> User:
        """Create an account. Editors need at least one area; areas must exist if known."""
        if not NAME.match(name):
            raise InvalidQuery("name", "2-64 characters: a-z, 0-9, '.', '_' or '-'")
        try:
            role = Role(role)
        except ValueError:
            raise InvalidQuery("role", "must be admin or editor") from None
        areas = list(dict.fromkeys(areas))
        if role is Role.editor and not areas:
            raise InvalidQuery("area", "an editor needs at least one area")
        unknown = [a for a in areas if known_areas is not None and a not in known_areas]
        if unknown:
            raise InvalidQuery("area", f"unknown area {', '.join(map(repr, unknown))}")
        self._check_password(password)
        hashed = self.hasher.hash(password)
        with self._changing() as data:
            if name in data["users"]:
                raise Conflict(f"user '{name}' already exists", [name])
            data["users"][name] = {
                "role": role.value,
                "areas": areas,
                "password_hash": hashed,
                "token_hash": None,
                "created": _stamp(_now(None)),
            }
        return User(name, role, tuple(areas))

    @staticmethod
    def _check_password(password: str) -> None:
        if len(password) < MIN_PASSWORD:
            raise InvalidQuery("password", f"at least {MIN_PASSWORD} characters")

    def set_password(self, name: str, password: str) -> None:
        self._check_password(password)
        hashed = self.hasher.hash(password)
        with self._changing() as data:
            if name not in data["users"]:
                raise NotFound("user", name)
            data["users"][name]["password_hash"] = hashed
            data["users"][name]["sessions"] = data["users"][name].get("sessions", 0) + 1

    def _set(self, name: str, **fields: Any) -> None:
        with self._changing() as data:
            record = data["users"].get(name)
            if record is None:
                raise NotFound("user", name)
            record.update(fields)
            record["sessions"] = record.get("sessions", 0) + 1  # ends every session

    def end_sessions(self, name: str) -> None:
        """Sign out everywhere: every session cookie of this user stops working."""
        self._set(name)

    def disable(self, name: str) -> None:
        """No sign-in, no session, no token, until enabled again; nothing is deleted."""
        self._set(name, disabled=True)

    def enable(self, name: str) -> None:
        self._set(name, disabled=False)

    def remove(self, name: str) -> None:
        with self._changing() as data:
            if data["users"].pop(name, None) is None:
                raise NotFound("user", name)
            data.get("failed_logins", {}).pop(name, None)

    def get(self, name: str) -> User | None:
        record = self._read()["users"].get(name)
        return None if record is None else self._user(name, record)

    def users(self) -> list[User]:
        return [self._user(n, r) for n, r in sorted(self._read()["users"].items())]

    # --- passwords and throttling ----------------------------------------------------

    def verify_password(self, name: str, password: str) -> User | None:
        """The user if the password is right. Unknown names cost a hash too (no timing hint)."""
        record = self._read()["users"].get(name)
        if record is None:
            if self._dummy is None:
                self._dummy = self.hasher.hash(secrets.token_hex(16))
            with suppress(VerificationError, InvalidHashError):
                self.hasher.verify(self._dummy, password)
            return None
        try:
            self.hasher.verify(record["password_hash"], password)
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            return None
        if self.hasher.check_needs_rehash(record["password_hash"]):
            self.set_password(name, password)
        return self._user(name, record)

    def failures(self, name: str, address: str = "", now: datetime | None = None) -> list[datetime]:
        """Failed sign-ins for a user name from an address within the window, oldest first."""
        since = _now(now) - WINDOW
        book = self._read().get("failed_logins", {}).get(name[:64], {})
        stamps = book.get(address, []) if isinstance(book, dict) else []
        return [t for t in map(datetime.fromisoformat, stamps) if t > since]

    def locked_until(
        self, name: str, address: str = "", now: datetime | None = None
    ) -> datetime | None:
        """When a throttled user name may try again from `address`, or None if it may now."""
        recent = self.failures(name, address, now)
        if len(recent) < MAX_FAILURES:
            return None
        return recent[-MAX_FAILURES] + WINDOW

    def record_failure(self, name: str, address: str = "", now: datetime | None = None) -> None:
        """Count a failed sign-in, for an existing name only; the oldest entries go first."""
        moment = _now(now)
        log.warning("failed login for %r", name[:64])
        if self.get(name) is None:
            return
        with self._changing() as data:
            book = _forget_old(data.setdefault("failed_logins", {}), moment - WINDOW)
            book.setdefault(name, {}).setdefault(address[:64], []).append(_stamp(moment))
            entries = [(n, a) for n, addresses in book.items() for a in addresses]
            entries.sort(key=lambda entry: book[entry[0]][entry[1]][-1])
            for old_name, old_address in entries[: max(0, len(entries) - MAX_THROTTLE_ENTRIES)]:
                del book[old_name][old_address]
                if not book[old_name]:
                    del book[old_name]

    def clear_failures(self, name: str, address: str = "") -> None:
        book = self._read().get("failed_logins", {}).get(name[:64])
        if isinstance(book, dict) and address in book:
            with self._changing() as data:
                mine = data.setdefault("failed_logins", {}).get(name[:64], {})
                mine.pop(address, None)
                if not mine:
                    data["failed_logins"].pop(name[:64], None)

    def authenticate(
        self, name: str, password: str, now: datetime | None = None, *, address: str = ""
    ) -> User:
        """Sign in: refuse a locked name without checking, record a failure, clear on success."""
        until = self.locked_until(name, address, now)
        if until is not None:
            log.warning("login refused for %r: locked until %s", name[:64], until)
            raise LoginThrottled(name[:64], _stamp(until))
        user = self.verify_password(name, password)
        if user is None or user.disabled:
            self.record_failure(name, address, now)
            raise AuthenticationFailed()
        self.clear_failures(name, address)
        return user

    # --- API tokens ------------------------------------------------------------------

    def new_token(self, name: str) -> str:
        """A new personal API token (shown once); it replaces the user's previous one."""
        token = TOKEN_PREFIX + secrets.token_urlsafe(32)
        with self._changing() as data:
            record = data["users"].get(name)
            if record is None:
                raise NotFound("user", name)
            record["token_hash"] = token_hash(token)
            record["token_created"] = _stamp(_now(None))
        return token

    def revoke_token(self, name: str) -> None:
        with self._changing() as data:
            if name in data["users"]:
                data["users"][name]["token_hash"] = None

    def user_for_token(self, token: str) -> User | None:
        if not token.startswith(TOKEN_PREFIX) or len(token) > 200:
            return None
        wanted = token_hash(token)
        for name, record in self._read()["users"].items():
            stored = record.get("token_hash")
            if stored and hmac.compare_digest(stored, wanted):
                user = self._user(name, record)
                return None if user.disabled else user
        return None


def _forget_old(book: dict[str, Any], since: datetime) -> dict[str, Any]:
    """The failure book without what no longer counts (and without an old flat format)."""
    kept: dict[str, dict[str, list[str]]] = {}
    for name, addresses in book.items():
        if not isinstance(addresses, dict):
            continue
        for address, stamps in addresses.items():
            recent = [t for t in stamps if datetime.fromisoformat(t) > since]
            if recent:
                kept.setdefault(name, {})[address] = recent
    book.clear()
    book.update(kept)
    return book
