"""The guided chat in a real browser: with htmx and without JavaScript, children's mode with
furigana, English, crisis words bringing the lines first, and an axe-core audit."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def watched(page: Any, live_server: Any) -> Iterator[dict[str, list[str]]]:
    """Requests that would leave the machine are stopped; console errors (CSP) recorded."""
    seen: dict[str, list[str]] = {"left": [], "errors": []}

    def guard(route: Any) -> None:
        if route.request.url.startswith(live_server.url):
            route.continue_()
        else:
            seen["left"].append(route.request.url)
            route.abort()

    page.context.route("**/*", guard)
    page.on("console", lambda m: seen["errors"].append(m.text) if m.type == "error" else None)
    yield seen


QUESTION = "document.querySelector('#question')?.textContent || ''"


def choose(page: Any, label: str) -> None:
    """Click an answer and wait for the next question (a page load, or htmx's swap)."""
    before = page.evaluate(QUESTION)
    page.get_by_role("button", name=label, exact=True).click()
    page.wait_for_function(f"before => ({QUESTION}) !== before", arg=before)


def walk_to_answers(page: Any) -> None:
    choose(page, "自分のこと")
    choose(page, "お金・生活・住まい")
    choose(page, "電話で話したい")
    choose(page, "いますぐ")
    choose(page, "とばす")


def test_the_chat_with_javascript_is_swapped_in_place_by_htmx(
    page: Any, live_server: Any, directory: None, watched: dict[str, list[str]]
) -> None:
    page.goto(live_server.url + "/navigator/")
    assert page.evaluate("typeof window.htmx") == "object"
    page.evaluate("window.__stayed = true")  # survives only if the page is never reloaded
    walk_to_answers(page)
    page.get_by_role("heading", name="あなたに合いそうな相談先").wait_for()
    assert page.evaluate("window.__stayed") is True
    call = page.locator("ul.cards a.call").first
    assert call.get_attribute("href").startswith("tel:")
    assert page.evaluate("window.localStorage.length") == 0  # htmx's history cache is off
    assert watched["left"] == []
    assert [e for e in watched["errors"] if "Content Security Policy" in e] == []


def test_the_chat_without_javascript_works_as_plain_forms(
    page_without_js: Any, live_server: Any, directory: None
) -> None:
    page = page_without_js
    page.goto(live_server.url + "/navigator/")
    walk_to_answers(page)
    assert page.get_by_role("heading", name="あなたに合いそうな相談先").is_visible()
    assert page.locator("ul.cards a.call").count() > 0
    choose(page, "会話を消す")
    assert page.get_by_role("heading", name="だれのことで相談したいですか？").is_visible()


def test_free_text_with_crisis_words_brings_the_lines_first(
    page: Any, live_server: Any, directory: None
) -> None:
    page.goto(live_server.url + "/navigator/")
    page.get_by_label("自由に書いてもかまいません（任意）").fill("もう消えたい")
    choose(page, "書いた内容で進む")
    prominent = page.locator("aside.crisis--prominent")
    assert prominent.is_visible()
    assert page.locator("main").get_by_text("話してくれてありがとう").is_visible()
    first = page.locator("ul.cards article").first
    assert "card--crisis" in (first.get_attribute("class") or "")
    assert first.locator("a.call").first.get_attribute("href") == "tel:0120279338"


def test_the_childrens_mode_has_easy_words_and_furigana(
    page: Any, live_server: Any, directory: None
) -> None:
    page.goto(live_server.url + "/navigator/")
    choose(page, "自分のこと（18歳以下）")
    assert page.get_by_role("heading", name="なにに こまって いますか？").is_visible()
    choose(page, "がっこうの こと")
    choose(page, "いじめ・いやな ことを される")
    choose(page, "でんわで はなしたい")
    choose(page, "いますぐ")
    choose(page, "とばす")
    assert page.locator("main ruby rt").count() > 5
    assert page.locator("ul.cards").get_by_text("0120-0-78310").first.is_visible()


def test_the_chat_in_english(page: Any, live_server: Any, directory: None) -> None:
    page.goto(live_server.url + "/en/navigator/")
    assert page.get_by_role("heading", name="Who is this about?").is_visible()
    choose(page, "Myself")
    assert page.get_by_role("heading", name="What is troubling you?").is_visible()
    page.get_by_label("You can also write in your own words (optional)").fill("My husband hits me")
    choose(page, "Go on with what I wrote")
    assert page.get_by_role("heading", name="How would you like to talk?").is_visible()


def test_the_print_view_hides_the_controls(page: Any, live_server: Any, directory: None) -> None:
    page.goto(live_server.url + "/navigator/")
    walk_to_answers(page)
    page.goto(live_server.url + "/navigator/print/")
    assert page.locator("[data-navigator-print]").is_visible()
    page.emulate_media(media="print")
    assert not page.locator("a.quick-exit").is_visible()
    assert page.locator("ul.cards").is_visible()


def _serious(page: Any) -> list[str]:
    results = Axe().run(page)
    return [
        f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']]}"
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def test_no_serious_accessibility_violation_on_any_step(
    page: Any, live_server: Any, directory: None
) -> None:
    page.goto(live_server.url + "/navigator/")
    assert _serious(page) == []
    choose(page, "自分のこと")
    assert _serious(page) == []
    walk_steps = ["お金・生活・住まい", "電話で話したい", "いますぐ"]
    for label in walk_steps:
        choose(page, label)
    assert _serious(page) == []  # the place question
    choose(page, "とばす")
    assert _serious(page) == []  # the answers
    page.goto(live_server.url + "/navigator/?kids=1")
    assert _serious(page) == []
    page.goto(live_server.url + "/en/navigator/")
    assert _serious(page) == []


def test_nothing_overflows_a_360_px_phone(browser: Any, live_server: Any, directory: None) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="ja-JP")
    page = context.new_page()
    try:
        page.goto(live_server.url + "/navigator/")
        walk_to_answers(page)
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
    finally:
        context.close()
