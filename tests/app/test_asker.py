"""Who is asking (issue 11 point 4): every sentence fits the asker and the age, through the
API and the pages, in Swedish and English, over several ages, askers and areas."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from tests.app.html import get_page, one, text

NEEDS = ["nedstamdhet", "oro_angest", "sexualitet_identitet", "utveckling_smabarn"]
AREAS = ["sodermalm", "skarpnack", "kungsholmen", "lerum", "molndal"]


def _sentences(client: TestClient, **params: object) -> list[str]:
    body = client.get("/api/v1/find-help", params={"need": NEEDS, **params}).json()
    return [
        s
        for r in body["results"]
        for s in [*r["reasons"], *(step["when"] for step in r["next_steps"])]
    ]


@pytest.mark.parametrize("area", AREAS)
@pytest.mark.parametrize("age", [3, 9, 15])
def test_a_parent_is_never_told_about_their_own_parents(
    bundled_client: TestClient, area: str, age: int
) -> None:
    said = _sentences(bundled_client, age=age, area=area, asker="parent")
    assert said
    for sentence in said:
        assert "dina föräldrar" not in sentence and "utan dina" not in sentence, sentence
        assert "Tar emot dig som" not in sentence and "Du eller en förälder" not in sentence


@pytest.mark.parametrize("asker", ["self", "parent", "other"])
@pytest.mark.parametrize("age", [18, 19, 22])
def test_nothing_about_guardians_from_18(bundled_client: TestClient, asker: str, age: int) -> None:
    for area in AREAS:
        for sentence in _sentences(bundled_client, age=age, area=area, asker=asker):
            assert "vårdnadshavare" not in sentence, sentence
            assert "föräldrar" not in sentence or asker == "other", sentence


def test_a_friend_hears_about_the_friend_and_how_to_help(bundled_client: TestClient) -> None:
    said = _sentences(bundled_client, age=15, area="sodermalm", asker="other")
    assert any(s.startswith("Hen ") for s in said)
    assert not any(s.startswith(("Du kan gå dit själv", "Tar emot dig")) for s in said)
    soup = get_page(bundled_client, "/hitta?age=15&area=sodermalm&need=nedstamdhet&asker=other")
    advice = one(soup, "main details.advice")
    assert "hjälpa någon du är orolig för" in text(one(advice, "summary"))
    assert "112" in text(advice)
    assert "för en 15-åring på Södermalm" in text(one(soup, "main .asked"))


def test_the_young_person_is_spoken_to_as_you(bundled_client: TestClient) -> None:
    said = _sentences(bundled_client, age=15, area="skarpnack", asker="self")
    assert any(s.startswith("Tar emot dig som är") for s in said)
    assert not any(s.startswith("Hen ") for s in said)


def test_asker_is_echoed_and_defaults_to_self(bundled_client: TestClient) -> None:
    base = {"age": 15, "area": "sodermalm", "need": "nedstamdhet"}
    assert bundled_client.get("/api/v1/find-help", params=base).json()["query"]["asker"] == "self"
    for asker in ("self", "parent", "other"):
        body = bundled_client.get("/api/v1/find-help", params={**base, "asker": asker}).json()
        assert body["query"]["asker"] == asker
        page = bundled_client.get("/hitta", params={**base, "asker": asker, "format": "json"})
        assert page.json()["query"]["asker"] == asker
    wrong = bundled_client.get("/api/v1/find-help", params={**base, "asker": "teacher"})
    assert wrong.status_code == 422 and "asker" in wrong.text


@pytest.mark.parametrize(
    ("area", "phrase"),
    [
        ("sodermalm", "på Södermalm"),
        ("kungsholmen", "på Kungsholmen"),
        ("skarpnack", "i Skarpnäck"),
        ("lerum", "i Lerum"),
    ],
)
def test_places_take_the_preposition_swedish_uses(
    bundled_client: TestClient, area: str, phrase: str
) -> None:
    soup = get_page(bundled_client, f"/hitta?age=15&area={area}&need=nedstamdhet")
    assert phrase in text(one(soup, "main .asked"))
    said = _sentences(bundled_client, age=15, area=area)
    assert not any(" i Södermalm" in s or " i Kungsholmen" in s for s in said)


def test_the_echo_fits_each_asker(bundled_client: TestClient) -> None:
    base = "/hitta?age=4&area=lerum&need=utveckling_smabarn"
    assert "Du sökte för ditt barn, 4 år, i Lerum" in text(
        one(get_page(bundled_client, base + "&asker=parent"), "main .asked")
    )
    assert "Du sökte för dig själv, 4 år" not in text(
        one(get_page(bundled_client, base + "&asker=parent"), "main .asked")
    )


def test_help_is_said_as_a_sentence(bundled_client: TestClient) -> None:
    said = _sentences(bundled_client, age=15, area="skarpnack")
    helps = [s for s in said if s.startswith("Kan hjälpa till med")]
    assert helps and all(":" not in s for s in helps)
    assert any(" och " in s for s in helps)


def test_english_pages_say_it_to_the_asker(bundled_client: TestClient) -> None:
    soup = get_page(bundled_client, "/en/hitta?age=15&area=sodermalm&need=nedstamdhet&asker=other")
    assert "You searched for a 15-year-old in Södermalm" in text(one(soup, "main .asked"))
    assert "How you can help someone you are worried about" in text(soup)
    parent = get_page(
        bundled_client, "/en/hitta?age=19&area=skarpnack&need=nedstamdhet&asker=parent"
    )
    assert "guardian" not in text(one(parent, "main")).lower()


def test_the_form_asks_who_is_searching(bundled_client: TestClient) -> None:
    soup = get_page(bundled_client, "/")
    legend = one(soup, "fieldset.asker legend")
    assert text(legend) == "Jag söker för:"
    values = [str(i["value"]) for i in soup.select('input[name="asker"]')]
    assert values == ["self", "parent", "other"]
    labels = [text(one(soup, f'label[for="asker-{v}"]')) for v in values]
    assert labels == ["mig själv", "mitt barn", "någon annan (en kompis, en elev)"]
