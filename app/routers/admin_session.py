"""Signing in and out of the admin pages, the session dependency and the CSRF check.

The sign-in form's CSRF token is bound to a short-lived cookie (there is no session yet);
every later form's token is bound to the session. Five failed sign-ins in 15 minutes lock
the name for a while (pathways.store.accounts records them).
"""

from __future__ import annotations

import secrets

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response

from app.admin_views import admin_page, read_form
from app.auth import csrf_ok
from app.deps import InstanceDep, RendererDep, SessionDep, sessions_of
from app.rendering import Renderer
from pathways.errors import AuthenticationFailed, Forbidden, LoginThrottled

router = APIRouter(prefix="/admin", include_in_schema=False)


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
    sessions_of(request).bind_login_token(request, response, token)
    return response


@router.post("/login")
async def login(request: Request, instance: InstanceDep, renderer: RendererDep) -> Response:
    form = await read_form(request)
    sessions = sessions_of(request)
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
    form = await read_form(request)
    if not csrf_ok(session, form.text("csrf")):
        raise Forbidden("the form's CSRF token is missing or wrong")
    instance.accounts.end_sessions(session.user.name)  # every session of theirs ends
    response = RedirectResponse("/admin/login", status_code=303)
    sessions_of(request).end(response)
    return response
