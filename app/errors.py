"""One error path: domain and HTTP errors become JSON for the API and a page for people.

The API keeps CONTRACT.md's shape (`{"detail": ...}`); a person who follows a stale link
or mistypes an address gets a page in their language with the emergency strip, never a
JSON blob or a stack trace.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from starlette.exceptions import HTTPException

from app.accesslog import printable
from app.auth import Unauthenticated
from app.deps import SignInRequired
from app.openapi_errors import allowed_methods
from app.rendering import Page, Renderer
from pathways.errors import InvalidQuery, PathwaysError
from pathways.messages import Msg

log = logging.getLogger("vardkedjan")

MACHINE_PATHS = ("/api/", "/openapi.json", "/healthz", "/static/")

HEADINGS = {
    403: Msg("Det här får du inte göra"),
    404: Msg("Sidan finns inte"),
    413: Msg("Det du skickade var för stort"),
    422: Msg("Något i frågan blev fel"),
    429: Msg("För många försök just nu"),
    500: Msg("Något gick fel hos oss"),
    503: Msg("Tjänsten kan inte spara just nu"),
}
MESSAGES = {
    403: Msg("Du har inte behörighet till det här. Fråga en administratör."),
    404: Msg("Sidan finns inte, eller så har mottagningen slutat. Sök igen från startsidan."),
    413: Msg("Inget har sparats. Korta texten och försök igen."),
    422: Msg("Vi kunde inte förstå adressen. Börja om från startsidan."),
    429: Msg("Inget har sparats. Vänta en stund och försök igen."),
    500: Msg("Försök igen om en stund. Är det bråttom, ring 1177. Är någon i fara, ring 112."),
    503: Msg("Inget har ändrats. Försök igen om en stund."),
}


NO_STORE = {"Cache-Control": "no-store"}


def query_detail(errors: Mapping[str, Msg]) -> list[dict[str, Any]]:
    """Query parameters at fault, one entry each, in FastAPI's error shape (CONTRACT.md)."""
    return [
        item
        for name, message in errors.items()
        for item in InvalidQuery(name, message.render()).detail()
    ]


def _for_machines(request: Request) -> bool:
    path = request.url.path
    return path.startswith(MACHINE_PATHS) or request.query_params.get("format") == "json"


@dataclass(frozen=True)
class Answer:
    """What any error becomes: a status, the JSON `detail`, and what else to send."""

    status: int
    detail: Any
    headers: Mapping[str, str] = field(default_factory=dict)
    extra: Mapping[str, Any] = field(default_factory=dict)
    always_json: bool = False  # answers HTML cannot improve (405 says which methods work)


def describe(exc: Exception) -> Answer:
    """The one place that knows how each kind of error is answered."""
    if isinstance(exc, PathwaysError):
        return Answer(exc.status, exc.detail(), exc.headers(), exc.extra())
    if isinstance(exc, RequestValidationError):
        return Answer(422, jsonable_encoder(exc.errors()))
    if isinstance(exc, HTTPException):
        plain = exc.status_code < 400 or exc.status_code == 405
        return Answer(exc.status_code, exc.detail, exc.headers or {}, always_json=plain)
    if isinstance(exc, Unauthenticated):
        return Answer(401, exc.message, {"WWW-Authenticate": 'Bearer realm="vardkedjan"'})
    # Logged by type and path only (by the caller): the query may hold what a young
    # person typed.
    return Answer(500, "internal error")


async def handle_exception(request: Request, exc: Exception) -> Response:
    """Every error, answered as JSON for the API and `?format=json`, as a page for people."""
    if isinstance(exc, SignInRequired):
        return RedirectResponse(f"/admin/login?next={quote(exc.path)}", status_code=303)
    answer = describe(exc)
    if answer.status >= 500 and not isinstance(exc, PathwaysError):
        # A domain error (503 Unavailable) was logged once, with its cause, where it
        # happened; anything else by type and path only (escaped: no forged log lines).
        log.error("unexpected %s on %s", type(exc).__name__, printable(request.url.path))
    if answer.always_json or _for_machines(request) or not hasattr(request.app.state, "renderer"):
        body = {"detail": answer.detail, **answer.extra}
        headers = {**answer.headers, **NO_STORE}
        if answer.status == 405:  # Starlette names only the first route's methods
            headers["Allow"] = allowed_methods(request) or headers.get("Allow", "")
        return JSONResponse(body, status_code=answer.status, headers=headers)
    return _page(request, answer)


def _page(request: Request, answer: Answer) -> Response:
    renderer: Renderer = request.app.state.renderer
    status = answer.status
    shown = status if status in HEADINGS else (404 if status < 500 else 500)
    context = {"heading": HEADINGS[shown], "message": MESSAGES[shown]}
    data = {"detail": answer.detail}
    page = Page("error.html", context, data, status=status, title=HEADINGS[shown])
    return renderer.respond(request, page)


HANDLED = (
    PathwaysError,
    RequestValidationError,
    HTTPException,
    Unauthenticated,
    SignInRequired,
    Exception,
)


def install(app: FastAPI) -> None:
    """One handler for every error (datasette's `handle_exception`)."""
    for kind in HANDLED:
        app.add_exception_handler(kind, handle_exception)
