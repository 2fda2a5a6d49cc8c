"""The throughput benchmark asks free text honestly: many texts in rotation, every one a
real find-help question, and ratios taken against the faster /healthz of the run."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from fastapi.testclient import TestClient

from bench.throughput import ROTATE, healthz, urls


def test_words_rotate_over_several_texts_and_places() -> None:
    rows = {label: paths for label, paths, _ in urls(["a", "b", "c"])}
    words = next(paths for label, paths in rows.items() if label.startswith("find-help, words"))
    queries = [parse_qs(urlsplit(path).query) for path in words]
    assert len({q["q"][0] for q in queries}) >= 4
    assert {q["area"][0] for q in queries} == {"a", "b", "c"}
    assert len(set(words)) == len(words)


def test_healthz_is_measured_first_and_last_and_the_faster_counts() -> None:
    rows = urls(["a"])
    assert rows[0][1] == rows[-1][1] == ("/healthz",)
    measured = [("h", "/healthz", 900.0, None), ("f", "/x", 800.0, 0.8)]
    assert healthz([*measured, ("h2", "/healthz", 1000.0, None)]) == 1000.0


def test_the_rotation_script_asks_every_path_in_turn() -> None:
    script = ROTATE % ", ".join(f'"{p}"' for p in ("/a?q=x", "/b"))
    assert 'local paths = {"/a?q=x", "/b"}' in script
    assert 'wrk.format("GET", paths[i])' in script


def test_every_benchmark_question_is_answered(client: TestClient) -> None:
    for _, paths, _ in urls(["norra", "sodra", "norra"]):
        for path in paths:
            assert client.get(path).status_code == 200, path
