"""The acceptance scenarios (tests/scenarios/*.yaml) against the bundled registry."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from fastapi.testclient import TestClient

HERE = Path(__file__).parent / "scenarios"


def load(section: str) -> list[Any]:
    cases = []
    for path in sorted(HERE.glob("*.yaml")):
        for case in yaml.safe_load(path.read_text(encoding="utf-8")).get(section, []):
            cases.append(pytest.param(case, id=f"{path.stem}: {case.get('name')}"))
    return cases


def kinds(body: dict[str, Any]) -> list[str]:
    return [r["provider"]["kind"] for r in body["results"]]


def phones(body: dict[str, Any]) -> set[str]:
    return {c["phone"] for c in (body["emergency"] or {}).get("contacts", [])}


@pytest.mark.parametrize("case", load("find_help"))
def test_find_help(bundled_client: TestClient, case: dict[str, Any]) -> None:
    response = bundled_client.get("/api/v1/find-help", params=case["request"])
    assert response.status_code == 200, response.text
    body = response.json()
    found = kinds(body)
    top3 = found[:3]
    for key, want in case["expect"].items():
        if key == "emergency":
            assert body["emergency"] == want
        elif key == "top3_kinds_subset_of":
            assert top3 and set(top3) <= set(want), found
        elif key == "first_kind_not_in":
            assert found and found[0] not in want, found
        elif key == "emergency_phones_include":
            assert set(want) <= phones(body), phones(body)
        elif key == "emergency_phones_exclude":
            assert not set(want) & phones(body)
        elif key == "kinds_include_any":
            assert set(want) & set(found), found
        elif key == "top3_kinds_include_any":
            assert set(want) & set(top3), found
        elif key == "kinds_exclude":
            assert not set(want) & set(found), found
        elif key == "needs_include":
            assert set(want) <= set(body["query"]["needs"]), body["query"]
        else:
            pytest.fail(f"unknown expectation {key}")


@pytest.mark.parametrize("case", load("routes"))
def test_routes(bundled_client: TestClient, case: dict[str, Any]) -> None:
    params = dict(case["request"])
    response = bundled_client.get("/api/v1/routes", params=params)
    assert response.status_code == 200, response.text
    found = response.json()["routes"]
    expect = case["expect"]
    assert len(found) >= expect.get("at_least_routes", 0)
    if "some_step_mechanism_in" in expect:
        mechanisms = {s["mechanism"] for r in found for s in r["steps"]}
        assert mechanisms & set(expect["some_step_mechanism_in"]), mechanisms


@pytest.mark.parametrize("case", load("sip"))
def test_sip(bundled_client: TestClient, case: dict[str, Any]) -> None:
    response = bundled_client.get("/api/v1/sip", params=case["request"])
    assert response.status_code == 200, response.text
    principals = {p["provider"]["principal"] for p in response.json()["participants"]}
    assert set(case["expect"]["principals_include"]) <= principals, principals


@pytest.mark.parametrize("case", load("errors"))
def test_errors(bundled_client: TestClient, case: dict[str, Any]) -> None:
    response = bundled_client.get(case["path"].replace("LONG", "x" * 201))
    allowed = case["status"] if isinstance(case["status"], list) else [case["status"]]
    assert response.status_code in allowed, response.text
    assert "detail" in response.json()
