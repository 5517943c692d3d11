"""Grading a person's messages off the delivery path. A message reaches the counsellor
first; its urgency follows: at once for a page's form (the person's request waits for it),
and in batches for sockets: one thread per server process collects whatever has queued and
has it graded with `grade_many` (one embedding batch: about a tenth of the cost of grading
one by one) in a grading process of its own, so that the grader's CPU work never holds the
event loop that delivers messages (measured: p50 8 → 2000 ms at 60 conversations when it
ran in the server process)."""

from __future__ import annotations

import logging
import multiprocessing
import queue
import threading
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from django.db import close_old_connections, connections, transaction

from tsunagari.desk import grader_process, live, writes
from tsunagari.desk.models import TOP_LEVEL, Conversation, Message, Status
from tsunagari.navigator.urgency import Urgency, grade

log = logging.getLogger(__name__)
BATCH = 64
RELEASE = (0, "")  # not a message: the thread closes its connection
_waiting: queue.Queue[tuple[int, str]] = queue.Queue()
_started = threading.Lock()
_thread: threading.Thread | None = None
_process: ProcessPoolExecutor | None = None
GRADING_SECONDS = 120  # a batch's wait at most, the grader's start included


def apply(message_id: int, urgency: Urgency) -> None:
    """Record the grade on the message and raise the conversation's level (never lower
    it); an imminent one alerts the supervisors at once."""
    apply_all([(message_id, urgency)])


def apply_all(graded: list[tuple[int, Urgency]]) -> None:
    """`apply` for a batch, in one transaction (one write lock, not one per message): the
    messages' grades in one update a level, and each conversation read under its row lock
    and written only when its level or reasons rose. In whatever order the grades come,
    a level is the highest reached, and the alert follows the level written."""
    from tsunagari.desk.conversations import alert_supervisors

    raised: list[tuple[Conversation, int]] = []
    with writes.one_at_a_time(), transaction.atomic():
        owner = dict(
            Message.objects.filter(pk__in=[m for m, _u in graded]).values_list(
                "pk", "conversation_id"
            )
        )
        graded = [(m, u) for m, u in graded if m in owner]  # not deleted meanwhile (retention)
        for level in {u.level for _m, u in graded}:
            ids = [m for m, u in graded if u.level == level]
            Message.objects.filter(pk__in=ids).update(level=level)
        locked = Conversation.objects.select_for_update().in_bulk({owner[m] for m, _u in graded})
        for conversation in locked.values():
            before = (conversation.level, list(conversation.reasons))
            for message_id, urgency in graded:
                if owner[message_id] == conversation.pk:
                    reasons = [r.as_dict() for r in urgency.reasons]
                    conversation.raise_level(urgency.level, reasons)
            if (conversation.level, conversation.reasons) != before:
                conversation.save(update_fields=["level", "reasons"])
                raised.append((conversation, before[0]))
    for conversation, before_level in raised:
        if conversation.level >= TOP_LEVEL and conversation.alerted_at is None:
            alert_supervisors(conversation)
        elif conversation.status == Status.WAITING and conversation.level != before_level:
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
        messages = [item for item in batch if item is not RELEASE]
        if messages:
            _grade(messages)
        if len(messages) < len(batch):
            connections.close_all()
        for _item in batch:
            _waiting.task_done()


def release_connections() -> None:
    """Close the grading thread's kept connection once what is queued is graded (before a
    database is dropped)."""
    if _thread is not None and _thread.is_alive():
        _waiting.put(RELEASE)
        drain()


def _pool() -> ProcessPoolExecutor:
    global _process
    if _process is None:
        context = multiprocessing.get_context("spawn")  # no fork of a threaded server
        _process = ProcessPoolExecutor(1, mp_context=context, initializer=grader_process.set_up)
    return _process


def _grade(batch: list[tuple[int, str]]) -> None:
    global _process
    try:
        texts = [text for _id, text in batch]
        grades = _pool().submit(grader_process.grade_texts, texts).result(timeout=GRADING_SECONDS)
    except BrokenProcessPool:
        log.error("the grading process ended; a new one starts for the next batch")
        _process = None
        grades = [grade(text) for _id, text in batch]
    except Exception:
        log.exception("batch grading failed; grading one by one (no text is logged)")
        grades = [grade(text) for _id, text in batch]
    try:
        apply_all([(m, u) for (m, _text), u in zip(batch, grades, strict=True)])
    except Exception:
        log.exception("recording grades failed (no text is logged)")
        close_old_connections()
    else:
        # The thread keeps its connection from batch to batch: opening one cost as much
        # CPU as recording a batch (PostgreSQL, measured: 3.7 against 1.9 ms).
        for each in connections.all(initialized_only=True):
            if each.connection is not None and each.errors_occurred and not each.is_usable():
                each.close()
            each.errors_occurred = False


def drain(timeout: float = 120.0) -> bool:
    """Wait until every queued message is graded (tests and the bench); False when
    `timeout` seconds passed first."""
    with _waiting.all_tasks_done:
        return _waiting.all_tasks_done.wait_for(lambda: not _waiting.unfinished_tasks, timeout)
