"""A review that holds: what an editor enters is public only once someone else approves it;
a return leaves the public record as it was; public answers never carry staff names."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from django.test import Client

from tests.personas import Personas
from tsunagari.measures.models import Indicator, Measure, Observation, Review, Submission
from tsunagari.measures.workflow import Entry, SelfApproval, approve, submit
from tsunagari.staff.models import AuditEntry

pytestmark = pytest.mark.django_db

API = "/api/v1/measures/8"


def _measure() -> Measure:
    return Measure.objects.get(plan__code="2024", number=8)


def _indicator() -> Indicator:
    return _measure().indicators.get(name="支援情報検索サイトのアクセス数")


def _form(**extra: str) -> dict[str, str]:
    data = {
        "fiscal_year": "2025",
        "achievement_text": "PV数は35万回",
        "status": "achieved",
        "policy_text": "引き続き周知する",
        "decision": "continue",
    }
    for indicator in _measure().indicators.all():
        data[f"actual_{indicator.pk}"] = ""
    data.update(extra)
    return data


def _submit(client: Client, personas: Personas, **extra: str) -> Submission:
    client.force_login(personas.editor)
    figure = {f"actual_{_indicator().pk}": "350,000"}
    response = client.post("/plan/staff/measures/8/edit/", _form(**{**figure, **extra}))
    assert response.status_code == 302
    return Submission.objects.get(measure=_measure(), fiscal_year=2025, state__in=["submitted"])


def _observations(api: dict[str, Any]) -> dict[int, Any]:
    found = next(i for i in api["indicators"] if i["name"] == "支援情報検索サイトのアクセス数")
    return {o["fiscal_year"]: o["value"] for o in found["observations"]}


def test_a_submitted_figure_is_not_public_until_approved(
    client: Client, personas: Personas
) -> None:
    before = client.get(API).json()
    submission = _submit(client, personas)
    assert client.get(API).json() == before
    assert 2025 not in _observations(client.get(API).json())
    assert "350,000" not in client.get("/plan/8/").content.decode()
    assert not Observation.objects.filter(indicator=_indicator(), fiscal_year=2025).exists()
    assert not Review.objects.filter(measure=_measure(), fiscal_year=2025).exists()

    client.force_login(personas.reviewer)
    assert client.post(f"/plan/staff/reviews/{submission.pk}/approve/").status_code == 302
    after = client.get(API).json()
    assert _observations(after)[2025] == 350000
    review = Review.objects.get(measure=_measure(), fiscal_year=2025)
    assert (review.status, review.submission) == ("achieved", submission)
    assert "PV数は35万回" in client.get("/plan/8/").content.decode()


def test_a_return_leaves_the_public_record_as_it_was(client: Client, personas: Personas) -> None:
    before = client.get(API).json()
    submission = _submit(client, personas)
    client.force_login(personas.reviewer)
    response = client.post(
        f"/plan/staff/reviews/{submission.pk}/return/", {"comment": "根拠の数値を追記してください"}
    )
    assert response.status_code == 302
    submission.refresh_from_db()
    assert (submission.state, submission.comment) == ("returned", "根拠の数値を追記してください")
    assert client.get(API).json() == before
    assert not Observation.objects.filter(indicator=_indicator(), fiscal_year=2025).exists()


def test_a_return_needs_a_comment(client: Client, personas: Personas) -> None:
    submission = _submit(client, personas)
    client.force_login(personas.reviewer)
    response = client.post(f"/plan/staff/reviews/{submission.pk}/return/", {"comment": " "})
    assert response.status_code == 400
    assert "差戻しにはコメントが必要です" in response.content.decode()
    submission.refresh_from_db()
    assert submission.state == "submitted"


def test_public_answers_never_carry_staff_names(client: Client, personas: Personas) -> None:
    submission = _submit(client, personas)
    client.force_login(personas.reviewer)
    client.post(f"/plan/staff/reviews/{submission.pk}/approve/")
    client.logout()
    for url in (API, "/api/v1/measures?q=支援情報", "/plan/8/", "/en/plan/8/", "/plan/"):
        body = client.get(url).content.decode()
        assert "mhlw-editor" not in body and "cao-reviewer" not in body, url


def test_nobody_approves_their_own_report_whatever_roles_they_hold(
    client: Client, personas: Personas
) -> None:
    both = personas.editor_and_reviewer
    client.force_login(both)
    figure = {f"actual_{_indicator().pk}": "999"}
    assert client.post("/plan/staff/measures/8/edit/", _form(**figure)).status_code == 302
    submission = Submission.objects.get(measure=_measure(), fiscal_year=2025)
    for step in ("approve", "return"):
        url = f"/plan/staff/reviews/{submission.pk}/{step}/"
        assert client.get(url).status_code == 403
        assert client.post(url, {"comment": "自分で差し戻す"}).status_code == 403
    page = client.get(f"/plan/staff/reviews/{submission.pk}/").content.decode()
    assert "別の確認者が行います" in page and "承認する…" not in page
    submission.refresh_from_db()
    assert submission.state == "submitted"
    assert not Observation.objects.filter(indicator=_indicator(), fiscal_year=2025).exists()
    with pytest.raises(SelfApproval):
        approve(submission, both)


def test_whoever_wrote_an_earlier_round_may_not_decide_either(personas: Personas) -> None:
    entry = Entry({"status": "achieved", "policy_text": "一回目"}, {})
    first = submit(_measure(), 2025, personas.editor_and_reviewer, entry)
    first.state = "returned"
    first.save()
    submit(_measure(), 2025, personas.editor, Entry({"status": "achieved"}, {}))
    with pytest.raises(SelfApproval):
        approve(first, personas.editor_and_reviewer)


def test_the_editor_sees_a_return_with_its_comment_and_resubmits(
    client: Client, personas: Personas
) -> None:
    submission = _submit(client, personas)
    client.force_login(personas.reviewer)
    client.post(f"/plan/staff/reviews/{submission.pk}/return/", {"comment": "出典を書いてください"})
    client.force_login(personas.editor)
    dashboard = client.get("/plan/staff/").content.decode()
    assert "差し戻された報告が1件あります" in dashboard  # the staff bar, on every page
    assert "出典を書いてください" in dashboard
    edit = client.get("/plan/staff/measures/8/edit/?year=2025").content.decode()
    assert "出典を書いてください" in edit and "350000" in edit
    client.post(
        "/plan/staff/measures/8/edit/", _form(achievement_text="PV数:350,000（出典: 庁内集計）")
    )
    submission.refresh_from_db()
    assert submission.state == "submitted" and submission.achievement_text.startswith("PV数:")
    assert Submission.objects.filter(measure=_measure(), fiscal_year=2025).count() == 1


def test_a_submitted_report_cannot_be_edited_again(client: Client, personas: Personas) -> None:
    _submit(client, personas)
    response = client.post("/plan/staff/measures/8/edit/", _form(policy_text="changed"))
    assert "編集できません" in response.content.decode()
    assert Submission.objects.get(measure=_measure()).policy_text == "引き続き周知する"


def test_an_actual_that_is_not_a_number_is_refused(client: Client, personas: Personas) -> None:
    client.force_login(personas.editor)
    response = client.post(
        "/plan/staff/measures/8/edit/", _form(**{f"actual_{_indicator().pk}": "たくさん"})
    )
    assert response.status_code == 400
    assert "数値で入力してください" in response.content.decode()
    assert not Submission.objects.exists()


def test_the_queue_shows_the_entry_beside_the_public_record(
    client: Client, personas: Personas
) -> None:
    submission = _submit(client, personas)
    client.force_login(personas.reviewer)
    queue = client.get("/plan/staff/reviews/").content.decode()
    assert "mhlw-editor" in queue and "継続" in queue and "厚生労働省" in queue
    assert submission.submitted_at.astimezone().strftime("%Y-%m-%d") in queue
    page = client.get(f"/plan/staff/reviews/{submission.pk}/").content.decode()
    assert "公開中" in page and "提出された内容" in page
    assert "332598（2024年度）" in page and "350000" in page  # none yet for FY2025
    confirm = client.get(f"/plan/staff/reviews/{submission.pk}/approve/").content.decode()
    assert "承認して公開する" in confirm and 'method="post"' in confirm


def test_approval_writes_the_audit_log_with_values_before_and_after(
    client: Client, personas: Personas
) -> None:
    submission = _submit(client, personas)
    client.force_login(personas.reviewer)
    client.post(f"/plan/staff/reviews/{submission.pk}/approve/")
    entries = AuditEntry.objects.filter(action__startswith="measures.").order_by("id")
    actions = list(entries.values_list("action", "username"))
    assert actions == [
        ("measures.submission.submitted", "mhlw-editor"),
        ("measures.review.published", "cao-reviewer"),
        ("measures.observation.published", "cao-reviewer"),
        ("measures.submission.approved", "cao-reviewer"),
    ]
    published = AuditEntry.objects.get(action="measures.observation.published")
    assert published.changes["value"] == [None, "350000"]
    decided = AuditEntry.objects.get(action="measures.submission.approved")
    assert decided.changes["state"] == ["submitted", "approved"]
    log = client.get("/staff/audit/?area=measures").content.decode()
    assert "報告の承認" in log and "確認待ち" in log and "承認済み" in log
    english = client.get("/en/staff/audit/?area=measures").content.decode()
    assert "Report approved" in english and "Awaiting review" in english
    assert (
        Decimal("350000") == Observation.objects.get(indicator=_indicator(), fiscal_year=2025).value
    )
