"""Replicas: the settings of `serve --follow`, and the notify endpoint a primary calls.

A replica has no accounts: the primary's post-commit hook authenticates with a shared
token (VARDKEDJAN_NOTIFY_TOKEN, sent as `Authorization: Bearer ...`), compared in
constant time. Without a token configured, notify is refused: polling still works.
"""

from __future__ import annotations

import hmac
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Header, HTTPException, Request
from pydantic_settings import BaseSettings, SettingsConfigDict

from pathways.follower import Follower

router = APIRouter(prefix="/api/v1/admin", tags=["admin"])


class FollowSettings(BaseSettings):
    """VARDKEDJAN_FOLLOW: the primary's git URL; empty for a primary or a read-only copy."""

    model_config = SettingsConfigDict(env_prefix="VARDKEDJAN_", extra="ignore")

    follow: str | None = None
    follow_interval: float = 5.0  # seconds between fetches; 0 waits for notify only
    follow_folder: Path = Path("instance")
    notify_token: str | None = None


def open_follower(settings: FollowSettings) -> Follower:
    assert settings.follow is not None
    interval = settings.follow_interval if settings.follow_interval > 0 else None
    return Follower.open(settings.follow, settings.follow_folder, interval)


@router.post("/notify", status_code=202)
async def notify(
    request: Request, authorization: Annotated[str | None, Header()] = None
) -> dict[str, str]:
    """Told by the primary that it committed: fetch and load in the background."""
    follower: Follower | None = getattr(request.app.state, "follower", None)
    token: str | None = getattr(request.app.state, "notify_token", None)
    if follower is None:
        raise HTTPException(404, "this server does not follow a primary")
    if not token:
        raise HTTPException(403, "notify is not configured: set VARDKEDJAN_NOTIFY_TOKEN")
    scheme, _, given = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.encode(), token.encode()):
        raise HTTPException(401, "a valid bearer token is required", {"WWW-Authenticate": "Bearer"})
    follower.notify()
    return {"status": "fetching"}
