"""Two worker processes over one instance: an edit through one is served by the other."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from fastapi.testclient import TestClient

from app.config import Settings
from app.factory import create_app
from pathways.registry import Registry
from tests.app.processes import admin_token, free_port, request
from tests.conftest import ROOT

PROVIDER = "vardcentral-lerum"


MAX_REQUESTS = 400  # new connections until each worker has answered; a worker id per answer


def _workers_seen(url: str) -> dict[str, int]:
    """Which worker answered how many requests, until both have answered (or we give up)."""
    seen: dict[str, int] = {}
    for _ in range(MAX_REQUESTS):
        _, headers, _ = request(url)
        worker = headers["x-vardkedjan-worker"]
        seen[worker] = seen.get(worker, 0) + 1
        if len(seen) == 2 and min(seen.values()) >= 3:
            break
    return seen


def test_an_edit_through_one_worker_is_served_by_the_other_within_a_second(tmp_path: Path) -> None:
    instance = tmp_path / "instance"
    token = admin_token(instance)
    port = free_port()
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
        env={**os.environ, "VARDKEDJAN_WORKER_HEADER": "1"},
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
        # Both workers load the registry and answer before the edit: the test shows it.
        before = _workers_seen(f"{base}/api/v1/providers/{PROVIDER}")
        assert len(before) == 2, f"one worker served all {sum(before.values())} requests"
        auth = {"Authorization": f"Bearer {token}"}
        _, headers, record = request(f"{base}/api/v1/admin/providers/{PROVIDER}", headers=auth)
        assert isinstance(record, dict)
        status, _, _ = request(
            f"{base}/api/v1/admin/providers/{PROVIDER}",
            "PUT",
            {**record, "hours": "Nya tider från test"},
            {**auth, "If-Match": headers["etag"]},
        )
        assert status == 200
        time.sleep(1.0)
        answers: dict[str, set[str]] = {}
        for _ in range(MAX_REQUESTS):  # new connections: the two workers share them
            _, served_headers, served = request(f"{base}/api/v1/providers/{PROVIDER}")
            assert isinstance(served, dict)
            answers.setdefault(served_headers["x-vardkedjan-worker"], set()).add(served["hours"])
            if len(answers) == 2 and sum(map(len, answers.values())) >= 2:
                break
        assert len(answers) == 2, "one worker served every request after the edit"
        assert all(hours == {"Nya tider från test"} for hours in answers.values()), answers
    finally:
        server.terminate()
        server.wait(timeout=20)


def test_the_worker_header_is_sent_only_in_test_mode(client: TestClient, mini: Registry) -> None:
    assert "x-vardkedjan-worker" not in client.get("/healthz").headers
    app = create_app(mini, settings=Settings(worker_header=True))
    with TestClient(app) as named:
        assert named.get("/healthz").headers["x-vardkedjan-worker"] == str(os.getpid())
