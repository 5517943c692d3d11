"""The desk's WebSockets: the person's chat, a counsellor's conversation, and the queue
(with supervisors' alerts). Each message is written by conversations.post and comes back to
every socket of the conversation through its group, sealed until the socket sends it."""

from __future__ import annotations

from typing import Any

from channels.generic.websocket import JsonWebsocketConsumer
from django.core.exceptions import ValidationError

from tsunagari.desk import conversations, crypto, live, transcript
from tsunagari.desk.models import Conversation, Sender
from tsunagari.staff import access
from tsunagari.staff.roles import Permission

SESSION_KEY = "desk_conversation"


class _ConversationSocket(JsonWebsocketConsumer):
    conversation_id = 0
    sender = ""

    def join(self, conversation: Conversation) -> None:
        self.conversation_id = conversation.pk
        live_group = live.conversation_group(conversation.pk)
        self.groups = [live_group]
        from asgiref.sync import async_to_sync

        async_to_sync(self.channel_layer.group_add)(live_group, self.channel_name)
        self.accept()

    def receive_json(self, content: Any, **kwargs: Any) -> None:
        conversation = self.current()
        text = content.get("text") if isinstance(content, dict) else None
        if conversation is None or not isinstance(text, str):
            self.send_json({"error": "text"})
            return
        try:
            message = conversations.post(
                conversation, self.sender, text, self.author(), grade_later=True
            )
        except ValidationError as error:
            self.send_json({"error": " ".join(error.messages)})
            return
        self.send_json({"sent": message.pk, "ref": content.get("ref")})

    def current(self) -> Conversation | None:
        return Conversation.objects.filter(pk=self.conversation_id).first()

    def author(self) -> Any:
        return None

    def desk_message(self, event: dict[str, Any]) -> None:
        text = crypto.unseal(event["sealed"].encode())
        self.send_json({"id": event["id"], "sender": event["sender"], "text": text})

    def desk_status(self, event: dict[str, Any]) -> None:
        self.send_json({"status": event["status"]})

    def desk_proposal(self, event: dict[str, Any]) -> None:
        self.send_json({"proposal": True})


class PersonSocket(_ConversationSocket):
    """/ws/desk/: the conversation held in the person's session, nothing else."""

    sender = Sender.PERSON

    def connect(self) -> None:
        conversation_id = self.scope["session"].get(SESSION_KEY)
        conversation = Conversation.objects.filter(pk=conversation_id).first()
        if conversation is None or not conversation.is_open:
            self.close()
            return
        self.join(conversation)


class CounsellorSocket(_ConversationSocket):
    """/ws/desk/staff/<id>/: for the counsellor on the case or a supervisor; opening it
    reads the conversation, so it is audited as a read."""

    sender = Sender.COUNSELLOR

    def connect(self) -> None:
        user = self.scope["user"]
        conversation = Conversation.objects.filter(
            pk=self.scope["url_route"]["kwargs"]["pk"]
        ).first()
        if (
            conversation is None
            or not _verified(self.scope)
            or not conversations.can_read(user, conversation)
        ):
            self.close()
            return
        transcript.read(conversation, user)
        self.join(conversation)

    def receive_json(self, content: Any, **kwargs: Any) -> None:
        conversation = self.current()
        if conversation is None or conversation.counsellor_id != self.scope["user"].pk:
            self.send_json({"error": "not-holder"})
            return
        super().receive_json(content, **kwargs)

    def author(self) -> Any:
        return self.scope["user"]


class QueueSocket(JsonWebsocketConsumer):
    """/ws/desk/queue/: tells counsellors the queue changed, and supervisors of alerts."""

    def connect(self) -> None:
        user = self.scope["user"]
        if not _verified(self.scope) or not access.can(user, Permission.COUNSEL):
            self.close()
            return
        self.groups = [live.QUEUE]
        if access.can(user, Permission.SUPERVISE):
            self.groups.append(live.SUPERVISORS)
        from asgiref.sync import async_to_sync

        for group in self.groups:
            async_to_sync(self.channel_layer.group_add)(group, self.channel_name)
        self.accept()

    def desk_queue(self, event: dict[str, Any]) -> None:
        self.send_json({"queue": True})

    def desk_alert(self, event: dict[str, Any]) -> None:
        self.send_json({"alert": event["conversation"]})


def _verified(scope: dict[str, Any]) -> bool:
    """A staff socket needs what a staff page needs: the second factor when one is due."""
    user = scope["user"]
    if not access.needs_second_factor(user):
        return True
    from django_otp import DEVICE_ID_SESSION_KEY

    return bool(scope["session"].get(DEVICE_ID_SESSION_KEY))
