"""Sessions that end, HSTS over https, and sign-in throttling per name and address."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from fastapi.testclient import TestClient

from app.config import Settings
from app.factory import create_app
from pathways.store.live import Instance
from tests.app.html import one
from tests.app.routers.test_admin import login
from tests.conftest import MINI
from tests.pathways.conftest import FAST_HASHER, seed_copy

HSTS = "strict-transport-security"


@pytest.fixture
def instance(tmp_path: Path) -> Instance:
    opened = Instance.open(tmp_path / "instance", seed_copy(tmp_path, MINI), hasher=FAST_HASHER)
    opened.accounts.add_user("anna", "admin", [], "anna-lösen-1")
    return opened


def client_for(instance: Instance, **settings: object) -> TestClient:
    app = create_app(instance.registry(), instance=instance, settings=Settings(**settings))
    return TestClient(app, follow_redirects=False)


@pytest.fixture
def client(instance: Instance) -> Iterator[TestClient]:
    with client_for(instance) as test_client:
        yield test_client


def signed_in(client: TestClient) -> str:
    assert login(client, "anna", "anna-lösen-1") == 303
    return str(client.cookies.get("vk_session"))


def works(client: TestClient, cookie: str) -> bool:
    client.cookies.set("vk_session", cookie, path="/admin")
    return client.get("/admin").status_code == 200


def sign_out(client: TestClient) -> None:
    page = BeautifulSoup(client.get("/admin").text, "html.parser")
    csrf = str(one(page, 'form[action="/admin/logout"] input[name="csrf"]')["value"])
    assert client.post("/admin/logout", data={"csrf": csrf}).status_code == 303


def test_after_sign_out_the_old_cookie_no_longer_works(client: TestClient) -> None:
    cookie = signed_in(client)
    sign_out(client)
    assert not works(client, cookie)  # replayed by whoever kept a copy


def test_signing_out_ends_the_users_other_sessions(instance: Instance) -> None:
    with client_for(instance) as desk, client_for(instance) as laptop:
        other = signed_in(laptop)
        signed_in(desk)
        sign_out(desk)
        assert not works(laptop, other)


@pytest.mark.parametrize("change", ["password", "disable"])
def test_a_new_password_or_a_disabled_account_ends_every_session(
    client: TestClient, instance: Instance, change: str
) -> None:
    cookie = signed_in(client)
    if change == "password":
        instance.accounts.set_password("anna", "anna-lösen-2")
    else:
        instance.accounts.disable("anna")
    assert not works(client, cookie)


def test_an_idle_session_expires_and_an_active_one_slides(
    instance: Instance, monkeypatch: pytest.MonkeyPatch
) -> None:
    start = time.time()
    with client_for(instance, session_idle_minutes=30) as client:
        cookie = signed_in(client)
        monkeypatch.setattr(time, "time", lambda: start + 20 * 60)
        assert client.get("/admin").status_code == 200  # active: signed again
        refreshed = str(client.cookies.get("vk_session"))
        assert refreshed != cookie
        monkeypatch.setattr(time, "time", lambda: start + 40 * 60)
        assert works(client, refreshed)
        monkeypatch.setattr(time, "time", lambda: start + 80 * 60)
        assert not works(client, refreshed)  # 40 minutes idle
        assert not works(client, cookie)


def test_hsts_whenever_the_request_came_over_https(instance: Instance) -> None:
    with client_for(instance) as client:
        assert HSTS in client.get("https://testserver/").headers
        assert HSTS in client.get("https://testserver/api/v1/needs").headers
        assert HSTS not in client.get("http://testserver/").headers
        # A bare server does not believe a header anyone can send...
        forged = client.get("http://testserver/", headers={"X-Forwarded-Proto": "https"})
        assert HSTS not in forged.headers
    # ...a server behind a proxy it is told to trust does.
    with client_for(instance, trust_proxy=True) as proxied:
        behind = proxied.get("http://testserver/", headers={"X-Forwarded-Proto": "https"})
        assert HSTS in behind.headers
        assert (
            "secure"
            in proxied.get("http://testserver/admin/login", headers={"X-Forwarded-Proto": "https"})
            .headers["set-cookie"]
            .lower()
        )


def test_sign_in_throttling_is_per_client_address(instance: Instance) -> None:
    with client_for(instance, trust_proxy=True) as client:
        attacker = {"X-Forwarded-For": "203.0.113.7"}
        for _ in range(5):
            client.headers.update(attacker)
            assert login(client, "anna", "gissning") == 401
        assert login(client, "anna", "anna-lösen-1") == 429
        client.headers.update({"X-Forwarded-For": "10.1.2.3"})
        assert login(client, "anna", "anna-lösen-1") == 303
