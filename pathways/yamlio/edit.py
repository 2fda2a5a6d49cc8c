"""Editing a registry text in place: only the lines of what changed are rewritten.

Loading the whole file with ruamel.yaml and dumping it again re-wraps every multi-line
flow mapping in the bundled registry (about 500 lines of noise in a one-field change),
so an edit here is a splice: the spans of the record and of each of its keys come from
`pathways.yamlio.spans`, each changed field is written by `pathways.yamlio.emit` (ruamel.yaml)
in the style it had, and everything else (comments, blank lines, key order, flow style,
anchors and merge keys, other records) is kept byte for byte. A git diff of an edit is
then exactly the fields that changed.

Callers check the result: it is parsed again and compared with what was meant, and it
goes through the loader's validation, so a layout this module gets wrong is refused, not
written.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import yaml

from pathways.yamlio.canonical import canonical
from pathways.yamlio.emit import emit_block_record, emit_flow_record, emit_key
from pathways.yamlio.spans import MERGE_KEY, KeySpan, RecordSpan, SectionSpan, scan

# Line breaks libyaml counts that `str.split("\n")` would not: refuse rather than misplace.
_OTHER_BREAKS = ("\r", "\x85", "\u2028", "\u2029")


class LayoutError(Exception):
    """The text is laid out in a way that cannot be edited in place (say, a flow list)."""

    def __init__(self, message: str, field: str | None = None) -> None:
        self.field = field
        super().__init__(message)


class _Text:
    """A registry text as lines, with the spans of its sections."""

    def __init__(self, text: str) -> None:
        if any(mark in text for mark in _OTHER_BREAKS):
            raise LayoutError("the registry file has line breaks other than \\n")
        self.lines = text.split("\n")
        try:
            self.sections = scan(text)
        except yaml.YAMLError as exc:
            raise LayoutError(f"the text is not valid YAML: {exc}") from None

    def section(self, name: str) -> SectionSpan:
        found = self.sections.get(name)
        if found is None:
            raise LayoutError(f"the registry has no '{name}' list")
        if found.kind != "block" and found.records:
            raise LayoutError(f"'{name}' is written as a flow list; edit it by hand")
        return found

    def record(self, section: str, ident: str) -> RecordSpan:
        span = self.section(section).record(ident)
        if span is None:
            raise LayoutError(f"no record '{ident}' in '{section}'")
        if span.dash_col < 0 or not span.mapping:
            raise LayoutError(f"record '{ident}' is laid out in a way that cannot be edited")
        return span

    def splice(self, start: int, stop: int, new: Sequence[str]) -> str:
        return "\n".join([*self.lines[:start], *new, *self.lines[stop:]])


def _order_key(order: Sequence[str]) -> Any:
    def position(name: str) -> int:
        if name == MERGE_KEY:
            return -1
        return order.index(name) if name in order else len(order)

    return position


def _trailing_comment(lines: list[str], key: KeySpan) -> str:
    rest = lines[key.last][key.end_col :]
    return rest if rest.strip().startswith("#") else ""


def _changes(
    record: Mapping[str, Any], current: Mapping[str, Any]
) -> tuple[set[str], set[str], set[str]]:
    changed = {k for k in record if k in current and canonical(record[k]) != canonical(current[k])}
    added = {k for k in record if k not in current}
    removed = {k for k in current if k not in record}
    return changed, added, removed


def replace_record(
    text: str,
    section: str,
    ident: str,
    record: Mapping[str, Any],
    current: Mapping[str, Any],
    order: Sequence[str],
) -> str:
    """Rewrite record `ident` from `current` (as read) to `record`, field by field."""
    doc = _Text(text)
    span = doc.record(section, ident)
    changed, added, removed = _changes(record, current)
    own = {k.name for k in span.keys}
    for name in removed - own:
        raise LayoutError(
            "this field comes from a shared entry (a YAML merge key) and cannot be removed "
            "here; give it a value instead",
            name,
        )
    # A field inherited through a merge key is overridden by writing it in the record.
    inserted = sorted(added | (changed - own), key=_order_key(order))
    if span.flow:
        return _replace_flow(doc, span, record, removed, inserted, order)
    return _replace_block(doc, span, record, changed & own, removed, inserted, order)


def _replace_block(
    doc: _Text,
    span: RecordSpan,
    record: Mapping[str, Any],
    changed: set[str],
    removed: set[str],
    inserted: list[str],
    order: Sequence[str],
) -> str:
    lines = doc.lines
    keys = span.keys
    key_col = keys[0].col
    lead = lines[span.first][:key_col] if keys[0].line == span.first else None
    header = lines[span.first : keys[0].line]
    entries: list[tuple[str, list[str], list[str]]] = []
    for i, key in enumerate(keys):
        content = lines[key.line : key.last + 1]
        stop = keys[i + 1].line if i + 1 < len(keys) else span.last + 1
        decoration = lines[key.last + 1 : stop]
        if lead is not None and i == 0:
            content = [" " * key_col + content[0][key_col:], *content[1:]]
        if key.name in removed:
            content = []
        elif key.name in changed:
            comment = _trailing_comment(lines, key)
            content = emit_key(key.name, record[key.name], indent=key.col, style=key.style)
            content[-1] += comment
        entries.append((key.name, content, decoration))
    position = _order_key(order)
    for name in inserted:
        new: tuple[str, list[str], list[str]] = (
            name,
            emit_key(name, record[name], indent=key_col),
            [],
        )
        after = [i for i, (other, _, _) in enumerate(entries) if position(other) < position(name)]
        entries.insert(after[-1] + 1 if after else 0, new)
    out = [line for _, content, decoration in entries for line in (*content, *decoration)]
    if lead is not None:
        out[0] = lead + out[0][key_col:]
    else:
        out = header + out
    return doc.splice(span.first, span.last + 1, out)


def _replace_flow(
    doc: _Text,
    span: RecordSpan,
    record: Mapping[str, Any],
    removed: set[str],
    inserted: list[str],
    order: Sequence[str],
) -> str:
    lines = doc.lines
    merge = span.key(MERGE_KEY)
    if merge is not None and not merge.text:
        raise LayoutError("its merge key spans several lines; edit it by hand")
    fields: list[tuple[str, Any, str | None]] = [
        (k.name, record[k.name], k.style)
        for k in span.keys
        if k.name != MERGE_KEY and k.name not in removed
    ]
    position = _order_key(order)
    for name in inserted:
        after = [i for i, (other, _, _) in enumerate(fields) if position(other) < position(name)]
        fields.insert(after[-1] + 1 if after else 0, (name, record[name], None))
    start = lines[span.first]
    head = start[: span.col]
    anchor = start[span.col :].split("{", 1)[0] if start[span.col :].startswith("&") else ""
    tail = lines[span.last][span.end_col :]
    body = emit_flow_record(fields, merge.text if merge else None)
    return doc.splice(span.first, span.last + 1, [head + anchor + body + tail])


def _layout(doc: _Text, sec: SectionSpan) -> tuple[int, int, bool]:
    """Dash column, key column and blank-line separation of the records in a section."""
    blocks = [r for r in sec.records if r.dash_col >= 0 and r.mapping]
    if not blocks:
        return 2, 4, False
    last = blocks[-1]
    key_col = last.keys[0].col if last.keys and not last.flow else last.dash_col + 2
    separated = False
    if len(sec.records) > 1:
        before, after = sec.records[-2], sec.records[-1]
        separated = any(not line.strip() for line in doc.lines[before.last + 1 : after.first])
    return last.dash_col, key_col, separated


def append_record(text: str, section: str, record: Mapping[str, Any], order: Sequence[str]) -> str:
    """Add a new record at the end of its section, as a block mapping."""
    doc = _Text(text)
    position = _order_key(order)
    fields = sorted(record.items(), key=lambda item: position(item[0]))
    sec = doc.sections.get(section)
    if sec is None or not sec.records:
        dash_col, key_col = (0, 2) if _unindented(doc) else (2, 4)
        new = emit_block_record(fields, dash_col=dash_col, key_col=key_col)
        return _open_section(doc, section, sec, new)
    doc.section(section)  # refuses a flow list
    dash_col, key_col, _ = _layout(doc, sec)
    new = emit_block_record(fields, dash_col=dash_col, key_col=key_col)
    return _insert(doc, sec, new, len(sec.records) - 1)


def _unindented(doc: _Text) -> bool:
    """Whether the file writes list items at column 0 (as generated registries do)."""
    for sec in doc.sections.values():
        for span in sec.records:
            return span.dash_col == 0
    return False


def _open_section(doc: _Text, name: str, sec: SectionSpan | None, new: list[str]) -> str:
    """Start a list that is missing, null or `[]` with its first record."""
    if sec is None:
        lines = list(doc.lines)
        while lines and not lines[-1].strip():
            lines.pop()
        return "\n".join([*lines, "", f"{name}:", *new, ""])
    if sec.first != sec.key_line or sec.last != sec.key_line:
        raise LayoutError(f"'{name}' is empty but written over several lines; edit it by hand")
    line = doc.lines[sec.key_line]
    return doc.splice(sec.key_line, sec.key_line + 1, [line[: line.index(":") + 1], *new])


def remove_record(text: str, section: str, ident: str) -> str:
    """Remove a record and the blank lines that separated it from the one before."""
    doc = _Text(text)
    span = doc.record(section, ident)
    sec = doc.section(section)
    start = span.first
    while start - 1 > sec.key_line and not doc.lines[start - 1].strip():
        start -= 1
    if start == sec.key_line + 1:  # the first record: keep the separation after it instead
        start = span.first
    return doc.splice(start, span.last + 1, [])


def record_lines(text: str, section: str, ident: str) -> list[str]:
    """The lines of a record exactly as written (to restore it later, comments and all)."""
    doc = _Text(text)
    span = doc.record(section, ident)
    return doc.lines[span.first : span.last + 1]


def previous_ident(text: str, section: str, ident: str) -> str | None:
    """The id of the record written just before `ident` in its section, if any."""
    sec = _Text(text).section(section)
    idents = [r.ident for r in sec.records]
    at = idents.index(ident)
    return idents[at - 1] if at > 0 else None


def replace_lines(text: str, section: str, ident: str, new: Sequence[str]) -> str:
    """Put `new` (lines of a whole record) in the place of record `ident`."""
    doc = _Text(text)
    span = doc.record(section, ident)
    return doc.splice(span.first, span.last + 1, new)


def insert_lines(text: str, section: str, new: Sequence[str], *, after: str | None) -> str:
    """Insert the lines of a record after record `after` (first in the section if None,
    last if `after` is no longer there)."""
    doc = _Text(text)
    sec = doc.section(section)
    if after is None:
        return _insert(doc, sec, new, None)
    idents = [r.ident for r in sec.records]
    return _insert(doc, sec, new, idents.index(after) if after in idents else len(idents) - 1)


def _insert(doc: _Text, sec: SectionSpan, new: Sequence[str], after: int | None) -> str:
    if not sec.records:
        return _open_section(doc, sec.name, sec, list(new))
    gap = [""] if _layout(doc, sec)[2] else []
    if after is None:
        first = sec.records[0].first
        return doc.splice(first, first, [*new, *gap])
    last = sec.records[after].last
    return doc.splice(last + 1, last + 1, [*gap, *new])
