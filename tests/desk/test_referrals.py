"""つなぎ: a referral goes out only with the person's recorded consent and carries only the
fields they agreed to; the receiving organisation answers and closes it; the sender sees
the status; another organisation sees nothing; a referral waiting too long is reminded."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.utils import timezone
from django_q.tasks import async_task

from tests.factories import create_organization, create_service
from tests.personas import Personas, body
from tsunagari.desk import conversations
from tsunagari.desk.models import Conversation, Referral, ReferralStatus
from tsunagari.staff.models import AuditEntry

pytestmark = pytest.mark.django_db
CHIYODA = "131016"  # 千代田区 (JIS X 0402)


def _as(user: object) -> Client:
    client = Client()
    client.force_login(user)  # type: ignore[arg-type]
    return client


def _proposed(personas: Personas) -> tuple[Client, Conversation, Client]:
    body("hidamari")
    organisation = create_organization("hidamari", name="ひだまり社協")
    create_service("hidamari-salon", organization=organisation, areas=(("municipality", CHIYODA),))
    person = Client()
    person.post("/desk/start/", {"text": "ひとり暮らしで誰とも話さない日が続いています"})
    person.post("/desk/chat/area/", {"area": "千代田区"})
    conversation = Conversation.objects.get()
    conversations.claim(conversation, personas.counsellor)
    counsellor = _as(personas.counsellor)
    response = counsellor.post(
        f"/staff/desk/{conversation.pk}/refer/",
        {
            "organisation": organisation.pk,
            "fields": ["summary", "area", "contact"],
            "summary": "週に一度の訪問を希望",
        },
    )
    assert response.status_code == 302
    return person, conversation, counsellor


def test_nothing_is_sent_before_the_person_consents(personas: Personas) -> None:
    person, _conversation, _counsellor = _proposed(personas)
    assert "data-desk-consent" in person.get("/desk/chat/").content.decode()
    assert Referral.objects.get().status == ReferralStatus.PROPOSED
    inbox = _as(personas.other_npo_editor).get("/staff/desk/referrals/").content.decode()
    assert "届いた紹介はありません" in inbox


def test_only_the_agreed_fields_reach_the_organisation(personas: Personas) -> None:
    person, conversation, counsellor = _proposed(personas)
    response = person.post(
        "/desk/chat/consent/",
        {
            "answer": "yes",
            "share": ["summary", "area"],
            "area": "千代田区",
            "contact": "090-0000-0000",
        },
    )
    assert response.status_code == 302
    referral = Referral.objects.get()
    assert referral.status == ReferralStatus.SENT and referral.consented_at is not None
    assert referral.agreed_fields == ["summary", "area"]
    assert b"090" not in bytes(referral.sealed) and "千代田".encode() not in bytes(referral.sealed)
    receiver = _as(personas.other_npo_editor)  # ひだまり社協's editor
    page = receiver.get(f"/staff/desk/referrals/{referral.pk}/").content.decode()
    assert "千代田区" in page and "週に一度の訪問を希望" in page and "090" not in page
    assert "ひとり暮らし" not in page  # never the conversation
    assert AuditEntry.objects.filter(
        action="desk.conversation.read", user=personas.other_npo_editor
    ).exists()
    for status in ("accepted", "contacted", "closed"):
        assert (
            receiver.post(
                f"/staff/desk/referrals/{referral.pk}/answer/", {"status": status}
            ).status_code
            == 302
        )
    assert Referral.objects.get().status == ReferralStatus.CLOSED
    assert "支援を終えた" in counsellor.get(f"/staff/desk/{conversation.pk}/").content.decode()


def test_a_missing_value_is_a_400_and_refusing_sends_nothing(personas: Personas) -> None:
    person, _conversation, _counsellor = _proposed(personas)
    bad = person.post("/desk/chat/consent/", {"answer": "yes", "share": ["contact"], "contact": ""})
    assert bad.status_code == 400 and "連絡先" in bad.content.decode()
    person.post("/desk/chat/consent/", {"answer": "no", "share": ["contact"], "contact": "x"})
    referral = Referral.objects.get()
    assert referral.status == ReferralStatus.REFUSED and bytes(referral.sealed) == b""
    assert (
        _as(personas.other_npo_editor).get(f"/staff/desk/referrals/{referral.pk}/").status_code
        == 403
    )


def test_another_organisation_cannot_read_or_answer(personas: Personas) -> None:
    person, _conversation, _counsellor = _proposed(personas)
    person.post("/desk/chat/consent/", {"answer": "yes", "share": ["summary"]})
    referral = Referral.objects.get()
    outsider = _as(personas.npo_editor)  # NPOあかり: not the receiver
    assert outsider.get(f"/staff/desk/referrals/{referral.pk}/").status_code == 403
    refused = AuditEntry.objects.get(action="desk.conversation.read_refused")
    assert refused.username == "akari-editor" and refused.record_id == str(referral.pk)
    assert (
        outsider.post(
            f"/staff/desk/referrals/{referral.pk}/answer/", {"status": "accepted"}
        ).status_code
        == 403
    )
    assert outsider.get(f"/staff/desk/{referral.conversation_id}/").status_code == 403
    assert _as(personas.counsellor).get("/staff/desk/referrals/").status_code == 403


def test_answers_keep_their_order(personas: Personas) -> None:
    person, _conversation, _counsellor = _proposed(personas)
    person.post("/desk/chat/consent/", {"answer": "yes", "share": ["summary"]})
    referral = Referral.objects.get()
    refused = _as(personas.other_npo_editor).post(
        f"/staff/desk/referrals/{referral.pk}/answer/", {"status": "closed"}
    )
    assert refused.status_code == 400


def test_a_referral_waiting_too_long_is_reminded_once(
    personas: Personas, settings: pytest.FixtureRequest
) -> None:
    settings.DESK_REFERRAL_REMIND_HOURS = 48  # type: ignore[attr-defined]
    person, _conversation, _counsellor = _proposed(personas)
    person.post("/desk/chat/consent/", {"answer": "yes", "share": ["summary"]})
    Referral.objects.update(consented_at=timezone.now() - dt.timedelta(hours=49))
    async_task("tsunagari.desk.referrals.remind_waiting", sync=True)
    async_task("tsunagari.desk.referrals.remind_waiting", sync=True)
    assert AuditEntry.objects.filter(action="desk.referral.reminded").count() == 1
    page = _as(personas.other_npo_editor).get("/staff/desk/referrals/").content.decode()
    assert "返事を待っている紹介が1件あります" in page
