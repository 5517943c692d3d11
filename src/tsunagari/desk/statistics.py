"""Statistics for the plan (counts by topic, urgency, hour and outcome) from the tallies:
no text, and nothing that leads back to a conversation."""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass

from tsunagari.desk.models import Tally


@dataclass(frozen=True)
class Counts:
    total: int
    by_topic: dict[str, int]
    by_level: dict[int, int]
    by_hour: dict[int, int]
    by_outcome: dict[str, int]


def counts(since: datetime.date, until: datetime.date) -> Counts:
    rows = list(
        Tally.objects.filter(ended_on__gte=since, ended_on__lte=until).values_list(
            "topics", "level", "started_hour", "outcome"
        )
    )
    return Counts(
        total=len(rows),
        by_topic=dict(sorted(Counter(t for r in rows for t in r[0]).items())),
        by_level=dict(sorted(Counter(r[1] for r in rows).items())),
        by_hour=dict(sorted(Counter(r[2] for r in rows).items())),
        by_outcome=dict(sorted(Counter(r[3] for r in rows).items())),
    )
