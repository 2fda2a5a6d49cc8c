"""yaml-rs's fast path gives exactly the exact loader's data, or steps aside.

The exact loader (`pathways.yamlio.fast`, PyYAML's semantics) is the reference: whatever
`yamlquick.load` returns must equal it, for the registries we write and for random
texts made of every scalar form where YAML 1.1 and 1.2 disagree.
"""

from __future__ import annotations

import math
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml_rs
from hypothesis import given, settings
from hypothesis import strategies as st

from pathways import limits
from pathways.errors import RegistryInvalid
from pathways.loader import parse_yaml
from pathways.yamlio import fast as yamlfast
from pathways.yamlio import quick as yamlquick
from tests.pathways.test_limits import LAUGHS

ROOT = Path(__file__).resolve().parents[3]

TRICKY = [
    "yes", "no", "on", "off", "Yes", "NO", "On", "OFF", "y", "n", "true", "False", "TRUE",
    "null", "~", "Null", "", "010", "0o10", "09", "0x1F", "1_000", "1:30", "1e3", "1.0e3",
    "1.5", "-1", ".5", "+5", ".inf", "-.inf", "2026-01-01", "2026-01-01T10:00:00",
    "2026-1-1", "=", "0b101", "12:30:00", "1.", "abc", "'q'", '"d"', "!!str 3", "'yes'",
    '"010"', '"1177"', "Kommun 013", "seed 003", "on the way", "2026-01-01 10:00", "a: b",
    "kommun-013-sd-01", "08-123 45 67", "'<<'", "- x", "+0x1F", "0b1_0", "1_0.5",
    "0_E0", "1__e2", "1_E+5",
]  # fmt: skip


def same(text: str) -> None:
    """If the fast path answers, it answers what the exact loader answers."""
    quick = yamlquick.load(text)
    if quick is None:
        return
    try:
        exact, duplicates = yamlfast.load(text)
    except Exception as exc:  # the exact loader refused: so must the fast path
        pytest.fail(f"the fast path read what the exact loader refuses ({exc!r}):\n{text}")
    assert duplicates == [], text
    assert repr(quick) == repr(exact), text  # repr: nan equals itself, types are shown
    assert _types(quick) == _types(exact), text


