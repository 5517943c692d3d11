"""What happens to a conversation: started, written to (each person's message graded),
claimed, transferred, closed or left. Views and sockets call these, never the models."""

from __future__ import annotations

import datetime
import statistics
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from tsunagari.desk import crypto, grading, live, writes
from tsunagari.desk.models import (
    Conversation,
    Message,
    Outcome,
    Sender,
    Status,
    Tally,
    code_digest,
    new_code,
)
from tsunagari.directory.areas import resolve_place
from tsunagari.staff import access, audit
from tsunagari.staff.roles import Permission

MAX_CHARS = 2000


def start(language: str) -> tuple[Conversation, str]:
    """A new waiting conversation and the private code that brings the person back."""
    code = new_code()
    conversation = Conversation.objects.create(language=language, code_digest=code_digest(code))
    live.queue_changed()
    return conversation, code


def returning(code: str) -> Conversation | None:
    """The open conversation of this code, if it was active within DESK_RETURN_HOURS."""
    since = timezone.now() - datetime.timedelta(hours=settings.DESK_RETURN_HOURS)
    return Conversation.objects.filter(
        code_digest=code_digest(code),
        status__in=[Status.WAITING, Status.ACTIVE],
        last_activity_at__gte=since,
    ).first()


def checked_text(text: str) -> str:
    """Raises ValidationError naming what is wrong with a message."""
    text = text.strip()
    if not text:
        raise ValidationError(_("メッセージが空です。"))
    if len(text) > MAX_CHARS:
        raise ValidationError(
            _("メッセージは%(max)d文字までです（%(count)d文字）。")
            % {"max": MAX_CHARS, "count": len(text)}
        )
    return text


def post(
    conversation: Conversation,
    sender: str,
    text: str,
    author: Any = None,
    *,
    grade_later: bool = False,
) -> Message:
    """Add a message and deliver it (raises ValidationError on bad text or a closed
    conversation). A person's message is then graded (grading.apply: the level is raised,
    never lowered): before returning, or with `grade_later` by the batch grader."""
    message = store(conversation, sender, text, author)
    live.message_posted(*live.message_event(message))
    if sender == Sender.PERSON:
        if grade_later:
            grading.later(message.pk, text)
        else:
            grading.now(message.pk, text)
    return message


def store(conversation: Conversation, sender: str, text: str, author: Any = None) -> Message:
    """Write a message, not yet delivered nor graded (`post` does both; a socket delivers
    from its event loop). Raises ValidationError on bad text or a closed conversation."""
    return store_in(conversation.pk, sender, text, author)


def store_in(
    conversation_id: int, sender: str, text: str, author: Any = None, *, holder: Any = None
) -> Message:
    """`store` by the conversation's id, for a socket: whether it is still open (and, with
    `holder`, still held by that counsellor) is asked in the statement that numbers the
    message, not read first. Raises ValidationError on bad text or a conversation closed,
    gone or transferred."""
    text = checked_text(text)
    message = Message(
        conversation_id=conversation_id,
        sender=sender,
        author=author,
        sealed=crypto.seal(text),
        at=timezone.now(),
    )
    if connection.vendor == "postgresql":
        return _insert_numbered(message, holder)
    with writes.one_at_a_time(), transaction.atomic():
        # The conversation's row lock, taken first and held to the commit, numbers the
        # messages in the order they become visible: a reader that saw n never misses n - 1.
        numbering, params = _numbering(message, holder)
        with connection.cursor() as cursor:
            cursor.execute(numbering, params)
            row = cursor.fetchone()
        if row is None:
            raise ValidationError(_("この相談はすでに終わっています。"), code="closed")
        message.seq = row[1]
        message.save(force_insert=True)
    return message


def _insert_numbered(message: Message, holder: Any) -> Message:
    """PostgreSQL: number and insert in one statement, a transaction of its own (one round
    trip instead of four: BEGIN, UPDATE, INSERT, COMMIT); the row lock orders them as
    above."""
    numbering, params = _numbering(message, holder)
    names = ("conversation", "sender", "author", "at", "sealed", "seq")
    column = {field.name: str(field.column) for field in Message._meta.concrete_fields}
    columns = ", ".join(connection.ops.quote_name(column[name]) for name in names)
    table = connection.ops.quote_name(Message._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"WITH numbered AS ({numbering}) INSERT INTO {table} ({columns}) "
            "SELECT id, %s, %s, %s, %s, last_seq FROM numbered RETURNING id, seq",
            [
                *params,
                message.sender,
                message.author_id,
                connection.ops.adapt_datetimefield_value(message.at),
                bytes(message.sealed),
            ],
        )
        row = cursor.fetchone()
    if row is None:
        raise ValidationError(_("この相談はすでに終わっています。"), code="closed")
    message.pk, message.seq = row
    message._state.adding, message._state.db = False, connection.alias
    return message


