"""The lines by language: /languages/ and /languages/<code>/ (issue 18)."""

from __future__ import annotations

import pytest
from django.test import Client

from tests.factories import create_service

pytestmark = pytest.mark.django_db


def lines() -> None:
    create_service(
        "vietnamese-line",
        name="多言語の電話",
        languages=["en", "vi"],
        phones=("0570-000-000",),
        hours=(("MO,TU,WE,TH,FR", "09:00", "17:00"),),
    )
    create_service("japanese-line", name="日本語だけの電話", languages=["ja"])
    create_service("unknown-line", name="言葉のわからない窓口", languages=[])


def test_the_index_lists_only_languages_some_line_answers_in(client: Client) -> None:
    lines()
    page = client.get("/languages/").content.decode()
    assert 'href="/languages/vi/"' in page and 'href="/languages/en/"' in page
    assert 'href="/languages/th/"' not in page
    assert "日本語だけで答える" in page


def test_a_language_page_lists_the_lines_answering_in_it_with_japan_time(
    client: Client,
) -> None:
    lines()
    response = client.get("/languages/vi/")
    page = response.content.decode()
    assert response.status_code == 200
    assert "多言語の電話" in page and 'href="tel:0570000000"' in page
    assert "日本語だけの電話" not in page and "言葉のわからない窓口" not in page
    assert "いまの日本時間" in page and "受付時間（日本時間）" in page
    assert "9:00" in page
    assert "ここにない窓口は、日本語だけで答えます" in page


def test_a_language_page_reads_in_the_page_language(client: Client) -> None:
    lines()
    page = client.get("/en/languages/vi/").content.decode()
    assert "Services that answer in Vietnamese" in page
    assert "The time in Japan now" in page


def test_an_unknown_language_or_japanese_has_no_page(client: Client) -> None:
    assert client.get("/languages/xx/").status_code == 404
    assert client.get("/languages/ja/").status_code == 404


def test_cards_say_which_languages_besides_japanese_a_line_answers_in(client: Client) -> None:
    lines()
    page = client.get("/needs/loneliness/").content.decode()
    assert "日本語以外の言葉: 英語・ベトナム語" in page


def test_the_home_page_links_the_language_pages(client: Client) -> None:
    assert 'href="/languages/"' in client.get("/").content.decode()


def test_the_crisis_panel_links_the_lines_in_the_page_language_off_japanese(
    client: Client,
) -> None:
    assert 'href="/en/languages/en/"' in client.get("/en/").content.decode()
    assert "/languages/ja/" not in client.get("/").content.decode()
