"""Every platform step is in the staff audit log, readable in the staff pages."""

from __future__ import annotations

import pytest
from django.test import Client

from tests.personas import Personas
from tests.platform.helpers import CASE_FORM, decide, post
from tsunagari.platform.models import Case
from tsunagari.staff.models import AuditEntry

pytestmark = pytest.mark.django_db


def test_submission_and_approval_are_logged_with_their_values(
    client: Client, personas: Personas
) -> None:
    post(client, personas.npo_editor, "/staff/platform/case/new/", CASE_FORM)
    case = Case.objects.get()
    decide(client, personas.reviewer, "case", case.pk)
    submitted = AuditEntry.objects.get(action="platform.case.submitted")
    assert submitted.username == "akari-editor" and submitted.body is not None
    assert submitted.changes["title"] == [None, CASE_FORM["title"]]
    approved = AuditEntry.objects.get(action="platform.case.approved")
    assert approved.changes["published"] == [False, True]
    client.force_login(personas.reviewer)
    page = client.get("/staff/audit/", {"area": "platform"}).content.decode()
    assert "実践事例: 承認・公開" in page
    client.force_login(personas.other_npo_editor)
    assert "高齢者の見守り" not in client.get("/staff/audit/").content.decode()
