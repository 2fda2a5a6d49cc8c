"""axe-core on the administration pages people use, at phone and desktop width.

Signed in as an admin in a real Chromium: the paged and searched provider list, a
preview table, a refused form with its error summary, the history, and the account pages
with a refused password. Zero violations on each.
"""

from __future__ import annotations

import subprocess
import sys

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, expect

from tests.e2e.conftest import DESKTOP, PHONE, ROOT, Server

AXE = Axe()


def _no_violations(page: Page) -> None:
    found = AXE.run(page).response["violations"]
    assert [f"{v['id']}: {[n['target'] for n in v['nodes']][:3]}" for v in found] == []


def _add_user(server: Server, name: str, role: str, *areas: str) -> None:
    args = ["user", "add", name, "--role", role, *(["--area", *areas] if areas else [])]
    where = ["--instance", str(server.instance)]
    subprocess.run(
        [sys.executable, "-m", "app.cli", *args, "--password-stdin", *where],
        input=f"{name}-lösen-1\n",
        text=True,
        check=True,
        cwd=ROOT,
        capture_output=True,
    )


@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["375px", "1280px"])
def test_admin_pages_have_no_axe_violations(
    browser: Browser, editing_server: Server, size: dict[str, int]
) -> None:
    server = editing_server
    _add_user(server, "anna", "admin")
    _add_user(server, "erik", "editor", "alingsas")
    context = browser.new_context(viewport=size)
    try:
        page = context.new_page()
        page.goto(server.url("/admin/login"))
        page.get_by_label("Användarnamn").fill("anna")
        page.get_by_label("Lösenord").fill("anna-lösen-1")
        page.get_by_role("button", name="Logga in").click()
        expect(page.get_by_role("heading", name="Administrera registret")).to_be_visible()
        _no_violations(page)  # the first page of the list, with its paging
        page.goto(server.url("/admin?q=alingsas&sida=1"))
        _no_violations(page)

        page.goto(server.url("/admin/mottagning/elevhalsa-alingsas"))
        page.get_by_label("Högsta ålder").fill("19")
        page.locator("form.admin-form").get_by_role("button", name="Förhandsgranska").click()
        expect(page.locator(".preview table")).to_be_visible()
        _no_violations(page)
        page.get_by_label("Lägsta ålder").fill("25")
        page.get_by_label("Namn", exact=True).fill("")
        page.locator("form.admin-form").get_by_role("button", name="Spara").click()
        expect(page.locator(".error-summary")).to_be_visible()
        _no_violations(page)

        page.goto(server.url("/admin/historik"))
        _no_violations(page)
        page.goto(server.url("/admin/anvandare"))
        expect(page.get_by_role("heading", name="Användare")).to_be_visible()
        _no_violations(page)
        page.goto(server.url("/admin/anvandare/erik"))
        page.get_by_label("Nytt lösenord").fill("kort")
        page.get_by_label("Samma lösenord igen").fill("kort")
        page.get_by_role("button", name="Spara lösenordet").click()
        expect(page.locator(".error-summary")).to_be_visible()
        _no_violations(page)
        page.get_by_role("button", name="Stäng av kontot").click()
        expect(page.locator(".saved")).to_be_visible()
        _no_violations(page)
    finally:
        context.close()
