"""/api/v1 for the platform: documented in the OpenAPI document, public records only."""

from __future__ import annotations

import pytest
from django.test import Client

from tests.personas import Personas
from tests.platform.helpers import CASE_FORM, decide, national, post
from tsunagari.platform.models import Case

pytestmark = pytest.mark.django_db

PATHS = [
    "/api/v1/platforms",
    "/api/v1/platforms/{slug}",
    "/api/v1/coverage",
    "/api/v1/practices",
    "/api/v1/practices/{case_id}",
    "/api/v1/events",
    "/api/v1/training",
    "/api/v1/news",
    "/api/v1/indicators",
    "/api/v1/survey-estimates",
]


def test_openapi_documents_every_platform_endpoint(client: Client) -> None:
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert set(PATHS) <= set(paths)


def test_practices_are_searched_in_japanese_and_only_published(
    client: Client, personas: Personas
) -> None:
    post(client, personas.npo_editor, "/staff/platform/case/new/", CASE_FORM)
    case = Case.objects.get()
    assert Client().get("/api/v1/practices", {"q": "見守り"}).json()["count"] == 0
    assert Client().get(f"/api/v1/practices/{case.pk}").status_code == 404
    decide(client, personas.reviewer, "case", case.pk)
    answer = Client().get("/api/v1/practices", {"q": "みまもり"}).json()
    assert answer["count"] == 1
    assert answer["cases"][0]["lessons"].startswith("若い世代")
    assert "akari-editor" not in str(answer)  # no staff names in public answers


def test_a_bad_filter_is_a_422_naming_it(client: Client) -> None:
    response = client.get("/api/v1/practices", {"prefecture": "48"})
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["query", "prefecture"]


def test_the_national_platform_is_listed_without_members(client: Client) -> None:
    national()
    [platform] = client.get("/api/v1/platforms").json()
    assert platform["slug"] == "national" and platform["members"] == []
    assert client.get("/api/v1/platforms/nowhere").status_code == 404
