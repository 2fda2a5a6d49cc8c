"""Records that carry a YAML anchor, and the records that merge them.

A registry written by hand keeps records that are alike short: the first carries an
anchor (`- &p7`) and the others merge it (`<<: *p7`) and write only their own fields.
An edit to the anchored record then changes every record that merges it, though their
lines stay the same. `pathways.store.incremental` reads such an edit in part with what
is here: where each anchor is, which records alias it, and how far the whole text's
aliases expand (the loader's bound on them, `pathways.limits.AliasBudget`).

Only anchors on whole records, each written once in the text, are known here; an alias
to any other is read with the whole text.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from pathways import limits
from pathways.yamlio.regions import Layout, record_anchors

Place = tuple[int, int]  # a record's section (its place among the sections) and index

_NAME = re.compile(r"[^\s,\[\]{}]+")
_DEFINED = re.compile(r"&([^\s\[\]{},]+)")  # as `regions.record_anchors` finds them
_BEFORE_ALIAS = frozenset(" \t\n\r,[{:")  # what `*` follows when it begins an alias
_AFTER_ALIAS = frozenset(" \t\n\r,[]{}")  # what ends its name


@dataclass(frozen=True)
class Anchors:
    """The anchors on whole records: what an alias to each stands for, and where it is."""

    values: dict[str, Any]
    at: dict[str, Place]

    @classmethod
    def of(cls, text: str, found: Layout, raw: Mapping[str, Any]) -> Anchors:
        order = {s.name: n for n, s in enumerate(found.sections)}
        values: dict[str, Any] = {}
        at: dict[str, Place] = {}
        for name, (section, index) in record_anchors(text, found.sections).items():
            values[name] = raw[section][index]
            at[name] = (order[section], index)
        return cls(values, at)

    def before(self, place: Place) -> dict[str, Any]:
        """The anchors a record at `place` may alias: those defined before it."""
        return {name: self.values[name] for name, where in self.at.items() if where < place}

    def spliced(
        self, section: int, start: int, removed: int, added: int, defined: Mapping[str, int]
    ) -> Anchors:
        """The anchors after records `start`..`start + removed` of a section became
        `added` records, which define the anchors `defined` (name: index among them)."""
        at: dict[str, Place] = {}
        for name, (where, index) in self.at.items():
            if name in defined:
                at[name] = (section, start + defined[name])
            elif where == section and index >= start + removed:
                at[name] = (where, index + added - removed)
            else:
                at[name] = (where, index)
        return Anchors(self.values, at)


def defined(fragment: str) -> dict[str, int]:
    """How often each anchor name is written in a text (or seems to be, in a string)."""
    counts: dict[str, int] = {}
    for match in _DEFINED.finditer(fragment):
        counts[match.group(1)] = counts.get(match.group(1), 0) + 1
    return counts


def _aliases(text: str, name: str) -> Iterable[int]:
    """Where `*name` is written as an alias (or seems to be, inside a string)."""
    token = "*" + name
    at = text.find(token)
    while at >= 0:
        end = at + len(token)
        if (at == 0 or text[at - 1] in _BEFORE_ALIAS) and (
            end == len(text) or text[end] in _AFTER_ALIAS
        ):
            yield at
        at = text.find(token, end)


def aliasing(text: str, found: Layout, names: Iterable[str]) -> dict[int, set[int]] | None:
    """The records whose lines alias any of `names`: per section (its place), their
    indices. None when such an alias is outside every list's records."""
    out: dict[int, set[int]] = {}
    for name in names:
        for at in _aliases(text, name):
            place = _record_at(found, at)
            if place is None:
                return None
            out.setdefault(place[0], set()).add(place[1])
    return out


def _record_at(found: Layout, at: int) -> Place | None:
    for n, section in enumerate(found.sections):
        if section.starts and section.starts[0] <= at < section.end:
            return n, bisect.bisect_right(section.starts, at) - 1
    return None


def spent(text: str, anchors: Anchors) -> int | None:
    """At most how far the text's aliases expand (`limits.AliasBudget`): each alias
    counted as the size of its anchor's record. None when the text has an anchor this
    does not know (not on a whole record, or written twice), whose aliases it cannot
    size."""
    if any(name not in anchors.values for name in defined(text)):
        return None
    budget = limits.AliasBudget()
    total = 0
    at = text.find("*")
    while at >= 0:
        name = _NAME.match(text, at + 1)
        if name is not None and (at == 0 or text[at - 1] in _BEFORE_ALIAS):
            value = anchors.values.get(name.group())
            if value is not None:
                total += budget.size(value)
        at = text.find("*", at + 1)
    return total
