"""No message is lost when the channel layer loses its event: a socket reads what it missed
from the database, in order and once, whether a later event shows the gap, nothing follows
(the watch finds it), or the socket was away (?after= on reconnecting)."""

from __future__ import annotations

from typing import Any

import pytest
from asgiref.sync import async_to_sync, sync_to_async
from channels.testing import WebsocketCommunicator
from django.test import Client

from tests.desk.test_live_chat import WAIT, _person, _socket
from tsunagari.desk import conversations, grading, sockets
from tsunagari.desk.models import Conversation, Message

pytestmark = pytest.mark.django_db(transaction=True)


def _dropped(text: str, conversation: Conversation | None = None) -> Message:
    """A counsellor's message written, its event never sent (as a full layer drops it)."""
    return conversations.store(conversation or Conversation.objects.get(), "counsellor", text)


def _answered(text: str) -> Message:
    """A counsellor's message written and its event sent."""
    return conversations.post(Conversation.objects.get(), "counsellor", text)


async def _texts(socket: WebsocketCommunicator, count: int) -> list[Any]:
    return [(await socket.receive_json_from(WAIT)) for _ in range(count)]


@async_to_sync
async def _gap(person: WebsocketCommunicator) -> list[Any]:
    assert (await person.connect(WAIT))[0]
    await person.send_json_to({"text": "聞いてもらえますか"})
    first = [m for m in await _texts(person, 2) if "text" in m]
    await sync_to_async(_dropped)("はい、聞いています")
    await sync_to_async(_answered)("どうぞ")
    rest = await _texts(person, 2)
    assert await person.receive_nothing(0.2)  # each message once, not again from the event
    await person.disconnect(timeout=WAIT)
    return first + rest


def test_a_dropped_event_is_read_from_the_database_when_the_next_one_shows_the_gap() -> None:
    got = _gap(_socket("/ws/desk/", _person()))
    assert grading.drain()
    assert [(m["seq"], m["text"]) for m in got] == [
        (2, "聞いてもらえますか"),
        (3, "はい、聞いています"),
        (4, "どうぞ"),
    ]


@async_to_sync
async def _last_dropped(person: WebsocketCommunicator) -> Any:
    assert (await person.connect(WAIT))[0]
    await sync_to_async(_dropped)("ここにいますよ")
    got = await person.receive_json_from(WAIT)
    await person.disconnect(timeout=WAIT)
    return got


def test_a_last_message_whose_event_was_dropped_arrives_by_the_watch(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(sockets, "WATCH_SECONDS", 0.05)
    got = _last_dropped(_socket("/ws/desk/", _person()))
    assert (got["seq"], got["sender"], got["text"]) == (2, "counsellor", "ここにいますよ")


@async_to_sync
async def _reconnected(person: WebsocketCommunicator) -> list[Any]:
    assert (await person.connect(WAIT))[0]
    got = await _texts(person, 2)
    assert await person.receive_nothing(0.2)
    await person.disconnect(timeout=WAIT)
    return got


def test_a_socket_opened_again_gets_what_came_after_the_last_message_its_page_shows() -> None:
    person = _person()  # message 1 is on the page
    _dropped("お待たせしました")
    _dropped("いかがですか")
    got = _reconnected(_socket("/ws/desk/?after=1", person))
    assert [m["text"] for m in got] == ["お待たせしました", "いかがですか"]


def test_messages_are_numbered_in_their_conversation() -> None:
    _person()
    Client().post("/desk/start/", {"text": "別の相談です"})
    first, second = Conversation.objects.order_by("pk")
    _dropped("こんにちは", first)
    numbered = Message.objects.order_by("pk").values_list("conversation_id", "seq")
    assert list(numbered) == [(first.pk, 1), (second.pk, 1), (first.pk, 2)]
    first.refresh_from_db()
    assert first.last_seq == 2
