"""The public portal in a real browser: search to call, quick exit, no JavaScript, English."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.factories import create_childrens_sos_dial, create_service

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

NEUTRAL_SITE = "https://www.google.co.jp/"


@pytest.fixture
def offline(page: Any, live_server: Any) -> Iterator[list[str]]:
    """Every request that would leave the machine is stopped and recorded."""
    left: list[str] = []

    def guard(route: Any) -> None:
        if route.request.url.startswith(live_server.url):
            route.continue_()
        else:
            left.append(route.request.url)
            route.abort()

    page.context.route("**/*", guard)
    yield left


@pytest.fixture
def bullying_line() -> None:
    create_childrens_sos_dial()
    create_service("child-line", name="こども電話 #8008", needs=("bullying",), phones=("#8008",))


def test_search_leads_to_a_service_page_with_a_call_link(
    page: Any, live_server: Any, offline: list[str], bullying_line: None
) -> None:
    page.goto(live_server.url + "/")
    page.get_by_label("困っていることを、ことばで入力してください").fill("いじめ")
    page.get_by_role("button", name="さがす").first.click()
    page.wait_for_url("**/search/?**")
    results = page.locator("ul.cards")
    results.get_by_role("link", name="24時間子供SOSダイヤル").click()
    page.wait_for_url("**/services/kodomo-sos-dial/")
    call = page.locator("main a.call").first
    assert call.get_attribute("href") == "tel:0120078310"
    assert "0120-0-78310" in call.inner_text()
    assert offline == []


def test_a_hash_number_dials_with_an_escaped_hash(
    page: Any, live_server: Any, offline: list[str], bullying_line: None
) -> None:
    page.goto(live_server.url + "/services/child-line/")
    assert page.locator("main a.call").first.get_attribute("href") == "tel:%238008"


class QuickExitWatch:
    """Serves a stand-in for the neutral site and records whether the page was blanked first."""

    def __init__(self, page: Any) -> None:
        self.page = page
        self.requests: list[str] = []
        self.children_after_change: list[int] = []
        page.route(NEUTRAL_SITE + "**", self._neutral)
        page.expose_function("reportChildren", self._report)
        page.evaluate(
            "new MutationObserver(() => reportChildren(document.body.childElementCount))"
            ".observe(document.body, {childList: true})"
        )
        self.history_length = page.evaluate("history.length")

    def _report(self, children: int) -> None:
        self.children_after_change.append(children)

    def _neutral(self, route: Any) -> None:
        self.requests.append(route.request.url)
        route.fulfill(status=200, content_type="text/html", body="<title>neutral</title>")

    def assert_blanked_then_left(self) -> None:
        self.page.wait_for_url(NEUTRAL_SITE)
        assert self.children_after_change[:1] == [0], "the page was not blanked at once"
        assert self.requests == [NEUTRAL_SITE]
        # location.replace: the portal page is no longer in the back history.
        assert self.page.evaluate("history.length") == self.history_length


def test_the_quick_exit_button_blanks_the_page_and_leaves(
    page: Any, live_server: Any, offline: list[str]
) -> None:
    page.goto(live_server.url + "/crisis/")
    watch = QuickExitWatch(page)
    page.get_by_role("link", name="すぐに離れる").click()
    watch.assert_blanked_then_left()
    assert offline == []


def test_pressing_shift_three_times_leaves_the_page(
    page: Any, live_server: Any, offline: list[str]
) -> None:
    page.goto(live_server.url + "/safety/")
    watch = QuickExitWatch(page)
    with page.expect_request(lambda r: r.url.endswith("/leave/")):
        for _ in range(3):
            page.keyboard.press("Shift")
    assert watch.children_after_change[:1] == [0], "the page was not blanked at once"


def test_typing_with_shift_does_not_trigger_the_quick_exit(
    page: Any, live_server: Any, offline: list[str]
) -> None:
    page.goto(live_server.url + "/")
    box = page.get_by_label("困っていることを、ことばで入力してください")
    box.click()
    page.keyboard.press("Shift")
    page.keyboard.press("Shift+A")
    page.keyboard.press("Shift+B")
    assert page.url.startswith(live_server.url)
    assert box.input_value() == "AB"


def test_the_quick_exit_is_a_plain_link_without_javascript(
    page_without_js: Any, live_server: Any
) -> None:
    page_without_js.goto(live_server.url + "/")
    link = page_without_js.get_by_role("link", name="すぐに離れる")
    assert link.get_attribute("href") == "/leave/"  # erases the session, then the neutral site


def test_search_works_without_javascript(
    page_without_js: Any, live_server: Any, bullying_line: None
) -> None:
    page = page_without_js
    page.goto(live_server.url + "/")
    page.get_by_label("困っていることを、ことばで入力してください").fill("いじめ")
    page.get_by_role("button", name="さがす").first.click()
    page.wait_for_url("**/search/?**")
    assert page.locator("ul.cards").get_by_role("link", name="24時間子供SOSダイヤル").is_visible()
    page.get_by_text("条件でしぼりこむ").click()
    page.get_by_label("困りごと").select_option("bullying")
    page.get_by_role("button", name="さがす").click()
    page.wait_for_url("**need=bullying*")
    assert page.locator("ul.cards li").count() >= 1


def test_english_pages_read_in_english(
    page: Any, live_server: Any, offline: list[str], bullying_line: None
) -> None:
    page.goto(live_server.url + "/")
    page.locator("nav.languages summary").click()  # the list of languages opens
    page.get_by_role("link", name="English").click()
    page.wait_for_url(live_server.url + "/en/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_role("link", name="Exit this page").is_visible()
    page.goto(live_server.url + "/en/services/kodomo-sos-dial/")
    assert page.locator("h1").inner_text() == "24-Hour Children's SOS Dial"
    page.locator("nav.languages summary").click()
    page.get_by_role("link", name="日本語").click()
    page.wait_for_url(live_server.url + "/services/kodomo-sos-dial/")
