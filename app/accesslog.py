"""Access logging that never records what a young person typed.

Query strings carry free text ("q") and ages; only method, path, status and time are
logged. Uvicorn's own access log gets a filter that strips query strings, for anyone who
starts the app with `uvicorn app.main:app` instead of `vardkedjan serve`.
"""

from __future__ import annotations

import copy
import logging
import time
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

access_log = logging.getLogger("vardkedjan.access")
_CONTROL = {c: f"%{c:02X}" for c in [*range(0x20), 0x7F]}


def printable(path: str) -> str:
    """A path as it may go in a log: control characters escaped again, so a `%0A` in a
    request cannot start a forged log line; at most 300 characters."""
    return path[:300].translate(_CONTROL)


def log_config() -> dict[str, Any]:
    """Uvicorn's logging setup plus ours; uvicorn applies it in every worker process."""
    from uvicorn.config import LOGGING_CONFIG

    config = copy.deepcopy(LOGGING_CONFIG)
    config["formatters"]["vardkedjan"] = {"format": "%(asctime)s %(name)s %(message)s"}
    config["handlers"]["vardkedjan"] = {
        "class": "logging.StreamHandler",
        "formatter": "vardkedjan",
        "stream": "ext://sys.stderr",
    }
    config["loggers"]["vardkedjan"] = {"handlers": ["vardkedjan"], "level": "INFO"}
    return config


class StripQuery(logging.Filter):
    """Remove the query string from uvicorn access-log records."""

    def filter(self, record: logging.LogRecord) -> bool:
        args = record.args
        if isinstance(args, tuple) and len(args) >= 3 and isinstance(args[2], str):
            record.args = (*args[:2], printable(args[2].split("?", 1)[0]), *args[3:])
        return True


def strip_uvicorn_queries() -> None:
    logger = logging.getLogger("uvicorn.access")
    if not any(isinstance(f, StripQuery) for f in logger.filters):
        logger.addFilter(StripQuery())


class AccessLog:
    """A pure ASGI middleware (cheap on the hot path) logging path without query."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        start = time.perf_counter()
        status = 500

        async def send_wrapper(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                headers = message.setdefault("headers", [])
                headers.append((b"x-content-type-options", b"nosniff"))
                headers.append((b"referrer-policy", b"no-referrer"))
            await send(message)

        try:
            await self.app(scope, receive, send_wrapper)
        finally:
            if access_log.isEnabledFor(logging.INFO):
                took = (time.perf_counter() - start) * 1000
                path = printable(scope["path"])
                access_log.info("%s %s %s %.1fms", scope["method"], path, status, took)
