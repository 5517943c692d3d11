"""Conversation text is sealed at rest: the database holds no readable word of it, and
without the key it cannot be opened; a rotated key still opens old messages."""

from __future__ import annotations

import pytest
from cryptography.fernet import Fernet, InvalidToken
from django.db import connection

from tests.desk.conftest import TEST_KEY, started
from tsunagari.desk import crypto
from tsunagari.desk.models import Message

pytestmark = pytest.mark.django_db

SECRET = "家族には言えないけれど、学校でいじめられています"


def test_the_database_row_holds_no_readable_text() -> None:
    conversation = started(SECRET)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT sealed FROM desk_message WHERE conversation_id = %s", [conversation.pk]
        )
        (raw,) = cursor.fetchone()
    stored = bytes(raw)
    assert SECRET.encode() not in stored
    assert "いじめ".encode() not in stored
    assert crypto.unseal(stored) == SECRET


def test_another_key_cannot_open_it(settings: pytest.FixtureRequest) -> None:
    started(SECRET)
    sealed = bytes(Message.objects.get().sealed)
    settings.DESK_KEYS = [Fernet.generate_key().decode()]  # type: ignore[attr-defined]
    with pytest.raises(InvalidToken):
        crypto.unseal(sealed)


def test_a_new_key_put_first_still_opens_what_the_old_one_sealed(
    settings: pytest.FixtureRequest,
) -> None:
    started(SECRET)
    settings.DESK_KEYS = [Fernet.generate_key().decode(), TEST_KEY]  # type: ignore[attr-defined]
    assert crypto.unseal(bytes(Message.objects.get().sealed)) == SECRET
