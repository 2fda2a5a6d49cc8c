"""One error path: every error is JSON for the API and `?format=json`, a page for people."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from fastapi.testclient import TestClient

from app.errors import describe
from pathways.errors import (
    Conflict,
    Forbidden,
    InvalidQuery,
    LoginThrottled,
    NotFound,
    PathwaysError,
    PreconditionFailed,
    PreconditionRequired,
    Problem,
    RegistryInvalid,
)
from tests.app.html import one, text


@pytest.mark.parametrize(
    ("error", "status"),
    [
        (NotFound("provider", "x"), 404),
        (InvalidQuery("age", "must be between 0 and 25"), 422),
        (RegistryInvalid([Problem("is required", ("providers", 0, "name"))]), 422),
        (Conflict("provider 'x' already exists", ["x"]), 409),
        (PreconditionFailed("provider", "x", "abc"), 412),
        (PreconditionRequired(), 428),
        (Forbidden("outside their areas", ["x"]), 403),
        (LoginThrottled("anna", "12:00"), 429),
        (PathwaysError("refused"), 400),
    ],
)
def test_each_domain_error_carries_its_status(error: PathwaysError, status: int) -> None:
    answer = describe(error)
    assert answer.status == status == error.status
    assert answer.detail


def test_a_stale_write_says_the_current_version() -> None:
    answer = describe(PreconditionFailed("provider", "x", "abc"))
    assert answer.headers == {"ETag": '"abc"'}
    assert answer.extra == {"current_etag": "abc"}


def test_an_unexpected_error_says_nothing_about_itself() -> None:
    answer = describe(RuntimeError("secret path /home/x"))
    assert (answer.status, answer.detail) == (500, "internal error")


def test_the_api_answers_json_with_detail(client: TestClient) -> None:
    missing = client.get("/api/v1/providers/finns-inte")
    assert missing.status_code == 404
    assert missing.json() == {"detail": "provider 'finns-inte' not found"}
    unknown = client.get(
        "/api/v1/find-help", params={"age": 15, "area": "ingenstans", "need": "somn"}
    )
    assert unknown.status_code == 404
    assert unknown.json()["detail"] == "area 'ingenstans' not found"


def test_a_page_answers_a_page_and_its_json_twin_the_same_error(client: TestClient) -> None:
    page = client.get("/mottagning/finns-inte")
    assert page.status_code == 404
    assert page.headers["content-type"].startswith("text/html")
    assert text(one(BeautifulSoup(page.text, "html.parser"), "h1")) == "Sidan finns inte"
    twin = client.get("/mottagning/finns-inte?format=json")
    assert twin.status_code == 404
    assert twin.json() == {"detail": "provider 'finns-inte' not found"}


def test_a_query_error_has_the_same_shape_from_a_page_and_the_api(client: TestClient) -> None:
    page = client.get("/proffs/sip?area=norra&age=abc&need=npf&format=json")
    assert page.status_code == 422
    [item] = [d for d in page.json()["detail"] if d["loc"] == ["query", "age"]]
    assert set(item) == {"loc", "msg", "type"} and item["type"] == "value_error"
