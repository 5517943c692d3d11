"""`make bench` (desk): a bounded loopback load of simultaneous live conversations.

CONVERSATIONS people each talk with a counsellor over WebSockets through `tsunagari serve`.
Every socket is opened first, spread over RAMP_SECONDS as people arrive; then all of them
talk at once: each person writes MESSAGES messages, one every PERSON_EVERY seconds (a
person types a line every few seconds), and the counsellor answers each after ANSWER_AFTER
seconds of typing. A message is timed from its send to its arrival on the other side's
socket (each counted once: one shown twice is counted apart); one not there LATE_SECONDS
after the talk ended is lost. Prints the configuration, delivery p50/p99/max each way, lost
and twice-shown messages, errors and sockets the server dropped, the CPU per message of the
server, its grading, the run's database and Redis and this bench (with how busy the machine
was: it is shared), when every message was graded, the server's memory and the machine's
load average. Target: p99 ≤ 250 ms, none lost.

The run's own database and channel layer: SQLite and the in-process layer (so one worker)
by default; as production runs, PostgreSQL (TSUNAGARI_BENCH_DATABASE_URL, a throw-away
database) and Redis (TSUNAGARI_REDIS_URL), with two workers.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import random
import signal
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.conf import settings

from tsunagari.apps_base import Writer

CONVERSATIONS = int(os.environ.get("TSUNAGARI_BENCH_CONVERSATIONS", "300"))
MESSAGES = 4  # a person's, each answered: twice as many in all
PERSON_EVERY = (4.0, 8.0)
ANSWER_AFTER = (2.0, 4.0)
RAMP_SECONDS = 15.0
LATE_SECONDS = 10.0
PER_COUNSELLOR = 3  # settings.DESK_MAX_CHATS by default
TEXTS = (
    "最近眠れなくて",
    "仕事のことで悩んでいます",
    "だれかと話したかった",
    "家族とうまくいかない",
)
ANSWERS = ("そうだったのですね", "よかったら、もう少し聞かせてください", "話してくれてありがとう")


@dataclass
class Tally:
    sent: dict[str, float] = field(default_factory=dict)
    to_counsellor: list[float] = field(default_factory=list)
    to_person: list[float] = field(default_factory=list)
    connect: list[float] = field(default_factory=list)
    lag: list[float] = field(default_factory=list)  # this process's own event loop, ms
    arrived: set[str] = field(default_factory=set)
    duplicates: int = 0  # a message shown twice on one side
    errors: int = 0
    dropped: int = 0
    memory: int = 0  # the server's largest resident set seen (all its processes), bytes
    # CPU seconds from the moment every conversation was open to the end of the talk:
    # the server's processes (delivery), its grading processes, and this bench.
    cpu: dict[str, float] = field(default_factory=dict)


class Gate:
    """Opens once every conversation has its sockets open (or failed to open them)."""

    def __init__(self, count: int) -> None:
        self.waiting, self.open = count, asyncio.Event()

    def arrive(self) -> None:
        self.waiting -= 1
        if self.waiting <= 0:
            self.open.set()


@dataclass(frozen=True)
class Setup:
    database: str
    layer: str
    workers: int


def run(out: Writer) -> None:
    from tsunagari.ops.bench import _free_port, _wait_for

    cookies = _prepare(CONVERSATIONS + 1)
    warm, cookies = cookies[:1], cookies[1:]
    setup = _setup()
    port = _free_port()
    env = {**os.environ, "TSUNAGARI_VAR_DIR": str(settings.VAR_DIR), "TSUNAGARI_LOG_LEVEL": "ERROR"}
    command = [sys.executable, "-m", "tsunagari.cli", "serve", "--port", str(port), "--no-jobs"]
    server = subprocess.Popen(
        [*command, "--workers", str(setup.workers)], env=env, stdout=subprocess.DEVNULL
    )
    load_before = os.getloadavg()
    try:
        _wait_for(f"http://127.0.0.1:{port}")
        # One short conversation first, until graded: the grading process has started.
        asyncio.run(_load(port, warm, server.pid, messages=1, ramp=0.0))
        _wait_for_grades(1, time.monotonic())
        tally = asyncio.run(_load(port, cookies, server.pid))
        # From the end of the talk: the sockets' opening and the talk itself are not a lag.
        graded_after = _wait_for_grades(CONVERSATIONS * MESSAGES + 1, time.monotonic())
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
    _report(out, setup, tally, graded_after, (load_before, os.getloadavg()))


def _setup() -> Setup:
    from django.db import connection

    redis = bool(settings.DESK_REDIS_URL)
    return Setup(
        database=connection.vendor,
        layer="Redis" if redis else "in-process",
        workers=2 if redis else 1,  # the in-process layer reaches one worker's sockets only
    )


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


async def _load(
    port: int,
    cookies: list[tuple[int, str, str]],
    server: int,
    messages: int = MESSAGES,
    ramp: float = RAMP_SECONDS,
) -> Tally:
    tally = Tally()
    everyone = Gate(len(cookies))
    watches = [
        asyncio.create_task(_watch_memory(server, tally)),
        asyncio.create_task(_watch_lag(tally)),
    ]
    cpu = asyncio.create_task(_count_cpu(server, everyone, tally))
    await asyncio.gather(
        *(_conversation(port, c, tally, everyone, messages, ramp) for c in cookies)
    )
    for watch in watches:
        watch.cancel()
    tally.cpu = {k: v - tally.cpu.get(k, 0.0) for k, v in _cpu_seconds(server).items()}
    cpu.cancel()
    return tally


async def _count_cpu(server: int, everyone: Gate, tally: Tally) -> None:
    await everyone.open.wait()
    tally.cpu = _cpu_seconds(server)


async def _conversation(
    port: int,
    cookie: tuple[int, str, str],
    tally: Tally,
    everyone: Gate,
    messages: int,
    ramp: float,
) -> None:
    import websockets

    pk, person_session, staff_session = cookie
    await asyncio.sleep(random.uniform(0, ramp))
    opened, arrived = time.monotonic(), False
    try:
        async with (
            websockets.connect(
                f"ws://127.0.0.1:{port}/ws/desk/staff/{pk}/", **_headers(port, staff_session)
            ) as counsellor,
            websockets.connect(
                f"ws://127.0.0.1:{port}/ws/desk/", **_headers(port, person_session)
            ) as person,
        ):
            tally.connect.append((time.monotonic() - opened) * 1000)
            arrived = True
            everyone.arrive()
            await everyone.open.wait()  # from here on, every conversation is open
            listeners = [
                asyncio.create_task(_listen(counsellor, tally, "person", counsellor)),
                asyncio.create_task(_listen(person, tally, "counsellor")),
            ]
            await asyncio.sleep(random.uniform(0, PERSON_EVERY[1]))
            for n in range(messages):
                await _send(person, f"{random.choice(TEXTS)} #{pk}-{n}", tally)
                await asyncio.sleep(random.uniform(*PERSON_EVERY))
            await asyncio.sleep(ANSWER_AFTER[1] + LATE_SECONDS)
            for listener in listeners:
                if listener.done():
                    tally.dropped += 1  # the server closed a socket mid-conversation
                listener.cancel()
    except Exception as error:
        tally.errors += 1
        if not arrived:
            everyone.arrive()
        if os.environ.get("TSUNAGARI_BENCH_DEBUG"):
            print(repr(error))


def _headers(port: int, session: str) -> dict[str, Any]:
    return {
        "additional_headers": {"Cookie": f"{settings.SESSION_COOKIE_NAME}={session}"},
        "origin": f"http://127.0.0.1:{port}",
        "open_timeout": 120,
    }


async def _send(socket: Any, text: str, tally: Tally) -> None:
    tally.sent[text] = time.monotonic()
    await socket.send(json.dumps({"text": text}))


async def _listen(socket: Any, tally: Tally, expected: str, answering: Any = None) -> None:
    """Times the other side's messages; the counsellor's socket answers each of them."""
    delays = tally.to_counsellor if expected == "person" else tally.to_person
    answers: set[asyncio.Task[None]] = set()
    async for raw in socket:
        data = json.loads(raw)
        if "error" in data:
            tally.errors += 1
        sent = tally.sent.get(data.get("text", ""))
        if sent is None or data.get("sender") != expected:
            continue
        if data["text"] in tally.arrived:
            tally.duplicates += 1
            continue
        tally.arrived.add(data["text"])
        delays.append((time.monotonic() - sent) * 1000)
        if answering is not None:
            answer = asyncio.create_task(_answer(answering, data["text"], tally))
            answers.add(answer)
            answer.add_done_callback(answers.discard)


async def _answer(socket: Any, asked: str, tally: Tally) -> None:
    from websockets.exceptions import ConnectionClosed

    await asyncio.sleep(random.uniform(*ANSWER_AFTER))
    with contextlib.suppress(ConnectionClosed):  # asked too late: the conversation ended
        await _send(socket, f"{random.choice(ANSWERS)} (re {asked.rsplit('#', 1)[-1]})", tally)


async def _watch_memory(server: int, tally: Tally) -> None:
    while True:
        tally.memory = max(tally.memory, _resident(server))
        await asyncio.sleep(1.0)


async def _watch_lag(tally: Tally) -> None:
    """How late this process's own loop wakes: a delay this long is the bench's, not the
    server's (both share the machine's cores)."""
    while True:
        asked = time.monotonic()
        await asyncio.sleep(0.05)
        tally.lag.append((time.monotonic() - asked - 0.05) * 1000)


def _family(root: int) -> set[int]:
    """A process and all its descendants (Linux /proc)."""
    parents: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents[int(stat.parent.name)] = int(fields[1])
    family, found = {root}, True
    while found:
        children = {pid for pid, parent in parents.items() if parent in family} - family
        family |= children
        found = bool(children)
    return family


def _cpu_seconds(server: int) -> dict[str, float]:
    """CPU used so far (user + system) by the server's processes, by its grading processes
    (multiprocessing's spawned children), and by this bench (the machine's whole busy time
    beside them, from /proc/stat)."""
    tick = os.sysconf("SC_CLK_TCK")
    used = {"server": 0.0, "grading": 0.0}
    for pid in _family(server):
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            command = Path(f"/proc/{pid}/cmdline").read_bytes()
        except OSError:
            continue
        kind = "grading" if b"spawn_main" in command else "server"
        used[kind] += (int(fields[11]) + int(fields[12])) / tick
    used.update(_store_seconds(tick))
    own = os.times()
    used["bench"] = own.user + own.system
    total = Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]
    used["machine"] = (sum(map(int, total)) - int(total[3]) - int(total[4])) / tick
    used["wall"] = time.monotonic()
    return used


def _store_seconds(tick: int) -> dict[str, float]:
    """CPU so far of the run's PostgreSQL backends (their title names the database) and of
    its Redis server (its title names the port); SQLite works inside the server."""
    from urllib.parse import urlsplit

    from django.db import connection

    marks = {"database": f" {connection.settings_dict['NAME']} ".encode()}
    if settings.DESK_REDIS_URL:
        marks["redis"] = f"redis-server *:{urlsplit(settings.DESK_REDIS_URL).port or 6379}".encode()
    used = dict.fromkeys(marks, 0.0)
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            title = (stat.parent / "cmdline").read_bytes()
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        for kind, mark in marks.items():
            if mark in title and (kind != "database" or title.startswith(b"postgres:")):
                used[kind] += (int(fields[11]) + int(fields[12])) / tick
    return used


def _resident(root: int) -> int:
    """Resident memory of a process and all its descendants (Linux /proc), in bytes."""
    pages = 0
    for pid in _family(root):
        try:
            pages += int(Path(f"/proc/{pid}/statm").read_text().split()[1])
        except (OSError, IndexError, ValueError):
            continue
    return pages * os.sysconf("SC_PAGE_SIZE")


def _wait_for_grades(expected: int, started: float) -> float | None:
    from tsunagari.desk.models import Message

    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if Message.objects.filter(sender="person").exclude(level=None).count() >= expected:
            return time.monotonic() - started
        time.sleep(0.5)
    return None


def percentiles(delays: list[float]) -> str:
    if not delays:
        return "none arrived"
    ordered = sorted(delays)
    p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]
    return f"p50 {statistics.median(ordered):.0f} ms, p99 {p99:.0f} ms, max {ordered[-1]:.0f} ms"


def _report_cpu(out: Writer, tally: Tally) -> None:
    """CPU per delivered message over the talk, and how much of the machine it leaves."""
    if not tally.cpu or not tally.arrived:
        return
    count, wall = len(tally.arrived), tally.cpu["wall"]
    parts = ("server", "grading", "database", "redis", "bench")
    each = {k: tally.cpu.get(k, 0.0) * 1000 / count for k in (*parts, "machine")}
    cores = os.cpu_count() or 1
    ours = sum(each[k] for k in parts)
    shown = ", ".join(f"{k} {each[k]:.1f}" for k in parts if k in tally.cpu)
    out.write(
        f"CPU per message over the talk ({wall:.0f} s, {count / wall:.0f} messages/s), ms: "
        f"{shown}; all {ours:.1f} ms, {ours * count / wall / 10 / cores:.0f} % of "
        f"{cores} cores; the machine was busy {tally.cpu['machine'] / wall / cores:.0%} "
        f"(other work included)\n"
    )


def _report(
    out: Writer,
    setup: Setup,
    tally: Tally,
    graded_after: float | None,
    load: tuple[tuple[float, ...], tuple[float, ...]],
) -> None:
    lost = len(set(tally.sent) - tally.arrived)
    out.write(
        f"desk: {CONVERSATIONS} simultaneous conversations over WebSocket "
        f"({CONVERSATIONS * 2} sockets), {setup.database}, {setup.layer} channel layer, "
        f"{setup.workers} worker(s); a person writes {MESSAGES} messages "
        f"{PERSON_EVERY[0]:.0f}–{PERSON_EVERY[1]:.0f} s apart, "
        f"the counsellor answers each after {ANSWER_AFTER[0]:.0f}–{ANSWER_AFTER[1]:.0f} s\n"
    )
    out.write(f"sockets opened (over {RAMP_SECONDS:.0f} s): {percentiles(tally.connect)}\n")
    out.write(f"delivery person → counsellor: {percentiles(tally.to_counsellor)}\n")
    out.write(f"delivery counsellor → person: {percentiles(tally.to_person)}\n")
    out.write(f"the bench's own event loop woke late by: {percentiles(tally.lag)}\n")
    out.write(
        f"sent {len(tally.sent)}, lost (not there {LATE_SECONDS:.0f} s later) {lost}, "
        f"shown twice {tally.duplicates}, errors {tally.errors}, "
        f"sockets dropped {tally.dropped} (target p99 ≤ 250 ms, none lost)\n"
    )
    _report_cpu(out, tally)
    graded = (
        f"{graded_after:.1f} s after the last conversation ended"
        if graded_after is not None
        else "not within 120 s"
    )
    out.write(f"urgency grades recorded for every message: {graded}\n")
    out.write(f"server memory (all its processes, largest seen): {tally.memory / 2**20:.0f} MB\n")
    before, after = (" / ".join(f"{x:.2f}" for x in figures) for figures in load)
    out.write(f"load average (1/5/15 min) before: {before}; after: {after}\n")
