"""The README's screenshots: `make screenshots` writes them to build/screenshots/.

Pictures are not tests (nothing here can fail but the browser), so they are made on
demand with the browser tests' own server and Chromium set-up, not on every `make test`.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.e2e.conftest import CHROMIUM, CHROMIUM_ARGS, PHONE, serving  # noqa: E402

OUT = ROOT / "build" / "screenshots"
SHOTS = (  # file, page, whole page or the first screen only
    ("start-375.png", "/", True),
    ("results-375.png", "/hitta?age=15&area=skarpnack&need=nedstamdhet", True),
    (
        "results-crisis-375.png",
        "/hitta?age=17&area=molndal&q=orkar+inte+mer%2C+vill+inte+leva",
        False,
    ),
)


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    with (
        tempfile.TemporaryDirectory() as folder,
        serving(Path(folder)) as server,
        sync_playwright() as pw,
    ):
        browser = pw.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        page = browser.new_context(viewport=PHONE, locale="sv-SE").new_page()
        for name, path, full in SHOTS:
            page.goto(server.url(path))
            page.screenshot(path=OUT / name, full_page=full)
            print(OUT / name)
        browser.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
