"""A primary and a replica on 127.0.0.1: an edit on the primary is served by the replica."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.app.processes import admin_token, free_port, request
from tests.app.test_admin_workers import PROVIDER
from tests.conftest import ROOT

NOTIFY_TOKEN = "replica-notify-token-for-the-test-only"


@contextmanager
def _server(*args: str, env: dict[str, str] | None = None) -> Iterator[str]:
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "app.cli", "serve", "--port", str(port), *args],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, **(env or {})},
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(f"{base}/healthz", timeout=1)
                break
            except OSError:
                assert process.poll() is None and time.monotonic() < deadline, "no start"
                time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=20)


def _served_hours(base: str) -> object:
    _, _, body = request(f"{base}/api/v1/providers/{PROVIDER}")
    assert isinstance(body, dict)
    return body["hours"]


def _notify(base: str, token: str) -> int:
    request = urllib.request.Request(
        f"{base}/api/v1/admin/notify", method="POST", headers={"Authorization": f"Bearer {token}"}
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as answer:
            return int(answer.status)
    except urllib.error.HTTPError as exc:
        return exc.code


def test_an_edit_on_the_primary_is_served_by_the_replica(tmp_path: Path) -> None:
    instance = tmp_path / "primary"
    token = admin_token(instance)
    replica_env = {"VARDKEDJAN_NOTIFY_TOKEN": NOTIFY_TOKEN}
    follow = ["--follow", str(instance / "registry"), "--poll", "0"]
    with (
        _server("--instance", str(instance)) as primary,
        _server(*follow, "--instance", str(tmp_path / "replica"), env=replica_env) as replica,
    ):
        before = _served_hours(replica)
        auth = {"Authorization": f"Bearer {token}"}
        url = f"{primary}/api/v1/admin/providers/{PROVIDER}"
        _, headers, record = request(url, headers=auth)
        assert isinstance(record, dict)
        status, _, _ = request(
            url,
            "PUT",
            {**record, "hours": "Nya tider, via git"},
            {**auth, "If-Match": headers["etag"]},
        )
        assert status == 200
        assert _served_hours(replica) == before  # polling is off: nothing until told

        assert _notify(replica, "wrong-token") == 401
        assert _notify(replica, NOTIFY_TOKEN) == 202
        for _ in range(300):  # the reload runs in the background: poll, no timing asserted
            if _served_hours(replica) == "Nya tider, via git":
                break
            time.sleep(0.1)
        assert _served_hours(replica) == "Nya tider, via git"
        health = json.loads(urllib.request.urlopen(f"{replica}/healthz", timeout=5).read())
        assert health["status"] == "ok" and health["commit"] and "refused" not in health
        # The primary follows no one: notify is only for replicas.
        assert _notify(primary, NOTIFY_TOKEN) == 404