def _numbering(message: Message, holder: Any) -> tuple[str, list[Any]]:
    """The statement that numbers the open conversation's next message (UPDATE …
    RETURNING id and the number; none returned when it is not open, or not held by
    `holder`)."""
    table = connection.ops.quote_name(Conversation._meta.db_table)
    held = "" if holder is None else " AND counsellor_id = %s"
    return (
        f"UPDATE {table} SET last_seq = last_seq + 1, last_activity_at = %s "
        f"WHERE id = %s AND status IN (%s, %s){held} RETURNING id, last_seq",
        [
            connection.ops.adapt_datetimefield_value(message.at),
            message.conversation_id,
            Status.WAITING.value,
            Status.ACTIVE.value,
            *([] if holder is None else [holder.pk]),
        ],
    )


def tell_area(conversation: Conversation, text: str) -> None:
    """Keep the code of the area the person names (a prefecture, a municipality or a
    postcode), or forget it when `text` is empty; raises ValidationError when no area fits."""
    place = resolve_place(text) if text.strip() else None
    if text.strip() and place is None:
        raise ValidationError(
            _(
                "地域が見つかりませんでした。都道府県名、市区町村名、"
                "または郵便番号で書いてください。"
            ),
            code="no_area",
        )
    code = ""
    if place is not None:
        code = place.municipality.code if place.municipality else place.prefecture_code
    conversation.area_code = code
    Conversation.objects.filter(pk=conversation.pk).update(area_code=code)


def alert_supervisors(conversation: Conversation) -> None:
    """An imminent case (level 5) goes to the supervisors at once, claimed or not."""
    updated = Conversation.objects.filter(pk=conversation.pk, alerted_at=None).update(
        alerted_at=timezone.now()
    )
    if updated:
        audit.log_action(None, "desk.conversation.alerted", conversation, body=conversation.body)
        live.supervisors_alerted(conversation.pk)
        live.queue_changed()


def queue() -> QuerySet[Conversation]:
    """Waiting conversations, the most urgent first, then the longest waiting."""
    return Conversation.objects.filter(status=Status.WAITING).order_by("-level", "started_at")


def ahead_of(conversation: Conversation) -> int:
    """How many waiting conversations a counsellor will take before this one."""
    waiting = queue()
    return (
        waiting.filter(level__gt=conversation.level).count()
        + waiting.filter(level=conversation.level, started_at__lt=conversation.started_at).count()
    )


def expected_wait_minutes(conversation: Conversation) -> int | None:
    """The median wait of the last 20 claims, times the place in the queue; None before
    any claim was made (nothing is promised that was not seen)."""
    recent = Conversation.objects.exclude(claimed_at=None).order_by("-claimed_at")[:20]
    waits = [(c.claimed_at - c.started_at).total_seconds() / 60 for c in recent if c.claimed_at]
    if not waits:
        return None
    return max(1, round(statistics.median(waits) * (ahead_of(conversation) + 1)))


def max_chats() -> int:
    return int(settings.DESK_MAX_CHATS)


def held_by(user: Any) -> QuerySet[Conversation]:
    return Conversation.objects.filter(counsellor=user, status=Status.ACTIVE)


def claim(conversation: Conversation, user: Any) -> None:
    """Take a waiting conversation (raises PermissionDenied without COUNSEL, ValidationError
    when it was taken or the counsellor holds DESK_MAX_CHATS already)."""
    bodies = access.bodies_where(user, Permission.COUNSEL)
    if not bodies:
        raise PermissionDenied("desk.counsel is not granted")
    with transaction.atomic():
        current = Conversation.objects.select_for_update().get(pk=conversation.pk)
        if current.status != Status.WAITING:
            raise ValidationError(_("この相談はほかの相談員が担当しています。"))
        if held_by(user).count() >= max_chats():
            raise ValidationError(
                _("同時に担当できるのは%(max)d件までです。") % {"max": max_chats()}
            )
        before = audit.snapshot(current)
        current.status, current.counsellor, current.body = Status.ACTIVE, user, bodies[0]
        current.claimed_at = timezone.now()
        current.save()
        audit.log_action(
            user, "desk.conversation.claimed", current, body=current.body, before=before
        )
    conversation.refresh_from_db()
    live.conversation_changed(current.pk, current.status)


