"""Pages for professionals, read as HTML over the bundled registry, for every area."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup
from fastapi.testclient import TestClient

from pathways.registry import Registry
from tests.app.html import get_page, one, tel_links, text
from tests.test_bundled import CONTRACT_AREAS

SVG = "{http://www.w3.org/2000/svg}"
KOMMUNER = sorted(
    ["stockholm", "alingsas", "lerum", "goteborg", "harryda", "molndal", "partille", "ockero"]
)
ALL_AREAS = sorted(CONTRACT_AREAS)


@pytest.mark.parametrize("area", KOMMUNER)
def test_school_health_reports_to_social_services_in_every_kommun(
    bundled_client: TestClient, area: str
) -> None:
    soup = get_page(
        bundled_client,
        f"/proffs/remissvagar?from=elevhalsa&to=socialtjanst&area={area}&age=9&need=vald_overgrepp",
    )
    steps = soup.select("article.route li.route-step")
    assert "orosanmalan" in {str(s["data-mechanism"]) for s in steps}
    report = next(s for s in steps if s["data-mechanism"] == "orosanmalan")
    # Who does what and what to send, in words.
    terms = [text(dt) for dt in report.select("dt")]
    assert {"Vem gör vad", "Skicka med"} <= set(terms)


def test_route_checker_explains_consent_for_a_referral(bundled_client: TestClient) -> None:
    soup = get_page(
        bundled_client, "/proffs/remissvagar?from=elevhalsa&to=bup&area=kungsholmen&age=10&need=npf"
    )
    mechanisms = {str(s["data-mechanism"]) for s in soup.select("li.route-step")}
    assert mechanisms & {"remiss", "egenremiss", "hanvisning"}
    api = bundled_client.get(
        "/api/v1/routes?from=elevhalsa&to=bup&area=kungsholmen&age=10&need=npf&limit=5"
    ).json()
    assert len(soup.select("article.route")) == len(api["routes"])


def test_route_checker_without_area_for_a_kind_names_the_field(bundled_client: TestClient) -> None:
    soup = get_page(bundled_client, "/proffs/remissvagar?from=elevhalsa&to=bup", status=422)
    assert one(soup, "#area")["aria-invalid"] == "true"
    assert text(one(soup, "#area-error"))


@pytest.mark.parametrize("area", ALL_AREAS)
def test_duty_to_report_names_the_social_services_of_every_area(
    bundled_client: TestClient, bundled: Registry, area: str
) -> None:
    soup = get_page(bundled_client, f"/proffs/orosanmalan?area={area}")
    duty = " ".join(text(li) for li in soup.select("ul.duty li"))
    assert "misstanke" in duty and "personlig" in duty
    assert "§" not in duty  # DOMAIN.md: the new act's paragraph numbers are unverified
    units = [str(a["href"]).rsplit("/", 1)[-1] for a in soup.select(".unit h3 a")]
    kinds = {bundled.providers[u].kind for u in units}
    assert "socialtjanst" in kinds
    assert all(bundled.in_area(bundled.providers[u], area) for u in units)
    assert {"112", "90101"} <= tel_links(soup)


def test_sip_for_npf_and_school_absence_brings_both_principals(
    bundled_client: TestClient,
) -> None:
    soup = get_page(bundled_client, "/proffs/sip?area=alingsas&age=13&need=npf&need=skolfranvaro")
    principals = {str(li["data-principal"]) for li in soup.select("ul.participants li")}
    assert {"kommun", "region"} <= principals
    headings = [text(h) for h in soup.select("main h3")]
    assert headings[:2] == ["Kommunen", "Regionen"]
    assert soup.select(".checklist ol li")
    assert "samtycke" in text(one(soup, 'section[aria-labelledby="law-title"]'))
    response = bundled_client.get("/proffs/sip?area=alingsas&age=13&need=npf")
    assert response.headers["cache-control"] == "no-store"


@pytest.mark.parametrize("area", ALL_AREAS)
def test_sip_page_works_for_every_area(bundled_client: TestClient, area: str) -> None:
    soup = get_page(
        bundled_client, f"/proffs/sip?area={area}&age=12&need=npf&need=familj_relationer"
    )
    assert soup.select("ul.participants li")


@pytest.mark.parametrize("area", ALL_AREAS)
def test_map_has_every_provider_and_every_flow_of_the_area(
    bundled_client: TestClient, bundled: Registry, area: str
) -> None:
    response = bundled_client.get(f"/karta.svg?area={area}")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("image/svg+xml")
    assert "attachment" in response.headers["content-disposition"]
    svg = ET.fromstring(response.text)
    boxes = {g.get("data-provider") for g in svg.iter(f"{SVG}g") if g.get("data-provider")}
    expected = {p.id for p in bundled.within(area)}
    assert boxes == expected
    arrows = {
        (p.get("data-from"), p.get("data-to"), p.get("data-mechanism"))
        for p in svg.iter()
        if p.get("data-from")
    }
    flows = {
        (u, v, data["flow"].mechanism.value)
        for u, v, data in bundled.graph.edges(data=True)
        if u in expected and v in expected and u != v
    }
    assert arrows == flows


def test_map_page_inlines_the_svg_and_the_same_content_as_text(
    bundled_client: TestClient, bundled: Registry
) -> None:
    soup = get_page(bundled_client, "/karta?area=alingsas&need=npf")
    svg = one(soup, ".map-scroll svg")
    assert svg.find("title") is not None
    listed = {str(a["href"]).rsplit("/", 1)[-1] for a in soup.select("#map-text ul a")}
    assert listed == {p.id for p in bundled.within("alingsas")}
    rows = soup.select("#map-text table.flows tbody tr")
    assert len(rows) == len(
        {(s["data-from"], s["data-to"], s["data-mechanism"]) for s in svg.select("[data-from]")}
    )
    assert soup.select("#map-text tr.highlighted")
    assert soup.select(".forums li"), "the collaboration forums of the area are shown"
    download = one(soup, "a[download]")
    assert str(download["href"]).startswith("/karta.svg?")


def test_map_json_twin_and_graph_api(bundled_client: TestClient) -> None:
    data = bundled_client.get("/karta?area=lerum&format=json").json()
    assert data
    graph = bundled_client.get("/api/v1/graph?area=lerum&format=json").json()
    assert graph["nodes"]


@pytest.mark.parametrize(
    "url",
    [
        "/proffs",
        "/proffs/remissvagar?from=elevhalsa&to=bup&area=farsta",
        "/proffs/orosanmalan?area=lerum",
        "/proffs/sip?area=lerum&age=10&need=npf",
        "/karta?area=lerum",
    ],
)
def test_professional_pages_have_json_twins_and_english(
    bundled_client: TestClient, url: str
) -> None:
    soup = get_page(bundled_client, url)
    alternate = one(soup, 'link[rel="alternate"][type="application/json"]')
    assert bundled_client.get(str(alternate["href"])).headers["content-type"] == "application/json"
    english = get_page(bundled_client, f"/en{url}")
    assert english.html is not None and english.html["lang"] == "en"
    assert text(one(english, "h1")) != text(one(soup, "h1"))
    assert not BeautifulSoup(bundled_client.get(url).text, "html.parser").select("script")
