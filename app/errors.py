"""One error path: domain errors become JSON answers in CONTRACT.md's shape."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from pathways.errors import InvalidQuery, NotFound, PathwaysError

log = logging.getLogger("vardkedjan")


def install(app: FastAPI) -> None:
    @app.exception_handler(NotFound)
    async def not_found(request: Request, exc: NotFound) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=404)

    @app.exception_handler(InvalidQuery)
    async def invalid(request: Request, exc: InvalidQuery) -> JSONResponse:
        detail = [{"loc": ["query", exc.parameter], "msg": exc.message, "type": "value_error"}]
        return JSONResponse({"detail": detail}, status_code=422)

    @app.exception_handler(PathwaysError)
    async def refused(request: Request, exc: PathwaysError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=400)

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> JSONResponse:
        # Logged by type and path only: the query may hold what a young person typed.
        log.error("unexpected %s on %s", type(exc).__name__, request.url.path)
        return JSONResponse({"detail": "internal error"}, status_code=500)
