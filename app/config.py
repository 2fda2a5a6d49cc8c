"""Settings in one object, read from the environment (prefix VARDKEDJAN_)."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from app.paths import BUNDLED_REGISTRY

MIN_SECRET = 32


class Settings(BaseSettings):
    """`instance` empty serves `data` read-only (benchmarks, a read-only mirror);
    otherwise the live registry lives in the instance folder, seeded from `data`."""

    model_config = SettingsConfigDict(env_prefix="VARDKEDJAN_", extra="ignore")

    data: Path = BUNDLED_REGISTRY
    instance: Path | None = None
    environment: Literal["development", "production"] = "development"
    # Signs the administrators' session cookies. Outside development it must be set:
    # a default secret would let anyone who reads this code forge a session.
    secret_key: str | None = None
    # Mark the session cookie Secure; on by default in production (behind https).
    secure_cookies: bool | None = None
    # An admin session ends after this many idle minutes, and after `session_max_hours`
    # whatever happens (and at once on sign-out, a new password or a disabled account).
    session_idle_minutes: int = Field(default=30, ge=1, le=24 * 60)
    session_max_hours: int = Field(default=8, ge=1, le=24 * 7)
    # Behind a reverse proxy that terminates https: honour its X-Forwarded-Proto and
    # X-Forwarded-For. Off by default: anyone could send those headers to a bare server.
    trust_proxy: bool = False
    # Request bodies larger than this are refused with 413 before they are read.
    max_body_kb: int = Field(default=1024, ge=1)
    # Tests only: send the worker's process id as `X-Vardkedjan-Worker`, so a test of
    # several workers can show which one answered each request.
    worker_header: bool = False

    @model_validator(mode="after")
    def _secret_outside_development(self) -> Settings:
        weak = not self.secret_key or len(self.secret_key) < MIN_SECRET
        if self.environment != "development" and weak:
            raise ValueError(
                f"VARDKEDJAN_SECRET_KEY must be set to at least {MIN_SECRET} characters "
                "outside development"
            )
        return self

    @property
    def cookies_secure(self) -> bool:
        if self.secure_cookies is not None:
            return self.secure_cookies
        return self.environment == "production"


class FollowSettings(BaseSettings):
    """A replica (`serve --follow`): VARDKEDJAN_FOLLOW is the primary's git URL, empty for a
    primary or a read-only copy; VARDKEDJAN_NOTIFY_TOKEN authenticates the primary's
    post-commit hook (`POST /api/v1/admin/notify`)."""

    model_config = SettingsConfigDict(env_prefix="VARDKEDJAN_", extra="ignore")

    follow: str | None = None
    follow_interval: float = 5.0  # seconds between fetches; 0 waits for notify only
    follow_folder: Path = Path("instance")
    notify_token: str | None = None
