"""Grading a person's messages off the delivery path. A message reaches the counsellor
first; its urgency follows: at once for a page's form (the person's request waits for it),
and in batches for sockets, where one thread per process grades whatever has queued with
`grade_many` (one embedding batch: about a tenth of the cost of grading one by one), so a
busy desk neither delays delivery nor falls behind on grading."""

from __future__ import annotations

import logging
import queue
import threading

from django.db import close_old_connections, transaction

from tsunagari.desk import live
from tsunagari.desk.models import TOP_LEVEL, Conversation, Message, Status
from tsunagari.navigator.urgency import Urgency, grade, grade_many

log = logging.getLogger(__name__)
BATCH = 64
_waiting: queue.Queue[tuple[int, str]] = queue.Queue()
_started = threading.Lock()
_thread: threading.Thread | None = None


def apply(message_id: int, urgency: Urgency) -> None:
    """Record the grade on the message and raise the conversation's level (never lower
    it); an imminent one alerts the supervisors at once."""
    from tsunagari.desk.conversations import alert_supervisors

    with transaction.atomic():
        message = Message.objects.select_related("conversation").get(pk=message_id)
        conversation = Conversation.objects.select_for_update().get(pk=message.conversation_id)
        Message.objects.filter(pk=message_id).update(level=urgency.level)
        before = conversation.level
        conversation.raise_level(urgency.level, [r.as_dict() for r in urgency.reasons])
        conversation.save(update_fields=["level", "reasons"])
    if conversation.level >= TOP_LEVEL and conversation.alerted_at is None:
        alert_supervisors(conversation)
    elif conversation.status == Status.WAITING and conversation.level != before:
        live.queue_changed()


def now(message_id: int, text: str) -> None:
    apply(message_id, grade(text))


def later(message_id: int, text: str) -> None:
    """Queue the message for the grading thread (started on first use)."""
    global _thread
    _waiting.put((message_id, text))
    with _started:
        if _thread is None or not _thread.is_alive():
            _thread = threading.Thread(target=_run, name="desk-grading", daemon=True)
            _thread.start()


def _run() -> None:
    while True:
        batch = [_waiting.get()]
        while len(batch) < BATCH:
            try:
                batch.append(_waiting.get_nowait())
            except queue.Empty:
                break
        _grade(batch)
        for _item in batch:
            _waiting.task_done()


def _grade(batch: list[tuple[int, str]]) -> None:
    try:
        grades = grade_many([text for _id, text in batch])
    except Exception:
        log.exception("batch grading failed; grading one by one (no text is logged)")
        grades = [grade(text) for _id, text in batch]
    for (message_id, _text), urgency in zip(batch, grades, strict=True):
        try:
            apply(message_id, urgency)
        except Message.DoesNotExist:
            pass  # deleted meanwhile (retention, or the test that made it ended)
        except Exception:
            log.exception("recording a grade failed (no text is logged)")
    close_old_connections()


def drain(timeout: float = 30.0) -> None:
    """Wait until every queued message is graded (tests and the bench)."""
    import time

    deadline = time.monotonic() + timeout
    while _waiting.unfinished_tasks and time.monotonic() < deadline:
        time.sleep(0.02)
