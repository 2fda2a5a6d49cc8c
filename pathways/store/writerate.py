"""Writes per account are rate-limited: no one account can flood the registry.

Each saved change is noted per user name, in `.writes.json` in the instance folder,
read and written only while the instance's write lock is held (so every worker counts
alike). At most `VARDKEDJAN_MAX_WRITES_PER_HOUR` changes per account in any hour; the
file keeps only the last hour, so it stays small.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

from pathways.errors import RateLimited
from pathways.limits import Limits
from pathways.store.atomic import atomic_write

HOUR = 3600


class WriteRate:
    def __init__(self, path: Path) -> None:
        self.path = path

    def _read(self, now: float) -> dict[str, list[float]]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (FileNotFoundError, ValueError):
            return {}
        if not isinstance(data, dict):
            return {}
        return {
            name: [t for t in stamps if isinstance(t, int | float) and t > now - HOUR]
            for name, stamps in data.items()
            if isinstance(stamps, list)
        }

    def check(self, name: str, now: float | None = None) -> None:
        """Refuse (`RateLimited`) when `name` has used up this hour's changes."""
        moment = time.time() if now is None else now
        limit = Limits.current().writes_per_hour
        recent = sorted(self._read(moment).get(name, []))
        if len(recent) >= limit:
            retry = int(recent[-limit] + HOUR - moment) + 1
            raise RateLimited(name, limit, max(retry, 1))

    def note(self, name: str, now: float | None = None) -> None:
        moment = time.time() if now is None else now
        book = {n: s for n, s in self._read(moment).items() if s}
        book.setdefault(name, []).append(moment)
        atomic_write(self.path, json.dumps(book).encode("utf-8"), mode=0o600)
