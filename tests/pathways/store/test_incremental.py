"""A registry read in part after an edit is the registry a fresh load of the text gives.

Random sequences of edits, through the administrators' operations and by hand in the
text, are applied to the bundled registry and to a generated one written with YAML
anchors and merge keys. After each step the version read in part
(`pathways.store.incremental`) is compared with a fresh load of the same text: the
data, the validated document, the record index, every index of the registry, and every
edge of the graph. A text that a fresh load refuses is never accepted in part.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bench.generate import dump, generate
from pathways.errors import Conflict, NotFound, PreconditionFailed, RegistryInvalid
from pathways.loader import load_parsed
from pathways.registry import Registry
from pathways.store import edits, incremental
from pathways.store.edits import (
    FILE,
    CreateFlow,
    CreateProvider,
    DeleteFlow,
    Operation,
    RetireProvider,
    UpdateFlow,
    UpdateProvider,
    plan,
)
from pathways.store.incremental import Version
from pathways.store.versions import etag
from pathways.yamlio.regions import layout

ROOT = Path(__file__).resolve().parents[3]
BUNDLED = (ROOT / "data/providers.yaml").read_text(encoding="utf-8")
GENERATED = dump(generate(3, seed=7))  # anchors, merge keys, dashes at column 0


def fresh(text: str) -> Version | None:
    try:
        raw, document = load_parsed(text, FILE, quick=False)
    except RegistryInvalid:
        return None
    return Version(text, Registry(document), raw, FILE)


def problems(text: str) -> list[str]:
    """A fresh load's refusal, each problem as printed (file, line, record, field)."""
    with pytest.raises(RegistryInvalid) as refused:
        load_parsed(text, FILE, quick=False)
    return [str(p) for p in refused.value.problems]


def read_in_part(version: Version, text: str) -> Version | list[str] | None:
    """The version read in part, its refusal's problems as printed, or None (read whole)."""
    try:
        return incremental.read(version, text, FILE)
    except RegistryInvalid as exc:
        return [str(p) for p in exc.problems]


READ_IN_PART: list[bool] = []  # for a look at how often the sequences were read in part
BASES = {"bundled": fresh(BUNDLED), "generated": fresh(GENERATED)}


def edge_set(registry: Registry) -> set[tuple[str, str, str, Any]]:
    return {(u, v, k, d["flow"]) for u, v, k, d in registry.graph.edges(keys=True, data=True)}


def assert_same(part: Version, whole: Version) -> None:
    """Everything the service reads from a version, compared with a fresh load."""
    assert part.text == whole.text
    assert part.raw == whole.raw
    assert part.document == whole.document
    ours, theirs = part.registry, whole.registry
    assert ours.providers == theirs.providers
    assert ours.flows == theirs.flows
    assert ours.forums == theirs.forums
    for area in theirs.areas:
        assert ours.serving(area) == theirs.serving(area), area
        assert ours.within(area) == theirs.within(area), area
        assert ours.local_kinds(area) == theirs.local_kinds(area), area
    assert edge_set(ours) == edge_set(theirs)
    assert ours.edges == theirs.edges == theirs.graph.number_of_edges()
    assert set(ours.graph.nodes) == set(theirs.graph.nodes)
    assert {n: set(s) for n, s in ours.succ.items()} == {n: set(s) for n, s in theirs.succ.items()}
    for name, entries in whole.records.sections.items():
        mine = part.records.sections[name]
        assert list(mine) == list(entries), name  # the same ids in the same order
        assert [(e.index, e.raw) for e in mine.values()] == [
            (e.index, e.raw) for e in entries.values()
        ]
    assert part.layout == layout(whole.text)


# --- edits -------------------------------------------------------------------------------


def _pick(data: st.DataObject, items: list[Any]) -> Any:
    return data.draw(st.sampled_from(items))


