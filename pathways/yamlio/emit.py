"""Writing a field or a record as YAML in the registry's own style, through ruamel.yaml.

ruamel.yaml decides quoting and writes folded text; this module adds what the registry
needs on top: lists and small mappings in flow style (`needs: [a, b]`), long lists
wrapped the way the bundled file wraps them, long text folded (`>-`), `null` written out,
and the style a value had before kept when it changes (a double-quoted name stays
double-quoted). ruamel.yaml writes YAML 1.2, but the loader reads YAML 1.1 (PyYAML), where
`no`, `on` or `1:20` are not strings, so every string PyYAML would not read back as that
string is quoted.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

import yaml
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.representer import RoundTripRepresenter
from ruamel.yaml.scalarstring import (
    DoubleQuotedScalarString,
    FoldedScalarString,
    LiteralScalarString,
    SingleQuotedScalarString,
)

WIDTH = 100  # the bundled registry keeps lines within 100 columns
_STR_TAG = "tag:yaml.org,2002:str"
_RESOLVER = yaml.resolver.Resolver()


def _null(representer: RoundTripRepresenter, _: None) -> Any:
    return representer.represent_scalar("tag:yaml.org,2002:null", "null")


def _yaml() -> YAML:
    out = YAML()
    out.width = 4096  # lines are wrapped here, not by ruamel (it leaves trailing spaces)
    out.indent(mapping=2, sequence=4, offset=2)
    out.representer.add_representer(type(None), _null)
    return out


_DUMPER = _yaml()


def _dump(data: Any) -> str:
    buffer = io.StringIO()
    _DUMPER.dump(data, buffer)
    return buffer.getvalue()


def reads_back(text: str) -> bool:
    """Whether PyYAML reads `text`, written plain, as that same string."""
    tag = _RESOLVER.resolve(yaml.ScalarNode, text, (True, False))  # type: ignore[no-untyped-call]
    return bool(tag == _STR_TAG)


def _foldable(text: str) -> bool:
    return text.isprintable() and text == text.strip() and "  " not in text


def _folded(text: str, room: int) -> Any:
    """Text as `>-`, broken at single spaces so that no line is longer than `room`."""
    out = FoldedScalarString(text)
    breaks: list[int] = []
    start = 0
    last_space = -1
    for i, char in enumerate(text):
        if char == " ":
            if i - start > room and last_space > start:
                breaks.append(last_space)
                start = last_space + 1
            last_space = i
    if len(text) - start > room and last_space > start:
        breaks.append(last_space)
    out.fold_pos = breaks
    return out


def scalar_string(text: str, style: str | None, inline_room: int, block_room: int) -> Any:
    """A string for ruamel to write, in `style` when it still fits the text.

    Text longer than `inline_room` (what is left on the key's line) is folded into lines
    of at most `block_room`, as the registry writes descriptions; text that fits stays on
    the key's line, even where a longer text was folded before.
    """
    if style == '"':
        return DoubleQuotedScalarString(text)
    if style == "'" and text.isprintable():
        return SingleQuotedScalarString(text)
    if "\n" in text:
        return LiteralScalarString(text)
    if len(text) > inline_room and " " in text and _foldable(text):
        return _folded(text, max(block_room, 40))
    if not reads_back(text):
        return DoubleQuotedScalarString(text)
    return text


def _flow_item(value: Any) -> Any:
    """A value inside a flow collection: never folded, quoted when PyYAML would misread it."""
    if isinstance(value, str):
        return value if reads_back(value) else DoubleQuotedScalarString(value)
    if isinstance(value, Mapping):
        out = CommentedMap((str(k), _flow_item(v)) for k, v in value.items())
        out.fa.set_flow_style()
        return out
    if isinstance(value, list | tuple):
        seq = CommentedSeq(_flow_item(v) for v in value)
        seq.fa.set_flow_style()
        return seq
    return value


def to_ruamel(value: Any, style: str | None, inline_room: int, block_room: int) -> Any:
    """A field's value as ruamel objects: collections in flow style, strings in `style`."""
    if isinstance(value, str):
        return scalar_string(value, style, inline_room, block_room)
    if isinstance(value, Mapping | list | tuple):
        return _flow_item(value)
    if isinstance(value, bool | int | float | date) or value is None:
        return value
    raise TypeError(f"cannot write a {type(value).__name__} into the registry")


def _wrap_list(key: str, items: Sequence[Any], indent: int) -> list[str] | None:
    """`key: [a, b, ...]` over several lines, continued under the first item."""
    if not items or any(isinstance(v, Mapping | list | tuple) for v in items):
        return None
    texts = [_flow_text(v) for v in items]
    head = " " * indent + f"{key}: ["
    lines: list[str] = []
    current = head + texts[0]
    for text in texts[1:]:
        if len(current) + len(text) + 3 > WIDTH:  # ", " before it, "," or "]" after it
            lines.append(current + ",")
            current = " " * len(head) + text
        else:
            current = f"{current}, {text}"
    lines.append(current + "]")
    return lines


def _flow_text(value: Any) -> str:
    """A value as written inside a flow collection (also valid after a block `- `)."""
    return _dump(_flow_item([value])).strip()[1:-1]


def emit_key(key: str, value: Any, *, indent: int, style: str | None = None) -> list[str]:
    """The lines of `key: value` in a block mapping whose keys start at column `indent`.

    A mapping or list that was written in block style stays in block style, one entry
    per line; new ones are written in flow style, as the registry writes them.
    """
    pad = " " * indent
    if style == "block" and isinstance(value, Mapping) and value:
        lines = [f"{pad}{key}:"]
        for name, item in value.items():
            lines += emit_key(str(name), item, indent=indent + 2)
        return lines
    if style == "block" and isinstance(value, list | tuple) and value:
        return [f"{pad}{key}:", *(f"{pad}  - {_flow_text(item)}" for item in value)]
    inline_room = WIDTH - indent - len(key) - 2
    data = CommentedMap([(key, to_ruamel(value, style, inline_room, WIDTH - indent - 2))])
    lines = [" " * indent + line for line in _dump(data).splitlines()]
    if isinstance(value, list | tuple) and len(lines) == 1 and len(lines[0]) > WIDTH:
        wrapped = _wrap_list(key, value, indent)
        if wrapped is not None:
            return wrapped
    return lines


def emit_flow_record(fields: Sequence[tuple[str, Any, str | None]], merge: str | None) -> str:
    """A record as one flow mapping, `{<<: *base, id: ..., ...}` (no line breaks)."""
    data = CommentedMap(
        (key, _flow_item(value) if not isinstance(value, str) else _flow_scalar(value, style))
        for key, value, style in fields
    )
    data.fa.set_flow_style()
    text = _dump(data).strip()
    if merge:
        text = "{<<: " + merge + (", " + text[1:] if len(text) > 2 else "}")
    return text


def _flow_scalar(text: str, style: str | None) -> Any:
    if style == '"':
        return DoubleQuotedScalarString(text)
    if style == "'" and text.isprintable():
        return SingleQuotedScalarString(text)
    return _flow_item(text)


def emit_block_record(
    fields: Sequence[tuple[str, Any]], *, dash_col: int, key_col: int
) -> list[str]:
    """A new record as a block mapping item, `- id: ...` with one key per line."""
    lines: list[str] = []
    for key, value in fields:
        lines.extend(emit_key(key, value, indent=key_col))
    if lines:
        lead = " " * dash_col + "-" + " " * (key_col - dash_col - 1)
        lines[0] = lead + lines[0][key_col:]
    return lines
