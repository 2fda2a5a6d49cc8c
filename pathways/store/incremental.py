"""Reading a new version of a registry in proportion to what changed in it.

An edit changes a few records of a national registry, and every serving process must
then read the new text: parsing, validating and building all 27k records again takes
seconds and stalls requests. Here the new text is compared with the version it came from
(`pathways.yamlio.regions`): the stretch of records that differs in each list is parsed
alone, validated in part (`pathways.validation.Scope`: the records written anew and the
records whose rules read them), and the registry is updated where the change touches it
(`Registry.updated`, which rewires only the changed edges of the graph).

An edit to a record that others merge (`- &p7` ... `<<: *p7`) changes them too, though
their lines stay the same: they are found by their aliases (`pathways.store.anchors`)
and read again with the anchor as it is now, each a splice of its own.

Whenever this cannot be sure to give what a fresh load would give, it gives up and the
caller loads the text whole: a change outside the records (the top-level keys, a
comment before a list), a stretch that does not parse alone, an anchor added, removed
or renamed, an alias to an anchor not defined before it, a merging record with an
anchor of its own, aliases that may expand past the loader's bound, a problem it
cannot place on its line, a graph past its limit. A refused edit is refused in part
too, with the problems the whole loader would report, on the same lines.
`tests/pathways/store/test_incremental.py` checks over random edit sequences that the
result (a version or a refusal) equals a fresh load of the same text.
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Mapping, Sequence
from typing import Any

import yaml

from pathways import limits
from pathways.errors import RegistryInvalid
from pathways.graph import Change
from pathways.links import GraphTooLarge
from pathways.loader import collector_paused, line_in_record, parse_yaml
from pathways.models import RegistryDocument
from pathways.registry import Registry
from pathways.store.anchors import Anchors, aliasing, defined
from pathways.store.anchors import spent as anchors_spent
from pathways.store.versions import ChangeDiff, RecordIndex
from pathways.store.versions import diff as diff_records
from pathways.validation import Scope, Splice, Splices, validate, written
from pathways.yamlio import fast
from pathways.yamlio.regions import (
    Hunk,
    Layout,
    Section,
    changes,
    count_records,
    is_record_start,
    layout,
)

UNREAD: Any = object()  # not read yet: what a version reads when first asked for
Changed = tuple[list[Hunk], Layout] | None  # how a text differs from a version's, if known
log = logging.getLogger("vardkedjan.incremental")


class Version:
    """One version of a registry text and what was read from it; the parsed data, the
    record index and the layout are read from the text when first asked for."""

    def __init__(
        self,
        text: str,
        registry: Registry,
        raw: Any = UNREAD,
        file: str = "<registry>",
        records: RecordIndex | None = None,
    ) -> None:
        self.text = text
        self.registry = registry
        self.file = file
        self._raw = raw
        self._reading = threading.Lock()
        self._records = records
        self._layout: Layout | None = UNREAD
        self._anchors: Anchors | None = None
        self._spent: int | None = UNREAD  # how far its aliases expand, at most (None: unknown)
        # Read in part: the splices from the version before, and its records replaced.
        self.splices: dict[str, Splices] = {}
        self.replaced: dict[str, Sequence[Any]] = {}

    def adopt(self, other: Version) -> None:
        """Take over what was read from `other`, a version of the same text."""
        self._raw, self._records, self._layout = other._raw, other._records, other._layout
        self._anchors, self.splices, self.replaced = other._anchors, other.splices, other.replaced
        self._spent = other._spent

    def prefetch(self) -> None:
        """Read what the next edit needs now (for a server, in the background); if it
        cannot be read, the edit reads it whole and says why."""
        try:
            found = self.layout
            assert self.records is not None
            if found is not None:
                self.anchors(found)
                self.spent()
        except (RegistryInvalid, UnicodeError, OSError) as exc:  # pragma: no cover
            log.error("could not read %s ahead of the next edit: %s", self.file, exc)

    @property
    def document(self) -> RegistryDocument:
        return self.registry.document

    @property
    def raw(self) -> Any:
        if self._raw is UNREAD:
            with self._reading:  # an edit waits for the read ahead rather than repeat it
                if self._raw is UNREAD:
                    self._raw = parse_yaml(self.text, self.file, quick=False)
        return self._raw

    @property
    def records(self) -> RecordIndex:
        """Only editing and ETags need them, not the public pages."""
        if self._records is None:
            self._records = RecordIndex(self.raw)
        return self._records

    @property
    def layout(self) -> Layout | None:
        if self._layout is UNREAD:
            self._layout = layout(self.text)
        return self._layout

    def anchors(self, found: Layout) -> Anchors:
        """The anchors on whole records: what an alias to each stands for, and where."""
        if self._anchors is None:
            self._anchors = Anchors.of(self.text, found, self.raw)
        return self._anchors

    def spent(self) -> int | None:
        """At most how far the text's aliases expand; None if that is not known."""
        if self._spent is UNREAD:
            found = self.layout
            self._spent = None if found is None else anchors_spent(self.text, self.anchors(found))
        return self._spent


