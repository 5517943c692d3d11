"""What the results page keeps between visitors: a card's face (by the stored card's bytes,
language and mode) and its status (for the minute). An edit or a withdrawal shows at once,
and nothing kept depends on what anyone typed."""

from __future__ import annotations

import datetime as dt
from unittest import mock

import pytest
from django.test import Client
from pytest_django import DjangoAssertNumQueries

from tests.factories import create_service
from tsunagari.directory.hours import TOKYO
from tsunagari.directory.models import Phone, Service

pytestmark = pytest.mark.django_db


def _cards(client: Client, query: str, path: str = "/search/", **more: str) -> str:
    page = client.get(path, {"q": query, **more}).content.decode()
    return page.split('<ul class="cards"')[1] if '<ul class="cards"' in page else ""


def test_an_edited_service_shows_its_new_name_number_and_notice_at_once(client: Client) -> None:
    service = create_service(
        "line", name="ふくろう相談室", keywords=["ふくろう"], phones=("0120-111-222",)
    )
    assert "ふくろう相談室" in _cards(client, "ふくろう")
    service.name = "ふくろう電話相談"
    service.alert = "番号が変わりました。"
    service.save()
    Phone.objects.filter(service=service).update(number="0120-333-444")
    service.save()  # as the admin saves a service with its phones
    cards = _cards(client, "ふくろう")
    assert "ふくろう電話相談" in cards and "ふくろう相談室" not in cards
    assert "番号が変わりました。" in cards
    assert 'href="tel:0120333444"' in cards and "0120111222" not in cards


def test_a_withdrawn_or_deleted_service_leaves_the_results_at_once(client: Client) -> None:
    ended = create_service("ended", name="つばめ相談", keywords=["つばめ"])
    gone = create_service("gone", name="つばめ電話", keywords=["つばめ"])
    create_service("stays", name="つばめの家", keywords=["つばめ"])
    assert all(name in _cards(client, "つばめ") for name in ("つばめ相談", "つばめ電話"))
    ended.status = Service.Status.DEFUNCT
    ended.save()
    gone.delete()
    cards = _cards(client, "つばめ")
    assert "つばめ相談" not in cards and "つばめ電話" not in cards
    assert "つばめの家" in cards


def test_an_organisation_renamed_shows_on_its_cards_at_once(client: Client) -> None:
    service = create_service("line", keywords=["かもめ"])
    assert "運営: テスト" in _cards(client, "かもめ")
    service.organization.name = "かもめ協会"
    service.organization.save()
    assert "運営: かもめ協会" in _cards(client, "かもめ")


def test_the_same_card_is_drawn_for_each_language_and_mode(client: Client) -> None:
    create_service(
        "line",
        name="電話相談",
        name_en="Phone line",
        audiences=("child",),
        keywords=["ひばり", "hibari"],
    )
    japanese = _cards(client, "ひばり")
    english = _cards(client, "hibari", path="/en/search/")
    kids = _cards(client, "ひばり", kids="1")
    assert 'href="/services/line/">電話相談</a>' in japanese and "運営:" in japanese
    assert 'href="/en/services/line/">Phone line</a>' in english and "Run by" in english
    assert 'href="/services/line/?kids=1"><ruby>電話<rt>でんわ</rt></ruby>' in kids
    assert "運営:" not in kids
    assert 'href="/services/line/">電話相談</a>' in _cards(client, "ひばり")  # and back


def test_a_cards_status_follows_the_minute(client: Client) -> None:
    create_service("line", keywords=["すずめ"], hours=(("MO,TU,WE,TH,FR", "09:00", "17:00"),))
    before = dt.datetime(2026, 11, 24, 8, 59, 59, tzinfo=TOKYO)  # a Tuesday
    with mock.patch("django.utils.timezone.now", return_value=before):
        closed = _cards(client, "すずめ")
    with mock.patch("django.utils.timezone.now", return_value=before + dt.timedelta(seconds=1)):
        opened = _cards(client, "すずめ")
    assert "受付時間外" in closed and "次の受付: 今日 9:00" in closed
    assert '<span class="badge badge--open">受付中</span>' in opened


def test_the_words_matched_are_drawn_for_each_search(client: Client) -> None:
    create_service("line", name="うぐいす相談", keywords=["うぐいす", "めじろ"])
    assert "<mark>うぐいす</mark>" in _cards(client, "うぐいす")
    cards = _cards(client, "めじろ")
    assert "<mark>めじろ</mark>" in cards and "<mark>うぐいす</mark>" not in cards


def test_the_results_page_reads_no_database_row(
    client: Client,
    monkeypatch: pytest.MonkeyPatch,
    django_assert_num_queries: DjangoAssertNumQueries,
) -> None:
    monkeypatch.setattr("tsunagari.directory.crisis_lines.REFRESH_SECONDS", 60.0)
    create_service("line", keywords=["ひよこ"], phones=("0120-111-222",))
    create_service("crisis", crisis_line=True, phones=("0120-555-666",), keywords=["ひよこ"])
    client.get("/search/", {"q": "ひよこ"})  # the index is brought up to date, lines read
    with django_assert_num_queries(0):
        page = client.get("/search/", {"q": "ひよこ"}).content.decode()
    assert 'href="tel:0120111222"' in page and 'href="tel:0120555666"' in page