def _types(value: object) -> object:
    if isinstance(value, dict):
        return {repr(k): _types(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_types(v) for v in value]
    return type(value).__name__


@pytest.mark.parametrize(
    "path",
    ["data/providers.yaml", "tests/fixtures/mini.yaml", "tests/scenarios/more.yaml"],
)
def test_project_registries(path: str) -> None:
    same((ROOT / path).read_text(encoding="utf-8"))


@pytest.mark.parametrize("anchors", [True, False])
def test_generated_registry_is_read_fast_and_the_same(tmp_path: Path, anchors: bool) -> None:
    out = tmp_path / "r.yaml"
    cmd = [sys.executable, str(ROOT / "bench/generate.py"), "--kommuner", "12", "--out", str(out)]
    subprocess.run([*cmd, *([] if anchors else ["--no-anchors"])], check=True, timeout=120)
    text = out.read_text(encoding="utf-8")
    assert yamlquick.load(text) is not None  # what we write takes the fast path
    same(text)


@pytest.mark.parametrize(
    "text",
    [
        "base: &b {x: 1, y: 2}\nmerged: {<<: *b, y: 3}\n",
        "a: &a {k: 1}\nb: &b {k: 2, m: 2}\nc: {<<: [*a, *b], z: 0}\n",
        "a: &a {k: 1}\nb: &b {<<: *a, m: 2}\nc: {<<: *b, z: 0}\nd: *b\n",
        "l:\n- &p {kind: x, areas: [a]}\n- {<<: *p, id: two}\n- {<<: *p, id: three}\n",
        "x: .nan\n",
    ],
)
def test_merges_and_aliases(text: str) -> None:
    assert yamlquick.load(text) is not None
    same(text)


@pytest.mark.parametrize(
    "text",
    [
        "a: 1\nb: 2\na: 3\n",
        "l:\n  - {id: x, name: n, id: y}\n",
        "a: [1\n",
        "a: yes\n",
        "a: 010\n",
        "a: !!str 3\n",
        "---\na: 1\n---\nb: 2\n",
        "? [1, 2]\n: 3\n",
        "a: {<<: 1}\n",
    ],
)
def test_steps_aside(text: str) -> None:
    assert yamlquick.load(text) is None


def test_duplicate_keys_still_name_their_line() -> None:
    with pytest.raises(RegistryInvalid) as caught:
        parse_yaml("version: 1\nareas:\n- {id: a, name: A, id: b}\n", "r.yaml")
    problem = caught.value.problems[0]
    assert (problem.code, problem.line, problem.file) == ("duplicate_key", 3, "r.yaml")


def test_syntax_errors_still_name_their_line() -> None:
    with pytest.raises(RegistryInvalid) as caught:
        parse_yaml("version: 1\nareas:\n- {id: a\n", "r.yaml")
    assert caught.value.problems[0].line is not None


scalar = st.sampled_from(TRICKY) | st.text(alphabet="0123456789:.eE_+-oxyn", max_size=6)
key = st.sampled_from(["a", "b", "yes", "010", "id", "<<", "'<<'", "1"])


@st.composite
def documents(draw: st.DrawFn) -> str:
    lines = []
    for _ in range(draw(st.integers(1, 6))):
        form = draw(st.integers(0, 4))
        k, v = draw(key), draw(scalar)
        if form == 0:
            lines.append(f"{k}: {v}")
        elif form == 1:
            lines.append(f"{k}: [{v}, {draw(scalar)}]")
        elif form == 2:
            lines.append(f"{k}: {{x: {v}, y: {draw(scalar)}}}")
        elif form == 3:
            lines.append(f"{k}:\n  - {v}\n  - {draw(scalar)}")
        else:
            lines.append(f"{k}: {v}  # {draw(scalar)}")
    return "\n".join(lines) + "\n"


@settings(max_examples=400, deadline=None)
@given(documents())
def test_random_texts(text: str) -> None:
    same(text)


def test_nan_is_read_as_nan() -> None:
    value = yamlquick.load("x: .nan\n")
    assert value is not None and math.isnan(value["x"])


def test_yaml_rs_copies_what_an_alias_stands_for() -> None:
    """Why merges are applied in place and aliases need no sharing-aware count."""
    data: Any = yaml_rs.loads("a: &x {k: [1, 2]}\nb: *x\nc: [*x]\n")
    assert data["a"] == data["b"] == data["c"][0]
    assert data["a"] is not data["b"] and data["b"] is not data["c"][0]


@pytest.mark.parametrize(
    "text",
    [
        "a: &a [*a]\n",
        "a: &a {b: *a}\n",
        "a: &a\n  b: *a\n",
        "a: &a [1, {c: [*a]}]\n",
        "- &a\n  - *a\n",
        "a: &a [1,\n  *a]\n",
        "a: &a {k: '}', b: *a}\n",
        "a: &a {k: 1}\nb: &a [*a]\n",  # the second &a is open where *a stands
    ],
)
def test_an_alias_inside_the_node_it_names_is_left_to_the_exact_loader(text: str) -> None:
    assert yamlquick.load(text) is None  # yaml-rs would read it as null


@pytest.mark.parametrize(
    "text",
    [
        "b: &b {k: 2}\nd: *b\ne: [*b, *b]\n",
        "l: &l [1, 2]\nm: {x: *l}\n",
        "s: &s 'quoted & starred *'\nt: *s\n",
        "a: &a {k: 1}\nb: {<<: *a, m: 2}\nc: {<<: [*a], n: 3}\n",
    ],
)
def test_aliases_after_their_node_take_the_fast_path(text: str) -> None:
    assert yamlquick.load(text) is not None
    same(text)


def _spent(text: str) -> int:
    """What the exact loader counts for the aliases of a text."""
    budget = limits.AliasBudget()
    budget.limit = 10**12
    yamlfast.load(text, budget)
    return budget.spent


def _refusal(text: str, *, quick: bool) -> str:
    with pytest.raises(RegistryInvalid) as refused:
        parse_yaml(text, "r.yaml", quick=quick)
    return str(refused.value)


def test_the_alias_limit_holds_on_the_fast_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """At exactly what the exact loader counts, the text is read (by the exact loader when
    yaml-rs replays more); one node less, it is refused with the exact loader's words."""
    out = tmp_path / "r.yaml"
    cmd = [sys.executable, str(ROOT / "bench/generate.py"), "--kommuner", "12", "--out", str(out)]
    subprocess.run(cmd, check=True, timeout=120)
    text = out.read_text(encoding="utf-8")
    exact = parse_yaml(text, "r.yaml", quick=False)
    assert parse_yaml(text, "r.yaml", quick=True) == exact  # the default limit
    spent = _spent(text)
    monkeypatch.setenv("VARDKEDJAN_MAX_YAML_ALIAS_NODES", str(spent))
    assert parse_yaml(text, "r.yaml", quick=True) == exact
    monkeypatch.setenv("VARDKEDJAN_MAX_YAML_ALIAS_NODES", str(spent - 1))
    message = _refusal(text, quick=True)
    assert "VARDKEDJAN_MAX_YAML_ALIAS_NODES" in message
    assert message == _refusal(text, quick=False)


@pytest.mark.parametrize("limit", [None, "50", "1000000"])
def test_billion_laughs_is_refused_alike_on_both_paths(
    monkeypatch: pytest.MonkeyPatch, limit: str | None
) -> None:
    if limit is not None:
        monkeypatch.setenv("VARDKEDJAN_MAX_YAML_ALIAS_NODES", limit)
    message = _refusal(LAUGHS, quick=True)
    assert "VARDKEDJAN_MAX_YAML_ALIAS_NODES" in message
    assert message == _refusal(LAUGHS, quick=False)


def test_a_limit_past_yaml_rs_leaves_the_expansion_to_the_sharing_loader(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Raised to allow the laughs (10^8 nodes written out), they are read, and not by
    yaml-rs, which would build every copy: the exact loader shares the aliased lists."""
    monkeypatch.setenv("VARDKEDJAN_MAX_YAML_ALIAS_NODES", str(2 * 10**8))
    assert yamlquick.load(LAUGHS, replays=2 * 10**8) is None
    data = parse_yaml(LAUGHS, "laughs.yaml", quick=True)
    assert data["h"][0] is data["h"][1]


PLAIN = st.sampled_from(["1", "x", "'q'", '"d d"', "2026-01-01", "null", "Kommun 013", "a&b"])


@st.composite
def aliased(draw: st.DrawFn) -> str:
    """Anchors on scalars and collections, used after their node, merged, or inside it."""
    lines: list[str] = []
    defined: list[int] = []
    for i in range(draw(st.integers(1, 6))):
        v = draw(PLAIN)
        inside = draw(st.sampled_from([*defined, i]))  # i: the node being written
        forms = [f"&a{i} {v}", f"&a{i} [{v}, x]", f"&a{i} {{x: {v}}}", f"&a{i}\n  x: {v}"]
        forms += [f"&a{i} [{v}, *a{inside}]", f"&a{i} {{<<: *a{inside}, y: {v}}}"]
        if defined:
            used = draw(st.sampled_from(defined))
            forms += [f"*a{used}", f"{{<<: [*a{used}], z: 1}}", f"[*a{used}, {{w: *a{used}}}]"]
        node = draw(st.sampled_from(forms))
        if node.startswith("&"):
            defined.append(i)
        lines.append(f"k{i}: {node}")
    return "\n".join(lines) + "\n"


@settings(max_examples=300, deadline=None)
@given(aliased())
def test_random_aliased_texts(text: str) -> None:
    try:
        yamlfast.load(text)
    except Exception:
        assert yamlquick.load(text) is None
        return
    same(text)
