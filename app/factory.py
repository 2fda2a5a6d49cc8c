"""Building the ASGI application around a loaded registry."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.telemetry import TelemetryConfig
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app import errors, openapi_errors, warmup
from app.accesslog import AccessLog, strip_uvicorn_queries
from app.auth import Sessions, secret_for
from app.config import FollowSettings, Settings
from app.i18n import LOCALE_DIR, load_languages
from app.paths import STATIC
from app.rendering import Renderer
from app.routers import fhir, hsds
from app.routers.admin_api import router as admin_api_router
from app.routers.admin_pages import router as admin_router
from app.routers.admin_session import router as session_router
from app.routers.admin_users import router as users_router
from app.routers.api_v1 import router as api_router
from app.routers.follow import router as follow_router
from app.routers.map import router as karta_router
from app.routers.professional import router as proffs_router
from app.routers.public import router as pages_router
from app.routers.reports import admin_router as reports_admin_router
from app.routers.reports import router as reports_router
from app.routers.youth import router as youth_router
from app.security import BodyLimit, Transport
from pathways import loader
from pathways.loader import settle
from pathways.registry import Registry
from pathways.store import snapshot
from pathways.store.follower import Follower
from pathways.store.live import Instance
from pathways.store.reloading import give_back_memory

HEALTH = b'{"status":"ok"}'

NO_TELEMETRY: TelemetryConfig = {
    "tracing": False,
    "metrics": False,
    "logs": False,
    "auto_configure": False,
}
"""FastAPI's own OpenTelemetry, off whatever the environment says. On, it would trace
every request to whatever provider the process has (one named by OTEL_PYTHON_* variables,
or set up by FASTAPI_OTEL_AUTO_CONFIGURE), with the query string as `url.query`: the words
a young person typed would leave for an exporter. It also looked at the providers and the
environment on every request, `/healthz` included."""

SWITCH_INTERVAL = 0.0005
"""Seconds a thread may hold the GIL while another waits for it, in a serving process
(Python's default is 0.005). An edit is validated and written in a worker thread, and
the other workers read it in a background thread, while the event loop answers reads.
Each read takes the GIL back several times (accept, parse, answer), and each time it
waited up to the whole interval for the busy thread: reads beside an edit took 40-135 ms
at national scale, 26-33 ms with this interval (`bench/scale.py`, bench/README.md)."""


def create_app(
    registry: Registry,
    *,
    instance: Instance | None = None,
    follower: Follower | None = None,
    settings: Settings | None = None,
    locale_dir: Path = LOCALE_DIR,
) -> FastAPI:
    """The service over a fixed registry, or over an instance's live, editable one."""
    app = FastAPI(
        title="Vårdkedjan",
        version="1.0.0",
        summary="Where children and young people in Sweden get help for mental ill-health",
        description="API v1: see CONTRACT.md. Every answer is JSON; errors are {detail}.",
        # FastAPI's /docs and /redoc load their scripts from a CDN: nothing on this service
        # may load from a third party. /openapi.json opens in any OpenAPI viewer.
        docs_url=None,
        redoc_url=None,
        telemetry=NO_TELEMETRY,
    )
    # With an instance, the live registry is the instance's: holding the first one here
    # would keep it alive beside every later one.
    app.state.registry = registry if instance is None and follower is None else None
    app.state.instance = instance
    app.state.follower = follower
    settings = settings or Settings()
    if instance is not None:
        app.state.sessions = Sessions(
            secret_for(settings, instance),
            secure=settings.cookies_secure,
            idle=settings.session_idle_minutes * 60,
            longest=settings.session_max_hours * 3600,
        )
    languages = load_languages(locale_dir)
    app.state.renderer = Renderer(languages)
    errors.install(app)
    openapi_errors.install(app)
    # Routes are matched in order, each include a walk over its routes: what is asked most
    # comes first. `/healthz` (one route), find-help and the API, then the public and
    # professional pages of each language (before, ~75 routes stood in front of `/hitta`:
    # 100 of its 180 µs), then the standards and the administration. No path of one group
    # is a path of another (tests/app/test_route_order.py).

    @app.get("/healthz", tags=["ops"])
    async def healthz() -> Response:
        """Liveness for load balancers and benchmarks: tiny, and `async` so that it
        measures the server, not the threadpool hop; on a replica, also the commit served
        and any commit refused (still 200: it serves on)."""
        if follower is not None:
            return JSONResponse({"status": "ok", **follower.health()})
        return Response(HEALTH, media_type="application/json")

    app.include_router(api_router)
    for lang in languages.values():
        for pages in (pages_router, proffs_router, karta_router, youth_router, reports_router):
            app.include_router(pages, prefix=lang.prefix)
    app.include_router(hsds.router)
    app.include_router(fhir.router)
    app.include_router(admin_api_router)
    app.include_router(follow_router)
    app.include_router(session_router)
    app.include_router(users_router)
    app.include_router(admin_router)
    app.include_router(reports_admin_router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    strip_uvicorn_queries()
    app.add_middleware(BodyLimit, limit=settings.max_body_kb * 1024)
    app.add_middleware(Transport, trust_proxy=settings.trust_proxy)
    app.add_middleware(AccessLog)
    if settings.worker_header:
        app.add_middleware(WorkerHeader)
    return app


class WorkerHeader:
    """Names the process that answered (test mode only; see Settings.worker_header)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.worker = str(os.getpid()).encode()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def named(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message["headers"], (b"x-vardkedjan-worker", self.worker)]
            await send(message)

        await self.app(scope, receive, named)


def app_from_settings(settings: Settings | None = None) -> FastAPI:
    app = _app_from_settings(settings or Settings())
    loader.serving()  # loaded: from now on, parse in ways that let requests run between
    sys.setswitchinterval(SWITCH_INTERVAL)  # and let the event loop in often
    warmup.start(app)  # routes and templates, beside the first requests
    return app


def open_follower(settings: FollowSettings) -> Follower:
    assert settings.follow is not None
    interval = settings.follow_interval if settings.follow_interval > 0 else None
    return Follower.open(settings.follow, settings.follow_folder, interval, freeze=True)


def _app_from_settings(settings: Settings) -> FastAPI:
    following = FollowSettings()
    if following.follow:
        follower = open_follower(following)
        app = create_app(follower.current(), follower=follower, settings=settings)
        app.state.notify_token = following.notify_token
        return app
    if settings.instance is None:
        try:
            data = settings.data.read_bytes()
        except OSError:
            registry = Registry.from_file(settings.data)  # says why, as `check` does
        else:
            # Served until the process ends: frozen as it loads (`snapshot.load`).
            registry = snapshot.load(
                data, str(settings.data), snapshot.default_folder(), freeze=True, aside=True
            )
        settle()
        give_back_memory()  # what building it used and freed
        return create_app(registry, settings=settings)
    # `open` finishes any write a crash interrupted (the journal's recovery, under the
    # lock) before the watcher starts: it must never load a half-made change.
    instance = Instance.open(settings.instance, settings.data)
    give_back_memory()  # what building it used and freed
    # Other workers' edits are loaded before the next request asks; what an edit needs is
    # read ahead, then frozen once (see `Instance.watch`).
    instance.watch(freeze=True)
    return create_app(instance.registry(), instance=instance, settings=settings)
