"""Bounded input over HTTP: body size, writes per account, and log lines that cannot lie."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from tests.app.routers.test_admin import ALINGSAS_PROVIDER, Admin, admin, form_of, login

__all__ = ["admin"]  # the fixture, shared with the admin tests


def test_a_request_body_over_the_limit_is_413(admin: Admin) -> None:
    url = "/api/v1/admin/providers"
    big = b'{"id": "' + b"x" * (2 * 1024 * 1024) + b'"}'
    declared = admin.client.post(
        url, content=big, headers={**admin.api("anna"), "Content-Type": "application/json"}
    )
    assert declared.status_code == 413
    assert "KB allowed" in declared.json()["detail"]

    def chunks() -> Iterator[bytes]:
        for _ in range(40):
            yield b"x" * 65536

    streamed = admin.client.post(url, content=chunks(), headers=admin.api("anna"))
    assert streamed.status_code == 413
    assert admin.client.get("/healthz").status_code == 200


def put_hours(admin: Admin, hours: str) -> int:
    url = f"/api/v1/admin/providers/{ALINGSAS_PROVIDER}"
    current = admin.client.get(url, headers=admin.api("erik"))
    record = {**current.json(), "hours": hours}
    headers = {**admin.api("erik"), "If-Match": current.headers["etag"]}
    response = admin.client.put(url, json=record, headers=headers)
    if response.status_code == 429:
        assert int(response.headers["retry-after"]) > 0
        assert "VARDKEDJAN_MAX_WRITES_PER_HOUR" in response.json()["detail"]
    return response.status_code


def test_writes_per_account_are_rate_limited(admin: Admin, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VARDKEDJAN_MAX_WRITES_PER_HOUR", "2")
    assert [put_hours(admin, f"Vardagar {h}-16") for h in (8, 9, 10)] == [200, 200, 429]
    # The form says so in Swedish, and saves nothing.
    assert login(admin.client, "erik", "erik-lösen-1") == 303
    url = f"/admin/mottagning/{ALINGSAS_PROVIDER}"
    _, data = form_of(admin.client, url)
    data["hours"] = ["Vardagar 11-16"]
    response = admin.client.post(url, data={**data, "action": "save"})
    assert response.status_code == 429 and "ändringar den senaste timmen" in response.text
    # Another account is not held back by erik's.
    monkeypatch.setenv("VARDKEDJAN_MAX_WRITES_PER_HOUR", "3")
    assert put_hours(admin, "Vardagar 12-16") == 200


def test_a_control_character_in_a_path_cannot_forge_a_log_line(
    client: TestClient, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO, logger="vardkedjan.access"):
        client.get("/mottagning/x%0A2026-12-01 GET /admin 200 0.1ms%0D")
    lines = [r.getMessage() for r in caplog.records if r.name == "vardkedjan.access"]
    assert lines and all("\n" not in line and "\r" not in line for line in lines)
    assert "%0A2026-12-01" in lines[-1]
