"""`/admin/anvandare`: accounts managed in the browser, admins only, recorded in the history."""

from __future__ import annotations

from bs4 import BeautifulSoup

from tests.app.html import get_page, one, text
from tests.app.routers.test_admin import Admin, admin, login

__all__ = ["admin"]  # the fixture, shared with test_admin.py


def _csrf(admin: Admin, url: str) -> str:
    return str(one(get_page(admin.client, url), 'nav input[name="csrf"]')["value"])


def _post(admin: Admin, name: str, **fields: str) -> tuple[int, BeautifulSoup]:
    url = f"/admin/anvandare/{name}"
    data = {"csrf": _csrf(admin, url), **fields}
    response = admin.client.post(url, data=data)
    return response.status_code, BeautifulSoup(response.text, "html.parser")


def _history(admin: Admin) -> list[tuple[str, str]]:
    return [(e.author, e.subject) for e in admin.instance.history(limit=10)]


def test_admin_sees_every_account_with_role_areas_and_status(admin: Admin) -> None:
    assert login(admin.client, "anna", "anna-lösen-1") == 303
    soup = get_page(admin.client, "/admin/anvandare")
    assert one(soup, 'nav.admin-nav a[href="/admin/anvandare"]')
    rows = {
        text(tr.select_one("td a")): [text(td) for td in tr.select("td")[1:]]
        for tr in soup.select("table.users tbody tr")
    }
    assert rows["anna"] == ["Administratör", "Alla områden", "Aktivt"]
    assert rows["erik"] == ["Redaktör", "Alingsås", "Aktivt"]


def test_editors_may_not_see_or_use_the_page(admin: Admin) -> None:
    assert login(admin.client, "erik", "erik-lösen-1") == 303
    assert not get_page(admin.client, "/admin").select('a[href="/admin/anvandare"]')
    for url in ("/admin/anvandare", "/admin/anvandare/anna"):
        page = admin.client.get(url)
        assert page.status_code == 403
        assert "anna" not in text(BeautifulSoup(page.text, "html.parser").main)
    csrf = _csrf(admin, "/admin")
    refused = admin.client.post("/admin/anvandare/anna", data={"csrf": csrf, "action": "disable"})
    assert refused.status_code == 403
    user = admin.instance.accounts.get("anna")
    assert user is not None and not user.disabled


def test_a_form_without_its_csrf_token_is_refused(admin: Admin) -> None:
    assert login(admin.client, "anna", "anna-lösen-1") == 303
    before = _history(admin)
    for token in ("", "fel"):
        refused = admin.client.post(
            "/admin/anvandare/erik", data={"csrf": token, "action": "disable"}
        )
        assert refused.status_code == 403
    user = admin.instance.accounts.get("erik")
    assert user is not None and not user.disabled
    assert _history(admin) == before


def test_disable_and_enable_are_recorded_and_stop_sign_in(admin: Admin) -> None:
    assert login(admin.client, "anna", "anna-lösen-1") == 303
    status, _ = _post(admin, "erik", action="disable")
    assert status == 303
    page = get_page(admin.client, "/admin/anvandare/erik?klart=disable")
    assert "Kontot är avstängt" in text(one(page, ".saved"))
    assert "Avstängt" in text(one(page, "dl.facts"))
    assert _history(admin)[0] == ("anna", "Stäng av kontot 'erik'")
    history = get_page(admin.client, "/admin/historik")
    assert "Stäng av kontot 'erik'" in [text(a) for a in history.select("ol.history a")]
    assert login(admin.client, "erik", "erik-lösen-1") != 303
    assert login(admin.client, "anna", "anna-lösen-1") == 303
    status, _ = _post(admin, "erik", action="enable")
    assert status == 303
    assert _history(admin)[0] == ("anna", "Aktivera kontot 'erik' igen")
    assert login(admin.client, "erik", "erik-lösen-1") == 303


def test_a_new_password_follows_the_rules_and_ends_old_sessions(admin: Admin) -> None:
    assert login(admin.client, "anna", "anna-lösen-1") == 303
    status, soup = _post(admin, "erik", action="passwd", password="kort", password2="kort")
    assert status == 422
    summary = one(soup, ".error-summary")
    link = one(summary, 'a[href="#f-password"]')
    assert "minst 10 tecken" in text(link) and text(link).startswith("Nytt lösenord:")
    assert one(soup, "#f-password")["aria-invalid"] == "true"
    status, soup = _post(
        admin, "erik", action="passwd", password="en lång mening", password2="en lang mening"
    )
    assert status == 422
    assert one(one(soup, ".error-summary"), 'a[href="#f-password2"]')
    assert not soup.select('input[type="password"][value]')  # never echoed back
    assert login(admin.client, "erik", "erik-lösen-1") == 303  # nothing changed
    assert login(admin.client, "anna", "anna-lösen-1") == 303
    status, _ = _post(
        admin, "erik", action="passwd", password="en lång mening", password2="en lång mening"
    )
    assert status == 303
    assert _history(admin)[0] == ("anna", "Nytt lösenord för 'erik'")
    assert login(admin.client, "erik", "erik-lösen-1") != 303
    assert login(admin.client, "erik", "en lång mening") == 303


def test_remove_needs_a_confirmation_and_is_recorded(admin: Admin) -> None:
    assert login(admin.client, "anna", "anna-lösen-1") == 303
    status, soup = _post(admin, "erik", action="remove")
    assert status == 422
    assert one(one(soup, ".error-summary"), 'a[href="#f-confirm"]')
    assert admin.instance.accounts.get("erik") is not None
    status, _ = _post(admin, "erik", action="remove", confirm="on")
    assert status == 303
    assert admin.instance.accounts.get("erik") is None
    assert _history(admin)[0] == ("anna", "Ta bort kontot 'erik'")
    listing = get_page(admin.client, "/admin/anvandare?klart=remove")
    assert "Kontot är borttaget" in text(one(listing, ".saved"))
    assert "erik" not in [text(a) for a in listing.select("table.users td a")]
    assert admin.client.get("/admin/anvandare/erik").status_code == 404


def test_an_admin_cannot_lock_themselves_out(admin: Admin) -> None:
    assert login(admin.client, "anna", "anna-lösen-1") == 303
    page = get_page(admin.client, "/admin/anvandare/anna")
    assert not page.select('button[value="disable"], button[value="remove"]')
    for action in ("disable", "remove"):
        status, soup = _post(admin, "anna", action=action, confirm="on")
        assert status == 422
        assert "ditt eget konto" in text(one(soup, ".error-summary"))
    user = admin.instance.accounts.get("anna")
    assert user is not None and not user.disabled
