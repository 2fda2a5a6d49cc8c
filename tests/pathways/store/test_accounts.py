"""Accounts: what is stored (hashes, never secrets), login throttling, and who may edit what."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from argon2 import PasswordHasher

from pathways.errors import (
    AuthenticationFailed,
    Conflict,
    Forbidden,
    InvalidQuery,
    LoginThrottled,
    NotFound,
)
from pathways.registry import Registry
from pathways.store.access import can_edit, can_edit_flow
from pathways.store.accounts import MAX_FAILURES, WINDOW, Accounts, Role, User
from pathways.store.edits import CreateFlow, RetireProvider, UpdateProvider
from pathways.store.live import Instance

PASSWORD = "korrekt häst batteri"
NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)


@pytest.fixture
def accounts(tmp_path: Path, hasher: PasswordHasher) -> Accounts:
    return Accounts(tmp_path / "accounts.json", tmp_path / ".accounts.lock", hasher)


def stored(accounts: Accounts) -> str:
    return accounts.path.read_text(encoding="utf-8")


def test_a_password_is_stored_as_an_argon2_hash(accounts: Accounts) -> None:
    user = accounts.add_user("anna", "editor", ["stockholm"], PASSWORD)
    assert user == User("anna", Role.editor, ("stockholm",))
    text = stored(accounts)
    assert PASSWORD not in text
    assert json.loads(text)["users"]["anna"]["password_hash"].startswith("$argon2id$")
    assert accounts.path.stat().st_mode & 0o077 == 0  # readable by the service only
    assert accounts.verify_password("anna", PASSWORD) == user
    assert accounts.verify_password("anna", PASSWORD + "!") is None
    assert accounts.verify_password("okänd", PASSWORD) is None


def test_accounts_are_checked_when_made(accounts: Accounts) -> None:
    accounts.add_user("anna", "admin", [], PASSWORD)
    with pytest.raises(Conflict):
        accounts.add_user("anna", "admin", [], PASSWORD)
    with pytest.raises(InvalidQuery, match="area"):
        accounts.add_user("bo", "editor", [], PASSWORD)
    with pytest.raises(InvalidQuery, match="unknown area 'atlantis'"):
        accounts.add_user("bo", "editor", ["atlantis"], PASSWORD, known_areas={"stockholm"})
    with pytest.raises(InvalidQuery, match="password"):
        accounts.add_user("bo", "admin", [], "kort")
    with pytest.raises(InvalidQuery, match="name"):
        accounts.add_user("Bo <bo@x>", "admin", [], PASSWORD)
    with pytest.raises(InvalidQuery, match="role"):
        accounts.add_user("bo", "superuser", [], PASSWORD)


def test_only_a_hash_of_a_token_is_stored(accounts: Accounts) -> None:
    accounts.add_user("anna", "admin", [], PASSWORD)
    token = accounts.new_token("anna")
    assert token not in stored(accounts)
    assert accounts.user_for_token(token) == User("anna", Role.admin)
    assert accounts.user_for_token(token + "x") is None
    assert accounts.user_for_token("") is None
    newer = accounts.new_token("anna")  # a new token replaces the old one
    assert accounts.user_for_token(token) is None
    assert accounts.user_for_token(newer) is not None
    with pytest.raises(NotFound):
        accounts.new_token("okänd")


def test_repeated_failures_lock_a_user_name_for_a_while(accounts: Accounts) -> None:
    accounts.add_user("anna", "admin", [], PASSWORD)
    for minute in range(MAX_FAILURES):
        with pytest.raises(AuthenticationFailed):
            accounts.authenticate("anna", "fel lösenord", NOW + timedelta(minutes=minute))
    recorded = json.loads(stored(accounts))["failed_logins"]["anna"][""]
    assert len(recorded) == MAX_FAILURES
    assert recorded[0].startswith("2026-11-23T12:00:00")

    later = NOW + timedelta(minutes=MAX_FAILURES)
    with pytest.raises(LoginThrottled):  # even the right password is not checked
        accounts.authenticate("anna", PASSWORD, later)
    assert len(json.loads(stored(accounts))["failed_logins"]["anna"][""]) == MAX_FAILURES

    # When the first failure leaves the window, one more try is allowed, and succeeds.
    assert accounts.authenticate("anna", PASSWORD, NOW + WINDOW + timedelta(seconds=1))
    assert "anna" not in json.loads(stored(accounts))["failed_logins"]


def test_failures_for_made_up_names_are_not_stored(accounts: Accounts) -> None:
    accounts.add_user("anna", "admin", [], PASSWORD)
    before = stored(accounts)
    for number in range(50):
        with pytest.raises(AuthenticationFailed):
            accounts.authenticate(f"gissning{number}", PASSWORD, NOW, address="203.0.113.9")
    assert stored(accounts) == before  # nothing grows for names that do not exist


def test_throttling_is_per_name_and_address(accounts: Accounts) -> None:
    accounts.add_user("anna", "admin", [], PASSWORD)
    for _ in range(MAX_FAILURES):
        with pytest.raises(AuthenticationFailed):
            accounts.authenticate("anna", "fel", NOW, address="203.0.113.9")
    with pytest.raises(LoginThrottled):
        accounts.authenticate("anna", PASSWORD, NOW, address="203.0.113.9")
    # The attacker's address is locked; Anna at her desk is not.
    assert accounts.authenticate("anna", PASSWORD, NOW, address="10.0.0.5").name == "anna"


def test_throttling_storage_is_bounded(accounts: Accounts, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("pathways.store.accounts.MAX_THROTTLE_ENTRIES", 3)
    accounts.add_user("anna", "admin", [], PASSWORD)
    for number in range(6):
        with pytest.raises(AuthenticationFailed):
            accounts.authenticate(
                "anna", "fel", NOW + timedelta(seconds=number), address=f"198.51.100.{number}"
            )
    book = json.loads(stored(accounts))["failed_logins"]["anna"]
    assert sorted(book) == ["198.51.100.3", "198.51.100.4", "198.51.100.5"]


def test_password_change_disable_and_sign_out_raise_the_session_generation(
    accounts: Accounts,
) -> None:
    accounts.add_user("anna", "admin", [], PASSWORD)
    token = accounts.new_token("anna")
    generation = accounts.get("anna").generation  # type: ignore[union-attr]
    accounts.end_sessions("anna")
    accounts.set_password("anna", PASSWORD + "-ny")
    accounts.disable("anna")
    user = accounts.get("anna")
    assert user is not None and user.disabled and user.generation == generation + 3
    assert accounts.user_for_token(token) is None
    with pytest.raises(AuthenticationFailed):
        accounts.authenticate("anna", PASSWORD + "-ny", NOW)
    accounts.enable("anna")
    assert accounts.user_for_token(token) is not None
    accounts.remove("anna")
    assert accounts.get("anna") is None


def test_an_instance_keeps_accounts_outside_its_git_repository(
    mini_instance: Instance,
) -> None:
    mini_instance.accounts.add_user("anna", "admin", [], PASSWORD)
    assert mini_instance.accounts.path.parent == mini_instance.path
    assert not mini_instance.accounts.path.is_relative_to(mini_instance.registry_dir)


# --- who may edit what ---------------------------------------------------------------

STOCKHOLM = User("sara", Role.editor, ("stockholm",))
ALINGSAS = User("alva", Role.editor, ("alingsas",))
ADMIN = User("anna", Role.admin)


@pytest.mark.parametrize(
    ("user", "provider", "allowed"),
    [
        (ADMIN, "bup-en-vag-in-stockholm", True),
        (ADMIN, "bris", True),
        (STOCKHOLM, "elevhalsa-skarpnack", True),  # a stadsdel inside the kommun
        (STOCKHOLM, "skolsociala-team-stockholm", True),  # the kommun itself
        (STOCKHOLM, "bup-en-vag-in-stockholm", False),  # the region is wider
        (STOCKHOLM, "uph-alingsas", False),
        (ALINGSAS, "uph-alingsas", True),
        (ALINGSAS, "elevhalsa-skarpnack", False),
        (ALINGSAS, "bup-en-vag-in-vgr", False),
        (ALINGSAS, "bris", False),  # national: admins only
        (STOCKHOLM, "mind-sjalvmordslinjen", False),
    ],
)
def test_can_edit(bundled: Registry, user: User, provider: str, allowed: bool) -> None:
    assert can_edit(user, bundled.providers[provider], bundled) is allowed


def test_a_flow_belongs_to_where_it_starts(bundled: Registry) -> None:
    own = {"id": "f", "from": "uph-alingsas", "to": "bup-en-vag-in-vgr", "mechanism": "remiss"}
    assert can_edit_flow(ALINGSAS, own, bundled)
    assert not can_edit_flow(STOCKHOLM, own, bundled)
    back = {**own, "from": "bup-en-vag-in-vgr", "to": "uph-alingsas"}
    assert not can_edit_flow(ALINGSAS, back, bundled)
    kinds = {"id": "k", "from": "elevhalsa", "to": "uph", "mechanism": "hanvisning"}
    assert not can_edit_flow(ALINGSAS, kinds, bundled)  # everywhere: admins only
    assert can_edit_flow(ALINGSAS, {**kinds, "within": "alingsas"}, bundled)
    assert not can_edit_flow(ALINGSAS, {**kinds, "within": "vastra-gotalandsregionen"}, bundled)
    assert can_edit_flow(ADMIN, back, bundled)


def test_an_editor_cannot_change_another_areas_provider(
    bundled_instance: Instance,
) -> None:
    before = bundled_instance.registry_file.read_bytes()
    version = bundled_instance.provider("elevhalsa-skarpnack")
    op = UpdateProvider(
        "elevhalsa-skarpnack", {**version.record, "hours": "Skoldagar"}, version.etag
    )
    with pytest.raises(Forbidden) as refused:
        bundled_instance.apply(op, ALINGSAS)
    assert refused.value.subjects == ["elevhalsa-skarpnack"]
    with pytest.raises(Forbidden):
        bundled_instance.preview(op, ALINGSAS)
    assert bundled_instance.registry_file.read_bytes() == before
    assert bundled_instance.apply(op, STOCKHOLM).commit is not None


def test_an_editor_cannot_move_a_provider_out_of_their_areas(
    bundled_instance: Instance,
) -> None:
    version = bundled_instance.provider("uph-alingsas")
    moved = {**version.record, "areas": ["lerum"]}
    with pytest.raises(Forbidden):
        bundled_instance.apply(UpdateProvider("uph-alingsas", moved, version.etag), ALINGSAS)


def test_everything_a_change_touches_is_checked(mini_instance: Instance, admin: User) -> None:
    """Retiring a unit with its flows removes a flow the region wrote: that needs an admin."""
    back = {"id": "bup-tillbaka", "from": "bup-region-test", "to": "elevhalsa-norra"}
    mini_instance.apply(CreateFlow({**back, "mechanism": "overlamning"}), admin)
    editor = User("nils", Role.editor, ("testkommun",))
    version = mini_instance.provider("elevhalsa-norra")
    op = RetireProvider("elevhalsa-norra", version.etag, remove_references=True)
    with pytest.raises(Forbidden) as refused:
        mini_instance.apply(op, editor)
    assert refused.value.subjects == ["bup-tillbaka"]
    assert mini_instance.apply(op, admin).commit is not None


def test_an_editor_may_retire_their_unit_and_its_memberships(bundled_instance: Instance) -> None:
    version = bundled_instance.provider("smabarnsteam-alingsas")
    op = RetireProvider("smabarnsteam-alingsas", version.etag, remove_references=True)
    saved = bundled_instance.apply(op, ALINGSAS)
    assert sorted(c.label for c in saved.diff) == [
        "forum 'nosam-alingsas'",
        "provider 'smabarnsteam-alingsas'",
    ]


def test_creating_a_flow_from_an_own_provider(bundled_instance: Instance) -> None:
    flow = {
        "id": "uph-alingsas-till-bup",
        "from": "uph-alingsas",
        "to": "bup-en-vag-in-vgr",
        "mechanism": "remiss",
    }
    with pytest.raises(Forbidden):
        bundled_instance.apply(CreateFlow(flow), STOCKHOLM)
    saved = bundled_instance.apply(CreateFlow(flow), ALINGSAS)
    assert saved.commit is not None
    assert bundled_instance.history(limit=1)[0].author == "alva"
