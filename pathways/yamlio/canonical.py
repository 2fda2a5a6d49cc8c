"""One text per meaning of a YAML value: what ETags hash and what edits compare.

It lives with the YAML code because an edit must tell whether a field really changed
(`1` and `1.0` differ, `{a: 1, b: 2}` and `{b: 2, a: 1}` do not) before it rewrites a
line, and the store builds its versions and diffs on the same text.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any


def jsonable(value: Any) -> Any:
    """The value as plain JSON data: dates become ISO strings, keys strings, tuples lists."""
    if isinstance(value, Mapping):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    if isinstance(value, date | datetime):
        return value.isoformat()
    return value


def canonical(record: Any) -> str:
    """One text per meaning: sorted keys, no spaces; `true` and `1` stay different."""
    return compact_json(jsonable(record))


def compact_json(plain: Any) -> str:
    return json.dumps(plain, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
