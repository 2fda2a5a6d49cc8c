"""Registry administration through the admin pages and the admin JSON API."""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from fastapi.testclient import TestClient

from app.config import Settings
from app.factory import create_app
from app.routers import admin_pages
from pathways.store.live import Instance
from tests.app.html import one, text
from tests.conftest import BUNDLED
from tests.pathways.conftest import FAST_HASHER, seed_copy

STOCKHOLM_PROVIDER = "vardcentral-skarpnack"
ALINGSAS_PROVIDER = "vardcentral-alingsas"


@dataclass
class Admin:
    instance: Instance
    client: TestClient
    tokens: dict[str, str]

    @property
    def file(self) -> Path:
        return self.instance.registry_file

    def digest(self) -> str:
        return hashlib.sha256(self.file.read_bytes()).hexdigest()

    def api(self, name: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.tokens[name]}"}


@pytest.fixture
def admin(tmp_path: Path) -> Iterator[Admin]:
    instance = Instance.open(
        tmp_path / "instance", seed_copy(tmp_path, BUNDLED), hasher=FAST_HASHER
    )
    instance.accounts.add_user("anna", "admin", [], "anna-lösen-1")
    instance.accounts.add_user("erik", "editor", ["alingsas"], "erik-lösen-1")
    tokens = {name: instance.accounts.new_token(name) for name in ("anna", "erik")}
    app = create_app(instance.registry(), instance=instance, settings=Settings())
    with TestClient(app, follow_redirects=False) as client:
        yield Admin(instance, client, tokens)


def login(client: TestClient, name: str, password: str) -> int:
    page = client.get("/admin/login")
    token = BeautifulSoup(page.text, "html.parser").select_one('input[name="csrf"]')
    assert token is not None
    response = client.post(
        "/admin/login", data={"name": name, "password": password, "csrf": str(token["value"])}
    )
    return response.status_code


def form_of(client: TestClient, url: str) -> tuple[BeautifulSoup, dict[str, list[str]]]:
    """The edit form as a browser would submit it unchanged."""
    soup = BeautifulSoup(client.get(url).text, "html.parser")
    form = one(soup, "form.admin-form")
    data: dict[str, list[str]] = {}
    for field in form.select("input[name], textarea[name], select[name]"):
        name = str(field["name"])
        if field.name == "textarea":
            data.setdefault(name, []).append(field.get_text())
        elif field.name == "select":
            picked = field.select_one("option[selected]")
            data.setdefault(name, []).append(str(picked["value"]) if picked else "")
        elif field.get("type") == "checkbox":
            if field.has_attr("checked"):
                data.setdefault(name, []).append(str(field.get("value", "on")))
        else:
            data.setdefault(name, []).append(str(field.get("value", "")))
    return soup, data


def test_signing_in_sets_a_strict_cookie_for_admin_only(admin: Admin) -> None:
    assert admin.client.get("/admin").headers["location"].startswith("/admin/login")
    assert login(admin.client, "anna", "fel") == 401
    assert login(admin.client, "anna", "anna-lösen-1") == 303
    cookie = next(c for c in admin.client.cookies.jar if c.name == "vk_session")
    assert cookie.path == "/admin"
    assert cookie.has_nonstandard_attr("HttpOnly")
    page = admin.client.get("/admin")
    assert page.status_code == 200 and page.headers["cache-control"] == "no-store"
    # The public pages still set and receive no cookie.
    public = admin.client.get("/")
    assert "set-cookie" not in public.headers


def test_sign_in_form_without_its_token_is_refused(admin: Admin) -> None:
    response = admin.client.post(
        "/admin/login", data={"name": "anna", "password": "anna-lösen-1", "csrf": "x"}
    )
    assert response.status_code == 403
    assert "vk_session" not in response.headers.get("set-cookie", "")


def test_login_is_throttled_after_repeated_failures(admin: Admin) -> None:
    for _ in range(5):
        assert login(admin.client, "erik", "gissning") == 401
    assert login(admin.client, "erik", "erik-lösen-1") == 429


