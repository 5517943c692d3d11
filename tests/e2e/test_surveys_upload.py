"""Staff upload a survey file, read the estimates and chart, download the CSV; pages pass axe."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.surveys.factories import FIXTURES, survey_staff
from tsunagari.surveys.models import SurveyYear

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
PASSWORD = "a long staff passphrase"


def sign_in(page: Any, base: str) -> None:
    survey_staff("analyst", password=PASSWORD)
    page.goto(base + "/staff/surveys/")
    assert "/staff/login/" in page.url
    page.fill("#id_username", "analyst")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(base + "/staff/surveys/")


def serious_violations(page: Any) -> list[str]:
    page.wait_for_load_state("networkidle")  # charts included, before the audit and teardown
    results = Axe().run(page)
    return [
        f"{v['id']}: {v['help']}"
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def test_upload_shows_estimates_and_chart_and_downloads_the_csv(
    page: Any, live_server: Any, tmp_path: Path
) -> None:
    sign_in(page, live_server.url)
    assert serious_violations(page) == []
    page.fill("#id_year", "2024")
    page.set_input_files("#id_file", str(FIXTURES / "design_full.csv"))
    page.click("text=検証して登録する")
    page.wait_for_selector("h1:has-text('2024年の推計結果')")
    assert SurveyYear.objects.get().respondents == 439
    table = page.locator("table").first
    assert "孤独感が「しばしばある・常にある」人の割合" in table.inner_text()
    chart = page.locator("figure img").first
    chart.scroll_into_view_if_needed()
    page.wait_for_function(
        "img => img.complete && img.naturalWidth > 0", arg=chart.element_handle()
    )
    with page.expect_download() as caught:
        page.click("text=推計結果をCSVでダウンロード")
    saved = tmp_path / "estimates.csv"
    caught.value.save_as(saved)
    lines = saved.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("survey_year,data_status,source,indicator")
    assert len(lines) == 1 + 4 * 9
    assert serious_violations(page) == []


def test_a_file_with_errors_shows_them_and_stores_nothing(page: Any, live_server: Any) -> None:
    sign_in(page, live_server.url)
    page.fill("#id_year", "2024")
    page.set_input_files(
        "#id_file",
        files=[{"name": "bad.csv", "mimeType": "text/csv", "buffer": b"id,q_direct\nr1,9\n"}],
    )
    page.click("text=検証して登録する")
    page.wait_for_selector("h1:has-text('ファイルを受け付けませんでした')")
    assert "ucla_1" in page.locator("table").inner_text()
    assert not SurveyYear.objects.exists()
    assert serious_violations(page) == []


def test_upload_works_without_javascript(page_without_js: Any, live_server: Any) -> None:
    sign_in(page_without_js, live_server.url)
    page_without_js.fill("#id_year", "2023")
    page_without_js.set_input_files("#id_file", str(FIXTURES / "design_srs.csv"))
    page_without_js.click("text=検証して登録する")
    page_without_js.wait_for_selector("h1:has-text('2023年の推計結果')")
    assert page_without_js.locator("figure img").count() == 8
    page_without_js.wait_for_load_state("networkidle")  # every chart served before teardown
