"""The HSDS 3.0 API: every answer validates against HSDS's own schemas, and says what the
registry says (ages, areas, needs, contact, review date), no more."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from fastapi.testclient import TestClient

from pathways.registry import Registry
from pathways.vocab import Need
from tests.standards.schemas import errors, response_schema

# The documented namespace (docs/hsds.md), written out here so a change to it fails.
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://vardkedjan.se/standards")
LISTS = ["/services", "/organizations", "/service_at_locations", "/taxonomies", "/taxonomy_terms"]


def get(client: TestClient, path: str, **params: Any) -> Any:
    response = client.get(f"/api/hsds{path}", params=params)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("application/json")
    return response.json()


def valid(data: Any, path: str) -> Any:
    assert errors(data, response_schema(path)) == []
    return data


def all_pages(client: TestClient, path: str, **params: Any) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    page = 1
    while True:
        answer = valid(get(client, path, page=page, per_page=50, **params), path)
        out += answer["contents"]
        if answer["last_page"]:
            return out
        page += 1


def sid(provider_id: str) -> str:
    return str(uuid.uuid5(NAMESPACE, provider_id))


def test_root_says_hsds_3(client: TestClient) -> None:
    root = valid(get(client, "/"), "/")
    assert root["version"] == "3.0"
    assert root["openapi_url"].endswith("/openapi.json")


@pytest.mark.parametrize("path", LISTS)
def test_every_list_page_validates(bundled_client: TestClient, path: str) -> None:
    contents = all_pages(bundled_client, path)
    assert contents
    assert len({item["id"] for item in contents}) == len(contents)


def test_every_service_validates_in_full(bundled_client: TestClient, bundled: Registry) -> None:
    active = list(bundled.active())
    listed = all_pages(bundled_client, "/services")
    assert [s["id"] for s in listed] == [sid(p.id) for p in active]
    for item in listed:
        valid(get(bundled_client, f"/services/{item['id']}"), "/services/{id}")


def test_every_organization_and_location_validates(bundled_client: TestClient) -> None:
    for org in all_pages(bundled_client, "/organizations"):
        full = valid(get(bundled_client, f"/organizations/{org['id']}"), "/organizations/{id}")
        assert full["services"]
    for place in all_pages(bundled_client, "/service_at_locations"):
        full = get(bundled_client, f"/service_at_locations/{place['id']}")
        # HSDS's OpenAPI points this answer at the service bundle (an upstream slip);
        # the object it describes is a service_at_location.
        assert errors(full, "service_at_location.json") == []
        assert full["service"]["id"] == place["service_id"]


def test_every_taxonomy_and_term_validates(client: TestClient) -> None:
    for tax in all_pages(client, "/taxonomies"):
        assert errors(get(client, f"/taxonomies/{tax['id']}"), "taxonomy.json") == []
    for term in all_pages(client, "/taxonomy_terms"):
        assert errors(get(client, f"/taxonomy_terms/{term['id']}"), "taxonomy_term.json") == []


def test_needs_kinds_and_levels_are_taxonomies(client: TestClient) -> None:
    names = {t["name"] for t in all_pages(client, "/taxonomies")}
    assert {"vardkedjan-behov", "vardkedjan-verksamhetstyp", "vardkedjan-vardniva"} <= names
    terms = all_pages(client, "/taxonomy_terms")
    needs = {t["code"]: t["name"] for t in terms if t["taxonomy"] == "vardkedjan-behov"}
    assert needs["nedstamdhet"] == "Nedstämdhet, att må dåligt länge"
    assert set(needs) == {n.value for n in Need}
    assert {"bup", "elevhalsa"} <= {t["code"] for t in terms if t["taxonomy"].endswith("typ")}


def test_a_service_says_what_the_registry_says(client: TestClient, mini: Registry) -> None:
    um = mini.provider("um-testkommun")
    service = get(client, f"/services/{sid(um.id)}")
    assert service["name"] == um.name
    assert (service["minimum_age"], service["maximum_age"]) == (13, 24)
    assert service["eligibility_description"] == "För dig som är 13–24 år."
    assert service["assured_date"] == um.reviewed.isoformat()
    assert [a["uri"] for a in service["service_areas"]] == [
        f"urn:vardkedjan:area:{a}" for a in um.areas
    ]
    attrs = {
        (a["taxonomy_term"]["taxonomy"], a["taxonomy_term"]["code"]): a
        for a in service["attributes"]
    }
    assert {n.value for n in um.needs} == {c for t, c in attrs if t == "vardkedjan-behov"}
    assert attrs[("vardkedjan-register", "source")]["value"] == um.source
    assert attrs[("vardkedjan-register", "verified")]["value"] == str(um.verified).lower()
    assert ("vardkedjan-verksamhetstyp", "ungdomsmottagning") in attrs
    assert ("vardkedjan-sekretess", um.confidentiality.value) in attrs
    assert {lang["code"] for lang in service["languages"]} == set(um.languages)


def test_contact_is_exported_only_when_the_registry_has_it(
    bundled_client: TestClient, bundled: Registry
) -> None:
    for provider in bundled.active():
        service = get(bundled_client, f"/services/{sid(provider.id)}")
        numbers = [p["number"] for p in service["phones"]]
        assert numbers == ([provider.phone] if provider.phone else [])
        assert service.get("url") == provider.website
        assert service.get("email") == provider.email
        places = service["service_at_locations"]
        assert len(places) == (1 if provider.address or provider.website else 0)
        for place in places:
            assert [p["number"] for p in place.get("phones", [])] == numbers
            assert place["location"].get("description") == provider.address
            assert place["location"].get("url") == (None if provider.address else provider.website)


def test_a_national_line_serves_all_of_sweden(client: TestClient) -> None:
    mind = get(client, f"/services/{sid('mind')}")
    assert [a["uri"] for a in mind["service_areas"]] == ["urn:vardkedjan:area:national"]
    assert [p["number"] for p in mind["phones"]] == ["90101"]


def test_flows_out_are_attributes_naming_the_target_service(
    client: TestClient, mini: Registry
) -> None:
    service = get(client, f"/services/{sid('vc-norra')}")
    flows = {
        (a["taxonomy_term"]["code"], a["value"])
        for a in service["attributes"]
        if a["taxonomy_term"]["taxonomy"] == "vardkedjan-floden"
    }
    expected = {
        (data["flow"].mechanism.value, sid(target))
        for target, edges in mini.succ["vc-norra"].items()
        for data in edges.values()
    }
    assert flows == expected and flows


def test_retired_providers_are_not_services(client: TestClient) -> None:
    assert client.get(f"/api/hsds/services/{sid('nedlagd')}").status_code == 404


def test_organisations_are_the_principals(client: TestClient, mini: Registry) -> None:
    orgs = {o["name"]: o for o in all_pages(client, "/organizations")}
    assert {"Testkommun", "Region Test"} <= set(orgs)
    region = orgs["Region Test"]
    bup = get(client, f"/services/{sid('bup-region-test')}")
    assert bup["organization_id"] == region["id"]
    full = get(client, f"/organizations/{region['id']}")
    assert sid("bup-region-test") in {s["id"] for s in full["services"]}
    only = all_pages(client, "/services", organization_id=region["id"])
    assert {s["id"] for s in only} == {s["id"] for s in full["services"]}


def test_paging(bundled_client: TestClient) -> None:
    first = get(bundled_client, "/services", per_page=50)
    total = first["total_items"]
    assert (first["page_number"], first["size"], first["first_page"]) == (1, 50, True)
    assert first["total_pages"] == -(-total // 50) and not first["last_page"]
    last = get(bundled_client, "/services", per_page=50, page=first["total_pages"])
    assert last["last_page"] and last["size"] == total - 50 * (first["total_pages"] - 1)
    beyond = get(bundled_client, "/services", per_page=50, page=first["total_pages"] + 1)
    assert beyond["contents"] == [] and beyond["size"] == 0 and not beyond["empty"]


@pytest.mark.parametrize(
    ("params", "parameter"),
    [
        ({"per_page": 501}, "per_page"),
        ({"per_page": 0}, "per_page"),
        ({"page": 0}, "page"),
        ({"modified_after": "igår"}, "modified_after"),
        ({"taxonomy_term_id": "nedstamdhet"}, "taxonomy_term_id"),
        ({"organization_id": "region-test"}, "organization_id"),
    ],
)
def test_bad_parameters_are_422_naming_them(
    client: TestClient, params: dict[str, Any], parameter: str
) -> None:
    for path in ("/services", "/service_at_locations"):
        response = client.get(f"/api/hsds{path}", params=params)
        assert response.status_code == 422
        detail = response.json()["detail"]
        assert detail[0]["loc"] == ["query", parameter] and detail[0]["msg"]


def test_unknown_ids_are_404(client: TestClient) -> None:
    unknown = str(uuid.uuid4())
    for path in [
        "/services",
        "/organizations",
        "/service_at_locations",
        "/taxonomies",
        "/taxonomy_terms",
    ]:
        response = client.get(f"/api/hsds{path}/{unknown}")
        assert response.status_code == 404 and unknown in response.json()["detail"]
    response = client.get("/api/hsds/services", params={"taxonomy_term_id": unknown})
    assert response.status_code == 404


def test_filter_by_taxonomy_term(bundled_client: TestClient, bundled: Registry) -> None:
    terms = all_pages(bundled_client, "/taxonomy_terms", search="ätstörning")
    (term,) = [t for t in terms if t["code"] == "atstorning"]
    found = {s["id"] for s in all_pages(bundled_client, "/services", taxonomy_term_id=term["id"])}
    assert found == {sid(p.id) for p in bundled.active() if p.handles(Need.atstorning)}
    places = all_pages(bundled_client, "/service_at_locations", taxonomy_term_id=term["id"])
    located = {sid(p.id) for p in bundled.active() if p.address or p.website}
    assert {p["service_id"] for p in places} == found & located


def test_filter_by_search_and_modified_after(client: TestClient, mini: Registry) -> None:
    found = all_pages(client, "/services", search="ungdomsmottagning")
    assert sid("um-testkommun") in {s["id"] for s in found}
    assert all_pages(client, "/services", search="finns inte någonstans") == []
    since = all_pages(client, "/services", modified_after="2026-10-15")
    assert {s["id"] for s in since} == {
        sid(p.id) for p in mini.active() if p.reviewed.isoformat() >= "2026-10-15"
    }
    same = all_pages(client, "/services", modified_after="2026-10-14T12:00:00+02:00")
    assert {s["id"] for s in same} == {s["id"] for s in since}
    assert all_pages(client, "/services", modified_after="2099-01-01T00:00:00Z") == []


def test_full_list_items_are_the_full_services(client: TestClient) -> None:
    page = get(client, "/services", full="true", per_page=3)
    for item in page["contents"]:
        assert item == get(client, f"/services/{item['id']}")