def test_edit_preview_save_history_and_revert_in_the_browser_forms(admin: Admin) -> None:
    assert login(admin.client, "anna", "anna-lösen-1") == 303
    url = f"/admin/mottagning/{ALINGSAS_PROVIDER}"
    _, data = form_of(admin.client, url)
    old_wait = data.get("typical_wait", [""])[0]
    data["typical_wait"] = ["Oftast inom en vecka"]
    data["message"] = ["Ny väntetid enligt mottagningen"]
    preview = admin.client.post(url, data={**data, "action": "preview"})
    assert preview.status_code == 200
    soup = BeautifulSoup(preview.text, "html.parser")
    row = next(tr for tr in soup.select(".preview tbody tr") if text(tr.th) == "Väntetid")
    assert "Oftast inom en vecka" in text(row.select_one("ins"))
    before = admin.digest()
    assert admin.digest() == before, "a preview writes nothing"

    saved = admin.client.post(url, data={**data, "action": "save"})
    assert saved.status_code == 303
    public = admin.client.get(f"/api/v1/providers/{ALINGSAS_PROVIDER}").json()
    assert public["typical_wait"] == "Oftast inom en vecka"
    page = BeautifulSoup(admin.client.get(f"/mottagning/{ALINGSAS_PROVIDER}").text, "html.parser")
    assert "Oftast inom en vecka" in text(one(page, "dl.facts"))

    history = BeautifulSoup(
        admin.client.get(f"/admin/historik?mottagning={ALINGSAS_PROVIDER}").text, "html.parser"
    )
    latest = history.select("ol.history li a")[0]
    assert text(latest) == "Ny väntetid enligt mottagningen"
    change = BeautifulSoup(admin.client.get(str(latest["href"])).text, "html.parser")
    csrf = str(one(change, 'form[action^="/admin/andring"] input[name="csrf"]')["value"])
    undone = admin.client.post(str(latest["href"]), data={"csrf": csrf, "action": "save"})
    assert undone.status_code == 303
    after = admin.client.get(f"/api/v1/providers/{ALINGSAS_PROVIDER}").json()
    assert (after["typical_wait"] or "") == old_wait
    assert len(admin.instance.history(ALINGSAS_PROVIDER)) == 3  # seed, edit, undo


def test_a_form_post_without_csrf_is_refused(admin: Admin) -> None:
    assert login(admin.client, "anna", "anna-lösen-1") == 303
    url = f"/admin/mottagning/{ALINGSAS_PROVIDER}"
    _, data = form_of(admin.client, url)
    data["name"] = ["Kapad"]
    before = admin.digest()
    for csrf in ([], ["fel"]):
        response = admin.client.post(url, data={**data, "csrf": csrf, "action": "save"})
        assert response.status_code == 403
    assert admin.digest() == before


def test_an_editor_cannot_change_another_areas_provider(admin: Admin) -> None:
    assert login(admin.client, "erik", "erik-lösen-1") == 303
    before = admin.digest()
    url = f"/admin/mottagning/{STOCKHOLM_PROVIDER}"
    soup, data = form_of(admin.client, url)
    assert one(soup, "p.notice")  # told it is read-only for them
    data["name"] = ["Ändrad av Alingsås"]
    response = admin.client.post(url, data={**data, "action": "save"})
    assert response.status_code == 403
    # ...nor through the API.
    current = admin.client.get(
        f"/api/v1/admin/providers/{STOCKHOLM_PROVIDER}", headers=admin.api("erik")
    )
    record = {**current.json(), "name": "Ändrad av Alingsås"}
    put = admin.client.put(
        f"/api/v1/admin/providers/{STOCKHOLM_PROVIDER}",
        json=record,
        headers={**admin.api("erik"), "If-Match": current.headers["etag"]},
    )
    assert put.status_code == 403
    assert admin.digest() == before
    # Their own area is fine.
    own = f"/admin/mottagning/{ALINGSAS_PROVIDER}"
    _, mine = form_of(admin.client, own)
    mine["hours"] = ["Vardagar"]
    assert admin.client.post(own, data={**mine, "action": "save"}).status_code == 303


