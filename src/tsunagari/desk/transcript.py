"""Reading a conversation's text: the only place messages are unsealed. A staff read is
written to the audit log (who, which conversation, how many messages), and so is a refused
one (a signed-in member asking for a case they are not on); the person reads their own
without a trace kept."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied
from django.utils import timezone

from tsunagari.desk import crypto
from tsunagari.desk.conversations import can_read
from tsunagari.desk.models import Conversation, Message
from tsunagari.staff import audit


@dataclass(frozen=True)
class Line:
    id: int
    seq: int
    sender: str
    at: datetime.datetime
    text: str
    level: int | None

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "seq": self.seq,
            "sender": self.sender,
            "at": self.at.isoformat(),
            "text": self.text,
        }


def line(message: Message) -> Line:
    return Line(
        message.pk,
        message.seq,
        message.sender,
        message.at,
        crypto.unseal(message.sealed),
        message.level,
    )


def own(conversation: Conversation, after: int = 0) -> list[Line]:
    """The person's own conversation (the session or the private code proved it is theirs),
    from the message after number `after` (Message.seq)."""
    return [line(m) for m in conversation.messages.filter(seq__gt=after)]


def read(conversation: Conversation, reader: Any) -> list[Line]:
    """Raises PermissionDenied unless the reader is on the case (conversations.can_read)."""
    if not can_read(reader, conversation):
        refused(reader, conversation)
        raise PermissionDenied("not on this case")
    lines = [line(m) for m in conversation.messages.all()]
    audit.log_action(
        reader,
        "desk.conversation.read",
        conversation,
        body=conversation.body,
        after={},
        messages=len(lines),
    )
    return lines


def refused(reader: Any, record: Any) -> None:
    """Log a signed-in member's refused read of a case's personal data (a visitor who is
    not signed in is stopped before any case, and is not logged)."""
    if getattr(reader, "is_authenticated", False):
        audit.log_action(
            reader, "desk.conversation.read_refused", record, body=record.body, after={}
        )


def as_text(conversation: Conversation, lines: list[Line], names: dict[str, str]) -> str:
    """A copy for the person to keep: time, who, what."""
    rows = [
        f"[{timezone.localtime(item.at):%Y-%m-%d %H:%M}] {names[item.sender]}: {item.text}"
        for item in lines
    ]
    return "\n".join(rows) + "\n"
