"""A load begun ahead (`quick.begin`, as `check` does before its imports) ends as a
load not begun would: the same data, the same answer from the fast path, the same
refusal, with the guards inline or forked, and a begun load of another text is not used.
"""

from __future__ import annotations

import pytest

from pathways import limits, parallel
from pathways.loader import parse_yaml
from pathways.yamlio import quick as yamlquick
from tests.pathways.yamlio.test_quick_parallel import TEXTS, _outcome

OTHER = "version: 1\nareas:\n- {id: other, name: Other, type: region}\n"


def _begun(text: str) -> object:
    """What `parse_yaml(text)` gives after its load began, as `check` begins it."""
    yamlquick.begin(text, limits.Limits.current().alias_nodes, parallel.beside)
    return _outcome(text)


@pytest.mark.parametrize("forked", [False, True], ids=["inline", "forked"])
def test_a_begun_load_ends_as_one_not_begun(forked: bool) -> None:
    plain = [_outcome(t) for t in TEXTS]
    if forked:
        with parallel.allowed():
            begun = [_begun(t) for t in TEXTS]
    else:
        begun = [_begun(t) for t in TEXTS]
    assert begun == plain
    assert len({kind for kind, _ in plain}) > 1  # refusals and data both


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, int]]:
    """Every text yaml-rs is given, with its cap."""
    parsed: list[tuple[str, int]] = []
    parse = yamlquick._parse

    def counting(text: str, replays: int) -> object:
        parsed.append((text, replays))
        return parse(text, replays)

    monkeypatch.setattr(yamlquick, "_parse", counting)
    return parsed


def test_the_begun_parse_is_the_one_used(parses: list[tuple[str, int]]) -> None:
    cap = yamlquick.DEFAULT_REPLAYS
    yamlquick.begin(OTHER)
    data = yamlquick.load(OTHER)
    assert data == parse_yaml(OTHER, "r.yaml", quick=False)
    assert parses == [(OTHER, cap)]  # parsed once, by the thread begin started
    assert yamlquick.load(OTHER) == data  # a second load parses anew
    assert parses == [(OTHER, cap), (OTHER, cap)]


TEXT = "version: 1\nareas:\n- &a {id: a, name: A, type: region}\n- *a\n- *a\n"


@pytest.mark.parametrize(
    ("begun", "cap"), [(OTHER, 1000), ("a: 1\n", 1000), (TEXT, 3)], ids=["other", "short", "cap"]
)
def test_a_load_begun_for_another_text_or_cap_is_not_used(
    parses: list[tuple[str, int]], begun: str, cap: int
) -> None:
    yamlquick.begin(begun, cap)
    data = yamlquick.load(TEXT, 1000)
    assert data == parse_yaml(TEXT, "r.yaml", quick=False)
    assert parses == [(begun, cap), (TEXT, 1000)]  # the begun parse was not taken
    assert yamlquick._early is None  # nor left for a later load


def test_a_load_begun_again_lets_the_first_go(parses: list[tuple[str, int]]) -> None:
    with parallel.allowed():  # the first begin's guards really forked, and waited for
        yamlquick.begin(OTHER, 1000, parallel.beside)
        yamlquick.begin(TEXT, 1000, parallel.beside)
        data = yamlquick.load(TEXT, 1000, parallel.beside)
    assert data == parse_yaml(TEXT, "r.yaml", quick=False)
    assert parses == [(OTHER, 1000), (TEXT, 1000)]  # the second begun parse was used
    assert yamlquick._early is None
