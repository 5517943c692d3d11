"""The shift view (シフト): each counsellor of the viewer's bodies with the chats they hold,
what they closed today and how long since their last close, so that a supervisor sees who
is carrying too much and who has gone long without a pause."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.contrib.auth import get_user_model
from django.db.models import Count, Max, Q
from django.utils import timezone

from tsunagari.desk.models import Status
from tsunagari.staff import access
from tsunagari.staff.roles import Permission


@dataclass(frozen=True)
class Row:
    username: str
    holding: int
    closed_today: int
    last_closed: datetime.datetime | None
    highest_level: int


def load(viewer: Any) -> list[Row]:
    bodies = access.bodies_where(viewer, Permission.COUNSEL)
    today = timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)
    users = (
        get_user_model()
        .objects.filter(memberships__body__in=bodies)
        .distinct()
        .annotate(
            holding=Count("desk_conversations", filter=Q(desk_conversations__status=Status.ACTIVE)),
            closed_today=Count(
                "desk_conversations",
                filter=Q(
                    desk_conversations__status=Status.CLOSED,
                    desk_conversations__ended_at__gte=today,
                ),
            ),
            last_closed=Max("desk_conversations__ended_at"),
            highest=Max(
                "desk_conversations__level", filter=Q(desk_conversations__status=Status.ACTIVE)
            ),
        )
        .order_by("-holding", "username")
    )
    return [
        Row(u.get_username(), u.holding, u.closed_today, u.last_closed, u.highest or 0)
        for u in users
        if access.can(u, Permission.COUNSEL, bodies)
    ]
