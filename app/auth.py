"""Who is asking: API tokens, signed session cookies for the admin pages, CSRF tokens.

The session cookie is scoped to /admin, HttpOnly and SameSite=Strict (Secure behind
https), so public pages never see or set a cookie. Forms carry a CSRF token tied to the
session; the sign-in form, before any session, ties its token to a short-lived cookie.
"""

from __future__ import annotations

import hmac
import secrets
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import Depends, Request, Response
from itsdangerous import BadSignature, URLSafeTimedSerializer

from app.config import Settings
from pathways.errors import Forbidden
from pathways.store.accounts import User
from pathways.store.live import Instance

SESSION_COOKIE = "vk_session"
LOGIN_COOKIE = "vk_login"
SESSION_AGE = 8 * 3600  # a working day
LOGIN_AGE = 3600
COOKIE_PATH = "/admin"


class Unauthenticated(Exception):
    """No credentials, or credentials that are not valid: 401 for the API."""

    def __init__(self, message: str) -> None:
        self.message = message
        super().__init__(message)


def secret_for(settings: Settings, instance: Instance) -> str:
    """The configured secret, or in development one kept in the instance folder, so
    every worker process and every restart signs alike."""
    if settings.secret_key:
        return settings.secret_key
    path = instance.path / ".secret_key"
    if not path.exists():
        try:
            with path.open("x", encoding="utf-8") as out:
                out.write(secrets.token_urlsafe(48))
            path.chmod(0o600)
        except FileExistsError:
            pass
    return path.read_text(encoding="utf-8").strip()


@dataclass(frozen=True)
class Session:
    user: User
    csrf: str


class Sessions:
    def __init__(self, secret: str, *, secure: bool) -> None:
        self.signer = URLSafeTimedSerializer(secret, salt="vardkedjan-session")
        self.login_signer = URLSafeTimedSerializer(secret, salt="vardkedjan-login")
        self.secure = secure

    def start(self, request: Request, response: Response, user: User) -> None:
        value = self.signer.dumps({"u": user.name, "c": secrets.token_urlsafe(24)})
        self._set(request, response, SESSION_COOKIE, value, SESSION_AGE)
        response.delete_cookie(LOGIN_COOKIE, path=COOKIE_PATH)

    def end(self, response: Response) -> None:
        response.delete_cookie(SESSION_COOKIE, path=COOKIE_PATH)

    def read(self, request: Request, instance: Instance) -> Session | None:
        raw = request.cookies.get(SESSION_COOKIE)
        if not raw:
            return None
        try:
            data: dict[str, Any] = self.signer.loads(raw, max_age=SESSION_AGE)
        except BadSignature:
            return None
        user = instance.accounts.get(str(data.get("u", "")))
        return Session(user, str(data.get("c", ""))) if user else None

    def bind_login_token(self, request: Request, response: Response, token: str) -> None:
        """The sign-in form's CSRF token, bound to a short-lived signed cookie."""
        self._set(request, response, LOGIN_COOKIE, self.login_signer.dumps(token), LOGIN_AGE)

    def login_token_ok(self, request: Request, sent: str) -> bool:
        raw = request.cookies.get(LOGIN_COOKIE, "")
        try:
            expected = str(self.login_signer.loads(raw, max_age=LOGIN_AGE))
        except BadSignature:
            return False
        return bool(sent) and hmac.compare_digest(expected, sent)

    def _set(self, request: Request, response: Response, name: str, value: str, age: int) -> None:
        """Secure when configured so (production) or whenever the request came over https
        (uvicorn honours X-Forwarded-Proto from a proxy it trusts)."""
        response.set_cookie(
            name,
            value,
            max_age=age,
            path=COOKIE_PATH,
            httponly=True,
            samesite="strict",
            secure=self.secure or request.url.scheme == "https",
        )


def csrf_ok(session: Session, sent: str) -> bool:
    return bool(sent) and hmac.compare_digest(session.csrf, sent)


def get_instance(request: Request) -> Instance:
    instance: Instance | None = getattr(request.app.state, "instance", None)
    if instance is None:
        raise Forbidden("this server serves a read-only registry: no editing here")
    return instance


async def api_user(request: Request, instance: Annotated[Instance, Depends(get_instance)]) -> User:
    """An API client, by its personal token: `Authorization: Bearer vk_…`."""
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise Unauthenticated("send a personal token: Authorization: Bearer <token>")
    user = instance.accounts.user_for_token(token.strip())
    if user is None:
        raise Unauthenticated("the token is not valid")
    return user
