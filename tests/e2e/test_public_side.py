"""The public side as a person uses it, in Debian chromium at 375 px and 1280 px: Back after
quick exit (with and without JavaScript), the crisis panel's first screen on a phone, focus
after each answer of the guided chat, and the children's mode from first page to last."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.conf import settings

from tsunagari.web.views.exit import NEUTRAL_SITE

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 375, "height": 667}
DESKTOP = {"width": 1280, "height": 800}
SCREENS = pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["375px", "1280px"])
SHOTS = Path(settings.VAR_DIR) / "screenshots"


def _open(browser: Any, viewport: dict[str, int], javascript: bool = True) -> Any:
    context = browser.new_context(viewport=viewport, locale="ja-JP", java_script_enabled=javascript)
    # The neutral site is answered here: no request leaves the machine.
    context.route(lambda url: url.startswith(NEUTRAL_SITE), lambda r: r.fulfill(body="neutral"))
    return context.new_page()


def _shot(page: Any, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"))


def _search(page: Any, url: str, words: str) -> None:
    page.goto(url + "/")
    page.fill("#search-box-q", words)
    page.get_by_role("button", name="さがす", exact=True).click()
    page.wait_for_url("**/search/**")


@SCREENS
def test_back_after_quick_exit_shows_nothing_of_the_search_with_javascript(
    browser: Any, live_server: Any, directory: None, viewport: dict[str, int]
) -> None:
    page = _open(browser, viewport)
    _search(page, live_server.url, "夫が怖い")
    assert "夫が怖い" in page.content()
    page.get_by_role("link", name="すぐに離れる").click()
    page.wait_for_url(NEUTRAL_SITE + "**")
    page.go_back()
    page.wait_for_load_state()
    assert "夫が怖い" not in page.content()
    # The results' entry was replaced by the exit: Back shows the page before them.
    boxes = page.locator("#search-box-q")
    assert boxes.count() == 0 or boxes.first.input_value() == ""
    _shot(page, f"back-after-exit-js-{viewport['width']}")
    page.context.close()


@SCREENS
def test_back_after_quick_exit_shows_nothing_of_the_search_without_javascript(
    browser: Any, live_server: Any, directory: None, viewport: dict[str, int]
) -> None:
    page = _open(browser, viewport, javascript=False)
    _search(page, live_server.url, "夫が怖い")
    page.get_by_role("link", name="すぐに離れる").click()
    page.wait_for_url(NEUTRAL_SITE + "**")
    page.go_back()
    page.wait_for_load_state()
    assert "夫が怖い" not in page.content()
    assert "このページは閉じられました" in page.content()
    assert not [c for c in page.context.cookies() if c["name"] == "sessionid"]
    page.context.close()


def test_a_new_search_after_quick_exit_answers_again(
    browser: Any, live_server: Any, directory: None
) -> None:
    page = _open(browser, PHONE)
    _search(page, live_server.url, "夫が怖い")
    page.get_by_role("link", name="すぐに離れる").click()
    page.wait_for_url(NEUTRAL_SITE + "**")
    _search(page, live_server.url, "眠れない")
    assert "眠れない" in page.content() and "件目" in page.content()
    page.context.close()


def test_shift_three_times_is_ignored_while_typing_and_leaves_outside_a_field(
    browser: Any, live_server: Any, directory: None
) -> None:
    page = _open(browser, PHONE)
    page.goto(live_server.url + "/")
    page.click("#search-box-q")
    for _ in range(3):
        page.keyboard.press("Shift")
    assert page.url.startswith(live_server.url)
    page.click("h1")
    with page.expect_request(lambda r: r.url.endswith("/leave/")):
        for _ in range(3):
            page.keyboard.press("Shift")
    page.context.close()


def _within_first_screen(page: Any, selector: str) -> bool:
    box = page.locator(selector).first.bounding_box()
    return box is not None and box["y"] + box["height"] <= PHONE["height"]


def test_the_crisis_panel_puts_119_110_and_a_24_hour_line_on_a_phones_first_screen(
    browser: Any, live_server: Any, directory: None
) -> None:
    page = _open(browser, PHONE)
    for url in ("/crisis/", "/search/?q=死にたい"):
        page.goto(live_server.url + url)
        assert _within_first_screen(page, 'a[href="tel:119"]')
        assert _within_first_screen(page, 'a[href="tel:110"]')
        assert _within_first_screen(page, 'a[href="tel:0120279338"]')  # 24 hours
        _shot(page, "crisis-panel" + url.replace("/", "-").replace("?q=", "-"))
    page.context.close()


QUESTION = "document.querySelector('#question')?.textContent || ''"
AT_THE_TOP = """height => {
  const top = document.querySelector('#question').getBoundingClientRect().top;
  return -1 <= top && top < height / 2;
}"""


@SCREENS
def test_each_answer_moves_view_and_focus_to_the_next_question(
    browser: Any, live_server: Any, directory: None, viewport: dict[str, int]
) -> None:
    page = _open(browser, viewport)
    page.goto(live_server.url + "/navigator/")
    for label in ("自分のこと", "お金・生活・住まい", "電話で話したい", "いますぐ", "とばす"):
        before = page.evaluate(QUESTION)
        page.get_by_role("button", name=label, exact=True).click()
        page.wait_for_function(f"before => ({QUESTION}) !== before", arg=before)
        page.wait_for_function("() => document.activeElement?.id === 'question'")
        # htmx gives focus back to the new #question at the swap, before chat.js scrolls it
        # into view once the page settles: wait for the view, not only for the focus.
        page.wait_for_function(AT_THE_TOP, arg=viewport["height"])
    _shot(page, f"navigator-answers-{viewport['width']}")
    page.context.close()


@SCREENS
def test_childrens_mode_holds_from_the_kids_page_to_a_service(
    browser: Any, live_server: Any, directory: None, viewport: dict[str, int]
) -> None:
    page = _open(browser, viewport)
    page.goto(live_server.url + "/kids/")
    page.fill("#kids-q", "がっこうで いじめられてる")
    page.get_by_role("button", name="さがす", exact=True).click()
    page.wait_for_url("**/search/**")
    content = page.content()
    assert "はなせる ところを さがす" in content and "いま はなしたい ときは" in content
    assert "相談窓口をさがす" not in content and "命の危険" not in content
    panel = page.locator("[data-crisis-block] .crisis__lines").first
    assert "0120-0-78310" in panel.inner_text()  # 24時間子供SOSダイヤル first
    _shot(page, f"kids-results-{viewport['width']}")
    page.locator(".card__title a").first.click()
    page.wait_for_url("**/services/**")
    assert "kids=1" in page.url
    assert "こまったときに はなせる ところを さがす" in page.content()
    assert "いま はなしたい ときは" in page.content()
    page.context.close()
