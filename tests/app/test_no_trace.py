"""Privacy on the device (issue 11 point 6): typed words never stay in an address, the
crisis survives the redirect, and every page has a quick exit; Swedish and English."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup
from fastapi.testclient import TestClient

from tests.app.html import get_page, one, position, text

SECRET = "jag skär mig och vill inte leva"


def _redirect(client: TestClient, url: str, **kwargs: object) -> dict[str, list[str]]:
    response = client.get(url, follow_redirects=False, **kwargs)  # type: ignore[arg-type]
    assert response.status_code == 303, response.text[:300]
    location = response.headers["location"]
    assert "q=" not in location and "sk%C3%A4r" not in location and "leva" not in location
    assert response.headers["cache-control"] == "no-store"
    return parse_qs(urlsplit(location).query)


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_text_in_the_address_is_answered_with_the_needs_understood(
    bundled_client: TestClient, prefix: str
) -> None:
    params = {
        "age": "15",
        "area": "skarpnack",
        "q": "kan inte sova och har ångest",
        "asker": "other",
    }
    query = _redirect(bundled_client, f"{prefix}/hitta", params=params)
    assert set(query["need"]) == {"somn", "oro_angest"}
    assert query["age"] == ["15"] and query["area"] == ["skarpnack"] and query["asker"] == ["other"]
    response = bundled_client.get(f"{prefix}/hitta", params=params)
    assert response.url.path == f"{prefix}/hitta" and "q" not in parse_qs(response.url.query)


def test_the_crisis_survives_the_redirect_and_comes_first(bundled_client: TestClient) -> None:
    params = {"age": "16", "area": "sodermalm", "q": SECRET}
    query = _redirect(bundled_client, "/hitta", params=params)
    assert "suicidtankar" in query["need"] and "sjalvskada" in query["need"]
    # The crisis reader's categories for these words, as find-help reports them.
    assert query["danger"] == ["suicidal", "self_harm"]
    response = bundled_client.get("/hitta", params=params)
    assert SECRET not in response.text
    soup = get_page(bundled_client, str(response.url).split("testserver", 1)[1])
    block = one(soup, "main .emergency")
    cards = soup.select("main article.place")
    assert cards and all(position(soup, block) < position(soup, c) for c in cards)


def test_danger_ids_alone_bring_the_emergency_block(bundled_client: TestClient) -> None:
    soup = get_page(bundled_client, "/hitta?age=15&area=lerum&need=somn&danger=self_harm")
    assert soup.select("main .emergency")
    ignored = get_page(bundled_client, "/hitta?age=15&area=lerum&need=somn&danger=bogus")
    assert not ignored.select("main .emergency")


def test_text_not_understood_leads_to_a_page_that_says_so(bundled_client: TestClient) -> None:
    query = _redirect(bundled_client, "/hitta?age=15&area=lerum&q=qwerty+asdf")
    assert query["unclear"] == ["1"] and "need" not in query
    soup = get_page(bundled_client, "/hitta?age=15&area=lerum&q=qwerty+asdf")
    assert "Vi förstod inte riktigt" in text(one(soup, "main .notice"))
    assert "qwerty" not in str(soup)
    assert soup.select("main article.place"), "the general first contacts are offered"
    english = get_page(bundled_client, "/en/hitta?age=15&area=lerum&unclear=1")
    assert "We did not quite understand" in text(one(english, "main .notice"))


def test_an_incomplete_form_keeps_its_text_out_of_the_address(bundled_client: TestClient) -> None:
    query = _redirect(bundled_client, "/hitta?q=jag+vill+inte+leva")
    assert query["need"] == ["suicidtankar"]
    soup = get_page(bundled_client, "/hitta?q=jag+vill+inte+leva", status=422)
    assert soup.select("main .emergency")
    # Posted, the text comes back in the form only, never in an address.
    posted = bundled_client.post("/hitta", data={"q": SECRET, "area": "skarpnack"})
    assert posted.status_code == 422 and posted.url.path == "/hitta" and not posted.url.query
    soup = BeautifulSoup(posted.text, "html.parser")
    assert text(one(soup, "textarea#q")) == SECRET
    assert soup.select("main .emergency")
    for link in soup.select("a[href]"):
        assert "leva" not in str(link["href"]) and "q=" not in str(link["href"])


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_a_posted_question_goes_on_to_the_answer_without_its_text(
    bundled_client: TestClient, prefix: str
) -> None:
    form = {"age": "14", "area": "kungsholmen", "q": "i feel sad all the time", "asker": "self"}
    response = bundled_client.post(f"{prefix}/hitta", data=form, follow_redirects=False)
    assert response.status_code == 303
    location = response.headers["location"]
    assert location.startswith(f"{prefix}/hitta?") and "sad" not in location
    assert parse_qs(urlsplit(location).query)["need"] == ["nedstamdhet"]


def test_the_api_still_takes_text(bundled_client: TestClient) -> None:
    response = bundled_client.get(
        "/api/v1/find-help", params={"age": 15, "area": "sodermalm", "q": "mår asdåligt"}
    )
    assert response.status_code == 200 and response.json()["query"]["needs"] == ["nedstamdhet"]


@pytest.mark.parametrize("url", ["/", "/om", "/akut", "/mottagning/bris", "/en/", "/proffs"])
def test_every_public_page_has_a_quick_exit_first(bundled_client: TestClient, url: str) -> None:
    soup = get_page(bundled_client, url)
    first = soup.select("body a")[0]
    assert "quick-exit" in first.get("class", [])
    assert text(first) in {"Lämna sidan snabbt", "Leave this page quickly"}
    assert str(first["href"]).startswith("https://") and not first.get("tabindex")


def test_about_says_how_to_clear_the_history(bundled_client: TestClient) -> None:
    soup = get_page(bundled_client, "/om")
    section = one(soup, "h2#historik")
    assert text(section) == "Så tar du bort spåren"
    assert "Historik" in text(soup) and "inkognito" in text(soup)
    english = get_page(bundled_client, "/en/om")
    assert "incognito" in text(english)
