"""What waits for a member of staff in the plan: their returned reports, reports to review."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils.translation import ngettext

from tsunagari.measures.access import REPORT, REVIEW
from tsunagari.measures.models import Submission
from tsunagari.staff import access
from tsunagari.staff.menu import Notice


def for_user(user: Any) -> list[Notice]:
    found = []
    bodies = access.bodies_where(user, REPORT)
    if bodies:
        returned = Submission.objects.filter(
            body__in=bodies, state=Submission.State.RETURNED
        ).count()
        if returned:
            text = ngettext(
                "差し戻された報告が%(n)d件あります", "差し戻された報告が%(n)d件あります", returned
            ) % {"n": returned}
            found.append(Notice(text, reverse("measures:dashboard")))
    if access.can(user, REVIEW):
        waiting = (
            Submission.objects.filter(state=Submission.State.SUBMITTED)
            .exclude(authors=user)
            .count()
        )
        if waiting:
            text = ngettext(
                "確認待ちの報告が%(n)d件あります", "確認待ちの報告が%(n)d件あります", waiting
            ) % {"n": waiting}
            found.append(Notice(text, reverse("measures:queue")))
    return found
