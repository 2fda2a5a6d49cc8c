"""The throughput benchmark asks free text honestly: many texts in rotation, every one a
real find-help question, and ratios taken round by round against the faster /healthz run
beside each round."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from fastapi.testclient import TestClient

from bench.throughput import ROTATE, Measured, bracketed, urls


def test_words_rotate_over_several_texts_and_places() -> None:
    rows = {label: paths for label, paths, _ in urls(["a", "b", "c"])}
    words = next(paths for label, paths in rows.items() if label.startswith("find-help, words"))
    queries = [parse_qs(urlsplit(path).query) for path in words]
    assert len({q["q"][0] for q in queries}) >= 4
    assert {q["area"][0] for q in queries} == {"a", "b", "c"}
    assert len(set(words)) == len(words)


def test_a_round_is_compared_with_the_faster_healthz_beside_it() -> None:
    ratios = bracketed([1000.0, 800.0, 500.0], [[800.0, 400.0], [600.0, 200.0]])
    assert ratios == [[0.8, 0.4], [0.75, 0.25]]


def test_healthz_runs_must_bracket_every_round() -> None:
    with pytest.raises(ValueError, match="before each round"):
        bracketed([1000.0], [[800.0]])


def test_the_verdict_is_on_the_median_round() -> None:
    m = Measured("f", "/x", 0.8, (1.0, 2.0, 3.0), (0.7, 0.9, 0.85))
    assert m.ratio == 0.85


def test_healthz_is_not_one_of_the_measured_urls() -> None:
    assert all(paths != ("/healthz",) for _, paths, _ in urls(["a"]))


def test_the_rotation_script_asks_every_path_in_turn() -> None:
    script = ROTATE % ", ".join(f'"{p}"' for p in ("/a?q=x", "/b"))
    assert 'local paths = {"/a?q=x", "/b"}' in script
    assert 'wrk.format("GET", paths[i])' in script


def test_every_benchmark_question_is_answered(client: TestClient) -> None:
    for _, paths, _ in urls(["norra", "sodra", "norra"]):
        for path in paths:
            assert client.get(path).status_code == 200, path
