"""No input gives a 500: generated requests against every endpoint."""

from __future__ import annotations

from urllib.parse import urlencode

import pytest
from bs4 import BeautifulSoup
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.app.html import tel_links

ENDPOINTS = [
    "/api/v1/find-help",
    "/api/v1/providers",
    "/api/v1/providers/x",
    "/api/v1/routes",
    "/api/v1/sip",
    "/api/v1/graph",
    "/api/v1/audit",
]
NAMES = [
    "age",
    "area",
    "need",
    "q",
    "urgency",
    "confidential",
    "limit",
    "from",
    "to",
    "kind",
    "format",
    "offset",
    "max_steps",
    "severity",
    "code",
]
VALUES = st.one_of(
    st.text(max_size=250),
    st.integers(-(10**6), 10**6).map(str),
    st.sampled_from(
        [
            "norra",
            "Norra Åby",
            "elevhalsa",
            "bup",
            "somn",
            "suicidtankar",
            "akut",
            "true",
            "dot",
            "vc-norra",
            "",
            "-1",
            "1e9",
            "NaN",
            "%00",
            "../../etc",
            "²",
            "١٥",
            "9" * 5000,
        ]
    ),
)


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    endpoint=st.sampled_from(ENDPOINTS),
    params=st.lists(st.tuples(st.sampled_from(NAMES), VALUES), max_size=6),
)
def test_no_request_gives_a_server_error(
    client: TestClient, endpoint: str, params: list[tuple[str, str]]
) -> None:
    response = client.get(f"{endpoint}?{urlencode(params)}")
    assert response.status_code < 500, (endpoint, params, response.text)
    assert "Traceback" not in response.text
    if response.status_code >= 400:
        assert "detail" in response.json()
    elif response.headers["content-type"].startswith("application/json"):
        assert isinstance(response.json(), dict)


AREA_IDS = [
    "skarpnack",
    "stockholm",
    "region-stockholm",
    "alingsas",
    "goteborg-nordost",
    "Göteborg",
    "SKÄRHOLMEN",
    "vastra-gotalandsregionen",
    "ockero",
]
KINDS = [
    "elevhalsa",
    "bup",
    "bup_akut",
    "socialtjanst",
    "vardcentral",
    "uph",
    "bvc",
    "ungdomsmottagning",
    "psykiatrisk_akut",
    "habilitering",
    "stodlinje",
    "akut",
]
NEEDS = [
    "oro_angest",
    "suicidtankar",
    "npf",
    "utveckling_smabarn",
    "alkohol_droger",
    "vald_overgrepp",
    "skolfranvaro",
]


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    endpoint=st.sampled_from(["find-help", "routes", "sip", "providers", "graph"]),
    area=st.sampled_from(AREA_IDS),
    age=st.integers(0, 25),
    needs=st.lists(st.sampled_from(NEEDS), max_size=3),
    kinds=st.tuples(st.sampled_from(KINDS), st.sampled_from(KINDS)),
    extra=st.sampled_from(
        [
            {},
            {"urgency": "akut"},
            {"confidential": "true"},
            {"max_steps": "4"},
            {"q": "vill inte leva"},
            {"q": "kan inte sova"},
            {"format": "dot"},
        ]
    ),
)
def test_well_formed_questions_never_fail(
    bundled_client: TestClient,
    endpoint: str,
    area: str,
    age: int,
    needs: list[str],
    kinds: tuple[str, str],
    extra: dict[str, str],
) -> None:
    params: list[tuple[str, str]] = [("area", area), ("age", str(age))]
    params += [("need", n) for n in needs] + list(extra.items())
    if endpoint == "routes":
        params += [("from", kinds[0]), ("to", kinds[1])]
    response = bundled_client.get(f"/api/v1/{endpoint}?{urlencode(params)}")
    assert response.status_code < 500, (endpoint, params, response.text)
    if (
        endpoint == "find-help"
        and response.status_code == 200
        and (
            "suicidtankar" in needs
            or extra.get("urgency") == "akut"
            or "leva" in extra.get("q", "")
        )
    ):
        phones = {c["phone"] for c in response.json()["emergency"]["contacts"]}
        assert {"112", "90101"} <= phones


PAGES = ["/", "/hitta", "/akut", "/om", "/mottagning/vc-norra", "/mottagning/x", "/en/hitta"]


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    page=st.sampled_from(PAGES),
    params=st.lists(st.tuples(st.sampled_from(NAMES), VALUES), max_size=6),
)
def test_no_question_breaks_a_page(
    client: TestClient, page: str, params: list[tuple[str, str]]
) -> None:
    response = client.get(f"{page}?{urlencode(params)}")
    assert response.status_code in (200, 404, 422), (page, params, response.status_code)
    assert "Traceback" not in response.text
    if response.headers["content-type"].startswith("text/html"):
        # Whatever was asked, the way to 112 and Mind is on the page.
        soup = BeautifulSoup(response.text, "html.parser")
        assert {"112", "90101"} <= tel_links(soup)


# Signs that pass `str.isdigit` but not `int` ("²"), digits of other scripts, and more
# digits than `int` reads from text (4,300): each once, on every place that reads a number.
NOT_QUITE_NUMBERS = ["²", "1²", "⁵", "½", "9" * 5000, "١٥", "１５"]
NUMBER_PLACES = [
    ("/hitta", "age", {"area": "norra", "need": "somn"}),
    ("/hitta", "age", {"area": "norra", "q": "vill inte leva"}),
    ("/akut", "age", {"area": "norra"}),
    ("/proffs/sip", "age", {"area": "norra", "need": "somn"}),
    ("/api/v1/find-help", "age", {"area": "norra", "need": "somn"}),
    ("/api/v1/find-help", "limit", {"area": "norra", "age": "15", "need": "somn"}),
    ("/api/v1/providers", "offset", {}),
    ("/api/fhir/HealthcareService", "_count", {}),
    ("/api/fhir/HealthcareService", "_offset", {}),
    ("/api/fhir/Organization", "_count", {}),
    ("/api/hsds/services", "page", {}),
    ("/api/hsds/services", "per_page", {}),
]


@pytest.mark.parametrize("value", NOT_QUITE_NUMBERS)
@pytest.mark.parametrize(("path", "name", "rest"), NUMBER_PLACES)
def test_a_number_that_int_cannot_read_is_a_4xx(
    client: TestClient, path: str, name: str, rest: dict[str, str], value: str
) -> None:
    response = client.get(f"{path}?{urlencode({**rest, name: value})}")
    assert response.status_code < 500, (path, name, value[:10], response.text[:300])
    assert "Traceback" not in response.text


@pytest.mark.parametrize("age", ["١٥", "１５"])
def test_an_age_in_other_digits_is_read_on_the_form(client: TestClient, age: str) -> None:
    """Arabic-Indic and full-width digits, as some phone keyboards type them, are an age
    on the public form (the JSON API takes the age as a JSON-style integer)."""

    def places(typed: str) -> list[str]:
        response = client.get(
            f"/hitta?{urlencode({'area': 'norra', 'age': typed, 'need': 'somn'})}"
        )
        assert response.status_code == 200, response.text[:300]
        soup = BeautifulSoup(response.text, "html.parser")
        return [str(a["href"]) for a in soup.select("a[href*='/mottagning/']")]

    assert places(age) == places("15")
    assert places("15")
