"""Replayed answers (app.replay) are the answers built anew, and nothing typed is kept."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from urllib.parse import urlencode

import pytest
from fastapi.testclient import TestClient
from httpx import Response

from app.factory import create_app
from pathways.registry import Registry
from pathways.vocab import Need
from tests.conftest import BUNDLED

NEEDS = [Need.nedstamdhet, Need.oro_angest, Need.somn, Need.suicidtankar]


@pytest.fixture
def fresh() -> Iterator[tuple[Registry, TestClient]]:
    """An app over its own registry, so its memo starts empty."""
    registry = Registry.from_file(BUNDLED)
    with TestClient(create_app(registry)) as client:
        yield registry, client


def _sample(registry: Registry) -> list[str]:
    areas = sorted(registry.areas)[:: max(1, len(registry.areas) // 5)][:5]
    urls: list[str] = []
    for area, need, age in itertools.product(areas, NEEDS, (9, 15, 19)):
        query = urlencode({"age": age, "area": area, "need": need.value})
        urls += [f"/api/v1/find-help?{query}", f"/hitta?{query}", f"/en/hitta?{query}"]
    urls.append(
        f"/hitta?{urlencode({'age': 15, 'area': areas[0], 'need': 'oro_angest'})}&format=json"
    )
    urls.append(f"/api/v1/find-help?age=16&area={areas[1]}&need=oro_angest&limit=2&asker=parent")
    return urls


def _same(first: Response, second: Response) -> None:
    assert second.status_code == first.status_code
    assert second.content == first.content
    assert second.headers.multi_items() == first.headers.multi_items()


def test_a_replayed_answer_is_the_built_answer_byte_for_byte(
    fresh: tuple[Registry, TestClient],
) -> None:
    registry, client = fresh
    for url in _sample(registry):
        built = client.get(url)
        assert built.status_code == 200, url
        replayed = client.get(url)
        _same(built, replayed)
    kept = sum(len(registry.memo.get(f"replay:{kind}", {})) for kind in ("find-help", "hitta"))
    assert kept == len(_sample(registry))  # the second answers really were replays


def test_an_answer_to_words_is_the_same_when_asked_again(
    fresh: tuple[Registry, TestClient],
) -> None:
    """Words are kept only as what they were read to say: the same words, or other words
    that say the same, get the answer built the first time."""
    registry, client = fresh
    area = sorted(registry.areas)[0]
    said = (
        "kan inte sova blorptag",
        "vill inte leva xqzvik",
        "asdf qwerty",
        "mår dåligt klumpfisk",
    )
    for words in said:
        url = f"/api/v1/find-help?age=15&area={area}&q={words}"
        first = client.get(url)
        assert first.status_code == 200, url
        _same(first, client.get(url))
    assert registry.memo["answers"]
    for word in ("blorptag", "xqzvik", "qwerty", "klumpfisk"):
        assert word not in repr(registry.memo)


def test_an_answer_from_another_registry_object_is_the_same(
    fresh: tuple[Registry, TestClient], bundled_client: TestClient
) -> None:
    """The shared bundled client has answered (and kept) many questions already."""
    registry, client = fresh
    for url in _sample(registry)[:12]:
        bundled_client.get(url)
        _same(client.get(url), bundled_client.get(url))


def test_typed_text_is_never_kept(fresh: tuple[Registry, TestClient]) -> None:
    registry, client = fresh
    area = sorted(registry.areas)[0]
    name = registry.areas[area].name
    typed = [
        f"/api/v1/find-help?age=15&area={area}&q=jag+sover+inte+alls",
        f"/api/v1/find-help?age=15&area={name}&need=oro_angest",
        f"/hitta?age=15&area={name}&need=oro_angest",
        f"/hitta?age=15&area={area}&need=oro_angest&zqxnote=hemligt",
    ]
    for url in typed:
        assert client.get(url, follow_redirects=False).status_code in (200, 303), url
    kept = {k: v for k, v in registry.memo.items() if k.startswith("replay:")}
    for word in ("sover", "hemligt", "zqxnote"):
        assert word not in repr(kept)
    # A place typed by name is kept under the registry's id of it, the page not at all:
    assert [key[0] for key in kept["replay:find-help"]] == [area]
    assert kept.get("replay:hitta", {}) == {}


def test_the_kept_answers_are_bounded(fresh: tuple[Registry, TestClient]) -> None:
    from app import replay

    registry, client = fresh
    area = sorted(registry.areas)[0]
    for age, limit in itertools.product(range(26), range(1, 25)):
        client.get(f"/api/v1/find-help?age={age}&area={area}&need=oro_angest&limit={limit}")
    assert 0 < len(registry.memo["replay:find-help"]) <= replay.KEPT