def read(base: Version, text: str, file: str, changed: Changed = None) -> Version | None:
    """The version of `text` read in part from `base`, or None to read it whole; a
    refused text raises `RegistryInvalid`, every problem on its line, as the loader would.
    `changed` is `regions.changes(base.text, base.layout, text)` when the caller has it
    already (an edit's `Cursor`), so the two texts are not compared again.

    The cyclic collector is paused meanwhile: with a national registry in memory, one
    full collection triggered by this work's small allocations costs seconds."""
    with collector_paused():
        return _read(base, text, file, changed)


def _read(base: Version, text: str, file: str, known: Changed) -> Version | None:
    limits.check_size(len(text), file)
    before = base.layout
    changed = known if known is not None or before is None else changes(base.text, before, text)
    if before is None or changed is None or not isinstance(base.raw, Mapping):
        return None
    found, after = changed
    reading = _Reading(base, before)
    if not all(reading.hunk(h) for h in found) or not reading.merging(text, after):
        return None
    if reading.grown > 0:  # the aliases expand further: still within the loader's bound?
        total = base.spent()
        if total is None or total + reading.grown > limits.Limits.current().alias_nodes:
            return None
    new_raw, splices, replaced = reading.spliced()
    try:
        document = validate(new_raw, Scope(base.document, splices, replaced))
        registry = base.registry.updated(document, _change(base.document, document, splices))
    except RegistryInvalid as exc:
        refusal = _placed(exc, text, after, file)
        if refusal is None:
            return None  # the whole loader places every problem on its line
        raise refusal from None
    except GraphTooLarge:
        return None  # the whole build names the flow to narrow
    version = Version(text, registry, new_raw, file)
    version._layout = after
    version.splices, version.replaced = splices, replaced
    if base._records is not None:
        version._records = base._records.spliced(new_raw, splices, replaced)
    version._anchors = Anchors(reading.values, reading.moved.at)
    if base._spent is not UNREAD:  # still a bound: the edit's own aliases are counted exactly
        version._spent = None if base._spent is None else base._spent + reading.grown
    return version


class _Reading:
    """The records an edit wrote, each stretch read alone, and the records that merge
    an anchored record it changed, read again with what they merge now."""

    def __init__(self, base: Version, found: Layout) -> None:
        self.raw: Mapping[str, Any] = base.raw
        self.order = {s.name: n for n, s in enumerate(found.sections)}
        self.names = [s.name for s in found.sections]
        self.anchors = base.anchors(found)
        self.values = dict(self.anchors.values)  # with the anchors the edit wrote anew
        self.moved = self.anchors  # where the anchors are after the edit
        self.changed: set[str] = set()  # the anchors whose record the edit changed
        self.grown = 0  # how much further the aliases expand than before
        self.written: dict[int, range] = {}  # per section, the hunk's records now
        self.stretches: dict[str, list[tuple[int, int, list[Any]]]] = {}

    def hunk(self, hunk: Hunk) -> bool:
        """Read a hunk's records alone; False if that may differ from the whole text."""
        section = self.raw.get(hunk.section)
        if not isinstance(section, list) or (
            hunk.new and not is_record_start(hunk.new, hunk.indent)
        ):
            return False
        place = self.order[hunk.section]
        visible = self.anchors.before((place, hunk.start))  # an alias comes after its anchor
        old = _parse(hunk.old, visible)
        new = _parse(hunk.new, {name: self.values[name] for name in visible})
        if old is None or new is None:
            return False
        (was, was_spent, was_anchors), (items, spent, anchors) = old, new
        if was != section[hunk.start : hunk.start + hunk.removed]:
            return False  # read alone it is not what the whole text said
        if count_records(hunk.new, hunk.indent) != len(items):
            return False
        mine = _own_anchors(hunk.new, items, anchors)
        if (
            mine is None
            or set(was_anchors) != set(anchors)
            or not anchors.keys() <= self.values.keys()
        ):
            return False  # an anchor added, removed, renamed, or not on a whole record
        self.changed.update(n for n, v in anchors.items() if v != self.anchors.values[n])
        self.values.update(anchors)
        self.moved = self.moved.spliced(place, hunk.start, hunk.removed, len(items), mine)
        self.grown += spent - was_spent
        self.written[place] = range(hunk.start, hunk.start + len(items))
        self.stretches.setdefault(hunk.section, []).append((hunk.start, hunk.removed, items))
        return True

    def merging(self, text: str, found: Layout) -> bool:
        """Read again, with the anchors as they are now, the records outside the hunks
        that alias an anchor the edit changed; False if one cannot be read so."""
        if not self.changed:
            return True
        places = aliasing(text, found, self.changed)
        if places is None:
            return False
        for place, indices in sorted(places.items()):
            inside = self.written.get(place, range(0))
            shift = len(inside) - _removed(self.stretches.get(self.names[place], []))
            now = sorted(i for i in indices if i not in inside)
            if now and not self._again(text, found.sections[place], now, inside, shift):
                return False
        return True

    def _again(
        self, text: str, section: Section, now: list[int], inside: range, shift: int
    ) -> bool:
        spans = (section.span(i) for i in now)
        fragment = "".join(_line_ended(text[start:stop]) for start, stop in spans)
        old = _parse(fragment, self.anchors.values)
        new = _parse(fragment, self.values)
        if old is None or new is None or old[2] or new[2] or len(new[0]) != len(now):
            return False  # an anchor of its own: the records that merge it are not known
        records = self.raw[section.name]
        was = [i if i < inside.start else i - shift for i in now]
        if old[0] != [records[i] for i in was]:
            return False
        self.grown += new[1] - old[1]
        stretches = self.stretches.setdefault(section.name, [])
        stretches.extend((i, 1, [item]) for i, item in zip(was, new[0], strict=True))
        return True

    def spliced(self) -> tuple[dict[str, Any], dict[str, Splices], dict[str, Sequence[Any]]]:
        """The new data, and per section its splices and the records they took out."""
        raw = dict(self.raw)
        splices: dict[str, Splices] = {}
        replaced: dict[str, Sequence[Any]] = {}
        for name, stretches in self.stretches.items():
            stretches.sort(key=lambda s: (s[0], s[1]))  # records added before one replaced
            old: list[Any] = self.raw[name]
            out: list[Any] = []
            taken: list[Any] = []
            kept = 0
            for start, removed, items in stretches:
                out += old[kept:start]
                out += items
                taken += old[start : start + removed]
                kept = start + removed
            out += old[kept:]
            raw[name] = out
            splices[name] = tuple(Splice(s, r, len(items)) for s, r, items in stretches)
            replaced[name] = taken
        return raw, splices, replaced