def provider_op(data: st.DataObject, version: Version) -> Operation:
    """A change to one provider, as the admin API would send it."""
    records = version.records.records("providers")
    ident = _pick(data, sorted(records))
    entry = records[ident]
    record = dict(entry.record)
    areas = sorted(version.registry.areas)
    kinds = sorted({p.kind.value for p in version.document.providers})
    change = data.draw(
        st.sampled_from(["contact", "areas", "kind", "retire", "ages", "bad_area", "new"])
    )
    if change == "contact":
        record["how_to_contact"] = data.draw(st.text("abc åäö", min_size=1, max_size=20))
    elif change == "areas" and not record.get("national"):
        record["areas"] = data.draw(
            st.lists(st.sampled_from(areas), min_size=1, max_size=2, unique=True)
        )
    elif change == "kind":
        record["kind"] = _pick(data, kinds)
    elif change == "retire":
        return RetireProvider(ident, etag(entry.record), remove_references=data.draw(st.booleans()))
    elif change == "ages":
        record["age_min"], record["age_max"] = (
            data.draw(st.integers(0, 25)),
            data.draw(st.integers(0, 25)),
        )
    elif change == "bad_area" and not record.get("national"):
        record["areas"] = ["no-such-area"]
    elif change == "new":
        new = {**record, "id": f"{ident}-ny-{data.draw(st.integers(0, 999))}"}
        return CreateProvider(new)
    return UpdateProvider(ident, record, etag(entry.record))


def flow_op(data: st.DataObject, version: Version) -> Operation:
    records = version.records.records("flows")
    ident = _pick(data, sorted(records))
    entry = records[ident]
    record = dict(entry.record)
    providers = sorted(version.registry.providers)
    kinds = sorted({p.kind.value for p in version.document.providers})
    change = data.draw(st.sampled_from(["within", "ends", "delete", "new", "except"]))
    if change == "delete":
        return DeleteFlow(ident, etag(entry.record))
    if change == "within":
        areas = sorted(version.registry.areas)
        record["within"] = data.draw(st.one_of(st.none(), st.sampled_from(areas)))
        if record["within"] is None:
            del record["within"]
    elif change == "ends":
        record["from"] = _pick(data, kinds + providers[:20])
        record["to"] = _pick(data, kinds + providers[-20:])
    elif change == "except":
        record["except"] = data.draw(st.lists(st.sampled_from(providers), max_size=2, unique=True))
    else:
        return CreateFlow({**record, "id": f"{ident}-ny-{data.draw(st.integers(0, 999))}"})
    return UpdateFlow(ident, record, etag(entry.record))


def by_hand(data: st.DataObject, version: Version) -> str:
    """A change made in the text itself: a line changed, a comment, a record deleted."""
    text = version.text
    lines = text.split("\n")
    kinds = ["value", "comment", "delete", "indent", "top", "same", "alias", "anchor"]
    kind = data.draw(st.sampled_from(kinds))
    if kind == "same":
        return text
    if kind in ("alias", "anchor"):
        return _anchor_changed(data, text, kind)
    if kind == "top":
        return text.replace("version: 1", "version: 2", 1)
    sections = layout(text)
    assert sections is not None
    section = _pick(data, [s for s in sections.sections if s.starts])
    index = data.draw(st.integers(0, len(section.starts) - 1))
    start, stop = section.span(index)
    if kind == "delete":
        return text[:start] + text[stop:]
    if kind == "comment":
        return text[:start] + "# granskad\n" + text[start:]
    if kind == "indent":
        return text[:start] + " " + text[start:]
    line_no = text.count("\n", 0, start) + data.draw(st.integers(0, 3))
    if line_no < len(lines) and ": " in lines[line_no]:
        key = lines[line_no].split(": ", 1)[0]
        lines[line_no] = f'{key}: "{data.draw(st.text("xyz", min_size=1, max_size=5))}"'
    return "\n".join(lines)


def _anchor_changed(data: st.DataObject, text: str, kind: str) -> str:
    """An alias pointed at another anchor (before or after it), or an anchor renamed."""
    names = re.findall(r"&(\w+)", text)
    marks = list(re.finditer(r"\*(\w+)" if kind == "alias" else r"&(\w+)", text))
    if not names or not marks:
        return text
    mark = _pick(data, marks)
    other = _pick(data, [*names, "nytt"])
    return text[: mark.start(1)] + other + text[mark.end(1) :]


