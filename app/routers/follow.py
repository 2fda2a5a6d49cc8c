"""Replicas: the notify endpoint a primary's post-commit hook calls (`serve --follow`).

A replica has no accounts: the primary's hook authenticates with a shared token
(VARDKEDJAN_NOTIFY_TOKEN, sent as `Authorization: Bearer ...`), compared in constant
time. Without a token configured, notify is refused: polling still works. Refusals are
the domain's errors, answered by the one error path (`app.errors`).
"""

from __future__ import annotations

import hmac
from typing import Annotated

from fastapi import APIRouter, Header, Request

from app.auth import Unauthenticated
from pathways.errors import Forbidden, NotFound
from pathways.store.follower import Follower

router = APIRouter(prefix="/api/v1/admin", tags=["admin"])


@router.post("/notify", status_code=202)
async def notify(
    request: Request, authorization: Annotated[str | None, Header()] = None
) -> dict[str, str]:
    """Told by the primary that it committed: fetch and load in the background."""
    follower: Follower | None = getattr(request.app.state, "follower", None)
    token: str | None = getattr(request.app.state, "notify_token", None)
    if follower is None:
        raise NotFound("primary", "this server does not follow a primary")
    if not token:
        raise Forbidden("notify is not configured: set VARDKEDJAN_NOTIFY_TOKEN")
    scheme, _, given = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.encode(), token.encode()):
        raise Unauthenticated("a valid notify token is required (Authorization: Bearer ...)")
    follower.notify()
    return {"status": "fetching"}
