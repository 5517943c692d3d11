"""Live chat over WebSocket (Django Channels, the in-memory layer): the person's socket
sends and receives, the counsellor's socket opens only for the case's reader (and is
audited), and a page of another site cannot open a person's chat."""

from __future__ import annotations

from typing import Any

import pytest
from asgiref.sync import async_to_sync
from channels.testing import WebsocketCommunicator
from django.test import Client

from tests.personas import Personas
from tsunagari.asgi import application
from tsunagari.desk import conversations, grading
from tsunagari.desk.models import Conversation, Message
from tsunagari.staff.models import AuditEntry

pytestmark = pytest.mark.django_db(transaction=True)
ORIGIN = (b"origin", b"http://127.0.0.1")
# Each receive waits for its message and returns as soon as it is there: the bound only
# says when to give up, generous for a machine shared with other work (1 s timed out).
WAIT = 30.0


def _cookie(client: Client) -> tuple[bytes, bytes]:
    pairs = "; ".join(f"{k}={v.value}" for k, v in client.cookies.items())
    return (b"cookie", pairs.encode())


def _socket(
    path: str, client: Client, origin: tuple[bytes, bytes] = ORIGIN
) -> WebsocketCommunicator:
    headers = [_cookie(client), origin, (b"host", b"127.0.0.1")]
    return WebsocketCommunicator(application, path, headers=headers)


def _person() -> Client:
    client = Client()
    client.post("/desk/start/", {"text": "誰かと話したいです"})
    return client


@async_to_sync
async def _exchange(person: WebsocketCommunicator, staff: WebsocketCommunicator) -> list[Any]:
    assert (await person.connect(WAIT))[0] and (await staff.connect(WAIT))[0]
    await person.send_json_to({"text": "夜が長くてつらいです", "ref": 1})
    got = [await person.receive_json_from(WAIT), await person.receive_json_from(WAIT)]
    got.append(await staff.receive_json_from(WAIT))
    await staff.send_json_to({"text": "聞かせてください"})
    got += [await staff.receive_json_from(WAIT), await staff.receive_json_from(WAIT)]
    got.append(await person.receive_json_from(WAIT))
    await person.disconnect(timeout=WAIT)
    await staff.disconnect(timeout=WAIT)
    return got


def test_person_and_counsellor_exchange_messages_live(personas: Personas) -> None:
    person = _person()
    conversation = Conversation.objects.get()
    conversations.claim(conversation, personas.counsellor)
    staff = Client()
    staff.force_login(personas.counsellor)
    got = _exchange(
        _socket("/ws/desk/", person), _socket(f"/ws/desk/staff/{conversation.pk}/", staff)
    )
    texts = [g.get("text") for g in got if "text" in g]
    assert texts.count("夜が長くてつらいです") == 2 and texts.count("聞かせてください") == 2
    assert Message.objects.count() == 3
    assert grading.drain()  # a socket's message is graded by the batch grader, after delivery
    graded = Message.objects.filter(sender="person").exclude(level=None).count()
    assert graded == 2
    assert AuditEntry.objects.filter(
        action="desk.conversation.read", user=personas.counsellor
    ).exists()


@async_to_sync
async def _refused(socket: WebsocketCommunicator) -> bool:
    connected, _code = await socket.connect(WAIT)
    await socket.disconnect(timeout=WAIT)
    return not connected


def test_the_counsellor_socket_refuses_anyone_not_on_the_case(personas: Personas) -> None:
    _person()
    conversation = Conversation.objects.get()
    conversations.claim(conversation, personas.counsellor)
    for outsider in (personas.other_counsellor, personas.npo_editor, personas.visitor):
        client = Client()
        client.force_login(outsider)
        assert _refused(_socket(f"/ws/desk/staff/{conversation.pk}/", client))
    assert _refused(_socket(f"/ws/desk/staff/{conversation.pk}/", Client()))


