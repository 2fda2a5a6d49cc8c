"""Workers that help: the shared listener keeps TCP_NODELAY on every connection."""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from app import serving
from app.cli import main
from app.factory import SWITCH_INTERVAL

BUNDLED = Path(__file__).resolve().parents[2] / "data" / "providers.yaml"


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


def test_a_serving_process_lets_its_event_loop_take_the_gil_often() -> None:
    """A worker that has built its app (as `app.main` does for uvicorn) hands the GIL on
    after half a millisecond, not Python's five, so that reads are not held up behind
    an edit's thread (bench/scale.py measures the effect)."""
    script = "import sys, app.main; print(sys.getswitchinterval())"
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**os.environ, "VARDKEDJAN_DATA": str(BUNDLED)},
    )
    assert done.returncode == 0, done.stderr
    assert float(done.stdout) == pytest.approx(SWITCH_INTERVAL)
    assert SWITCH_INTERVAL < 0.005  # Python's default, which stalled reads beside edits
