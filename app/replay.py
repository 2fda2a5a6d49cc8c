"""Answers kept per registry, so the same question chosen from lists is answered once.

Most questions on the busy pages are the same few choices (an age, a place from the
list, a need from the list), and an answer is a pure function of the registry and the
question: no clock, no session. So the finished response (status, headers and bytes) is
kept in `registry.memo`, which is replaced with the registry on every edit, and replayed
byte for byte. Building the page or the JSON again cost ten times more than sending it.

What may be a key: only values from the vocabularies and the registry's own ids, and
the age as a number. A question with free text (`q`) is never kept, and a page address
is kept only when every parameter in it is such a value (`canonical_query`): nothing a
young person typed is held here, and the cache is bounded (`KEPT` entries per kind,
cleared when full) like the other per-registry memos.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from urllib.parse import parse_qsl

from fastapi.responses import Response

from app.forms import DANGER_IDS, TRUE
from pathways.question import ASKERS, Question
from pathways.registry import Registry
from pathways.vocab import Need, Urgency

KEPT = 512  # answers kept per kind and registry: a few MB at most

Stored = tuple[int, bytes, tuple[tuple[bytes, bytes], ...]]


class Replayed(Response):
    """A response rebuilt from stored parts: no encoding, no header building."""

    def __init__(self, stored: Stored) -> None:
        self.status_code, self.body, headers = stored
        # A fresh list each time: middleware appends its headers to this very list.
        self.raw_headers = list(headers)
        self.background = None


def replay(registry: Registry, kind: str, key: Hashable, build: Callable[[], Response]) -> Response:
    """The stored answer to `key`, or `build()`'s, stored when it is a 200 with a body."""
    memo: dict[Hashable, Stored] = registry.memo.setdefault(f"replay:{kind}", {})
    found = memo.get(key)
    if found is not None:
        return Replayed(found)
    response = build()
    if response.status_code == 200 and response.background is None and response.body:
        if len(memo) >= KEPT:
            memo.clear()
        memo[key] = (response.status_code, bytes(response.body), tuple(response.raw_headers))
    return response


def replay_for(
    registry: Registry, kind: str, answer: object, build: Callable[[], Response]
) -> Response:
    """The stored response built from this very `answer` object (find_help keeps its
    answers per registry, keyed by the question as understood, never by typed words)."""
    memo: dict[int, tuple[object, Stored]] = registry.memo.setdefault(f"replay:{kind}", {})
    found = memo.get(id(answer))
    if found is not None and found[0] is answer:
        return Replayed(found[1])
    response = build()
    if response.status_code == 200 and response.background is None and response.body:
        if len(memo) >= KEPT:
            memo.clear()
        stored = (response.status_code, bytes(response.body), tuple(response.raw_headers))
        memo[id(answer)] = (answer, stored)
    return response


NEEDS = frozenset(n.value for n in Need)
URGENCIES = frozenset(u.value for u in Urgency)
FLAGS = TRUE | {"", "0"}
CHOICES: dict[str, frozenset[str]] = {
    "need": NEEDS,
    "danger": DANGER_IDS,
    "urgency": URGENCIES,
    "asker": frozenset(ASKERS),
    "confidential": FLAGS,
    "unclear": FLAGS,
    "format": frozenset({"json"}),
}


def chosen_query(registry: Registry, query: str) -> bool:
    """Whether the public form's address `query` holds only choices: an area id of the
    registry, a number for the age, and values of the vocabularies. Only then may the
    raw address be a key: it holds nothing typed."""
    pairs = parse_qsl(query, keep_blank_values=True)
    return bool(pairs) and all(_chosen(registry, name, value) for name, value in pairs)


def _chosen(registry: Registry, name: str, value: str) -> bool:
    if name == "age":
        return value.isascii() and value.isdigit() and len(value) <= 2
    if name == "area":
        return value in registry.areas
    choices = CHOICES.get(name)
    return choices is not None and value in choices


def question_key(question: Question) -> tuple[Hashable, ...] | None:
    """The question as a key of ids and vocabulary, or None when it holds free text."""
    if question.text is not None or question.area is None:
        return None
    return (
        question.area.id,
        question.age,
        question.needs,
        question.urgency,
        question.confidential,
        question.asker,
        question.danger,
    )
