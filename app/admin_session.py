"""Signing in and out of the admin pages, the session dependency and the CSRF check.

The sign-in form's CSRF token is bound to a short-lived cookie (there is no session yet);
every later form's token is bound to the session. Five failed sign-ins in 15 minutes lock
the name for a while (pathways.accounts records them).
"""

from __future__ import annotations

import secrets
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Depends, FastAPI, Request
from fastapi.responses import RedirectResponse, Response

from app.admin_forms import FormValues
from app.auth import InstanceDep, Session, Sessions, csrf_ok
from app.pages import RendererDep
from app.rendering import Page, Renderer
from pathways.errors import (
    AuthenticationFailed,
    Forbidden,
    LoginThrottled,
    RateLimited,
    Unavailable,
)

router = APIRouter(prefix="/admin", include_in_schema=False)


class SignInRequired(Exception):
    def __init__(self, path: str) -> None:
        self.path = path


def _sessions(request: Request) -> Sessions:
    sessions: Sessions = request.app.state.sessions
    return sessions


async def signed_in(request: Request, instance: InstanceDep) -> Session:
    session = _sessions(request).read(request, instance)
    if session is None:
        raise SignInRequired(request.url.path)
    return session


SessionDep = Annotated[Session, Depends(signed_in)]


async def _form(request: Request) -> FormValues:
    data = await request.form()
    fields = {k: v for k, v in data.items() if isinstance(v, str)}
    lists = {k: [v for v in data.getlist(k) if isinstance(v, str)] for k in data}
    return FormValues(fields, lists)


CAUSES = {
    "the disk is full": "disken är full",
    "the disk quota is used up": "diskkvoten är slut",
    "the instance folder is read-only": "instansmappen är skrivskyddad",
    "no permission to write the instance folder": "servern får inte skriva i instansmappen",
    "git is not installed": "git är inte installerat",
}


def unavailable_sentence(exc: Unavailable) -> str:
    """A failed save, in Swedish for the administrator: nothing was saved, and why."""
    why = CAUSES.get(exc.cause, "historiken (git) kunde inte sparas")
    return f"Ändringen sparades inte, och inget har ändrats: {why}. Försök igen om en stund."


def forbidden_sentence(exc: Forbidden, areas: tuple[str, ...]) -> str:
    """A refusal by scope, in Swedish: which records, and which areas are the user's."""
    records = ", ".join(f"'{s}'" for s in exc.subjects) or "posten"
    mine = ", ".join(areas) or "inga"
    return (
        f"Du får inte göra den ändringen: den rör {records}, som ligger utanför dina "
        f"områden ({mine}). Inget har sparats."
    )


def rate_sentence(exc: RateLimited) -> str:
    minutes = max(1, round(exc.retry_after / 60))
    return (
        f"Du har gjort {exc.limit} ändringar den senaste timmen, så många som tillåts. "
        f"Inget har sparats; försök igen om {minutes} minuter."
    )


def admin_page(template: str, context: dict[str, Any], title: str, status: int = 200) -> Page:
    data = {k: v for k, v in context.items() if isinstance(v, str | int | bool | None)}
    return Page(f"admin/{template}", context, data, status=status, private=True, title=title)


async def csrf_form(request: Request, session: Session) -> FormValues:
    form = await _form(request)
    if not csrf_ok(session, form.text("csrf")):
        raise Forbidden("the form's CSRF token is missing or wrong; reload the page and try again")
    return form


@router.get("/login")
async def login_form(request: Request, instance: InstanceDep, renderer: RendererDep) -> Response:
    return _login_page(request, renderer, None, "", 200)


def _login_page(
    request: Request, renderer: Renderer, error: str | None, name: str, status: int
) -> Response:
    """The sign-in form, its CSRF token bound to a short-lived cookie under /admin."""
    token = secrets.token_urlsafe(24)
    context = {
        "error": error,
        "name": name,
        "login_csrf": token,
        "next": request.query_params.get("next", ""),
    }
    response = renderer.respond(request, admin_page("login.html", context, "Logga in", status))
    _sessions(request).bind_login_token(request, response, token)
    return response


@router.post("/login")
async def login(request: Request, instance: InstanceDep, renderer: RendererDep) -> Response:
    form = await _form(request)
    sessions = _sessions(request)
    name = form.text("name")[:64]
    if not sessions.login_token_ok(request, form.text("csrf")):
        return _login_page(request, renderer, "Formuläret hade gått ut. Försök igen.", name, 403)
    try:
        address = request.client.host if request.client else ""
        password = form.fields.get("password", "")
        user = instance.accounts.authenticate(name, password, address=address)
    except LoginThrottled:
        message = "För många misslyckade försök. Vänta en stund och försök igen."
        return _login_page(request, renderer, message, name, 429)
    except AuthenticationFailed:
        return _login_page(request, renderer, "Fel användarnamn eller lösenord.", name, 401)
    target = form.text("next")
    safe = target.startswith("/admin") and not target.startswith("//")
    response = RedirectResponse(target if safe else "/admin", status_code=303)
    sessions.start(request, response, user)
    return response


@router.post("/logout")
async def logout(request: Request, instance: InstanceDep, session: SessionDep) -> Response:
    form = await _form(request)
    if not csrf_ok(session, form.text("csrf")):
        raise Forbidden("the form's CSRF token is missing or wrong")
    instance.accounts.end_sessions(session.user.name)  # every session of theirs ends
    response = RedirectResponse("/admin/login", status_code=303)
    _sessions(request).end(response)
    return response


def install(app: FastAPI) -> None:
    @app.exception_handler(SignInRequired)
    async def sign_in(request: Request, exc: SignInRequired) -> Response:
        return RedirectResponse(f"/admin/login?next={quote(exc.path)}", status_code=303)
