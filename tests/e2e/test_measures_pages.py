"""Browser tests of the priority plan: dashboard, workflow, outsider, accessibility."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def plan(transactional_db: Any) -> None:
    from tsunagari.measures.ingest import ingest

    ingest()


def _login(page: Any, base: str, username: str) -> None:
    """Sign in through the real login form, as a member of staff would."""
    from tests.personas import PASSWORD

    page.goto(f"{base}/staff/login/?next=/plan/staff/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_load_state()


def _serious(page: Any) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    return [
        v["id"]
        for v in results.response["violations"]
        if v.get("impact") in ("serious", "critical")
    ]


def test_the_dashboard_shows_charts_and_tables(page: Any, live_server: Any, plan: None) -> None:
    from tests.personas import make_personas

    make_personas()
    _login(page, live_server.url, "cao-reviewer")
    assert page.locator("h1").inner_text() == "重点計画ダッシュボード"
    assert page.locator("svg[role=img]").count() == 2
    assert page.locator("table caption", has_text="府省庁別の達成区分").count() == 1
    assert _serious(page) == []


def test_editor_submits_reviewer_returns_editor_resubmits_reviewer_approves(
    page: Any, live_server: Any, plan: None
) -> None:
    from tests.personas import make_personas
    from tsunagari.measures.models import Review, Submission

    make_personas()
    base = live_server.url
    _login(page, base, "mhlw-editor")
    page.goto(f"{base}/plan/staff/measures/8/edit/")
    page.fill("#id_achievement_text", "PV数は35万回")
    page.fill("#id_policy_text", "引き続き周知する")
    page.click("text=内閣府に提出する")
    assert "提出しました" in page.content()

    page.context.clear_cookies()
    _login(page, base, "cao-reviewer")
    page.goto(f"{base}/plan/staff/reviews/")
    page.click("text=8. ")
    page.click("text=差し戻す…")
    page.fill("textarea[name=comment]", "根拠の数値を追記してください")
    page.click("button:has-text('差し戻す')")
    assert "差し戻しました" in page.content()

    page.context.clear_cookies()
    _login(page, base, "mhlw-editor")
    assert page.locator(".staff-bar", has_text="差し戻された報告が1件あります").count() == 1
    page.goto(f"{base}/plan/staff/measures/8/edit/?year=2025")
    assert page.locator("[role=alert]", has_text="根拠の数値を追記してください").count() == 1
    page.fill("#id_achievement_text", "PV数:350,000(令和7年4月~令和8年3月)")
    page.click("text=内閣府に提出する")

    page.context.clear_cookies()
    _login(page, base, "cao-reviewer")
    page.goto(f"{base}/plan/staff/reviews/")
    page.click("text=8. ")
    page.click("text=承認する…")
    page.click("text=承認して公開する")
    assert "承認し、公開しました" in page.content()
    assert Submission.objects.get(fiscal_year=2025).state == "approved"
    review = Review.objects.get(measure__number=8, measure__plan__code="2024", fiscal_year=2025)
    assert review.achievement_text.startswith("PV数:350,000")


def test_an_outsider_is_refused_the_staff_pages(page: Any, live_server: Any, plan: None) -> None:
    from tests.personas import make_personas

    make_personas()
    page.goto(f"{live_server.url}/plan/staff/")
    assert "/staff/login/" in page.url
    _login(page, live_server.url, "visitor")
    response = page.goto(f"{live_server.url}/plan/staff/")
    assert response.status == 403


@pytest.mark.parametrize("path", ["/plan/", "/plan/8/", "/en/plan/8/", "/plan/?q=食育"])
def test_public_plan_pages_pass_axe(page: Any, live_server: Any, plan: None, path: str) -> None:
    page.goto(live_server.url + path)
    assert page.locator("h1").count() == 1
    assert _serious(page) == []


def test_the_plan_works_without_javascript(
    page_without_js: Any, live_server: Any, plan: None
) -> None:
    page_without_js.goto(f"{live_server.url}/plan/?ministry=maff")
    assert page_without_js.locator("text=フードバンク活動の推進").count() == 1
