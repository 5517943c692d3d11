"""Damaged plan text: a field the source table cut is an incomplete excerpt with its
reasons on the pages, in the API and in the exports, never the text; editors restore it
through the normal report and review."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.personas import Personas
from tsunagari.measures import damage
from tsunagari.measures.ingest import ingest
from tsunagari.measures.models import Measure, Review, Submission
from tsunagari.measures.workflow import approve
from tsunagari.staff.models import AuditEntry

FRAGMENT = "「話相談支援等を引き続き実施することにより、社会"
SOUND = (
    "犯罪をした者等が、地域社会で孤立することなく必要な支援を受けることができるよう、"
    "保護観察所と地域における関係機関・団体等との連携体制の整備に取り組む。"
)
RESTORED = "電話相談支援等を引き続き実施することにより、社会的なつながりの回復を目指す。"


def test_the_signs_of_a_cut_field() -> None:
    assert damage.reasons(FRAGMENT) == ["unbalanced", "ends-mid-sentence"]
    assert damage.reasons("を実施、調査結果について、令和7年4月に公表した。") == [
        "starts-mid-sentence"
    ]
    assert damage.reasons("、医療・福祉機関との連携を進める。") == ["starts-mid-sentence"]
    assert damage.reasons("") == ["missing"]
    half = "支援を行えるような生活困窮者自立支援法の研修を行う"
    assert "repeated" in damage.reasons(f"{half}。{half}。")
    assert damage.reasons(SOUND) == []
    assert damage.reasons("「こころの耳」において情報を提供する（電話・SNS）。") == []


@given(st.integers(min_value=1, max_value=len(SOUND) - 2))
def test_a_sound_sentence_cut_anywhere_is_found(cut: int) -> None:
    assert "ends-mid-sentence" in damage.reasons(SOUND[:cut])


@settings(max_examples=60)
@given(st.integers(min_value=1, max_value=len(SOUND) - 2))
def test_a_sound_sentence_whose_start_was_cut_after_a_word_is_found_when_a_particle_leads(
    cut: int,
) -> None:
    rest = SOUND[cut:]
    if rest[0] in "、をが・":
        assert "starts-mid-sentence" in damage.reasons(rest)


@pytest.mark.django_db
def test_no16_target_is_marked_with_its_reasons() -> None:
    measure = Measure.objects.get(plan__code="2024", number=16)
    assert measure.target == FRAGMENT
    assert measure.damaged["target"] == ["unbalanced", "ends-mid-sentence"]
    damaged = Measure.objects.filter(plan__code="2024").exclude(damaged={}).count()
    reviews = Review.objects.filter(measure__plan__code="2024").exclude(damaged={}).count()
    assert damaged > 40 and reviews > 40  # the issue counted about 40 measures by eye


@pytest.mark.django_db
def test_the_public_page_shows_an_excerpt_marked_as_such_never_the_text(client: Client) -> None:
    page = client.get("/plan/16/").content.decode()
    target = page.split("目標及び達成の期間</dt>")[1].split("</dd>")[0]
    assert "不完全な抜粋" in target and "括弧の片方が欠けている" in target
    assert "文の途中で切れている" in target
    assert f"…{FRAGMENT}…" in target and 'class="fragment"' in target
    english = client.get("/en/plan/16/").content.decode()
    assert "Incomplete excerpt" in english and "A bracket is missing its pair" in english


@pytest.mark.django_db
def test_the_api_gives_null_and_the_excerpt_with_reasons(client: Client) -> None:
    data = client.get("/api/v1/measures/16").json()
    assert data["target"] is None
    assert data["incomplete"]["target"] == {
        "excerpt": FRAGMENT,
        "reasons": ["unbalanced", "ends-mid-sentence"],
        "note": "括弧の片方が欠けている、文の途中で切れている",
    }
    assert data["overview"] and "overview" not in data["incomplete"]
    listed = client.get("/api/v1/measures", {"limit": 200}).json()["measures"]
    assert all(m[k] is None for m in listed for k in m["incomplete"])


@pytest.mark.django_db
def test_the_csv_export_marks_the_excerpt() -> None:
    out = StringIO()
    call_command("measures", "export", "--csv", stdout=out)
    row = next(line for line in out.getvalue().splitlines() if ",16,生活困窮者" in line)
    assert f"［不完全な抜粋：括弧の片方が欠けている、文の途中で切れている］…{FRAGMENT}…" in row


@pytest.mark.django_db
def test_editors_see_the_damaged_fields_of_their_ministry_only(
    client: Client, personas: Personas
) -> None:
    client.force_login(personas.editor)  # 厚生労働省
    page = client.get("/plan/staff/damaged/").content.decode()
    assert "16. 生活困窮者等に対する電話相談等の実施" in page
    assert "/plan/staff/measures/16/edit/?year=2025" in page  # the measure's own text
    assert "/plan/staff/measures/16/edit/?year=2024" in page  # the FY2024 review's text
    client.force_login(personas.other_editor)  # 法務省
    page = client.get("/plan/staff/damaged/").content.decode()
    assert '<th scope="row">16. ' not in page and '<th scope="row">15. 人権啓発活動の充実' in page
    client.force_login(personas.reviewer)
    assert '<th scope="row">16. ' in client.get("/plan/staff/damaged/").content.decode()
    for outsider in (personas.visitor, personas.analyst, personas.municipal):
        client.force_login(outsider)
        assert client.get("/plan/staff/damaged/").status_code == 403
    client.logout()
    assert client.get("/plan/staff/damaged/").status_code == 302


def _report(client: Client, year: int, **extra: str) -> dict[str, str]:
    measure = Measure.objects.get(plan__code="2024", number=16)
    return {
        "fiscal_year": str(year),
        "achievement_text": "電話相談窓口を24時間365日設置し、相談に応じた。",
        "status": "qualitative",
        "policy_text": "引き続き電話相談を実施する。",
        "decision": "continue",
        **{f"actual_{i.pk}": "" for i in measure.indicators.all()},
        **extra,
    }


@pytest.mark.django_db
def test_a_restored_target_is_public_only_after_approval_and_survives_a_new_ingestion(
    client: Client, personas: Personas
) -> None:
    client.force_login(personas.editor)
    form = client.get("/plan/staff/measures/16/edit/").content.decode()
    assert "原文の表で欠けている項目" in form and 'name="restore_target"' in form
    assert 'name="restore_overview"' not in form  # the overview is sound
    posted = client.post(
        "/plan/staff/measures/16/edit/", _report(client, 2025, restore_target=RESTORED)
    )
    assert posted.status_code == 302
    assert client.get("/api/v1/measures/16").json()["target"] is None  # not yet public
    submission = Submission.objects.get(measure__number=16, state="submitted")
    client.force_login(personas.reviewer)
    shown = client.get(f"/plan/staff/reviews/{submission.pk}/").content.decode()
    assert RESTORED in shown and FRAGMENT in shown  # beside the excerpt it replaces
    approve(submission, personas.reviewer)
    data = client.get("/api/v1/measures/16").json()
    assert data["target"] == RESTORED and "target" not in data["incomplete"]
    entry = AuditEntry.objects.get(action="measures.measure.restored")
    assert entry.changes["target"] == [FRAGMENT, RESTORED]
    ingest()
    measure = Measure.objects.get(plan__code="2024", number=16)
    assert measure.target == RESTORED and "target" not in measure.damaged


@pytest.mark.django_db
def test_a_damaged_review_text_is_restored_by_reporting_that_year_again(
    client: Client, personas: Personas
) -> None:
    review = Review.objects.get(measure__number=16, measure__plan__code="2024", fiscal_year=2024)
    assert set(review.damaged) == {"achievement_text", "policy_text"}
    client.force_login(personas.editor)
    form = client.get("/plan/staff/measures/16/edit/?year=2024").content.decode()
    textarea = form.split('id="id_achievement_text"')[1].split("</textarea>")[0]
    assert textarea.endswith(">\n") or textarea.endswith(">")  # not offered as a start
    client.post("/plan/staff/measures/16/edit/", _report(client, 2024))
    approve(Submission.objects.get(measure__number=16, state="submitted"), personas.reviewer)
    review.refresh_from_db()
    assert review.damaged == {}
    assert client.get("/api/v1/measures/16").json()["incomplete"] == {
        "target": {
            "excerpt": FRAGMENT,
            "reasons": ["unbalanced", "ends-mid-sentence"],
            "note": "括弧の片方が欠けている、文の途中で切れている",
        }
    }


@pytest.mark.django_db
def test_another_ministry_cannot_restore_and_a_sound_field_is_not_replaced(
    client: Client, personas: Personas
) -> None:
    client.force_login(personas.other_editor)  # 法務省; No.16 is 厚生労働省's
    response = client.post(
        "/plan/staff/measures/16/edit/", _report(client, 2025, restore_target=RESTORED)
    )
    assert response.status_code == 403
    assert not Submission.objects.filter(measure__number=16).exists()
    client.force_login(personas.editor)
    client.post(
        "/plan/staff/measures/16/edit/",
        _report(client, 2025, restore_target=RESTORED, restore_overview="書き換え。"),
    )
    submission = Submission.objects.get(measure__number=16, state="submitted")
    assert submission.restored == {"target": RESTORED}  # the overview is not damaged


@pytest.mark.django_db
def test_nobody_approves_their_own_restoration_and_the_audit_log_shows_both_texts(
    client: Client, personas: Personas
) -> None:
    client.force_login(personas.editor_and_reviewer)
    client.post("/plan/staff/measures/16/edit/", _report(client, 2025, restore_target=RESTORED))
    submission = Submission.objects.get(measure__number=16, state="submitted")
    approve_page = client.post(f"/plan/staff/reviews/{submission.pk}/approve/")
    assert approve_page.status_code == 403
    assert client.get("/api/v1/measures/16").json()["target"] is None
    approve(submission, personas.reviewer)
    client.force_login(personas.reviewer)
    log = client.get("/staff/audit/").content.decode()
    assert "欠けていた施策の文の復元" in log and "目標及び達成の期間" in log
    assert FRAGMENT in log and RESTORED in log
    assert "目標及び達成の期間: 括弧の片方が欠けている、文の途中で切れている" in log
    assert "ends-mid-sentence" not in log  # no English tokens
