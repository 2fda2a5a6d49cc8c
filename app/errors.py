"""One error path: domain and HTTP errors become JSON for the API and a page for people.

The API keeps CONTRACT.md's shape (`{"detail": ...}`); a person who follows a stale link
or mistypes an address gets a page in their language with the emergency strip, never a
JSON blob or a stack trace.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException

from app.accesslog import printable
from app.auth import Unauthenticated
from app.openapi_errors import allowed_methods
from app.rendering import Page, Renderer
from pathways.errors import (
    Conflict,
    Forbidden,
    InvalidQuery,
    LoginThrottled,
    NotFound,
    PathwaysError,
    PreconditionFailed,
    RateLimited,
    RegistryInvalid,
    Unavailable,
)
from pathways.msg import Msg

log = logging.getLogger("vardkedjan")

MACHINE_PATHS = ("/api/", "/openapi.json", "/healthz", "/static/")

HEADINGS = {
    403: Msg("Det här får du inte göra"),
    404: Msg("Sidan finns inte"),
    422: Msg("Något i frågan blev fel"),
    500: Msg("Något gick fel hos oss"),
    503: Msg("Tjänsten kan inte spara just nu"),
}
MESSAGES = {
    403: Msg("Du har inte behörighet till det här. Fråga en administratör."),
    404: Msg("Sidan finns inte, eller så har mottagningen slutat. Sök igen från startsidan."),
    422: Msg("Vi kunde inte förstå adressen. Börja om från startsidan."),
    500: Msg("Försök igen om en stund. Är det bråttom, ring 1177. Är någon i fara, ring 112."),
    503: Msg("Inget har ändrats. Försök igen om en stund."),
}


NO_STORE = {"Cache-Control": "no-store"}


def problems_detail(exc: RegistryInvalid) -> list[dict[str, Any]]:
    """An invalid edit, field by field, in FastAPI's error shape."""
    return [
        {
            "loc": ["body", *problem.field.split(".")] if problem.field else ["body"],
            "field": problem.field,
            "subject": problem.subject,
            "msg": problem.message,
            "type": problem.code,
        }
        for problem in exc.problems
    ]


def _for_machines(request: Request) -> bool:
    path = request.url.path
    return path.startswith(MACHINE_PATHS) or request.query_params.get("format") == "json"


def _answer(request: Request, status: int, detail: Any) -> Response:
    if _for_machines(request) or not hasattr(request.app.state, "renderer"):
        return JSONResponse({"detail": detail}, status_code=status)
    renderer: Renderer = request.app.state.renderer
    shown = status if status in HEADINGS else (404 if status < 500 else 500)
    context = {"heading": HEADINGS[shown], "message": MESSAGES[shown]}
    page = Page("error.html", context, {"detail": detail}, status=status, title=HEADINGS[shown])
    return renderer.respond(request, page)


def install(app: FastAPI) -> None:
    @app.exception_handler(NotFound)
    async def not_found(request: Request, exc: NotFound) -> Response:
        return _answer(request, 404, str(exc))

    @app.exception_handler(InvalidQuery)
    async def invalid(request: Request, exc: InvalidQuery) -> Response:
        detail = [{"loc": ["query", exc.parameter], "msg": exc.message, "type": "value_error"}]
        return _answer(request, 422, detail)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError) -> Response:
        return _answer(request, 422, jsonable_encoder(exc.errors()))

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        if exc.status_code >= 400 and exc.status_code not in (405,):
            return _answer(request, exc.status_code, exc.detail)
        headers = dict(exc.headers or {})
        if exc.status_code == 405:
            headers["Allow"] = allowed_methods(request) or headers.get("Allow", "")
        return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=headers)

    @app.exception_handler(Unauthenticated)
    async def unauthenticated(request: Request, exc: Unauthenticated) -> Response:
        return JSONResponse(
            {"detail": exc.message},
            status_code=401,
            headers={"WWW-Authenticate": 'Bearer realm="vardkedjan"', **NO_STORE},
        )

    @app.exception_handler(PreconditionFailed)
    async def stale(request: Request, exc: PreconditionFailed) -> Response:
        headers = {"ETag": f'"{exc.current}"'} if exc.current else {}
        return JSONResponse(
            {"detail": str(exc), "current_etag": exc.current},
            status_code=412,
            headers={**headers, **NO_STORE},
        )

    @app.exception_handler(Conflict)
    async def conflict(request: Request, exc: Conflict) -> Response:
        detail = {"message": exc.message, "subjects": exc.subjects}
        return JSONResponse({"detail": detail}, status_code=409, headers=NO_STORE)

    @app.exception_handler(Forbidden)
    async def forbidden(request: Request, exc: Forbidden) -> Response:
        if not _for_machines(request):
            return _answer(request, 403, exc.message)
        detail = {"message": exc.message, "subjects": exc.subjects}
        return JSONResponse({"detail": detail}, status_code=403, headers=NO_STORE)

    @app.exception_handler(RegistryInvalid)
    async def invalid_edit(request: Request, exc: RegistryInvalid) -> Response:
        return JSONResponse({"detail": problems_detail(exc)}, status_code=422, headers=NO_STORE)

    @app.exception_handler(LoginThrottled)
    async def throttled(request: Request, exc: LoginThrottled) -> Response:
        return JSONResponse({"detail": str(exc)}, status_code=429, headers=NO_STORE)

    @app.exception_handler(RateLimited)
    async def too_many_writes(request: Request, exc: RateLimited) -> Response:
        headers = {"Retry-After": str(exc.retry_after), **NO_STORE}
        return JSONResponse({"detail": str(exc)}, status_code=429, headers=headers)

    @app.exception_handler(Unavailable)
    async def unavailable(request: Request, exc: Unavailable) -> Response:
        # Logged once where it happened (pathways.instance), with the cause.
        detail = f"{exc.message}: {exc.cause}. Try again later."
        if not _for_machines(request):
            return _answer(request, 503, detail)
        headers = {"Retry-After": "60", **NO_STORE}
        return JSONResponse({"detail": detail}, status_code=503, headers=headers)

    @app.exception_handler(PathwaysError)
    async def refused(request: Request, exc: PathwaysError) -> Response:
        return _answer(request, 400, str(exc))

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> Response:
        # Logged by type and path only: the query may hold what a young person typed.
        log.error("unexpected %s on %s", type(exc).__name__, printable(request.url.path))
        return _answer(request, 500, "internal error")
