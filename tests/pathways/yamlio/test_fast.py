"""The event-built loader gives exactly what PyYAML's safe loader gives, or steps aside."""

from __future__ import annotations

import datetime as dt
import gc
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from pathways.errors import RegistryInvalid
from pathways.loader import parse_yaml
from pathways.yamlio import fast as yamlfast

ROOT = Path(__file__).resolve().parents[3]


def reference(text: str) -> object:
    return yaml.load(text, Loader=yaml.CSafeLoader)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "a: 1\nb: [1, 2.5, -3, 0o17, 0x1f, 1_000]\n",
        "yes: no\nnull: NULL\nempty:\nt: True\nf: off\n",
        "b: !!binary aGVq\n",
        "d: 2026-11-23\nt: 2001-12-14t21:59:43.10-05:00\nq: '2026-11-23'\n",
        "quoted: \"123\"\nsingle: 'true'\nplain: 123\n",
        "s: !!str 123\ni: !!int '7'\nf: !!float 1\nb: !!bool 'yes'\n",
        "lit: |\n  två\n  rader\nfold: >-\n  en\n  rad\n",
        "base: &b {x: 1, y: 2}\nuse: *b\nlist: &l [1, 2]\nagain: *l\n",
        "base: &b {x: 1, y: 2}\nmerged: {<<: *b, y: 3}\n",
        "a: &a {k: 1}\nb: &b {k: 2, m: 2}\nc: {<<: [*a, *b], z: 0}\n",
        "quoted merge: {'<<': 1}\n",
        "- - nested\n  - [deep, {x: [1, {y: z}]}]\n- {}\n- []\n",
        "åäö: Skärholmen\n'key with: colon': \"v\\u00e5\"\n",
        "# only a comment\n",
        "x: .inf\ny: -.Inf\nz: .nan\n",
        "n: 00012\nm: 1:20\n",
    ],
)
def test_same_as_pyyaml(text: str) -> None:
    data, duplicates = yamlfast.load(text)
    expected = reference(text)
    if isinstance(expected, dict) and isinstance(expected.get("z"), float):
        assert str(data) == str(expected)  # nan != nan
    else:
        assert data == expected
    assert duplicates == []


@pytest.mark.parametrize(
    "text",
    [
        "s: !!set {a, b}\n",
        "? [complex, key]\n: value\n",
        "--- 1\n--- 2\n",
        "x: *nowhere\n",
    ],
)
def test_leaves_the_unusual_to_pyyaml(text: str) -> None:
    with pytest.raises(yamlfast.Unsupported):
        yamlfast.load(text)


def test_duplicate_keys_are_reported_with_lines() -> None:
    text = "a: 1\nb:\n  c: 1\n  c: 2\na: 3\n"
    data, duplicates = yamlfast.load(text)
    assert duplicates == [("c", 4), ("a", 5)]
    assert data == reference(text)  # the last one wins, as in PyYAML
    # keys that differ in text but not in value are duplicates too
    assert yamlfast.load("yes: 1\nTrue: 2\n")[1] == [("True", 2)]


@pytest.mark.parametrize(
    "text", ["a: 1\nb: !!int abc\n", "a: 1\nb: !!bool maybe\n", "a: 1\nb: =\n"]
)
def test_values_that_cannot_be_read_are_placed(text: str) -> None:
    with pytest.raises(RegistryInvalid) as caught:
        parse_yaml(text, "f.yaml")
    assert caught.value.problems[0].line == 2
    assert caught.value.problems[0].code == "syntax"


def test_the_full_loader_reports_duplicates_by_value() -> None:
    with pytest.raises(RegistryInvalid) as caught:
        parse_yaml("s: !!set {a}\nyes: 1\nTrue: 2\n", "f.yaml")
    assert [(p.code, p.line) for p in caught.value.problems] == [("duplicate_key", 3)]


def test_syntax_errors_carry_a_line() -> None:
    with pytest.raises(yaml.MarkedYAMLError) as caught:
        yamlfast.load("a: [1, 2\nb: 3\n")
    assert caught.value.problem_mark is not None


def test_parse_yaml_falls_back_and_reports_lines() -> None:
    assert parse_yaml("s: !!set {a}\n", "f.yaml") == {"s": {"a"}}
    with pytest.raises(RegistryInvalid) as caught:
        parse_yaml("a: 1\nx: *nowhere\n", "f.yaml")
    assert caught.value.problems[0].line == 2


@pytest.mark.parametrize("path", ["data/providers.yaml", "tests/fixtures/mini.yaml"])
def test_the_project_registries_load_identically(path: str) -> None:
    text = (ROOT / path).read_text(encoding="utf-8")
    assert yamlfast.load(text) == (reference(text), [])


scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False),
    st.text(max_size=20),
    st.dates(min_value=dt.date(1900, 1, 1)),
    st.sampled_from(
        ["yes", "No", "~", "null", "0o7", "1_0", "2026-1-2", "<<", "=", "-", "#x", ": "]
    ),
)
documents = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.one_of(st.text(max_size=8), st.integers()), inner, max_size=4),
    ),
    max_leaves=25,
)


@settings(max_examples=300, deadline=None)
@given(data=documents, flow=st.booleans())
def test_generated_documents_load_identically(data: object, flow: bool) -> None:
    text = yaml.safe_dump(data, default_flow_style=flow, allow_unicode=True)
    try:
        loaded, duplicates = yamlfast.load(text)
    except yamlfast.Unsupported:
        return  # PyYAML's loader takes over: parse_yaml is tested for that path
    assert loaded == reference(text)
    assert duplicates == []


def test_leaves_nothing_for_the_cyclic_collector() -> None:
    """A load frees all it made by reference counting. Garbage in cycles waits for the
    collector, which in a serving worker scans the young objects beside it: a PyYAML
    host left in a cycle, holding every node it built, was a 0.1 s stall there."""
    text = (ROOT / "data" / "providers.yaml").read_text(encoding="utf-8")
    gc.collect()
    gc.disable()
    try:
        data, _ = yamlfast.load(text)
        found = gc.collect()
    finally:
        gc.enable()
    assert data["providers"]
    assert found == 0
