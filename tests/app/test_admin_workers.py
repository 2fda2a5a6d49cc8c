"""Two worker processes over one instance: an edit through one is served by the other."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from tests.conftest import ROOT

PROVIDER = "vardcentral-lerum"


def _cli(*args: str, stdin: str = "") -> str:
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


def _request(
    url: str, method: str = "GET", body: object = None, headers: dict[str, str] | None = None
) -> tuple[int, dict[str, str], object]:
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, data=data, method=method, headers=headers or {})
    if data is not None:
        request.add_header("Content-Type", "application/json")
    with urllib.request.urlopen(request, timeout=10) as response:
        headers = {k.lower(): v for k, v in response.headers.items()}
        return response.status, headers, json.loads(response.read())


def test_an_edit_through_one_worker_is_served_by_the_other_within_a_second(tmp_path: Path) -> None:
    instance = tmp_path / "instance"
    _cli(
        "user",
        "add",
        "anna",
        "--role",
        "admin",
        "--password-stdin",
        "--instance",
        str(instance),
        stdin="anna-lösen-1\n",
    )
    token = _cli("user", "token", "anna", "--instance", str(instance)).strip()
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "app.cli",
            "serve",
            "--workers",
            "2",
            "--port",
            str(port),
            "--instance",
            str(instance),
        ],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ},
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(f"{base}/healthz", timeout=1)
                break
            except OSError:
                assert server.poll() is None and time.monotonic() < deadline, "server did not start"
                time.sleep(0.2)
        # Let both workers load the registry and answer once before the edit.
        for _ in range(20):
            _request(f"{base}/api/v1/providers/{PROVIDER}")
        auth = {"Authorization": f"Bearer {token}"}
        _, headers, record = _request(f"{base}/api/v1/admin/providers/{PROVIDER}", headers=auth)
        assert isinstance(record, dict)
        status, _, _ = _request(
            f"{base}/api/v1/admin/providers/{PROVIDER}",
            "PUT",
            {**record, "hours": "Nya tider från test"},
            {**auth, "If-Match": headers["etag"]},
        )
        assert status == 200
        time.sleep(1.0)
        seen = set()
        for _ in range(40):  # new connections: the two workers share them
            _, _, served = _request(f"{base}/api/v1/providers/{PROVIDER}")
            assert isinstance(served, dict)
            seen.add(served["hours"])
        assert seen == {"Nya tider från test"}
    finally:
        server.terminate()
        server.wait(timeout=20)
