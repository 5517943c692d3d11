import pytest
from django.test import Client

from tsunagari.directory.taxonomy import load_taxonomy
from tsunagari.web.catalogue import LIFE_STAGES

pytestmark = pytest.mark.django_db


def test_home_is_japanese_at_root(client: Client) -> None:
    response = client.get("/")
    assert response.status_code == 200
    assert '<html lang="ja">' in response.content.decode()


def test_home_is_english_under_en(client: Client) -> None:
    page = client.get("/en/").content.decode()
    assert '<html lang="en">' in page
    assert "Find help by what you are going through" in page


def test_home_sends_a_same_origin_content_security_policy(client: Client) -> None:
    response = client.get("/")
    assert "default-src 'self'" in response["Content-Security-Policy"]


def test_home_has_a_search_form_that_works_without_javascript(client: Client) -> None:
    page = client.get("/").content.decode()
    assert '<form class="search-box" method="get" action="/search/"' in page
    assert 'name="q"' in page
    assert '<label class="search-box__label" for="search-box-q">' in page


def test_home_links_every_need_of_the_taxonomy(client: Client) -> None:
    page = client.get("/").content.decode()
    for code in load_taxonomy().needs:
        assert f'href="/needs/{code}/"' in page


def test_home_links_every_life_stage(client: Client) -> None:
    page = client.get("/").content.decode()
    for stage in LIFE_STAGES:
        assert f'href="/life-stages/{stage.code}/"' in page
    assert "働く世代" in page and "高齢期・介護" in page


def test_home_links_the_guided_chat_and_the_childrens_page(client: Client) -> None:
    page = client.get("/").content.decode()
    assert 'href="/navigator/"' in page
    assert 'href="/kids/"' in page
    english = client.get("/en/").content.decode()
    assert 'href="/en/navigator/"' in english and 'href="/en/kids/"' in english


def test_home_shows_a_crisis_line_as_a_call_button(client: Client) -> None:
    page = client.get("/").content.decode()
    assert "今すぐ話したいときは" in page
    assert 'href="tel:0120078310"' in page
