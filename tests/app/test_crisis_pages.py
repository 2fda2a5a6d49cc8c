"""Every crisis wording through the public API and the pages: the block is there, in the
right tone, above every result; and it is not there for wordings that must not alarm."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from bs4 import BeautifulSoup, SoupStrainer
from fastapi.testclient import TestClient

from app.factory import create_app
from pathways.registry import Registry
from tests.app.html import one, tel_links
from tests.crisis_corpus import CORPUS, HELD_OUT, Wording, all_wordings, load

WORDINGS = all_wordings()
# The pages are checked for the corpus and the held-out set; the later probes
# (crisis_more.yaml) go through read_crisis and find-help, to keep the suite quick.
ON_PAGES = load(CORPUS) + load(HELD_OUT)
MAIN = SoupStrainer("main")  # the block and the results are in <main>: parse only that
# Ages and places vary over the corpus, so that every wording is not asked the same way.
ASKED = [(15, "skarpnack"), (13, "alingsas"), (17, "goteborg-hisingen"), (20, "molndal")]


@pytest.fixture(scope="module")
def following(bundled: Registry) -> Iterator[TestClient]:
    """A client that follows redirects, as a browser does (/hitta may redirect later)."""
    with TestClient(create_app(bundled), follow_redirects=True) as client:
        yield client


def _asked(index: int) -> tuple[int, str]:
    return ASKED[index % len(ASKED)]


def _check_api(client: TestClient, wording: Wording, age: int, area: str) -> str | None:
    params = {"age": age, "area": area, "q": wording.text, "limit": 1}
    response = client.get("/api/v1/find-help", params=params)
    if response.status_code != 200:
        return f"status {response.status_code}"
    emergency = response.json()["emergency"]
    if not wording.expected:
        return None if emergency is None else f"false alarm {emergency['reasons']}"
    if emergency is None or not wording.accepts(set(emergency["reasons"])):
        return f"missed: {emergency and emergency['reasons']}"
    phones = [c["phone"] for c in emergency["contacts"]]
    if not {"112", "1177", "90101"} <= set(phones) or ("116 111" in phones) != (age < 18):
        return f"contacts {phones}"
    tone = "calm" if wording.calm else "urgent"
    if emergency["tone"] != tone or (tone == "urgent" and phones[0] != "112"):
        return f"tone {emergency['tone']}, contacts {phones}"
    return None


def _check_page(client: TestClient, wording: Wording, url: str) -> str | None:
    response = client.get(url, params={"age": "15", "area": "skarpnack", "q": wording.text})
    if response.status_code != 200:
        return f"{url}: status {response.status_code}"
    soup = BeautifulSoup(response.text, "html.parser", parse_only=MAIN)
    blocks = soup.select("main .emergency")
    if not wording.expected:
        return None if not blocks else f"{url}: false alarm"
    if len(blocks) != 1:
        return f"{url}: {len(blocks)} blocks"
    block = blocks[0]
    if ("calm" in block.get("class", [])) != wording.calm:
        return f"{url}: tone {block.get('class')}"
    cards = soup.select("main article.place")
    order = {id(node): index for index, node in enumerate(soup.find_all(True))}
    if not cards or not all(order[id(block)] < order[id(card)] for card in cards):
        return f"{url}: the block is not above every result"
    if not {"112", "1177", "90101", "116111"} <= tel_links(block):
        return f"{url}: numbers {tel_links(block)}"
    return None


def test_every_wording_through_find_help(following: TestClient) -> None:
    wrong = []
    for index, wording in enumerate(WORDINGS):
        age, area = _asked(index)
        problem = _check_api(following, wording, age, area)
        if problem:
            wrong.append(f"{wording.text!r} ({age}, {area}): {problem}")
    assert not wrong, "\n".join(wrong)


@pytest.mark.slow  # some 600 pages rendered and parsed: 5-10 s on a busy 2-core machine
def test_every_wording_through_the_results_page(following: TestClient) -> None:
    wrong = []
    for wording in ON_PAGES:
        urls = ["/hitta", "/en/hitta"] if wording.english else ["/hitta"]
        for url in urls:
            problem = _check_page(following, wording, url)
            if problem:
                wrong.append(f"{wording.text!r}: {problem}")
    assert not wrong, "\n".join(wrong)


def test_violence_now_brings_112_first_and_the_socialjour(following: TestClient) -> None:
    params = {"age": 14, "area": "skarpnack", "q": "pappa slår mamma just nu"}
    emergency = following.get("/api/v1/find-help", params=params).json()["emergency"]
    assert emergency["reasons"] == ["violence_now"]
    assert emergency["contacts"][0]["phone"] == "112"
    assert "socialjour" in {p["kind"] for p in emergency["places"]}


@pytest.mark.parametrize(("age", "kind"), [(15, "bup_akut"), (19, "psykiatrisk_akut")])
def test_a_wish_to_die_brings_mind_and_the_acute_unit_for_the_age(
    following: TestClient, age: int, kind: str
) -> None:
    params = {"age": age, "area": "goteborg-centrum", "q": "har planerat hur jag ska dö"}
    emergency = following.get("/api/v1/find-help", params=params).json()["emergency"]
    assert emergency["reasons"] == ["plan_or_method"]
    assert "90101" in {c["phone"] for c in emergency["contacts"]}
    assert {p["kind"] for p in emergency["places"]} == {kind}


def test_an_overdose_puts_112_and_1177_before_the_helplines(following: TestClient) -> None:
    params = {"age": 16, "area": "lerum", "q": "tog en hel burk alvedon"}
    emergency = following.get("/api/v1/find-help", params=params).json()["emergency"]
    assert [c["phone"] for c in emergency["contacts"]][:2] == ["112", "1177"]
    assert emergency["advice"]


def test_self_harm_gets_the_calm_note_and_first_line_places_first(
    following: TestClient,
) -> None:
    for params in (
        {"age": 15, "area": "skarpnack", "q": "jag skär mig"},
        {"age": 15, "area": "skarpnack", "need": "sjalvskada"},
    ):
        body = following.get("/api/v1/find-help", params=params).json()
        emergency = body["emergency"]
        assert emergency["tone"] == "calm" and emergency["reasons"] == ["self_harm"]
        assert {"112", "1177", "90101", "116 111"} <= {c["phone"] for c in emergency["contacts"]}
        assert body["results"][0]["provider"]["level"] == "forsta_linjen"
    soup = BeautifulSoup(following.get("/hitta", params=params).text, "html.parser")
    block = one(soup, "main .emergency.calm")
    assert "fara" not in one(block, "h2").get_text()


def test_urgency_akut_and_the_need_still_bring_the_full_block(following: TestClient) -> None:
    for extra in ({"urgency": "akut", "need": "somn"}, {"need": "suicidtankar"}):
        params = {"age": 15, "area": "skarpnack", **extra}
        emergency = following.get("/api/v1/find-help", params=params).json()["emergency"]
        assert emergency["tone"] == "urgent"
        assert emergency["places"], "the acute unit for the age"


def test_an_incomplete_form_still_answers_danger_in_its_tone(following: TestClient) -> None:
    for query, calm in (("q=jag+sk%C3%A4r+mig", True), ("q=har+samlat+tabletter", False)):
        response = following.get(f"/hitta?{query}")
        assert response.status_code == 422
        soup = BeautifulSoup(response.text, "html.parser")
        block = one(soup, "main .emergency")
        assert ("calm" in block.get("class", [])) is calm
        assert {"112", "90101", "116111"} <= tel_links(block)


def test_english_pages_translate_the_calm_note(following: TestClient) -> None:
    soup = BeautifulSoup(
        following.get("/en/hitta?age=15&area=skarpnack&q=i+cut+myself").text, "html.parser"
    )
    block = one(soup, "main .emergency.calm")
    assert one(block, "h2").get_text(strip=True) == "If you hurt yourself"
    assert "Tell an adult you trust" in block.get_text()
