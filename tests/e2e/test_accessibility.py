"""axe-core in a real Chromium: zero violations on every page type, phone and desktop."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser

from tests.e2e.conftest import DESKTOP, PHONE, Server

PAGES = {
    "start": "/",
    "results": "/hitta?age=15&area=skarpnack&need=nedstamdhet",
    "results-crisis": "/hitta?age=17&area=molndal&q=orkar+inte+mer%2C+vill+inte+leva",
    "results-city": "/hitta?age=14&area=stockholm&need=oro_angest&confidential=1",
    "form-errors": "/hitta?age=tolv&area=Skarpn%C3%A4k&q=vill+inte+leva",
    "provider-unverified": "/mottagning/bup-akut-sahlgrenska",
    "provider-national": "/mottagning/bris",
    "akut": "/akut?area=goteborg&age=15",
    "om": "/om",
    "not-found": "/mottagning/finns-inte",
    "en-start": "/en/",
    "en-results": "/en/hitta?age=15&area=lerum&need=oro_angest",
    "en-provider": "/en/mottagning/bris",
    "proffs": "/proffs",
    "routes": "/proffs/remissvagar?from=elevhalsa&to=bup&area=kungsholmen&age=10&need=npf",
    "routes-error": "/proffs/remissvagar?from=elevhalsa&to=bup",
    "report": "/proffs/orosanmalan?area=partille",
    "sip": "/proffs/sip?area=alingsas&age=13&need=npf&need=skolfranvaro",
    "map": "/karta?area=skarpnack&need=nedstamdhet",
    "map-path": "/karta?area=stockholm&need=nedstamdhet&age=15",
    "map-units": "/karta?area=stockholm&kind=vardcentral",
    "map-error": "/karta?area=stockholm&kind=hogwarts",
    "en-map": "/en/karta?area=alingsas",
    "en-map-path": "/en/karta?area=alingsas&need=npf&age=9",
    "en-routes": "/en/proffs/remissvagar?from=socialtjanst&to=bup&area=goteborg&age=14",
    "en-report": "/en/proffs/orosanmalan?area=bromma",
    "en-sip": "/en/proffs/sip?area=goteborg-hisingen&age=19&need=nedstamdhet",
    "ask-an-adult": "/be-en-vuxen-om-hjalp",
    "en-ask-an-adult": "/en/be-en-vuxen-om-hjalp",
}
AXE = Axe()


def _violations(results: dict[str, object]) -> list[str]:
    found = results.get("violations", [])
    assert isinstance(found, list)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
        for v in found
    ]


@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["375px", "1280px"])
@pytest.mark.parametrize("name", list(PAGES))
def test_no_axe_violations(
    browser: Browser, server: Server, name: str, size: dict[str, int]
) -> None:
    context = browser.new_context(viewport=size)
    try:
        page = context.new_page()
        response = page.goto(server.url(PAGES[name]))
        assert response is not None and response.status in (200, 404, 422)
        results = AXE.run(page)
        assert _violations(results.response) == []
    finally:
        context.close()
