"""Places people type: the town they live in, one word of a kommun's name, a district.

Through the public API over the bundled registry, as a young person would ask: the
answer names the area found, or is a 404 that offers the places they may have meant.
"""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from pathways.registry import Registry
from pathways.rules import name_parts


def ask(client: TestClient, place: str) -> tuple[int, dict]:
    response = client.get(
        "/api/v1/find-help", params={"age": 15, "area": place, "need": "nedstamdhet"}
    )
    return response.status_code, response.json()


def found(client: TestClient, place: str) -> str:
    status, body = ask(client, place)
    assert status == 200, (place, body)
    return str(body["query"]["area"]["id"])


def suggested(client: TestClient, place: str) -> list[str]:
    status, body = ask(client, place)
    assert status == 404, (place, body)
    return [s["id"] for s in body["suggestions"]]


@pytest.mark.parametrize(
    ("typed", "kommun"),
    [
        ("Visby", "gotland"),
        ("visby", "gotland"),
        ("MARSTA", "sigtuna"),
        ("Märsta", "sigtuna"),
        ("Handen", "haninge"),
        ("Tumba", "botkyrka"),
        ("jakobsberg", "jarfalla"),
        ("Kungsängen", "upplands-bro"),
        ("kungsangen", "upplands-bro"),
        ("ÅKERSBERGA", "osteraker"),
        ("Bålsta", "habo-0305"),
        ("Skutskär", "alvkarleby"),
        ("Gustavsberg", "varmdo"),
        ("Sveg", "harjedalen"),
    ],
)
def test_the_seat_of_a_kommun_finds_the_kommun(
    bundled_client: TestClient, typed: str, kommun: str
) -> None:
    assert found(bundled_client, typed) == kommun


@pytest.mark.parametrize(
    ("typed", "area"),
    [
        ("Angered", "goteborg-nordost"),
        ("biskopsgarden", "goteborg-hisingen"),
        ("Rosengård", "malmo"),
        ("Fittja", "botkyrka"),
        ("Husby", "rinkeby-kista"),
        ("SKOGÅS", "huddinge"),
    ],
)
def test_a_district_finds_the_most_specific_area_there_is(
    bundled_client: TestClient, typed: str, area: str
) -> None:
    assert found(bundled_client, typed) == area


@pytest.mark.parametrize(
    ("typed", "kommun"),
    [
        ("Malung", "malung-salen"),
        ("Sälen", "malung-salen"),
        ("salen", "malung-salen"),
        ("Väsby", "upplands-vasby"),
        ("Bro", "upplands-bro"),
        ("Göinge", "ostra-goinge"),
        ("Väsby kommun", "upplands-vasby"),
    ],
)
def test_one_word_of_a_kommuns_name_finds_it(
    bundled_client: TestClient, typed: str, kommun: str
) -> None:
    assert found(bundled_client, typed) == kommun


def test_a_word_two_kommuner_share_is_a_404_offering_both(bundled_client: TestClient) -> None:
    assert (found(bundled_client, "Väsby"), found(bundled_client, "Bro")) == (
        "upplands-vasby",
        "upplands-bro",
    ), "their own words find them"
    assert set(suggested(bundled_client, "Upplands")[:2]) == {"upplands-vasby", "upplands-bro"}


def test_a_word_that_only_says_where_finds_nothing(bundled_client: TestClient) -> None:
    assert found(bundled_client, "Göinge") == "ostra-goinge"
    assert "ostra-goinge" in suggested(bundled_client, "Östra"), "offered, never assumed"


def test_a_misspelt_town_suggests_its_kommun_not_a_piece_of_the_word(
    bundled_client: TestClient,
) -> None:
    near = suggested(bundled_client, "Kungsänge")
    assert near[:1] == ["upplands-bro"] and "ange" not in near
    assert "berg" not in suggested(bundled_client, "Jakobsbergg")


def test_a_whole_name_wins_over_a_word_of_another(bundled: Registry) -> None:
    parts = name_parts(bundled.areas.values())
    assert parts["upplands"] == ("upplands-vasby", "upplands-bro")
    assert "kista" not in parts and "ostra" not in parts, "a whole alias; a generic word"
    assert bundled.resolve_area("Kista").id == "rinkeby-kista"


@pytest.mark.parametrize(
    ("typed", "area"), [("Angered centrum", "goteborg-nordost"), ("Visby centrum", "gotland")]
)
def test_a_place_with_a_word_more_still_suggests_the_place(
    bundled_client: TestClient, typed: str, area: str
) -> None:
    """A short name that is a whole word of what was typed is no piece of a word."""
    assert area in suggested(bundled_client, typed)
