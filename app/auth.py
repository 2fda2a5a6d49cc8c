"""Who is asking: API tokens, signed session cookies for the admin pages, CSRF tokens.

The session cookie is scoped to /admin, HttpOnly and SameSite=Strict (Secure behind
https), so public pages never see or set a cookie. Forms carry a CSRF token tied to the
session; the sign-in form, before any session, ties its token to a short-lived cookie.

A session is over when it has been idle too long (the cookie is signed again, sliding,
at most once a minute), when it is older than its maximum age, or when the user's
session generation (`pathways.store.accounts`) has moved on: sign-out, a new password or a
disabled account end every session of that user, in every worker.
"""

from __future__ import annotations

import hmac
import secrets
import time
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
LOGIN_AGE = 3600
COOKIE_PATH = "/admin"
REFRESH_AFTER = 60  # seconds: sign a sliding session again at most this often
REFRESH_STATE = "vk_set_cookie"


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
    def __init__(
        self, secret: str, *, secure: bool, idle: int = 30 * 60, longest: int = 8 * 3600
    ) -> None:
        self.signer = URLSafeTimedSerializer(secret, salt="vardkedjan-session")
        self.login_signer = URLSafeTimedSerializer(secret, salt="vardkedjan-login")
        self.secure = secure
        self.idle = idle
        self.longest = longest

    def start(self, request: Request, response: Response, user: User) -> None:
        data = {"u": user.name, "c": secrets.token_urlsafe(24), "g": user.generation}
        value = self.signer.dumps({**data, "i": int(time.time())})
        self._set(request, response, SESSION_COOKIE, value, self.longest)
        response.delete_cookie(LOGIN_COOKIE, path=COOKIE_PATH)

    def end(self, response: Response) -> None:
        response.delete_cookie(SESSION_COOKIE, path=COOKIE_PATH)

    def read(self, request: Request, instance: Instance) -> Session | None:
        """The session, if the cookie is signed, not idle, not too old and current."""
        raw = request.cookies.get(SESSION_COOKIE)
        if not raw:
            return None
        try:
            data, signed = self.signer.loads(raw, max_age=self.idle, return_timestamp=True)
        except BadSignature:
            return None
        if not isinstance(data, dict) or time.time() - float(data.get("i", 0)) > self.longest:
            return None
        user = instance.accounts.get(str(data.get("u", "")))
        if user is None or user.disabled or data.get("g") != user.generation:
            return None
        if time.time() - signed.timestamp() > REFRESH_AFTER:
            self._refresh(request, data)
        return Session(user, str(data.get("c", "")))

    def _refresh(self, request: Request, data: dict[str, Any]) -> None:
        """Sign the session again so that idle time counts from now (sent by `Transport`)."""
        carrier = Response()
        self._set(request, carrier, SESSION_COOKIE, self.signer.dumps(data), self.longest)
        setattr(request.state, REFRESH_STATE, carrier.headers["set-cookie"])

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
