"""A real server and a real browser: uvicorn in a child process, Debian's Chromium.

The browser is the system's (`/usr/bin/chromium`, installed from apt by `make test`);
Playwright never downloads one. Chromium starts without background networking, so
nothing but the page under test is fetched.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import (
    Browser,
    BrowserContext,
    Page,
    Playwright,
    ViewportSize,
    sync_playwright,
)

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path(os.environ.get("VARDKEDJAN_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]
PHONE: ViewportSize = {"width": 375, "height": 812}
DESKTOP: ViewportSize = {"width": 1280, "height": 900}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


class Server:
    def __init__(
        self, process: subprocess.Popen[bytes], base: str, log: Path, instance: Path
    ) -> None:
        self.process = process
        self.base = base
        self.log = log
        self.instance = instance

    def url(self, path: str) -> str:
        return f"{self.base}{path}"

    def log_text(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")


@contextmanager
def serving(folder: Path) -> Iterator[Server]:
    """`vardkedjan serve` over a new instance in `folder`, until the block ends."""
    port = _free_port()
    log = folder / "server.log"
    instance = folder / "instance"
    env = {**os.environ, "VARDKEDJAN_DATA": str(ROOT / "data" / "providers.yaml")}
    with log.open("wb") as out:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "app.cli",
                "serve",
                "--port",
                str(port),
                "--instance",
                str(instance),
            ],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            with urllib.request.urlopen(f"{base}/healthz", timeout=1):
                break
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                raise RuntimeError(f"the server did not start:\n{log.read_text()}") from None
            time.sleep(0.1)
    try:
        yield Server(process, base, log, instance)
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """One server for the tests that only read: they never change its registry."""
    with serving(tmp_path_factory.mktemp("server")) as running:
        yield running


@pytest.fixture
def editing_server(tmp_path: Path) -> Iterator[Server]:
    """A server with an instance of its own, for a test that edits the registry: no
    other test sees its edits, and it does not depend on the order tests run in."""
    with serving(tmp_path) as running:
        yield running


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: `make test` installs it (apt-get install chromium)")
    with sync_playwright() as pw:
        yield pw


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    browser = playwright.chromium.launch(
        executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
    )
    yield browser
    browser.close()


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    context = browser.new_context(viewport=PHONE, locale="sv-SE")
    yield context
    context.close()


@pytest.fixture
def page(context: BrowserContext) -> Page:
    return context.new_page()


@pytest.fixture
def no_js_page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport=PHONE, java_script_enabled=False, locale="sv-SE")
    yield context.new_page()
    context.close()
