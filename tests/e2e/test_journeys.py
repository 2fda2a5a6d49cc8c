"""A young person's journeys through the public pages, in a real browser."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.e2e.conftest import PHONE, Server

SECRET = "jag orkar inte mer och vill inte leva hemligt ord"


def _ask(page: Page, *, need_label: str | None, age: str, area_label: str, text: str = "") -> None:
    if need_label:
        page.get_by_label(need_label, exact=True).check()
    if text:
        page.locator("#q").fill(text)
    page.locator("#age").fill(age)
    page.locator("#area").select_option(label=area_label)


def _journey(page: Page, server: Server) -> None:
    """Pick a need, age and area; see results; open a place; come back."""
    page.goto(server.url("/"))
    _ask(page, need_label="Svårt att sova", age="14", area_label="Skarpnäck")
    page.get_by_role("button", name="Visa var jag kan få hjälp").click()
    expect(page).to_have_url(re.compile(r"/hitta\?"))
    expect(page.locator("h1")).to_have_text("Här kan du få hjälp")
    first = page.locator("article.place").first
    expect(first).to_be_visible()
    name = first.locator("h3").inner_text()
    first.locator("h3 a").click()
    expect(page.locator("h1")).to_have_text(name)
    expect(page.get_by_role("heading", name="Om det inte räcker")).to_be_visible()
    page.go_back()
    expect(page.locator("article.place").first.locator("h3")).to_have_text(name)


def test_young_persons_journey(page: Page, server: Server) -> None:
    _journey(page, server)


def test_same_journey_without_javascript(no_js_page: Page, server: Server) -> None:
    _journey(no_js_page, server)


def test_crisis_words_put_the_emergency_block_above_every_result(
    page: Page, server: Server
) -> None:
    page.goto(server.url("/"))
    _ask(page, need_label=None, age="15", area_label="Mölndal", text="vill inte leva")
    page.get_by_role("button", name="Visa var jag kan få hjälp").click()
    block = page.locator("main .emergency")
    expect(block).to_be_visible()
    for number in ("112", "90101", "116111"):
        expect(block.locator(f'a[href="tel:{number}"]')).to_be_visible()
    top = block.bounding_box()
    assert top is not None
    places = page.locator("article.place")
    assert places.count() > 0
    for index in range(places.count()):
        box = places.nth(index).bounding_box()
        assert box is not None and box["y"] > top["y"] + top["height"] - 1
    # Without scrolling, on a phone, the way to 112 is on screen.
    assert top["y"] < PHONE["height"]


def test_the_english_pages(page: Page, server: Server) -> None:
    page.goto(server.url("/"))
    page.get_by_role("link", name="English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    page.locator("#need-oro_angest").check()
    page.locator("#age").fill("16")
    page.locator("#area").select_option("lerum")
    page.locator("form.ask button").click()
    expect(page).to_have_url(re.compile(r"/en/hitta\?"))
    expect(page.locator("article.place").first).to_be_visible()
    page.locator("article.place h3 a").first.click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    page.get_by_role("link", name="Svenska").click()
    expect(page.locator("html")).to_have_attribute("lang", "sv")


def test_keyboard_alone(page: Page, server: Server) -> None:
    page.goto(server.url("/"))
    page.keyboard.press("Tab")
    leave = page.locator("a.quick-exit")
    expect(leave).to_be_focused()  # the quick exit is the first stop, and visible
    assert leave.bounding_box() is not None and leave.bounding_box()["y"] >= 0  # type: ignore[index]
    page.keyboard.press("Tab")
    skip = page.locator("a.skip")
    expect(skip).to_be_focused()
    assert skip.bounding_box() is not None and skip.bounding_box()["y"] >= 0  # type: ignore[index]
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"#main$"))
    page.locator("#need-stress").focus()
    page.keyboard.press("Space")
    expect(page.locator("#need-stress")).to_be_checked()
    page.locator("#age").focus()
    page.keyboard.type("13")
    page.locator("#area").focus()
    page.locator("#area").select_option("farsta")
    page.locator("form.ask button").focus()
    page.keyboard.press("Enter")
    expect(page.locator("article.place").first).to_be_visible()
    # Focus is visible: the outline is drawn.
    page.locator("article.place h3 a").first.focus()
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline == "solid"


@pytest.mark.parametrize("width", [320, 640])
def test_no_sideways_scrolling_on_narrow_screens_and_at_200_percent(
    browser: Browser, server: Server, width: int
) -> None:
    # 640 CSS pixels is a 1280-pixel window at 200 % zoom.
    context = browser.new_context(viewport={"width": width, "height": 700})
    page = context.new_page()
    for path in [
        "/",
        "/hitta?age=16&area=sodermalm&need=suicidtankar",
        "/mottagning/bup-akut-sahlgrenska",
        "/akut",
        "/om",
    ]:
        page.goto(server.url(path))
        scroll = page.evaluate("document.documentElement.scrollWidth")
        assert scroll <= width, (path, scroll)
    context.close()


def test_print_shows_the_places_not_the_form(page: Page, server: Server) -> None:
    page.goto(server.url("/hitta?age=15&area=skarpnack&need=nedstamdhet"))
    page.emulate_media(media="print")
    expect(page.locator("header nav")).to_be_hidden()
    expect(page.locator("article.place").first).to_be_visible()
    page.goto(server.url("/"))
    expect(page.locator("form.ask")).to_be_hidden()


def test_what_was_typed_is_not_in_the_server_log(page: Page, server: Server) -> None:
    page.goto(server.url("/"))
    _ask(page, need_label=None, age="15", area_label="Farsta", text=SECRET)
    page.get_by_role("button", name="Visa var jag kan få hjälp").click()
    expect(page.locator("main .emergency")).to_be_visible()
    log = server.log_text()
    assert "GET /hitta" in log
    assert "hemligt" not in log and "orkar" not in log and "age=" not in log
    assert page.context.cookies() == []


def test_a_school_nurse_checks_a_route(no_js_page: Page, server: Server) -> None:
    page = no_js_page
    page.goto(server.url("/"))
    page.get_by_role("link", name="För yrkespersoner").click()
    page.get_by_role("link", name="Remissvägar").click()
    page.locator("#from").select_option("elevhalsa")
    page.locator("#to").select_option("socialtjanst")
    page.locator("#area").select_option("skarpnack")
    page.locator("#age").fill("11")
    page.locator("#need-vald_overgrepp").check()
    page.get_by_role("button", name="Visa vägarna").click()
    step = page.locator('li.route-step[data-mechanism="orosanmalan"]').first
    expect(step).to_be_visible()
    expect(step.get_by_text("Skicka med")).to_be_visible()
    # From the route to the place the report goes to.
    step.locator("a").nth(1).click()
    expect(page.locator("h1")).to_contain_text("Socialtjänsten")


def test_the_map_scrolls_on_a_phone_and_prints_whole(page: Page, server: Server) -> None:
    page.goto(server.url("/karta?area=goteborg&need=npf"))
    region = page.locator(".map-scroll")
    expect(region).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    inner = region.evaluate("el => [el.scrollWidth, el.clientWidth]")
    assert inner[0] > inner[1], "the map scrolls inside its frame, not the page"
    region.focus()
    expect(region).to_be_focused()
    page.emulate_media(media="print")
    expect(page.locator(".map-scroll svg")).to_be_visible()
