"""Retention: the scheduled job deletes conversations and their messages once the period
the operator set has passed since they ended; the statistics stay."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone
from django_q.models import Schedule
from django_q.tasks import async_task

from tests.desk.conftest import started
from tsunagari.desk import conversations
from tsunagari.desk.models import Conversation, Message, Tally
from tsunagari.ops.jobs import JOBS, PREFIX

pytestmark = pytest.mark.django_db


def _ended(days_ago: int) -> Conversation:
    conversation = started("話を聞いてほしい")
    conversations.leave(conversation)
    Conversation.objects.filter(pk=conversation.pk).update(
        ended_at=timezone.now() - dt.timedelta(days=days_ago)
    )
    return conversation


def test_the_job_deletes_what_ended_before_the_period_and_keeps_the_rest(
    settings: pytest.FixtureRequest,
) -> None:
    settings.DESK_RETENTION_DAYS = 30  # type: ignore[attr-defined]
    old, recent, live = _ended(31), _ended(29), started("まだ話しています")
    (job,) = [j for j in JOBS if j.name == "desk-retention"]
    async_task(job.func, sync=True)
    async_task(job.func, sync=True)  # twice: nothing more happens
    assert set(Conversation.objects.values_list("pk", flat=True)) == {recent.pk, live.pk}
    assert not Message.objects.filter(conversation_id=old.pk).exists()
    assert Tally.objects.count() == 2


def test_the_job_is_scheduled_hourly() -> None:
    schedule = Schedule.objects.get(name=PREFIX + "desk-retention")
    assert schedule.minutes == 60


def test_an_open_conversation_abandoned_for_the_period_is_deleted_too(
    settings: pytest.FixtureRequest,
) -> None:
    settings.DESK_RETENTION_DAYS = 7  # type: ignore[attr-defined]
    abandoned = started("…")
    Conversation.objects.filter(pk=abandoned.pk).update(
        last_activity_at=timezone.now() - dt.timedelta(days=8)
    )
    async_task("tsunagari.desk.retention.delete_expired", sync=True)
    assert not Conversation.objects.exists()