def step(data: st.DataObject, version: Version) -> tuple[str, Version | None]:
    """One random change: the new text, and the version `plan` read it as (if it did)."""
    chooser: Callable[[st.DataObject, Version], Operation] | None = data.draw(
        st.sampled_from([provider_op, flow_op, None])
    )
    if chooser is None:
        return by_hand(data, version), None
    op = chooser(data, version)
    try:
        planned = plan(version.text, version.records, op, version)
        # Written through the records' own lines, the text is the one the whole-text
        # editor writes (`pathways.store.focus`).
        assert planned.text == plan(version.text, version.records, op).text
    except RegistryInvalid as refused:
        in_part = [str(p) for p in refused.problems]
        with pytest.raises(RegistryInvalid) as whole:  # refused whole, with the same problems
            plan(version.text, version.records, op)
        assert in_part == [str(p) for p in whole.value.problems]
        return version.text, None
    except (Conflict, NotFound, PreconditionFailed):  # refused before writing: no change
        return version.text, None
    return planned.text, planned.version


EDIT_SEQUENCES = settings(
    max_examples=int(os.environ.get("VK_EXAMPLES", "25")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
"""How many random sequences of edits a test of them tries (VK_EXAMPLES), unhurried."""


@pytest.mark.parametrize("name", sorted(BASES))
@EDIT_SEQUENCES
@given(data=st.data())
def test_a_registry_read_in_part_equals_a_fresh_load(name: str, data: st.DataObject) -> None:
    version = BASES[name]
    assert version is not None
    for _ in range(data.draw(st.integers(1, 6))):
        text, planned = step(data, version)
        whole = fresh(text)
        part = planned if planned is not None else read_in_part(version, text)
        if whole is None:
            # Never accepted in part what a fresh load refuses; refused with its problems.
            assert part is None or part == problems(text)
            continue
        assert not isinstance(part, list), part
        if part is not None:
            assert_same(part, whole)
            READ_IN_PART.append(text != version.text)
            version = part
        else:
            version = whole


def test_an_edit_to_one_provider_is_read_in_part() -> None:
    """Through the administrators' operation, on both layouts: no whole reload."""
    for version in BASES.values():
        assert version is not None
        ident = next(p.id for p in version.document.providers if not p.national)
        entry = version.records.get("providers", ident)
        assert entry is not None
        record = {**entry.record, "how_to_contact": "Ring växeln."}
        planned = plan(
            version.text,
            version.records,
            UpdateProvider(ident, record, etag(entry.record)),
            version,
        )
        assert planned.version is not None
        assert [s.added for s in planned.version.splices["providers"]] == [1]
        assert_same(planned.version, fresh(planned.text) or pytest.fail("refused"))
        assert planned.diff.ids("providers") == [ident]


def test_a_refused_edit_is_refused_in_part_with_the_loaders_problems(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A typo in an area is answered from the record's lines, not a whole load."""

    def whole_load(*_: Any, **__: Any) -> Any:
        raise AssertionError("the edit was read whole")

    for version in BASES.values():
        assert version is not None
        ident = next(p.id for p in version.document.providers if not p.national)
        entry = version.records.get("providers", ident)
        assert entry is not None
        record = {**entry.record, "areas": ["ingen-sadan-plats"], "age_min": 20, "age_max": 9}
        op = UpdateProvider(ident, record, etag(entry.record))
        with monkeypatch.context() as patched:
            patched.setattr(edits, "load_parsed", whole_load)
            with pytest.raises(RegistryInvalid) as refused:
                plan(version.text, version.records, op, version)
        printed = [str(p) for p in refused.value.problems]
        assert any("unknown area 'ingen-sadan-plats'" in p for p in printed)
        assert any("age_min (20) is greater than age_max (9)" in p for p in printed)
        with pytest.raises(RegistryInvalid) as whole:
            plan(version.text, version.records, op)
        assert printed == [str(p) for p in whole.value.problems]
        assert all(p.line for p in refused.value.problems)


def test_a_change_outside_the_records_is_read_whole() -> None:
    version = BASES["bundled"]
    assert version is not None
    assert incremental.read(version, "# ny kommentar\n" + version.text, FILE) is None
    assert (
        incremental.read(version, version.text.replace("version: 1", "version: 1 "), FILE) is None
    )
