"""Where each record, and each field of it, sits in a registry text.

Edits rewrite only the lines of what changed (see `pathways.yamlio.edit`), so they need to
know those lines. libyaml's event stream carries a position for every token and is read
in C, fast even for a national registry; this module walks it once and notes, for every
record of every top-level list, the lines it spans and where each key and value are.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import yaml
from yaml.events import (
    AliasEvent,
    CollectionStartEvent,
    Event,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)

try:
    _Loader: type[yaml.SafeLoader] = yaml.CSafeLoader  # type: ignore[assignment]
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _Loader = yaml.SafeLoader

MERGE_KEY = "<<"
_DASH_ONLY = re.compile(r"\s*-\s*")
_DASH_LINE = re.compile(r"\s*-\s*(#.*)?")

Position = tuple[int, int]  # 0-based line and column


@dataclass(frozen=True)
class KeySpan:
    """One key of a record and its value: `line`..`last` are the lines they occupy."""

    name: str
    line: int
    col: int
    last: int
    end_col: int  # where the value ends on its last line (a comment may follow)
    style: str | None  # scalar style (None plain, ' " > |), or "flow"/"block"/"alias"
    text: str  # the value as written, for merge keys (`*p7`) and scalars on one line


@dataclass(frozen=True)
class RecordSpan:
    """One item of a top-level list, from the line of its dash to its last content line."""

    ident: str | None
    first: int
    last: int
    col: int  # column of the mapping itself (its first key, or its anchor)
    dash_col: int
    end_col: int
    flow: bool
    keys: tuple[KeySpan, ...]
    mapping: bool = True

    def key(self, name: str) -> KeySpan | None:
        return next((k for k in self.keys if k.name == name), None)

    @property
    def merged(self) -> bool:
        return any(k.name == MERGE_KEY for k in self.keys)


@dataclass(frozen=True)
class SectionSpan:
    """A top-level key and, when its value is a list, the records in it."""

    name: str
    key_line: int
    kind: str  # "block" or "flow" list, or "other" (null, a scalar, a mapping)
    first: int  # first line of the value (the key's line for `key: []` or `key:`)
    last: int
    records: tuple[RecordSpan, ...]

    def record(self, ident: str) -> RecordSpan | None:
        return next((r for r in self.records if r.ident == ident), None)


class _Walker:
    def __init__(self, text: str) -> None:
        self.lines = text.split("\n")
        # libyaml's parser, called directly: `yaml.parse` adds a Python generator per event.
        self.parser = _Loader(text)
        self.next: Callable[[], Event] = self.parser.get_event

    def content_end(self, event: ScalarEvent) -> Position:
        """Where a scalar's content ends: block scalars end before their trailing blanks."""
        if event.style not in (">", "|"):
            return _end(event)
        end_line, end_col = _end(event)
        line = end_line if end_col > 0 else end_line - 1
        while line > _start(event)[0] and not self.lines[line].strip():
            line -= 1
        return line, len(self.lines[line].rstrip())

    def node(self, event: Event) -> Position:
        """Consume the node that starts with `event`; return where its content ends."""
        if isinstance(event, ScalarEvent):
            return self.content_end(event)
        if isinstance(event, AliasEvent):
            return _end(event)
        end: Position = _start(event)
        closing = MappingEndEvent if isinstance(event, MappingStartEvent) else SequenceEndEvent
        while True:
            child = self.next()
            if isinstance(child, closing):
                if isinstance(event, CollectionStartEvent) and event.flow_style:
                    return _end(child)
                return end
            end = max(end, self.node(child))

    def text(self, start: Position, end: Position) -> str:
        if start[0] != end[0]:
            return ""
        return self.lines[start[0]][start[1] : end[1]]

    def record(self, event: Event) -> RecordSpan:
        line, col = _start(event)
        first, dash_col = self.dash(line, col)
        if not isinstance(event, MappingStartEvent):
            end = self.node(event)
            return RecordSpan(None, first, end[0], col, dash_col, end[1], True, (), False)
        keys: list[KeySpan] = []
        ident: str | None = None
        end = (line, col)
        while True:
            key = self.next()
            if isinstance(key, MappingEndEvent):
                if event.flow_style:
                    end = _end(key)
                break
            value = self.next()
            value_end = self.node(value)
            end = max(end, value_end)
            if not isinstance(key, ScalarEvent):
                continue  # a complex key: validation refuses it, nothing to edit here
            if key.value == "id" and isinstance(value, ScalarEvent):
                ident = value.value
            key_line, key_col = _start(key)
            keys.append(
                KeySpan(
                    name=key.value,
                    line=key_line,
                    col=key_col,
                    last=value_end[0],
                    end_col=value_end[1],
                    style=_style(value),
                    text=self.text(_start(value), value_end),
                )
            )
        return RecordSpan(
            ident, first, end[0], col, dash_col, end[1], bool(event.flow_style), tuple(keys)
        )

    def dash(self, line: int, col: int) -> tuple[int, int]:
        """The line and column of the `-` that starts the item at (line, col)."""
        prefix = self.lines[line][:col]
        if _DASH_ONLY.fullmatch(prefix):
            return line, prefix.index("-")
        if not prefix.strip():  # "-" alone on an earlier line, the item below it
            for earlier in range(line - 1, -1, -1):
                if _DASH_LINE.fullmatch(self.lines[earlier]):
                    return earlier, self.lines[earlier].index("-")
                if self.lines[earlier].strip():
                    break
        return line, -1  # not a layout we edit in place; see RecordSpan.dash_col

    def section(self, key: ScalarEvent) -> SectionSpan:
        value = self.next()
        first = _start(value)[0]
        key_line = _start(key)[0]
        if not isinstance(value, SequenceStartEvent):
            end = self.node(value)
            return SectionSpan(key.value, key_line, "other", first, end[0], ())
        records: list[RecordSpan] = []
        while True:
            item = self.next()
            if isinstance(item, SequenceEndEvent):
                break
            records.append(self.record(item))
        kind = "flow" if value.flow_style else "block"
        last = records[-1].last if records and kind == "block" else _end(item)[0]
        return SectionSpan(key.value, key_line, kind, first, last, tuple(records))


def _start(event: Event) -> Position:
    mark = event.start_mark
    assert mark is not None  # the parser marks every event
    return mark.line, mark.column


def _end(event: Event) -> Position:
    mark = event.end_mark
    assert mark is not None
    return mark.line, mark.column


def _style(event: Event) -> str | None:
    if isinstance(event, ScalarEvent):
        return event.style or None
    if isinstance(event, AliasEvent):
        return "alias"
    return "flow" if isinstance(event, CollectionStartEvent) and event.flow_style else "block"


def scan(text: str) -> dict[str, SectionSpan]:
    """Every top-level key of a registry text with the spans of its records.

    The text must parse (callers check it first); a document that is not a mapping has
    no sections.
    """
    walker = _Walker(text)
    sections: dict[str, SectionSpan] = {}
    try:
        while True:
            event = walker.next()
            if isinstance(event, MappingStartEvent):
                break
            if isinstance(event, CollectionStartEvent | ScalarEvent | AliasEvent | StreamEndEvent):
                return sections
        return _sections(walker, sections)
    finally:
        walker.parser.dispose()


def _sections(walker: _Walker, sections: dict[str, SectionSpan]) -> dict[str, SectionSpan]:
    while True:
        key = walker.next()
        if isinstance(key, MappingEndEvent):
            return sections
        if isinstance(key, ScalarEvent):
            sections[key.value] = walker.section(key)
        else:
            walker.node(key)
            walker.node(walker.next())
