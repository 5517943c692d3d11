"""From a fresh portal: the demo editor submits a figure in a real browser; the public
API answers the same until the demo reviewer approves it through the confirmation page."""

from __future__ import annotations

import json
import re
import urllib.request
from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def accounts(transactional_db: Any) -> dict[str, str]:
    """`tsunagari demo_staff` after the plan is loaded, as `make run` does; its passwords."""
    from tsunagari.measures.ingest import ingest

    ingest()
    out = StringIO()
    call_command("demo_staff", "--force", stdout=out)
    return dict(re.findall(r"^(demo-[a-z]+) \(.*\): password (\S+)$", out.getvalue(), re.M))


def _api(base: str) -> dict[str, Any]:
    with urllib.request.urlopen(f"{base}/api/v1/measures/8") as answer:
        return json.load(answer)  # type: ignore[no-any-return]


def _sign_in(page: Any, base: str, username: str, password: str) -> None:
    page.context.clear_cookies()
    page.goto(f"{base}/staff/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("button[type=submit]")
    page.wait_for_load_state()
    assert username in page.locator(".staff-bar").inner_text()


def _visits(data: dict[str, Any]) -> dict[int, Any]:
    found = next(i for i in data["indicators"] if i["name"] == "支援情報検索サイトのアクセス数")
    return {o["fiscal_year"]: o["value"] for o in found["observations"]}


def test_a_submitted_figure_reaches_the_api_only_after_the_reviewer_approves(
    page: Any, live_server: Any, accounts: dict[str, str]
) -> None:
    base = live_server.url
    before = _api(base)
    _sign_in(page, base, "demo-editor", accounts["demo-editor"])
    page.goto(f"{base}/plan/staff/measures/8/edit/")
    page.fill("#id_achievement_text", "PV数は35万回")
    page.fill("#id_policy_text", "引き続き周知する")
    page.get_by_label("支援情報検索サイトのアクセス数", exact=False).fill("350,000")
    page.click("text=内閣府に提出する")
    assert "提出しました" in page.content()
    assert _api(base) == before

    _sign_in(page, base, "demo-reviewer", accounts["demo-reviewer"])
    page.goto(f"{base}/plan/staff/reviews/")
    page.click("text=8. ")
    assert page.locator("table.changes", has_text="350000").count() == 1
    page.click("text=承認する…")
    assert _api(base) == before  # the confirmation page changed nothing
    page.click("text=承認して公開する")
    assert "承認し、公開しました" in page.content()
    after = _api(base)
    assert _visits(after)[2025] == 350000
    assert "demo-editor" not in json.dumps(after, ensure_ascii=False)

    page.goto(f"{base}/staff/audit/?area=measures")
    assert page.locator("td", has_text="実績値の公開").count() == 1
    assert page.locator("table.changes td", has_text="350000").count() >= 1
