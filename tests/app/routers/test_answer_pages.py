"""Issue 11, points 1-3 and 8, through the JSON API and the parsed pages, in Swedish and
English: every kommun answers, next steps fit, first places follow DOMAIN.md, and the
facts shown are ones a young person can trust."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from pathways.registry import Registry
from tests.app.html import get_page, one, provider_ids, text

LANGS = [("", "sv"), ("/en", "en")]
NO_LOCAL = {
    "sv": "Vi har inga lokala uppgifter för Uppsala än.",
    "en": "We have no local details for Uppsala yet.",
}


def help_json(client: TestClient, **params: object) -> dict:  # type: ignore[type-arg]
    response = client.get("/api/v1/find-help", params=params)
    assert response.status_code == 200, response.text
    body: dict = response.json()  # type: ignore[type-arg]
    return body


# --- 1. All of Sweden ----------------------------------------------------------------


def test_areas_api_lists_all_of_sweden_with_codes(bundled_client: TestClient) -> None:
    areas = bundled_client.get("/api/v1/areas").json()["areas"]
    kommuner = [a for a in areas if a["type"] == "kommun"]
    regions = [a for a in areas if a["type"] == "region"]
    assert (len(kommuner), len(regions)) == (290, 21)
    by_id = {a["id"]: a for a in areas}
    assert by_id["kiruna"]["code"] == "2584" and by_id["kiruna"]["parent"] == "region-norrbotten"
    assert by_id["upplands-vasby"]["name"] == "Upplands Väsby"
    assert by_id["region-skane"]["code"] == "12"
    assert all("SCB" in a["source"] for a in kommuner + regions)


@pytest.mark.parametrize("area", ["Uppsala", "Huddinge", "Kiruna", "Malmö", "umeå", "ÅRE"])
def test_every_kommun_gets_an_answer(bundled_client: TestClient, area: str) -> None:
    body = help_json(bundled_client, age=15, area=area, need="nedstamdhet")
    assert body["results"] and body["local_details"] is False
    kinds = {r["provider"]["kind"] for r in body["results"]}
    assert {"elevhalsa", "vardcentral"} <= kinds


def test_local_details_is_true_where_the_registry_has_units(bundled_client: TestClient) -> None:
    body = help_json(bundled_client, age=15, area="skarpnack", need="nedstamdhet")
    assert body["local_details"] is True


def test_unknown_place_is_a_404_with_suggestions(bundled_client: TestClient) -> None:
    response = bundled_client.get("/api/v1/find-help?age=15&area=Oslo&need=stress")
    assert response.status_code == 404 and "Oslo" in response.json()["detail"]
    near = bundled_client.get("/api/v1/find-help?age=15&area=Upsala&need=stress")
    assert near.status_code == 404
    assert {"id": "uppsala", "name": "Uppsala"} in near.json()["suggestions"]


@pytest.mark.parametrize(("prefix", "lang"), LANGS)
def test_result_page_says_there_are_no_local_details(
    bundled_client: TestClient, prefix: str, lang: str
) -> None:
    soup = get_page(bundled_client, f"{prefix}/hitta?age=15&area=Uppsala&need=nedstamdhet")
    assert NO_LOCAL[lang] in text(one(soup, "main p.notice.local"))
    ids = provider_ids(soup.select("main article.place"))
    assert "elevhalsan-pa-din-skola" in ids
    local = get_page(bundled_client, f"{prefix}/hitta?age=15&area=skarpnack&need=nedstamdhet")
    assert not local.select("main p.notice.local")


# --- 2. Next steps that fit ----------------------------------------------------------


@pytest.mark.parametrize(("prefix", "lang"), LANGS)
def test_mini_maria_next_steps_on_the_page(
    bundled_client: TestClient, prefix: str, lang: str
) -> None:
    soup = get_page(bundled_client, f"{prefix}/hitta?age=16&area=skarpnack&need=alkohol_droger")
    card = next(a for a in soup.select("main article.place") if "mini-maria-stockholm" in str(a.h3))
    onward = [str(a["href"]).rsplit("/", 1)[-1] for a in card.select("ul.next a")]
    assert onward[0] == "maria-ungdom" and "akut-112" not in onward
    assert not card.select('ul.next a[href^="tel:"]')


def test_no_planned_answer_steps_to_acute_help(bundled_client: TestClient) -> None:
    for area in ("skarpnack", "goteborg", "uppsala"):
        for need in ("nedstamdhet", "alkohol_droger", "vald_overgrepp", "atstorning"):
            body = help_json(bundled_client, age=15, area=area, need=need, limit=10)
            for result in body["results"]:
                assert result["provider"]["level"] != "akut"
                for step in result["next_steps"]:
                    assert step["provider"]["level"] != "akut", (area, need)
                    assert step["mechanism"] not in ("akut", "orosanmalan")


def test_text_not_understood_lists_no_acute_units(bundled_client: TestClient) -> None:
    body = help_json(bundled_client, age=15, area="lerum", q="qwerty asdf")
    assert body["query"]["understood"] is False and body["emergency"] is None
    for result in body["results"]:
        assert result["provider"]["kind"] not in ("bup_akut", "akut", "psykiatrisk_akut")
        assert all(s["provider"]["level"] != "akut" for s in result["next_steps"])


# --- 3. The first place by DOMAIN.md -------------------------------------------------


@pytest.mark.parametrize(("prefix", "lang"), LANGS)
def test_first_places_on_the_page(bundled_client: TestClient, prefix: str, lang: str) -> None:
    def first(query: str) -> list[str]:
        soup = get_page(bundled_client, f"{prefix}/hitta?{query}")
        return provider_ids(soup.select("main article.place"))

    assert first("age=12&area=skarpnack&need=skolfranvaro")[:2] == [
        "elevhalsa-skarpnack",
        "skolsociala-team-stockholm",
    ]
    assert first("age=2&area=alingsas&need=npf")[0] == "bvc-alingsas"
    assert first("age=2&area=kiruna&need=npf")[0] == "bvc-dar-ni-bor"
    bullying = first("age=13&area=farsta&need=mobbning")
    assert bullying[0] == "elevhalsa-farsta" and "bup-en-vag-in-stockholm" not in bullying[:3]
    adult = first("age=19&area=sodermalm&need=nedstamdhet")
    assert set(adult[:2]) == {"vardcentral-sodermalm", "um-stockholm"}
    assert "psykiatrisk-akut-st-goran" not in adult


def test_from_18_in_the_api(bundled_client: TestClient) -> None:
    body = help_json(bundled_client, age=19, area="goteborg-centrum", need="oro_angest", limit=10)
    kinds = [r["provider"]["kind"] for r in body["results"]]
    assert set(kinds[:2]) == {"vardcentral", "ungdomsmottagning"}
    assert not {"bup", "bup_akut", "psykiatrisk_akut"} & set(kinds)


def test_a_17_year_old_at_bup_is_handed_over_to_adult_psychiatry(
    bundled_client: TestClient,
) -> None:
    body = help_json(bundled_client, age=17, area="alingsas", need="nedstamdhet", limit=10)
    bup = next(r for r in body["results"] if r["provider"]["kind"] == "bup")
    steps = {s["provider"]["id"]: s["mechanism"] for s in bup["next_steps"]}
    assert steps.get("vuxenpsykiatrin-i-din-region") == "overlamning"
    kinds = bundled_client.get("/api/v1/kinds").json()["kinds"]
    assert any(k["id"] == "vuxenpsykiatri" and k["level"] == "specialist" for k in kinds)


@pytest.mark.parametrize(("prefix", "lang"), LANGS)
def test_goteborg_asks_for_the_stadsomrade_only_when_it_matters(
    bundled_client: TestClient, prefix: str, lang: str
) -> None:
    teen = get_page(bundled_client, f"{prefix}/hitta?age=15&area=goteborg&need=nedstamdhet")
    assert not teen.select("nav.narrower")
    small = get_page(bundled_client, f"{prefix}/hitta?age=2&area=goteborg&need=utveckling_smabarn")
    assert [str(a["href"]) for a in small.select("nav.narrower a")]
    assert "goteborg-nordost" in str(one(small, "nav.narrower a")["href"])


# --- 8. Facts a young person can trust -------------------------------------------------


@pytest.mark.parametrize(("prefix", "lang"), LANGS)
def test_sources_are_the_public_pages(
    bundled_client: TestClient, bundled: Registry, prefix: str, lang: str
) -> None:
    for provider in list(bundled.providers.values())[::7]:
        soup = get_page(bundled_client, f"{prefix}/mottagning/{provider.id}")
        about = soup.select("article.provider p.small")[-1]
        assert not re.search(r"DOMAIN|\.md\b|seed|Provider kinds", text(about)), provider.id
    soup = get_page(bundled_client, f"{prefix}/mottagning/bup-en-vag-in-stockholm")
    links = {text(a) for a in soup.select("article.provider p.small a")}
    assert "bup.se" in links
    body = bundled_client.get("/api/v1/providers/um-alingsas").json()
    assert body["sources"] == ["https://www.umo.se/"]


@pytest.mark.parametrize(
    ("provider", "sv", "en"),
    [
        ("bris", "Det kostar inget.", "It is free."),
        ("mind-sjalvmordslinjen", "Hjälpen kostar inget.", "The help is free."),
        ("ungdomsmottagningar-i-hela-sverige", "Det kostar oftast inget.", "It is usually free."),
    ],
)
def test_cost_is_said_where_the_sources_say_it(
    bundled_client: TestClient, provider: str, sv: str, en: str
) -> None:
    for prefix, expected in (("", sv), ("/en", en)):
        soup = get_page(bundled_client, f"{prefix}/mottagning/{provider}")
        facts = text(one(soup, "dl.facts"))
        assert expected in facts, (prefix, facts)
        assert "Fråga mottagningen om det kostar något" not in facts


@pytest.mark.parametrize(("prefix", "lang"), LANGS)
def test_akut_flags_unverified_units_and_says_how_to_reach_them(
    bundled_client: TestClient, prefix: str, lang: str
) -> None:
    check = {"sv": "Kontrollera uppgifterna", "en": "Check these details"}[lang]
    soup = get_page(bundled_client, f"{prefix}/akut?area=goteborg&age=15")
    place = next(li for li in soup.select(".emergency ul.places li") if "Sahlgrenska" in text(li))
    assert check in text(place) and "1177.se" in text(place)
    soup = get_page(bundled_client, f"{prefix}/akut?area=skarpnack&age=15")
    place = one(soup, ".emergency ul.places li")
    assert check not in text(place)
    soup = get_page(bundled_client, f"{prefix}/akut?area=kiruna&age=15")
    place = one(soup, ".emergency ul.places li")
    assert check in text(place) and "1177" in text(place)
