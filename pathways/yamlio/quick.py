"""A fast path for reading a registry: yaml-rs (Rust), guarded to give PyYAML's data.

yaml-rs parses a national registry about three times faster than the libyaml event loop
of `pathways.yamlio.fast`, but it reads YAML 1.2 and PyYAML reads YAML 1.1. The two agree
on everything a registry is written with (block and flow collections, quoted and plain
strings, decimal ints, dates, booleans written `true`/`false`, anchors and aliases);
they differ on a few plain scalars (`yes`, `on`, `010`, `1e3`, `1:30`, `12:30:00`), on
merge keys (yaml-rs keeps `<<` as an ordinary key) and on tags. So:

- a text that could hold one of the differing forms (found with a few regular
  expressions over the text's distinct lines) is not read here: `load` returns None
  and the caller uses the exact loader, as it does for any text yaml-rs refuses
  (syntax errors, duplicate keys), so every error message keeps its line from the
  exact loader;
- merge keys are applied after parsing, as PyYAML applies them: explicit keys win, then
  the first mapping merged;
- aliases are bounded by yaml-rs itself, given the alias limit of `pathways.limits` (at
  most a million) as its cap on replayed events. Replaying an alias yields at least one
  event per node the exact loader counts for it (and an end event per collection), so
  a text yaml-rs accepts is within the exact loader's budget; one it refuses goes to
  the exact loader, which decides and words the refusal;
- yaml-rs reads an alias inside the very node it names (`a: &a [*a]`) as null, where
  PyYAML makes the node contain itself; such an alias to a collection is left to the
  exact loader unless it is merged (`<<: *a`: a null cannot pass as a mapping and also
  sends the text there) or comes after a one-line flow collection has closed.

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
_SIGNS = re.compile("|".join(map(re.escape, _OTHER_SIGNS)))  # one scan: half of 20 `in`s
# An anchor and what follows it on its line: a collection opens there or on the next line.
_ANCHOR = re.compile(r"&([^\s,\[\]{}]+)([ \t]*(?:[\[{]|#|$))?", re.MULTILINE)
_ALIAS = re.compile(r"\*([^\s,\[\]{}]+)")
_MERGED = re.compile(r"<<[ \t]*:[ \t]*(?:\*[^\s,\[\]{}]+|\[[^\]\n]*\])")


DEFAULT_REPLAYS = 1_000_000  # yaml-rs's own default cap on replayed alias events; ours too


class _Fallback(Exception):
    """The result might differ from PyYAML's: read the text with the exact loader."""


def differs(text: str) -> bool:
    """Whether the text may hold YAML that yaml-rs and PyYAML read differently.

    Every pattern but the document marker's stays within a line, so they run over the
    text's distinct lines only (a third of a national registry, whose records repeat
    their field lines); every line keeps a newline before it, as in the text.
    """
    if ("---" in text or "..." in text) and len(_DOCUMENT.findall(text)) > 1:
        return True
    lines = "\n" + "\n".join(dict.fromkeys(text.split("\n")))
    if _ZERO.search(lines) or _WORDS.search(lines):
        return True
    numbers = (_EXPONENT, _COLON, _UNDERSCORE)
    if any(_at_value_start(lines, m.start()) for p in numbers for m in p.finditer(lines)):
        return True
    return _SIGNS.search(lines) is not None and _OTHER.search(lines) is not None


def _self_reference_possible(text: str) -> bool:
    """Whether an alias to a collection might stand inside that collection.

    Merged aliases are safe (see the module), and so is an alias past the line where a
    one-line flow collection (`&b {k: 2}`) closed; any other alias to a collection is
    left to the exact loader. Read from the text, so `&` and `*` in quoted strings or
    comments count too: that only ever sends a text to the exact loader.
    """
    closed: dict[str, int | None] = {}  # collection anchor -> where it surely ended
    for m in _ANCHOR.finditer(text):
        if m[2] is not None:  # a collection opens on this line or the next
            closed[m[1]] = None if m[1] in closed else _flow_end(text, m.end(1))
    if not closed:
        return False
    merged = {
        span.start() + alias.start()
        for span in _MERGED.finditer(text)
        for alias in _ALIAS.finditer(span[0])
    }
    for alias in _ALIAS.finditer(text):
        if alias[1] in closed and alias.start() not in merged:
            end = closed[alias[1]]
            if end is None or alias.start() < end:
                return True
    return False


def _flow_end(text: str, start: int) -> int | None:
    """The end of the line, when a flow collection opens at `start` and closes on it
    (no quotes or comment there to hide a bracket); None when that is not certain."""
    stop = text.find("\n", start)
    stop = len(text) if stop < 0 else stop
    body = text[start:stop].lstrip(" \t")
    if not body or body[0] not in "[{" or any(c in body for c in "'\"#"):
        return None
    depth = 0
    for c in body:
        if c in "[{":
            depth += 1
        elif c in "]}":
            depth -= 1
            if depth == 0:
                return stop
    return None


def _at_value_start(text: str, end: int) -> bool:
    """Whether the number-like characters before `end` begin a plain value."""
    start = end
    while start > 0 and text[start - 1] in _NUMBER_START:
        start -= 1
    return start == 0 or text[start - 1] in " \t\r\n:?[{,"


def load(text: str, replays: int = DEFAULT_REPLAYS) -> Any:
    """The document as PyYAML's safe loader gives it, or None to use the exact loader.

    `replays` caps what aliases may replay (`pathways.limits` passes its alias limit),
    and never past yaml-rs's own default: yaml-rs copies what an alias stands for, so a
    larger expansion is left to the exact loader, which shares it instead.
    """
    aliased = "*" in text
    if differs(text) or (aliased and _self_reference_possible(text)):
        return None
    try:
        data = yaml_rs.loads(
            text,
            duplicate_key_policy=yaml_rs.DuplicateKeyPolicy.Error,
            alias_limits=yaml_rs.AliasLimits(
                max_total_replayed_events=min(replays, DEFAULT_REPLAYS)
            ),
        )
    except (yaml_rs.YAMLDecodeError, ValueError, TypeError, RecursionError):
        return None  # refused (syntax, duplicates, aliases): the exact loader says why
    if MERGE not in text:
        return data
    try:
        return _merges(data)
    except (_Fallback, RecursionError):
        return None


def _merges(value: Any) -> Any:
    """Apply merge keys after parsing, as PyYAML does while loading: innermost first.

    yaml-rs gives every alias its own copy (the tests check it), so each container is
    visited once and changed in place; what yaml-rs replayed is already bounded.
    """
    if type(value) is dict:
        for key, item in value.items():
            if type(item) is dict or type(item) is list:
                value[key] = _merges(item)  # a new value for a key: allowed while iterating
        return _merged(value, value[MERGE]) if MERGE in value else value
    if type(value) is list:
        for i, item in enumerate(value):
            if type(item) is dict or type(item) is list:
                value[i] = _merges(item)
    return value


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
