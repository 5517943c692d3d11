"""確認の依頼: each owner is told by e-mail when an entry it keeps is due for a check.

Run by the scheduled job (tsunagari.ops.jobs). An entry is due from DUE_SOON_DAYS before
its oldest fact's check interval ends; its owner's members who keep local help get one mail
per body and run, listing the entries, and each entry is mailed about once per check (a
Reminder row), so a run repeated after a crash sends nothing twice.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.utils import timezone

from tsunagari.directory.models import Service
from tsunagari.directory.provenance import DUE_SOON_DAYS, due_on
from tsunagari.localhelp.models import Reminder
from tsunagari.staff.models import Body, Membership
from tsunagari.staff.roles import Permission, permissions_of


def due_entries(today: dt.date) -> dict[Body, list[tuple[Service, dt.date]]]:
    """Owned entries due within DUE_SOON_DAYS, with the day of the check they renew."""
    horizon = today + dt.timedelta(days=DUE_SOON_DAYS)
    due: dict[Body, list[tuple[Service, dt.date]]] = defaultdict(list)
    services = Service.objects.listed(today).filter(owner__isnull=False).select_related("owner")
    for service in services.prefetch_related("sources", "phones", "schedules", "closures"):
        checked = min(p.checked for p in service.provenance())
        if due_on(checked, service.crisis_line) <= horizon and service.owner is not None:
            due[service.owner].append((service, checked))
    return due


def keepers(body: Body) -> list[str]:
    """The addresses of the body's members who keep its local help."""
    members = Membership.objects.filter(body=body).select_related("user", "body")
    return sorted(
        {
            m.user.email
            for m in members
            if m.user.email
            and m.user.is_active
            and Permission.EDIT_LOCAL_HELP in permissions_of(m.body.kind, m.role)
        }
    )


def send_due() -> int:
    """Send the reminders due today; returns the number of e-mails sent."""
    sent = 0
    for body, entries in due_entries(timezone.localdate()).items():
        fresh = [(s, checked) for s, checked in entries if _claim(body, s, checked)]
        recipients = keepers(body)
        if fresh and recipients:
            send_mail(_subject(len(fresh)), _text(body, fresh), None, recipients)
            sent += 1
    return sent


def _claim(body: Body, service: Service, checked: dt.date) -> bool:
    """Record the reminder for this check; False when one was already sent."""
    try:
        with transaction.atomic():
            Reminder.objects.create(service_slug=service.slug, body=body, checked_on=checked)
    except IntegrityError:
        return False
    return True


def _subject(count: int) -> str:
    return f"【つながり】掲載情報の確認のお願い（{count}件）"


def _text(body: Body, entries: list[tuple[Service, dt.date]]) -> str:
    lines = [
        f"{body.name} のご担当者さま",
        "",
        "つながりに掲載している次の窓口・居場所の情報が、確認の時期を迎えます。",
        "電話番号・受付時間などが今も正しいか確かめ、変わっていれば更新してください。",
        "",
    ]
    for service, checked in sorted(entries, key=lambda e: e[0].name):
        lines.append(f"・{service.name}（前回の確認: {checked.isoformat()}）")
    lines += ["", f"更新はこちらから: {settings.SITE_URL}/staff/local/"]
    return "\n".join(lines)
