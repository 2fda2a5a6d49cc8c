"""Workers that help: the shared listener keeps TCP_NODELAY on every connection."""

from __future__ import annotations

import asyncio
import socket

import pytest

from app import serving
from app.cli import main


def _nodelay_of_accepted(listener: socket.socket) -> int:
    """TCP_NODELAY on a connection asyncio accepted from `listener` (as a worker does)."""
    seen: list[int] = []

    async def scenario() -> None:
        def accepted(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            conn = writer.get_extra_info("socket")
            seen.append(conn.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))
            writer.close()

        server = await asyncio.start_server(accepted, sock=listener)
        host, port = listener.getsockname()[:2]
        _, writer = await asyncio.open_connection(host, port)
        for _ in range(100):
            if seen:
                break
            await asyncio.sleep(0.01)
        writer.close()
        server.close()
        await server.wait_closed()

    asyncio.run(scenario())
    return seen[0]


def test_connections_from_our_listener_keep_tcp_nodelay() -> None:
    assert _nodelay_of_accepted(serving.listener("127.0.0.1", 0)) != 0


def test_uvicorns_stock_listener_loses_it() -> None:
    """What uvicorn's --workers binds (issue #3149): proto 0, so no TCP_NODELAY."""
    stock = socket.socket(family=socket.AF_INET)
    stock.bind(("127.0.0.1", 0))
    assert _nodelay_of_accepted(stock) == 0


def test_workers_must_be_at_least_one(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["serve", "--workers", "0"])
    assert "must be at least 1" in capsys.readouterr().err
