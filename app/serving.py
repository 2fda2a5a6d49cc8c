"""Serving with several worker processes, on a listener that keeps TCP_NODELAY.

uvicorn's `--workers` binds the listener with `socket.socket(AF_INET)`, whose `proto` is
0, and asyncio only sets TCP_NODELAY on connections accepted from a socket whose proto
is IPPROTO_TCP. So every keep-alive answer waited for Nagle and the client's delayed ACK
(about 40 ms): two workers were three times *slower* than one (uvicorn issue #3149).
Here the listener is made with IPPROTO_TCP, and the workers inherit it as it is.

The parent process only binds the socket and watches the workers: it never loads the
registry. A broken registry or instance is found first by one short-lived child
(`probe`), which prints the same one-line refusal as a single worker would.
"""

from __future__ import annotations

import multiprocessing
import socket
from typing import Any

MAIN = "app.main:app"


def listener(host: str, port: int) -> socket.socket:
    """A bound listening socket whose accepted connections get TCP_NODELAY."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.set_inheritable(True)
    return sock


def _probe() -> None:
    """Build the app once, in a child, and exit: 0 when it can serve, 1 (with the
    message on stderr, from `app.main`) when it cannot. It writes the registry's snapshot
    too, which the workers then read."""
    from pathways.store import snapshot

    snapshot.build_here()  # this process ends once built: no child to build it
    import app.main  # noqa: F401  (importing builds the app from VARDKEDJAN_*)


def probe() -> bool:
    """Whether the configured registry and instance can be served; the parent stays small."""
    child = multiprocessing.get_context("spawn").Process(target=_probe)
    child.start()
    child.join()
    return child.exitcode == 0


def run_workers(host: str, port: int, workers: int, log_config: dict[str, Any]) -> None:
    """Serve `app.main:app` from `workers` processes sharing one TCP_NODELAY listener."""
    from uvicorn import Config
    from uvicorn.supervisors import Multiprocess

    # A worker loading a national registry from its snapshot holds the GIL while it
    # unpickles, and cannot answer the supervisor's ping: give it time on a busy host.
    config = Config(
        MAIN,
        host=host,
        port=port,
        workers=workers,
        access_log=False,
        log_config=log_config,
        timeout_worker_healthcheck=60,
    )
    Multiprocess(config, sockets=[listener(host, port)]).run()
