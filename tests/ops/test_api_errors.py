"""Every API error is JSON, whatever raised it; lists are paged; times are ISO 8601 only."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_a_10_mb_post_is_a_json_413(client: Client) -> None:
    body = '{"text": "' + "a" * 10_000_000 + '"}'
    response = client.post("/api/v1/navigate", body, content_type="application/json")
    assert response.status_code == 413
    assert response.json()["detail"].startswith("request body too large")


def test_an_unknown_api_address_is_a_json_404(client: Client) -> None:
    response = client.get("/api/v1/no-such-thing")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json()["request_id"] == response["X-Request-ID"]


def test_a_method_the_api_does_not_take_is_a_json_405_saying_which_it_does(client: Client) -> None:
    response = client.delete("/api/v1/services")
    assert response.status_code == 405
    assert response.json()["detail"] == "Method Not Allowed"
    assert "GET" in response["Allow"]


def test_an_unhandled_error_in_the_api_is_a_json_500(monkeypatch: Any) -> None:
    def broken(*args: Any, **kwargs: Any) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr("tsunagari.api.services.find", broken)
    response = Client(raise_request_exception=False).get("/api/v1/services")
    assert response.status_code == 500
    assert response.json() == {
        "detail": "internal error: it has been logged with this request_id",
        "request_id": response["X-Request-ID"],
    }


@pytest.mark.parametrize("value", ["0.5", "1700000000", "yesterday", "2026-13-01"])
def test_modified_after_is_iso_8601_only(client: Client, value: str) -> None:
    response = client.get("/api/hsds/services", {"modified_after": value})
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["query", "modified_after"]


@pytest.mark.parametrize("value", ["2026-12-01", "2026-12-01T09:00", "2026-12-01T00:00:00Z"])
def test_modified_after_takes_a_date_or_a_time(client: Client, value: str) -> None:
    assert client.get("/api/hsds/services", {"modified_after": value}).status_code == 200


@pytest.mark.usefixtures("bundled")
def test_measures_come_a_page_at_a_time(client: Client) -> None:
    first = client.get("/api/v1/measures").json()
    assert len(first["measures"]) == 50 and first["count"] > 50
    second = client.get("/api/v1/measures", {"offset": 50, "limit": 10}).json()
    assert (second["count"], second["offset"], second["limit"]) == (first["count"], 50, 10)
    assert not {m["no"] for m in second["measures"]} & {m["no"] for m in first["measures"]}
    assert client.get("/api/v1/measures", {"limit": 201}).status_code == 422


def documented_enum(client: Client, path: str, name: str) -> list[str]:
    document = client.get("/api/v1/openapi.json").json()
    (parameter,) = [p for p in document["paths"][path]["get"]["parameters"] if p["name"] == name]
    enum: list[str] = parameter["schema"]["items"]["enum"]
    return enum


@pytest.mark.parametrize(
    ("path", "name"),
    [
        ("/api/v1/services", "need"),
        ("/api/v1/services", "audience"),
        ("/api/v1/services", "method"),
        ("/api/v1/navigate", "method"),
    ],
)
def test_the_openapi_document_lists_exactly_the_codes_accepted(
    client: Client, path: str, name: str
) -> None:
    codes = documented_enum(client, path, name)
    assert codes and "" not in codes
    for code in codes:
        assert client.get(path, {name: code}).status_code == 200, code
    assert client.get(path, {name: ""}).status_code == 422
