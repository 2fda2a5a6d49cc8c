"""The OpenAPI document describes the standards' routes, and they answer for a generated
registry the shape of a region too (the national one is measured in bench/standards.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from app.factory import create_app
from bench.generate import dump, generate
from pathways.registry import Registry
from tests.standards.schemas import errors, response_schema

HSDS = ["/services", "/organizations", "/service_at_locations", "/taxonomies", "/taxonomy_terms"]
FHIR = ["/HealthcareService", "/Organization", "/Location"]


def test_openapi_documents_the_routes_and_their_answers(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for path in ["", *HSDS, *(f"{p}/{{id}}" for p in HSDS)]:
        operation = paths[f"/api/hsds{path or '/'}"]["get"]
        assert "$ref" in str(operation["responses"]["200"]["content"]["application/json"]["schema"])
        if "{id}" in path:
            assert "404" in operation["responses"]
    assert "422" in paths["/api/hsds/services"]["get"]["responses"]
    for path in ["/metadata", *FHIR, *(f"{p}/{{id}}" for p in FHIR)]:
        responses = paths[f"/api/fhir{path}"]["get"]["responses"]
        assert "$ref" in str(responses["200"]["content"]["application/fhir+json"]["schema"])
        error = "404" if "{id}" in path else "400" if path != "/metadata" else None
        if error:
            assert "application/fhir+json" in responses[error]["content"]


@pytest.fixture(scope="module")
def regional(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    path: Path = tmp_path_factory.mktemp("gen") / "generated.yaml"
    path.write_text(dump(generate(kommuner=4)), encoding="utf-8")
    with TestClient(create_app(Registry.from_file(path))) as client:
        yield client


@pytest.mark.parametrize("path", HSDS)
def test_a_generated_registry_answers_valid_hsds(regional: TestClient, path: str) -> None:
    page = regional.get(f"/api/hsds{path}", params={"per_page": 50, "page": 2}).json()
    assert errors(page, response_schema(path)) == []
    if path == "/services":
        assert page["total_items"] > 100 and page["size"] == 50
        for item in page["contents"][:10]:
            full = regional.get(f"/api/hsds/services/{item['id']}").json()
            assert errors(full, response_schema("/services/{id}")) == []


def test_a_generated_registry_answers_fhir(regional: TestClient) -> None:
    from fhir.resources.R4B.bundle import Bundle

    answer = regional.get("/api/fhir/HealthcareService", params={"_count": 50, "_offset": 50})
    bundle = Bundle.model_validate(answer.json())
    assert bundle.total and bundle.total > 100 and len(bundle.entry or []) == 50
