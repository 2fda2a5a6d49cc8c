"""The changes an administrator can make, and how each becomes a new registry text.

`plan` is pure: from the current text and one operation it computes the new text,
checks it with the loader's own validation (`pathways.loader.load_parsed`, the function
`vardkedjan check` and the YAML loader use, STYLE.md #1), and says what changed, record
by record. `pathways.store.live` writes what `plan` returns; a preview shows it unsaved.

Records are given as the YAML writes them (`from`, `to`, `except` for flows; dates as
`date` objects or ISO strings); an update replaces the whole record, like a PUT.

Retiring a provider: validation refuses flows to or from a retired provider (and forums
that list it as a member). By default the retirement is then refused with those records
named, so nothing disappears unseen; with `remove_references=True` the same change also
deletes those flows and takes the provider off those forums, and the preview lists them.
"""

from __future__ import annotations

import typing
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any, ClassVar, Literal

from pathways.errors import Conflict, NotFound, PreconditionFailed, Problem, RegistryInvalid
from pathways.loader import load_parsed
from pathways.models import RegistryDocument
from pathways.store import incremental
from pathways.store.focus import Cursor
from pathways.store.history import describe
from pathways.store.incremental import Changed, Version
from pathways.store.versions import ChangeDiff, RecordIndex, diff, etag, singular
from pathways.validation import KIND_IDS
from pathways.yamlio.canonical import canonical, jsonable
from pathways.yamlio.edit import LayoutError, append_record, remove_record, replace_record

FILE = "providers.yaml"


@dataclass(frozen=True)
class Create:
    """Add a record to a section; subclasses name the section."""

    record: Mapping[str, Any]
    section: ClassVar[str] = ""


@dataclass(frozen=True)
class Update:
    """Replace a record, like a PUT, if it is still at version `if_match`."""

    ident: str
    record: Mapping[str, Any]
    if_match: str
    section: ClassVar[str] = ""


@dataclass(frozen=True)
class Remove:
    """Delete a record from its section (git keeps it in the history)."""

    ident: str
    if_match: str
    section: ClassVar[str] = ""


@dataclass(frozen=True)
class RetireProvider:
    """Providers are retired, never erased: see the module docstring for references."""

    provider_id: str
    if_match: str
    remove_references: bool = False


class CreateProvider(Create):
    section = "providers"


class UpdateProvider(Update):
    section = "providers"

    @property
    def provider_id(self) -> str:
        return self.ident


class CreateFlow(Create):
    section = "flows"


class UpdateFlow(Update):
    section = "flows"


class DeleteFlow(Remove):
    section = "flows"


class CreateForum(Create):
    section = "forums"


class UpdateForum(Update):
    section = "forums"


class DeleteForum(Remove):
    """Forums have no `retired` field: a forum that stops meeting is removed."""

    section = "forums"


Operation = Create | Update | Remove | RetireProvider


@dataclass(frozen=True)
class Edit:
    """One record to write (`record`) or to remove (`record` is None)."""

    section: str
    ident: str
    action: Literal["create", "update", "remove"]
    record: dict[str, Any] | None = None


@dataclass(frozen=True)
class Plan:
    """A change ready to be written: the new text, already validated, and what it does."""

    text: str
    document: RegistryDocument
    records: RecordIndex
    diff: ChangeDiff
    summary: str
    section: str
    ident: str
    version: Version | None = None  # read in part: its registry is already built
    raw: Any = incremental.UNREAD  # read whole: the data, for the next edit to read from

    @property
    def etag(self) -> str | None:
        """The new version of the record the operation was about (None once removed)."""
        return self.records.etag(self.section, self.ident)


@cache
def field_order(section: str) -> tuple[str, ...]:
    """The fields of a section's records in the order the models (and the docs) list them."""
    annotation = RegistryDocument.model_fields[section].annotation if section != "version" else None
    args = typing.get_args(annotation)
    if not args or not hasattr(args[0], "model_fields"):
        return ("id",)
    order = [info.alias or name for name, info in args[0].model_fields.items()]
    if "needs" in order and section == "providers":
        order.insert(order.index("needs") + 1, "severity")
    return tuple(order)


@cache
def _date_fields(section: str) -> frozenset[str]:
    if section not in RegistryDocument.model_fields:
        return frozenset()
    args = typing.get_args(RegistryDocument.model_fields[section].annotation)
    model = args[0] if args else None
    fields = getattr(model, "model_fields", {})
    return frozenset(
        info.alias or name
        for name, info in fields.items()
        if info.annotation is date or date in typing.get_args(info.annotation)
    )


