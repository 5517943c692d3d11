"""Browsing by need and by life stage."""

from __future__ import annotations

import pytest
from django.test import Client

from tests.factories import create_service

pytestmark = pytest.mark.django_db


def test_a_need_page_lists_the_services_with_that_need(client: Client) -> None:
    create_service(
        "bullying-line", name="いじめの電話", needs=("bullying",), phones=("0120-111-222",)
    )
    create_service("housing-line", name="住まいの窓口", needs=("housing",))
    response = client.get("/needs/bullying/")
    page = response.content.decode()
    assert response.status_code == 200
    assert "<h1>いじめ</h1>" in page
    assert 'href="/services/bullying-line/"' in page
    assert 'href="tel:0120111222"' in page
    assert "住まいの窓口" not in page
    assert 'href="/search/?need=bullying"' in page


def test_a_need_page_puts_crisis_lines_and_national_lines_first(client: Client) -> None:
    create_service("a-local", needs=("poverty",), scope="local-kind", local_finder="市役所へ")
    create_service("b-national", needs=("poverty",))
    create_service("c-crisis", needs=("poverty",), crisis_line=True, phones=("0120-279-338",))
    page = client.get("/needs/poverty/").content.decode()
    order = [page.index(f"/services/{slug}/") for slug in ("c-crisis", "b-national", "a-local")]
    assert order == sorted(order)
    assert "お住まいの地域の窓口" in page


def test_an_ended_service_is_not_listed(client: Client) -> None:
    create_service("ended", needs=("housing",), status="defunct")
    assert "/services/ended/" not in client.get("/needs/housing/").content.decode()


def test_a_need_page_in_english(client: Client) -> None:
    create_service("line", needs=("housing",), name_en="Housing help")
    page = client.get("/en/needs/housing/").content.decode()
    assert "<h1>Housing</h1>" in page
    assert "Housing help" in page


def test_an_unknown_need_is_a_404(client: Client) -> None:
    assert client.get("/needs/no-such-need/").status_code == 404


def test_a_need_page_with_nothing_yet_offers_other_ways(client: Client) -> None:
    page = client.get("/needs/disaster/").content.decode()
    assert "合う窓口が見つかりませんでした" in page
    assert 'href="/navigator/"' in page


def test_a_need_page_is_paginated(client: Client) -> None:
    for i in range(23):
        create_service(f"line-{i:02d}", needs=("loneliness",))
    first = client.get("/needs/loneliness/").content.decode()
    second = client.get("/needs/loneliness/?page=2").content.decode()
    assert "23件の窓口" in first
    assert 'href="?page=2"' in first
    assert "/services/line-22/" in second and "/services/line-22/" not in first


def test_a_life_stage_lists_its_needs_and_fitting_services(client: Client) -> None:
    create_service("elder-line", name="高齢者の電話", needs=("elderly",), audiences=("elderly",))
    create_service("kids-line", name="こどもの電話", needs=("bullying",), audiences=("child",))
    page = client.get("/life-stages/older-age/").content.decode()
    assert "<h1>高齢期・介護</h1>" in page
    assert 'href="/needs/dementia/"' in page and 'href="/needs/caregiver/"' in page
    assert "高齢者の電話" in page
    assert "こどもの電話" not in page


def test_an_unknown_life_stage_is_a_404(client: Client) -> None:
    assert client.get("/life-stages/no-such-stage/").status_code == 404


def test_the_childrens_page_starts_from_four_worries_in_plain_words(client: Client) -> None:
    page = client.get("/kids/").content.decode()
    for worry in ("がっこうの こと", "いえの こと", "ともだちの こと", "じぶんの こと"):
        assert worry in page
    assert "/search/?need=bullying&amp;audience=child&amp;kids=1" in page


def test_a_need_page_in_childrens_mode_keeps_it_on_its_cards(client: Client) -> None:
    create_service("kids-line", name="こどもの電話", needs=("bullying",), audiences=("child",))
    page = client.get("/needs/bullying/", {"kids": "1"}).content.decode()
    assert 'href="/services/kids-line/?kids=1"' in page
