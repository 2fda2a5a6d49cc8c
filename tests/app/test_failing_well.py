"""Failing well: scope first over HTTP, and a save that cannot be made answers 503.

A full disk, a read-only instance or a missing git is nobody's typing error: the answer
is 503 with a sentence (JSON for the API, the form again for the admin pages), nothing
is published, and the log has one line naming the cause.
"""

from __future__ import annotations

import errno
import logging
import subprocess
import sys
from pathlib import Path

import pytest

from pathways.store import atomic as durable
from tests.app.routers.test_admin import (
    ALINGSAS_PROVIDER,
    STOCKHOLM_PROVIDER,
    Admin,
    admin,
    form_of,
    login,
)
from tests.conftest import ROOT

__all__ = ["admin"]  # the fixture, shared with the admin tests


def test_an_unchanged_put_outside_the_area_is_403_not_no_change(admin: Admin) -> None:
    url = f"/api/v1/admin/providers/{STOCKHOLM_PROVIDER}"
    current = admin.client.get(url, headers=admin.api("erik"))
    headers = {**admin.api("erik"), "If-Match": current.headers["etag"]}
    put = admin.client.put(url, json=current.json(), headers=headers)
    assert put.status_code == 403
    stale = admin.client.put(url, json=current.json(), headers={**headers, "If-Match": '"x"'})
    assert stale.status_code == 403
    same = admin.client.put(
        url, json=current.json(), headers={**admin.api("anna"), "If-Match": headers["If-Match"]}
    )
    assert same.status_code == 200 and same.json()["commit"] is None


def _disk_full(temporary: Path, target: Path) -> None:
    if target.name == "providers.yaml":
        raise OSError(errno.ENOSPC, "No space left on device")


def test_a_full_disk_is_503_with_a_sentence_and_one_log_line(
    admin: Admin, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(durable, "before_replace", _disk_full)
    url = f"/api/v1/admin/providers/{ALINGSAS_PROVIDER}"
    current = admin.client.get(url, headers=admin.api("anna"))
    record = {**current.json(), "hours": "Vardagar 8-16"}
    before = admin.digest()
    with caplog.at_level(logging.ERROR):
        put = admin.client.put(
            url, json=record, headers={**admin.api("anna"), "If-Match": current.headers["etag"]}
        )
    assert put.status_code == 503
    assert "the disk is full" in put.json()["detail"]
    assert "Retry-After" in put.headers
    assert admin.digest() == before
    causes = [r.getMessage() for r in caplog.records if "disk is full" in r.getMessage()]
    assert len(causes) == 1
    public = admin.client.get(f"/api/v1/providers/{ALINGSAS_PROVIDER}").json()
    assert public.get("hours") != "Vardagar 8-16"


def test_missing_git_gives_the_form_back_with_a_swedish_sentence(admin: Admin) -> None:
    assert login(admin.client, "anna", "anna-lösen-1") == 303
    admin.instance.git.env["PATH"] = "/nonexistent"
    url = f"/admin/mottagning/{ALINGSAS_PROVIDER}"
    _, data = form_of(admin.client, url)
    data["hours"] = ["Vardagar 9-15"]
    before = admin.digest()
    response = admin.client.post(url, data={**data, "action": "save"})
    assert response.status_code == 503
    assert "git är inte installerat" in response.text
    assert admin.digest() == before
    admin.instance.git.env.pop("PATH")


def test_serve_on_an_unusable_instance_prints_one_line(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "app.cli", "serve", "--instance", str(blocker / "instance")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode != 0
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "cannot be used" in lines[0] and "Traceback" not in done.stderr


def test_a_read_only_instance_is_503_naming_it(
    admin: Admin, monkeypatch: pytest.MonkeyPatch
) -> None:
    def read_only(temporary: Path, target: Path) -> None:
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(durable, "before_replace", read_only)
    url = f"/api/v1/admin/providers/{ALINGSAS_PROVIDER}"
    current = admin.client.get(url, headers=admin.api("anna"))
    record = {**current.json(), "hours": "Vardagar 7-15"}
    put = admin.client.put(
        url, json=record, headers={**admin.api("anna"), "If-Match": current.headers["etag"]}
    )
    assert put.status_code == 503
    assert "read-only" in put.json()["detail"]
    assert not admin.instance.journal.pending()


def test_a_refusal_by_scope_is_told_in_swedish_on_the_form(admin: Admin) -> None:
    assert login(admin.client, "erik", "erik-lösen-1") == 303
    url = f"/admin/mottagning/{STOCKHOLM_PROVIDER}"
    _, data = form_of(admin.client, url)
    response = admin.client.post(url, data={**data, "action": "save"})  # unchanged, too
    assert response.status_code == 403
    assert "utanför dina områden (alingsas)" in response.text
    assert "may not change" not in response.text


OUTSIDE_ERIKS_AREAS = [
    ("providers", STOCKHOLM_PROVIDER),
    ("flows", "orosanmalan-bup"),  # from every BUP: admins only
    ("forums", "lokala-bus-grupper-stockholm"),
]


@pytest.mark.parametrize(("section", "ident"), OUTSIDE_ERIKS_AREAS)
def test_every_section_is_authorised_first_in_the_api(
    admin: Admin, section: str, ident: str
) -> None:
    url = f"/api/v1/admin/{section}/{ident}"
    current = admin.client.get(url, headers=admin.api("erik"))
    assert current.status_code == 200
    headers = {**admin.api("erik"), "If-Match": current.headers["etag"]}
    before = admin.digest()
    assert admin.client.put(url, json=current.json(), headers=headers).status_code == 403
    stale = {**headers, "If-Match": '"stale"'}
    assert admin.client.put(url, json=current.json(), headers=stale).status_code == 403
    assert admin.client.delete(url, headers=stale).status_code == 403
    assert admin.digest() == before


@pytest.mark.parametrize(
    ("slug", "ident", "field"),
    [
        ("mottagning", ALINGSAS_PROVIDER, "hours"),
        ("flode", "orosanmalan-bup", "note"),
        ("forum", "nosam-alingsas", "purpose"),
    ],
)
def test_every_section_form_says_a_failed_save_in_swedish(
    admin: Admin, slug: str, ident: str, field: str
) -> None:
    assert login(admin.client, "anna", "anna-lösen-1") == 303
    admin.instance.git.env["PATH"] = "/nonexistent"
    url = f"/admin/{slug}/{ident}"
    _, data = form_of(admin.client, url)
    data[field] = ["Ändrat när git saknas"]
    before = admin.digest()
    response = admin.client.post(url, data={**data, "action": "save"})
    admin.instance.git.env.pop("PATH")
    assert response.status_code == 503
    assert "git är inte installerat" in response.text
    assert admin.digest() == before


def test_a_form_over_the_size_limit_is_a_page_from_the_one_error_path(admin: Admin) -> None:
    assert login(admin.client, "anna", "anna-lösen-1") == 303
    url = f"/admin/mottagning/{ALINGSAS_PROVIDER}"
    big = {"hours": "x" * (2 * 1024 * 1024)}
    response = admin.client.post(url, data=big)
    assert response.status_code == 413
    assert "Det du skickade var för stort" in response.text
    assert response.headers["content-type"].startswith("text/html")
