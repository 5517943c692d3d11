"""The curators' view of the directory: what is due for a check, what is overdue, and what
changed on the sources since they were last checked (the last link check's findings)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.conf import settings
from django.db.models import Min, Q, QuerySet
from django.db.models.functions import Coalesce, Least
from django.utils import timezone

from tsunagari.directory.bundle import Bundle, SourceException, read_bundle
from tsunagari.directory.links import LinkReport, Outcome
from tsunagari.directory.models import LinkCheck, Organization, Service
from tsunagari.directory.provenance import DUE_SOON_DAYS, FACT_NAMES, check_days, due_on
from tsunagari.directory.records import organization_to_entry, service_to_entry

EXCEPTIONS_FILE = "source-exceptions.yaml"
UNDATED_SHOWN = 200


@cache
def source_exceptions() -> Mapping[str, SourceException]:
    """The reviewed exceptions to the official-domain rule, from the bundled data."""
    path = Path(settings.DATA_DIR) / "directory" / EXCEPTIONS_FILE
    return read_bundle(path).source_exceptions if path.exists() else {}


def database_bundle() -> Bundle:
    """The directory as served, in the shape of the files, for the same checks."""
    return Bundle(
        tuple(organization_to_entry(o) for o in Organization.objects.all()),
        tuple(service_to_entry(s) for s in Service.objects.with_details()),
        source_exceptions(),
    )


@dataclass(frozen=True)
class DueFact:
    """One fact of one service with the day its check falls due."""

    service: Service
    fact: str
    url: str
    checked: dt.date
    due: dt.date

    @property
    def fact_name(self) -> str:
        return str(FACT_NAMES[self.fact])


@dataclass(frozen=True)
class Staleness:
    overdue: list[DueFact]
    due_soon: list[DueFact]
    changed: list[LinkCheck]
    undated: list[Service]  # the main source's own date not recorded (first UNDATED_SHOWN)
    undated_total: int


def staleness(today: dt.date) -> Staleness:
    """Facts past their check interval, facts due within DUE_SOON_DAYS, source pages the
    last link check found moved, vanished or no longer showing a number, and entries whose
    source's own date is not recorded."""
    facts = sorted(_due_facts(_due_services(today)), key=_urgency)
    horizon = today + dt.timedelta(days=DUE_SOON_DAYS)
    undated = Service.objects.listed(today).filter(source_date="")
    return Staleness(
        overdue=[f for f in facts if f.due < today],
        due_soon=[f for f in facts if today <= f.due <= horizon],
        changed=list(LinkCheck.objects.exclude(outcome=Outcome.OK.value).order_by("url")),
        undated=list(undated.order_by("-crisis_line", "slug")[:UNDATED_SHOWN]),
        undated_total=undated.count(),
    )


def _due_services(today: dt.date) -> QuerySet[Service]:
    """Only the services with a fact due by the horizon, found by the database: a directory
    of local entries is too large to walk on every visit."""

    def latest_check(crisis_line: bool) -> dt.date:
        return today + dt.timedelta(days=DUE_SOON_DAYS - check_days(crisis_line))

    oldest = Least("verified_on", Coalesce(Min("sources__checked_on"), "verified_on"))
    due = Q(crisis_line=True, oldest__lte=latest_check(True)) | Q(
        crisis_line=False, oldest__lte=latest_check(False)
    )
    candidates = Service.objects.listed(today).annotate(oldest=oldest).filter(due)
    return Service.objects.with_details().filter(pk__in=candidates.values("pk"))


def _urgency(fact: DueFact) -> tuple[bool, dt.date, str]:
    return (not fact.service.crisis_line, fact.due, fact.service.slug)


def _due_facts(services: Iterable[Service]) -> Iterable[DueFact]:
    for service in services:
        for source in service.provenance():
            yield DueFact(
                service,
                source.fact,
                source.url,
                source.checked,
                due_on(source.checked, service.crisis_line),
            )


def record_link_checks(reports: Iterable[LinkReport]) -> None:
    """Keep the last outcome of every URL for the curators' page."""
    now = timezone.now()
    for report in reports:
        LinkCheck.objects.update_or_create(
            url=report.link.url,
            defaults={
                "outcome": report.outcome.value,
                "detail": report.detail[:300],
                "moved_to": report.moved_to[:500],
                "used_by": "; ".join(report.link.used_by)[:1000],
                "checked_at": now,
            },
        )
