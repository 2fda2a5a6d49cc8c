"""The cheaper guards and merge pass of `pathways.yamlio.quick` decide as they did.

`quick_reference` keeps them as they were written first; here they are compared on the
registries we write and on random texts made of every sign the guards look for (digits
of every value, unicode spaces, lone surrogates, merged lists, anchors and aliases).
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml_rs
from hypothesis import given, settings
from hypothesis import strategies as st

from pathways.yamlio import quick as yamlquick
from tests.pathways.yamlio import quick_reference as reference
from tests.pathways.yamlio.test_quick import aliased, documents

ROOT = Path(__file__).resolve().parents[3]
NATIONAL = ROOT / "bench" / "out" / "national.yaml"


def decides_alike(text: str) -> None:
    assert yamlquick.differs(text) == reference.differs(text), text
    assert yamlquick._self_reference_possible(text) == reference.self_reference_possible(text)


def merges_alike(text: str) -> None:
    try:
        data = yaml_rs.loads(text)
    except Exception:
        return
    try:
        expected: Any = reference.merges(yaml_rs.loads(text))
    except (reference.Fallback, RecursionError):
        with pytest.raises((yamlquick._Fallback, RecursionError)):
            yamlquick._merges(data)
        return
    merged = yamlquick._merges(data)
    assert repr(merged) == repr(expected), text
    assert [list(m) for m in _mappings(merged)] == [list(m) for m in _mappings(expected)]


def _mappings(value: object) -> list[dict[Any, Any]]:
    """Every mapping, depth first: their key order is part of the data."""
    if isinstance(value, dict):
        return [value, *(m for v in value.values() for m in _mappings(v))]
    if isinstance(value, list):
        return [m for v in value for m in _mappings(v)]
    return []


def _generated(tmp_path: Path, *flags: str) -> str:
    out = tmp_path / "r.yaml"
    cmd = [sys.executable, str(ROOT / "bench/generate.py"), "--kommuner", "12", "--out", str(out)]
    subprocess.run([*cmd, *flags], check=True, timeout=120)
    return out.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "path",
    ["data/providers.yaml", "tests/fixtures/mini.yaml", "tests/scenarios/more.yaml"],
)
def test_project_registries(path: str) -> None:
    text = (ROOT / path).read_text(encoding="utf-8")
    decides_alike(text)
    merges_alike(text)


@pytest.mark.parametrize("flags", [(), ("--no-anchors",)])
def test_generated_registries(tmp_path: Path, flags: tuple[str, ...]) -> None:
    text = _generated(tmp_path, *flags)
    decides_alike(text)
    merges_alike(text)
    assert not yamlquick.differs(text)  # still read fast


@pytest.mark.skipif(not NATIONAL.exists(), reason="no national registry generated")
def test_national_registry() -> None:
    text = NATIONAL.read_text(encoding="utf-8")
    decides_alike(text)
    merges_alike(text)


@pytest.mark.parametrize(
    "text",
    [
        "a: 020\n", "a: 0o7\n", "a: 9e9\n", "a: 9:59\n", "a: 23:59:59\n", "a: 9_9\n",
        "a: -09\n", "a: 7.5e-3\n", "a: x9:30\n", "a: '2026-09-09'\n", "a: 2026-09-09\n",
        "a:\xa0yes\n", "a: \u3000no\n", "a: 9\u2028b: 010\n", "a: \ud800 010\n",
        "a: '\udfff'\nb: 0x9F\n", "x: &a {k: 9}\ny: {<<: [*a], z: 1}\nw: [*a]\n",
        "x: &a\n  k: 1\ny: {<<: [*a, *a]}\nz: *a\n", "x: &a [1]\ny: *a<<: [*a]\n",
        "x: &a [1]\ny: {<<: *a<<:*a}\n", "x: &a\n  k: 1\n<<: *a\n",
    ],
)  # fmt: skip
def test_chosen_texts(text: str) -> None:
    decides_alike(text)
    merges_alike(text)


SIGNS = [
    "0", "1", "2", "5", "9", "09", "010", "1e3", "9E-9", "12:30", "9:59:59", "_", "1_0",
    "0x9", "0o7", ".", "+", "-", " ", "\t", "\n", "\n  ", "\n- ", ": ", ":", ",", "[", "]",
    "{", "}", "#", "'", '"', "!", "%", "?", "=", "<<", "<<: ", "<<: [", "*a", "*b", "&a",
    "&b", "&a ", "yes", "No", "oN", "off", "y", "x", "é", "ä", "\xa0", "\u2028", "\u3000",
    "\x85", "\r", "\ud800", "\udfff", "---", "...", "2026-09-09",
]  # fmt: skip
signs = st.lists(st.sampled_from(SIGNS), max_size=40).map("".join)
ALIASING = ["&a", "&b", "*a", "*b", "<<: ", "<<:", "<<: [", "<<", "[", "]", "{", "}", "\n"]
ALIASING += [" ", "\t", ",", "'", '"', "#", "x", "1", ": ", ":", "\n  ", "- ", "*", "&"]
anchoring = st.lists(st.sampled_from(ALIASING), min_size=4, max_size=40).map("".join)


@settings(max_examples=1500, deadline=None)
@given(signs)
def test_random_signs(text: str) -> None:
    decides_alike(text)
    merges_alike(text)


@settings(max_examples=1500, deadline=None)
@given(anchoring)
def test_random_anchors_and_merges(text: str) -> None:
    decides_alike(text)
    merges_alike(text)


@settings(max_examples=300, deadline=None)
@given(documents())
def test_random_documents(text: str) -> None:
    decides_alike(text)
    merges_alike(text)


@settings(max_examples=500, deadline=None)
@given(aliased())
def test_random_aliased_texts(text: str) -> None:
    decides_alike(text)
    merges_alike(text)


def test_no_pattern_tells_the_digits_one_to_nine_apart() -> None:
    """What lets `differs` read them all as 1: each stands only in a 0-9 class."""
    patterns = [yamlquick._ZERO, yamlquick._WORDS, yamlquick._EXPONENT, yamlquick._COLON]
    patterns += [yamlquick._UNDERSCORE, yamlquick._SIGNS, yamlquick._OTHER]
    for pattern in patterns:
        assert not re.search("[1-9]", pattern.pattern.replace("0-9", "")), pattern.pattern
    assert set("123456789") <= yamlquick._NUMBER_START


def test_a_merged_mapping_is_yaml_rs_own_copy() -> None:
    """Why `_merged` may make the merged mapping the result: no one else holds it."""
    data: Any = yaml_rs.loads("a: &x {k: 1}\nb: {<<: *x, m: 2}\nc: {<<: *x, n: 3}\n")
    assert data["b"]["<<"] is not data["c"]["<<"] and data["a"] is not data["b"]["<<"]
    merged = yamlquick._merges(data)
    assert merged == {"a": {"k": 1}, "b": {"k": 1, "m": 2}, "c": {"k": 1, "n": 3}}
