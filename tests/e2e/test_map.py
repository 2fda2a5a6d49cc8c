"""The organisation map and the need path in a real browser: phone, print, no script."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser

from tests.e2e.conftest import PHONE, Server

PATH = "/karta?area=stockholm&need=nedstamdhet&age=15"


def _pages(pdf: bytes) -> int:
    """Pages in a PDF, counted from its page objects (no PDF library needed)."""
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf))


PRINTED = [
    PATH,
    "/karta?area=goteborg&need=trauma&age=8",
    "/karta?area=skarpnack&need=oro_angest&age=16",
    "/karta?area=stockholm&need=alkohol_droger&age=17",
]


@pytest.mark.parametrize("path", PRINTED)
def test_a_path_for_one_need_prints_on_one_a4_page(
    browser: Browser, server: Server, path: str
) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(server.url(path))
        assert page.locator("ol.path-steps > li").count() >= 2
        pdf = page.pdf(format="A4", print_background=False)
        assert pdf.startswith(b"%PDF")
        assert _pages(pdf) == 1
        # the counter sees more pages where there are: the whole duty-to-report page
        page.goto(server.url("/proffs/orosanmalan?area=stockholm"))
        assert _pages(page.pdf(format="A4")) > 1
    finally:
        context.close()


def test_on_a_phone_the_path_needs_no_sideways_scrolling(browser: Browser, server: Server) -> None:
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(server.url(PATH))
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= PHONE["width"]
        steps = page.locator("ol.path-steps > li")
        for i in range(steps.count()):
            box = steps.nth(i).bounding_box()
            assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
        # an ordered list, numbered, for screen readers too
        assert page.locator("ol.path-steps").evaluate("e => e.tagName") == "OL"
    finally:
        context.close()


def test_on_a_phone_the_map_frame_opens_on_content(browser: Browser, server: Server) -> None:
    context = browser.new_context(viewport=PHONE)
    try:
        page = context.new_page()
        page.goto(server.url("/karta?area=alingsas"))
        frame = page.locator(".map-scroll").bounding_box()
        assert frame is not None
        boxes = page.locator(".map-scroll g.box rect")
        visible = 0
        for i in range(boxes.count()):
            box = boxes.nth(i).bounding_box()
            if box and box["x"] < frame["x"] + frame["width"] and box["y"] < frame["y"] + 400:
                visible += 1
        assert visible >= 1, "the first screen of the frame shows a box, not an empty corner"
    finally:
        context.close()
