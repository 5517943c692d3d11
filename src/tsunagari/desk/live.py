"""What the desk tells open sockets (Django Channels groups): a new message to the two
sides of a conversation, a changed queue to counsellors, an imminent case to supervisors.
The text travels sealed through the channel layer (Redis in production) and is opened by
the socket that delivers it."""

from __future__ import annotations

from typing import Any

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer

QUEUE = "desk-queue"
SUPERVISORS = "desk-supervisors"


def conversation_group(conversation_id: int) -> str:
    return f"desk-conversation-{conversation_id}"


def _send(group: str, event: dict[str, Any]) -> None:
    layer = get_channel_layer()
    if layer is not None:
        async_to_sync(layer.group_send)(group, event)


def message_event(message: Any) -> tuple[str, dict[str, Any]]:
    """The group and the event of a new message (its text still sealed)."""
    return conversation_group(message.conversation_id), {
        "type": "desk.message",
        "id": message.pk,
        "seq": message.seq,
        "sender": message.sender,
        "sealed": bytes(message.sealed).decode(),
    }


def message_posted(group: str, event: dict[str, Any]) -> None:
    _send(group, event)


def conversation_changed(conversation_id: int, status: str) -> None:
    _send(conversation_group(conversation_id), {"type": "desk.status", "status": status})
    queue_changed()


def referral_proposed(conversation_id: int) -> None:
    """The person's page shows the consent form."""
    _send(conversation_group(conversation_id), {"type": "desk.proposal"})


def queue_changed() -> None:
    _send(QUEUE, {"type": "desk.queue"})


def supervisors_alerted(conversation_id: int) -> None:
    _send(SUPERVISORS, {"type": "desk.alert", "conversation": conversation_id})
