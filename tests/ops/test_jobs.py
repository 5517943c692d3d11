"""Scheduled jobs: django-q2's schedule holds ours after migrate, and clearing sessions ends
the guided chat's expired state."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.sessions.models import Session
from django.utils import timezone
from django_q.models import Schedule
from django_q.tasks import async_task

from tsunagari.ops.jobs import JOBS, PREFIX, schedule_jobs

pytestmark = pytest.mark.django_db


def test_migrate_leaves_every_job_scheduled() -> None:
    scheduled = {s.name: s for s in Schedule.objects.filter(name__startswith=PREFIX)}
    assert sorted(scheduled) == sorted(PREFIX + job.name for job in JOBS)
    clear = scheduled["tsunagari:clear-sessions"]
    assert (clear.schedule_type, clear.minutes, clear.repeats) == (Schedule.MINUTES, 15, -1)


def test_scheduling_again_changes_nothing_and_drops_a_job_no_longer_listed() -> None:
    Schedule.objects.create(name=PREFIX + "gone", func="tsunagari.ops.jobs.clear_sessions")
    Schedule.objects.create(name="someone-elses", func="math.floor")
    before = list(Schedule.objects.filter(name__startswith=PREFIX + "clear").values())
    schedule_jobs()
    assert list(Schedule.objects.filter(name__startswith=PREFIX + "clear").values()) == before
    assert not Schedule.objects.filter(name=PREFIX + "gone").exists()
    assert Schedule.objects.filter(name="someone-elses").exists()


def test_the_session_job_deletes_ended_chats_and_keeps_live_ones() -> None:
    now = timezone.now()
    Session.objects.create(session_key="ended", session_data="x", expire_date=now - dt.timedelta(1))
    Session.objects.create(session_key="live", session_data="x", expire_date=now + dt.timedelta(1))
    (job,) = [j for j in JOBS if j.name == "clear-sessions"]
    async_task(job.func, sync=True)  # as the cluster runs it, by its dotted path
    assert list(Session.objects.values_list("session_key", flat=True)) == ["live"]
