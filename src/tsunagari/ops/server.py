"""The server under `tsunagari serve`: gunicorn managing uvicorn (asyncio, ASGI) workers.

Each worker's event loop holds many connections; a slow or stalled client (a header line
every few seconds, a body trickling in, a response never read) waits on its own socket and
never takes a worker from anyone else, as it did with gunicorn's sync workers. uvicorn
closes idle keep-alive connections, but has no deadline for a request's head, so the
protocol below adds one: a connection that has not sent a whole request head within
HEAD_SECONDS of starting it is closed (slowloris).
"""

from __future__ import annotations

import asyncio
from typing import Any

from uvicorn.protocols.http.h11_impl import H11Protocol
from uvicorn_worker import UvicornWorker

HEAD_SECONDS = 10.0
KEEP_ALIVE_SECONDS = 5
# Connections (and requests) a worker holds at once; beyond them it answers 503 at once.
CONCURRENCY = 1000


class HeadDeadlineProtocol(H11Protocol):
    """HTTP/1.1 (h11) with a deadline for each request's head."""

    _deadline: asyncio.TimerHandle | None = None
    _waiting_since_cycle: Any = None

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._start_deadline()

    def data_received(self, data: bytes) -> None:
        if self._deadline is None and (self.cycle is None or self.cycle.response_complete):
            self._start_deadline()  # the first bytes of the next request on this connection
        super().data_received(data)
        if self.cycle is not self._waiting_since_cycle:
            self._stop_deadline()  # its head arrived: a new request cycle began

    def handle_websocket_upgrade(self, event: Any) -> None:
        # The head is whole, and the connection now belongs to the WebSocket protocol: no
        # request cycle starts here, so without this the deadline cut every live chat
        # HEAD_SECONDS after it opened.
        self._stop_deadline()
        super().handle_websocket_upgrade(event)

    def connection_lost(self, exc: Exception | None) -> None:
        self._stop_deadline()
        super().connection_lost(exc)

    def _start_deadline(self) -> None:
        self._waiting_since_cycle = self.cycle
        self._deadline = self.loop.call_later(HEAD_SECONDS, self._too_slow)

    def _stop_deadline(self) -> None:
        if self._deadline is not None:
            self._deadline.cancel()
            self._deadline = None

    def _too_slow(self) -> None:
        self._deadline = None
        if not self.transport.is_closing():
            self.transport.close()


class Worker(UvicornWorker):
    CONFIG_KWARGS: dict[str, Any] = {
        "loop": "asyncio",
        "http": HeadDeadlineProtocol,
        "lifespan": "off",  # Django has no lifespan handler
        "server_header": False,
        "limit_concurrency": CONCURRENCY,
        # Chat lines are short: compressing each frame cost the event loop more than it
        # saved, and a zlib context for each direction of every open socket.
        "ws_per_message_deflate": False,
    }
