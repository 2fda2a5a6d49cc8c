"""No input gives the standards' routes a 500; FHIR errors stay FHIR."""

from __future__ import annotations

from urllib.parse import urlencode

from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

ENDPOINTS = [
    "/api/hsds/services",
    "/api/hsds/services/x",
    "/api/hsds/service_at_locations",
    "/api/hsds/organizations",
    "/api/hsds/taxonomy_terms",
    "/api/fhir/HealthcareService",
    "/api/fhir/HealthcareService/x",
    "/api/fhir/Organization",
    "/api/fhir/Location",
]
NAMES = ["page", "per_page", "search", "taxonomy_term_id", "taxonomy_id", "organization_id"]
NAMES += ["modified_after", "full", "parent_id", "_count", "_offset", "_id"]
NAMES += ["service-category", "organization", "active"]
VALUES = st.one_of(
    st.text(max_size=120),
    st.integers(-(10**9), 10**9).map(str),
    st.sampled_from(
        [
            "",
            "true",
            "bup",
            "0",
            "500",
            "501",
            "2026-13-01",
            "9999-12-31T23:59:59-12:00",
            "0001-01-01T00:00:00+14:00",
            "4e934d56-eb07-5704-b6e1-77863bd8b01f",
            "%00",
        ]
    ),
)


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    endpoint=st.sampled_from(ENDPOINTS),
    params=st.lists(st.tuples(st.sampled_from(NAMES), VALUES), max_size=5),
)
def test_no_request_gives_a_server_error(
    client: TestClient, endpoint: str, params: list[tuple[str, str]]
) -> None:
    response = client.get(f"{endpoint}?{urlencode(params)}")
    assert response.status_code < 500, (endpoint, params, response.text)
    if endpoint.startswith("/api/fhir"):
        assert response.headers["content-type"].startswith("application/fhir+json")
        if response.status_code >= 400:
            assert response.json()["resourceType"] == "OperationOutcome"
    elif response.status_code >= 400:
        assert "detail" in response.json()
