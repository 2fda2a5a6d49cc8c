"""Transport security: which requests came over https, HSTS for them, the client address.

Behind a reverse proxy that terminates TLS the app sees plain http from the proxy; with
`trust_proxy` set (VARDKEDJAN_TRUST_PROXY) the proxy's X-Forwarded-Proto and
X-Forwarded-For are taken as the truth, and never otherwise (anyone can send headers to
a bare server). Every answer to a request that came over https carries HSTS, and a
refreshed admin session cookie (`app.auth`) is added here, after the route has run.
"""

from __future__ import annotations

from app.accesslog import ASGIApp, Message, Receive, Scope, Send
from app.auth import REFRESH_STATE, SESSION_COOKIE

HSTS = (b"strict-transport-security", b"max-age=31536000; includeSubDomains")


def _header(scope: Scope, name: bytes) -> str:
    for key, value in scope.get("headers", ()):
        if key == name:
            return bytes(value).decode("latin-1")
    return ""


class Transport:
    """A pure ASGI middleware: cheap on every request."""

    def __init__(self, app: ASGIApp, *, trust_proxy: bool = False) -> None:
        self.app = app
        self.trust_proxy = trust_proxy

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if self.trust_proxy:
            self._from_proxy(scope)
        https = scope.get("scheme") == "https"

        async def send_wrapper(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = message.setdefault("headers", [])
                if https:
                    headers.append(HSTS)
                refreshed = scope.get("state", {}).get(REFRESH_STATE)
                ours = SESSION_COOKIE.encode() + b"="
                if refreshed and not any(
                    k == b"set-cookie" and bytes(v).startswith(ours) for k, v in headers
                ):
                    headers.append((b"set-cookie", str(refreshed).encode("latin-1")))
            await send(message)

        await self.app(scope, receive, send_wrapper)

    @staticmethod
    def _from_proxy(scope: Scope) -> None:
        proto = _header(scope, b"x-forwarded-proto").split(",")[-1].strip().lower()
        if proto in ("http", "https"):
            scope["scheme"] = proto
        forwarded = _header(scope, b"x-forwarded-for").split(",")[-1].strip()
        if forwarded and len(forwarded) <= 45:
            scope["client"] = (forwarded, 0)
