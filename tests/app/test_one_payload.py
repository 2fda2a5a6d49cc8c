"""One payload per page: the HTML and its JSON twin come from one answer, and neither
output builds what only the other one sends."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from fastapi.testclient import TestClient

from app import answers
from app.routers import map as map_router
from app.routers import public
from pathways.registry import Registry

RESULTS = "/hitta?age=15&area=skarpnack&need=nedstamdhet"


def _counting(monkeypatch: pytest.MonkeyPatch, owner: Any, name: str) -> list[int]:
    calls: list[int] = []
    real: Callable[..., Any] = getattr(owner, name)

    def counted(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(owner, name, counted)
    return calls


def test_results_build_the_json_only_for_the_json_twin(
    bundled_client: TestClient, bundled: Registry, monkeypatch: pytest.MonkeyPatch
) -> None:
    bundled.memo.pop("replay:hitta", None)  # answers kept by other tests (app.replay)
    built = _counting(monkeypatch, answers, "find_help_out")
    asked = _counting(monkeypatch, public, "find_help")
    assert bundled_client.get(RESULTS).status_code == 200
    assert (len(asked), len(built)) == (1, 0)
    twin = bundled_client.get(f"{RESULTS}&format=json")
    assert twin.status_code == 200 and twin.json()["results"]
    assert (len(asked), len(built)) == (2, 1)


def test_the_map_draws_its_svg_only_for_the_page(
    bundled_client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    drawn = _counting(monkeypatch, map_router, "render_svg")
    assert bundled_client.get("/karta?area=alingsas&format=json").status_code == 200
    assert drawn == []
    page = bundled_client.get("/karta?area=alingsas")
    assert page.status_code == 200 and "<svg" in page.text
    assert drawn == [1]
