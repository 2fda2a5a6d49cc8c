"""Phone first (issue 11 point 7), in a real browser at 375×667: the help strip is one line,
the first place to start and its way of contact are on the first screen, a result page is
about three screens at most, and a provider's long lists are grouped by kind."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from tests.e2e.conftest import Server

SCREEN = 667
RESULTS = [
    "/hitta?age=15&area=skarpnack&need=nedstamdhet",
    "/hitta?age=4&area=lerum&need=utveckling_smabarn&asker=parent",
    "/hitta?age=16&area=sodermalm&need=oro_angest&asker=other",
    "/en/hitta?age=17&area=kungsholmen&need=stress",
]


def _bottom(page: Page, selector: str) -> float:
    box = page.locator(selector).first.bounding_box()
    assert box is not None, selector
    return box["y"] + box["height"]


def test_the_help_strip_is_one_line(page: Page, server: Server) -> None:
    page.goto(server.url("/"))
    items = page.locator(".now li:visible")
    tops = {round(items.nth(i).bounding_box()["y"]) for i in range(items.count())}  # type: ignore[index]
    assert len(tops) == 1, tops


@pytest.mark.parametrize("path", RESULTS)
def test_the_first_place_and_its_contact_are_on_the_first_screen(
    page: Page, server: Server, path: str
) -> None:
    page.goto(server.url(path))
    first = "article.place.first"
    assert _bottom(page, f"{first} h3") <= SCREEN
    assert _bottom(page, f"{first} ul.contact li") <= SCREEN
    height = page.evaluate("document.documentElement.scrollHeight")
    assert height <= 4 * SCREEN, height  # "about three screens", footer included
    assert page.locator("article.place details").count() == page.locator("article.place").count()
    assert not page.locator("article.place details[open]").count()


def test_a_provider_groups_its_long_lists_by_kind(page: Page, server: Server) -> None:
    page.goto(server.url("/mottagning/bup-en-vag-in-stockholm"))
    groups = page.locator(".flows-by-kind details summary")
    assert groups.count() >= 1
    assert "(" in groups.first.inner_text()
    assert not page.locator(".flows-by-kind details[open]").count()
