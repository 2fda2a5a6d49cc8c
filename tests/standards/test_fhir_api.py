"""The FHIR R4 API: every answer parses with fhir.resources, and says what the registry says."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from fastapi.testclient import TestClient
from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.capabilitystatement import CapabilityStatement
from fhir.resources.R4B.healthcareservice import HealthcareService
from fhir.resources.R4B.location import Location
from fhir.resources.R4B.operationoutcome import OperationOutcome
from fhir.resources.R4B.organization import Organization

from pathways.registry import Registry
from pathways.vocab import Kind

NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://vardkedjan.se/standards")
MODELS = {
    "HealthcareService": HealthcareService,
    "Organization": Organization,
    "Location": Location,
}


def sid(provider_id: str) -> str:
    return str(uuid.uuid5(NAMESPACE, provider_id))


def fhir_get(client: TestClient, path: str, status: int = 200, **params: Any) -> Any:
    response = client.get(f"/api/fhir{path}", params=params or None)  # {} drops the URL's query
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/fhir+json")
    return response.json()


def search(client: TestClient, kind: str, **params: Any) -> list[Any]:
    """Every resource of a search, following the Bundle's next links; each page parsed."""
    found: list[Any] = []
    bundle = Bundle.model_validate(fhir_get(client, f"/{kind}", **params))
    while True:
        assert bundle.type == "searchset"
        for entry in bundle.entry or []:
            resource = entry.resource
            assert isinstance(resource, MODELS[kind])
            assert entry.fullUrl.endswith(f"/{kind}/{resource.id}")
            found.append(resource)
        following = [link.url for link in bundle.link or [] if link.relation == "next"]
        assert len(found) <= bundle.total
        if not following:
            assert len(found) == bundle.total
            return found
        path = following[0].split("/api/fhir", 1)[1]
        bundle = Bundle.model_validate(fhir_get(client, path))


def test_capability_statement(client: TestClient) -> None:
    statement = CapabilityStatement.model_validate(fhir_get(client, "/metadata"))
    assert statement.fhirVersion == "4.0.1" and "application/fhir+json" in statement.format
    resources = {r.type: r for r in statement.rest[0].resource}
    assert set(resources) == set(MODELS)
    params = {p.name for p in resources["HealthcareService"].searchParam}
    assert {"_id", "_count", "service-category", "organization", "active"} <= params


@pytest.mark.parametrize("kind", list(MODELS))
def test_every_resource_parses_and_reads_back(bundled_client: TestClient, kind: str) -> None:
    resources = search(bundled_client, kind, _count=40)
    assert resources
    for resource in resources:
        again = MODELS[kind].model_validate(fhir_get(bundled_client, f"/{kind}/{resource.id}"))
        assert again == resource


def test_every_active_provider_is_a_healthcare_service(
    bundled_client: TestClient, bundled: Registry
) -> None:
    services = search(bundled_client, "HealthcareService", _count=500)
    assert [s.id for s in services] == [sid(p.id) for p in bundled.active()]
    assert all(s.active for s in services)


def test_a_service_says_what_the_registry_says(client: TestClient, mini: Registry) -> None:
    um = mini.provider("um-testkommun")
    service = HealthcareService.model_validate(fhir_get(client, f"/HealthcareService/{sid(um.id)}"))
    assert service.name == um.name
    assert service.identifier[0].value == um.id
    assert [c.coding[0].code for c in service.category] == [um.kind.value, um.level.value]
    assert {t.coding[0].code for t in service.type} == {n.value for n in um.needs}
    assert service.eligibility[0].comment == "För dig som är 13–24 år."
    areas = search(
        client, "Location", _id=",".join(r.reference.split("/")[1] for r in service.coverageArea)
    )
    assert {a.identifier[0].value for a in areas} == set(um.areas)
    extensions = {e.url.rsplit(":", 1)[1]: e for e in service.extension}
    assert extensions["source"].valueString == um.source
    assert extensions["verified"].valueBoolean is um.verified
    telecom = {t.system: t.value for t in service.telecom or []}
    assert telecom.get("phone") == um.phone and telecom.get("url") == um.website
    org = Organization.model_validate(fhir_get(client, f"/{service.providedBy.reference}"))
    assert org.name == "Testkommun och Region Test" or org.name in {"Testkommun", "Region Test"}


def test_search_by_category_organization_and_id(
    bundled_client: TestClient, bundled: Registry
) -> None:
    akut = search(bundled_client, "HealthcareService", **{"service-category": "bup_akut"})
    assert {s.id for s in akut} == {sid(p.id) for p in bundled.of_kind(Kind.bup_akut)}
    system = "urn:vardkedjan:codesystem:kind|bup_akut"
    same = search(bundled_client, "HealthcareService", **{"service-category": system})
    assert {s.id for s in same} == {s.id for s in akut}
    both = search(bundled_client, "HealthcareService", **{"service-category": "bup_akut,bup"})
    assert len(both) > len(akut)
    no_system = search(bundled_client, "HealthcareService", **{"service-category": "|bup_akut"})
    assert {s.id for s in no_system} == {s.id for s in akut}
    other = search(bundled_client, "HealthcareService", **{"service-category": "urn:x|bup_akut"})
    assert other == []
    owner = akut[0].providedBy.reference
    mine = search(bundled_client, "HealthcareService", organization=owner)
    assert mine and all(s.providedBy.reference == owner for s in mine)
    bare = search(bundled_client, "HealthcareService", organization=owner.split("/")[1])
    assert [s.id for s in bare] == [s.id for s in mine]
    picked = search(bundled_client, "HealthcareService", _id=f"{akut[0].id},{sid('nothing')}")
    assert [s.id for s in picked] == [akut[0].id]
    assert search(bundled_client, "HealthcareService", active="false") == []
    assert len(search(bundled_client, "HealthcareService", active="true", _count=500)) > 100


def test_paging_links_keep_the_search(bundled_client: TestClient) -> None:
    first = fhir_get(bundled_client, "/HealthcareService", _count=2, **{"service-category": "bup"})
    (following,) = [link["url"] for link in first["link"] if link["relation"] == "next"]
    assert "service-category=bup" in following and "_offset=2" in following
    total_only = Bundle.model_validate(fhir_get(bundled_client, "/HealthcareService", _count=0))
    assert total_only.total > 0 and not total_only.entry


@pytest.mark.parametrize(
    ("path", "params", "status", "code"),
    [
        ("/HealthcareService", {"_count": "many"}, 400, "invalid"),
        ("/HealthcareService", {"_count": "501"}, 400, "invalid"),
        ("/HealthcareService", {"_offset": "-1"}, 400, "invalid"),
        ("/HealthcareService", {"active": "maybe"}, 400, "invalid"),
        ("/Organization", {"_count": "x"}, 400, "invalid"),
        ("/HealthcareService/unknown", {}, 404, "not-found"),
        ("/Organization/unknown", {}, 404, "not-found"),
        ("/Location/unknown", {}, 404, "not-found"),
        ("/Patient", {}, 404, "not-supported"),
    ],
)
def test_errors_are_operation_outcomes(
    client: TestClient, path: str, params: dict[str, str], status: int, code: str
) -> None:
    problem = OperationOutcome.model_validate(fhir_get(client, path, status, **params))
    assert problem.issue[0].code == code and problem.issue[0].diagnostics
