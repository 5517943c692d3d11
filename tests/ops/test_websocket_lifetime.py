"""A live chat's WebSocket outlives the deadline for request heads: the deadline ends when
the upgrade's head has arrived (it cut every socket HEAD_SECONDS after it opened)."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
import websockets

from tests.ops.servers import Server, once_per_run, prepared_database, run, serving
from tsunagari.ops.server import HEAD_SECONDS

pytestmark = pytest.mark.slow
OPEN_CHAT = (
    "from django.contrib.sessions.backends.db import SessionStore;"
    "from tsunagari.desk import conversations;"
    "from tsunagari.desk.sockets import SESSION_KEY;"
    "c, _ = conversations.start('ja'); s = SessionStore(); s[SESSION_KEY] = c.pk; s.create();"
    "print(s.session_key)"
)


@pytest.fixture(scope="module")
def chat(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Server, str]]:
    once_per_run()
    var_dir: Path = tmp_path_factory.mktemp("websocket-lifetime")
    env = prepared_database(var_dir, directory=False)
    session = run(env, "shell", "-c", OPEN_CHAT).strip().splitlines()[-1]
    with serving(env, workers=1) as server:
        yield server, session


async def _message_after(server: Server, session: str, seconds: float) -> dict[str, object]:
    address = server.url.replace("http://", "ws://") + "/ws/desk/"
    async with websockets.connect(
        address,
        additional_headers={"Cookie": f"sessionid={session}"},
        origin=server.url,  # type: ignore[arg-type]
    ) as socket:
        await asyncio.sleep(seconds)
        await socket.send(json.dumps({"text": "まだつながっていますか"}))
        answer: dict[str, object] = json.loads(await asyncio.wait_for(socket.recv(), 20))
        return answer


def test_a_chat_socket_is_open_after_the_head_deadline(chat: tuple[Server, str]) -> None:
    server, session = chat
    answer = asyncio.run(_message_after(server, session, HEAD_SECONDS + 2))
    assert "error" not in answer and ("sent" in answer or "text" in answer)
