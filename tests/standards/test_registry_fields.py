"""The registry's later fields in both standards: SCB area codes, national stand-ins
(`fallback`), a provider's public sources and every kind and cost as a taxonomy term."""

from __future__ import annotations

import uuid
from typing import Any

from fastapi.testclient import TestClient

from pathways.queries.sources import public_sources
from pathways.registry import Registry
from pathways.standards.fhir import area_location_id
from pathways.standards.taxonomy import TAXONOMIES, Tax
from pathways.vocab import Access, Confidentiality, Cost, Kind
from tests.standards.schemas import errors, response_schema

NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://vardkedjan.se/standards")


def sid(provider_id: str) -> str:
    return str(uuid.uuid5(NAMESPACE, provider_id))


def hsds(client: TestClient, path: str, template: str, **params: Any) -> Any:
    response = client.get(f"/api/hsds{path}", params=params)
    assert response.status_code == 200, response.text
    assert errors(response.json(), response_schema(template)) == []
    return response.json()


def fhir(client: TestClient, path: str) -> Any:
    response = client.get(f"/api/fhir{path}")
    assert response.status_code == 200, response.text
    return response.json()


def facts(service: dict[str, Any], code: str) -> list[str]:
    return [
        a.get("value", "")
        for a in service["attributes"]
        if a["taxonomy_term"]["taxonomy"] == Tax.registry.value
        and a["taxonomy_term"]["code"] == code
    ]


def test_every_vocabulary_value_is_a_term() -> None:
    for tax, vocabulary in [
        (Tax.kind, Kind),
        (Tax.cost, Cost),
        (Tax.access, Access),
        (Tax.confidentiality, Confidentiality),
    ]:
        assert set(TAXONOMIES[tax][1]) == {v.value for v in vocabulary}, tax


def test_a_new_kind_is_a_taxonomy_term(bundled_client: TestClient) -> None:
    terms = hsds(bundled_client, "/taxonomy_terms", "/taxonomy_terms", search="Vuxenpsykiatrin")
    codes = {(t["taxonomy"], t["code"]) for t in terms["contents"]}
    assert (Tax.kind.value, Kind.vuxenpsykiatri.value) in codes


def test_area_codes_are_carried_on_service_areas(
    bundled_client: TestClient, bundled: Registry
) -> None:
    provider = next(
        p for p in bundled.active() if not p.national and bundled.areas[p.areas[0]].code
    )
    area = bundled.areas[provider.areas[0]]
    service = hsds(bundled_client, f"/services/{sid(provider.id)}", "/services/{id}")
    first = service["service_areas"][0]
    assert first["uri"] == f"urn:vardkedjan:area:{area.id}"
    assert [a["value"] for a in first["attributes"]] == [area.code]
    assert first["attributes"][0]["link_entity"] == "service_area"


def test_kommuner_and_regions_carry_their_scb_code(
    bundled_client: TestClient, bundled: Registry
) -> None:
    region = next(a for a in bundled.areas.values() if a.type == "region" and a.code)
    orgs = hsds(bundled_client, "/organizations", "/organizations", search=region.name)
    org = next(o for o in orgs["contents"] if o["name"] == region.name)
    full = hsds(bundled_client, f"/organizations/{org['id']}", "/organizations/{id}")
    assert [(i["identifier_type"], i["identifier"]) for i in full["organization_identifiers"]] == [
        ("SCB länskod", region.code)
    ]
    resource = fhir(bundled_client, f"/Organization/{org['id']}")
    assert {"system": "urn:vardkedjan:scb:lanskod", "value": region.code} in resource["identifier"]
    places = fhir(bundled_client, f"/Location?_count=500&_id={area_location_id(region.id)}")
    (entry,) = places["entry"]
    assert {"system": "urn:vardkedjan:scb:lanskod", "value": region.code} in entry["resource"][
        "identifier"
    ]


def test_fallback_and_public_sources(bundled_client: TestClient, bundled: Registry) -> None:
    stand_in = next(p for p in bundled.active() if p.fallback)
    service = hsds(bundled_client, f"/services/{sid(stand_in.id)}", "/services/{id}")
    assert facts(service, "fallback") == ["true"]
    assert facts(service, "public_source") == list(public_sources(stand_in))
    attribute_ids = [a["id"] for a in service["attributes"]]
    assert len(set(attribute_ids)) == len(attribute_ids)
    resource = fhir(bundled_client, f"/HealthcareService/{sid(stand_in.id)}")
    urls = {e["url"]: e for e in resource["extension"]}
    assert urls["urn:vardkedjan:extension:fallback"]["valueBoolean"] is True
    local = next(p for p in bundled.active() if not p.fallback)
    service = hsds(bundled_client, f"/services/{sid(local.id)}", "/services/{id}")
    assert facts(service, "fallback") == []
