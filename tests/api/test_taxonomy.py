"""GET /api/v1/taxonomy and the OpenAPI document."""

from __future__ import annotations

from django.test import Client

from tsunagari.directory.taxonomy import load_taxonomy


def test_the_taxonomy_lists_every_code_with_both_labels(client: Client) -> None:
    body = client.get("/api/v1/taxonomy").json()
    assert set(body) == {"needs", "audiences", "methods"}
    assert [t["code"] for t in body["needs"]] == list(load_taxonomy().needs)
    assert {"code": "bullying", "ja": "いじめ", "en": "Bullying"} in body["needs"]


def test_openapi_documents_the_search_parameters(client: Client) -> None:
    spec = client.get("/api/v1/openapi.json").json()
    operation = spec["paths"]["/api/v1/services"]["get"]
    names = {p["name"] for p in operation["parameters"]}
    assert {"q", "need", "audience", "method", "language", "area", "open_now"} <= names
    assert {"limit", "offset"} <= names
    assert "/api/v1/services/{service_id}" in spec["paths"]
    assert "/api/v1/taxonomy" in spec["paths"]
