"""GET /api/v1/services: search with filters, paginated, explained; bad input → 422."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from tests.factories import create_service

pytestmark = pytest.mark.django_db
URL = "/api/v1/services"


def get(client: Client, **params: Any) -> Any:
    return client.get(URL, params)


@pytest.fixture
def lines(db: None) -> None:
    create_service(
        "kodomo",
        name="こども電話",
        name_en="Children's line",
        description="いじめの相談",
        needs=("bullying",),
        audiences=("child",),
        phones=("#8891", "0120-0-78310"),
        hours=(("MO,TU,WE,TH,FR,SA,SU", "00:00", "24:00"),),
        holidays="open",
        crisis_line=True,
        languages=["ja", "en"],
    )
    create_service(
        "tokyo-chat",
        name="東京チャット",
        description="いじめや悩みのチャット相談",
        needs=("bullying", "loneliness"),
        methods=("sns",),
        areas=(("prefecture", "13"),),
    )
    create_service("osaka", description="大阪の相談", areas=(("prefecture", "27"),))


def test_a_query_returns_explained_results_with_what_a_person_needs(
    client: Client, lines: None
) -> None:
    response = get(client, q="イジメ")
    assert response.status_code == 200
    body = response.json()
    assert body["total"] == 2
    assert body["query_terms"] == ["苛め"]
    assert "bullying" in body["expanded"]["苛め"]
    first = body["results"][0]
    assert first["slug"] == "kodomo"
    assert first["name"] == {"ja": "こども電話", "en": "Children's line"}
    assert first["needs"] == ["bullying"] and first["audiences"] == ["child"]
    assert [p["tel"] for p in first["phones"]] == ["tel:%238891", "tel:0120078310"]
    assert first["open_now"] is True
    assert first["crisis_line"] is True
    assert first["why"] == ["イジメ"] and "description" in first["matched_in"]
    assert first["verified_on"] == "2026-11-01"
    assert first["source_url"] == "https://example.org/source"
    assert first["stale"] is False
    assert {r["open_now"] for r in body["results"][1:]} == {None}  # hours unknown


def test_the_answer_has_the_documented_shape(client: Client, lines: None) -> None:
    from tsunagari.api.services import ServicePage

    for params in ({"q": "いじめ"}, {}, {"open_now": "true", "area": "13"}):
        body = get(client, **params).json()
        assert ServicePage.model_validate(body).model_dump(mode="json") == body


def test_filters_narrow_the_results(client: Client, lines: None) -> None:
    def found(**params: Any) -> set[str]:
        return {r["slug"] for r in get(client, **params).json()["results"]}

    assert found(need="loneliness") == {"tokyo-chat", "osaka"}
    assert found(need=["bullying", "loneliness"], method="sns") == {"tokyo-chat"}
    assert found(area="1600023") == {"kodomo", "tokyo-chat"}
    assert found(area="27") == {"kodomo", "osaka"}
    assert found(area="大阪府") == {"kodomo", "osaka"}
    assert found(open_now="true") == {"kodomo"}
    assert found(language="en") == {"kodomo"}


def test_results_are_paginated_with_a_total(client: Client, lines: None) -> None:
    first = get(client, limit=2).json()
    second = get(client, limit=2, offset=2).json()
    assert first["total"] == second["total"] == 3
    assert (len(first["results"]), len(second["results"])) == (2, 1)
    assert (second["limit"], second["offset"]) == (2, 2)
    slugs = {r["slug"] for r in first["results"] + second["results"]}
    assert slugs == {"kodomo", "tokyo-chat", "osaka"}


@pytest.mark.parametrize(
    ("params", "field", "words"),
    [
        ({"need": "no-such-need"}, "need", "unknown need code"),
        ({"audience": "martians"}, "audience", "unknown audience code"),
        ({"method": "pigeon"}, "method", "unknown method code"),
        ({"language": "japanese"}, "language", "ISO 639-1"),
        ({"area": "9999999"}, "area", "unknown area"),
        ({"limit": 1000}, "limit", "less than or equal to 100"),
        ({"limit": 0}, "limit", "greater than or equal to 1"),
        ({"offset": -1}, "offset", "greater than or equal to 0"),
        ({"q": "あ" * 201}, "q", "at most 200 characters"),
        ({"open_now": "perhaps"}, "open_now", "valid boolean"),
    ],
)
def test_bad_parameters_are_refused_naming_the_field(
    client: Client, lines: None, params: dict[str, Any], field: str, words: str
) -> None:
    response = get(client, **params)
    assert response.status_code == 422
    (error,) = response.json()["detail"]
    assert error["loc"][-1] == field
    assert words in error["msg"]


def test_an_empty_query_lists_crisis_lines_first(client: Client, lines: None) -> None:
    body = get(client).json()
    assert body["query_terms"] == []
    assert body["results"][0]["slug"] == "kodomo"
    assert body["results"][0]["why"] == []


def test_a_page_of_results_needs_no_database_query(
    client: Client, lines: None, django_assert_num_queries: Any
) -> None:
    get(client, q="いじめ")  # builds the index
    with django_assert_num_queries(0):
        response = get(client, q="いじめ", area="13", open_now="true")
    assert response.status_code == 200


def test_the_language_filter_gives_only_lines_that_answer_in_it(client: Client) -> None:
    create_service("vi-line", name="多言語", languages=["en", "vi"], needs=("foreign-residents",))
    create_service("ja-line", name="日本語", languages=["ja"], needs=("foreign-residents",))
    create_service("unknown-line", name="不明", languages=[], needs=("foreign-residents",))
    body = get(client, language="vi").json()
    assert [r["slug"] for r in body["results"]] == ["vi-line"]
    assert get(client, language="vietnamese").status_code == 422