def test_a_socket_from_another_site_or_without_a_chat_is_refused() -> None:
    person = _person()
    assert _refused(_socket("/ws/desk/", person, origin=(b"origin", b"https://evil.example")))
    assert _refused(_socket("/ws/desk/", Client()))


@async_to_sync
async def _send_one(person: WebsocketCommunicator, text: str) -> list[Any]:
    assert (await person.connect(WAIT))[0]
    await person.send_json_to({"text": text})
    got = [await person.receive_json_from(WAIT), await person.receive_json_from(WAIT)]
    await person.disconnect(timeout=WAIT)
    return got


def test_an_imminent_message_over_the_socket_is_graded_after_delivery_and_alerts() -> None:
    person = _person()
    got = _send_one(_socket("/ws/desk/", person), "今から駅で飛び降りて死にます")
    assert any(g.get("text") == "今から駅で飛び降りて死にます" for g in got)
    assert grading.drain()
    conversation = Conversation.objects.get()
    assert conversation.level == 5 and conversation.alerted_at is not None
    assert AuditEntry.objects.filter(action="desk.conversation.alerted").count() == 1


@async_to_sync
async def _write_once(staff: WebsocketCommunicator, text: str) -> Any:
    assert (await staff.connect(WAIT))[0]
    await staff.send_json_to({"text": text})
    got = await staff.receive_json_from(WAIT)
    await staff.disconnect(timeout=WAIT)
    return got


def test_a_counsellor_no_longer_on_the_case_cannot_write_over_the_socket(
    personas: Personas,
) -> None:
    _person()
    conversation = Conversation.objects.get()
    conversations.claim(conversation, personas.counsellor)
    conversations.transfer(conversation, personas.counsellor, personas.supervisor)
    supervisor = Client()
    supervisor.force_login(personas.supervisor)
    staff = Client()
    staff.force_login(personas.counsellor)
    path = f"/ws/desk/staff/{conversation.pk}/"
    assert _refused(_socket(path, staff))  # no longer a reader
    assert _write_once(_socket(path, supervisor), "代わります")["seq"] == 2
    conversations.transfer(conversation, personas.supervisor, personas.counsellor)
    assert _write_once(_socket(path, supervisor), "まだいます") == {"error": "closed"}
    assert Message.objects.count() == 2


@async_to_sync
async def _transferred_while_open(
    person: WebsocketCommunicator, old: WebsocketCommunicator, transfer: Any
) -> tuple[list[Any], list[Any], bool]:
    from asgiref.sync import sync_to_async

    assert (await person.connect(WAIT))[0] and (await old.connect(WAIT))[0]
    await sync_to_async(transfer)()
    seen = []
    while not seen or seen[-1]["type"] != "websocket.close":
        seen.append(await old.receive_output(WAIT))
    await person.send_json_to({"text": "ひみつの話です"})
    got = [await person.receive_json_from(WAIT)]
    while "ひみつの話です" not in str(got):  # after the status the transfer sent
        got.append(await person.receive_json_from(WAIT))
    quiet = await old.receive_nothing(timeout=0.5)
    await person.disconnect(timeout=WAIT)
    return seen, got, quiet


def test_a_transfer_closes_the_previous_counsellors_open_socket(personas: Personas) -> None:
    from tests.personas import make_user
    from tsunagari.staff.roles import Role

    colleague = make_user("akari-counsellor-2", ("akari", Role.COUNSELLOR))
    person = _person()
    conversation = Conversation.objects.get()
    conversations.claim(conversation, personas.counsellor)
    staff = Client()
    staff.force_login(personas.counsellor)
    seen, got, quiet = _transferred_while_open(
        _socket("/ws/desk/", person),
        _socket(f"/ws/desk/staff/{conversation.pk}/", staff),
        lambda: conversations.transfer(conversation, personas.counsellor, colleague),
    )
    assert seen[-1] == {"type": "websocket.close", "code": 4403}
    assert {"status": "active"} in got  # the person's chat goes on
    assert quiet and "ひみつの話です" not in str(seen)
