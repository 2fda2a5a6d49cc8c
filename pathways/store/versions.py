"""Registry records as written, their versions (ETags), and the differences between two texts.

Everything here works on the *raw* records, as the YAML says them (after merge keys are
resolved), not on the validated models: an ETag must change when anything an editor
wrote changes, and a diff must show the fields people wrote, not defaults filled in.
Diffs are computed when they are read (never stored), so a history entry can always be
shown with today's code.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from pathways.loader import parse_yaml
from pathways.validation import written
from pathways.yamlio.canonical import canonical, compact_json, jsonable

Record = dict[str, Any]
Action = Literal["added", "removed", "changed"]


def etag(record: Any) -> str:
    """The version of a record: changes exactly when what is written in it changes."""
    return hashlib.sha256(canonical(record).encode("utf-8")).hexdigest()[:32]


def singular(section: str) -> str:
    """What one record of a section is called: `providers` -> `provider`."""
    return section[:-1] if section.endswith("s") else section


class Entry:
    """One record: as parsed, as plain JSON data, and canonical (the last two on demand).

    Building them for every record of a national registry would cost seconds per change;
    a diff compares the parsed records directly and converts only those that differ.
    """

    __slots__ = ("_canonical", "_record", "index", "raw")

    def __init__(self, raw: Mapping[str, Any], index: int) -> None:
        self.raw = raw
        self.index = index  # position in its section
        self._record: Record | None = None
        self._canonical: str | None = None

    @property
    def record(self) -> Record:
        if self._record is None:
            self._record = jsonable(self.raw)
        return self._record

    @property
    def canonical(self) -> str:
        if self._canonical is None:
            self._canonical = compact_json(self.record)
        return self._canonical


class RecordIndex:
    """The records of one registry text by section and id."""

    def __init__(self, raw: Any) -> None:
        self.sections: dict[str, dict[str, Entry]] = {}
        if not isinstance(raw, Mapping):
            return
        for name, items in raw.items():
            if not isinstance(items, list):
                continue
            entries: dict[str, Entry] = {}
            for position, item in enumerate(items):
                if isinstance(item, Mapping) and isinstance(item.get("id"), str):
                    entries.setdefault(item["id"], Entry(item, position))
            self.sections[str(name)] = entries

    def spliced(
        self, raw: Mapping[str, Any], splices: Mapping[str, Any], replaced: Mapping[str, Any]
    ) -> RecordIndex:
        """The index of `raw`, which differs from this index's text by `splices` (per
        section, `pathways.validation.Splice`s in order; `replaced` the records they
        took out): entries outside them are shared, and stay in their order."""
        out = RecordIndex(None)
        out.sections = dict(self.sections)
        for name, stretches in splices.items():
            items = raw[name]
            entries = dict(self.sections.get(name, {}))
            taken = iter(replaced.get(name, ()))
            for n, (splice, now) in enumerate(zip(stretches, written(stretches), strict=True)):
                new = items[now.start : now.stop]
                old_ids = [_ident(next(taken)) for _ in range(splice.removed)]
                new_ids = [_ident(r) for r in new]
                at_end = n == len(stretches) - 1 and now.stop >= len(items)
                same = old_ids == new_ids[: len(old_ids)] and (len(new) == len(old_ids) or at_end)
                if not same or None in new_ids:
                    entries = RecordIndex({name: items}).sections.get(name, {})
                    break
                for position, (item, ident) in enumerate(zip(new, new_ids, strict=True), now.start):
                    assert ident is not None
                    entries[ident] = Entry(item, position)
            out.sections[name] = entries
        return out

    @classmethod
    def from_text(cls, text: str, file: str = "<registry>") -> RecordIndex:
        return cls(parse_yaml(text, file) if text else None)

    def get(self, section: str, ident: str) -> Entry | None:
        return self.sections.get(section, {}).get(ident)

    def records(self, section: str) -> dict[str, Entry]:
        return self.sections.get(section, {})

    def etag(self, section: str, ident: str) -> str | None:
        entry = self.get(section, ident)
        return None if entry is None else etag(entry.record)


@dataclass(frozen=True)
class FieldChange:
    field: str
    before: Any  # None when the field was not written
    after: Any


@dataclass(frozen=True)
class RecordChange:
    """One record added, removed or changed, with every field that differs."""

    section: str
    id: str
    action: Action
    before: Record | None
    after: Record | None
    fields: tuple[FieldChange, ...] = ()

    @property
    def noun(self) -> str:
        return singular(self.section)

    @property
    def label(self) -> str:
        return f"{self.noun} '{self.id}'"


@dataclass(frozen=True)
class ChangeDiff:
    """What a change does to the registry, record by record."""

    records: tuple[RecordChange, ...] = field(default=())

    def __bool__(self) -> bool:
        return bool(self.records)

    def __iter__(self) -> Iterator[RecordChange]:
        return iter(self.records)

    def ids(self, section: str) -> list[str]:
        return [r.id for r in self.records if r.section == section]

    def of(self, section: str, action: Action | None = None) -> list[RecordChange]:
        return [
            r
            for r in self.records
            if r.section == section and (action is None or r.action == action)
        ]

    def find(self, section: str, ident: str) -> RecordChange | None:
        return next((r for r in self.records if r.section == section and r.id == ident), None)


def field_changes(before: Record, after: Record) -> tuple[FieldChange, ...]:
    """Top-level fields that differ, in the order the new record writes them."""
    keys = [*after, *(k for k in before if k not in after)]
    return tuple(
        FieldChange(key, before.get(key), after.get(key))
        for key in keys
        if canonical(before.get(key)) != canonical(after.get(key))
        or (key in before) != (key in after)
    )


def diff(old: RecordIndex, new: RecordIndex) -> ChangeDiff:
    """Every record that differs between two versions of the registry."""
    out: list[RecordChange] = []
    names = [*new.sections, *(s for s in old.sections if s not in new.sections)]
    for section in names:
        before, after = old.records(section), new.records(section)
        for ident, entry in after.items():
            was = before.get(ident)
            if was is None:
                out.append(RecordChange(section, ident, "added", None, entry.record))
            elif was.raw != entry.raw:
                changes = field_changes(was.record, entry.record)
                out.append(
                    RecordChange(section, ident, "changed", was.record, entry.record, changes)
                )
        for ident, was in before.items():
            if ident not in after:
                out.append(RecordChange(section, ident, "removed", was.record, None))
    return ChangeDiff(tuple(out))


def _ident(record: Any) -> str | None:
    ident = record.get("id") if isinstance(record, Mapping) else None
    return ident if isinstance(ident, str) else None


@dataclass(frozen=True)
class Versioned:
    """A record as written, with its ETag for `If-Match`."""

    record: dict[str, Any]
    etag: str


@dataclass(frozen=True)
class Preview:
    """What a change would do, not yet saved."""

    diff: ChangeDiff
    summary: str


@dataclass(frozen=True)
class Saved:
    """A saved change: its commit (None when nothing changed) and the record's new ETag."""

    commit: str | None
    diff: ChangeDiff
    summary: str
    etag: str | None
