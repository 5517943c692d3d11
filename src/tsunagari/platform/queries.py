"""Reading the platform's records for staff: what waits for whom, what a body posted."""

from __future__ import annotations

from typing import Any

from tsunagari.platform.models import Case, Event, Member, News, Platform, Profile
from tsunagari.platform.review import Reviewed, State, can_review
from tsunagari.staff import access
from tsunagari.staff.roles import Permission

KINDS: dict[str, type[Reviewed]] = {
    "platform": Platform,
    "member": Member,
    "profile": Profile,
    "case": Case,
    "event": Event,
    "news": News,
}


def kind_of(record: Reviewed) -> str:
    return next(k for k, model in KINDS.items() if isinstance(record, model))


def waiting_for(user: Any) -> list[Reviewed]:
    """Submitted posts this user may decide (not their own), oldest first."""
    if not access.can(user, Permission.REVIEW_PLATFORM):
        return []
    found: list[Reviewed] = []
    for model in KINDS.values():
        for record in model.objects.filter(state=State.SUBMITTED).select_related("body"):
            if record.submitted_by_id != user.pk and can_review(user, record):
                found.append(record)
    return sorted(found, key=lambda r: r.submitted_at or r.pk)


def posted_by(user: Any) -> list[Reviewed]:
    """Everything posted for the bodies where the user contributes."""
    bodies = access.bodies_where(user, Permission.CONTRIBUTE_PLATFORM)
    found: list[Reviewed] = []
    for model in KINDS.values():
        found += list(model.objects.filter(body__in=bodies).select_related("body"))
    return found


def returned_to(user: Any) -> list[Reviewed]:
    return [r for r in posted_by(user) if r.state == State.RETURNED]
