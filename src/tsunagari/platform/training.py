"""つながりサポーター trained per prefecture and fiscal year: the completed counts that
organisers record for published courses (seed 003 proposes the rate as a KPI)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from django.utils import timezone

from tsunagari.platform.models import Event


@dataclass(frozen=True)
class Trained:
    prefecture_code: str  # "" for online or nationwide courses
    fiscal_year: int
    people: int
    courses: int


def fiscal_year(moment: dt.datetime) -> int:
    """Japan's fiscal year starts on 1 April."""
    local = timezone.localtime(moment)
    return local.year if local.month >= 4 else local.year - 1


def trained_by_prefecture_and_year() -> list[Trained]:
    totals: dict[tuple[str, int], list[int]] = defaultdict(lambda: [0, 0])
    courses = Event.objects.public().filter(
        kind=Event.Kind.SUPPORTER_COURSE, completed__isnull=False
    )
    for course in courses:
        total = totals[(course.prefecture_code, fiscal_year(course.starts_at))]
        total[0] += course.completed or 0
        total[1] += 1
    return [
        Trained(code, year, people, count)
        for (code, year), (people, count) in sorted(
            totals.items(), key=lambda kv: (kv[0][1], kv[0][0])
        )
    ]
