"""Edits the registry must refuse, each with its field and a sentence saying what is
expected, in the admin JSON API (English) and the admin form (Swedish); nothing written."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from bs4 import BeautifulSoup

from tests.app.html import one, text
from tests.app.routers.test_admin import ALINGSAS_PROVIDER, Admin, admin, form_of, login

__all__ = ["admin"]  # the fixture, shared with test_admin.py

URL = f"/api/v1/admin/providers/{ALINGSAS_PROVIDER}"
AHEAD = (date.today() + timedelta(days=40)).isoformat()


def put(admin: Admin, change: dict[str, Any]) -> Any:
    current = admin.client.get(URL, headers=admin.api("anna"))
    return admin.client.put(
        URL,
        json={**current.json(), **change},
        headers={**admin.api("anna"), "If-Match": current.headers["etag"]},
    )


@pytest.mark.parametrize(
    ("change", "field", "said"),
    [
        ({"name": "Vårdcentral\x00"}, "name", "control character"),
        ({"name": "Vård\x1b[31mcentral"}, "name", "control character"),
        ({"how_to_contact": "Ring\x07 oss"}, "how_to_contact", "control character"),
        ({"reviewed": AHEAD}, "reviewed", f"{AHEAD} is later than today"),
        ({"phone": "ring oss"}, "phone", "is not a phone number"),
        ({"website": "javascript:alert(1)"}, "website", "is not a web address"),
        ({"email": "inte-en-adress"}, "email", "is not an e-mail address"),
        ({"languages": ["svenska"]}, "languages.0", "is not a language code"),
    ],
)
def test_the_api_refuses_with_the_field_and_what_is_expected(
    admin: Admin, change: dict[str, Any], field: str, said: str
) -> None:
    before = admin.digest()
    refused = put(admin, change)
    assert refused.status_code == 422, refused.text
    problems = {p["field"]: p["msg"] for p in refused.json()["detail"]}
    assert said in problems[field], problems
    assert "should match pattern" not in problems[field]
    assert admin.digest() == before


def test_newlines_tabs_and_a_review_today_or_tomorrow_are_accepted(admin: Admin) -> None:
    """The rules refuse what is wrong, not what is merely unusual: a day of grace for an
    editor whose today is the server's tomorrow."""
    tomorrow = (date.today() + timedelta(days=1)).isoformat()
    saved = put(admin, {"description": "Rad ett.\nRad två,\tindragen.", "reviewed": tomorrow})
    assert saved.status_code == 200, saved.text
    record = admin.client.get(URL, headers=admin.api("anna")).json()
    assert record["description"] == "Rad ett.\nRad två,\tindragen."
    assert record["reviewed"] == tomorrow


def test_the_form_says_in_swedish_what_is_expected(admin: Admin) -> None:
    assert login(admin.client, "anna", "anna-lösen-1") == 303
    url = f"/admin/mottagning/{ALINGSAS_PROVIDER}"
    _, data = form_of(admin.client, url)
    data.update(reviewed=[AHEAD], website=["www.exempel.se"], email=["exempel.se"])
    before = admin.digest()
    refused = admin.client.post(url, data={**data, "action": "save"})
    assert refused.status_code == 422
    summary = one(BeautifulSoup(refused.text, "html.parser"), ".error-summary")
    links = {str(a["href"]): text(a) for a in summary.select("a")}
    assert "ligger framåt i tiden" in links["#f-reviewed"]
    assert "börjar med https://" in links["#f-website"]
    assert "e-postadress" in links["#f-email"]
    assert "fel form" not in text(summary)
    assert admin.digest() == before
