"""The desk's WebSockets: the person's chat, a counsellor's conversation, and the queue
(with supervisors' alerts). Each message is written by conversations.store and comes back to
every socket of the conversation through its group, sealed until the socket sends it.
Delivery runs on the event loop; only the database work goes to a thread (`on_db`), and a
person's message is graded after it was delivered (grading.later)."""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from typing import Any, TypeVar
from urllib.parse import parse_qs

from channels.consumer import get_handler_name
from channels.generic.websocket import AsyncJsonWebsocketConsumer
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connections

from tsunagari.desk import conversations, crypto, grading, live, transcript
from tsunagari.desk.models import Conversation, Message, Sender
from tsunagari.staff import access
from tsunagari.staff.roles import Permission

SESSION_KEY = "desk_conversation"
T = TypeVar("T")
# The sockets' database work runs on a few threads of their own that keep their connection:
# Channels' database_sync_to_async closes it after every call (unless CONN_MAX_AGE), and
# opening one cost more than the message (SQLite, measured: 6.4 ms of CPU and 35 ms a
# message, against 2.3 ms and 4 ms on a kept connection; 300 conversations queued seconds).
DB_THREADS = 4
_db = ThreadPoolExecutor(DB_THREADS, thread_name_prefix="desk-db")


async def on_db(work: Callable[..., T], *args: Any) -> T:
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(_db, partial(_keeping_connection, work, *args))


def _keeping_connection(work: Callable[..., T], *args: Any) -> T:
    try:
        return work(*args)
    finally:
        for connection in connections.all(initialized_only=True):
            if connection.connection is None:
                continue
            if connection.in_atomic_block or (
                connection.errors_occurred and not connection.is_usable()
            ):
                connection.close()  # broken (the database restarted): the next call reopens
            connection.errors_occurred = False


def release_connections() -> None:
    """Close the kept connections, one task on each thread (before a database is dropped)."""
    everyone = threading.Barrier(DB_THREADS)

    def close() -> None:
        connections.close_all()
        everyone.wait(timeout=10)

    for done in [_db.submit(close) for _ in range(DB_THREADS)]:
        done.result()


class _Socket(AsyncJsonWebsocketConsumer):
    async def dispatch(self, message: dict[str, Any]) -> None:
        """Channels' own, without the database clean-up it does before every event (a hop
        to the worker's one synchronous thread, for each socket each message): these
        sockets do their database work on threads of their own (`on_db`)."""
        handler = getattr(self, get_handler_name(message), None)
        if handler is None:
            raise ValueError(f"No handler for message type {message['type']}")
        await handler(message)


