"""Every message of a person is graded 0–5; the conversation keeps the highest level
reached with its reasons, and a calm message later never lowers it."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from tests.desk.conftest import started
from tsunagari.desk import conversations
from tsunagari.desk.models import Message

pytestmark = pytest.mark.django_db


def test_a_calm_message_after_an_imminent_one_keeps_level_five() -> None:
    conversation = started("今から駅で飛び降りて死にます", "少し落ち着きました")
    assert conversation.level == 5
    assert {"now", "method"} <= {r["code"] for r in conversation.reasons}
    levels = list(Message.objects.order_by("pk").values_list("level", flat=True))
    assert levels[0] == 5 and levels[1] is not None and levels[1] < 5


def test_a_greeting_alone_stays_low() -> None:
    assert started("こんにちは、少し話を聞いてほしいです").level == 0


def test_a_counsellors_message_is_not_graded() -> None:
    conversation = started("こんにちは、少し話を聞いてほしいです")
    before = conversation.level
    message = conversations.post(
        conversation, "counsellor", "死にたい気持ちについて聞かせてください"
    )
    assert message.level is None
    conversation.refresh_from_db()
    assert conversation.level == before


def test_an_empty_or_overlong_message_is_refused_with_the_reason() -> None:
    conversation = started()
    with pytest.raises(ValidationError, match="空"):
        conversations.post(conversation, "person", "   ")
    with pytest.raises(ValidationError, match="2000"):
        conversations.post(conversation, "person", "あ" * 2001)
    assert not Message.objects.exists()
