"""Helpers for tests that run the real service as processes on 127.0.0.1."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import urllib.request
from pathlib import Path

from tests.conftest import ROOT


def cli(*args: str, stdin: str = "") -> str:
    """`vardkedjan ARGS` in a child process; its standard output."""
    done = subprocess.run(
        [sys.executable, "-m", "app.cli", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
        cwd=ROOT,
    )
    return done.stdout


def admin_token(instance: Path, name: str = "anna") -> str:
    """An admin account in a new instance, and a bearer token for it."""
    add = ["user", "add", name, "--role", "admin", "--password-stdin"]
    cli(*add, "--instance", str(instance), stdin=f"{name}-lösen-1\n")
    return cli("user", "token", name, "--instance", str(instance)).strip()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def request(
    url: str, method: str = "GET", body: object = None, headers: dict[str, str] | None = None
) -> tuple[int, dict[str, str], object]:
    """One JSON request: status, headers (lower-case names) and the decoded body."""
    data = json.dumps(body).encode() if body is not None else None
    sent = urllib.request.Request(url, data=data, method=method, headers=headers or {})
    if data is not None:
        sent.add_header("Content-Type", "application/json")
    with urllib.request.urlopen(sent, timeout=10) as response:
        got = {k.lower(): v for k, v in response.headers.items()}
        return response.status, got, json.loads(response.read())
