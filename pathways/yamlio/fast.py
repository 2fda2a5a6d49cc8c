"""Build Python data straight from libyaml's event stream.

PyYAML's safe loader spends most of its time in Python: a composer, a resolver and a
constructor per node. A national registry has over a million nodes, so here objects are
built in one loop over libyaml's events (PyYAML's C binding), and each distinct plain
scalar is resolved once, by PyYAML's own resolver and constructors, so the result is
what `yaml.load(..., CSafeLoader)` gives. Anything this loop does not handle (explicit
tags on collections, complex keys, more than one document) raises `Unsupported`, and the
caller falls back to PyYAML's full loader. A scalar that cannot be read as its tag
(`!!int abc`) is a `ConstructorError` with its line, where PyYAML would raise a bare
ValueError.
"""

from __future__ import annotations

from typing import Any, Protocol

import yaml
from yaml.constructor import ConstructorError
from yaml.error import Mark
from yaml.events import (
    AliasEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
)
from yaml.nodes import ScalarNode

try:
    _Loader: type[yaml.SafeLoader] = yaml.CSafeLoader  # type: ignore[assignment]
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _Loader = yaml.SafeLoader

MERGE = "<<"
_PLAIN = (True, False)


class AliasBudget(Protocol):
    """What aliases may add when expanded (`pathways.limits.AliasBudget`, bounded input).

    A protocol, so that yamlio stays a leaf: the limit and its refusal live in the core.
    """

    def spend(self, value: Any) -> None:
        """An alias to `value` was used; raise to refuse the text."""


class Unsupported(Exception):
    """The text uses YAML this loop leaves to PyYAML's full loader."""


class _Scalars:
    """Resolve scalars exactly as PyYAML's safe loader does, remembering plain ones."""

    def __init__(self) -> None:
        # Only its resolver and constructor are used. Its parser state is a bound method
        # of itself: disposed, the host is freed when the load ends, not left in a cycle
        # for the collector (with a national registry in memory, a 0.1 s pause).
        self._host = yaml.SafeLoader("")
        self._host.dispose()
        self.known: dict[str, Any] = {MERGE: MERGE}  # plain scalar text -> its value

    def plain(self, value: str, mark: Mark) -> Any:
        tag: str = self._host.resolve(ScalarNode, value, _PLAIN)  # type: ignore[no-untyped-call]
        result = self._construct(ScalarNode(tag, value), mark)
        self.known[value] = result
        return result

    def tagged(self, tag: str, value: str, style: str | None, mark: Mark) -> Any:
        return self._construct(ScalarNode(tag, value, style=style), mark)

    def _construct(self, node: ScalarNode, mark: Mark) -> Any:
        try:
            return self._host.construct_object(node)
        except Exception as exc:  # PyYAML raises ValueError, KeyError... for bad tagged values
            problem = f"cannot read {node.value!r} as {node.tag}: {exc}"
            raise ConstructorError(None, None, problem, mark) from None
        finally:  # the constructor keeps every node it built; we keep the values
            self._host.constructed_objects.clear()


def load(
    text: str, budget: AliasBudget | None = None, anchors: dict[str, Any] | None = None
) -> tuple[Any, list[tuple[str, int]]]:
    """Return the document and the duplicate keys found, as (key, line) pairs.

    Raises `yaml.YAMLError` for syntax errors (from libyaml, with a mark) and
    `Unsupported` for constructs left to PyYAML's full loader. `anchors`, when given,
    holds what aliases may refer to besides the text's own anchors (a fragment of a
    registry read alone); the text's own definitions are added to it.
    """
    scalars = _Scalars()
    cache = scalars.known
    if anchors is None:
        anchors = {}
    duplicates: list[tuple[str, int]] = []
    # Each open container: [container, pending key or _NO_KEY, merges, keys seen]
    stack: list[list[Any]] = []
    container: Any
    root: Any = None
    documents = 0

    def put(value: Any, event: Any) -> None:
        nonlocal root
        if not stack:
            root = value
            return
        top = stack[-1]
        container = top[0]
        if isinstance(container, list):
            container.append(value)
        elif top[1] is _NO_KEY:
            if isinstance(value, (dict, list)):
                raise Unsupported("complex key")
            top[1] = value
        else:
            key = top[1]
            top[1] = _NO_KEY
            if key == MERGE and top[4]:
                top[2].append(value)
            else:
                if key in container:
                    duplicates.append((str(key), event.start_mark.line + 1))
                container[key] = value  # the last one wins, as in PyYAML

    event: Any  # libyaml's events: typed loosely, read in the hottest loop of loading
    for event in yaml.parse(text, Loader=_Loader):
        kind = type(event)
        if kind is ScalarEvent:
            # The hot path: a million of these in a national registry.
            plain = event.tag is None and not event.style  # libyaml: '' for plain
            if plain:
                value = cache.get(event.value, _MISSING)
                if value is _MISSING:
                    value = scalars.plain(event.value, event.start_mark)
            elif event.tag is None or event.tag == "!":
                value = event.value
            else:
                value = scalars.tagged(event.tag, event.value, event.style, event.start_mark)
            if event.anchor:
                anchors[event.anchor] = value
            if stack:
                top = stack[-1]
                if type(top[0]) is list:
                    top[0].append(value)
                    continue
                if top[1] is _NO_KEY:  # a key; a plain "<<" means merge
                    top[1] = value
                    top[4] = plain and value == MERGE
                    continue
            put(value, event)
        elif kind is MappingStartEvent or kind is SequenceStartEvent:
            if event.tag is not None and event.tag not in ("!", _MAP, _SEQ):
                raise Unsupported(f"tag {event.tag}")
            container = {} if kind is MappingStartEvent else []
            if event.anchor:
                anchors[event.anchor] = container
            stack.append([container, _NO_KEY, [], event, False])
        elif kind is MappingEndEvent or kind is SequenceEndEvent:
            container, _, merges, start, _ = stack.pop()
            if merges:
                container = _merged(container, merges)
                if start.anchor:
                    anchors[start.anchor] = container
            put(container, start)
        elif kind is AliasEvent:
            if event.anchor not in anchors:
                raise Unsupported("unknown alias")  # PyYAML's loader words the error
            if budget is not None:
                budget.spend(anchors[event.anchor])  # bounded expansion (pathways.limits)
            if stack and stack[-1][1] is _NO_KEY and isinstance(stack[-1][0], dict):
                stack[-1][4] = False
            put(anchors[event.anchor], event)
        elif kind is DocumentStartEvent:
            documents += 1
            if documents > 1:
                raise Unsupported("more than one document")  # PyYAML's loader words it
    return root, duplicates


def _merged(explicit: dict[Any, Any], merges: list[Any]) -> dict[Any, Any]:
    """Apply YAML merge keys as PyYAML does: explicit keys win, then the first merge."""
    sources: list[dict[Any, Any]] = []
    for merge in merges:
        items = merge if isinstance(merge, list) else [merge]
        if not all(isinstance(item, dict) for item in items):
            raise Unsupported("merge of a non-mapping")  # PyYAML's loader words the error
        sources.extend(items)
    result: dict[Any, Any] = {}
    for source in reversed(sources):
        result.update(source)
    result.update(explicit)
    return result


class _NoKey:
    def __repr__(self) -> str:
        return "<no key>"


_NO_KEY = _NoKey()
_MISSING = _NoKey()
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"