def normalise(section: str, record: Mapping[str, Any]) -> dict[str, Any]:
    """A record as plain data; ISO dates in date fields become dates, so YAML stays plain."""
    out: dict[str, Any] = jsonable(dict(record))
    for name in _date_fields(section):
        value = out.get(name)
        if isinstance(value, str):
            try:
                parsed = date.fromisoformat(value)
            except ValueError:
                continue
            if parsed.isoformat() == value:
                out[name] = parsed
    return out


def _problem(section: str, index: int, field: str, message: str, ident: str | None) -> Problem:
    subject = f"{singular(section)} '{ident}'" if ident else f"new {singular(section)}"
    return Problem(message, (section, index, field), subject=subject)


def _current(records: RecordIndex, section: str, ident: str, if_match: str) -> dict[str, Any]:
    entry = records.get(section, ident)
    if entry is None:
        raise NotFound(singular(section), ident)
    current = etag(entry.record)
    if if_match != current:
        raise PreconditionFailed(singular(section), ident, current)
    return entry.record


def _create(records: RecordIndex, section: str, record: Mapping[str, Any]) -> Edit:
    ident = record.get("id")
    index = len(records.records(section))
    if not isinstance(ident, str) or not ident:
        raise RegistryInvalid([_problem(section, index, "id", "is required", None)])
    if records.get(section, ident) is not None:
        raise Conflict(f"{singular(section)} '{ident}' already exists", [ident])
    return Edit(section, ident, "create", normalise(section, record))


def _update(
    records: RecordIndex, section: str, ident: str, record: Mapping[str, Any], if_match: str
) -> Edit:
    _current(records, section, ident, if_match)
    entry = records.get(section, ident)
    assert entry is not None
    if record.get("id", ident) != ident:
        raise RegistryInvalid(
            [_problem(section, entry.index, "id", "the id cannot be changed; add a new one", ident)]
        )
    return Edit(section, ident, "update", normalise(section, {"id": ident, **record}))


def _retire(records: RecordIndex, op: RetireProvider) -> list[Edit]:
    current = _current(records, "providers", op.provider_id, op.if_match)
    if current.get("retired") is True:
        raise Conflict(f"provider '{op.provider_id}' is already retired", [op.provider_id])
    edits = [
        Edit(
            "providers",
            op.provider_id,
            "update",
            normalise("providers", {**current, "retired": True}),
        )
    ]
    if not op.remove_references:
        return edits
    for ident, entry in records.records("flows").items():
        if op.provider_id in (entry.record.get("from"), entry.record.get("to")):
            edits.append(Edit("flows", ident, "remove"))
    for ident, entry in records.records("forums").items():
        members = entry.record.get("members")
        if isinstance(members, list) and op.provider_id in members:
            kept = [m for m in members if m != op.provider_id]
            record = normalise("forums", {**entry.record, "members": kept})
            edits.append(Edit("forums", ident, "update", record))
    return edits


def edits_for(records: RecordIndex, op: Operation) -> list[Edit]:
    """The records an operation writes or removes; checks versions and existence."""
    match op:
        case Create(record):
            return [_create(records, op.section, record)]
        case Update(ident, record, if_match):
            return [_update(records, op.section, ident, record, if_match)]
        case Remove(ident, if_match):
            _current(records, op.section, ident, if_match)
            return [Edit(op.section, ident, "remove")]
        case RetireProvider():
            return _retire(records, op)
    raise TypeError(f"not an operation: {op!r}")  # pragma: no cover


def _write(cursor: Cursor, records: RecordIndex, edit: Edit) -> None:
    """Write one edit into the text: through the records' own lines when the cursor can
    find them (`pathways.store.focus`), else through the whole text."""
    order = field_order(edit.section) if edit.section in RegistryDocument.model_fields else ("id",)
    section, ident = edit.section, edit.ident
    change: Callable[[str], str]
    if edit.action == "remove":

        def change(text: str) -> str:
            return remove_record(text, section, ident)

        done = cursor.remove(section, ident, change)
    elif edit.action == "create":
        record = edit.record
        assert record is not None

        def change(text: str) -> str:
            return append_record(text, section, record, order)

        done = cursor.append(section, ident, change)
    else:
        entry = records.get(section, ident)
        assert entry is not None
        assert edit.record is not None
        new, current = edit.record, entry.record

        def change(text: str) -> str:
            return replace_record(text, section, ident, new, current, order)

        done = cursor.replace(section, ident, change)
    if not done:
        cursor.whole(change(cursor.text), section, ident, edit.action)


