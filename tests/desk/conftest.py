"""The desk's tests run with the in-memory channel layer and a key of their own."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from cryptography.fernet import Fernet

from tsunagari.desk import conversations, grading, sockets
from tsunagari.desk.models import Conversation

TEST_KEY = Fernet.generate_key().decode()


@pytest.fixture(autouse=True)
def _desk_settings(settings: pytest.FixtureRequest) -> Iterator[None]:
    settings.DESK_KEYS = [TEST_KEY]  # type: ignore[attr-defined]
    settings.CHANNEL_LAYERS = {"default": {"BACKEND": "tsunagari.desk.layers.InProcessLayer"}}  # type: ignore[attr-defined]
    yield
    sockets.release_connections()  # the sockets' kept connections: the test database goes
    grading.release_connections()


def started(*texts: str, language: str = "ja") -> Conversation:
    conversation, _code = conversations.start(language)
    for text in texts:
        conversations.post(conversation, "person", text)
    conversation.refresh_from_db()
    return conversation
