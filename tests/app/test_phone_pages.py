"""Phone first in the parsed HTML (issue 11 point 7; the browser checks sizes in
tests/e2e/test_phone.py): folded result details, provider lists grouped by kind."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from tests.app.html import get_page, one, tel_links, text


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_the_first_place_shows_how_to_reach_it_and_folds_the_rest(
    bundled_client: TestClient, prefix: str
) -> None:
    soup = get_page(bundled_client, f"{prefix}/hitta?age=15&area=skarpnack&need=nedstamdhet")
    first = one(soup, "article.place.first")
    contact = first.find("ul", class_="contact")
    assert contact is not None and contact.find_parent("details") is None
    details = one(first, "details.more")
    assert not details.has_attr("open")
    assert details.select("ul.reasons li"), "the reasons are there, folded"
    for card in soup.select("article.place:not(.first)"):
        assert card.select_one("details") is not None


def test_bup_groups_its_long_lists_by_kind(bundled_client: TestClient) -> None:
    soup = get_page(bundled_client, "/mottagning/bup-en-vag-in-stockholm")
    groups = soup.select(".flows-by-kind")
    assert groups
    folded = soup.select(".flows-by-kind details")
    assert folded, "big groups are folded"
    for group in folded:
        summary = text(one(group, "summary"))
        count = int(summary.rsplit("(", 1)[1].rstrip(")"))
        assert count == len(group.select("ul.flows li")) > 5
    english = get_page(bundled_client, "/en/mottagning/bup-en-vag-in-stockholm")
    assert english.select(".flows-by-kind details")


def test_no_report_of_concern_is_offered_as_a_next_step(bundled_client: TestClient) -> None:
    api = bundled_client.get("/api/v1/providers/elevhalsa-skarpnack").json()
    assert any(f["mechanism"] == "orosanmalan" for f in api["flows_out"]), "the case exists"
    soup = get_page(bundled_client, "/mottagning/elevhalsa-skarpnack")
    heading = soup.find("h2", string="Om det inte räcker")
    assert heading is not None
    onward = heading.find_next(class_="flows-by-kind")
    assert onward is not None and onward.select("li")
    assert "orosanmälan" not in text(onward).lower()


def test_the_strip_keeps_its_numbers(bundled_client: TestClient) -> None:
    strip = one(get_page(bundled_client, "/"), "header .now")
    assert {"112", "90101", "116111"} <= tel_links(strip)
