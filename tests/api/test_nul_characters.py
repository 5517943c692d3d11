"""A NUL character in a parameter looked up in the database is a 422 naming it.

PostgreSQL refuses a NUL in any string: these answered 500 there (found by schemathesis).
"""

from __future__ import annotations

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("path", "params", "loc"),
    [
        ("/api/v1/services/a%00b", {}, ["path", "service_id"]),
        ("/api/v1/measures", {"plan": "2024\x00"}, ["query", "plan"]),
        ("/api/v1/measures", {"ministry": "\x00"}, ["query", "ministry"]),
        ("/api/v1/measures/1", {"plan": "\x00"}, ["query", "plan"]),
        ("/api/hsds/organizations", {"search": "a\x00"}, ["query", "search"]),
        ("/api/hsds/taxonomy_terms", {"search": "\x00"}, ["query", "search"]),
        ("/api/hsds/services", {"search": "\x00"}, ["query", "search"]),
    ],
)
def test_a_nul_character_is_a_422_naming_the_parameter(
    client: Client, path: str, params: dict[str, str], loc: list[str]
) -> None:
    response = client.get(path, params)
    assert response.status_code == 422
    [problem] = response.json()["detail"]
    assert problem["loc"] == loc
    assert "NUL character" in problem["msg"]


def test_the_openapi_document_says_so(client: Client) -> None:
    spec = client.get("/api/v1/openapi.json").json()
    [plan] = [
        p for p in spec["paths"]["/api/v1/measures"]["get"]["parameters"] if p["name"] == "plan"
    ]
    assert plan["schema"]["pattern"] == "^[^\\u0000]*$"
