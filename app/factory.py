"""Building the ASGI application around a loaded registry."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles

from app import errors
from app.accesslog import AccessLog, strip_uvicorn_queries
from app.admin import router as admin_router
from app.admin_api import install as install_admin_api
from app.admin_api import router as admin_api_router
from app.admin_session import install as install_admin
from app.admin_session import router as session_router
from app.api_v1 import router as api_router
from app.auth import Sessions, secret_for
from app.config import Settings
from app.follow import FollowSettings, open_follower
from app.follow import router as follow_router
from app.i18n import LOCALE_DIR, load_languages
from app.karta import router as karta_router
from app.pages import router as pages_router
from app.paths import STATIC
from app.proffs import router as proffs_router
from app.rendering import Renderer
from pathways import loader, snapshot
from pathways.follower import Follower
from pathways.instance import Instance
from pathways.registry import Registry, settle

HEALTH = b'{"status":"ok"}'


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
    )
    # With an instance, the live registry is the instance's: holding the first one here
    # would keep it alive beside every later one.
    app.state.registry = registry if instance is None and follower is None else None
    app.state.instance = instance
    app.state.follower = follower
    settings = settings or Settings()
    if instance is not None:
        app.state.sessions = Sessions(
            secret_for(settings, instance), secure=settings.cookies_secure
        )
    languages = load_languages(locale_dir)
    app.state.renderer = Renderer(languages)
    errors.install(app)
    install_admin_api(app)
    install_admin(app)
    # The public API first: routes are matched in order, and find-help is the busiest.
    app.include_router(api_router)
    app.include_router(admin_api_router)
    app.include_router(follow_router)
    app.include_router(session_router)
    app.include_router(admin_router)
    for lang in languages.values():
        for pages in (pages_router, proffs_router, karta_router):
            app.include_router(pages, prefix=lang.prefix)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/healthz", tags=["ops"])
    async def healthz() -> Response:
        """Liveness for load balancers and benchmarks: tiny and constant; on a replica,
        also the commit served and any commit refused (still 200: it serves on)."""
        if follower is not None:
            return JSONResponse({"status": "ok", **follower.health()})
        return Response(HEALTH, media_type="application/json")

    strip_uvicorn_queries()
    app.add_middleware(AccessLog)
    return app


def app_from_settings(settings: Settings | None = None) -> FastAPI:
    app = _app_from_settings(settings or Settings())
    loader.serving()  # loaded: from now on, parse in ways that let requests run between
    return app


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
            registry = snapshot.load(data, str(settings.data), snapshot.default_folder())
        settle()
        return create_app(registry, settings=settings)
    # No settle() here: a live registry is replaced on every edit, and frozen old ones
    # would never be collected.
    instance = Instance.open(settings.instance, settings.data)
    instance.watch()  # other workers' edits are loaded before the next request asks
    return create_app(instance.registry(), instance=instance, settings=settings)
