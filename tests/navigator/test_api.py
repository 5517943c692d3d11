"""/api/v1/navigate, GET and POST: the navigator's JSON, crisis lines first, 422 naming fields."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from tsunagari.navigator.text import MAX_CHARS

pytestmark = pytest.mark.django_db
URL = "/api/v1/navigate"


def get(client: Client, **params: Any) -> Any:
    return client.get(URL, params)


def test_it_answers_with_needs_and_explained_results(client: Client, directory: None) -> None:
    response = get(client, text="夫が怒ると物を投げてくる")
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    body = response.json()
    assert body["crisis"] is False
    assert body["needs"][0]["code"] == "dv"
    first = body["results"][0]
    assert "dv" in first["needs"]
    assert first["why"] and first["phones"][0]["tel"].startswith("tel:")


def test_a_crisis_puts_the_crisis_lines_first(client: Client, directory: None) -> None:
    body = get(client, text="消えてしまいたいと毎晩思う").json()
    assert body["crisis"] is True and body["message"]
    assert body["results"][0]["crisis_line"] is True


def test_english_is_answered_in_english(client: Client, directory: None) -> None:
    body = get(client, text="I want to die", lang="en").json()
    assert body["language"] == "en"
    assert body["message"].startswith("Thank you")


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"method": "fax"}, "method"),
        ({"place": "どこでもない"}, "place"),
        ({"limit": 0}, "limit"),
        ({"limit": 999}, "limit"),
        ({"lang": "fr"}, "lang"),
    ],
)
def test_bad_parameters_get_422_naming_the_field(
    client: Client, params: dict[str, Any], field: str
) -> None:
    response = get(client, text="いじめ", **params)
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"][-1] == field


def test_huge_binary_and_script_text_get_a_clear_answer(client: Client, directory: None) -> None:
    body = get(client, text="<script>alert(1)</script>\x01" + "いじめ" * MAX_CHARS).json()
    assert body["error"] is None
    assert len(body["notices"]) == 3
    assert "bullying" in [n["code"] for n in body["needs"]]


def test_an_empty_text_gets_a_question(client: Client, directory: None) -> None:
    body = get(client).json()
    assert body["follow_up"]["id"] == "topic"


def test_the_place_and_methods_narrow_the_answer(client: Client, directory: None) -> None:
    body = get(client, text="いじめ", place="160-0023", method=["sns"]).json()
    assert "sns" in body["results"][0]["methods"]


def test_it_is_in_the_openapi_schema(client: Client) -> None:
    schema = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/navigate" in schema["paths"]


def test_a_message_too_long_for_a_url_is_posted(client: Client, directory: None) -> None:
    text = "夫が怒ると物を投げてくる。" * 150  # 1,950 characters: some 17 KB as a URL
    body = client.post(URL, {"text": text, "place": "13"}, content_type="application/json")
    assert body.status_code == 200
    assert "dv" in [n["code"] for n in body.json()["needs"]]
    assert body["Cache-Control"] == "no-store"


@pytest.mark.parametrize(
    ("payload", "loc"),
    [
        ({"text": "いじめ", "method": ["pigeon"]}, ["body", "method"]),
        ({"text": "いじめ", "place": "nowhere at all"}, ["body", "place"]),
        ({"text": 5}, ["body", "params", "text"]),
    ],
)
def test_a_bad_posted_field_is_named(
    client: Client, payload: dict[str, Any], loc: list[str]
) -> None:
    response = client.post(URL, payload, content_type="application/json")
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == loc


def test_a_crisis_posted_puts_the_crisis_lines_first(client: Client, directory: None) -> None:
    body = client.post(URL, {"text": "もう死にたい"}, content_type="application/json").json()
    assert body["crisis"] is True
    assert body["results"][0]["crisis_line"] is True


def test_every_answer_carries_the_urgency_grade_with_reasons(
    client: Client, directory: None
) -> None:
    quiet = get(client, text="近所に気軽に集まれる場所はありますか").json()
    assert quiet["urgency"]["level"] <= 1 and quiet["crisis"] is False
    urgent = client.post(
        URL,
        {"text": "今夜、薬を全部飲んで終わりにします。今までありがとう"},
        content_type="application/json",
    ).json()
    assert urgent["urgency"]["level"] == 5 and urgent["crisis"] is True
    reason = urgent["urgency"]["reasons"][0]
    assert reason.keys() == {"code", "level", "ja", "en"} and reason["ja"] and reason["en"]
    assert urgent["results"][0]["crisis_line"] is True


def test_the_urgency_schema_is_documented(client: Client) -> None:
    schema = client.get("/api/v1/openapi.json").json()["components"]["schemas"]
    assert {"level", "reasons"} <= schema["UrgencyOut"]["properties"].keys()
    assert {"code", "level", "ja", "en"} <= schema["UrgencyReasonOut"]["properties"].keys()
