"""Editing a few records of a large registry text without reading all of it.

The line editor (`pathways.yamlio.edit`) reads the whole text's YAML events to find a
record's lines: a second or so for a national registry, on every edit. Here it is given
only the lines it needs (the list's key line and the records around the edit, found
through `pathways.yamlio.regions`), and its result is put back in their place. Whenever
the records found are not the ones expected, or the layout is not plain, the caller edits
the whole text instead, which gives the same result more slowly.
"""

from __future__ import annotations

from collections.abc import Callable

from pathways.store.versions import RecordIndex
from pathways.yamlio.edit import LayoutError
from pathways.yamlio.regions import Hunk, Layout, Section, changes

# How far back from the end of a list an append looks for a block record to copy its
# indentation from (records written `- {...}` do not show it).
_BACK = 50


class Cursor:
    """A registry text being edited: its layout, and each list's ids in order."""

    def __init__(self, text: str, layout: Layout | None, records: RecordIndex) -> None:
        self.text = text
        self.layout = layout
        self._records = records
        self._ids: dict[str, list[str]] = {}
        self._edits = 0
        # After one edit, how the text differs from the first: the reading in part
        # (`incremental.read`) need not compare the two 6 MB texts again.
        self.changed: tuple[list[Hunk], Layout] | None = None

    def ids(self, section: str) -> list[str] | None:
        found = self._ids.get(section)
        if found is None:
            found = self._ids[section] = list(self._records.records(section))
        return found

    def _section(self, name: str) -> tuple[Section, list[str]] | None:
        if self.layout is None:
            return None
        section = self.layout.section(name)
        ids = self.ids(name)
        if section is None or ids is None or len(section.starts) != len(ids) or not ids:
            return None  # the lines found are not the records read: edit the whole text
        return section, ids

    def replace(self, name: str, ident: str, edit: Callable[[str], str]) -> bool:
        found = self._section(name)
        if found is None or ident not in found[1]:
            return False
        at = found[1].index(ident)
        return self._apply(found[0], at, at, edit)

    def remove(self, name: str, ident: str, edit: Callable[[str], str]) -> bool:
        found = self._section(name)
        if found is None or ident not in found[1]:
            return False
        at = found[1].index(ident)
        # The first record's blank lines and comments before it are outside every
        # record's lines: the whole text is edited then, to treat them alike.
        if at == 0 or not self._apply(found[0], at - 1, at, edit):
            return False
        del found[1][at]
        return True

    def append(self, name: str, ident: str, edit: Callable[[str], str]) -> bool:
        found = self._section(name)
        if found is None:
            return False
        section, ids = found
        last = len(ids) - 1
        back = range(last, max(last - _BACK, -1), -1)
        first = next((k for k in back if self._block(section, k)), None)
        if first is None:
            return False
        if not self._apply(section, min(first, max(last - 1, 0)), last, edit):
            return False
        ids.append(ident)
        return True

    def _block(self, section: Section, index: int) -> bool:
        """Whether a record is written as a block mapping (its dash not followed by `{`)."""
        start, _ = section.span(index)
        line = self.text[start : self.text.find("\n", start)].lstrip(" -")
        if line.startswith("&"):  # an anchor, then the mapping on this line or below
            return "{" not in line and "[" not in line
        return not line.startswith(("{", "[", "!"))

    def whole(self, new: str, name: str, ident: str, action: str) -> None:
        """Take a text edited whole (the slow way) as the new version."""
        found = None if self.layout is None else changes(self.text, self.layout, new)
        self._moved(new, found)
        ids = self.ids(name)
        if ids is None:
            return
        if action == "remove" and ident in ids:
            ids.remove(ident)
        elif action == "create":
            ids.append(ident)

    def _apply(self, section: Section, first: int, last: int, edit: Callable[[str], str]) -> bool:
        text = self.text
        key = text[section.key : section.body]
        start, stop = section.starts[first], section.span(last)[1]
        try:
            edited = edit(key + text[start:stop])
        except LayoutError:
            return False  # the whole text is edited instead, and says what is wrong
        if not edited.startswith(key):
            return False
        new = spliced(text, start, stop, edited[len(key) :])
        assert self.layout is not None
        found = changes(text, self.layout, new)
        if found is None:
            return False
        self._moved(new, found)
        return True

    def _moved(self, new: str, found: tuple[list[Hunk], Layout] | None) -> None:
        self._edits += 1
        self.changed = found if self._edits == 1 else None
        self.text, self.layout = new, None if found is None else found[1]


def spliced(text: str, start: int, stop: int, middle: str) -> str:
    """`text` with `text[start:stop]` replaced by `middle`, in one new string.

    `text[:start] + middle + text[stop:]` makes four strings the size of the text, each
    in fresh memory: 12-30 ms for a national registry, all of it holding the GIL, so a
    read of the editing worker waited that long (and longer on a busy machine). One
    `str.replace` of the first occurrence makes only the result (0.3-1.6 ms), and is
    used when the replaced text first occurs at `start`: any earlier occurrence would end
    before `stop`, which `find` within `text[:stop]` sees. Otherwise (an insertion, or
    the same lines written earlier too) `join` makes three (about 2 ms).
    """
    old = text[start:stop]
    if old and text.find(old, 0, stop) == start:
        return text.replace(old, middle, 1)
    return "".join((text[:start], middle, text[stop:]))
