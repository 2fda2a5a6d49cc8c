"""A served application has its routes and templates built before the first requests.

FastAPI (0.137 and later) builds an included router's routes, with their pydantic
validators, on the first request into the router, and Jinja compiles a template on
its first render. `app.warmup` builds both beside the first requests; after it, the
first request of each kind builds neither (counted at pydantic's `TypeAdapter` and
Jinja's `Environment.compile`, which both go through). Nor does it import a module: the
FHIR models were imported by the first FHIR request (counted in a fresh interpreter).
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from types import SimpleNamespace
from typing import Any

import jinja2
import pydantic
import pytest
from fastapi.testclient import TestClient

from app import warmup
from app.factory import create_app
from pathways.registry import Registry
from tests.conftest import MINI, ROOT

# One request into each router, answered or refused (a refusal runs the route too).
FIRST_REQUESTS = (
    ("GET", "/api/v1/providers"),
    ("GET", "/api/v1/find-help?age=15&need=nedstamdhet"),
    ("GET", "/hitta"),
    ("GET", "/en/akut"),
    ("GET", "/proffs/sip"),
    ("GET", "/karta"),
    ("GET", "/api/hsds/services"),
    ("GET", "/api/fhir/metadata"),
    ("GET", "/api/v1/admin/history"),
    ("PUT", "/api/v1/admin/providers/nobody"),
    ("GET", "/admin/login"),
)


class Built:
    """Counts the validators and templates built while it is installed."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.validators = 0
        self.templates = 0
        adapter_init = pydantic.TypeAdapter.__init__
        compile_template = jinja2.Environment.compile

        def counted_adapter(adapter: Any, *args: Any, **kwargs: Any) -> None:
            self.validators += 1
            adapter_init(adapter, *args, **kwargs)

        def counted_compile(env: jinja2.Environment, *args: Any, **kwargs: Any) -> Any:
            self.templates += 1
            return compile_template(env, *args, **kwargs)

        monkeypatch.setattr(pydantic.TypeAdapter, "__init__", counted_adapter)
        monkeypatch.setattr(jinja2.Environment, "compile", counted_compile)


@pytest.fixture
def fresh(mini: Registry) -> Iterator[TestClient]:
    with TestClient(create_app(mini)) as client:
        yield client


def _first_requests(client: TestClient) -> None:
    for method, path in FIRST_REQUESTS:
        answer = client.request(method, path, json={} if method == "PUT" else None)
        assert answer.status_code < 500, (method, path, answer.text[:200])


def test_without_warm_up_the_first_requests_build(
    fresh: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    built = Built(monkeypatch)
    _first_requests(fresh)
    assert built.validators > 0
    assert built.templates > 0


def test_after_warm_up_the_first_requests_build_nothing(
    fresh: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    warmup.warm(fresh.app)  # type: ignore[arg-type]
    built = Built(monkeypatch)
    _first_requests(fresh)
    assert (built.validators, built.templates) == (0, 0)


def test_warm_up_builds_the_routes_of_included_routers(fresh: TestClient) -> None:
    top_level = len(fresh.app.routes)  # type: ignore[attr-defined]
    assert warmup.routes(fresh.app) > top_level  # type: ignore[arg-type]


def test_warm_up_in_its_thread_finishes_and_builds(
    fresh: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    thread = warmup.start(fresh.app, freeze=False)  # type: ignore[arg-type]
    thread.join(timeout=60)
    assert not thread.is_alive()
    built = Built(monkeypatch)
    _first_requests(fresh)
    assert (built.validators, built.templates) == (0, 0)


def test_the_routes_are_built_before_start_returns(
    fresh: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    class NeverRuns:  # the thread is made but does not run: only what start did is done
        def __init__(self, **kwargs: Any) -> None:
            pass

        def start(self) -> None:
            pass

    monkeypatch.setattr(warmup, "threading", SimpleNamespace(Thread=NeverRuns))
    warmup.start(fresh.app, freeze=False)  # type: ignore[arg-type]
    built = Built(monkeypatch)
    _first_requests(fresh)
    assert built.validators == 0
    assert built.templates > 0  # compiled by the requests, as without a warm-up


def test_a_failing_step_leaves_the_rest_to_first_use(
    fresh: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(renderer: object) -> int:
        raise RuntimeError("a template that does not compile")

    monkeypatch.setattr(warmup, "templates", broken)
    warmup.warm(fresh.app)  # type: ignore[arg-type]
    _first_requests(fresh)  # still answered


# Every FHIR resource and page, and the other routers, in a fresh interpreter: which
# modules the requests import, with and without the warm-up before them.
IMPORTS = """
import sys
from fastapi.testclient import TestClient
from app import warmup
from app.factory import create_app
from pathways.registry import Registry
app = create_app(Registry.from_file(sys.argv[1]))
with TestClient(app) as client:
    client.get("/healthz")
    if sys.argv[2] == "warm":
        warmup.warm(app)
    before = set(sys.modules)
    for line in sys.argv[3:]:
        method, path = line.split(" ", 1)
        assert client.request(method, path).status_code < 500, path
    print(" ".join(sorted(set(sys.modules) - before)))
"""
FHIR_REQUESTS = (
    "GET /api/fhir/metadata",
    "GET /api/fhir/HealthcareService",
    "GET /api/fhir/Organization",
    "GET /api/fhir/Location?_count=500",
    "GET /api/fhir/Nothing",
)


def _imported(warm: str) -> list[str]:
    requests = [*FHIR_REQUESTS, *(f"{m} {p}" for m, p in FIRST_REQUESTS)]
    done = subprocess.run(
        [sys.executable, "-W", "ignore", "-c", IMPORTS, str(MINI), warm, *requests],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
        cwd=ROOT,
    )
    return done.stdout.split()


def test_without_warm_up_the_first_fhir_request_imports_the_models() -> None:
    assert any(name.startswith("fhir.resources") for name in _imported("cold"))


def test_after_warm_up_the_first_requests_import_nothing() -> None:
    assert _imported("warm") == []
