"""The command line: check prints a summary and exits 0/1; serve refuses a broken registry."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli import main
from bench.generate import dump, generate
from tests.conftest import MINI


def test_check_a_valid_registry(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(MINI)]) == 0
    out = capsys.readouterr().out
    assert "valid. 5 areas, 12 providers (11 active), 10 flows" in out
    assert "unreachable" in out and "Remissmottagning utan inflöde" in out


def test_check_a_broken_registry(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text(MINI.read_text(encoding="utf-8").replace("areas: [sodra]", "areas: [mars]"))
    assert main(["check", str(broken)]) == 1
    out = capsys.readouterr().out
    assert "INVALID" in out
    assert f"{broken}:" in out and "provider 'elevhalsa-sodra' field 'areas.0'" in out
    assert "unknown area 'mars'" in out


@pytest.mark.parametrize("mode", [["--read-only"], ["--instance", "INSTANCE"]])
def test_serve_refuses_a_broken_registry_without_a_traceback(
    tmp_path: Path, mode: list[str]
) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("version: 1\nareas: [\n", encoding="utf-8")
    flags = [str(tmp_path / "instance") if f == "INSTANCE" else f for f in mode]
    done = subprocess.run(
        [sys.executable, "-m", "app.cli", "serve", *flags, "--data", str(broken), "--port", "0"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert f"{broken}:" in done.stderr and "YAML syntax error" in done.stderr
    assert "nothing was loaded" in done.stderr
    # A broken seed never becomes a live registry.
    assert not (tmp_path / "instance" / "registry" / "providers.yaml").exists()


def test_production_refuses_to_start_without_a_secret(tmp_path: Path) -> None:
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "app.cli",
            "serve",
            "--instance",
            str(tmp_path / "i"),
            "--port",
            "0",
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env={**os.environ, "VARDKEDJAN_ENVIRONMENT": "production", "VARDKEDJAN_SECRET_KEY": ""},
    )
    assert done.returncode == 1
    assert "VARDKEDJAN_SECRET_KEY" in done.stderr and "Traceback" not in done.stderr


def test_the_console_script_survives_a_closed_pipe(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"  # enough findings to overflow a pipe's buffer
    big.write_text(dump(generate(8)), encoding="utf-8")
    check = subprocess.Popen(
        [sys.executable, "-m", "app.cli", "check", str(big), "--all"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert check.stdout is not None
    check.stdout.readline()
    check.stdout.close()  # like `| head -1`
    check.wait(timeout=60)
    assert check.stderr is not None
    assert "Traceback" not in check.stderr.read().decode()


def test_the_console_script_exit_codes(tmp_path: Path) -> None:
    ok = subprocess.run(
        [sys.executable, "-m", "app.cli", "check", str(MINI)], capture_output=True, check=False
    )
    assert ok.returncode == 0 and b"valid." in ok.stdout
    bad = tmp_path / "bad.yaml"
    bad.write_text("version: 2\n", encoding="utf-8")
    refused = subprocess.run(
        [sys.executable, "-m", "app.cli", "check", str(bad)], capture_output=True, check=False
    )
    assert refused.returncode == 1 and b"INVALID" in refused.stdout


def test_the_asgi_module_refuses_a_broken_registry_without_a_traceback(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("version: 1\nareas: []\nflows: {}\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-c", "import app.main"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env={**os.environ, "VARDKEDJAN_DATA": str(broken)},
    )
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert "'flows' must be a list" in done.stderr
