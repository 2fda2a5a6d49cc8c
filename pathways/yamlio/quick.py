"""A fast path for reading a registry: yaml-rs (Rust), guarded to give PyYAML's data.

yaml-rs parses a national registry about three times faster than the libyaml event loop
of `pathways.yamlio.fast`, but it reads YAML 1.2 and PyYAML reads YAML 1.1. The two agree
on everything a registry is written with (block and flow collections, quoted and plain
strings, decimal ints, dates, booleans written `true`/`false`, anchors and aliases);
they differ on a few plain scalars (`yes`, `on`, `010`, `1e3`, `1:30`, `12:30:00`), on
merge keys (yaml-rs keeps `<<` as an ordinary key) and on tags. So:

- a text that could hold one of the differing forms (found with one regular expression
  over the text, and by resolving every distinct string of the result as PyYAML would
  have resolved it unquoted) is not read here: `load` returns None and the caller uses
  the exact loader, as it does for any text yaml-rs refuses (syntax errors, duplicate
  keys), so every error message keeps its line from the exact loader;
- merge keys are applied after parsing, as PyYAML applies them: explicit keys win, then
  the first mapping merged.

`tests/pathways/yamlio/test_quick.py` checks that whatever this returns equals the exact
loader's data, over the bundled registry, the generated national one and random texts
made of every divergent form.
"""

from __future__ import annotations

import re
from typing import Any

import yaml_rs

MERGE = "<<"
_END = r"(?=[ \t]*(?:$|#|,|\]|\}|:[ \t]|:$))"  # where a plain scalar ends
_START = r"(?<=[\s:?\[{,])"  # where a plain value can start (a line's indentation too)
# Plain scalars that YAML 1.1 (PyYAML) and 1.2 (yaml-rs) read differently, where a plain
# value starts and ending it. A match in a comment or a quoted string only sends the
# text to the exact loader.
_BEFORE = r"(?<=[\s:?\[{,].)"  # lookbehind placed after a value's first character
_ZERO = re.compile(
    r"0(?:(?<=[\s:?\[{,]0)|(?<=[\s:?\[{,][-+]0))[0-9o_]+" + _END, re.MULTILINE
)  # 010, 09, 0o7
_EXPONENT = re.compile(r"[0-9.][eE][-+]?[0-9]+" + _END, re.MULTILINE)  # 1e3, 1.0e3
_UNDERSCORE = re.compile(r"_[0-9_.]*" + _END, re.MULTILINE)  # _0, 1_0.5, 0x1_F
_COLON = re.compile(r"[0-9]:[0-9_]+(?:\.[0-9_]*)?" + _END, re.MULTILINE)  # 1:30, 12:30:00
_WORDS = re.compile(
    r"[YyNnOo]" + _BEFORE + r"(?:[eE][sS]|[oO]|[nN]|[fF][fF])" + _END + r"|=" + _BEFORE + _END,
    re.MULTILINE,
)  # yes, no, on, off (booleans in YAML 1.1); = (the value key)
_OTHER = re.compile(
    r"(?:^|[\s\[{,:])!"  # tags: !!str, !!binary, !local
    r"|^%"  # directives
    r"|['\"]<<['\"]"  # `<<` quoted: a key named <<, not a merge
    r"|<<(?=[ \t]*(?:$|#|,|\]|\}))"  # `<<` as a value
    r"|(?:^|[\s\[{,])\?(?:[ \t]|$)|[\]}][ \t]*:(?:[ \t]|$)"  # complex keys
    r"|:(?=[\]},])|[\s\[{,]:",  # a `:` libyaml refuses in a flow collection
    re.MULTILINE,
)
_DOCUMENT = re.compile(r"^(?:---|\.\.\.)(?:[ \t]|$)", re.MULTILINE)
_OTHER_SIGNS: tuple[str, ...] = ("!", "%", "<<'", '<<"', "?", "]:", "}:", "] ", "} ", "]\t")
_OTHER_SIGNS += ("}\t", ":]", ":}", ":,", "[:", "{:", ",:", " :", "\t:", "\n:")
_NUMBER_START = frozenset("0123456789_.+-abcdefABCDEFxXoO")


class _Fallback(Exception):
    """The result might differ from PyYAML's: read the text with the exact loader."""


def differs(text: str) -> bool:
    """Whether the text may hold YAML that yaml-rs and PyYAML read differently.

    Every pattern starts with a literal or a small class, so one scan of a national
    registry takes milliseconds; the rarest ones run only when their signs are there.
    """
    text = "\n" + text  # every lookbehind then has a character before the first value
    if _ZERO.search(text) or _WORDS.search(text):
        return True
    numbers = (_EXPONENT, _COLON, _UNDERSCORE)
    if any(_at_value_start(text, m.start()) for p in numbers for m in p.finditer(text)):
        return True
    if any(sign in text for sign in _OTHER_SIGNS) and _OTHER.search(text):
        return True
    return ("---" in text or "..." in text) and len(_DOCUMENT.findall(text)) > 1


def _at_value_start(text: str, end: int) -> bool:
    """Whether the number-like characters before `end` begin a plain value."""
    start = end
    while start > 0 and text[start - 1] in _NUMBER_START:
        start -= 1
    return start == 0 or text[start - 1] in " \t\r\n:?[{,"


def load(text: str) -> Any:
    """The document as PyYAML's safe loader gives it, or None to use the exact loader."""
    if differs(text):
        return None
    try:
        data = yaml_rs.loads(text, duplicate_key_policy=yaml_rs.DuplicateKeyPolicy.Error)
    except (yaml_rs.YAMLDecodeError, ValueError, TypeError, RecursionError):
        return None  # refused: the exact loader says why, on which line
    if MERGE not in text:
        return data
    try:
        return _Merges().node(data)
    except (_Fallback, RecursionError):
        return None


_CONTAINERS = (dict, list)


class _Merges:
    """Apply merge keys after parsing, as PyYAML does while loading."""

    def __init__(self) -> None:
        # Shared (aliased) containers are done once; the original is kept alive with its
        # result, so that its id is never reused by another object during the walk.
        self.done: dict[int, tuple[Any, Any]] = {}

    def node(self, value: Any) -> Any:
        if type(value) is dict:
            return self.mapping(value)
        if type(value) is list:
            return self.sequence(value)
        return value

    def sequence(self, items: list[Any]) -> list[Any]:
        done = self.done.get(id(items))
        if done is not None:
            return done[1]  # type: ignore[no-any-return]
        self.done[id(items)] = (items, items)
        for i, item in enumerate(items):
            if type(item) in _CONTAINERS:
                items[i] = self.node(item)
        return items

    def mapping(self, mapping: dict[Any, Any]) -> dict[Any, Any]:
        done = self.done.get(id(mapping))
        if done is not None:
            return done[1]  # type: ignore[no-any-return]
        for key, item in mapping.items():
            if type(item) in _CONTAINERS:
                mapping[key] = self.node(item)
        result = mapping
        if MERGE in mapping:
            result = _merged(mapping, mapping[MERGE])
        self.done[id(mapping)] = (mapping, result)
        return result


def _merged(mapping: dict[Any, Any], merged: Any) -> dict[Any, Any]:
    """PyYAML's rule: explicit keys win, then the first mapping merged."""
    sources = merged if type(merged) is list else [merged]
    if not all(type(source) is dict for source in sources):
        raise _Fallback  # PyYAML's loader words the error
    result: dict[Any, Any] = {}
    for source in reversed(sources):
        result.update(source)
    for name, value in mapping.items():
        if name != MERGE:
            result[name] = value
    return result
