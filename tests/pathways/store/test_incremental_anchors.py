"""An edit to a record that others merge (`- &p7` ... `<<: *p7`) is read in part.

The records that merge it keep their lines but read what the anchor says now, so they
are read again too, and the result is still what a fresh load of the text gives. Where
that cannot be sure (an anchor renamed, added or removed, an alias to an anchor further
down, aliases expanding past the loader's bound), the text is read whole.
"""

from __future__ import annotations

import re

import pytest

from pathways.store import incremental
from pathways.store.edits import UpdateFlow, UpdateProvider, plan
from pathways.store.incremental import Version
from pathways.store.versions import etag
from tests.pathways.store.test_incremental import BASES, FILE, assert_same, fresh

_ANCHORED = re.compile(r"^- &(\w+)\n  id: ([\w-]+)$", re.MULTILINE)


def generated() -> Version:
    version = BASES["generated"]
    assert version is not None
    return version


def merged_by(text: str, name: str) -> list[str]:
    """The ids of the records that merge the anchor `name` (as bench/generate writes them)."""
    return re.findall(rf"<<: \*{name}, id: ([\w-]+)", text)


def anchored(version: Version, section: str) -> tuple[str, str, list[str]]:
    """The first record of a section with an anchor that others merge: anchor, id, theirs."""
    wanted = version.records.records(section)
    for match in _ANCHORED.finditer(version.text):
        others = merged_by(version.text, match[1])
        if match[2] in wanted and others:
            return match[1], match[2], others
    raise AssertionError(f"no anchored record in {section}")


def test_an_edit_to_an_anchored_provider_rereads_the_providers_that_merge_it() -> None:
    version = generated()
    _, ident, others = anchored(version, "providers")
    entry = version.records.get("providers", ident)
    assert entry is not None
    record = {**entry.record, "how_to_contact": "Ring växeln och fråga efter oss."}
    op = UpdateProvider(ident, record, etag(entry.record))
    planned = plan(version.text, version.records, op, version)
    assert planned.version is not None, "read whole"
    assert len(planned.version.splices["providers"]) == 1 + len(others)
    assert_same(planned.version, fresh(planned.text) or pytest.fail("refused"))
    for other in others:
        assert planned.version.registry.providers[other].how_to_contact == record["how_to_contact"]
    whole = plan(version.text, version.records, op)  # the history reads the same change
    assert planned.diff == whole.diff
    assert sorted(planned.diff.ids("providers")) == sorted([ident, *others])


def test_an_edit_to_an_anchored_flow_rewires_the_flows_that_merge_it() -> None:
    version = generated()
    _, ident, others = anchored(version, "flows")
    entry = version.records.get("flows", ident)
    assert entry is not None
    within = sorted(a for a in version.registry.areas if a.startswith("kommun"))[0]
    op = UpdateFlow(ident, {**entry.record, "within": within}, etag(entry.record))
    planned = plan(version.text, version.records, op, version)
    assert planned.version is not None, "read whole"
    assert_same(planned.version, fresh(planned.text) or pytest.fail("refused"))
    flows = {f.id: f for f in planned.version.document.flows}
    assert all(flows[other].within == within for other in others)


def test_a_second_edit_after_an_anchored_one_is_read_in_part_too() -> None:
    """The anchors' places and values are carried into the version read in part."""
    version = generated()
    name, ident, others = anchored(version, "providers")
    first = _set_contact(version, ident, "Först.")
    second = _set_contact(first, ident, "Sedan.")
    assert_same(second, fresh(second.text) or pytest.fail("refused"))
    assert second.registry.providers[others[-1]].how_to_contact == "Sedan."
    found = second.layout
    assert found is not None
    assert second.anchors(found).values[name]["how_to_contact"] == "Sedan."


def _set_contact(version: Version, ident: str, words: str) -> Version:
    entry = version.records.get("providers", ident)
    assert entry is not None
    op = UpdateProvider(ident, {**entry.record, "how_to_contact": words}, etag(entry.record))
    planned = plan(version.text, version.records, op, version)
    assert planned.version is not None, "read whole"
    return planned.version


def _anchor_line(version: Version) -> tuple[re.Match[str], list[str]]:
    match = next(m for m in _ANCHORED.finditer(version.text) if merged_by(version.text, m[1]))
    return match, merged_by(version.text, match[1])


@pytest.mark.parametrize("change", ["renamed", "removed"])
def test_an_anchor_renamed_or_removed_is_read_whole(change: str) -> None:
    version = generated()
    match, _ = _anchor_line(version)
    new = "- &nytt" if change == "renamed" else "-"
    text = version.text[: match.start()] + f"{new}\n  id: {match[2]}" + version.text[match.end() :]
    assert incremental.read(version, text, FILE) is None
    assert fresh(text) is None  # the records that merged it name an anchor no longer there


def test_an_alias_to_an_anchor_further_down_is_never_read_in_part() -> None:
    """Its anchor is not defined yet where the alias is: a fresh load refuses it."""
    version = generated()
    alias = re.search(r"<<: \*(\w+),", version.text)
    assert alias is not None
    later = next(m[1] for m in _ANCHORED.finditer(version.text, alias.end()))
    text = version.text[: alias.start()] + f"<<: *{later}," + version.text[alias.end() :]
    assert incremental.read(version, text, FILE) is None
    assert fresh(text) is None


def _grown(version: Version) -> str:
    """The first anchored provider given a field it lacked: what merges it grows too."""
    match, _ = _anchor_line(version)
    entry = version.records.get("providers", match[2])
    assert entry is not None and "typical_wait" not in entry.record
    at = match.end() + 1
    return version.text[:at] + '  typical_wait: "Ett par veckor."\n' + version.text[at:]


def test_aliases_that_expand_further_are_read_in_part_within_the_bound() -> None:
    version = generated()
    text = _grown(version)
    part = incremental.read(version, text, FILE)
    assert part is not None
    assert_same(part, fresh(text) or pytest.fail("refused"))
    before, after = version.spent(), part.spent()
    assert before is not None and after is not None and after > before


def test_aliases_that_would_pass_the_bound_are_read_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    version = fresh(generated().text)
    assert version is not None
    bound = version.spent()
    assert bound is not None
    monkeypatch.setenv("VARDKEDJAN_MAX_YAML_ALIAS_NODES", str(bound))
    assert incremental.read(version, _grown(version), FILE) is None
