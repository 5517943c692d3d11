"""Owners are reminded by e-mail when an entry's check falls due: once per check, as the
scheduled job runs it."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.utils import timezone
from django_q.tasks import async_task

from tests.factories import create_service
from tests.personas import Personas, body
from tsunagari.directory.models import Service
from tsunagari.ops.jobs import JOBS

pytestmark = pytest.mark.django_db


def _owned(slug: str, checked: dt.date) -> Service:
    service = create_service(
        slug, scope=Service.Scope.LOCAL, areas=(("municipality", "131016"),), verified_on=checked
    )
    service.owner = body("chiyoda")
    service.save()
    return service


def _run() -> None:
    job = next(j for j in JOBS if j.name == "local-help-reminders")
    async_task(job.func, sync=True)


def test_the_owner_is_mailed_once_when_a_check_falls_due(personas: Personas) -> None:
    personas.municipal.email = "staff@city.chiyoda.example"
    personas.municipal.save()
    personas.other_municipal.email = "staff@city.osaka.example"
    personas.other_municipal.save()
    today = timezone.localdate()
    _owned("due-window", today - dt.timedelta(days=400))
    _owned("fresh-window", today - dt.timedelta(days=10))
    _run()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["staff@city.chiyoda.example"]
    assert "テスト相談窓口" in message.body and "/staff/local/" in message.body
    _run()  # the same check is not asked about twice
    assert len(mail.outbox) == 1


def test_a_recheck_starts_a_new_reminder(personas: Personas) -> None:
    personas.municipal.email = "staff@city.chiyoda.example"
    personas.municipal.save()
    service = _owned("due-window", timezone.localdate() - dt.timedelta(days=400))
    _run()
    service.verified_on = timezone.localdate() - dt.timedelta(days=380)
    service.save()
    _run()
    assert len(mail.outbox) == 2
