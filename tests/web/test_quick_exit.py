"""Quick exit: the session erased, the cache cleared, and a search asked for from a page
made before leaving (Back, the history) answered with a neutral page."""

from __future__ import annotations

import time

import pytest
from django.test import Client

from tests.factories import create_service
from tsunagari.navigator.chat import SESSION_KEY
from tsunagari.web.views.exit import LEFT_COOKIE, NEUTRAL_SITE

pytestmark = pytest.mark.django_db


def test_leaving_erases_the_chat_and_opens_a_neutral_site(client: Client) -> None:
    client.post("/navigator/", {"step": "who", "choice": "self"})
    assert SESSION_KEY in client.session
    response = client.get("/leave/")
    assert response.status_code == 302 and response["Location"] == NEUTRAL_SITE
    assert response["Clear-Site-Data"] == '"cache"'
    assert response["Cache-Control"] == "no-store"
    assert SESSION_KEY not in client.session
    assert client.cookies[LEFT_COOKIE].value.isdigit()


def test_back_to_results_after_leaving_shows_nothing_of_the_search(client: Client) -> None:
    create_service("dv-line", name="DV相談の窓口", needs=("dv",), keywords=["DV"])
    made = int(time.time()) - 5
    assert "DV相談の窓口" in client.get("/search/", {"q": "DV", "at": made}).content.decode()
    client.get("/leave/")
    page = client.get("/search/", {"q": "DV", "at": made})
    assert page["Cache-Control"] == "no-store"
    shown = page.content.decode()
    assert "DV相談の窓口" not in shown and 'value="DV"' not in shown and "q=DV" not in shown
    assert "このページは閉じられました" in shown


def test_a_new_search_after_leaving_answers_again(client: Client) -> None:
    create_service("dv-line", name="DV相談の窓口", needs=("dv",), keywords=["DV"])
    client.get("/leave/")
    fresh = int(client.cookies[LEFT_COOKIE].value) + 1
    assert "DV相談の窓口" in client.get("/search/", {"q": "DV", "at": fresh}).content.decode()


def test_results_are_never_kept_by_the_browser(client: Client) -> None:
    assert client.get("/search/", {"q": "眠れない"})["Cache-Control"] == "no-store"


def test_the_safety_page_says_what_can_and_cannot_be_erased(client: Client) -> None:
    page = client.get("/safety/").content.decode()
    assert "このボタンで消えるもの" in page and "このボタンでは消えないもの" in page
    assert "閲覧データを削除" in page and "Ctrl+H" in page
