"""Events and training (a seat is a count, never past capacity; trained people per
prefecture and fiscal year), and news (reviewed, on the home page, as Atom)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.utils import timezone

from tests.personas import Personas
from tests.platform.helpers import decide, post
from tsunagari.platform.models import Event, News
from tsunagari.platform.training import fiscal_year, trained_by_prefecture_and_year
from tsunagari.staff.models import AuditEntry

pytestmark = pytest.mark.django_db


def _event_form(**fields: str) -> dict[str, str]:
    start = timezone.localtime() + dt.timedelta(days=10)
    data = {
        "kind": "supporter_course",
        "title": "つながりサポーター養成講座（千代田）",
        "description": "",
        "starts_at": start.strftime("%Y-%m-%dT%H:%M"),
        "ends_at": (start + dt.timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M"),
        "venue": "区民会館",
        "online_url": "",
        "prefecture_code": "13",
        "capacity": "2",
    }
    return {**data, **fields}


def _published_event(client: Client, personas: Personas, **fields: str) -> Event:
    assert (
        post(
            client, personas.npo_editor, "/staff/platform/event/new/", _event_form(**fields)
        ).status_code
        == 302
    )
    event = Event.objects.latest("pk")
    decide(client, personas.reviewer, "event", event.pk)
    event.refresh_from_db()
    return event


def test_sign_ups_stop_at_capacity_and_store_no_person(client: Client, personas: Personas) -> None:
    event = _published_event(client, personas)
    visitor = Client()
    for _ in range(3):
        visitor.post(f"/platform/events/{event.pk}/sign-up/")
    event.refresh_from_db()
    assert event.signups == 2
    assert "定員に達しました" in visitor.get(f"/platform/events/{event.pk}/").content.decode()


def test_a_get_never_signs_up(client: Client, personas: Personas) -> None:
    event = _published_event(client, personas)
    assert Client().get(f"/platform/events/{event.pk}/sign-up/").status_code == 405
    event.refresh_from_db()
    assert event.signups == 0


def test_an_unreviewed_event_cannot_be_signed_up_for(client: Client, personas: Personas) -> None:
    post(client, personas.npo_editor, "/staff/platform/event/new/", _event_form())
    event = Event.objects.get()
    assert Client().post(f"/platform/events/{event.pk}/sign-up/").status_code == 404


def test_an_event_needs_a_place_or_a_link(client: Client, personas: Personas) -> None:
    response = post(
        client, personas.npo_editor, "/staff/platform/event/new/", _event_form(venue="")
    )
    assert response.status_code == 400 and not Event.objects.exists()


def test_completed_courses_count_per_prefecture_and_fiscal_year(
    client: Client, personas: Personas
) -> None:
    event = _published_event(client, personas)
    client.force_login(personas.npo_editor)
    assert (
        client.post(
            f"/staff/platform/events/{event.pk}/completed/", {"completed": "18"}
        ).status_code
        == 302
    )
    [trained] = trained_by_prefecture_and_year()
    assert (trained.prefecture_code, trained.people, trained.courses) == ("13", 18, 1)
    assert trained.fiscal_year == fiscal_year(event.starts_at)
    assert AuditEntry.objects.filter(action="platform.event.completed").exists()
    assert Client().get("/api/v1/training").json()[0]["people"] == 18
    assert f"{trained.fiscal_year}年度 18人" in Client().get("/results/").content.decode()
    client.force_login(personas.other_npo_editor)
    assert (
        client.post(
            f"/staff/platform/events/{event.pk}/completed/", {"completed": "99"}
        ).status_code
        == 403
    )


def test_the_fiscal_year_starts_in_april() -> None:
    tokyo = dt.timezone(dt.timedelta(hours=9))
    assert fiscal_year(dt.datetime(2025, 3, 31, 12, tzinfo=tokyo)) == 2024
    assert fiscal_year(dt.datetime(2025, 4, 1, 12, tzinfo=tokyo)) == 2025


NEWS = {
    "topic": "trial",
    "title": "孤独・孤立相談ダイヤル#9999の試行",
    "title_en": "Trial of the #9999 line",
    "text": "試行のお知らせです。",
    "text_en": "A notice of the trial.",
}


def test_news_is_on_the_home_page_and_in_the_feed_only_after_review(
    client: Client, personas: Personas
) -> None:
    post(client, personas.editor, "/staff/platform/news/new/", NEWS)
    item = News.objects.get()
    assert "#9999の試行" not in Client().get("/").content.decode()
    assert "#9999" not in Client().get("/news/feed/").content.decode()
    decide(client, personas.reviewer, "news", item.pk)
    assert "#9999の試行" in Client().get("/").content.decode()
    feed = Client().get("/news/feed/")
    assert feed["Content-Type"].startswith("application/atom+xml")
    assert "#9999の試行" in feed.content.decode()
    assert "Trial of the #9999 line" in Client().get("/en/news/feed/").content.decode()
    assert Client().get("/api/v1/news").json()[0]["title"]["en"] == "Trial of the #9999 line"