def plan(text: str, records: RecordIndex, op: Operation, base: Version | None = None) -> Plan:
    """The new registry for `op`, validated; raises the domain error that refuses it.

    `base`, the version `text` and `records` come from, lets the edit be written, read
    and checked in proportion to its size (`pathways.store.incremental`)."""
    edits = edits_for(records, op)
    known = base is not None and base.text == text
    cursor = Cursor(text, base.layout if base is not None and known else None, records)
    for edit in edits:
        try:
            _write(cursor, records, edit)
        except LayoutError as exc:
            raise _layout_refused(records, edit, exc) from None
    return finish(text, records, cursor.text, edits, "", base if known else None, cursor.changed)


def _read(
    records: RecordIndex, new_text: str, base: Version | None, changed: Changed
) -> tuple[RegistryDocument, RecordIndex, ChangeDiff, Version | None, Any]:
    """The new text read in part from `base` when that can be done, else whole (parsed
    once, for the document, the records and the next edit); with the diff from `records`."""
    version = incremental.read(base, new_text, FILE, changed) if base is not None else None
    if version is not None and base is not None:
        doc, found, unread = version.document, version.records, incremental.UNREAD
        return doc, found, incremental.diff(version), version, unread
    raw, document = load_parsed(new_text, FILE)
    new_records = RecordIndex(raw)
    return document, new_records, diff(records, new_records), None, raw


def finish(
    text: str,
    records: RecordIndex,
    new_text: str,
    edits: Sequence[Edit],
    summary: str = "",
    base: Version | None = None,
    changed: Changed = None,  # how new_text differs from base's, if known (`Cursor`)
) -> Plan:
    """Validate a new text with the loader, check it says what the edits meant, and diff it."""
    document, new_records, changes, version, raw = _read(records, new_text, base, changed)
    problems = []
    for edit in edits:
        got = new_records.get(edit.section, edit.ident)
        wanted = edit.record
        if wanted is None and got is None:
            continue
        if wanted is None or got is None or got.canonical != canonical(wanted):
            index = got.index if got else len(records.records(edit.section))
            problems.append(
                _problem(
                    edit.section,
                    index,
                    _first_difference(wanted, got.record if got else None),
                    "could not be written into the file as given (shared YAML entry or an "
                    "unusual layout); edit the file by hand",
                    edit.ident,
                )
            )
    if problems:
        raise RegistryInvalid(problems)
    main = edits[0]
    summary = summary or describe(changes, (main.section, main.ident))
    return Plan(
        new_text, document, new_records, changes, summary, main.section, main.ident, version, raw
    )


def plan_text(text: str, records: RecordIndex, new_text: str, base: Version | None = None) -> Plan:
    """A whole new registry text made by hand, validated by the loader and diffed."""
    known = base if base is not None and base.text == text else None
    document, new_records, changes, version, raw = _read(records, new_text, known, None)
    main = changes.records[0] if changes else None
    section, ident = (main.section, main.id) if main else ("providers", "")
    return Plan(
        new_text, document, new_records, changes, describe(changes), section, ident, version, raw
    )


def _first_difference(wanted: dict[str, Any] | None, got: dict[str, Any] | None) -> str:
    wanted, got = wanted or {}, got or {}
    for key in [*wanted, *got]:
        if canonical(wanted.get(key)) != canonical(got.get(key)) or (key in wanted) != (key in got):
            return key
    return "id"


def _layout_refused(records: RecordIndex, edit: Edit, exc: LayoutError) -> Exception:
    if exc.field is None:
        return Conflict(f"{singular(edit.section)} '{edit.ident}': {exc}", [edit.ident])
    entry = records.get(edit.section, edit.ident)
    index = entry.index if entry else len(records.records(edit.section))
    return RegistryInvalid([_problem(edit.section, index, exc.field, str(exc), edit.ident)])


def is_provider_ref(end: object) -> bool:
    """Whether a flow end names a provider (not a kind)."""
    return isinstance(end, str) and end not in KIND_IDS