class _ConversationSocket(_Socket):
    """Delivers each message of its conversation once and in order. The channel layer may
    drop an event (Redis past its capacity, an expiry, a worker restarting); the database
    may not, so a socket keeps the number of the last message it delivered (`seen`) and
    reads the missing ones from the database: at once when an event's number shows a gap,
    on connecting (from the client's ?after=, or the number when it opened), and when
    `watch` finds the conversation ahead of it without an event."""

    conversation_id = 0
    sender = ""
    seen = 0
    gone = False  # left its conversation: delivers nothing more

    async def join(self, conversation_id: int, last_seq: int) -> None:
        self.conversation_id = conversation_id
        self.seen = _after(self.scope, last_seq)
        self.delivering = asyncio.Lock()
        self.groups = [live.conversation_group(conversation_id)]
        await self.channel_layer.group_add(self.groups[0], self.channel_name)
        await self.accept()
        watch.add(self)
        await self.catch_up()  # what came before the group had this socket

    async def disconnect(self, code: int) -> None:
        watch.discard(self)

    async def leave(self) -> None:
        """Stop at once: events already queued for this socket are dropped, not sent."""
        self.gone = True
        watch.discard(self)
        for group in self.groups:
            await self.channel_layer.group_discard(group, self.channel_name)
        await self.close(code=4403)

    async def receive_json(self, content: Any, **kwargs: Any) -> None:
        text = content.get("text") if isinstance(content, dict) else None
        if not isinstance(text, str):
            await self.send_json({"error": "text"})
            return
        answer, message = await on_db(self.store, text)
        if message is not None:
            await self.channel_layer.group_send(*live.message_event(message))
            if message.sender == Sender.PERSON:
                grading.later(message.pk, text)  # delivered first, graded after
        await self.send_json(answer)

    def store(self, text: str) -> tuple[dict[str, Any], Message | None]:
        try:
            message = conversations.store_in(
                self.conversation_id, self.sender, text, self.author(), holder=self.author()
            )
        except ValidationError as error:
            closed = error.code == "closed"
            return {"error": "closed" if closed else " ".join(error.messages)}, None
        return {"sent": message.pk, "seq": message.seq}, message

    def author(self) -> Any:
        return None

    async def desk_message(self, event: dict[str, Any]) -> None:
        async with self.delivering:
            if event["seq"] <= self.seen:
                return  # delivered already (by a catch-up)
            if event["seq"] > self.seen + 1:
                await self._deliver_missed()  # this one included
                return
            await self._deliver(event["id"], event["seq"], event["sender"], event["sealed"])

    async def catch_up(self) -> None:
        async with self.delivering:
            await self._deliver_missed()

    async def _deliver_missed(self) -> None:
        for pk, seq, sender, sealed in await on_db(self._missed):
            if seq > self.seen:
                await self._deliver(pk, seq, sender, bytes(sealed))

    def _missed(self) -> list[tuple[int, int, str, bytes | memoryview]]:
        found = Message.objects.filter(conversation_id=self.conversation_id, seq__gt=self.seen)
        return list(found.order_by("seq").values_list("pk", "seq", "sender", "sealed"))

    async def _deliver(
        self, pk: int, seq: int, sender: str, sealed: str | bytes | memoryview
    ) -> None:
        if self.gone:
            return
        text = crypto.unseal(sealed.encode() if isinstance(sealed, str) else sealed)
        self.seen = seq
        await self.send_json({"id": pk, "seq": seq, "sender": sender, "text": text})

    async def desk_status(self, event: dict[str, Any]) -> None:
        await self.send_json({"status": event["status"]})

    async def desk_proposal(self, event: dict[str, Any]) -> None:
        await self.send_json({"proposal": True})


def _after(scope: dict[str, Any], last_seq: int) -> int:
    """The client's ?after=<number> (the last message its page shows), else the
    conversation's last number when the socket opened."""
    query = parse_qs(scope.get("query_string", b"").decode("latin-1"))
    try:
        after = int(query.get("after", [""])[0])
    except ValueError:
        return last_seq
    return min(max(after, 0), last_seq)


class _Watch:
    """Each server process checks the conversations of its open sockets every
    WATCH_SECONDS in one query. A socket behind its conversation's number that delivered
    nothing until the next check lost that event, and reads it from the database; one that
    moved on is only slow (a busy server), and is not given more work. Only the last
    message of a burst needs this: any later one shows the gap at once."""

    def __init__(self) -> None:
        self.sockets: set[_ConversationSocket] = set()
        self.behind: dict[_ConversationSocket, tuple[int, int]] = {}  # (number, seen)
        self.task: asyncio.Task[None] | None = None

    def add(self, socket: _ConversationSocket) -> None:
        self.sockets.add(socket)
        if self.task is None or self.task.done():
            self.task = asyncio.get_running_loop().create_task(self.run())

    def discard(self, socket: _ConversationSocket) -> None:
        self.sockets.discard(socket)
        self.behind.pop(socket, None)

    async def run(self) -> None:
        while self.sockets:
            await asyncio.sleep(WATCH_SECONDS)
            await self.check()

    async def check(self) -> None:
        sockets = list(self.sockets)
        last = dict(await on_db(_last_numbers, {socket.conversation_id for socket in sockets}))
        for socket in sockets:
            number, seen = self.behind.pop(socket, (0, 0))
            if number > socket.seen == seen and socket in self.sockets:
                with contextlib.suppress(Exception):  # closed meanwhile
                    await socket.catch_up()
            if last.get(socket.conversation_id, 0) > socket.seen:
                self.behind[socket] = (last[socket.conversation_id], socket.seen)