def test_an_invalid_edit_names_its_field_and_writes_nothing(admin: Admin) -> None:
    assert login(admin.client, "anna", "anna-lösen-1") == 303
    url = f"/admin/mottagning/{ALINGSAS_PROVIDER}"
    _, data = form_of(admin.client, url)
    data["age_min"], data["age_max"] = ["17"], ["6"]
    before = admin.digest()
    commits = len(admin.instance.history())
    response = admin.client.post(url, data={**data, "action": "save"})
    assert response.status_code == 422
    soup = BeautifulSoup(response.text, "html.parser")
    assert soup.select_one("#f-age_min-error, #f-age_max-error") is not None
    assert admin.digest() == before and len(admin.instance.history()) == commits
    # The API answers the same refusal with the field.
    current = admin.client.get(
        f"/api/v1/admin/providers/{ALINGSAS_PROVIDER}", headers=admin.api("anna")
    )
    put = admin.client.put(
        f"/api/v1/admin/providers/{ALINGSAS_PROVIDER}",
        json={**current.json(), "areas": ["mars"]},
        headers={**admin.api("anna"), "If-Match": current.headers["etag"]},
    )
    assert put.status_code == 422
    assert any(e["field"] and e["field"].startswith("areas") for e in put.json()["detail"])
    assert admin.digest() == before


def test_two_writers_with_the_same_etag_one_wins_nothing_is_lost(admin: Admin) -> None:
    url = f"/api/v1/admin/providers/{ALINGSAS_PROVIDER}"
    read = admin.client.get(url, headers=admin.api("anna"))
    assert read.status_code == 200 and read.headers["cache-control"] == "no-store"
    etag = read.headers["etag"]
    first = admin.client.put(
        url, json={**read.json(), "hours": "Först"}, headers={**admin.api("anna"), "If-Match": etag}
    )
    second = admin.client.put(
        url, json={**read.json(), "hours": "Sen"}, headers={**admin.api("erik"), "If-Match": etag}
    )
    assert first.status_code == 200 and second.status_code == 412
    assert second.json()["current_etag"] == first.headers["etag"].strip('"')
    assert admin.client.get(url, headers=admin.api("anna")).json()["hours"] == "Först"
    assert "hours: Först" in admin.file.read_text(encoding="utf-8")
    assert admin.instance.history(ALINGSAS_PROVIDER)[0].author == "anna"


def test_api_needs_a_token_and_if_match(admin: Admin) -> None:
    url = f"/api/v1/admin/providers/{ALINGSAS_PROVIDER}"
    assert admin.client.get(url).status_code == 401
    assert admin.client.get(url, headers={"Authorization": "Bearer vk_fel"}).status_code == 401
    record = admin.client.get(url, headers=admin.api("anna")).json()
    assert admin.client.put(url, json=record, headers=admin.api("anna")).status_code == 428


def test_api_creates_a_provider_and_a_flow_and_retires(admin: Admin) -> None:
    template = admin.client.get(
        f"/api/v1/admin/providers/{ALINGSAS_PROVIDER}", headers=admin.api("erik")
    ).json()
    new = {**template, "id": "uph-alingsas-nya", "name": "Nya UPH Alingsås", "kind": "uph"}
    new.pop("level", None)
    created = admin.client.post(
        "/api/v1/admin/providers", json=new, headers=admin.api("erik"), params={"message": "Ny UPH"}
    )
    assert created.status_code == 201, created.text
    assert created.headers["location"] == "/api/v1/admin/providers/uph-alingsas-nya"
    flow = {
        "id": "nya-uph-till-bup",
        "from": "uph-alingsas-nya",
        "to": "bup-en-vag-in-vgr",
        "mechanism": "remiss",
    }
    made = admin.client.post("/api/v1/admin/flows", json=flow, headers=admin.api("erik"))
    assert made.status_code == 201, made.text
    served = admin.client.get("/api/v1/providers/uph-alingsas-nya").json()
    assert "bup-en-vag-in-vgr" in {f["provider"]["id"] for f in served["flows_out"]}
    etag = created.headers["etag"]
    retired = admin.client.delete(
        "/api/v1/admin/providers/uph-alingsas-nya",
        headers={**admin.api("erik"), "If-Match": etag},
        params={"remove_references": "true"},
    )
    assert retired.status_code == 200, retired.text
    assert admin.client.get("/api/v1/providers/uph-alingsas-nya").status_code == 404


