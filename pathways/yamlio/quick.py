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

The guards read the text only: `load` takes a `beside` that may start them elsewhere
(the loader passes `pathways.parallel.beside`, which in `check` forks them into a child
while yaml-rs parses in this process). It is passed in, so that `yamlio` stays a leaf.

`tests/pathways/yamlio/test_quick.py` checks that whatever this returns equals the exact
loader's data, over the bundled registry, the generated national one and random texts
made of every divergent form; `test_quick_guards.py` that the guards and the merge pass
decide as their first, plainer form did (`quick_reference.py`); `test_quick_parallel.py`
that forking the guards changes nothing.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from typing import Any

import yaml_rs

Beside = Callable[[Callable[[], bool]], Callable[[], bool]]

MERGE = "<<"
_END = r"(?=[ \t]*(?:$|#|,|\]|\}|:[ \t]|:$))"  # where a plain scalar ends
_START = r"(?<=[\s:?\[{,])"  # where a plain value can start (a line's indentation too)
# Plain scalars that YAML 1.1 (PyYAML) and 1.2 (yaml-rs) read differently, where a plain
# value starts and ending it. A match in a comment or a quoted string only sends the
# text to the exact loader. No pattern may tell the digits 1-9 apart (see `differs`).
_BEFORE = r"(?<=[\s:?\[{,].)"  # lookbehind placed after a value's first character
_ZERO = re.compile(
    r"0(?:(?<=[\s:?\[{,]0)|(?<=[\s:?\[{,][-+]0))[0-9o_]+" + _END, re.MULTILINE
)  # 010, 09, 0o7
_EXPONENT = re.compile(r"[0-9._][eE][-+]?[0-9]+" + _END, re.MULTILINE)  # 1e3, 1.0e3, 1_e3
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
# A merged alias (its `*` captured) or a merged one-line list of them.
_MERGED = re.compile(r"<<[ \t]*:[ \t]*(?:(\*)[^\s,\[\]{}]+|\[[^\]\n]*\])")
_MERGED_LIST = re.compile(r"<<[ \t]*:[ \t]*\[")  # in every merged list _MERGED finds
_ONES = bytes.maketrans(b"23456789", b"11111111")  # see `differs`


DEFAULT_REPLAYS = 1_000_000  # yaml-rs's own default cap on replayed alias events; ours too


class _Fallback(Exception):
    """The result might differ from PyYAML's: read the text with the exact loader."""


def differs(text: str) -> bool:
    """Whether the text may hold YAML that yaml-rs and PyYAML read differently.

    Every pattern but the document marker's stays within a line, so they run over the
    text's distinct lines only, with every line keeping a newline before it, as in the
    text. No pattern tells the digits 1 to 9 apart (each stands only in classes holding
    all of them, or in `.`), so they are all read as 1 first: a national registry's
    lines then differ in little but their words (2.3 MB of distinct lines become 0.2 MB,
    and the scans take a tenth of the time). That is done on the UTF-8 bytes, where a
    digit is one byte that no other character contains and `bytes.translate` is cheap;
    `surrogatepass` gives back any lone surrogate exactly.
    """
    if ("---" in text or "..." in text) and len(_DOCUMENT.findall(text)) > 1:
        return True
    folded = text.encode("utf-8", "surrogatepass").translate(_ONES)
    distinct = b"\n".join(dict.fromkeys(folded.split(b"\n")))
    lines = "\n" + distinct.decode("utf-8", "surrogatepass")
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
    if _MERGED_LIST.search(text) is None:  # only `<<: *a`: the alias is where `*` is
        merged = {span.start(1) for span in _MERGED.finditer(text)}
    else:
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


def _in_line(work: Callable[[], bool]) -> Callable[[], bool]:
    """A `beside` that does the work at once, here."""
    verdict = work()
    return lambda: verdict


def load(text: str, replays: int = DEFAULT_REPLAYS, beside: Beside = _in_line) -> Any:
    """The document as PyYAML's safe loader gives it, or None to use the exact loader.

    `replays` caps what aliases may replay (`pathways.limits` passes its alias limit),
    and never past yaml-rs's own default: yaml-rs copies what an alias stands for, so a
    larger expansion is left to the exact loader, which shares it instead.

    The guards read the text only, so `beside` (`pathways.parallel.beside`, in `check`)
    may run them in a child while yaml-rs parses here; their verdict is asked for after
    the parse, which is then discarded if the text may differ. When they run here, they
    have already run when `beside` returns, and a text they send to the exact loader is
    not parsed here at all. A load `begin` started for this text is finished instead.
    """
    early = _claim(text, replays)
    if early is not None:
        parsed, steps_aside = early
    else:
        ran_here: list[bool] = []  # filled when the guards run in this process

        def guard() -> bool:
            ran_here.append(_guard(text))
            return ran_here[0]

        steps_aside = beside(guard)
        if ran_here and ran_here[0]:
            return None
        parsed = _Parse(text, replays, threaded=False)
    try:
        data = parsed.result()
    except (yaml_rs.YAMLDecodeError, ValueError, TypeError, RecursionError):
        steps_aside()  # the child is waited for, whatever it says
        return None  # refused (syntax, duplicates, aliases): the exact loader says why
    except BaseException as exc:  # a text the guards refuse may fail here in other ways
        if isinstance(exc, (KeyboardInterrupt, SystemExit)) or not steps_aside():
            raise
        return None
    if steps_aside():
        return None
    if MERGE not in text:
        return data
    try:
        return _merges(data)
    except (_Fallback, RecursionError):
        return None


