"""What the admin routers share: the admin page, the CSRF-checked form post, and the
Swedish sentences for a save that was refused by scope, by rate or by the disk.

Kept out of the routers so that none imports another (each one uses these the same way).
"""

from __future__ import annotations

from typing import Any

from fastapi import Request

from app.admin_forms import FormValues
from app.auth import Session, csrf_ok
from app.rendering import Page
from pathways.errors import Forbidden, RateLimited, Unavailable


async def read_form(request: Request) -> FormValues:
    data = await request.form()
    fields = {k: v for k, v in data.items() if isinstance(v, str)}
    lists = {k: [v for v in data.getlist(k) if isinstance(v, str)] for k in data}
    return FormValues(fields, lists)


def admin_page(template: str, context: dict[str, Any], title: str, status: int = 200) -> Page:
    data = {k: v for k, v in context.items() if isinstance(v, str | int | bool | None)}
    return Page(f"admin/{template}", context, data, status=status, private=True, title=title)


async def csrf_form(request: Request, session: Session) -> FormValues:
    form = await read_form(request)
    if not csrf_ok(session, form.text("csrf")):
        raise Forbidden("the form's CSRF token is missing or wrong; reload the page and try again")
    return form


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
