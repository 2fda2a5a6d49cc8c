"""Inside `parallel.allowed()` the guards run in a child, and nothing else changes.

Every text of `test_quick.py` (and the generated registry) is parsed inline and inside
`parallel.allowed()`, where the guards are forked beside yaml-rs: the same data, the
same answer from the fast path (data or None), the same refusal, word for word.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from pathways import parallel
from pathways.errors import RegistryInvalid
from pathways.loader import parse_yaml
from pathways.yamlio import quick as yamlquick
from tests.pathways.test_limits import LAUGHS
from tests.pathways.yamlio import test_quick

ROOT = Path(__file__).resolve().parents[3]


def _texts_of(test: Callable[..., None]) -> list[str]:
    marks = getattr(test, "pytestmark", [])
    return [text for mark in marks if mark.name == "parametrize" for text in mark.args[1]]


TEXTS = [
    *_texts_of(test_quick.test_merges_and_aliases),
    *_texts_of(test_quick.test_steps_aside),
    *_texts_of(test_quick.test_an_alias_inside_the_node_it_names_is_left_to_the_exact_loader),
    *_texts_of(test_quick.test_aliases_after_their_node_take_the_fast_path),
    *(f"k: {v}\nl: [{v}, x]\nm: {{x: {v}}}\n" for v in test_quick.TRICKY),
    "version: 1\nareas:\n- {id: a, name: A, id: b}\n",
    "version: 1\nareas:\n- {id: a\n",
    "a: yes\nb: [1\n",  # refused by both parsers, and the guards refuse it too
    "a: !!binary '@@'\n",
    LAUGHS,
]


def _outcome(text: str) -> tuple[str, str]:
    """What parse_yaml gives (the data's repr and types) or the refusal's words."""
    try:
        data = parse_yaml(text, "r.yaml")
    except RegistryInvalid as exc:
        return "refused", str(exc)
    return repr(data), repr(_types(data, set()))


def _types(value: object, open_: set[int]) -> object:
    """The type of every scalar; a collection that contains itself is marked so."""
    if id(value) in open_:
        return "itself"
    if isinstance(value, dict | list):
        open_.add(id(value))
        items = value.items() if isinstance(value, dict) else enumerate(value)
        shape = [(repr(k), _types(v, open_)) for k, v in items]
        open_.discard(id(value))
        return shape
    return type(value).__name__


@pytest.fixture
def forks(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The children forked: inside `allowed()` the guards must really run in one."""
    forked: list[int] = []
    fork = os.fork

    def counting() -> int:
        pid = fork()
        if pid:
            forked.append(pid)
        return pid

    monkeypatch.setattr(os, "fork", counting)
    return forked


def test_the_texts_of_test_quick(forks: list[int]) -> None:
    inline = [(_outcome(t), yamlquick.load(t, beside=parallel.beside) is None) for t in TEXTS]
    assert not forks
    with parallel.allowed():
        beside = [(_outcome(t), yamlquick.load(t, beside=parallel.beside) is None) for t in TEXTS]
    assert len(forks) >= len(TEXTS)
    assert beside == inline
    assert {aside for _, aside in inline} == {True, False}  # both paths are taken


def test_the_generated_registry(tmp_path: Path, forks: list[int]) -> None:
    out = tmp_path / "r.yaml"
    cmd = [sys.executable, str(ROOT / "bench/generate.py"), "--kommuner", "12", "--out", str(out)]
    subprocess.run(cmd, check=True, timeout=120)
    text = out.read_text(encoding="utf-8")
    texts = [text, text.replace("verified: false", "verified: no", 1)]  # YAML 1.1's false
    inline = [(_outcome(t), yamlquick.load(t, beside=parallel.beside) is None) for t in texts]
    with parallel.allowed():
        beside = [(_outcome(t), yamlquick.load(t, beside=parallel.beside) is None) for t in texts]
    assert len(forks) >= 2 * len(texts)
    assert beside == inline
    assert [aside for _, aside in inline] == [False, True]
