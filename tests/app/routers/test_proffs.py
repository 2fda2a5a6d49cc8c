"""Pages for professionals, read as HTML over the bundled registry, for every area."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup
from fastapi.testclient import TestClient

from app.routers.public import FIRST_PLACES
from pathways.orgmap.path import HOPS
from pathways.registry import Registry
from pathways.vocab import Kind
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
    assert {"Du gör", "Mottagaren behöver", "Skicka med"} <= set(terms)


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
    assert headings[:3] == ["Barnet och familjen", "Kommunen", "Regionen"]
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
def test_map_has_every_kind_and_every_flow_of_the_area(
    bundled_client: TestClient, bundled: Registry, area: str
) -> None:
    response = bundled_client.get(f"/karta.svg?area={area}")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("image/svg+xml")
    assert "attachment" in response.headers["content-disposition"]
    svg = ET.fromstring(response.text)
    groups = [g for g in svg.iter(f"{SVG}g") if g.get("data-kind")]
    box_of = {u: g.get("id") for g in groups for u in (g.get("data-units") or "").split()}
    expected = {p.id for p in bundled.within(area)}
    assert set(box_of) == expected
    assert {g.get("data-kind") for g in groups} == {p.kind.value for p in bundled.within(area)}
    arrows = {
        (p.get("data-from"), p.get("data-to"), m)
        for p in svg.iter()
        if p.get("data-from")
        for m in (p.get("data-mechanisms") or "").split()
    }
    flows = {
        (box_of[u][2:], box_of[v][2:], data["flow"].mechanism.value)
        for u, v, data in bundled.graph.edges(data=True)
        if u in expected and v in expected
    }
    assert arrows == flows


def test_map_page_inlines_the_svg_and_the_same_content_as_text(
    bundled_client: TestClient, bundled: Registry
) -> None:
    soup = get_page(bundled_client, "/karta?area=alingsas&need=npf")
    svg = one(soup, ".map-scroll svg")
    assert svg.find("title") is not None
    listed = {str(a["href"]).rsplit("/", 1)[-1] for a in soup.select("#map-text ul a")}
    assert {p.id for p in bundled.within("alingsas")} <= listed
    rows = soup.select("#map-text table.flows tbody tr")
    assert len(rows) == len(svg.select("path[data-from]"))
    assert soup.select("#map-text tr.highlighted")
    assert soup.select(".forums li"), "the collaboration forums of the area are shown"
    download = one(soup, "a[download]")
    assert str(download["href"]).startswith("/karta.svg?")


def test_a_kind_opens_its_unit_map(bundled_client: TestClient, bundled: Registry) -> None:
    soup = get_page(bundled_client, "/karta?area=stockholm")
    link = next(a for a in soup.select(".map-scroll svg a") if "kind=socialtjanst" in a["href"])
    units = get_page(bundled_client, str(link["href"]))
    drawn = {g["data-provider"] for g in units.select('.map-scroll g[data-kind="socialtjanst"]')}
    assert drawn == {p.id for p in bundled.of_kind(Kind.socialtjanst, "stockholm")}
    bad = bundled_client.get("/karta?area=stockholm&kind=hogwarts")
    assert bad.status_code == 422 and "kind" in bad.text


@pytest.mark.parametrize(
    ("area", "need", "age"),
    [
        ("stockholm", "nedstamdhet", 15),
        ("skarpnack", "oro_angest", 12),
        ("alingsas", "npf", 9),
        ("goteborg-hisingen", "alkohol_droger", 16),
        ("lerum", "utveckling_smabarn", 2),
        ("molndal", "atstorning", 19),
    ],
)
def test_the_need_path_follows_find_help(
    bundled_client: TestClient, area: str, need: str, age: int
) -> None:
    """The numbered steps are find-help's first places and their next steps, whatever
    find-help answers today: compared at run time, not with ids written here."""
    soup = get_page(bundled_client, f"/karta?area={area}&need={need}&age={age}")
    helped = bundled_client.get(f"/api/v1/find-help?area={area}&need={need}&age={age}").json()
    first = helped["results"][:FIRST_PLACES]
    steps = soup.select("ol.path-steps > li")
    start = [str(li["data-provider"]) for li in steps[0].select("li.path-place")]
    assert start == [r["provider"]["id"] for r in first]
    passing = [
        (str(li["data-from"]), str(li["data-provider"]), str(li["data-mechanism"]))
        for li in soup.select('li[data-role="pass_on"] li.path-place')
    ]
    # find-help's next steps in its order, each receiving place once (its first way
    # there), as many as fit on one printed page.
    once: dict[str, tuple[str, str, str]] = {}
    for r in first:
        for s in r["next_steps"]:
            once.setdefault(
                s["provider"]["id"], (r["provider"]["id"], s["provider"]["id"], s["mechanism"])
            )
    assert passing == list(once.values())[:HOPS]
    if passing:
        nxt = [str(li["data-provider"]) for li in soup.select('li[data-role="next"] li.path-place')]
        onward = [p[1] for p in passing if p[1] not in start]
        assert nxt == onward
        assert len(steps) == (3 if onward else 2)
    for place in soup.select('li[data-role="pass_on"] li.path-place'):
        if place["data-mechanism"] == "hanvisning":
            assert "Inget skickas" in text(place)
    acute = one(soup, ".path-acute")
    assert "112" in tel_links(acute)
    data = bundled_client.get(f"/karta?area={area}&need={need}&age={age}&format=json").json()
    assert [p["provider"]["id"] for p in data["path"]["steps"][0]["places"]] == start


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


@pytest.mark.parametrize("area", ["stockholm", "bromma", "alingsas", "goteborg-nordost"])
def test_duty_to_report_speaks_to_staff(bundled_client: TestClient, area: str) -> None:
    soup = get_page(bundled_client, f"/proffs/orosanmalan?area={area}")
    main = text(one(soup, "main"))
    assert "vuxen du litar på" not in main  # that is for the child, on the public page
    for words in ("misstanke", "personlig", "utan att säga", "Vad händer sedan"):
        assert words in main, words
    assert len(soup.select(".checklist ol li")) >= 4
    assert soup.select(".checklist ul li"), "what to write in the report"
    units = soup.select(".unit")
    assert units and all("Källa:" in text(u) for u in units)
    child = one(soup, 'a[href="/be-en-vuxen-om-hjalp"]')
    public = get_page(bundled_client, str(child["href"]))
    assert "vuxen du litar på" in text(one(public, "main"))
    assert {"112", "116111"} <= tel_links(public)
    assert get_page(bundled_client, "/en/be-en-vuxen-om-hjalp").html["lang"] == "en"  # type: ignore[index]


@pytest.mark.parametrize(
    ("area", "frameworks"),
    [
        ("skarpnack", {"BUS"}),
        ("stockholm", {"BUS"}),
        ("alingsas", {"SAMLA", "NOSAM"}),
        ("lerum", {"SAMLA"}),
        ("goteborg-hisingen", {"NOSAM", "ISAM"}),
        ("partille", {"NOSAM", "ISAM"}),
    ],
)
def test_sip_puts_the_family_at_the_table_and_links_local_frameworks(
    bundled_client: TestClient, area: str, frameworks: set[str]
) -> None:
    soup = get_page(bundled_client, f"/proffs/sip?area={area}&age=13&need=npf")
    roles = [str(li["data-role"]) for li in soup.select("ul.family li")]
    assert roles == ["ung", "vardnadshavare"]
    named = " ".join(text(li) for li in soup.select("ul.frameworks li"))
    assert all(name in named for name in frameworks), named
    assert all("Källa:" in text(li) for li in soup.select("ul.frameworks li"))
    data = bundled_client.get(f"/api/v1/sip?area={area}&age=13&need=npf").json()
    assert [f["role"] for f in data["family"]] == roles
    assert data["frameworks"] and data["school_invited"] is True
    adult = bundled_client.get(f"/api/v1/sip?area={area}&age=19&need=nedstamdhet").json()
    assert "vardnadshavare" not in {f["role"] for f in adult["family"]}


def test_the_school_is_invited_only_when_school_is_part_of_the_needs(
    bundled_client: TestClient, bundled: Registry
) -> None:
    def kinds(query: str) -> set[str]:
        data = bundled_client.get(f"/api/v1/sip?area=alingsas&age=12&{query}").json()
        return {p["provider"]["kind"] for p in data["participants"]}

    assert "elevhalsa" in kinds("need=skolfranvaro&need=nedstamdhet")
    assert "skolsocialt_team" in kinds("need=skolfranvaro")
    assert not {"elevhalsa", "skolsocialt_team"} & kinds("need=nedstamdhet&need=familj_relationer")
    assert "skolsocialt_team" not in kinds("need=npf")
