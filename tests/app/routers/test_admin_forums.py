"""Forums are edited like providers and flows: the same forms, ETags, scope and history."""

from __future__ import annotations

from bs4 import BeautifulSoup

from tests.app.html import one, text
from tests.app.routers.test_admin import Admin, admin, form_of, login

__all__ = ["admin"]  # the fixture, shared with the provider and flow tests

ALINGSAS_FORUM = "nosam-alingsas"
STOCKHOLM_FORUM = "lokala-bus-grupper-stockholm"


def test_a_forum_is_edited_in_the_browser_with_preview_and_history(admin: Admin) -> None:
    assert login(admin.client, "erik", "erik-lösen-1") == 303
    listing = BeautifulSoup(admin.client.get("/admin/forum").text, "html.parser")
    assert one(listing, f'a[href="/admin/forum/{ALINGSAS_FORUM}"]')
    url = f"/admin/forum/{ALINGSAS_FORUM}"
    _, data = form_of(admin.client, url)
    members_before = admin.instance.registry().forums[ALINGSAS_FORUM].members
    data["purpose"] = ["Ett nytt syfte för NOSAM i Alingsås."]
    data["message"] = ["Nytt syfte enligt kommunen"]
    before = admin.digest()
    preview = admin.client.post(url, data={**data, "action": "preview"})
    assert preview.status_code == 200
    soup = BeautifulSoup(preview.text, "html.parser")
    row = next(tr for tr in soup.select(".preview tbody tr") if text(tr.th) == "purpose")
    assert "Ett nytt syfte" in text(row.select_one("ins"))
    assert admin.digest() == before, "a preview writes nothing"

    saved = admin.client.post(url, data={**data, "action": "save"})
    assert saved.status_code == 303, saved.text
    assert saved.headers["location"].startswith(f"/admin/forum/{ALINGSAS_FORUM}?sparat=")
    forum = admin.instance.registry().forums[ALINGSAS_FORUM]
    assert forum.purpose == "Ett nytt syfte för NOSAM i Alingsås."
    assert forum.members == members_before, "members the form shows as text stay"
    history = admin.instance.history(forum_id=ALINGSAS_FORUM)
    assert history[0].message.startswith("Nytt syfte enligt kommunen")
    page = BeautifulSoup(
        admin.client.get(f"/admin/historik?forum={ALINGSAS_FORUM}").text, "html.parser"
    )
    assert text(page.select("ol.history li a")[0]) == "Nytt syfte enligt kommunen"


def test_an_editor_cannot_change_another_areas_forum(admin: Admin) -> None:
    assert login(admin.client, "erik", "erik-lösen-1") == 303
    url = f"/admin/forum/{STOCKHOLM_FORUM}"
    soup, data = form_of(admin.client, url)
    assert "utanför dina områden" in text(one(soup, "p.notice"))
    before = admin.digest()
    refused = admin.client.post(url, data={**data, "purpose": ["Ändrat"], "action": "save"})
    assert refused.status_code == 403
    assert admin.digest() == before


def test_the_api_reads_changes_and_removes_a_forum_with_etags(admin: Admin) -> None:
    url = f"/api/v1/admin/forums/{ALINGSAS_FORUM}"
    assert admin.client.get(url).status_code == 401
    read = admin.client.get(url, headers=admin.api("erik"))
    assert read.status_code == 200
    etag = read.headers["etag"]
    record = {**read.json(), "note": "Träffas varannan månad."}
    assert admin.client.put(url, json=record, headers=admin.api("erik")).status_code == 428
    stale = admin.client.put(url, json=record, headers={**admin.api("erik"), "If-Match": '"0"'})
    assert stale.status_code == 412
    changed = admin.client.put(url, json=record, headers={**admin.api("erik"), "If-Match": etag})
    assert changed.status_code == 200, changed.text
    assert changed.headers["etag"] != etag
    assert admin.instance.registry().forums[ALINGSAS_FORUM].note == "Träffas varannan månad."
    history = admin.client.get(
        "/api/v1/admin/history", params={"forum": ALINGSAS_FORUM}, headers=admin.api("erik")
    ).json()["history"]
    assert history[0]["forums"] == [ALINGSAS_FORUM]

    other = f"/api/v1/admin/forums/{STOCKHOLM_FORUM}"
    theirs = admin.client.get(other, headers=admin.api("erik"))
    denied = admin.client.put(
        other,
        json={**theirs.json(), "note": "x"},
        headers={**admin.api("erik"), "If-Match": theirs.headers["etag"]},
    )
    assert denied.status_code == 403

    removed = admin.client.delete(
        url, headers={**admin.api("erik"), "If-Match": changed.headers["etag"]}
    )
    assert removed.status_code == 200, removed.text
    assert ALINGSAS_FORUM not in admin.instance.registry().forums
    assert admin.client.get(url, headers=admin.api("erik")).status_code == 404


def test_the_api_creates_a_forum_and_keeps_its_path_names(admin: Admin) -> None:
    new = {
        "id": "nytt-forum-alingsas",
        "name": "Nytt forum i Alingsås",
        "areas": ["alingsas"],
        "members": ["elevhalsa", "socialtjanst"],
        "purpose": "Att pröva att skapa ett forum.",
        "level": "verksamhet",
        "source": "Test",
        "reviewed": "2026-11-01",
        "verified": False,
    }
    made = admin.client.post("/api/v1/admin/forums", json=new, headers=admin.api("erik"))
    assert made.status_code == 201, made.text
    assert made.headers["location"] == "/api/v1/admin/forums/nytt-forum-alingsas"
    assert "nytt-forum-alingsas" in admin.instance.registry().forums
    spec = admin.client.get("/openapi.json").json()["paths"]
    for path in (
        "/api/v1/admin/providers/{provider_id}",
        "/api/v1/admin/flows/{flow_id}",
        "/api/v1/admin/forums/{forum_id}",
    ):
        assert set(spec[path]) == {"get", "put", "delete"}


def test_a_forum_is_removed_from_its_delete_form(admin: Admin) -> None:
    assert login(admin.client, "anna", "anna-lösen-1") == 303
    url = f"/admin/forum/{ALINGSAS_FORUM}"
    soup = BeautifulSoup(admin.client.get(url).text, "html.parser")
    form = one(soup, "form.retire")
    assert form["action"] == url
    fields = {str(i["name"]): str(i["value"]) for i in form.select("input[type=hidden]")}
    preview = admin.client.post(url, data={**fields, "action": "delete-preview"})
    assert preview.status_code == 200
    assert ALINGSAS_FORUM in admin.instance.registry().forums
    removed = admin.client.post(url, data={**fields, "action": "delete-save"})
    assert removed.status_code == 303
    assert removed.headers["location"].startswith("/admin?sparat=")
    assert ALINGSAS_FORUM not in admin.instance.registry().forums
