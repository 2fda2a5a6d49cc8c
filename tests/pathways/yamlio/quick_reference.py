"""yaml-rs's guards and merge pass as they were before they were made cheaper (issue 14).

Plain and slow: the distinct lines are taken as written, every merged span is searched
for its aliases, and every merge builds a new mapping. `test_quick_guards.py` asserts
that `pathways.yamlio.quick` decides exactly as this does and merges to the same data.
The patterns themselves are shared: only how they are run was changed.
"""

from __future__ import annotations

import re
from typing import Any

from pathways.yamlio import quick

_MERGED = re.compile(r"<<[ \t]*:[ \t]*(?:\*[^\s,\[\]{}]+|\[[^\]\n]*\])")


class Fallback(Exception):
    """The exact loader decides (a merge of something that is not a mapping)."""


def differs(text: str) -> bool:
    if ("---" in text or "..." in text) and len(quick._DOCUMENT.findall(text)) > 1:
        return True
    lines = "\n" + "\n".join(dict.fromkeys(text.split("\n")))
    if quick._ZERO.search(lines) or quick._WORDS.search(lines):
        return True
    numbers = (quick._EXPONENT, quick._COLON, quick._UNDERSCORE)
    if any(quick._at_value_start(lines, m.start()) for p in numbers for m in p.finditer(lines)):
        return True
    return quick._SIGNS.search(lines) is not None and quick._OTHER.search(lines) is not None


def self_reference_possible(text: str) -> bool:
    closed: dict[str, int | None] = {}
    for m in quick._ANCHOR.finditer(text):
        if m[2] is not None:
            closed[m[1]] = None if m[1] in closed else quick._flow_end(text, m.end(1))
    if not closed:
        return False
    merged = {
        span.start() + alias.start()
        for span in _MERGED.finditer(text)
        for alias in quick._ALIAS.finditer(span[0])
    }
    for alias in quick._ALIAS.finditer(text):
        if alias[1] in closed and alias.start() not in merged:
            end = closed[alias[1]]
            if end is None or alias.start() < end:
                return True
    return False


def merges(value: Any) -> Any:
    if type(value) is dict:
        for key, item in value.items():
            if type(item) is dict or type(item) is list:
                value[key] = merges(item)
        return _merged(value, value[quick.MERGE]) if quick.MERGE in value else value
    if type(value) is list:
        for i, item in enumerate(value):
            if type(item) is dict or type(item) is list:
                value[i] = merges(item)
    return value


def _merged(mapping: dict[Any, Any], merged: Any) -> dict[Any, Any]:
    sources = merged if type(merged) is list else [merged]
    if not all(type(source) is dict for source in sources):
        raise Fallback
    result: dict[Any, Any] = {}
    for source in reversed(sources):
        result.update(source)
    for name, value in mapping.items():
        if name != quick.MERGE:
            result[name] = value
    return result