def can_read(user: Any, conversation: Conversation) -> bool:
    """The counsellor on the case and the supervisors of its body; while nobody holds it,
    any supervisor (an imminent case must not wait for a claim)."""
    if conversation.body is None:
        return access.can(user, Permission.SUPERVISE)
    if conversation.counsellor_id == getattr(user, "pk", None):
        return access.can(user, Permission.COUNSEL, [conversation.body])
    return access.can(user, Permission.SUPERVISE, [conversation.body])


def require_reader(user: Any, conversation: Conversation) -> None:
    if not can_read(user, conversation):
        raise PermissionDenied("not on this case")


def colleagues(conversation: Conversation) -> list[Any]:
    """Who may take it over: members of its body who may counsel, but not its counsellor."""
    from django.contrib.auth import get_user_model

    if conversation.body is None:
        return []
    users = get_user_model().objects.filter(memberships__body=conversation.body).distinct()
    return [
        u
        for u in users.order_by("username")
        if u.pk != conversation.counsellor_id
        and access.can(u, Permission.COUNSEL, [conversation.body])
    ]


def transfer(conversation: Conversation, user: Any, to: Any) -> None:
    """Hand the case to a colleague or supervisor of the same body."""
    require_reader(user, conversation)
    if to not in colleagues(conversation):
        raise ValidationError(_("引き継ぎ先は同じ団体の相談員から選んでください。"))
    before = audit.snapshot(conversation)
    conversation.counsellor = to
    conversation.save(update_fields=["counsellor"])  # never a level read before a grade
    audit.log_action(
        user,
        "desk.conversation.transferred",
        conversation,
        body=conversation.body,
        before=before,
        to=to.get_username(),
    )
    live.conversation_changed(conversation.pk, conversation.status)


def _tally(conversation: Conversation) -> None:
    now = conversation.ended_at or timezone.now()
    Tally.objects.create(
        ended_on=timezone.localdate(now),
        started_hour=timezone.localtime(conversation.started_at).hour,
        level=conversation.level,
        outcome=conversation.outcome or Outcome.DROPPED,
        topics=conversation.topics,
        minutes=int((now - conversation.started_at).total_seconds() // 60),
    )


def close(
    conversation: Conversation, user: Any, *, topics: list[str], outcome: str, level: int
) -> None:
    """Close with the structured record: topics (taxonomy need codes), outcome, and the
    urgency the counsellor judged (which may raise the level, never lower it)."""
    require_reader(user, conversation)
    with transaction.atomic():  # the level as the grader left it, raised, never lowered
        current = Conversation.objects.select_for_update().get(pk=conversation.pk)
        if current.status == Status.CLOSED:
            raise ValidationError(_("この相談はすでに記録を付けて終えています。"))
        before = audit.snapshot(current)
        current.topics, current.outcome = sorted(topics), outcome
        current.raise_level(level, [])
        current.status, current.ended_at = Status.CLOSED, current.ended_at or timezone.now()
        current.save()
        _tally(current)
        audit.log_action(
            user, "desk.conversation.closed", current, body=current.body, before=before
        )
    conversation.refresh_from_db()
    live.conversation_changed(conversation.pk, conversation.status)


def leave(conversation: Conversation) -> None:
    """The person ended the chat (a button or the site's quick exit). Left unclaimed, it is
    counted now; claimed, when its counsellor closes it with the record."""
    if not conversation.is_open:
        return
    was_waiting = conversation.status == Status.WAITING
    conversation.status, conversation.ended_at = Status.LEFT, timezone.now()
    conversation.save(update_fields=["status", "ended_at"])
    conversation.refresh_from_db(fields=["level"])  # counted at the level the grader left
    if was_waiting:
        _tally(conversation)
    live.conversation_changed(conversation.pk, conversation.status)
