"""Scheduled jobs, run by django-q2's cluster (`tsunagari qcluster`, started by `serve`).

django-q2 keeps its queue and schedule in the database (the ORM broker), so the same jobs
run on SQLite and on PostgreSQL, and with several servers each due run is taken by one of
them (the schedule row is locked while it is started).

To add a job: write a function without arguments in the app it belongs to, add a `Job` line
to JOBS below, and run `tsunagari migrate` (which brings the schedule table in step).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

PREFIX = "tsunagari:"


@dataclass(frozen=True)
class Job:
    name: str
    func: str  # dotted path of a function that takes no arguments
    minutes: int  # run every this many minutes


JOBS = (
    # The guided chat's state lives in the session; an ended one is deleted, not left.
    Job("clear-sessions", "tsunagari.ops.jobs.clear_sessions", 15),
    # Consultation text is kept only for the period the operator set.
    Job("desk-retention", "tsunagari.desk.retention.delete_expired", 60),
    # A referral to local support that waits too long is brought back to its receivers.
    Job("desk-referral-reminders", "tsunagari.desk.referrals.remind_waiting", 60),
    # Owners of local help are asked to re-check an entry when its check falls due.
    Job("local-help-reminders", "tsunagari.localhelp.reminders.send_due", 24 * 60),
)


def clear_sessions() -> None:
    from django.core.management import call_command

    call_command("clearsessions")


def schedule_jobs() -> None:
    """Make django-q2's schedule hold exactly JOBS (ours; others' schedules are kept)."""
    from django_q.models import Schedule

    for job in JOBS:
        Schedule.objects.update_or_create(
            name=PREFIX + job.name,
            defaults={
                "func": job.func,
                "schedule_type": Schedule.MINUTES,
                "minutes": job.minutes,
                "repeats": -1,
            },
        )
    names = [PREFIX + job.name for job in JOBS]
    Schedule.objects.filter(name__startswith=PREFIX).exclude(name__in=names).delete()


def on_migrated(sender: Any, **kwargs: Any) -> None:
    """post_migrate, once django-q2's own tables are there (this app has no models)."""
    if sender.label == "django_q":
        schedule_jobs()
