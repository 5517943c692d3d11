"""Every protected view refuses outsiders: anonymous → login, others → 403."""

from __future__ import annotations

import pytest
from django.test import Client

from tests.measures.personas import Personas
from tsunagari.measures.models import Review

pytestmark = pytest.mark.django_db

STAFF_PAGES = [
    "/plan/staff/",
    "/plan/staff/measures/8/",
    "/plan/staff/reviews/",
    "/plan/staff/measures/8/edit/",
]


@pytest.mark.parametrize("url", STAFF_PAGES)
def test_anonymous_visitors_are_sent_to_the_login(client: Client, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/staff/login/?next=")


@pytest.mark.parametrize("url", STAFF_PAGES)
def test_a_logged_in_user_without_a_role_is_refused(
    client: Client, personas: Personas, url: str
) -> None:
    client.force_login(personas.visitor)
    assert client.get(url).status_code == 403


def test_an_editor_of_another_ministry_cannot_edit(client: Client, personas: Personas) -> None:
    client.force_login(personas.other_editor)  # 法務省; measure 8 is 厚生労働省's
    response = client.post("/plan/staff/measures/8/edit/", {"fiscal_year": 2025})
    assert response.status_code == 403
    assert not Review.objects.filter(measure__number=8, fiscal_year=2025).exists()


def test_a_reviewer_cannot_edit_a_measure(client: Client, personas: Personas) -> None:
    client.force_login(personas.reviewer)
    assert client.get("/plan/staff/measures/8/edit/").status_code == 403


def test_an_editor_cannot_decide_a_review(client: Client, personas: Personas) -> None:
    review = Review.objects.get(measure__plan__code="2024", measure__number=8, fiscal_year=2024)
    client.force_login(personas.editor)
    assert client.get("/plan/staff/reviews/").status_code == 403
    assert (
        client.post(f"/plan/staff/reviews/{review.pk}/decide/", {"action": "approve"}).status_code
        == 403
    )


def test_the_decide_endpoint_refuses_anonymous_posts(client: Client) -> None:
    response = client.post("/plan/staff/reviews/1/decide/", {"action": "approve"})
    assert response.status_code == 302


def test_a_missing_measure_is_404_for_staff(client: Client, personas: Personas) -> None:
    client.force_login(personas.editor)
    assert client.get("/plan/staff/measures/999/").status_code == 404
