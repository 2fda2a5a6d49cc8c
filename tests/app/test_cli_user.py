"""`vardkedjan user ...`: accounts made and managed from the command line."""

from __future__ import annotations

import getpass
import io
import json
import sys
from pathlib import Path

import pytest

from app.cli import main
from app.paths import BUNDLED_REGISTRY
from pathways.errors import AuthenticationFailed
from pathways.store.accounts import Accounts
from pathways.store.live import Instance

PASSWORD = "ett långt lösenord"


def add(instance: Path, *args: str) -> int:
    return main(["user", "add", *args, "--instance", str(instance)])


def test_add_a_user_with_the_password_on_stdin(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    instance = tmp_path / "instance"
    monkeypatch.setattr(sys, "stdin", io.StringIO(PASSWORD + "\n"))
    code = add(instance, "sara", "--role", "editor", "--area", "stockholm", "--password-stdin")
    assert code == 0
    assert "Created editor 'sara' (stockholm)" in capsys.readouterr().out
    text = (instance / "accounts.json").read_text(encoding="utf-8")
    record = json.loads(text)["users"]["sara"]
    assert record["role"] == "editor" and record["areas"] == ["stockholm"]
    assert record["password_hash"].startswith("$argon2id$") and PASSWORD not in text
    assert (instance / "registry" / "providers.yaml").exists()  # seeded on first use
    accounts = Accounts(instance / "accounts.json", instance / ".accounts.lock")
    assert accounts.verify_password("sara", PASSWORD) is not None


def test_the_password_is_asked_twice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    answers = iter([PASSWORD, PASSWORD + " fel"])
    monkeypatch.setattr(getpass, "getpass", lambda prompt="": next(answers))
    assert add(tmp_path / "instance", "bo", "--role", "admin") == 1
    assert not (tmp_path / "instance" / "accounts.json").exists()


def test_several_areas_and_unknown_ones(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(PASSWORD + "\n"))
    code = add(tmp_path / "i", "alva", "--role", "editor", "--area", "atlantis", "--password-stdin")
    assert code == 1
    assert "unknown area 'atlantis'" in capsys.readouterr().err
    monkeypatch.setattr(sys, "stdin", io.StringIO(PASSWORD + "\n"))
    args = ["--role", "editor", "--area", "alingsas", "lerum", "--password-stdin"]
    assert add(tmp_path / "i", "alva", *args) == 0
    users = json.loads((tmp_path / "i" / "accounts.json").read_text(encoding="utf-8"))["users"]
    assert users["alva"]["areas"] == ["alingsas", "lerum"]


def test_token_prints_a_new_token_and_stores_its_hash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    instance = tmp_path / "instance"
    monkeypatch.setattr(sys, "stdin", io.StringIO(PASSWORD + "\n"))
    assert add(instance, "anna", "--role", "admin", "--password-stdin") == 0
    capsys.readouterr()
    assert main(["user", "token", "anna", "--instance", str(instance)]) == 0
    token = capsys.readouterr().out.strip()
    assert token not in (instance / "accounts.json").read_text(encoding="utf-8")
    accounts = Accounts(instance / "accounts.json", instance / ".accounts.lock")
    user = accounts.user_for_token(token)
    assert user is not None and user.name == "anna"

    assert main(["user", "token", "okand", "--instance", str(instance)]) == 1
    assert "user 'okand' not found" in capsys.readouterr().err


def test_list_disable_enable_passwd_remove_are_recorded_in_the_history(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    instance = tmp_path / "instance"
    monkeypatch.setattr(sys, "stdin", io.StringIO(PASSWORD + "\n"))
    assert add(instance, "erik", "--role", "editor", "--area", "alingsas", "--password-stdin") == 0
    where = ["--instance", str(instance)]
    assert main(["user", "disable", "erik", *where]) == 0
    capsys.readouterr()
    assert main(["user", "list", *where]) == 0
    assert capsys.readouterr().out.split("\n")[0].split("\t") == [
        "erik",
        "editor",
        "alingsas",
        "disabled",
    ]
    accounts = Accounts(instance / "accounts.json", instance / ".accounts.lock")
    with pytest.raises(AuthenticationFailed):
        accounts.authenticate("erik", PASSWORD)
    assert main(["user", "enable", "erik", *where]) == 0
    monkeypatch.setattr(sys, "stdin", io.StringIO("ett-nytt-lösenord\n"))
    assert main(["user", "passwd", "erik", "--password-stdin", *where]) == 0
    assert accounts.authenticate("erik", "ett-nytt-lösenord").name == "erik"
    assert main(["user", "remove", "erik", *where]) == 0
    assert accounts.get("erik") is None
    assert main(["user", "remove", "erik", *where]) == 1
    opened = Instance.open(instance, BUNDLED_REGISTRY)
    subjects = [e.subject for e in opened.history(limit=10)]
    assert subjects[:5] == [
        "Ta bort kontot 'erik'",
        "Nytt lösenord för 'erik'",
        "Aktivera kontot 'erik' igen",
        "Stäng av kontot 'erik'",
        "Nytt konto 'erik'",
    ]
    log = (instance / "registry" / "accounts.log").read_text(encoding="utf-8")
    assert PASSWORD not in log and "argon2" not in log
