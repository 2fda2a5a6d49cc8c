"""Error reports from the public: the form, the limits, the listing and "done"."""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta

import pytest
from bs4 import BeautifulSoup
from fastapi.testclient import TestClient

from app.routers import reports
from tests.app.html import one, text
from tests.app.routers.test_admin import ALINGSAS_PROVIDER, Admin, admin, login

__all__ = ["admin"]  # the fixture, shared with the admin tests
URL = f"/mottagning/{ALINGSAS_PROVIDER}/rapportera"


@pytest.fixture(autouse=True)
def fresh_limits() -> None:
    reports._recent.clear()


def test_every_provider_page_links_the_report_form(admin: Admin) -> None:
    page = BeautifulSoup(admin.client.get(f"/mottagning/{ALINGSAS_PROVIDER}").text, "html.parser")
    link = one(page, f'a[href="{URL}"]')
    assert text(link) == "Rapportera fel i uppgifterna"
    form = admin.client.get(URL)
    assert form.status_code == 200 and "set-cookie" not in form.headers
    soup = BeautifulSoup(form.text, "html.parser")
    assert one(soup, "textarea#text")
    assert "inga namn eller personuppgifter" in text(one(soup, "#text-hint"))
    english = BeautifulSoup(admin.client.get(f"/en{URL}").text, "html.parser")
    assert text(one(english, "h1")) == "Report an error in the details"


def test_a_report_is_stored_listed_and_marked_done(
    admin: Admin, caplog: pytest.LogCaptureFixture
) -> None:
    words = "Telefonnumret går inte fram längre"
    with caplog.at_level(logging.DEBUG):
        sent = admin.client.post(URL, data={"text": words})
    assert sent.status_code == 303 and sent.headers["location"] == f"{URL}?tack=1"
    assert "set-cookie" not in sent.headers
    assert all(words not in r.getMessage() for r in caplog.records)  # never logged
    thanks = BeautifulSoup(admin.client.get(sent.headers["location"]).text, "html.parser")
    assert "Tack!" in text(one(thanks, "p.notice"))

    assert login(admin.client, "anna", "anna-lösen-1") == 303
    review = BeautifulSoup(admin.client.get("/admin/granskning").text, "html.parser")
    item = one(review, "li.report")
    assert words in text(item)
    assert one(item, f'a[href="/admin/mottagning/{ALINGSAS_PROVIDER}"]')
    form = one(item, "form")
    csrf = str(one(form, 'input[name="csrf"]')["value"])
    done = admin.client.post(str(form["action"]), data={"csrf": csrf})
    assert done.status_code == 303
    assert admin.instance.reports.open() == []
    later = BeautifulSoup(admin.client.get("/admin/granskning").text, "html.parser")
    assert later.select("li.report") == []


def test_a_done_report_is_deleted_after_90_days(admin: Admin) -> None:
    store = admin.instance.reports
    now = datetime.now(UTC)
    first = store.add(ALINGSAS_PROVIDER, "Fel adress", now - timedelta(days=100))
    store.mark_done(first.id, now - timedelta(days=91))
    store.add(ALINGSAS_PROVIDER, "Fel öppettider", now)
    assert [r.text for r in store.all()] == ["Fel öppettider"]


def test_an_empty_report_comes_back_with_a_summary(admin: Admin) -> None:
    response = admin.client.post(URL, data={"text": "   "})
    assert response.status_code == 422
    soup = BeautifulSoup(response.text, "html.parser")
    assert one(soup, ".error-summary a[href='#text']")
    assert admin.instance.reports.open() == []


def test_reports_are_rate_limited_per_address(admin: Admin) -> None:
    answers = [admin.client.post(URL, data={"text": f"Fel {n}"}).status_code for n in range(6)]
    assert answers == [303] * 5 + [429]
    assert len(admin.instance.reports.open()) == 5


def test_a_read_only_server_takes_no_reports(client: TestClient) -> None:
    response = client.post("/mottagning/vc-norra/rapportera", data={"text": "Fel"})
    assert response.status_code == 403