def begin(text: str, replays: int = DEFAULT_REPLAYS, beside: Beside = _in_line) -> None:
    """Start `load(text, replays)` ahead of it: the guards through `beside`, yaml-rs in
    a thread. The next `load` of an equal text with the same cap finishes this one.

    yaml-rs lets go of the GIL while it parses (about half of its time; it takes it
    again to build the Python objects), so `check` begins the load before it imports
    pydantic and the models, which then run meanwhile. Begun first, the guards' child is
    forked while this process holds little more than the text.
    """
    global _early
    _drop(_early)  # begun and never loaded (another loader read the text): let it go
    _early = (text, replays, beside(lambda: _guard(text)), _Parse(text, replays, threaded=True))


_early: tuple[str, int, Callable[[], bool], _Parse] | None = None


def _claim(text: str, replays: int) -> tuple[_Parse, Callable[[], bool]] | None:
    """The load begun for this text and cap, taken (once); None if there is none."""
    global _early
    early, _early = _early, None
    if early is None:
        return None
    begun, cap, steps_aside, parsed = early
    if cap != replays or not (begun is text or begun == text):
        _drop(early)  # not this text's
        return None
    return parsed, steps_aside


def _drop(early: tuple[str, int, Callable[[], bool], _Parse] | None) -> None:
    """Wait for a begun load's thread and child, and keep nothing of them."""
    if early is not None:
        early[3].result_or_none()
        early[2]()


def _guard(text: str) -> bool:
    """Whether the text must go to the exact loader, as far as the text alone says."""
    return differs(text) or ("*" in text and _self_reference_possible(text))


class _Parse:
    """yaml-rs's reading of a text: at once, or in a thread, waited for on `result`."""

    def __init__(self, text: str, replays: int, *, threaded: bool) -> None:
        self._text, self._replays = text, replays
        self._outcome: tuple[bool, Any] | None = None
        self._thread: threading.Thread | None = None
        if threaded:
            self._thread = threading.Thread(target=self._run, name="yaml-rs", daemon=True)
            self._thread.start()

    def _run(self) -> None:
        try:
            self._outcome = (True, _parse(self._text, self._replays))
        except BaseException as exc:  # raised again by `result`, in the caller's thread
            self._outcome = (False, exc)

    def result(self) -> Any:
        """The data, or yaml-rs's exception raised here."""
        if self._thread is not None:
            self._thread.join()
        else:
            self._run()
        assert self._outcome is not None
        ok, value = self._outcome
        self._outcome = None  # the data are the caller's now, not kept here too
        if not ok:
            raise value
        return value

    def result_or_none(self) -> Any:
        try:
            return self.result()
        except Exception:
            return None


def _parse(text: str, replays: int) -> Any:
    return yaml_rs.loads(
        text,
        duplicate_key_policy=yaml_rs.DuplicateKeyPolicy.Error,
        alias_limits=yaml_rs.AliasLimits(max_total_replayed_events=min(replays, DEFAULT_REPLAYS)),
    )


def _merges(value: Any) -> Any:
    """Apply merge keys after parsing, as PyYAML does while loading: innermost first.

    yaml-rs gives every alias its own copy (the tests check it), so each container is
    visited once and changed in place, and what a mapping merges is its own to become
    the merged mapping; what yaml-rs replayed is already bounded.
    """
    if type(value) is dict:
        _within_mapping(value)
        return _merged(value) if MERGE in value else value
    if type(value) is list:
        _within_list(value)
    return value


def _within_mapping(mapping: dict[Any, Any]) -> None:
    for key, item in mapping.items():
        kind = type(item)
        if kind is dict:
            _within_mapping(item)
            if MERGE in item:
                mapping[key] = _merged(item)  # a new value for a key: allowed while iterating
        elif kind is list:
            _within_list(item)


def _within_list(items: list[Any]) -> None:
    for i, item in enumerate(items):
        kind = type(item)
        if kind is dict:
            _within_mapping(item)
            if MERGE in item:
                items[i] = _merged(item)
        elif kind is list:
            _within_list(item)


def _merged(mapping: dict[Any, Any]) -> dict[Any, Any]:
    """PyYAML's rule: explicit keys win, then the first mapping merged.

    A single merged mapping is a copy of the mapping's own (see `_merges`) that has had
    its own merges applied, so it holds no `<<`: it takes the explicit keys and is the
    result, in the same key order as a new mapping would have, without building one.
    """
    merged = mapping[MERGE]
    if type(merged) is dict:
        result: dict[Any, Any] = merged
    elif type(merged) is list and all(type(source) is dict for source in merged):
        result = {}
        for source in reversed(merged):
            result.update(source)
    else:
        raise _Fallback  # PyYAML's loader words the error
    result.update(mapping)  # explicit keys: in place if merged, else after, as PyYAML
    del result[MERGE]
    return result
