"""Who may open and change the plan's staff pages, persona by persona; outsiders get the
login, a 403, or a 404 for a report that is not theirs, and nothing is written."""

from __future__ import annotations

import pytest
from django.test import Client

from tests.personas import Personas
from tsunagari.measures.models import Measure, Observation, Review, Submission
from tsunagari.measures.workflow import Entry, submit
from tsunagari.staff.models import AuditEntry

pytestmark = pytest.mark.django_db

STAFF_PAGES = [
    "/plan/staff/",
    "/plan/staff/measures/8/",
    "/plan/staff/reviews/",
    "/plan/staff/measures/8/edit/",
]


def _measure(number: int = 8) -> Measure:
    return Measure.objects.get(plan__code="2024", number=number)


def _submission(personas: Personas) -> Submission:
    entry = Entry({"status": "achieved", "policy_text": "周知する"}, {})
    return submit(_measure(), 2025, personas.editor, entry)


def _writes() -> tuple[int, ...]:
    return tuple(m.objects.count() for m in (Submission, Review, Observation, AuditEntry))


@pytest.mark.parametrize("url", STAFF_PAGES)
def test_anonymous_visitors_are_sent_to_the_login(client: Client, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/staff/login/?next=")


@pytest.mark.parametrize("url", STAFF_PAGES)
@pytest.mark.parametrize(
    "who", ["visitor", "municipal", "other_municipal", "npo_editor", "counsellor", "analyst"]
)
def test_members_without_a_plan_role_are_refused(
    client: Client, personas: Personas, url: str, who: str
) -> None:
    client.force_login(getattr(personas, who))
    assert client.get(url).status_code == 403


def test_an_editor_of_another_ministry_cannot_report_on_a_measure(
    client: Client, personas: Personas
) -> None:
    client.force_login(personas.other_editor)  # 法務省; measure 8 is 厚生労働省's
    before = _writes()
    response = client.post(
        "/plan/staff/measures/8/edit/",
        {"fiscal_year": 2025, "achievement_text": "x", "status": "achieved", "policy_text": "x"},
    )
    assert response.status_code == 403
    assert client.get("/plan/staff/measures/8/edit/").status_code == 403
    assert _writes() == before


def test_an_editor_may_report_on_a_measure_of_another_ministry_only_when_it_is_theirs_too(
    client: Client, personas: Personas
) -> None:
    shared = Measure.objects.filter(plan__code="2024", ministries__code="moj").filter(
        ministries__code="mhlw"
    )
    client.force_login(personas.other_editor)
    for measure in shared[:3]:
        assert client.get(f"/plan/staff/measures/{measure.number}/edit/").status_code == 200


def test_a_reviewer_cannot_report(client: Client, personas: Personas) -> None:
    client.force_login(personas.reviewer)
    assert client.get("/plan/staff/measures/8/edit/").status_code == 403


def test_an_editor_cannot_approve_or_return(client: Client, personas: Personas) -> None:
    submission = _submission(personas)
    client.force_login(personas.other_editor)
    assert client.get("/plan/staff/reviews/").status_code == 403
    before = _writes()
    for step in ("approve", "return"):
        url = f"/plan/staff/reviews/{submission.pk}/{step}/"
        assert client.get(url).status_code == 403
        assert client.post(url, {"comment": "x"}).status_code == 403
    assert _writes() == before
    submission.refresh_from_db()
    assert submission.state == "submitted"


def test_an_editor_sees_only_the_reports_of_their_ministries(
    client: Client, personas: Personas
) -> None:
    submission = _submission(personas)
    client.force_login(personas.editor)
    assert client.get(f"/plan/staff/reviews/{submission.pk}/").status_code == 200
    client.force_login(personas.other_editor)
    assert client.get(f"/plan/staff/reviews/{submission.pk}/").status_code == 404


def test_a_post_without_the_csrf_token_is_refused(personas: Personas) -> None:
    submission = _submission(personas)
    forged = Client(enforce_csrf_checks=True)
    forged.force_login(personas.reviewer)
    before = _writes()
    assert forged.post(f"/plan/staff/reviews/{submission.pk}/approve/").status_code == 403
    assert _writes() == before


def test_the_staff_pages_write_nothing_on_get(client: Client, personas: Personas) -> None:
    submission = _submission(personas)
    before = _writes()
    for who in (personas.editor, personas.reviewer):
        client.force_login(who)
        for url in [
            *STAFF_PAGES,
            "/plan/staff/measures/8/edit/?year=2024",
            f"/plan/staff/reviews/{submission.pk}/",
            f"/plan/staff/reviews/{submission.pk}/approve/",
            f"/plan/staff/reviews/{submission.pk}/return/",
            "/staff/",
            "/staff/audit/",
            "/staff/two-factor/",
        ]:
            assert client.get(url).status_code in (200, 403), url
    assert _writes() == before


@pytest.mark.parametrize("year", ["abc", "2040", "2023", "-1", "２０２５", "2025.0"])
def test_a_bad_year_is_a_400_that_names_it_and_writes_nothing(
    client: Client, personas: Personas, year: str
) -> None:
    client.force_login(personas.editor)
    before = _writes()
    response = client.get(f"/plan/staff/measures/8/edit/?year={year}")
    assert response.status_code == 400
    body = response.content.decode()
    assert "year" in body and "2024〜2025" in body
    assert _writes() == before


def test_a_bad_dashboard_year_is_a_400(client: Client, personas: Personas) -> None:
    client.force_login(personas.reviewer)
    response = client.get("/en/plan/staff/?year=abc")
    assert response.status_code == 400
    assert "year" in response.content.decode()


def test_a_missing_measure_is_404_for_staff(client: Client, personas: Personas) -> None:
    client.force_login(personas.editor)
    assert client.get("/plan/staff/measures/999/").status_code == 404
    assert client.get("/plan/staff/reviews/999/").status_code == 404