def _removed(stretches: list[tuple[int, int, list[Any]]]) -> int:
    return sum(removed for _, removed, _ in stretches)


def _line_ended(fragment: str) -> str:
    return fragment if fragment.endswith("\n") else fragment + "\n"


def _own_anchors(fragment: str, items: list[Any], anchors: dict[str, Any]) -> dict[str, int] | None:
    """The index among `items` of the record each anchor a fragment defined is on; None
    if one is written more than once, or is not on a whole record."""
    index = {id(item): n for n, item in enumerate(items)}
    written = defined(fragment)
    if set(written) != set(anchors) or any(count != 1 for count in written.values()):
        return None
    mine = {name: index.get(id(value)) for name, value in anchors.items()}
    return None if None in mine.values() else {k: v for k, v in mine.items() if v is not None}


# An alias in a record's lines, replaced by an empty mapping to find lines in them alone
# (no line break changes, so every line stays where it is).
_ALIAS = re.compile(r"(?<=[\s,\[{:])\*[^\s,\[\]{}]+")


def _placed(exc: RegistryInvalid, text: str, found: Layout, file: str) -> RegistryInvalid | None:
    """A refusal with each problem on its line, as the whole loader places it (the
    record's lines composed alone); None when a problem is not in a record."""
    placed = []
    for problem in exc.problems:
        loc = problem.loc
        section = found.section(str(loc[0])) if len(loc) >= 2 else None
        if section is None or not isinstance(loc[1], int) or loc[1] >= len(section.starts):
            return None
        start, stop = section.span(loc[1])
        within = line_in_record(_ALIAS.sub("{}", text[start:stop]), loc[2:])
        if within is None:
            return None
        placed.append(problem.placed(file, text.count("\n", 0, start) + within + 1))
    return RegistryInvalid(sorted(placed, key=lambda p: p.line or 0))


def _parse(fragment: str, anchors: dict[str, Any]) -> tuple[list[Any], int, dict[str, Any]] | None:
    """A fragment's records, what its aliases expand to, and the anchors it defines;
    None if it is not a plain list of mappings read without any doubt."""
    table = dict(anchors)
    budget = limits.AliasBudget()
    try:
        data, duplicates = fast.load(fragment, budget, anchors=table)
    except (yaml.YAMLError, fast.Unsupported, RegistryInvalid, RecursionError):
        return None
    items = [] if data is None else data
    if duplicates or not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
        return None
    mine = {k: v for k, v in table.items() if k not in anchors or anchors[k] is not v}
    return items, budget.spent, mine


def _change(
    before: RegistryDocument, after: RegistryDocument, splices: Mapping[str, Splices]
) -> Change:
    """The providers and flows written anew, as they were and as they are now."""
    return Change(
        _spliced(before.providers, after.providers, splices.get("providers", ())),
        _spliced(before.flows, after.flows, splices.get("flows", ())),
    )


def _spliced(
    before: Sequence[Any], after: Sequence[Any], splices: Splices
) -> tuple[list[Any], list[Any]]:
    was = [m for s in splices for m in before[s.start : s.start + s.removed]]
    return was, [m for now in written(splices) for m in after[now.start : now.stop]]


def diff(version: Version) -> ChangeDiff:
    """What a version read in part changed: its spliced records, old and new."""
    raw = version.raw
    before = RecordIndex({s: list(records) for s, records in version.replaced.items()})
    after = RecordIndex(
        {
            s: [r for now in written(splices) for r in raw[s][now.start : now.stop]]
            for s, splices in version.splices.items()
        }
    )
    return diff_records(before, after)
