from __future__ import annotations

from decimal import Decimal

import pytest
from django.test import Client

from tests.measures.personas import Personas
from tsunagari.measures.models import Measure, Observation, Review

pytestmark = pytest.mark.django_db


def _form(measure: Measure, **extra: str) -> dict[str, str]:
    data = {
        "fiscal_year": "2025",
        "achievement_text": "PV数は35万回",
        "status": "achieved",
        "policy_text": "引き続き周知する",
        "decision": "continue",
    }
    for indicator in measure.indicators.all():
        data[f"actual_{indicator.pk}"] = ""
    data.update(extra)
    return data


def test_submit_return_resubmit_approve(client: Client, personas: Personas) -> None:
    measure = Measure.objects.get(plan__code="2024", number=8)
    first = measure.indicators.first()
    assert first is not None
    client.force_login(personas.editor)
    response = client.post(
        "/plan/staff/measures/8/edit/", _form(measure, **{f"actual_{first.pk}": "350,000"})
    )
    assert response.status_code == 302
    review = Review.objects.get(measure=measure, fiscal_year=2025)
    assert review.state == "submitted" and review.submitted_by == personas.editor
    assert Observation.objects.get(indicator=first, fiscal_year=2025).value == Decimal(350000)

    client.force_login(personas.reviewer)
    client.post(f"/plan/staff/reviews/{review.pk}/decide/", {"action": "return", "comment": ""})
    review.refresh_from_db()
    assert review.state == "submitted"  # a return needs a comment
    client.post(
        f"/plan/staff/reviews/{review.pk}/decide/",
        {"action": "return", "comment": "根拠の数値を追記してください"},
    )
    review.refresh_from_db()
    assert review.state == "returned" and review.reviewer_comment

    client.force_login(personas.editor)
    page = client.get("/plan/staff/measures/8/edit/?year=2025")
    assert "根拠の数値を追記してください" in page.content.decode()
    client.post("/plan/staff/measures/8/edit/", _form(measure, achievement_text="PV数:350,000"))
    review.refresh_from_db()
    assert review.state == "submitted"

    client.force_login(personas.reviewer)
    client.post(f"/plan/staff/reviews/{review.pk}/decide/", {"action": "approve"})
    review.refresh_from_db()
    assert review.state == "approved" and review.decided_by == personas.reviewer
    who = [
        (h.history_user, h.history_change_reason) for h in review.history.order_by("history_date")
    ]
    assert who[-1] == (personas.reviewer, "approved")
    assert (personas.editor, "submitted") in who


def test_an_actual_that_is_not_a_number_is_refused(client: Client, personas: Personas) -> None:
    measure = Measure.objects.get(plan__code="2024", number=8)
    first = measure.indicators.first()
    assert first is not None
    client.force_login(personas.editor)
    response = client.post(
        "/plan/staff/measures/8/edit/", _form(measure, **{f"actual_{first.pk}": "たくさん"})
    )
    assert response.status_code == 200
    assert "数値で入力してください" in response.content.decode()
    assert Review.objects.get(measure=measure, fiscal_year=2025).state == "draft"
    assert not Observation.objects.filter(indicator=first, fiscal_year=2025).exists()


def test_a_submitted_review_cannot_be_edited_again(client: Client, personas: Personas) -> None:
    measure = Measure.objects.get(plan__code="2024", number=8)
    client.force_login(personas.editor)
    client.post("/plan/staff/measures/8/edit/", _form(measure))
    response = client.post("/plan/staff/measures/8/edit/", _form(measure, policy_text="changed"))
    assert "編集できません" in response.content.decode()
    assert Review.objects.get(measure=measure, fiscal_year=2025).policy_text == "引き続き周知する"
