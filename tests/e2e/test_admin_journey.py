"""An administrator signs in, edits a place, sees it served, and undoes it, in a browser."""

from __future__ import annotations

import re
import subprocess
import sys

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from tests.e2e.conftest import ROOT, Server

AXE = Axe()
PROVIDER = "vardcentral-alingsas"
RESULTS = "/hitta?age=15&area=alingsas&need=nedstamdhet"


def _no_violations(page: Page) -> None:
    found = AXE.run(page).response["violations"]
    assert [f"{v['id']}: {[n['target'] for n in v['nodes']][:3]}" for v in found] == []


def test_sign_in_edit_see_it_served_and_undo(page: Page, editing_server: Server) -> None:
    server = editing_server
    subprocess.run(
        [
            sys.executable,
            "-m",
            "app.cli",
            "user",
            "add",
            "maria",
            "--role",
            "editor",
            "--area",
            "alingsas",
            "--password-stdin",
            "--instance",
            str(server.instance),
        ],
        input="maria-lösen-1\n",
        text=True,
        check=True,
        cwd=ROOT,
        capture_output=True,
    )
    page.goto(server.url("/admin"))
    expect(page).to_have_url(re.compile(r"/admin/login"))
    _no_violations(page)
    page.get_by_label("Användarnamn").fill("maria")
    page.get_by_label("Lösenord").fill("maria-lösen-1")
    page.get_by_role("button", name="Logga in").click()
    expect(page.get_by_role("heading", name="Administrera registret")).to_be_visible()
    _no_violations(page)

    page.get_by_label("Sök på namn eller id").fill(PROVIDER)
    page.get_by_role("button", name="Filtrera").click()
    page.locator(f'a[href="/admin/mottagning/{PROVIDER}"]').click()
    name = page.get_by_label("Namn", exact=True)
    old = name.input_value()
    name.fill(f"{old} – nytt namn")
    page.get_by_label("Varför ändrar du?", exact=False).first.fill("Nytt namn enligt kommunen")
    page.locator("form.admin-form").get_by_role("button", name="Förhandsgranska").click()
    expect(page.locator(".preview ins").first).to_contain_text("nytt namn")
    _no_violations(page)
    page.locator("form.admin-form").get_by_role("button", name="Spara").click()
    expect(page.locator(".saved")).to_be_visible()

    page.goto(server.url(RESULTS))
    expect(page.locator("article.place h3", has_text="nytt namn")).to_have_count(1)

    page.goto(server.url("/admin/historik"))
    _no_violations(page)
    page.get_by_role("link", name="Nytt namn enligt kommunen").click()
    _no_violations(page)
    page.get_by_role("button", name="Ångra ändringen").click()
    expect(page.locator(".saved")).to_be_visible()
    page.goto(server.url(RESULTS))
    expect(page.locator("article.place h3", has_text="nytt namn")).to_have_count(0)
    expect(page.locator("article.place h3", has_text=old).first).to_be_visible()

    page.goto(server.url("/admin/granskning"))
    _no_violations(page)
