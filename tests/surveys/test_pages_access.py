"""Three personas on every staff page: visitor, user without the permission, survey staff."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.test import Client

from tests.personas import Personas
from tests.surveys.factories import FIXTURES
from tsunagari.surveys.models import SurveyYear
from tsunagari.surveys.services import store_survey_year


def pages(pk: int) -> list[str]:
    return [
        "/staff/surveys/",
        f"/staff/surveys/{pk}/",
        f"/staff/surveys/{pk}/estimates.csv",
        f"/staff/surveys/{pk}/estimates.json",
        f"/staff/surveys/{pk}/charts/ucla3_mean/sex.png",
        f"/staff/surveys/{pk}/delete/",
        "/staff/surveys/trends/survey/",
        "/staff/surveys/trends/survey/trend.csv",
        "/staff/surveys/trends/survey/ucla3_high.svg",
        "/staff/surveys/evaluate/",
        "/staff/surveys/evaluate/demo/",
    ]


@pytest.fixture
def two_years(analyst: User) -> list[SurveyYear]:
    raw = (FIXTURES / "design_full.csv").read_bytes()
    return [store_survey_year(raw, "design_full.csv", year, analyst) for year in (2022, 2023)]


def test_a_visitor_is_sent_to_the_staff_login(client: Client, two_years: list[SurveyYear]) -> None:
    for url in pages(two_years[0].pk):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith("/staff/login/?next="), url


@pytest.mark.parametrize("who", ["visitor", "editor", "reviewer", "municipal", "counsellor"])
def test_a_signed_in_user_without_the_permission_is_refused(
    client: Client, two_years: list[SurveyYear], personas: Personas, who: str
) -> None:
    client.force_login(getattr(personas, who))
    for url in pages(two_years[0].pk):
        assert client.get(url).status_code == 403, url
    response = client.post("/staff/surveys/upload/", {})
    assert response.status_code == 403
    assert client.post(f"/staff/surveys/{two_years[0].pk}/delete/").status_code == 403
    assert SurveyYear.objects.count() == 2


def test_survey_staff_see_every_page(
    client: Client, analyst: User, two_years: list[SurveyYear]
) -> None:
    client.force_login(analyst)
    for url in pages(two_years[0].pk):
        assert client.get(url).status_code == 200, url


def test_an_npo_editor_may_evaluate_a_programme_but_not_see_or_change_survey_years(
    client: Client, two_years: list[SurveyYear], personas: Personas
) -> None:
    client.force_login(personas.npo_editor)
    assert client.get("/staff/surveys/evaluate/").status_code == 200
    assert client.get("/staff/surveys/evaluate/demo/").status_code == 200
    assert client.get("/staff/surveys/").status_code == 403
    assert client.post("/staff/surveys/upload/", {}).status_code == 403
    assert client.post(f"/staff/surveys/{two_years[0].pk}/delete/").status_code == 403
    assert SurveyYear.objects.count() == 2
