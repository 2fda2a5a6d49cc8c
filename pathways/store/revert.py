"""Undoing a change: its records go back to how they were, as a new change.

Only the records the change touched are restored, and each only if it is still exactly
as that change left it; if anyone edited one since, the revert is refused (a `Conflict`
naming them) rather than silently undoing the later edit. Restored records are copied
line for line from the earlier version of the file, so their comments come back too.
"""

from __future__ import annotations

from pathways.errors import Conflict
from pathways.store.edits import Edit, Plan, finish
from pathways.store.history import Change
from pathways.store.incremental import Version
from pathways.store.versions import RecordIndex
from pathways.store.wording import in_swedish
from pathways.yamlio.canonical import canonical
from pathways.yamlio.edit import (
    LayoutError,
    insert_lines,
    previous_ident,
    record_lines,
    remove_record,
    replace_lines,
)


def plan_revert(
    text: str,
    records: RecordIndex,
    parent_text: str | None,
    change: Change,
    base: Version | None = None,
) -> Plan:
    """The registry with `change` undone, validated like any other edit."""
    entry = change.entry
    if parent_text is None or entry.parent is None:
        raise Conflict("the first version of the registry cannot be reverted", [entry.commit])
    if not change.diff:
        raise Conflict("this change did not change any record; nothing to revert", [entry.commit])
    stale = []
    for record in change.diff:
        now = records.get(record.section, record.id)
        if record.after is None:
            if now is not None:
                stale.append(record)
        elif now is None or now.canonical != canonical(record.after):
            stale.append(record)
    if stale:
        names = ", ".join(r.label for r in stale)
        raise Conflict(
            f"cannot revert: {names} changed since; revert the later change first, "
            "or edit the record directly",
            [r.id for r in stale],
        )
    new_text = text
    edits: list[Edit] = []
    try:
        for record in change.diff:
            if record.action == "added":
                new_text = remove_record(new_text, record.section, record.id)
                edits.append(Edit(record.section, record.id, "remove"))
                continue
            old_lines = record_lines(parent_text, record.section, record.id)
            if record.action == "changed":
                new_text = replace_lines(new_text, record.section, record.id, old_lines)
            else:
                after = previous_ident(parent_text, record.section, record.id)
                new_text = insert_lines(new_text, record.section, old_lines, after=after)
            edits.append(Edit(record.section, record.id, "update", record.before))
    except LayoutError as exc:
        raise Conflict(f"cannot revert automatically: {exc}", [entry.commit]) from None
    summary = f'Ångra "{in_swedish(entry.subject)}" ({entry.short})'
    known = base if base is not None and base.text == text else None
    return finish(text, records, new_text, edits, summary, known)
