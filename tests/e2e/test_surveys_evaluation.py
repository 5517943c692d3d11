"""The NPO evaluation report: made from two uploads, readable, printable, accessible."""

from __future__ import annotations

from typing import Any

import pytest

from tests.e2e.test_surveys_upload import serious_violations, sign_in
from tests.surveys.factories import FIXTURES

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_the_evaluation_report_is_made_and_prints_without_navigation(
    page: Any, live_server: Any
) -> None:
    sign_in(page, live_server.url)
    page.click("text=事業評価（事前・事後）")
    assert serious_violations(page) == []
    page.fill("#id_organisation", "NPO つながり")
    page.set_input_files("#id_pre", str(FIXTURES / "programme_pre.csv"))
    page.set_input_files("#id_post", str(FIXTURES / "programme_post.csv"))
    page.click("text=レポートを作成する")
    page.wait_for_selector("h1:has-text('事業評価レポート')")
    assert "比較群" in page.locator(".caveat").inner_text()
    assert "Cohen" in page.locator("main").inner_text()
    assert serious_violations(page) == []
    navigation = page.locator("nav")  # the site's and the survey pages' own
    assert navigation.first.is_visible()
    page.emulate_media(media="print")
    assert not any(nav.is_visible() for nav in navigation.all())
    assert page.locator(".caveat").is_visible()
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")


def test_the_trend_page_of_the_demo_years_is_accessible(page: Any, live_server: Any) -> None:
    from io import StringIO

    from django.apps import apps

    apps.get_app_config("surveys").load_bundled_data(StringIO())  # type: ignore[attr-defined]
    sign_in(page, live_server.url)
    page.click("text=合成データ（SYNTHETIC）の推移：4か年")
    page.wait_for_selector("h1:has-text('経年変化')")
    assert page.locator(".synthetic-banner").is_visible()
    assert page.locator("figure img").count() == 4
    assert serious_violations(page) == []
