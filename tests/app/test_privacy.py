"""What a young person types never reaches a log file."""

from __future__ import annotations

import logging
from typing import Any

import pytest
from bs4 import BeautifulSoup
from fastapi.testclient import TestClient
from opentelemetry import trace
from opentelemetry.trace import NoOpTracer, Tracer, TracerProvider

from app.accesslog import StripQuery
from app.factory import create_app
from pathways.registry import Registry

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


PUBLIC_PAGES = [
    "/",
    f"/hitta?age=14&area=norra&q={SECRET}",
    "/mottagning/um-testkommun",
    "/akut",
    "/om",
    "/en/",
    "/finns-inte",
]


@pytest.mark.parametrize("url", PUBLIC_PAGES)
def test_public_pages_set_no_cookie_and_forbid_other_origins(client: TestClient, url: str) -> None:
    response = client.get(url)
    assert "set-cookie" not in response.headers
    policy = dict(
        part.strip().split(" ", 1)
        for part in response.headers["content-security-policy"].split(";")
    )
    assert policy["default-src"] == "'none'"
    assert policy["style-src"] == "'self'"
    assert "script-src" not in policy  # no script may run at all
    assert policy["form-action"] == "'self'"
    soup = BeautifulSoup(response.text, "html.parser")
    loaded = [
        *(str(tag["href"]) for tag in soup.select("link[href]")),
        *(str(tag["src"]) for tag in soup.select("[src]")),
    ]
    assert loaded and all(url.startswith("/") and not url.startswith("//") for url in loaded)


def test_page_queries_are_not_logged(client: TestClient, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.INFO):
        assert client.get("/hitta", params={"age": 14, "area": "norra", "q": SECRET}).is_success
        assert client.get("/hitta", params={"age": "x", "q": SECRET}).status_code == 422
        client.get("/en/hitta", params={"age": 14, "area": "norra", "q": SECRET})
    everything = "\n".join(r.getMessage() for r in caplog.records if r.name != "httpx")
    assert "/hitta 200" in everything and "/hitta 422" in everything
    assert "hemlig" not in everything.replace("+", " ") and "age=" not in everything


def test_results_about_a_child_are_not_cached(client: TestClient) -> None:
    assert client.get(f"/hitta?age=14&area=norra&q={SECRET}").headers["cache-control"] == "no-store"
    assert client.get("/hitta?q=x").headers["cache-control"] == "no-store"


class _RecordingProvider(TracerProvider):
    """A configured tracer provider, as an SDK's would be, that notes who asks it for a
    tracer (and hands out tracers that record nothing)."""

    def __init__(self) -> None:
        self.asked: list[str] = []

    def get_tracer(self, instrumenting_module_name: str, *args: Any, **kwargs: Any) -> Tracer:
        self.asked.append(instrumenting_module_name)
        return NoOpTracer()


def test_typed_words_reach_no_tracer_the_process_has(
    mini: Registry, monkeypatch: pytest.MonkeyPatch
) -> None:
    provider = _RecordingProvider()
    monkeypatch.setattr(trace, "_TRACER_PROVIDER", provider)  # as an OTEL_* setup would
    monkeypatch.setenv("FASTAPI_OTEL_AUTO_CONFIGURE", "true")
    with TestClient(create_app(mini)) as client:
        response = client.get("/api/v1/find-help", params={"age": 14, "area": "norra", "q": SECRET})
        assert response.status_code == 200
        assert client.get("/").status_code == 200
    assert provider.asked == []
