"""The plan's results in public: only survey years an analyst approved are shown (page and
API), never by the analyst who uploaded them; indicators against their targets."""

from __future__ import annotations

import pytest
from django.test import Client

from tests.personas import Personas
from tests.surveys.factories import FIXTURES
from tsunagari.platform.models import SurveyApproval
from tsunagari.staff.models import AuditEntry
from tsunagari.surveys.models import SurveyYear
from tsunagari.surveys.services import store_survey_year

pytestmark = pytest.mark.django_db


def _year(year: int, uploader: object) -> SurveyYear:
    raw = (FIXTURES / "design_full.csv").read_bytes()
    return store_survey_year(raw, "design_full.csv", year, uploader)  # type: ignore[arg-type]


@pytest.fixture
def second_analyst(personas: Personas) -> object:
    from tests.personas import make_user
    from tsunagari.staff.roles import Role

    return make_user("cao-analyst-2", ("cao", Role.ANALYST))


def _approve(client: Client, user: object, year: SurveyYear) -> int:
    client.force_login(user)  # type: ignore[arg-type]
    response = client.post(f"/staff/platform/surveys/{year.pk}/approve/")
    return response.status_code


def test_only_approved_years_are_public(
    client: Client, personas: Personas, second_analyst: object
) -> None:
    first, second = _year(2022, personas.analyst), _year(2023, personas.analyst)
    page = Client().get("/results/")
    assert page.context["years"] == []
    assert "公表が承認された調査結果はまだありません" in page.content.decode()
    assert Client().get("/api/v1/survey-estimates").json() == []

    assert _approve(client, second_analyst, second) == 302
    page = Client().get("/results/")
    assert [y.year for y in page.context["years"]] == [2023]
    rows = Client().get("/api/v1/survey-estimates").json()
    assert {r["year"] for r in rows} == {2023}
    assert {r["breakdown"] for r in rows} == {"", "age_group", "sex"}
    assert all(
        r["ci_low"] <= r["estimate"] <= r["ci_high"] for r in rows if r["estimate"] is not None
    )
    assert first.pk not in SurveyApproval.objects.values_list("survey_year", flat=True)


def test_the_uploader_cannot_approve_their_own_year(client: Client, personas: Personas) -> None:
    year = _year(2023, personas.analyst)
    _approve(client, personas.analyst, year)
    assert not SurveyApproval.objects.exists()


def test_approval_and_withdrawal_are_audited(
    client: Client, personas: Personas, second_analyst: object
) -> None:
    year = _year(2023, personas.analyst)
    _approve(client, second_analyst, year)
    client.post(f"/staff/platform/surveys/{year.pk}/withdraw/")
    assert not SurveyApproval.objects.exists()
    actions = set(AuditEntry.objects.values_list("action", flat=True))
    assert {"platform.surveyapproval.approved", "platform.surveyapproval.withdrawn"} <= actions


def test_only_analysts_may_approve(client: Client, personas: Personas) -> None:
    year = _year(2023, personas.analyst)
    for outsider in (personas.reviewer, personas.npo_editor, personas.visitor):
        client.force_login(outsider)
        assert client.post(f"/staff/platform/surveys/{year.pk}/approve/").status_code == 403
        assert client.get("/staff/platform/surveys/").status_code == 403
    assert not SurveyApproval.objects.exists()


def test_charts_have_a_title_a_description_and_a_table(
    client: Client, personas: Personas, second_analyst: object
) -> None:
    _approve(client, second_analyst, _year(2023, personas.analyst))
    text = Client().get("/results/").content.decode()
    assert text.count('role="img"') >= 4 and "<title id=" in text and "<desc id=" in text
    assert "95%信頼区間" in text and "<caption>" in text
    assert "<script" not in text.split("<main", 1)[1]


def test_a_bad_filter_is_a_422_naming_it(client: Client) -> None:
    response = client.get("/api/v1/survey-estimates", {"indicator": "nope"})
    assert response.status_code == 422
    assert "indicator" in response.content.decode()
