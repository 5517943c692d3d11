"""The public pages in every language of the site: the switcher keeps the page, staff pages
stay Japanese and English, and directory texts say which language they are in."""

from __future__ import annotations

import re

import pytest
from django.conf import settings
from django.test import Client

from tests.factories import create_service

pytestmark = pytest.mark.django_db

OTHER_LANGUAGES = [code for code, _name in settings.LANGUAGES if code not in ("ja", "en")]


@pytest.fixture(autouse=True)
def _helpline() -> None:
    create_service("helpline", phones=("0120-000-111",), languages=["ja"])


def switcher(page: str) -> list[tuple[str, str, str]]:
    nav = page.split('<nav class="languages"', 1)[1].split("</nav>", 1)[0]
    return re.findall(r'<a href="([^"]*)" lang="([^"]*)" hreflang="([^"]*)"', nav)


@pytest.mark.parametrize("language", OTHER_LANGUAGES)
def test_a_public_page_is_marked_in_its_language(client: Client, language: str) -> None:
    page = client.get(f"/{language}/safety/").content.decode()
    assert f'<html lang="{language}">' in page


def test_the_switcher_offers_the_same_page_and_query_in_every_language(client: Client) -> None:
    page = client.get("/vi/needs/loneliness/?page=1").content.decode()
    links = switcher(page)
    assert [code for _url, code, _hreflang in links] == [code for code, _ in settings.LANGUAGES]
    assert ("/needs/loneliness/?page=1", "ja", "ja") in links
    assert ("/zh-hant/needs/loneliness/?page=1", "zh-hant", "zh-hant") in links
    assert all(code == hreflang for _url, code, hreflang in links)
    assert 'aria-current="page">Tiếng Việt</a>' in page


def test_each_language_is_named_in_its_own_script(client: Client) -> None:
    page = client.get("/en/").content.decode()
    for name in ("日本語", "简体中文", "繁體中文", "한국어", "Tiếng Việt", "नेपाली", "ภาษาไทย"):
        assert f">{name}</a>" in page


def test_the_page_names_its_other_languages_for_search_engines(client: Client) -> None:
    page = client.get("/ko/crisis/").content.decode()
    assert '<link rel="alternate" hreflang="tl" href="/tl/crisis/">' in page
    assert '<link rel="alternate" hreflang="ko"' not in page


def test_a_staff_page_asked_for_in_another_language_is_sent_to_english(client: Client) -> None:
    response = client.get("/vi/staff/login/?next=/staff/")
    assert response.status_code == 302
    assert response["Location"] == "/en/staff/login/?next=/staff/"


def test_a_staff_page_offers_japanese_and_english_only(client: Client) -> None:
    page = client.get("/staff/login/").content.decode()
    assert 'class="languages"' not in page
    assert 'href="/en/staff/login/" lang="en" hreflang="en">English</a>' in page


def test_a_service_page_shows_the_english_marked_as_such_and_the_japanese_name(
    client: Client,
) -> None:
    page = client.get("/vi/services/helpline/").content.decode()
    assert '<h1 id="service-name" lang="en">Test helpline</h1>' in page
    assert '<span lang="ja">テスト相談窓口</span>' in page
    assert '<p lang="en">A phone line that listens.</p>' in page
    assert "được hiển thị bằng tiếng Anh" in page  # said in the reader's language
    assert "Đường dây này chỉ nói tiếng Nhật." in page


def test_a_japanese_page_shows_the_japanese_without_notes(client: Client) -> None:
    page = client.get("/services/helpline/").content.decode()
    assert '<h1 id="service-name">テスト相談窓口</h1>' in page
    assert "lang=" not in page.split("<main", 1)[1].split("</main>", 1)[0]


def test_the_emergency_numbers_say_what_they_are_for_in_the_page_language(
    client: Client,
) -> None:
    page = client.get("/ko/").content.decode()
    assert "구급, 소방" in page and "경찰" in page


def test_the_needs_are_named_in_the_page_language(client: Client) -> None:
    page = client.get("/zh-hans/needs/").content.decode()
    assert "心理健康" in page
    assert "こころの健康" not in page
