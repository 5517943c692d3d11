"""Every staff read of a conversation's text is in the audit log; only the counsellor on
the case and the supervisors of its body may read it."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied

from tests.desk.conftest import started
from tests.personas import Personas
from tsunagari.desk import conversations, transcript
from tsunagari.staff.models import AuditEntry

pytestmark = pytest.mark.django_db


def test_the_counsellor_on_the_case_reads_and_the_read_is_logged(personas: Personas) -> None:
    conversation = started("眠れない日が続いています")
    conversations.claim(conversation, personas.counsellor)
    lines = transcript.read(conversation, personas.counsellor)
    assert [line.text for line in lines] == ["眠れない日が続いています"]
    entry = AuditEntry.objects.get(action="desk.conversation.read")
    assert entry.user == personas.counsellor and entry.details == {"messages": 1}
    assert "眠れない" not in str(entry.changes) + str(entry.details) + entry.record_label


def test_the_supervisor_of_the_body_reads_and_others_are_refused(personas: Personas) -> None:
    conversation = started("眠れない日が続いています")
    conversations.claim(conversation, personas.counsellor)
    transcript.read(conversation, personas.supervisor)
    for outsider in (
        personas.other_counsellor,
        personas.npo_editor,
        personas.reviewer,
        personas.visitor,
    ):
        with pytest.raises(PermissionDenied):
            transcript.read(conversation, outsider)
    assert AuditEntry.objects.filter(action="desk.conversation.read").count() == 1


def test_an_unclaimed_conversation_is_read_by_supervisors_only(personas: Personas) -> None:
    conversation = started("今から死にます")
    transcript.read(conversation, personas.supervisor)
    with pytest.raises(PermissionDenied):
        transcript.read(conversation, personas.counsellor)


def test_a_refused_read_is_in_the_audit_log_as_refused(personas: Personas) -> None:
    conversation = started("眠れない日が続いています")
    conversations.claim(conversation, personas.counsellor)
    for outsider in (personas.other_counsellor, personas.npo_editor):
        with pytest.raises(PermissionDenied):
            transcript.read(conversation, outsider)
    refused = AuditEntry.objects.filter(action="desk.conversation.read_refused")
    assert sorted(e.username for e in refused) == ["akari-editor", "hidamari-counsellor"]
    assert all(e.record_id == str(conversation.pk) and e.body == conversation.body for e in refused)
    assert not AuditEntry.objects.filter(action="desk.conversation.read").exists()
    assert "眠れない" not in str([(e.changes, e.details, e.record_label) for e in refused])
