"""The counsellor's side: the queue by urgency then waiting time, claim with a cap, reply,
hand-over, the closing record; a level-5 conversation alerts the supervisor with the
emergency protocol; the shift view; and every page refused to those it is not for."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.utils import timezone

from tests.desk.conftest import started
from tests.personas import Personas, body, make_user
from tsunagari.desk import conversations
from tsunagari.desk.models import Conversation, Message, Status, Tally
from tsunagari.staff.members import grant
from tsunagari.staff.models import AuditEntry
from tsunagari.staff.roles import Role

pytestmark = pytest.mark.django_db


def _as(user: object) -> Client:
    client = Client()
    client.force_login(user)  # type: ignore[arg-type]
    return client


def _waited(conversation: Conversation, minutes: int) -> None:
    Conversation.objects.filter(pk=conversation.pk).update(
        started_at=timezone.now() - dt.timedelta(minutes=minutes)
    )


def test_the_queue_puts_urgency_first_then_the_longest_wait(personas: Personas) -> None:
    calm_old, calm_new = started("さみしい"), started("眠れない日が続いています")
    _waited(calm_old, 30)
    _waited(calm_new, 10)
    imminent = started("今から駅で飛び降りて死にます")
    page = _as(personas.counsellor).get("/staff/desk/").content.decode()
    order = [page.index(f'data-conversation="{c.pk}"') for c in (imminent, calm_old, calm_new)]
    assert order == sorted(order)
    assert "飛び降り" not in page  # the queue shows levels and reasons, never the text


def test_a_level_five_message_alerts_the_supervisor_with_the_protocol(personas: Personas) -> None:
    started("さみしい")
    imminent = started("今から駅で飛び降りて死にます")
    assert imminent.alerted_at is not None
    assert AuditEntry.objects.filter(action="desk.conversation.alerted").count() == 1
    supervisor_page = _as(personas.supervisor).get("/staff/desk/").content.decode()
    assert (
        "data-desk-alert" in supervisor_page
        and "119" in supervisor_page
        and "110" in supervisor_page
    )
    assert "data-desk-alert" not in _as(personas.counsellor).get("/staff/desk/").content.decode()


def test_claim_reply_and_close_with_the_record(personas: Personas) -> None:
    conversation = started("仕事がなくて生活が苦しい")
    counsellor = _as(personas.counsellor)
    assert counsellor.post(f"/staff/desk/{conversation.pk}/claim/").status_code == 302
    page = counsellor.get(f"/staff/desk/{conversation.pk}/").content.decode()
    assert "仕事がなくて生活が苦しい" in page
    assert (
        counsellor.post(
            f"/staff/desk/{conversation.pk}/reply/", {"text": "お話を聞かせてください"}
        ).status_code
        == 302
    )
    assert Message.objects.filter(sender="counsellor").count() == 1
    bad = counsellor.post(
        f"/staff/desk/{conversation.pk}/close/",
        {"topics": ["no-such"], "outcome": "listened", "level": 1},
    )
    assert bad.status_code == 400
    done = counsellor.post(
        f"/staff/desk/{conversation.pk}/close/",
        {"topics": ["poverty", "employment"], "outcome": "informed", "level": "1"},
    )
    assert done.status_code == 302
    conversation.refresh_from_db()
    assert (conversation.status, conversation.topics, conversation.outcome) == (
        Status.CLOSED,
        ["employment", "poverty"],
        "informed",
    )
    assert Tally.objects.get().topics == ["employment", "poverty"]


def test_a_counsellor_cannot_hold_more_than_the_cap(
    personas: Personas, settings: pytest.FixtureRequest
) -> None:
    settings.DESK_MAX_CHATS = 1  # type: ignore[attr-defined]
    first, second = started("a"), started("b")
    counsellor = _as(personas.counsellor)
    counsellor.post(f"/staff/desk/{first.pk}/claim/")
    refused = counsellor.post(f"/staff/desk/{second.pk}/claim/")
    assert refused.status_code == 400 and "1件まで" in refused.content.decode()
    assert Conversation.objects.get(pk=second.pk).status == Status.WAITING


def test_a_case_is_handed_to_a_colleague_of_the_same_body(personas: Personas) -> None:
    conversation = started("話を聞いてほしい")
    conversations.claim(conversation, personas.counsellor)
    counsellor = _as(personas.counsellor)
    assert (
        counsellor.post(
            f"/staff/desk/{conversation.pk}/transfer/", {"to": personas.other_counsellor.pk}
        ).status_code
        == 400
    )
    assert (
        counsellor.post(
            f"/staff/desk/{conversation.pk}/transfer/", {"to": personas.supervisor.pk}
        ).status_code
        == 302
    )
    assert Conversation.objects.get().counsellor == personas.supervisor
    assert counsellor.get(f"/staff/desk/{conversation.pk}/").status_code == 403


def test_only_the_holder_replies(personas: Personas) -> None:
    conversation = started("話を聞いてほしい")
    conversations.claim(conversation, personas.counsellor)
    refused = _as(personas.supervisor).post(f"/staff/desk/{conversation.pk}/reply/", {"text": "x"})
    assert refused.status_code == 400 and not Message.objects.filter(sender="counsellor").exists()


def test_the_shift_view_shows_each_counsellors_load(personas: Personas) -> None:
    conversations.claim(started("a"), personas.counsellor)
    page = _as(personas.supervisor).get("/staff/desk/shift/").content.decode()
    assert "akari-counsellor" in page and "hidamari-counsellor" not in page


@pytest.mark.parametrize("who", ["npo_editor", "reviewer", "visitor", "other_counsellor"])
def test_outsiders_cannot_read_a_case(personas: Personas, who: str) -> None:
    conversation = started("秘密の話")
    conversations.claim(conversation, personas.counsellor)
    response = _as(getattr(personas, who)).get(f"/staff/desk/{conversation.pk}/")
    assert response.status_code == 403 and "秘密の話" not in response.content.decode()


@pytest.mark.parametrize("who", ["npo_editor", "reviewer", "visitor"])
def test_the_queue_is_for_counsellors_only(personas: Personas, who: str) -> None:
    assert _as(getattr(personas, who)).get("/staff/desk/").status_code == 403
    assert Client().get("/staff/desk/").status_code == 302


def test_a_get_never_claims(personas: Personas) -> None:
    conversation = started("a")
    assert _as(personas.counsellor).get(f"/staff/desk/{conversation.pk}/claim/").status_code == 405
    assert Conversation.objects.get().status == Status.WAITING


def test_english_queue(personas: Personas) -> None:
    started("a")
    assert (
        "Waiting consultations" in _as(personas.counsellor).get("/en/staff/desk/").content.decode()
    )


def test_a_supervisor_of_another_body_cannot_read_a_claimed_case(personas: Personas) -> None:
    other = make_user("hidamari-supervisor")
    grant(other, body("hidamari"), Role.SUPERVISOR)
    conversation = started("話")
    conversations.claim(conversation, personas.counsellor)
    assert _as(other).get(f"/staff/desk/{conversation.pk}/").status_code == 403
