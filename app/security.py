"""Transport security: which requests came over https, HSTS for them, the client address.

Behind a reverse proxy that terminates TLS the app sees plain http from the proxy; with
`trust_proxy` set (VARDKEDJAN_TRUST_PROXY) the proxy's X-Forwarded-Proto and
X-Forwarded-For are taken as the truth, and never otherwise (anyone can send headers to
a bare server). Every answer to a request that came over https carries HSTS, and a
refreshed admin session cookie (`app.auth`) is added here, after the route has run.
"""

from __future__ import annotations

from starlette.requests import Request

from app.accesslog import ASGIApp, Message, Receive, Scope, Send
from app.auth import REFRESH_STATE, SESSION_COOKIE
from app.errors import handle_exception
from pathways.errors import BodyTooLarge

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


class BodyLimit:
    """Refuse request bodies over `limit` bytes with 413, before the app sees them.

    The refusal is a `BodyTooLarge` answered by the one error path (`app.errors`), so it
    is JSON for the API and a page for a person, like every other error.

    A declared Content-Length over the limit is refused at once; otherwise the body is
    read here, at most `limit` bytes of it, and handed on whole (bodies are small
    forms and records; the app would read them whole anyway).
    """

    def __init__(self, app: ASGIApp, *, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        declared = _header(scope, b"content-length")
        if declared.isdecimal() and (len(declared) > 18 or int(declared) > self.limit):
            await self._refuse(scope, receive, send)
            return
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                await self.app(scope, _replay([message], receive), send)
                return
            chunks.append(message.get("body", b""))
            size += len(chunks[-1])
            if size > self.limit:
                await self._refuse(scope, receive, send)
                return
            if not message.get("more_body", False):
                break
        whole: Message = {"type": "http.request", "body": b"".join(chunks), "more_body": False}
        await self.app(scope, _replay([whole], receive), send)

    async def _refuse(self, scope: Scope, receive: Receive, send: Send) -> None:
        response = await handle_exception(Request(scope), BodyTooLarge(self.limit))
        await response(scope, receive, send)


def _replay(messages: list[Message], receive: Receive) -> Receive:
    """A receive that gives `messages` first, then whatever the server sends next."""
    pending = list(messages)

    async def replayed() -> Message:
        return pending.pop(0) if pending else await receive()

    return replayed
