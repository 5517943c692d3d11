"""The level counsellors see and the supervisors' alert follow the highest grade written,
whatever order the grades arrive in and whatever a page read before a grade came."""

from __future__ import annotations

import pytest

from tests.desk.conftest import started
from tests.personas import Personas
from tsunagari.desk import conversations, grading
from tsunagari.desk.models import Conversation
from tsunagari.navigator.urgency import grade
from tsunagari.staff.models import AuditEntry

pytestmark = pytest.mark.django_db
IMMINENT = "今から駅で飛び降りて死にます"
CALM = "少し落ち着きました、ありがとう"


def _alerts() -> int:
    return AuditEntry.objects.filter(action="desk.conversation.alerted").count()


@pytest.mark.parametrize("imminent_first", [True, False])
def test_grades_in_any_order_leave_level_five_and_one_alert(imminent_first: bool) -> None:
    conversation = started()
    urgent = conversations.store(conversation, "person", IMMINENT)
    calm = conversations.store(conversation, "person", CALM)
    pairs = [(urgent.pk, grade(IMMINENT)), (calm.pk, grade(CALM))]
    batches = [pairs] if imminent_first else [pairs[::-1]]
    batches += [[pairs[1]], [pairs[0]]]  # and again, one by one, the calm one first
    for batch in batches:
        grading.apply_all(batch)
    conversation.refresh_from_db()
    assert conversation.level == 5 and conversation.alerted_at is not None
    assert _alerts() == 1


def test_a_record_read_before_a_grade_never_lowers_the_level(personas: Personas) -> None:
    conversation = started("こんにちは、少し話を聞いてほしいです")
    conversations.claim(conversation, personas.counsellor)
    read_before = Conversation.objects.get(pk=conversation.pk)
    urgent = conversations.store(conversation, "person", IMMINENT)
    grading.apply(urgent.pk, grade(IMMINENT))
    conversations.close(read_before, personas.counsellor, topics=[], outcome="listened", level=1)
    conversation.refresh_from_db()
    assert conversation.level == 5 and conversation.status == "closed"


def test_a_person_leaving_on_a_stale_record_keeps_the_level() -> None:
    conversation = started("こんにちは")
    read_before = Conversation.objects.get(pk=conversation.pk)
    urgent = conversations.store(conversation, "person", IMMINENT)
    grading.apply(urgent.pk, grade(IMMINENT))
    conversations.leave(read_before)
    conversation.refresh_from_db()
    assert conversation.level == 5 and conversation.status == "left"
