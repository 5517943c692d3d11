"""A cap on request bodies, and a deadline for reading them, applied before Django reads them.

Django's ASGI handler reads a whole body (to a temporary file past 2.5 MB) before any view
or setting sees it, so a client could fill the disk with one endless POST. Here a body
declared or found larger than its cap is refused with 413 as soon as that is known: staff
pages take survey files (up to TSUNAGARI_MAX_UPLOAD_BYTES), every other address a form or a
JSON message (up to TSUNAGARI_MAX_REQUEST_BYTES).

Neither uvicorn nor gunicorn bounds the time a body takes (uvicorn's deadlines are for idle
keep-alive connections, gunicorn's `timeout` for a worker's heartbeat): a body trickling in
a byte a second within the cap held its request for hours. `deadline_bodies` answers 408 once
a body is not whole TSUNAGARI_BODY_SECONDS after the request reached the application (staff
pages, which take survey files, TSUNAGARI_UPLOAD_SECONDS).
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable, Mapping
from typing import Any

from tsunagari.ops.middleware import STAFF_PATHS

Scope = dict[str, Any]
Message = Mapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


class BodyTooLarge(Exception):
    pass


class BodyTooSlow(Exception):
    pass


def deadline_bodies(app: ASGIApp, *, public_seconds: float, staff_seconds: float) -> ASGIApp:
    async def timed(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await app(scope, receive, send)
            return
        seconds = staff_seconds if STAFF_PATHS.match(scope["path"]) else public_seconds
        loop = asyncio.get_running_loop()
        deadline = loop.time() + seconds
        whole = False

        async def in_time() -> Message:
            nonlocal whole
            if whole:  # after the body, Django waits here for a disconnect: no deadline
                return await receive()
            try:
                message = await asyncio.wait_for(receive(), max(0.0, deadline - loop.time()))
            except TimeoutError:
                raise BodyTooSlow from None
            whole = message["type"] != "http.request" or not message.get("more_body", False)
            return message

        detail = f"request body too slow: not received within {seconds:g} seconds"
        await _refusing(app, scope, in_time, send, BodyTooSlow, 408, detail)

    return timed


def cap_bodies(app: ASGIApp, *, public_bytes: int, staff_bytes: int) -> ASGIApp:
    async def capped(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await app(scope, receive, send)
            return
        cap = staff_bytes if STAFF_PATHS.match(scope["path"]) else public_bytes
        detail = f"request body too large: at most {cap:,} bytes"
        if _declared_length(scope) > cap:
            await _answer(scope, send, 413, detail)
            return
        received = 0

        async def counted() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > cap:
                    raise BodyTooLarge
            return message

        await _refusing(app, scope, counted, send, BodyTooLarge, 413, detail)

    return capped


async def _refusing(
    app: ASGIApp,
    scope: Scope,
    receive: Receive,
    send: Send,
    refused: type[Exception],
    status: int,
    detail: str,
) -> None:
    """Runs `app`; when `receive` raises `refused`, answers `status` — unless the app has
    already begun its answer, which can then only be cut."""
    started = False

    async def watched(message: Message) -> None:
        nonlocal started
        started = started or message["type"] == "http.response.start"
        await send(message)

    try:
        await app(scope, receive, watched)
    except refused:
        if not started:
            await _answer(scope, send, status, detail)


def _declared_length(scope: Scope) -> int:
    for name, value in scope.get("headers", []):
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return 0  # the server itself refuses a malformed length
    return 0


async def _answer(scope: Scope, send: Send, status: int, detail: str) -> None:
    if scope["path"].startswith("/api/"):
        body, kind = json.dumps({"detail": detail}).encode(), b"application/json"
    else:
        body, kind = detail.encode(), b"text/plain; charset=utf-8"
    headers = [(b"content-type", kind), (b"content-length", str(len(body)).encode())]
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [*headers, (b"connection", b"close")],
        }
    )
    await send({"type": "http.response.body", "body": body})
