"""Reading a new version of a registry in proportion to what changed in it.

An edit changes a few records of a national registry, and every serving process must
then read the new text: parsing, validating and building all 27k records again takes
seconds and stalls requests. Here the new text is compared with the version it came from
(`pathways.yamlio.regions`): the stretch of records that differs in each list is parsed
alone, validated in part (`pathways.validation.Scope`: the records written anew and the
records whose rules read them), and the registry is updated where the change touches it
(`Registry.updated`, which rewires only the changed edges of the graph).

Whenever this cannot be sure to give what a fresh load would give, it gives up and the
caller loads the text whole: a change outside the records (the top-level keys, a
comment before a list), a stretch that does not parse alone or defines a YAML anchor,
an alias the text could read differently, more alias expansion than before, a problem
it cannot place on its line, a graph past its limit. A refused edit is refused in part
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
from pathways.graph import GraphTooLarge
from pathways.loader import line_in_record, parse_yaml
from pathways.models import RegistryDocument
from pathways.registry import Change, Registry, collector_paused
from pathways.store.versions import ChangeDiff, RecordIndex
from pathways.store.versions import diff as diff_records
from pathways.validation import Scope, Splice, validate
from pathways.yamlio import fast
from pathways.yamlio.regions import (
    Hunk,
    Layout,
    changes,
    count_records,
    is_record_start,
    layout,
    record_anchors,
)

UNREAD: Any = object()  # not read yet: what a version reads when first asked for
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
        self._anchors: dict[str, Any] | None = None
        # Read in part: the splices from the version before, and its records replaced.
        self.splices: dict[str, Splice] = {}
        self.replaced: dict[str, Sequence[Any]] = {}

    def adopt(self, other: Version) -> None:
        """Take over what was read from `other`, a version of the same text."""
        self._raw, self._records, self._layout = other._raw, other._records, other._layout
        self._anchors, self.splices, self.replaced = other._anchors, other.splices, other.replaced

    def prefetch(self) -> None:
        """Read what the next edit needs now (for a server, in the background); if it
        cannot be read, the edit reads it whole and says why."""
        try:
            found = self.layout
            assert self.records is not None
            if found is not None:
                self.anchors(found)
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

    def anchors(self, found: Layout) -> dict[str, Any]:
        """What an alias to a record's anchor stands for (`regions.record_anchors`)."""
        if self._anchors is None:
            raw = self.raw
            self._anchors = {
                name: raw[section][index]
                for name, (section, index) in record_anchors(self.text, found.sections).items()
            }
        return self._anchors


def read(base: Version, text: str, file: str) -> Version | None:
    """The version of `text` read in part from `base`, or None to read it whole; a
    refused text raises `RegistryInvalid`, every problem on its line, as the loader would.

    The cyclic collector is paused meanwhile: with a national registry in memory, one
    full collection triggered by this work's small allocations costs seconds."""
    with collector_paused():
        return _read(base, text, file)


def _read(base: Version, text: str, file: str) -> Version | None:
    limits.check_size(len(text), file)
    before = base.layout
    changed = None if before is None else changes(base.text, before, text)
    if before is None or changed is None:
        return None
    found, after = changed
    raw = base.raw
    if not isinstance(raw, Mapping):
        return None
    new_raw = dict(raw)
    splices: dict[str, Splice] = {}
    replaced: dict[str, Sequence[Any]] = {}
    for hunk in found:
        items = _records(base, before, hunk)
        old = raw.get(hunk.section)
        if items is None or not isinstance(old, list):
            return None
        end = hunk.start + hunk.removed
        new_raw[hunk.section] = [*old[: hunk.start], *items, *old[end:]]
        splices[hunk.section] = Splice(hunk.start, hunk.removed, len(items))
        replaced[hunk.section] = old[hunk.start : end]
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
    if not any(_defines_anchor(h.new) for h in found):
        version._anchors = base._anchors
    return version


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


def _records(base: Version, found: Layout, hunk: Hunk) -> list[Any] | None:
    """The records of a hunk's new text, read alone; None if that may differ from
    reading them in the whole text."""
    if hunk.new and not is_record_start(hunk.new, hunk.indent):
        return None
    anchors = base.anchors(found)
    old, old_spent = _parse(hunk.old, anchors)
    new, new_spent = _parse(hunk.new, anchors)
    section = base.raw.get(hunk.section)
    if old is None or new is None or not isinstance(section, list):
        return None
    if old != section[hunk.start : hunk.start + hunk.removed] or new_spent > old_spent:
        return None  # read alone it is not what the whole text said; or more aliases
    if count_records(hunk.new, hunk.indent) != len(new):
        return None
    return new


def _parse(fragment: str, anchors: dict[str, Any]) -> tuple[list[Any] | None, int]:
    """A fragment's records and what its aliases expand to; None if it is not a plain
    list of mappings without anchors of its own, read without any doubt."""
    table = dict(anchors)
    budget = limits.AliasBudget()
    try:
        data, duplicates = fast.load(fragment, budget, anchors=table)
    except (yaml.YAMLError, fast.Unsupported, RegistryInvalid, RecursionError):
        return None, 0
    if (
        duplicates
        or len(table) != len(anchors)
        or any(table[k] is not v for k, v in anchors.items())
    ):
        return None, 0
    items = [] if data is None else data
    if not isinstance(items, list) or not all(isinstance(item, dict) for item in items):
        return None, 0
    return items, budget.spent


def _defines_anchor(fragment: str) -> bool:
    return "&" in fragment


def _change(
    before: RegistryDocument, after: RegistryDocument, splices: Mapping[str, Splice]
) -> Change:
    """The providers and flows written anew, as they were and as they are now."""
    return Change(
        _spliced(before.providers, after.providers, splices.get("providers")),
        _spliced(before.flows, after.flows, splices.get("flows")),
    )


def _spliced(
    before: Sequence[Any], after: Sequence[Any], splice: Splice | None
) -> tuple[list[Any], list[Any]]:
    if splice is None:
        return [], []
    return (
        list(before[splice.start : splice.start + splice.removed]),
        list(after[splice.start : splice.start + splice.added]),
    )


def diff(version: Version) -> ChangeDiff:
    """What a version read in part changed: its spliced records, old and new."""
    raw = version.raw
    before = RecordIndex({s: list(records) for s, records in version.replaced.items()})
    after = RecordIndex(
        {
            s: raw[s][splice.start : splice.start + splice.added]
            for s, splice in version.splices.items()
        }
    )
    return diff_records(before, after)
