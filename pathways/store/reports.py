"""Error reports from the public: "Rapportera fel i uppgifterna" on every provider page.

The people who use a registry see first what is wrong in it (HealthPathways and 1177
keep their data current this way). A report is a short text about one provider, with no
personal data asked for; it is stored in the instance (`reports.json`, outside the
registry's repository), listed in /admin/granskning with a link to fix the record, and
deleted 90 days after it is marked done. Bounded: at most `MAX_TEXT` characters, at most
`MAX_OPEN` open reports and `MAX_PER_HOUR` new ones an hour for the whole instance
(the per-address limit lives in memory in the web layer: no address is ever stored).
"""

from __future__ import annotations

import json
import secrets
from dataclasses import asdict, dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from pathways.errors import InvalidQuery, RateLimited
from pathways.store.atomic import atomic_write, exclusive

MAX_TEXT = 1000
MAX_OPEN = 2000
MAX_PER_HOUR = 200
KEEP_DONE = timedelta(days=90)


@dataclass(frozen=True)
class Report:
    id: str
    provider: str
    text: str
    created: str
    done: str | None = None


def clean(text: str) -> str:
    kept = "".join(c for c in text if c in "\n\t" or c.isprintable())
    return kept.strip()


class Reports:
    def __init__(self, path: Path, lock: Path) -> None:
        self.path = path
        self.lock = lock

    def _read(self) -> list[Report]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            return [Report(**item) for item in data]
        except (FileNotFoundError, ValueError, TypeError):
            return []

    def _write(self, reports: list[Report], now: datetime) -> None:
        kept = [
            r for r in reports if r.done is None or datetime.fromisoformat(r.done) > now - KEEP_DONE
        ]
        data = json.dumps([asdict(r) for r in kept], ensure_ascii=False, indent=1)
        atomic_write(self.path, data.encode("utf-8"), mode=0o600)

    def add(self, provider: str, text: str, now: datetime | None = None) -> Report:
        """Store a report; refuse an empty or long text, and a flood (`RateLimited`)."""
        moment = now or datetime.now(UTC)
        body = clean(text)
        if not body:
            raise InvalidQuery("text", "empty")
        if len(body) > MAX_TEXT:
            raise InvalidQuery("text", f"at most {MAX_TEXT} characters")
        with exclusive(self.lock):
            reports = self._read()
            recent = [
                r
                for r in reports
                if datetime.fromisoformat(r.created) > moment - timedelta(hours=1)
            ]
            open_ = [r for r in reports if r.done is None]
            if len(recent) >= MAX_PER_HOUR or len(open_) >= MAX_OPEN:
                raise RateLimited("the public", MAX_PER_HOUR, 3600)
            report = Report(
                secrets.token_hex(6), provider, body, moment.isoformat(timespec="seconds")
            )
            self._write([*reports, report], moment)
        return report

    def open(self) -> list[Report]:
        return [r for r in self._read() if r.done is None]

    def mark_done(self, ident: str, now: datetime | None = None) -> bool:
        moment = now or datetime.now(UTC)
        with exclusive(self.lock):
            reports = self._read()
            found = any(r.id == ident and r.done is None for r in reports)
            stamp = moment.isoformat(timespec="seconds")
            updated = [
                Report(r.id, r.provider, r.text, r.created, stamp) if r.id == ident else r
                for r in reports
            ]
            self._write(updated, moment)
        return found

    def all(self) -> list[Report]:
        return self._read()
