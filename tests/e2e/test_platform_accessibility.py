"""axe-core on the platform's public pages (no serious or critical violation), and no page
wider than a 360-px phone (wide tables scroll inside their own region: WCAG 1.4.10 allows
two-dimensional data tables to)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def content(transactional_db: Any) -> dict[str, int]:
    import datetime as dt

    from django.contrib.auth.models import User
    from django.utils import timezone

    from tests.personas import body
    from tests.surveys.factories import FIXTURES
    from tsunagari.platform.bundled import load_platforms
    from tsunagari.platform.models import Case, Event, Member, News, Platform
    from tsunagari.platform.practice import index_terms
    from tsunagari.platform.results import approve_year
    from tsunagari.staff.members import grant
    from tsunagari.staff.roles import Role
    from tsunagari.surveys.services import store_survey_year

    load_platforms()
    now = timezone.now()
    local = Platform.objects.create(
        slug="city-131016",
        kind="municipality",
        prefecture_code="13",
        municipality_code="131016",
        name="千代田区つながりプラットフォーム",
        body=body("chiyoda"),
        published=True,
        published_at=now,
    )
    Member.objects.create(platform=local, body=body("akari"), published=True, published_at=now)
    case = Case.objects.create(
        body=body("akari"),
        title="見守り電話",
        tried="電話をかけた",
        for_whom="高齢者",
        result="続いた",
        lessons="担い手不足",
        outcome="mixed",
        needs=["loneliness"],
        prefecture_code="13",
        year=2024,
        published=True,
        published_at=now,
    )
    case.search_terms = index_terms(case)
    case.save()
    event = Event.objects.create(
        body=body("akari"),
        kind="supporter_course",
        title="つながりサポーター養成講座",
        starts_at=now + dt.timedelta(days=3),
        ends_at=now + dt.timedelta(days=3, hours=2),
        venue="区民会館",
        prefecture_code="13",
        capacity=20,
        published=True,
        published_at=now,
    )
    News.objects.create(
        body=body("cao"),
        topic="trial",
        title="#9999の試行",
        text="お知らせ",
        published=True,
        published_at=now,
    )
    uploader = User.objects.create_user("uploader")
    approver = User.objects.create_user("approver")
    grant(approver, body("cao"), Role.ANALYST)
    raw = (FIXTURES / "design_full.csv").read_bytes()
    approve_year(store_survey_year(raw, "design_full.csv", 2023, uploader), approver)
    return {"case": case.pk, "event": event.pk}


@pytest.fixture
def phone(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="ja-JP")
    yield context.new_page()
    context.close()


PAGES = [
    "/platform/",
    "/platform/p/national/",
    "/platform/p/city-131016/",
    "/platform/practice/?q=%E8%A6%8B%E5%AE%88%E3%82%8A",
    "/platform/practice/{case}/",
    "/platform/events/",
    "/platform/events/{event}/",
    "/news/",
    "/results/",
    "/en/platform/",
    "/en/results/",
]


@pytest.mark.parametrize("path", PAGES)
def test_platform_pages_have_no_serious_violation_and_fit_a_phone(
    phone: Any, live_server: Any, content: dict[str, int], path: str
) -> None:
    phone.goto(live_server.url + path.format(**content))
    results = Axe().run(phone)
    serious = [
        f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']]}"
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert serious == []
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360


def test_signing_up_works_without_javascript(
    page_without_js: Any, live_server: Any, content: dict[str, int]
) -> None:
    page_without_js.goto(f"{live_server.url}/platform/events/{content['event']}/")
    page_without_js.click("button:has-text('申し込む')")
    assert "申し込みました" in page_without_js.content()
    from tsunagari.platform.models import Event

    assert Event.objects.get(pk=content["event"]).signups == 1
