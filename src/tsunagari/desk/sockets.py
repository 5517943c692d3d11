"""The desk's WebSockets: the person's chat, a counsellor's conversation, and the queue
(with supervisors' alerts). Each message is written by conversations.post and comes back to
every socket of the conversation through its group, sealed until the socket sends it.
Delivery runs on the event loop; only the database work goes to a thread."""

from __future__ import annotations

from typing import Any

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer
from django.core.exceptions import ValidationError

from tsunagari.desk import conversations, crypto, live, transcript
from tsunagari.desk.models import Conversation, Sender
from tsunagari.staff import access
from tsunagari.staff.roles import Permission

SESSION_KEY = "desk_conversation"


class _ConversationSocket(AsyncJsonWebsocketConsumer):
    conversation_id = 0
    sender = ""

    async def join(self, conversation_id: int) -> None:
        self.conversation_id = conversation_id
        self.groups = [live.conversation_group(conversation_id)]
        await self.channel_layer.group_add(self.groups[0], self.channel_name)
        await self.accept()

    async def receive_json(self, content: Any, **kwargs: Any) -> None:
        text = content.get("text") if isinstance(content, dict) else None
        if not isinstance(text, str):
            await self.send_json({"error": "text"})
            return
        # Posts in parallel threads: one slow write must not queue every socket behind it.
        answer = await database_sync_to_async(self.post, thread_sensitive=False)(text)
        await self.send_json(answer)

    def post(self, text: str) -> dict[str, Any]:
        conversation = Conversation.objects.filter(pk=self.conversation_id).first()
        if conversation is None or not self.may_write(conversation):
            return {"error": "closed"}
        try:
            message = conversations.post(
                conversation, self.sender, text, self.author(), grade_later=True
            )
        except ValidationError as error:
            return {"error": " ".join(error.messages)}
        return {"sent": message.pk}

    def may_write(self, conversation: Conversation) -> bool:
        return True

    def author(self) -> Any:
        return None

    async def desk_message(self, event: dict[str, Any]) -> None:
        text = crypto.unseal(event["sealed"].encode())
        await self.send_json({"id": event["id"], "sender": event["sender"], "text": text})

    async def desk_status(self, event: dict[str, Any]) -> None:
        await self.send_json({"status": event["status"]})

    async def desk_proposal(self, event: dict[str, Any]) -> None:
        await self.send_json({"proposal": True})


class PersonSocket(_ConversationSocket):
    """/ws/desk/: the conversation held in the person's session, nothing else."""

    sender = Sender.PERSON

    async def connect(self) -> None:
        found = await database_sync_to_async(self.held)()
        if found is None:
            await self.close()
            return
        await self.join(found)

    def held(self) -> int | None:
        pk = self.scope["session"].get(SESSION_KEY)
        conversation = Conversation.objects.filter(pk=pk).first() if pk else None
        return conversation.pk if conversation is not None and conversation.is_open else None


class CounsellorSocket(_ConversationSocket):
    """/ws/desk/staff/<id>/: for the counsellor on the case or a supervisor; opening it
    reads the conversation, so it is audited as a read."""

    sender = Sender.COUNSELLOR

    async def connect(self) -> None:
        found = await database_sync_to_async(self.opened)()
        if found is None:
            await self.close()
            return
        await self.join(found)

    def opened(self) -> int | None:
        user = self.scope["user"]
        pk = self.scope["url_route"]["kwargs"]["pk"]
        conversation = Conversation.objects.filter(pk=pk).first()
        if conversation is None or not _verified(self.scope):
            return None
        if not conversations.can_read(user, conversation):
            return None
        transcript.read(conversation, user)
        return conversation.pk

    def may_write(self, conversation: Conversation) -> bool:
        return conversation.counsellor_id == self.scope["user"].pk

    def author(self) -> Any:
        return self.scope["user"]


class QueueSocket(AsyncJsonWebsocketConsumer):
    """/ws/desk/queue/: tells counsellors the queue changed, and supervisors of alerts."""

    async def connect(self) -> None:
        self.groups = await database_sync_to_async(self.groups_for)()
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
