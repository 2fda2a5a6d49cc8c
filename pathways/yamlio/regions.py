"""Where each record of a registry text starts, and which records two texts differ in.

A registry is a mapping at column 0 whose lists (`providers:`, `flows:` ...) hold one
record per dash line at the list's indentation. Finding those lines takes a regular
expression over the text, not a YAML parse, so an edit to one record of a national
registry can be read by parsing that record's lines alone (`pathways.store.incremental`).

Nothing here is trusted blindly: the records found are checked against the parsed data
of the same text before they are used, and a text laid out in any other way (a flow
list, directives, several documents, an indented top level) has no layout, so the caller
reads it whole.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

# A line at column 0 that is neither a comment nor a list item at column 0.
_TOP = re.compile(r"^(?!-(?:[ \n]|$))[^\s#][^\n]*", re.MULTILINE)
_KEY = re.compile(r"([A-Za-z_][A-Za-z0-9_]*):[ \t]*(?:#[^\n]*)?")  # `name:`, nothing after
_DASH = re.compile(r"^( *)-(?=[ \n]|$)", re.MULTILINE)
_ANCHOR = re.compile(r"&([^\s\[\]{},]+)")
_DOCUMENT_MARKS = ("---", "...", "%")


@dataclass(frozen=True)
class Section:
    """One top-level key: its line, and for a block list, where each record begins."""

    name: str
    key: int  # offset of the key's line
    body: int  # offset of the line after it
    end: int  # offset of the next line at column 0, or the end of the text
    indent: int  # column of the records' dashes (-1: not a block list)
    starts: tuple[int, ...]  # offset of each record's dash line

    def span(self, index: int) -> tuple[int, int]:
        """Record `index` from its dash line to the next record (or the section's end)."""
        stop = self.starts[index + 1] if index + 1 < len(self.starts) else self.end
        return self.starts[index], stop


@dataclass(frozen=True)
class Layout:
    """The top-level keys of a text in order, and everything before the first."""

    head: int  # offset of the first key's line
    sections: tuple[Section, ...]

    def section(self, name: str) -> Section | None:
        return next((s for s in self.sections if s.name == name), None)


def layout(text: str) -> Layout | None:
    """The layout of a registry text, or None when it is not laid out as a block mapping."""
    tops = list(_TOP.finditer(text))
    if not tops or any(m.group().startswith(_DOCUMENT_MARKS) for m in tops):
        return None
    sections: list[Section] = []
    for n, match in enumerate(tops):
        line = match.group()
        name = line.split(":", 1)[0]
        end = tops[n + 1].start() if n + 1 < len(tops) else len(text)
        body = min(match.end() + 1, len(text))
        block = _KEY.fullmatch(line) is not None
        indent, starts = _records(text, body, end) if block else (-1, ())
        if name in (s.name for s in sections):
            return None  # a key twice: read it whole
        sections.append(Section(name, match.start(), body, end, indent, starts))
    return Layout(tops[0].start(), tuple(sections))


def _records(text: str, body: int, end: int) -> tuple[int, tuple[int, ...]]:
    first = _DASH.search(text, body, end)
    if first is None:
        return -1, ()
    indent = len(first.group(1))
    dash = re.compile(rf"^ {{{indent}}}-(?=[ \n]|$)", re.MULTILINE)
    return indent, tuple(m.start() for m in dash.finditer(text, body, end))


def is_record_start(text: str, indent: int) -> bool:
    """Whether a text begins with a record's dash line at `indent`."""
    return re.match(rf" {{{indent}}}-(?=[ \n]|$)", text) is not None


def count_records(text: str, indent: int) -> int:
    """The dash lines at `indent` in a text (a fragment of one list)."""
    return len(re.findall(rf"^ {{{indent}}}-(?=[ \n]|$)", text, re.MULTILINE))


@dataclass(frozen=True)
class Hunk:
    """Records `start`..`start + removed` of a section became the new text `new`, which
    begins at offset `at` of the new registry text; `old` is the text they replace."""

    section: str
    start: int
    removed: int
    old: str
    new: str
    at: int
    indent: int


def changes(old: str, before: Layout, new: str) -> tuple[list[Hunk], Layout] | None:
    """The records two texts differ in and the new text's layout; None when they differ
    anywhere else. A change inside one list (an edit's usual case) is found without
    reading the rest of the new text; any other goes through `layout` and `hunks`."""
    first = common_prefix(old, 0, len(old), new, 0, len(new))
    if first == len(old) == len(new):
        return [], before
    room = min(len(old), len(new)) - first
    stop = len(old) - common_suffix(old, 0, len(old), new, 0, len(new), room)
    inside = [s for s in before.sections if s.starts and s.starts[0] <= first and stop <= s.end]
    if not inside:
        after = layout(new)
        found = None if after is None else hunks(old, before, new, after)
        return None if found is None or after is None else (found, after)
    return _within(old, before, new, inside[0], first, stop)


def _within(
    old: str, before: Layout, new: str, section: Section, first: int, stop: int
) -> tuple[list[Hunk], Layout] | None:
    starts = section.starts
    i = _owner(starts, first)
    # The first record wholly after the change: its line, and the one before, unchanged.
    j = bisect_right(starts, stop, i + 1)
    old_stop = starts[j] if j < len(starts) else section.end
    shift = len(new) - len(old)
    fragment = new[starts[i] : old_stop + shift]
    if _TOP.search(fragment) or not _whole_lines(fragment, old_stop + shift, new):
        return None  # a new top-level key, or a line cut in two: read it whole
    dash = re.compile(rf"^ {{{section.indent}}}-(?=[ \n]|$)", re.MULTILINE)
    written = tuple(starts[i] + m.start() for m in dash.finditer(fragment))
    moved = tuple(map(shift.__add__, starts[j:]))  # in C: a national list has 21,000
    sections = []
    for other in before.sections:
        if other.key < section.key:
            sections.append(other)
        elif other is section:
            end = section.end + shift
            now = (*starts[:i], *written, *moved)
            sections.append(Section(other.name, other.key, other.body, end, other.indent, now))
        else:
            sections.append(_shifted(other, shift))
    hunk = Hunk(
        section.name, i, j - i, old[starts[i] : old_stop], fragment, starts[i], section.indent
    )
    return [hunk], Layout(before.head, tuple(sections))


def _whole_lines(fragment: str, stop: int, text: str) -> bool:
    """Whether a fragment ends where a line ends (or the text does)."""
    return not fragment or fragment.endswith("\n") or stop >= len(text)


def _owner(starts: tuple[int, ...], at: int) -> int:
    """The record a change at offset `at` begins in; a change right at a record's first
    character may as well be lines added at the end of the record before it."""
    return bisect_right(starts, max(at - 1, starts[0])) - 1  # starts are in order


def _shifted(section: Section, shift: int) -> Section:
    return Section(
        section.name,
        section.key + shift,
        section.body + shift,
        section.end + shift,
        section.indent,
        tuple(map(shift.__add__, section.starts)),
    )


def hunks(old: str, before: Layout, new: str, after: Layout) -> list[Hunk] | None:
    """The records two texts differ in, one stretch per section; None when they differ
    anywhere else (the top-level keys, the text before them, a list's head)."""
    names = [s.name for s in before.sections]
    if names != [s.name for s in after.sections] or old[: before.head] != new[: after.head]:
        return None
    out = []
    for was, now in zip(before.sections, after.sections, strict=True):
        if old[was.key : was.body] != new[now.key : now.body]:
            return None
        if old[was.body : was.end] == new[now.body : now.end]:
            continue
        hunk = _hunk(old, was, new, now)
        if hunk is None:
            return None
        out.append(hunk)
    return out


def _hunk(old: str, was: Section, new: str, now: Section) -> Hunk | None:
    if not was.starts or was.indent < 0:
        return None
    first = common_prefix(old, was.body, was.end, new, now.body, now.end)
    if first < was.starts[0] - was.body:
        return None  # the change begins before the first record
    room = min(was.end - was.body, now.end - now.body) - first
    last = common_suffix(old, was.body, was.end, new, now.body, now.end, room)
    changed_to = was.end - last  # offset in old where the unchanged tail begins
    at = was.body + first
    i = _owner(was.starts, at)
    j = next((k for k in range(i + 1, len(was.starts)) if was.starts[k] > changed_to), None)
    old_stop = was.starts[j] if j is not None else was.end
    shift = (now.end - now.body) - (was.end - was.body)
    start = was.starts[i] - was.body + now.body
    new_stop = old_stop - was.body + now.body + shift
    removed = (j if j is not None else len(was.starts)) - i
    fragment = new[start:new_stop]
    if not _whole_lines(fragment, new_stop, new):
        return None
    return Hunk(was.name, i, removed, old[was.starts[i] : old_stop], fragment, start, was.indent)


_BLOCK = 65536


def common_prefix(a: str, a0: int, a1: int, b: str, b0: int, b1: int) -> int:
    """How many characters a[a0:a1] and b[b0:b1] share at the start (compared in blocks)."""
    limit = min(a1 - a0, b1 - b0)
    n = 0
    while n < limit:
        step = min(_BLOCK, limit - n)
        if a[a0 + n : a0 + n + step] == b[b0 + n : b0 + n + step]:
            n += step
            continue
        if step == 1:
            return n
        low, high = 0, step  # the first difference is within this block
        while high - low > 1:
            mid = (low + high) // 2
            if a[a0 + n : a0 + n + mid] == b[b0 + n : b0 + n + mid]:
                low = mid
            else:
                high = mid
        return n + low if a[a0 + n + low] != b[b0 + n + low] else n + high
    return n


def common_suffix(a: str, a0: int, a1: int, b: str, b0: int, b1: int, room: int) -> int:
    """How many characters a[a0:a1] and b[b0:b1] share at the end, at most `room`."""
    n = 0
    while n < room:
        step = min(_BLOCK, room - n)
        if a[a1 - n - step : a1 - n] == b[b1 - n - step : b1 - n]:
            n += step
            continue
        low, high = 0, step
        while high - low > 1:
            mid = (low + high) // 2
            if a[a1 - n - mid : a1 - n] == b[b1 - n - mid : b1 - n]:
                low = mid
            else:
                high = mid
        return n + low if low + 1 > step or a[a1 - n - low - 1] != b[b1 - n - low - 1] else n + high
    return n


def record_anchors(text: str, sections: tuple[Section, ...]) -> dict[str, tuple[str, int]]:
    """Anchors set on whole records (`- &p7`), by name: section and position.

    A name written more than once anywhere in the text (or an `&` that only looks like
    one, inside a string) is left out: an alias to it is then read with the whole text.
    """
    seen: dict[str, int] = {}
    for match in _ANCHOR.finditer(text):
        seen[match.group(1)] = seen.get(match.group(1), 0) + 1
    found: dict[str, tuple[str, int]] = {}
    for section in sections:
        if section.indent < 0:
            continue
        head = re.compile(rf" {{{section.indent}}}- *&([^\s\[\]{{}},]+)")
        for index, start in enumerate(section.starts):
            named = head.match(text, start)
            if named and seen.get(named.group(1)) == 1:
                found[named.group(1)] = (section.name, index)
    return found
