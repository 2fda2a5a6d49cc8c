"""find-help is answered by a plain route that reads its parameters with `app.query_model`,
not FastAPI's parameter model: it must read every query string exactly as FastAPI would,
refusals included, keep the methods it answers and stay documented as before."""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import parse_qsl

import pytest
from fastapi import FastAPI, Query, Request
from fastapi.testclient import TestClient
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, Field

from app import errors
from app.query_model import QueryModel, query_pairs
from app.routers.api_v1 import FindHelpQuery

QUERIES = [
    "age=15&area=norra&need=somn",
    "age=15&area=norra&need=somn&need=stress&need=somn",
    "age=15&area=Norra%20%C3%85by&q=kan+inte+sova",
    "age=15&area=norra&q=",
    "age=15&area=norra&q=%C3%A5ngest&q=sista",  # a repeated value: the last one counts
    "age=15&age=16&area=norra&need=somn",
    "age=15&area=norra&need=somn&confidential=1&urgency=snart&asker=parent&limit=7",
    "age=15&area=norra&need=somn&confidential=yes&limit=50",
    "age=15&area=norra&need=somn&utm_source=x&utm_source=y&other=z",  # extras
    "age=15&area=norra&need=somn&need=",
    "",
    "age=&area=&need=",
    "age=-3&area=norra&need=somn",
    "age=26&area=norra&need=somn",
    "age=tio&area=norra&need=somn",
    "area=norra&need=somn",
    "age=12&need=somn&extra=1",
    "age=12&area=norra&need=xyz&need=somn",
    "age=12&area=norra&need=somn&urgency=nu",
    "age=12&area=norra&need=somn&limit=51&limit=0",
    "age=12&area=norra&q=" + "a" * 201,
    "age=12&area=norra&need=somn&confidential=kanske",
    "age=12&area=norra&need=somn&asker=grannen",
    "age=1%FF2&area=%FF&need=somn",  # not UTF-8
    "age=12&area=" + "x" * 101 + "&need=somn",
    "age=12&area=norra&need=somn;asker=parent&&=&a",
]


def twin_apps() -> tuple[TestClient, TestClient]:
    """The same model read by FastAPI and by `QueryModel`, each echoing what it read,
    with the service's own error answers."""
    by_fastapi, by_us = FastAPI(), FastAPI()
    reader = QueryModel(FindHelpQuery)

    @by_fastapi.get("/q")
    async def fastapi_reads(query: Annotated[FindHelpQuery, Query()]) -> dict[str, Any]:
        return query.model_dump(mode="json")

    @by_us.get("/q")
    async def we_read(request: Request) -> dict[str, Any]:
        return reader.read(query_pairs(request.scope["query_string"])).model_dump(mode="json")

    for app in (by_fastapi, by_us):
        errors.install(app)
    return TestClient(by_fastapi), TestClient(by_us)


@pytest.mark.parametrize("query", QUERIES)
def test_find_help_parameters_are_read_as_fastapi_reads_them(query: str) -> None:
    by_fastapi, by_us = twin_apps()
    expected = by_fastapi.get(f"/q?{query}")
    answer = by_us.get(f"/q?{query}")
    assert (answer.status_code, answer.json()) == (expected.status_code, expected.json())


def test_the_queries_cover_answers_and_refusals() -> None:
    by_fastapi, _ = twin_apps()
    statuses = {by_fastapi.get(f"/q?{query}").status_code for query in QUERIES}
    assert statuses == {200, 422}


def test_find_help_refuses_as_before(client: TestClient) -> None:
    answer = client.get("/api/v1/find-help?age=tio&area=norra&need=somn&need=xyz")
    assert answer.status_code == 422
    assert [e["loc"] for e in answer.json()["detail"]] == [["query", "age"], ["query", "need", 1]]


def test_find_help_parameters_stay_documented(client: TestClient) -> None:
    operation = client.get("/openapi.json").json()["paths"]["/api/v1/find-help"]["get"]
    names = {p["name"] for p in operation["parameters"]}
    assert names == {"age", "area", "need", "q", "urgency", "confidential", "limit", "asker"}
    assert operation["operationId"] == "get_find_help_api_v1_find_help_get"


class Aliased(BaseModel):
    value: int = Field(alias="v")


def test_models_it_cannot_read_as_fastapi_does_are_refused() -> None:
    with pytest.raises(TypeError, match="aliases"):
        QueryModel(Aliased)


@pytest.mark.parametrize("method", ["HEAD", "POST", "PUT", "OPTIONS"])
def test_find_help_answers_get_only_as_before(client: TestClient, method: str) -> None:
    answer = client.request(method, "/api/v1/find-help?age=15&area=norra&need=somn")
    assert answer.status_code == 405
    assert answer.headers["allow"] == "GET"


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="ab=&+%;2Ff0 åé\x00\xff", max_size=30))
def test_query_strings_are_split_as_starlette_splits_them(text: str) -> None:
    raw = text.encode("utf-8")
    assert query_pairs(raw) == parse_qsl(raw.decode("latin-1"), keep_blank_values=True)


@pytest.mark.parametrize("query", QUERIES)
def test_the_example_queries_are_split_as_starlette_splits_them(query: str) -> None:
    raw = query.encode("latin-1")
    assert query_pairs(raw) == parse_qsl(query, keep_blank_values=True)
