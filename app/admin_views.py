"""What the admin routers share: the admin page and the CSRF-checked form post.

Kept out of the routers so that none imports another (each one uses these the same way).
"""

from __future__ import annotations

from typing import Any

from fastapi import Request

from app.admin_forms import FormValues
from app.auth import Session, csrf_ok
from app.rendering import Page
from pathways.errors import Forbidden


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
