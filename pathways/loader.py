"""Reading a registry file: YAML through libyaml, problems placed on their line.

Valid files take the fast path (libyaml's C parser, no position bookkeeping). Only when
the registry is refused is the text composed again to find the line of each problem.
The garbage collector is kept out of a build (`collector_paused`), and away from a
registry that serves (`settle`).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import yaml

from pathways import limits, parallel
from pathways.errors import Loc, Problem, RegistryInvalid
from pathways.models import RegistryDocument
from pathways.validation import validate
from pathways.yamlio import fast as yamlfast
from pathways.yamlio import quick as yamlquick

try:
    _BaseLoader: type[yaml.SafeLoader] = yaml.CSafeLoader  # type: ignore[assignment]
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _BaseLoader = yaml.SafeLoader


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while a registry is built.

    Loading allocates a million small objects and frees almost none; the collector would
    scan them again and again for nothing (it doubled load time at national scale).
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def settle() -> None:
    """After loading a registry for serving: collect once, then leave its objects alone.

    `gc.freeze` moves everything alive now out of the collector's sight, so requests do
    not pay for scanning a registry that never changes (p99 latency fell several times).
    """
    gc.collect()
    gc.freeze()


MERGE_TAG = "tag:yaml.org,2002:merge"
_quick_by_default = True


def serving() -> None:
    """From now on, parse without yaml-rs unless told otherwise: this process serves.

    yaml-rs holds the GIL while it builds the Python objects, in one stretch of about
    half its parse (a tenth of a second or two for a national registry), so an edit
    parsed with it would stall every request of the worker for that long; libyaml's
    event loop lets them run in between. `check` keeps yaml-rs.
    """
    global _quick_by_default
    _quick_by_default = False


class _StrictLoader(_BaseLoader):  # type: ignore[valid-type, misc]
    """A safe loader that notes duplicate keys instead of silently keeping the last."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.duplicates: list[tuple[str, int]] = []

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            if isinstance(key_node, yaml.ScalarNode) and key_node.tag != MERGE_TAG:
                key = self.construct_object(key_node)  # cached: built once per node
                if key in seen:
                    self.duplicates.append((str(key), key_node.start_mark.line + 1))
                seen.add(key)
        return super().construct_mapping(node, deep=deep)  # type: ignore[no-any-return]


def parse_yaml(text: str, file: str, *, quick: bool | None = None) -> Any:
    """Parse YAML text; raise `RegistryInvalid` for syntax errors and duplicate keys.

    A text that yaml-rs reads exactly as PyYAML would is read by yaml-rs
    (`pathways.yamlio.quick`); anything else, and every text yaml-rs refuses, is built
    from libyaml's events (`pathways.yamlio.fast`), which place each error on its line;
    whatever that loop leaves alone goes through PyYAML's full safe loader. `quick=False`
    skips yaml-rs (see `serving`); None leaves the choice to the process. The size limit
    comes first, whichever parser reads (`pathways.limits`).
    """
    limits.check_size(len(text), file)  # bounded input (pathways.limits)
    use_quick = _quick_by_default if quick is None else quick
    fast = _quick(text) if use_quick else None
    if fast is not None:
        return fast
    try:
        data, duplicates = yamlfast.load(text, limits.AliasBudget(file))
    except yamlfast.Unsupported:
        data, duplicates = _full_load(text, file)
        limits.check_expansion(data, file)
    except yaml.YAMLError as exc:
        raise _syntax_error(exc, file) from None
    if duplicates:
        raise RegistryInvalid(
            [
                Problem(
                    f"key '{key}' appears twice in one mapping",
                    file=file,
                    line=line,
                    code="duplicate_key",
                )
                for key, line in duplicates
            ]
        )
    return data


def _quick(text: str) -> Any:
    """yaml-rs's data, or None for the exact loader. yaml-rs is told the alias limit as
    its cap on replayed events, which bounds what the exact loader would count (see
    `pathways.yamlio.quick`): past it, the exact loader counts, decides and words it."""
    return yamlquick.load(text, replays=limits.Limits.current().alias_nodes, beside=parallel.beside)


def _full_load(text: str, file: str) -> tuple[Any, list[tuple[str, int]]]:
    loader = _StrictLoader(text)
    try:
        return loader.get_single_data(), loader.duplicates
    except yaml.YAMLError as exc:
        raise _syntax_error(exc, file) from None
    except (ValueError, KeyError, AttributeError, TypeError) as exc:  # PyYAML's bare errors
        raise RegistryInvalid(
            [Problem(f"YAML error: a value cannot be read: {exc}", file=file, code="syntax")]
        ) from None
    finally:
        loader.dispose()


def _syntax_error(exc: yaml.YAMLError, file: str) -> RegistryInvalid:
    if isinstance(exc, yaml.MarkedYAMLError):
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        detail = " ".join(str(p) for p in (exc.context, exc.problem) if p)
        return RegistryInvalid(
            [Problem(f"YAML syntax error: {detail}", file=file, line=line, code="syntax")]
        )
    return RegistryInvalid([Problem(f"YAML error: {exc}", file=file, code="syntax")])


def load_text(
    text: str, file: str = "<registry>", *, quick: bool | None = None
) -> RegistryDocument:
    """Validate registry text; every problem names the file and line."""
    return load_parsed(text, file, quick=quick)[1]


def load_parsed(
    text: str, file: str = "<registry>", *, quick: bool | None = None
) -> tuple[Any, RegistryDocument]:
    """The parsed data and the validated document: for an edit, which needs both and
    must not parse a national registry twice."""
    raw = parse_yaml(text, file, quick=quick)
    try:
        return raw, validate(raw)
    except RegistryInvalid as exc:
        locate = _locator(text)
        placed = [p.placed(file, locate(p.loc)) for p in exc.problems]
        raise RegistryInvalid(sorted(placed, key=lambda p: p.line or 0)) from None


def load_file(path: str | Path) -> RegistryDocument:
    path = Path(path)
    return load_text(limits.read_text(path), str(path))


def _locator(text: str) -> Any:
    """Return a function from an error location to the 1-based line it points at."""
    root = yaml.compose(text, Loader=_BaseLoader)

    def locate(loc: Loc) -> int | None:
        node = root
        line = node.start_mark.line + 1 if node is not None else None
        for part in loc:
            child = _child(node, part)
            if child is None:
                break
            node = child
            line = node.start_mark.line + 1
        return line

    return locate


def line_in_record(fragment: str, path: Loc) -> int | None:
    """The 0-based line, within a fragment holding one record as a list item, of the node
    `path` leads to from the record (as `_locator` finds it in a whole text); None when
    the fragment does not compose alone."""
    try:
        root = yaml.compose(fragment, Loader=_BaseLoader)
    except yaml.YAMLError:
        return None
    if not isinstance(root, yaml.SequenceNode) or not root.value:
        return None
    node: yaml.Node = root.value[0]
    line: int = node.start_mark.line
    for part in path:
        child = _child(node, part)
        if child is None:
            break
        node, line = child, child.start_mark.line
    return line


def _child(node: yaml.Node | None, part: str | int) -> yaml.Node | None:
    if isinstance(node, yaml.SequenceNode):
        if isinstance(part, int):
            return node.value[part] if 0 <= part < len(node.value) else None
        # a list of needs normalised to a mapping: find the item by its value
        return next((n for n in node.value if getattr(n, "value", None) == part), None)
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if key.value == str(part):
                return value  # type: ignore[no-any-return]
    return None
