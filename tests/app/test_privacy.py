"""What a young person types never reaches a log file."""

from __future__ import annotations

import logging

import pytest
from fastapi.testclient import TestClient

from app.accesslog import StripQuery

SECRET = "pappa slår mamma hemlig"


def test_access_log_has_path_but_no_query(
    client: TestClient, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO):
        response = client.get("/api/v1/find-help", params={"age": 14, "area": "norra", "q": SECRET})
    assert response.status_code == 200
    access = [r.getMessage() for r in caplog.records if r.name == "vardkedjan.access"]
    assert any("/api/v1/find-help 200" in line for line in access)
    # httpx is the test's own client; everything else is the server's.
    everything = "\n".join(r.getMessage() for r in caplog.records if r.name != "httpx")
    assert "hemlig" not in everything and "hemlig" not in everything.replace("+", " ")
    assert "age=14" not in everything


def test_uvicorn_access_records_lose_their_query() -> None:
    record = logging.LogRecord(
        "uvicorn.access",
        logging.INFO,
        __file__,
        1,
        '%s - "%s %s HTTP/%s" %d',
        ("127.0.0.1:5000", "GET", "/api/v1/find-help?q=vill+inte+leva&age=15", "1.1", 200),
        None,
    )
    assert StripQuery().filter(record)
    assert record.getMessage() == '127.0.0.1:5000 - "GET /api/v1/find-help HTTP/1.1" 200'


def test_uvicorn_access_logger_has_the_filter(client: TestClient) -> None:
    assert any(isinstance(f, StripQuery) for f in logging.getLogger("uvicorn.access").filters)


def test_answers_about_a_child_are_not_cached(client: TestClient) -> None:
    for url in [
        "/api/v1/find-help?age=14&area=norra&q=hemlig",
        "/api/v1/sip?area=norra&age=9&need=npf",
    ]:
        assert client.get(url).headers["cache-control"] == "no-store"


def test_nothing_loads_from_a_third_party(client: TestClient) -> None:
    # FastAPI's docs pages pull scripts from a CDN; the service does not offer them.
    assert client.get("/docs").status_code == 404
    assert client.get("/redoc").status_code == 404
    assert client.get("/openapi.json").status_code == 200
