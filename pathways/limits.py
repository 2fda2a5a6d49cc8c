"""Bounded input: no registry, alias or flow can make the service slow or large.

Checks the loader and the graph call, each refusing with a sentence that says what was
too big and which setting raises the limit:

- the registry file: a regular file (a FIFO or a device would hang the reader) of at
  most `VARDKEDJAN_MAX_REGISTRY_MB` (20 MB by default), refused before it is read;
- YAML aliases and merge keys: what they would add when expanded, at most
  `VARDKEDJAN_MAX_YAML_ALIAS_NODES` nodes (a "billion laughs" file is a few lines);
- referral edges: at most `VARDKEDJAN_MAX_REFERRAL_EDGES` in the graph; the refusal names
  the flow that expands the most;
- changes per account: at most `VARDKEDJAN_MAX_WRITES_PER_HOUR` (`pathways.store.writerate`).

The limits are read from the environment when used, so `vardkedjan check`, `serve` and
every worker apply the same ones; `app.config.Settings` documents them too.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from pathways.errors import Problem, RegistryInvalid


def whole_number(text: str, digits: int) -> int | None:
    """`text` as a whole number of at most `digits` digits, or None.

    Digits of any script count ("١٥", "１５": `int` reads them); signs that only look like
    digits ("²") do not, and a long run of digits is refused before `int` is asked (past
    4,300 digits it raises). The numbers of query strings and forms are read with it.
    """
    if 0 < len(text) <= digits and text.isdecimal():
        return int(text)
    return None


DEFAULT_REGISTRY_MB = 20
DEFAULT_ALIAS_NODES = 2_000_000
DEFAULT_REFERRAL_EDGES = 2_000_000
DEFAULT_WRITES_PER_HOUR = 120

T = TypeVar("T")


def _setting(name: str, default: int) -> int:
    try:
        value = int(os.environ.get(f"VARDKEDJAN_{name}", default))
    except ValueError:
        return default
    return value if value > 0 else default


@dataclass(frozen=True)
class Limits:
    registry_bytes: int
    alias_nodes: int
    referral_edges: int
    writes_per_hour: int = DEFAULT_WRITES_PER_HOUR

    @classmethod
    def current(cls) -> Limits:
        return cls(
            _setting("MAX_REGISTRY_MB", DEFAULT_REGISTRY_MB) * 1024 * 1024,
            _setting("MAX_YAML_ALIAS_NODES", DEFAULT_ALIAS_NODES),
            _setting("MAX_REFERRAL_EDGES", DEFAULT_REFERRAL_EDGES),
            _setting("MAX_WRITES_PER_HOUR", DEFAULT_WRITES_PER_HOUR),
        )


def _refuse(message: str, file: str | None = None, code: str = "too_large") -> RegistryInvalid:
    return RegistryInvalid([Problem(message, file=file, code=code)])


def check_file(path: Path) -> None:
    """Refuse, before reading, a path that is not a regular file or is too large."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise _refuse("file not found", str(path), "not_found") from None
    except OSError as exc:
        raise _refuse(f"cannot read the file: {exc.strerror}", str(path), "unreadable") from None
    if not stat.S_ISREG(info.st_mode):
        raise _refuse("not a regular file (a folder, a pipe or a device)", str(path), "not_a_file")
    check_size(info.st_size, str(path))


def read_text(path: Path) -> str:
    """A registry file's text: a regular file of bounded size (refused before a byte is
    read, `check_file`), in UTF-8; what cannot be read is refused, naming the file."""
    check_file(path)
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise _refuse("file not found", str(path), "not_found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise _refuse(f"cannot read the file: {exc}", str(path), "unreadable") from None


def check_size(size: int, file: str | None = None) -> None:
    limit = Limits.current().registry_bytes
    if size > limit:
        raise _refuse(
            f"the registry is {size / 1048576:.1f} MB, more than the {limit // 1048576} MB "
            "allowed (VARDKEDJAN_MAX_REGISTRY_MB); nothing was read",
            file,
        )


class AliasBudget:
    """Counts what YAML aliases add when expanded; refuses past the limit."""

    def __init__(self, file: str | None = None) -> None:
        self.limit = Limits.current().alias_nodes
        self.spent = 0
        self.file = file
        self._sizes: dict[int, int] = {}
        self._open: set[int] = set()

    def spend(self, value: Any) -> None:
        """An alias to `value` was used: add the size of what it stands for."""
        self.spent += self.size(value)
        if self.spent > self.limit:
            raise _refuse(
                f"YAML aliases and merge keys expand to more than {self.limit:,} values "
                "(VARDKEDJAN_MAX_YAML_ALIAS_NODES); write the records out instead",
                self.file,
            )

    def size(self, value: Any) -> int:
        """Nodes in `value` counted as if every shared part were written out (memoised)."""
        if not isinstance(value, dict | list):
            return 1
        key = id(value)
        known = self._sizes.get(key)
        if known is not None:
            return known
        if key in self._open:
            raise _refuse("a YAML alias refers to the node it is in", self.file, "syntax")
        self._open.add(key)
        items = value.values() if isinstance(value, dict) else value
        total = 1 + len(value) if isinstance(value, dict) else 1
        for item in items:
            total += self.size(item)
            if total > self.limit:
                break
        self._open.discard(key)
        self._sizes[key] = total
        return total


def check_expansion(data: Any, file: str | None = None) -> None:
    """For data from PyYAML's full loader: refuse when its shared parts expand too far."""
    budget = AliasBudget(file)
    if budget.size(data) > budget.limit:
        budget.spend(data)


class EdgeCounter:
    """Referral edges so far; the refusal names the flow that crossed the limit and the
    flow with the most edges, which is the one to narrow when it is another."""

    def __init__(self) -> None:
        self.limit = Limits.current().referral_edges
        self.total = 0
        self.largest = ("", 0)

    def add(self, flow_id: str, count: int) -> None:
        self.total += count
        if count > self.largest[1]:
            self.largest = (flow_id, count)
        if self.total <= self.limit:
            return
        most, edges = self.largest
        also = f"; the flow with the most is '{most}' ({edges:,})" if most != flow_id else ""
        raise RegistryInvalid(
            [
                Problem(
                    f"expands to {count:,} referral edges and takes the registry past the "
                    f"{self.limit:,} allowed (VARDKEDJAN_MAX_REFERRAL_EDGES){also}; narrow its "
                    "'within' or name the providers",
                    ("flows", flow_id),
                    subject=f"flow '{flow_id}'",
                    code="too_many_edges",
                )
            ]
        )
