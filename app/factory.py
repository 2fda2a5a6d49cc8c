"""Building the ASGI application around a loaded registry."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.responses import Response

from app import errors
from app.accesslog import AccessLog, strip_uvicorn_queries
from app.api_v1 import router as api_router
from app.config import Settings
from pathways.registry import Registry, settle

HEALTH = b'{"status":"ok"}'


def create_app(registry: Registry) -> FastAPI:
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
    app.state.registry = registry
    errors.install(app)
    app.include_router(api_router)

    @app.get("/healthz", tags=["ops"])
    def healthz() -> Response:
        """Liveness for load balancers and benchmarks: tiny and constant."""
        return Response(HEALTH, media_type="application/json")

    @app.get("/", tags=["ops"])
    def index() -> dict[str, object]:
        return {
            "name": "Vårdkedjan",
            "api": "/api/v1",
            "openapi": "/openapi.json",
            "providers": len(registry.providers),
        }

    strip_uvicorn_queries()
    app.add_middleware(AccessLog)
    return app


def app_from_settings(settings: Settings | None = None) -> FastAPI:
    settings = settings or Settings()
    registry = Registry.from_file(settings.data)
    settle()
    return create_app(registry)