def _last_numbers(ids: set[int]) -> list[tuple[int, int]]:
    return list(Conversation.objects.filter(pk__in=ids).values_list("pk", "last_seq"))


WATCH_SECONDS = 2.0
watch = _Watch()


class PersonSocket(_ConversationSocket):
    """/ws/desk/: the conversation held in the person's session, nothing else."""

    sender = Sender.PERSON

    async def connect(self) -> None:
        found = await on_db(self.held)
        if found is None:
            await self.close()
            return
        await self.join(found.pk, found.last_seq)

    def held(self) -> Conversation | None:
        pk = self.scope["session"].get(SESSION_KEY)
        conversation = Conversation.objects.filter(pk=pk).first() if pk else None
        return conversation if conversation is not None and conversation.is_open else None


class CounsellorSocket(_ConversationSocket):
    """/ws/desk/staff/<id>/: for the counsellor on the case or a supervisor; opening it
    reads the conversation, so it is audited as a read (or as a refused one). It closes
    once its user is no longer a reader (the case was transferred)."""

    sender = Sender.COUNSELLOR

    async def connect(self) -> None:
        found = await on_db(self.opened)
        if found is None:
            await self.close()
            return
        await self.join(found.pk, found.last_seq)

    def opened(self) -> Conversation | None:
        user = self.scope["user"]
        pk = self.scope["url_route"]["kwargs"]["pk"]
        conversation = Conversation.objects.filter(pk=pk).first()
        if conversation is None or not _verified(self.scope):
            return None
        try:
            transcript.read(conversation, user)  # audited, refused or not
        except PermissionDenied:
            return None
        return conversation

    async def desk_status(self, event: dict[str, Any]) -> None:
        """A transfer, a closing or a changed membership: a counsellor no longer on the
        case stops receiving its messages at once."""
        await super().desk_status(event)
        if not await on_db(self.still_reader):
            await self.leave()

    def still_reader(self) -> bool:
        user = self.scope["user"]
        access.forget(user)
        conversation = Conversation.objects.filter(pk=self.conversation_id).first()
        return conversation is not None and conversations.can_read(user, conversation)

    def author(self) -> Any:
        return self.scope["user"]


class QueueSocket(_Socket):
    """/ws/desk/queue/: tells counsellors the queue changed, and supervisors of alerts."""

    async def connect(self) -> None:
        self.groups = await on_db(self.groups_for)
        if not self.groups:
            await self.close()
            return
        for group in self.groups:
            await self.channel_layer.group_add(group, self.channel_name)
        await self.accept()

    def groups_for(self) -> list[str]:
        user = self.scope["user"]
        if not _verified(self.scope) or not access.can(user, Permission.COUNSEL):
            return []
        supervising = access.can(user, Permission.SUPERVISE)
        return [live.QUEUE, *([live.SUPERVISORS] if supervising else [])]

    async def desk_queue(self, event: dict[str, Any]) -> None:
        await self.send_json({"queue": True})

    async def desk_alert(self, event: dict[str, Any]) -> None:
        await self.send_json({"alert": event["conversation"]})


def _verified(scope: dict[str, Any]) -> bool:
    """A staff socket needs what a staff page needs: the second factor when one is due."""
    user = scope["user"]
    if not access.needs_second_factor(user):
        return True
    from django_otp import DEVICE_ID_SESSION_KEY

    return bool(scope["session"].get(DEVICE_ID_SESSION_KEY))
