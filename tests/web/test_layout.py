"""Every public page: crisis block, quick exit, skip link, language switch, no cookies."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from django.test import Client

from tests.factories import create_service

pytestmark = pytest.mark.django_db

STATIC = Path(__file__).resolve().parents[2] / "src/tsunagari/web/static/web"
PUBLIC_PATHS = [
    "/",
    "/search/",
    "/services/helpline/",
    "/needs/",
    "/needs/loneliness/",
    "/life-stages/older-age/",
    "/crisis/",
    "/safety/",
    "/kids/",
]


@pytest.fixture(autouse=True)
def _helpline() -> None:
    create_service("helpline", phones=("0120-000-111",))


@pytest.fixture(params=["", "/en"], ids=["ja", "en"])
def prefix(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.mark.parametrize("path", PUBLIC_PATHS)
def test_every_page_shows_the_crisis_block_first(client: Client, prefix: str, path: str) -> None:
    response = client.get(prefix + path)
    page = response.content.decode()
    assert response.status_code == 200
    assert page.index("data-crisis-block") < page.index('<main id="main"')
    assert 'href="tel:0120078310"' in page
    assert 'href="tel:110"' in page and 'href="tel:119"' in page


@pytest.mark.parametrize("path", PUBLIC_PATHS)
def test_every_page_has_the_quick_exit_and_a_skip_link(
    client: Client, prefix: str, path: str
) -> None:
    page = client.get(prefix + path).content.decode()
    assert re.search(r'<a class="quick-exit" href="(/en)?/leave/"[^>]*data-quick-exit', page)
    assert page.index('class="skip-link" href="#main"') < page.index("data-quick-exit")
    assert "quick-exit.js" in page


@pytest.mark.parametrize("path", PUBLIC_PATHS)
def test_public_pages_set_no_cookie(client: Client, prefix: str, path: str) -> None:
    response = client.get(prefix + path + "?q=test")
    assert response.cookies == {}
    assert "Set-Cookie" not in response


@pytest.mark.parametrize("path", PUBLIC_PATHS)
def test_pages_have_no_inline_script_or_style(client: Client, prefix: str, path: str) -> None:
    page = client.get(prefix + path).content.decode()
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", page)
    assert " style=" not in page and "<style" not in page
    assert not re.search(r"\son[a-z]+=", page)
    assert not re.search(r'\ssrc="(https?:)?//', page), "no resource from another site"
    assert not re.search(r'<link[^>]+href="(https?:)?//', page), "no resource from another site"


def test_the_language_switch_links_the_same_page_in_english(client: Client) -> None:
    page = client.get("/needs/loneliness/?page=1").content.decode()
    assert 'href="/en/needs/loneliness/?page=1" lang="en" hreflang="en">English</a>' in page


def test_the_language_switch_links_the_same_page_in_japanese(client: Client) -> None:
    page = client.get("/en/services/helpline/").content.decode()
    assert 'href="/services/helpline/" lang="ja" hreflang="ja">日本語</a>' in page


def test_english_pages_are_marked_english_and_translated(client: Client) -> None:
    page = client.get("/en/safety/").content.decode()
    assert '<html lang="en">' in page
    assert "Exit this page" in page
    assert "すぐに離れる" not in page


def test_other_sites_receive_no_referrer(client: Client) -> None:
    response = client.get("/services/helpline/")
    assert response["Referrer-Policy"] == "same-origin"
    page = response.content.decode()
    external = re.findall(r'<a [^>]*href="https?://[^"]*"[^>]*>', page)
    assert external and all('rel="noreferrer"' in link for link in external)


def test_the_stylesheet_and_scripts_are_served_from_this_site(client: Client) -> None:
    for name in ("site.css", "quick-exit.js", "print.js"):
        assert (STATIC / name).is_file()
    page = client.get("/").content.decode()
    assert '<link rel="stylesheet" href="/static/web/site.css">' in page


def test_the_chat_is_linked_from_every_page_only_where_the_desk_is_staffed(
    client: Client, settings: Any
) -> None:
    settings.DESK_LINKED = False
    assert "/desk/" not in client.get("/").content.decode()
    settings.DESK_LINKED = True
    assert 'href="/desk/"' in client.get("/").content.decode()
    assert 'href="/en/desk/"' in client.get("/en/search/").content.decode()
    assert 'href="/desk/?kids=1"' in client.get("/kids/").content.decode()
