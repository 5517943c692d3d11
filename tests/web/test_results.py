"""The results page: a plain GET form, cards, filters, pagination, empty state, privacy."""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path
from unittest import mock

import pytest
from django.conf import settings
from django.test import Client

from tests.factories import create_service
from tsunagari.directory.importer import import_path

pytestmark = pytest.mark.django_db


@pytest.fixture
def lines() -> None:
    create_service(
        "ijime-line",
        name="いじめ相談電話",
        description="いじめの悩みを聞く電話です。",
        needs=("bullying",),
        audiences=("child",),
        keywords=["いじめ"],
        phones=("0120-111-222",),
        hours=(("MO,TU,WE,TH,FR", "09:00", "17:00"),),
        holidays="closed",
    )
    create_service(
        "tokyo-housing",
        name="東京の住まい相談",
        description="住まいに困っている人の相談窓口です。",
        needs=("housing",),
        methods=("in-person",),
        areas=(("prefecture", "13"),),
    )
    create_service(
        "osaka-housing",
        name="大阪の住まい相談",
        description="住まいに困っている人の相談窓口です。",
        needs=("housing",),
        areas=(("prefecture", "27"),),
    )


def test_a_query_shows_cards_with_call_links_and_why_they_matched(
    client: Client, lines: None, tuesday_noon: dt.datetime
) -> None:
    response = client.get("/search/", {"q": "いじめ"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "「いじめ」の検索結果" in page
    assert 'href="/services/ijime-line/"' in page
    assert 'href="tel:0120111222"' in page
    assert '<span class="badge badge--open">受付中</span>' in page
    assert "一致した言葉: <mark>いじめ</mark>" in page
    assert "住まい" not in page.split('<ul class="cards"')[1]


def test_katakana_finds_the_same_line(client: Client, lines: None) -> None:
    assert 'href="/services/ijime-line/"' in client.get("/search/?q=イジメ").content.decode()


def test_the_need_filter_narrows_the_list(client: Client, lines: None) -> None:
    page = client.get("/search/", {"need": "housing"}).content.decode()
    assert "/services/tokyo-housing/" in page and "/services/osaka-housing/" in page
    assert "/services/ijime-line/" not in page
    assert '<option value="housing" selected>' in page


def test_an_area_by_postcode_keeps_the_services_of_that_prefecture(
    client: Client, lines: None
) -> None:
    page = client.get("/search/", {"need": "housing", "area": "160-0023"}).content.decode()
    assert "/services/tokyo-housing/" in page
    assert "/services/osaka-housing/" not in page


def test_a_large_offices_own_postcode_finds_its_municipality(client: Client) -> None:
    response = client.get("/search/", {"need": "housing", "area": "100-8914"})  # 内閣府
    assert response.status_code == 200
    assert "「100-8914」という地域が見つかりません" not in response.content.decode()


def test_an_unknown_postcode_is_reported_not_a_crash(client: Client) -> None:
    response = client.get("/search/", {"need": "housing", "area": "999-9999"})
    assert response.status_code == 200
    assert "「999-9999」という地域が見つかりません" in response.content.decode()


def test_an_area_by_municipality_name(client: Client, lines: None) -> None:
    page = client.get("/search/", {"need": "housing", "area": "新宿区"}).content.decode()
    assert "/services/tokyo-housing/" in page and "/services/osaka-housing/" not in page


def test_an_area_by_prefecture_name(client: Client, lines: None) -> None:
    page = client.get("/search/", {"need": "housing", "area": "大阪"}).content.decode()
    assert "/services/osaka-housing/" in page and "/services/tokyo-housing/" not in page


def test_an_unknown_area_is_explained_and_the_rest_still_searched(
    client: Client, lines: None
) -> None:
    page = client.get("/search/", {"q": "いじめ", "area": "どこでもない町"}).content.decode()
    assert "「どこでもない町」という地域が見つかりません" in page
    assert "/services/ijime-line/" in page


def test_open_now_leaves_out_closed_and_unknown_hours(
    client: Client, lines: None, tuesday_night: dt.datetime
) -> None:
    page = client.get("/search/", {"q": "いじめ", "open_now": "1"}).content.decode()
    assert "/services/ijime-line/" not in page
    assert "合う窓口が見つかりませんでした" in page


def test_a_closed_line_shows_closed_and_when_it_opens(
    client: Client, lines: None, tuesday_night: dt.datetime
) -> None:
    page = client.get("/search/", {"q": "いじめ"}).content.decode()
    assert '<span class="badge badge--closed">受付時間外</span>' in page
    assert "次の受付: 明日 9:00" in page


def test_unknown_hours_show_as_unknown(client: Client, lines: None) -> None:
    page = client.get("/search/", {"need": "housing"}).content.decode()
    assert '<span class="badge badge--unknown">受付時間は要確認</span>' in page


def test_a_stale_entry_carries_a_warning(client: Client, tuesday_noon: dt.datetime) -> None:
    create_service("old", needs=("housing",), verified_on=dt.date(2024, 1, 1))
    page = client.get("/search/", {"need": "housing"}).content.decode()
    assert "この情報はしばらく確認されていません" in page


def test_results_are_paginated_and_keep_the_filters(client: Client) -> None:
    for i in range(25):
        create_service(f"line-{i:02d}", needs=("community",))
    first = client.get("/search/", {"need": "community"}).content.decode()
    assert "25件のうち 1〜20件目" in first
    assert 'href="?need=community&amp;page=2" rel="next"' in first
    second = client.get("/search/", {"need": "community", "page": "2"}).content.decode()
    assert "25件のうち 21〜25件目" in second
    assert 'rel="prev"' in second and 'rel="next"' not in second


def test_nothing_found_suggests_the_navigator_and_the_crisis_lines(client: Client) -> None:
    page = client.get("/search/", {"q": "まったく関係のない言葉ぞぞぞ"}).content.decode()
    assert "合う窓口が見つかりませんでした" in page
    assert 'href="/navigator/"' in page and 'href="/crisis/"' in page


def test_an_empty_form_asks_for_words_or_a_filter(client: Client) -> None:
    page = client.get("/search/", {"q": ""}).content.decode()
    assert "言葉を入力するか、条件を選んでください。" in page
    assert '<ul class="cards"' not in page


def test_an_oversized_query_is_refused_with_a_message(client: Client) -> None:
    response = client.get("/search/", {"q": "あ" * 201})
    assert response.status_code == 200
    assert "200" in response.content.decode().split('class="field-error"')[1][:200]


def test_a_bad_filter_value_is_reported_not_a_crash(client: Client, lines: None) -> None:
    response = client.get("/search/", {"need": "no-such-need", "page": "abc"})
    assert response.status_code == 200
    assert 'class="field-error"' in response.content.decode()


def test_a_crisis_need_puts_the_crisis_lines_first(client: Client) -> None:
    page = client.get("/search/", {"need": "crisis"}).content.decode()
    assert "crisis--prominent" in page
    assert "ひとりで抱えこまないでください" in page


@pytest.mark.parametrize(
    "query", ["死にたい", "しにたい", "消えてしまいたい", "I want to kill myself"]
)
def test_a_query_that_reads_as_a_crisis_puts_the_crisis_lines_first(
    client: Client, query: str
) -> None:
    crisis = client.get("/search/", {"q": query}).content.decode()
    assert crisis.index("crisis--prominent") < crisis.index('<main id="main"')


@pytest.mark.parametrize("query", ["住まい", "死ぬほど笑った"])
def test_an_ordinary_query_keeps_the_compact_crisis_block(client: Client, query: str) -> None:
    assert "crisis--prominent" not in client.get("/search/", {"q": query}).content.decode()


def test_a_failing_crisis_detector_still_puts_the_lines_first(
    client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("tsunagari.navigator.crisis.load_rules", mock.Mock(side_effect=OSError))
    page = client.get("/search/", {"q": "住まい"}).content.decode()
    assert "crisis--prominent" in page


def test_the_query_text_is_never_logged(
    client: Client, lines: None, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.DEBUG):
        client.get("/search/", {"q": "ひみつの悩みごと", "area": "ひみつの町"})
    assert "ひみつ" not in caplog.text


def test_the_results_page_sets_no_cookie_and_posts_nothing(client: Client, lines: None) -> None:
    response = client.get("/search/", {"q": "いじめ"})
    assert response.cookies == {}
    page = response.content.decode()
    assert 'method="post"' not in page and "csrfmiddlewaretoken" not in page


def test_the_print_view_is_offered_and_dated(client: Client, lines: None) -> None:
    page = client.get("/search/", {"q": "いじめ"}).content.decode()
    assert "data-print hidden" in page
    assert "print.js" in page
    assert "時点の情報です" in page


def test_english_results(client: Client, lines: None) -> None:
    page = client.get("/en/search/", {"q": "いじめ"}).content.decode()
    assert "Results for “いじめ”" in page
    assert "Matched words:" in page


def test_searching_ijime_in_the_curated_directory_shows_the_childrens_sos_dial(
    client: Client,
) -> None:
    import_path(Path(settings.DATA_DIR) / "directory")
    page = client.get("/search/", {"q": "いじめ"}).content.decode()
    cards = page.split('<ul class="cards"')[1]
    assert 'href="/services/kodomo-sos-dial/"' in cards
    assert 'href="tel:0120078310"' in cards
