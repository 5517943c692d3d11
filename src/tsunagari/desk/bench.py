"""`make bench` (desk): a bounded loopback load of simultaneous live conversations.

CONVERSATIONS people each talk to a counsellor over WebSockets through `tsunagari serve`
(one worker, the in-process channel layer, SQLite): every person sends MESSAGES messages a
second or so apart; each is timed from the person's send to its arrival on the
counsellor's socket. Prints delivery p50/p99, messages lost and errors, and how long the
batch grader took to grade them all. Target: p99 ≤ 250 ms, none lost.
"""

from __future__ import annotations

import asyncio
import json
import os
import random
import signal
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field

from django.conf import settings

from tsunagari.apps_base import Writer

CONVERSATIONS = int(os.environ.get("TSUNAGARI_BENCH_CONVERSATIONS", "300"))
MESSAGES = 3
LATE_SECONDS = 10
PER_COUNSELLOR = 3  # settings.DESK_MAX_CHATS by default
TEXTS = (
    "最近眠れなくて",
    "仕事のことで悩んでいます",
    "だれかと話したかった",
    "家族とうまくいかない",
)


@dataclass
class Tally:
    sent: dict[str, float] = field(default_factory=dict)
    delays: list[float] = field(default_factory=list)
    errors: int = 0


def run(out: Writer) -> None:
    from tsunagari.ops.bench import _free_port, _wait_for

    cookies = _prepare(CONVERSATIONS + 1)
    warm, cookies = cookies[:1], cookies[1:]
    port = _free_port()
    env = {**os.environ, "TSUNAGARI_VAR_DIR": str(settings.VAR_DIR), "TSUNAGARI_LOG_LEVEL": "ERROR"}
    env.pop("TSUNAGARI_REDIS_URL", None)
    server = subprocess.Popen(
        [sys.executable, "-m", "tsunagari.cli", "serve", "--port", str(port), "--no-jobs"],
        env=env,
        stdout=subprocess.DEVNULL,
    )
    try:
        _wait_for(f"http://127.0.0.1:{port}")
        # One conversation first, until graded: the grading process has started.
        asyncio.run(_load(port, warm, messages=1))
        _wait_for_grades(1, time.monotonic())
        started = time.monotonic()
        tally = asyncio.run(_load(port, cookies))
        graded_after = _wait_for_grades(CONVERSATIONS * MESSAGES + 1, started)
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
    _report(out, tally, graded_after)


def _prepare(count: int) -> list[tuple[int, str, str]]:
    """Conversations, each claimed by a counsellor, and the session cookies of both sides."""
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.auth.models import User
    from django.contrib.sessions.backends.db import SessionStore

    from tsunagari.desk import conversations
    from tsunagari.desk.sockets import SESSION_KEY as DESK_KEY
    from tsunagari.staff.members import grant
    from tsunagari.staff.models import Body
    from tsunagari.staff.roles import Kind, Role

    desk = Body.objects.create(kind=Kind.ORGANISATION, code="bench-desk", name="bench desk")
    prepared = []
    counsellor, staff_cookie = None, ""
    for index in range(count):
        if index % PER_COUNSELLOR == 0:
            counsellor = User.objects.create_user(f"bench-counsellor-{index}")
            grant(counsellor, desk, Role.COUNSELLOR)
            staff = SessionStore()
            staff[SESSION_KEY] = str(counsellor.pk)
            staff[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
            staff[HASH_SESSION_KEY] = counsellor.get_session_auth_hash()
            staff.create()
            staff_cookie = staff.session_key or ""
        conversation, _code = conversations.start("ja")
        conversations.claim(conversation, counsellor)
        person = SessionStore()
        person[DESK_KEY] = conversation.pk
        person.create()
        prepared.append((conversation.pk, person.session_key or "", staff_cookie))
    return prepared


async def _load(port: int, cookies: list[tuple[int, str, str]], messages: int = MESSAGES) -> Tally:
    tally = Tally()
    await asyncio.gather(*(_conversation(port, c, tally, messages) for c in cookies))
    return tally


async def _conversation(
    port: int, cookie: tuple[int, str, str], tally: Tally, messages: int
) -> None:
    import websockets

    pk, person_session, staff_session = cookie
    base = f"ws://127.0.0.1:{port}"
    origin = f"http://127.0.0.1:{port}"
    cookie_name = settings.SESSION_COOKIE_NAME
    try:
        async with (
            websockets.connect(
                f"{base}/ws/desk/staff/{pk}/",
                additional_headers={"Cookie": f"{cookie_name}={staff_session}"},
                origin=origin,  # type: ignore[arg-type]
                open_timeout=60,
            ) as counsellor,
            websockets.connect(
                f"{base}/ws/desk/",
                additional_headers={"Cookie": f"{cookie_name}={person_session}"},
                origin=origin,  # type: ignore[arg-type]
                open_timeout=60,
            ) as person,
        ):
            listener = asyncio.create_task(_receive(counsellor, tally))
            await asyncio.sleep(random.uniform(0, 1.0))
            for n in range(messages):
                text = f"{random.choice(TEXTS)} #{pk}-{n}"
                tally.sent[text] = time.monotonic()
                await person.send(json.dumps({"text": text}))
                await asyncio.sleep(random.uniform(0.8, 1.2))
            await asyncio.sleep(LATE_SECONDS)  # a message not there by then counts as lost
            listener.cancel()
    except Exception as error:
        tally.errors += 1
        if os.environ.get("TSUNAGARI_BENCH_DEBUG"):
            print(repr(error))


async def _receive(socket: object, tally: Tally) -> None:
    async for raw in socket:  # type: ignore[attr-defined]
        data = json.loads(raw)
        sent = tally.sent.get(data.get("text", ""))
        if sent is not None and data.get("sender") == "person":
            tally.delays.append((time.monotonic() - sent) * 1000)
        if "error" in data:
            tally.errors += 1


def _wait_for_grades(expected: int, started: float) -> float | None:
    from tsunagari.desk.models import Message

    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if Message.objects.filter(sender="person").exclude(level=None).count() >= expected:
            return time.monotonic() - started
        time.sleep(0.5)
    return None


def _report(out: Writer, tally: Tally, graded_after: float | None) -> None:
    delays = sorted(tally.delays)
    lost = len(tally.sent) - len(delays)
    p50 = statistics.median(delays) if delays else float("nan")
    p99 = delays[min(len(delays) - 1, int(len(delays) * 0.99))] if delays else float("nan")
    out.write(
        f"desk: {CONVERSATIONS} simultaneous conversations over WebSocket "
        f"({CONVERSATIONS * 2} sockets), {MESSAGES} messages each, 1 worker, SQLite\n"
    )
    out.write(
        f"delivery person → counsellor: p50 {p50:.1f} ms, p99 {p99:.1f} ms; "
        f"sent {len(tally.sent)}, lost (not there {LATE_SECONDS} s later) {lost}, "
        f"errors {tally.errors} "
        f"(target p99 ≤ 250 ms, none lost)\n"
    )
    graded = f"{graded_after:.1f} s after the load began" if graded_after else "not within 120 s"
    out.write(f"urgency grades recorded for every message: {graded}\n")
