"""Statistics for the plan: counts by topic, urgency, hour and outcome, with no text."""

from __future__ import annotations

import pytest
from django.utils import timezone

from tests.desk.conftest import started
from tests.personas import Personas
from tsunagari.desk import conversations, statistics
from tsunagari.desk.models import Tally

pytestmark = pytest.mark.django_db


def test_closed_conversations_are_counted_without_their_text(personas: Personas) -> None:
    first = started("仕事がなくて生活が苦しい")
    conversations.claim(first, personas.counsellor)
    conversations.close(
        first, personas.counsellor, topics=["poverty", "employment"], outcome="referred", level=1
    )
    second = started("さみしい")
    conversations.leave(second)
    today = timezone.localdate()
    counts = statistics.counts(today, today)
    assert counts.total == 2
    assert counts.by_topic == {"employment": 1, "poverty": 1}
    assert counts.by_outcome == {"dropped": 1, "referred": 1}
    assert sum(counts.by_hour.values()) == 2
    assert {f.name for f in Tally._meta.get_fields()} == {
        "id",
        "ended_on",
        "started_hour",
        "level",
        "outcome",
        "topics",
        "minutes",
    }
