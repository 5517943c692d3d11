"""axe-core on the main pages (no serious or critical violation) and a 360-px phone."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.factories import create_childrens_sos_dial, create_service

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PAGES = [
    "/",
    "/search/?q=%E3%81%84%E3%81%98%E3%82%81",
    "/search/?q=zzzz-nothing",
    "/services/kodomo-sos-dial/",
    "/services/houkatsu/",
    "/needs/bullying/",
    "/life-stages/children/",
    "/crisis/",
    "/kids/",
    "/en/",
    "/en/services/kodomo-sos-dial/",
    "/desk/",
    "/desk/?kids=1",
    "/en/desk/",
]


@pytest.fixture
def directory() -> None:
    create_childrens_sos_dial(fees="無料", languages=["ja"])
    create_service(
        "houkatsu",
        name="地域包括支援センター",
        needs=("elderly", "caregiver"),
        audiences=("elderly", "family"),
        scope="local-kind",
        local_finder="市区町村の高齢者福祉の窓口で、担当のセンターを教えてもらえます。",
        local_finder_url="https://www.example.go.jp/list",
        hours=(("MO,TU,WE,TH,FR", "08:30", "17:15"),),
        holidays="closed",
    )


@pytest.fixture
def phone(browser: Any) -> Iterator[Any]:
    """A 360-px-wide phone."""
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="ja-JP")
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("path", PAGES)
def test_no_serious_violation_and_nothing_overflows_a_360_px_phone(
    phone: Any, live_server: Any, directory: None, path: str
) -> None:
    phone.goto(live_server.url + path)
    results = Axe().run(phone)
    serious = [
        f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']]}"
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert serious == []
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    wide = phone.evaluate(
        """() => [...document.querySelectorAll('body *')]
            .filter(e => e.getBoundingClientRect().right > 360.5)
            .map(e => e.tagName + '.' + e.className)"""
    )
    assert wide == []


def test_call_buttons_and_the_quick_exit_are_large_enough_to_tap(
    page: Any, live_server: Any, directory: None
) -> None:
    page.goto(live_server.url + "/services/kodomo-sos-dial/")
    for selector in ("a.quick-exit", "a.call", "button", ".language-switch"):
        for box in page.eval_on_selector_all(
            selector, "els => els.map(e => e.getBoundingClientRect().height)"
        ):
            assert box >= 44, selector


def test_focus_is_visible_on_the_quick_exit(page: Any, live_server: Any, directory: None) -> None:
    page.goto(live_server.url + "/")
    page.keyboard.press("Tab")  # skip link
    page.keyboard.press("Tab")  # site name
    page.keyboard.press("Tab")  # language switch
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.className")
    assert focused == "quick-exit"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline == "solid"


def test_the_print_view_hides_the_controls_and_keeps_the_results(
    page: Any, live_server: Any, directory: None
) -> None:
    page.goto(live_server.url + "/search/?q=%E3%81%84%E3%81%98%E3%82%81")
    assert page.locator("[data-print]").is_visible()
    page.emulate_media(media="print")
    assert not page.locator("form.filters").is_visible()
    assert not page.locator("a.quick-exit").is_visible()
    assert page.locator("ul.cards").is_visible()
    assert page.locator(".print-only").is_visible()
