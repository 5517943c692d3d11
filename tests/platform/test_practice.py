"""The practice library: cases wait for review, are found by the Japanese search (lemmas,
readings, the thesaurus), filtered by need, audience, area and outcome."""

from __future__ import annotations

import pytest
from django.test import Client

from tests.personas import Personas
from tests.platform.helpers import CASE_FORM, decide, post
from tsunagari.platform.models import Case

pytestmark = pytest.mark.django_db


def _published(client: Client, personas: Personas, **fields: object) -> Case:
    post(client, personas.npo_editor, "/staff/platform/case/new/", {**CASE_FORM, **fields})
    case = Case.objects.latest("pk")
    decide(client, personas.reviewer, "case", case.pk)
    case.refresh_from_db()
    return case


def test_a_case_is_searchable_only_after_review(client: Client, personas: Personas) -> None:
    post(client, personas.npo_editor, "/staff/platform/case/new/", CASE_FORM)
    case = Case.objects.get()
    assert not Client().get("/platform/practice/", {"q": "見守り"}).context["cases"]
    assert Client().get(f"/platform/practice/{case.pk}/").status_code == 404
    decide(client, personas.reviewer, "case", case.pk)
    found = Client().get("/platform/practice/", {"q": "見守り"}).context["cases"]
    assert [c.pk for c in found] == [case.pk]
    page = Client().get(f"/platform/practice/{case.pk}/").content.decode()
    assert "担い手が不足した" in page  # what failed, and why, is shown


@pytest.mark.parametrize(
    "query", ["見守り", "みまもり", "高齢者 電話", "一人暮らし", "ボランティア", "担い手"]
)
def test_japanese_queries_find_the_case(client: Client, personas: Personas, query: str) -> None:
    case = _published(client, personas)
    assert [c.pk for c in Client().get("/platform/practice/", {"q": query}).context["cases"]] == [
        case.pk
    ]


def test_every_word_of_a_query_must_match(client: Client, personas: Personas) -> None:
    _published(client, personas)
    assert Client().get("/platform/practice/", {"q": "見守り 子ども食堂"}).context["cases"] == []


def test_failures_can_be_filtered(client: Client, personas: Personas) -> None:
    _published(client, personas)
    failed = _published(
        client, personas, title="夜間の居場所", outcome="failed", needs=["loneliness"]
    )
    found = Client().get("/platform/practice/", {"outcome": "failed"}).context["cases"]
    assert [c.pk for c in found] == [failed.pk]


def test_an_unknown_filter_is_a_400_naming_it(client: Client) -> None:
    response = client.get("/platform/practice/", {"need": "nonsense"})
    assert response.status_code == 400
    assert "need" in response.content.decode()


def test_a_case_with_a_bad_municipality_code_is_refused(client: Client, personas: Personas) -> None:
    response = post(
        client,
        personas.npo_editor,
        "/staff/platform/case/new/",
        {**CASE_FORM, "municipality_code": "131017"},
    )
    assert response.status_code == 400
    assert Case.objects.count() == 0
