"""Every endpoint of API v1 through the app, over the small test registry."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from fastapi.testclient import TestClient


def test_find_help_shape_follows_the_contract(client: TestClient) -> None:
    body = client.get("/api/v1/find-help?age=15&area=Norra%20%C3%85by&need=nedstamdhet").json()
    assert body["query"] == {
        "age": 15,
        "area": {"id": "norra", "name": "Norra Åby"},
        "needs": ["nedstamdhet"],
        "urgency": "planerat",
        "confidential": False,
        "understood": True,
        "asker": "self",
    }
    assert body["emergency"] is None
    first = body["results"][0]
    assert set(first) >= {"provider", "reasons", "how_to_contact", "self_referral", "next_steps"}
    assert set(first["provider"]) >= {"id", "name", "kind", "level", "principal", "url"}
    assert first["provider"]["url"] == f"/mottagning/{first['provider']['id']}"
    step = next(r for r in body["results"] if r["next_steps"])["next_steps"][0]
    assert set(step) >= {"provider", "mechanism", "when"}


def test_find_help_emergency_object(client: TestClient) -> None:
    body = client.get(
        "/api/v1/find-help", params={"age": 13, "area": "sodra", "q": "vill dö"}
    ).json()
    emergency = body["emergency"]
    assert emergency["message"]
    assert {"112", "90101", "116 111"} <= {c["phone"] for c in emergency["contacts"]}
    assert all({"name", "phone"} <= set(c) for c in emergency["contacts"])
    assert "suicidtankar" in body["query"]["needs"]


def test_urgency_akut_alone_brings_the_block(client: TestClient) -> None:
    params = {"age": 15, "area": "norra", "need": "somn", "urgency": "akut"}
    assert client.get("/api/v1/find-help", params=params).json()["emergency"] is not None


def test_providers_list_filters_and_detail(client: TestClient) -> None:
    body = client.get("/api/v1/providers", params={"area": "norra", "age": 15}).json()
    ids = {p["id"] for p in body["providers"]}
    assert body["total"] == len(ids)
    assert "um-testkommun" in ids and "psykakut-test" not in ids and "nedlagd" not in ids
    only = client.get("/api/v1/providers", params={"kind": "bup"}).json()
    assert [p["id"] for p in only["providers"]] == ["bup-region-test"]
    page = client.get("/api/v1/providers", params={"limit": 2, "offset": 1}).json()
    assert len(page["providers"]) == 2 and page["total"] == 11

    detail = client.get("/api/v1/providers/vc-norra").json()
    assert detail["age_min"] is None and detail["age_max"] is None
    assert detail["areas"] == ["norra"]
    assert set(detail["needs"]) == {"oro_angest", "nedstamdhet", "somn", "stress", "npf"}
    assert detail["reviewed"] == "2026-10-01" and detail["verified"] is True
    assert detail["source"]
    assert [(f["provider"]["id"], f["mechanism"]) for f in detail["flows_out"]] == [
        ("bup-region-test", "remiss")
    ]
    assert [f["provider"]["id"] for f in detail["flows_in"]] == ["elevhalsa-norra"]


def test_vocabularies(client: TestClient) -> None:
    needs = client.get("/api/v1/needs").json()["needs"]
    assert {"id": "somn", "label": "Svårt att sova"} in needs
    assert len(needs) == 18
    kinds = client.get("/api/v1/kinds").json()["kinds"]
    assert len(kinds) == 19 and all({"id", "label"} <= set(k) for k in kinds)
    assert {"id": "vuxenpsykiatri", "level": "specialist"}.items() <= next(
        k for k in kinds if k["id"] == "vuxenpsykiatri"
    ).items()
    areas = client.get("/api/v1/areas").json()["areas"]
    norra = next(a for a in areas if a["id"] == "norra")
    assert norra == {
        "id": "norra",
        "name": "Norra Åby",
        "type": "stadsdel",
        "parent": "testkommun",
        "aliases": [],
        "code": None,
        "source": None,
    }


def test_routes_endpoint(client: TestClient) -> None:
    params = {"from": "elevhalsa", "to": "bup", "area": "norra", "age": 10, "need": "npf"}
    body = client.get("/api/v1/routes", params=params).json()
    step = body["routes"][0]["steps"][0]
    assert step["from"]["id"] == "elevhalsa-norra" and step["to"]["id"] == "bup-region-test"
    assert step["mechanism"] == "remiss"
    assert "samtycke_vardnadshavare" in step["requires"]
    assert step["note"]
    none = client.get("/api/v1/routes", params={"from": "bup", "to": "elevhalsa", "area": "norra"})
    assert none.json()["routes"] == []  # "also" (SIP, consultation) is additive


def test_sip_endpoint(client: TestClient) -> None:
    body = client.get("/api/v1/sip?area=norra&age=13&need=npf&need=skolfranvaro").json()
    principals = {p["provider"]["principal"] for p in body["participants"]}
    assert {"kommun", "region"} <= principals
    assert body["legal_basis"] and body["consent"]


def test_graph_in_three_formats(client: TestClient) -> None:
    data = client.get("/api/v1/graph?area=norra").json()
    nodes = {n["id"] for n in data["nodes"]}
    assert "vc-norra" in nodes and "elevhalsa-sodra" not in nodes
    assert {"source": "vc-norra", "target": "bup-region-test"}.items() <= next(
        link for link in data["links"] if link["source"] == "vc-norra"
    ).items()
    dot = client.get("/api/v1/graph?area=norra&format=dot")
    assert dot.headers["content-type"].startswith("text/vnd.graphviz")
    assert '"vc-norra" -> "bup-region-test"' in dot.text
    graphml = client.get("/api/v1/graph?need=npf&format=graphml")
    root = ET.fromstring(graphml.content)
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    graph_nodes = {n.get("id") for n in root.iterfind(".//g:node", ns)}
    assert "bup-region-test" in graph_nodes and "um-testkommun" not in graph_nodes


def test_audit_endpoint(client: TestClient) -> None:
    body = client.get("/api/v1/audit").json()
    assert {"stale", "unreachable", "dead_end", "ping_pong", "coverage_gap"} <= {
        f["code"] for f in body["findings"]
    }
    only = client.get("/api/v1/audit?code=unreachable").json()["findings"]
    assert [f["subjects"] for f in only] == [["remissmottagning"]]


def test_healthz_and_openapi(client: TestClient) -> None:
    assert client.get("/healthz").json() == {"status": "ok"}
    spec = client.get("/openapi.json").json()
    paths = spec["paths"]
    for path in [
        "/api/v1/find-help",
        "/api/v1/providers",
        "/api/v1/providers/{provider_id}",
        "/api/v1/areas",
        "/api/v1/needs",
        "/api/v1/kinds",
        "/api/v1/routes",
        "/api/v1/sip",
        "/api/v1/graph",
        "/api/v1/audit",
        "/healthz",
    ]:
        assert path in paths, path
    params = {p["name"] for p in paths["/api/v1/routes"]["get"]["parameters"]}
    assert {"from", "to", "area", "age", "need"} <= params
    assert "FindHelpOut" in spec["components"]["schemas"]


@pytest.mark.parametrize(
    ("url", "status", "parameter"),
    [
        ("/api/v1/find-help?age=-3&area=norra&need=somn", 422, "age"),
        ("/api/v1/find-help?age=26&area=norra&need=somn", 422, "age"),
        ("/api/v1/find-help?age=tio&area=norra&need=somn", 422, "age"),
        ("/api/v1/find-help?area=norra&need=somn", 422, "age"),
        ("/api/v1/find-help?age=12&need=somn", 422, "area"),
        ("/api/v1/find-help?age=12&area=norra&need=xyz", 422, "need"),
        ("/api/v1/find-help?age=12&area=norra", 422, "need"),
        ("/api/v1/find-help?age=12&area=norra&need=somn&urgency=nu", 422, "urgency"),
        ("/api/v1/find-help?age=12&area=norra&need=somn&limit=51", 422, "limit"),
        ("/api/v1/find-help?age=12&area=norra&q=" + "a" * 201, 422, "q"),
        ("/api/v1/find-help?age=12&area=norra&need=somn&confidential=kanske", 422, "confidential"),
        ("/api/v1/providers?kind=trollkarl", 422, "kind"),
        ("/api/v1/routes?from=elevhalsa&to=bup", 422, "area"),
        ("/api/v1/routes?to=bup&area=norra", 422, "from"),
        ("/api/v1/sip?area=norra&age=12", 422, "need"),
        ("/api/v1/graph?format=png", 422, "format"),
    ],
)
def test_bad_parameters_name_the_parameter(
    client: TestClient, url: str, status: int, parameter: str
) -> None:
    response = client.get(url)
    assert response.status_code == status
    detail = response.json()["detail"]
    assert any(parameter in error["loc"] for error in detail), detail


@pytest.mark.parametrize(
    ("url", "names"),
    [
        ("/api/v1/find-help?age=12&area=atlantis&need=somn", "atlantis"),
        ("/api/v1/providers/finns-inte", "finns-inte"),
        ("/api/v1/providers/nedlagd", "nedlagd"),
        ("/api/v1/providers?area=atlantis", "atlantis"),
        ("/api/v1/routes?from=hogwarts&to=bup&area=norra", "hogwarts"),
        ("/api/v1/sip?area=atlantis&age=12&need=npf", "atlantis"),
        ("/api/v1/graph?area=atlantis", "atlantis"),
    ],
)
def test_unknown_things_are_404_naming_them(client: TestClient, url: str, names: str) -> None:
    response = client.get(url)
    assert response.status_code == 404
    assert names in response.json()["detail"]


def test_security_headers(client: TestClient) -> None:
    response = client.get("/api/v1/needs")
    assert response.headers["x-content-type-options"] == "nosniff"
    assert "set-cookie" not in response.headers


@pytest.mark.parametrize(
    ("url", "model"),
    [
        ("/api/v1/find-help?age=15&area=norra&need=nedstamdhet", "FindHelpOut"),
        ("/api/v1/find-help?age=16&area=sodra&q=vill+inte+leva&confidential=true", "FindHelpOut"),
        ("/api/v1/find-help?age=15&area=testkommun&q=qwerty", "FindHelpOut"),
        ("/api/v1/providers?area=norra", "ProvidersOut"),
        ("/api/v1/providers/bup-region-test", "ProviderDetail"),
        ("/api/v1/routes?from=elevhalsa&to=bup&area=norra", "RoutesOut"),
        ("/api/v1/sip?area=norra&age=13&need=npf", "SipOut"),
        ("/api/v1/audit", "AuditOut"),
    ],
)
def test_answers_match_their_documented_models(client: TestClient, url: str, model: str) -> None:
    """Answers are built without re-validation for speed; this holds them to the schema."""
    from app import answers, schemas

    cls = getattr(schemas, model, None) or getattr(answers, model)
    strict = type(
        f"Strict{model}", (cls,), {"model_config": {**cls.model_config, "extra": "forbid"}}
    )
    body = client.get(url).json()
    strict.model_validate(body)
    assert cls.model_validate(body).model_dump(mode="json", by_alias=True) == body


def test_a_national_line_serves_every_region(client: TestClient) -> None:
    detail = client.get("/api/v1/providers/mind").json()
    assert detail["national"] is True
    assert detail["areas"] == ["region-test"]
    assert detail["phone"] == "90101"


def test_routes_with_no_provider_at_one_end_is_an_empty_answer(client: TestClient) -> None:
    # No school health unit takes a newborn: no route, and no server error.
    response = client.get("/api/v1/routes?from=elevhalsa&to=bup&area=norra&age=0")
    assert response.status_code == 200
    assert response.json() == {"routes": [], "also": []}