def test_review_page_links_each_finding_to_a_fix(admin: Admin) -> None:
    assert login(admin.client, "anna", "anna-lösen-1") == 303
    soup = BeautifulSoup(admin.client.get("/admin/granskning").text, "html.parser")
    findings = soup.select("ul.findings li")
    assert findings
    links = [str(a["href"]) for a in soup.select("ul.findings a")]
    assert links and all(h.startswith(("/admin/mottagning/", "/admin/flode/")) for h in links)


def test_the_review_page_leaves_the_event_loop_to_reads(
    admin: Admin, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The audit behind /admin/granskning is slow at national scale; while it runs, the
    same worker still answers other requests (the page is worked out in the threadpool)."""
    assert login(admin.client, "anna", "anna-lösen-1") == 303
    entered, release = threading.Event(), threading.Event()

    def slow_audit(registry: object, today: object = None) -> list[object]:
        entered.set()
        release.wait(10)
        return []

    monkeypatch.setattr(admin_pages, "audit", slow_audit)
    pages: list[int] = []
    review = threading.Thread(
        target=lambda: pages.append(admin.client.get("/admin/granskning").status_code)
    )
    review.start()
    try:
        assert entered.wait(10)
        assert admin.client.get("/healthz").status_code == 200
        assert review.is_alive() and not pages  # answered while the audit still ran
    finally:
        release.set()
        review.join(10)
    assert pages == [200]


def test_a_read_only_server_has_no_admin(client: TestClient) -> None:
    assert client.get("/api/v1/admin/providers/vc-norra").status_code == 403


def test_signing_out_needs_the_token_and_ends_the_session(admin: Admin) -> None:
    assert login(admin.client, "anna", "anna-lösen-1") == 303
    page = BeautifulSoup(admin.client.get("/admin").text, "html.parser")
    csrf = str(one(page, 'form[action="/admin/logout"] input[name="csrf"]')["value"])
    assert admin.client.post("/admin/logout", data={"csrf": "fel"}).status_code == 403
    assert admin.client.post("/admin/logout", data={"csrf": csrf}).status_code == 303
    assert admin.client.get("/admin").status_code == 303


def test_production_cookies_are_secure(tmp_path: Path) -> None:
    instance = Instance.open(tmp_path / "i", seed_copy(tmp_path, BUNDLED), hasher=FAST_HASHER)
    instance.accounts.add_user("anna", "admin", [], "anna-lösen-1")
    settings = Settings(environment="production", secret_key="x" * 40)
    app = create_app(instance.registry(), instance=instance, settings=settings)
    with TestClient(app, base_url="https://testserver", follow_redirects=False) as client:
        page = client.get("/admin/login")
        assert "secure" in page.headers["set-cookie"].lower()
        assert "samesite=strict" in page.headers["set-cookie"].lower()
        assert "httponly" in page.headers["set-cookie"].lower()
    with pytest.raises(ValueError, match="VARDKEDJAN_SECRET_KEY"):
        Settings(environment="production", secret_key="kort")


def test_cookies_are_secure_over_https_in_development_too(admin: Admin) -> None:
    page = admin.client.get("https://testserver/admin/login")
    assert "secure" in page.headers["set-cookie"].lower()
    plain = admin.client.get("http://testserver/admin/login")
    assert "secure" not in plain.headers["set-cookie"].lower()
