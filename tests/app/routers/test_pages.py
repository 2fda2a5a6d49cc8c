"""The public pages, read as HTML documents over the bundled registry."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from pathways.registry import Registry
from pathways.vocab import Need
from tests.app.html import (
    get_page,
    label_for,
    one,
    position,
    provider_ids,
    query_of,
    tel_links,
    text,
)
from tests.test_bundled import CONTRACT_AREAS

EMERGENCY = {"112", "90101"}
BRIS = "116111"


def test_start_page_asks_need_age_and_place(bundled_client: TestClient) -> None:
    soup = get_page(bundled_client, "/")
    assert soup.html is not None and soup.html["lang"] == "sv"
    form = one(soup, "main form")
    assert form["method"] == "post" and form["action"] == "/hitta"  # text never in a URL
    needs = form.select('input[type="checkbox"][name="need"]')
    assert [n["value"] for n in needs] == [n.value for n in Need]
    for control in [*needs, one(form, "#age"), one(form, "#area"), one(form, "#q")]:
        assert label_for(soup, control)
    # The labels a young person reads are CONTRACT.md's.
    assert label_for(soup, one(form, "#need-nedstamdhet")) == "Nedstämdhet, att må dåligt länge"
    areas = {str(o["value"]) for o in one(form, "#area").select("option") if o["value"]}
    assert set(CONTRACT_AREAS) <= areas
    assert one(form, "#q")["maxlength"] == "200"
    assert {str(r["value"]) for r in form.select('input[name="urgency"]')} == {
        "planerat",
        "snart",
        "akut",
    }


PROFESSIONAL = {"orosanmalan", "konsultation"}


@pytest.mark.parametrize(
    "url", ["/", "/hitta?age=15&area=skarpnack&need=somn", "/akut", "/om", "/mottagning/bris"]
)
def test_every_page_has_landmarks_skip_link_and_the_help_strip(
    bundled_client: TestClient, url: str
) -> None:
    soup = get_page(bundled_client, url)
    leave, skip = soup.find_all("a")[:2]
    assert text(leave) == "Lämna sidan snabbt", "the quick exit comes first, before the skip link"
    assert str(leave["href"]).startswith("https://") and "vardkedjan" not in str(leave["href"])
    assert skip["href"] == "#main"
    one(soup, "main#main")
    one(soup, "body > header")
    one(soup, "body > footer")
    one(soup, "header nav")
    assert len(soup.select("h1")) == 1
    strip = one(soup, "header .now")
    assert EMERGENCY | {BRIS} <= tel_links(strip)
    alternate = one(soup, 'link[rel="alternate"][type="application/json"]')
    assert "format=json" in str(alternate["href"])
    assert not soup.select("script"), "public pages work without any script"


def test_results_follow_find_help_with_contact_and_next_steps(
    bundled_client: TestClient,
) -> None:
    params = "age=15&area=skarpnack&need=nedstamdhet"
    soup = get_page(bundled_client, f"/hitta?{params}")
    api = bundled_client.get(f"/api/v1/find-help?{params}").json()
    cards = soup.select("main article.place")
    assert provider_ids(cards) == [r["provider"]["id"] for r in api["results"]]
    assert not soup.select(".emergency")
    for card, result in zip(cards, api["results"], strict=True):
        provider = result["provider"]
        if provider.get("phone"):
            assert provider["phone"].replace(" ", "").replace("-", "") in tel_links(card)
        if provider.get("website"):
            assert card.select_one(f'a[href="{provider["website"]}"]') is not None
        helps = [text(p) for p in card.select("p.helps")]  # shown unfolded, not repeated
        reasons = [text(li) for li in card.select("details ul.reasons li")]
        assert sorted(helps + reasons) == sorted(result["reasons"])
        onward = [str(a["href"]).rsplit("/", 1)[-1] for a in card.select("ul.next a")]
        assert onward == [s["provider"]["id"] for s in result["next_steps"]]
        if onward:
            assert "Om det inte räcker" in [text(h) for h in card.select("h4")]
    # The one or two places to start are set apart from the rest.
    start = one(soup, 'section[aria-labelledby="start-title"]')
    assert text(one(start, "h2")) == "Börja här"
    assert 1 <= len(start.select("article.place")) <= 2
    assert provider_ids(start.select("article.place")) == provider_ids(cards)[:2]


def test_you_can_go_yourself_and_cost_in_plain_words(bundled_client: TestClient) -> None:
    soup = get_page(bundled_client, "/hitta?age=16&area=sodermalm&need=sexualitet_identitet")
    reasons = {text(li) for li in soup.select("ul.reasons li")}
    assert any(r.startswith("Du kan gå dit själv") for r in reasons)
    assert "Det kostar inget." in reasons


@pytest.mark.parametrize(
    ("query", "minor"),
    [
        ("age=17&area=molndal&q=orkar+inte+mer,+vill+inte+leva", True),
        ("age=16&area=sodermalm&need=suicidtankar", True),
        ("age=14&area=skarpnack&need=somn&urgency=akut", True),
        ("age=20&area=goteborg-centrum&q=jag+vill+ta+livet+av+mig", False),
    ],
)
def test_emergency_block_comes_before_every_result(
    bundled_client: TestClient, query: str, minor: bool
) -> None:
    soup = get_page(bundled_client, f"/hitta?{query}")
    block = one(soup, "main .emergency")
    numbers = tel_links(block)
    assert numbers >= EMERGENCY
    assert (BRIS in numbers) is minor
    cards = soup.select("main article.place")
    assert cards, "results are still shown under the block"
    assert all(position(soup, block) < position(soup, card) for card in cards)


def test_danger_is_answered_even_when_the_form_is_incomplete(
    bundled_client: TestClient,
) -> None:
    soup = get_page(bundled_client, "/hitta?q=jag+vill+inte+leva", status=422)
    block = one(soup, "main .emergency")
    assert EMERGENCY | {BRIS} <= tel_links(block)
    assert position(soup, block) < position(soup, one(soup, "main form"))


def test_wrong_answers_come_back_with_a_sentence_at_each_field(
    bundled_client: TestClient,
) -> None:
    soup = get_page(bundled_client, "/hitta?age=tolv&area=Skarpnäk&q=", status=422)
    for field in ("age", "area"):
        control = one(soup, f"#{field}")
        assert control["aria-invalid"] == "true"
        described = str(control["aria-describedby"]).split()
        assert f"{field}-error" in described
        assert text(one(soup, f"#{field}-error"))
    assert soup.select_one("#need-error") is not None
    summary = one(soup, ".problems")
    assert len(summary.select("li a")) == 3
    # A typo in the place is met with what the asker probably meant.
    suggestion = one(soup, ".suggest a")
    assert text(suggestion) == "Skarpnäck"
    assert query_of(str(suggestion["href"]))["area"] == ["skarpnack"]
    # What was typed stays in the form.
    assert one(soup, "#age")["value"] == "tolv"


def test_nothing_asked_yet_is_just_the_form(bundled_client: TestClient) -> None:
    soup = get_page(bundled_client, "/hitta")
    assert not soup.select(".problems") and not soup.select(".error")


def test_change_link_brings_the_question_back(bundled_client: TestClient) -> None:
    soup = get_page(bundled_client, "/hitta?age=13&area=farsta&need=stress&need=somn")
    change = next(a for a in soup.select(".asked a") if text(a) == "Ändra")
    again = get_page(bundled_client, str(change["href"]))
    assert one(again, "#age")["value"] == "13"
    assert one(again, "#need-stress").has_attr("checked")
    assert one(again, "#need-somn").has_attr("checked")
    assert one(again, '#area option[value="farsta"]').has_attr("selected")


def test_a_city_asks_for_the_district(bundled_client: TestClient) -> None:
    soup = get_page(bundled_client, "/hitta?age=14&area=Stockholm&need=oro_angest")
    links = soup.select("nav.narrower a")
    districts = {query_of(str(a["href"]))["area"][0] for a in links}
    assert {"skarpnack", "bromma", "sodermalm"} <= districts
    assert all(query_of(str(a["href"]))["need"] == ["oro_angest"] for a in links)


def test_text_not_understood_offers_general_first_contacts(bundled_client: TestClient) -> None:
    soup = get_page(bundled_client, "/hitta?age=15&area=lerum&q=qwerty+asdf")
    assert one(soup, "main p.notice")
    assert soup.select("main article.place")


def test_provider_page_has_everything_and_flags_unchecked_facts(
    bundled_client: TestClient, bundled: Registry
) -> None:
    unverified = next(p for p in bundled.active() if not p.verified and not p.national)
    verified = next(p for p in bundled.active() if p.verified)
    for provider in (unverified, verified):
        soup = get_page(bundled_client, f"/mottagning/{provider.id}")
        assert text(one(soup, "h1")) == provider.name
        assert bool(soup.select(".check")) is not provider.verified
        assert one(soup, "time")["datetime"] == provider.reviewed.isoformat()
        api = bundled_client.get(f"/api/v1/providers/{provider.id}").json()
        onward = {str(a["href"]).rsplit("/", 1)[-1] for a in soup.select("ul.flows a")}
        # A report of concern or a consultation is a professional's duty, not a next step.
        for_people = [f for f in api["flows_out"] if f["mechanism"] not in PROFESSIONAL]
        assert {f["provider"]["id"] for f in for_people + api["flows_in"]} == onward
        facts = [text(dt) for dt in soup.select("dl.facts dt")]
        assert {"Ålder", "Kan jag gå dit själv?", "Kostar det något?"} <= set(facts)


def test_every_provider_page_renders(bundled_client: TestClient, bundled: Registry) -> None:
    for provider in bundled.active():
        response = bundled_client.get(f"/mottagning/{provider.id}")
        assert response.status_code == 200, provider.id


def test_unknown_provider_is_a_page_not_json(bundled_client: TestClient) -> None:
    soup = get_page(bundled_client, "/mottagning/finns-inte", status=404)
    assert tel_links(soup) >= EMERGENCY
    assert bundled_client.get("/api/v1/providers/finns-inte").json()["detail"]


@pytest.mark.parametrize(
    ("query", "kind", "minor"),
    [
        ("area=goteborg&age=15", "bup_akut", True),
        ("area=sodermalm&age=19", "psykiatrisk_akut", False),
    ],
)
def test_acute_page_lists_numbers_and_the_areas_units(
    bundled_client: TestClient, bundled: Registry, query: str, kind: str, minor: bool
) -> None:
    soup = get_page(bundled_client, f"/akut?{query}")
    block = one(soup, "main .emergency")
    assert EMERGENCY | {"1177"} <= tel_links(block)
    assert (BRIS in tel_links(block)) is minor
    places = [str(a["href"]).rsplit("/", 1)[-1] for a in block.select("ul.places a")]
    assert places and all(bundled.providers[p].kind == kind for p in places)


def test_acute_page_without_a_place_lists_every_acute_unit(
    bundled_client: TestClient, bundled: Registry
) -> None:
    soup = get_page(bundled_client, "/akut")
    places = {str(a["href"]).rsplit("/", 1)[-1] for a in soup.select("main ul.places a")}
    expected = {p.id for p in bundled.active() if p.kind in {"bup_akut", "psykiatrisk_akut"}}
    assert places == expected
    assert BRIS in tel_links(one(soup, "main .emergency"))


def test_about_page_says_what_it_is_not(bundled_client: TestClient) -> None:
    soup = get_page(bundled_client, "/om")
    headings = [text(h) for h in soup.select("main h2")]
    assert "Vad Vårdkedjan inte är" in headings
    assert "Hittar du ett fel?" in headings


@pytest.mark.parametrize(
    "url",
    [
        "/?format=json",
        "/hitta?age=15&area=skarpnack&need=somn&format=json",
        "/mottagning/bris?format=json",
        "/akut?area=goteborg&format=json",
        "/om?format=json",
    ],
)
def test_every_page_has_a_json_twin(bundled_client: TestClient, url: str) -> None:
    response = bundled_client.get(url)
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    assert response.json()


def test_results_twin_is_the_api_answer(bundled_client: TestClient) -> None:
    params = "age=15&area=skarpnack&need=somn"
    page = bundled_client.get(f"/hitta?{params}&format=json").json()
    assert page == bundled_client.get(f"/api/v1/find-help?{params}").json()
    provider = bundled_client.get("/mottagning/bris?format=json").json()
    assert provider == bundled_client.get("/api/v1/providers/bris").json()


def test_invalid_form_twin_names_the_fields(bundled_client: TestClient) -> None:
    response = bundled_client.get("/hitta?age=99&area=skarpnack&need=somn&format=json")
    assert response.status_code == 422
    assert [e["loc"] for e in response.json()["detail"]] == [["query", "age"]]
