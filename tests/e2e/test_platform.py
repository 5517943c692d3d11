"""The platform in a real browser: an NPO joins a local platform and publishes a case that
Japanese search finds; coverage changes on the map when a local platform is added; the
public survey page shows only the years an analyst approved."""

from __future__ import annotations

from typing import Any

import pytest

from tests.personas import PASSWORD, Personas, make_personas

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def people(transactional_db: Any) -> Personas:
    return make_personas()


def _sign_in(page: Any, base: str, user: Any) -> None:
    page.context.clear_cookies()
    page.goto(f"{base}/staff/login/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_load_state()
    assert user.username in page.locator(".staff-bar").inner_text()


def _approve_first(page: Any, base: str, text: str) -> None:
    page.goto(f"{base}/staff/platform/reviews/")
    page.click(f"text={text}")
    page.click("text=承認して公開する")
    assert "承認し、公開しました" in page.content()


def _tokyo_tile(page: Any, base: str) -> str:
    page.goto(f"{base}/platform/")
    return str(page.locator("svg g", has_text="東京").first.inner_html())


def test_an_npo_joins_a_local_platform_and_its_case_is_found_after_review(
    page: Any, live_server: Any, people: Personas
) -> None:
    from tsunagari.platform.models import Platform
    from tsunagari.staff.models import Body

    Platform.objects.create(
        slug="city-131016",
        kind="municipality",
        prefecture_code="13",
        municipality_code="131016",
        name="千代田区つながりプラットフォーム",
        body=Body.objects.get(code="131016"),
        published=True,
    )
    base = live_server.url
    _sign_in(page, base, people.npo_editor)
    page.goto(f"{base}/staff/platform/join/")
    page.select_option("#id_platform", label="千代田区つながりプラットフォーム")
    page.fill("#id_note", "居場所づくりの経験を共有したい")
    page.click("text=確認に出す")
    assert "提出しました" in page.content()
    page.goto(f"{base}/staff/platform/case/new/")
    page.fill("#id_title", "一人暮らしの高齢者への見守り電話")
    page.fill("#id_tried", "ボランティアが週に一度電話をかけた。")
    page.fill("#id_for_whom", "一人暮らしの高齢者")
    page.fill("#id_result", "話し相手ができたという声が多かった。")
    page.fill("#id_lessons", "担い手が続かなかった。交通費の支援がなかったため。")
    page.select_option("#id_outcome", "mixed")
    page.check("input[name=needs][value=loneliness]")
    page.select_option("#id_prefecture_code", "13")
    page.fill("#id_year", "2024")
    page.click("text=確認に出す")
    assert "提出しました" in page.content()

    page.goto(f"{base}/platform/practice/?q=みまもり")
    assert "一人暮らしの高齢者への見守り電話" not in page.content()

    _sign_in(page, base, people.reviewer)
    _approve_first(page, base, "NPOあかり @ 千代田区つながりプラットフォーム")
    _approve_first(page, base, "一人暮らしの高齢者への見守り電話")

    page.context.clear_cookies()
    page.goto(f"{base}/platform/p/city-131016/")
    assert "NPOあかり" in page.locator("main").inner_text()
    page.goto(f"{base}/platform/practice/")
    page.fill("#q", "みまもり でんわ")
    page.click("button:has-text('さがす')")
    page.click("text=一人暮らしの高齢者への見守り電話")
    assert "交通費の支援がなかったため" in page.content()


def test_coverage_changes_on_the_map_after_a_local_platform_is_added(
    page: Any, live_server: Any, people: Personas
) -> None:
    base = live_server.url
    assert "–" in _tokyo_tile(page, base)
    _sign_in(page, base, people.municipal)
    page.goto(f"{base}/staff/platform/local/new/")
    page.fill("#id_name", "千代田区つながりプラットフォーム")
    page.fill("#id_purpose", "区内の団体が情報を共有する")
    page.click("text=確認に出す")
    assert "–" in _tokyo_tile(page, base)  # not before review
    _sign_in(page, base, people.reviewer)
    _approve_first(page, base, "千代田区つながりプラットフォーム")
    page.context.clear_cookies()
    tile = _tokyo_tile(page, base)
    assert "✓0" in tile
    assert "東京都: 地方版プラットフォーム 1、参画団体 0、地域の窓口 0、居場所 0" in page.content()
    assert "0·0" in tile  # the listed local windows and places, as text on the tile
    cells = page.locator("table tr", has_text="東京都").locator("td").all_inner_texts()
    assert cells == ["1", "0", "0", "0"]


def test_the_public_survey_page_shows_only_approved_years(
    page: Any, live_server: Any, people: Personas
) -> None:
    from tests.personas import make_user
    from tests.surveys.factories import FIXTURES
    from tsunagari.staff.roles import Role
    from tsunagari.surveys.services import store_survey_year

    raw = (FIXTURES / "design_full.csv").read_bytes()
    store_survey_year(raw, "design_full.csv", 2022, people.analyst)
    store_survey_year(raw, "design_full.csv", 2023, people.analyst)
    second = make_user("cao-analyst-2", ("cao", Role.ANALYST))
    base = live_server.url
    page.goto(f"{base}/results/")
    assert "公表が承認された調査結果はまだありません" in page.content()

    _sign_in(page, base, second)
    page.goto(f"{base}/staff/platform/surveys/")
    page.click("text=2023年の公表を承認する")
    assert "2023年の推計値を公開しました" in page.content()

    page.context.clear_cookies()
    page.goto(f"{base}/results/")
    years = page.locator(".survey-year").all_inner_texts()
    assert years == ["2023"]
    assert page.locator("svg[role=img] title").count() >= 4
    assert "2022" not in page.locator("#survey ~ p").first.inner_text()
