"""Windows that expire: a trial, a campaign or a past period leaves the answers by itself."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client

from tests.factories import create_service
from tsunagari.directory.bundle import read_bundle
from tsunagari.directory.crisis_lines import crisis_lines
from tsunagari.directory.hours import TOKYO
from tsunagari.directory.models import Schedule, Service
from tsunagari.search.engine import search
from tsunagari.web.hours_text import describe_hours

pytestmark = pytest.mark.django_db

LAST_DAY = dt.date(2026, 12, 10)


def noon(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(12), tzinfo=TOKYO)


def campaign_line() -> Service:
    return create_service(
        "year-end-line",
        name="年末の特別相談",
        keywords=["年末相談"],
        crisis_line=True,
        phones=("0120-279-338",),
        hours=(("MO,TU,WE,TH,FR,SA,SU", "00:00", "24:00"),),
        holidays="open",
        valid_from=dt.date(2026, 12, 1),
        valid_to=LAST_DAY,
    )


def test_an_ended_window_leaves_search_and_crisis_lines_the_day_after_its_end() -> None:
    campaign_line()
    on_last_day, day_after = noon(LAST_DAY), noon(LAST_DAY + dt.timedelta(days=1))
    assert [h.slug for h in search("年末相談", now=on_last_day).hits] == ["year-end-line"]
    assert [line.slug for line in crisis_lines(on_last_day)] == ["year-end-line"]
    assert search("年末相談", now=day_after).hits == []
    assert "year-end-line" not in [line.slug for line in crisis_lines(day_after)]
    assert Service.objects.listed(LAST_DAY).count() == 1
    assert Service.objects.listed(LAST_DAY + dt.timedelta(days=1)).count() == 0
    assert Service.objects.get(slug="year-end-line").valid_to == LAST_DAY  # no data change


def test_a_line_whose_window_has_not_begun_is_not_a_crisis_line_yet() -> None:
    campaign_line()
    assert "year-end-line" not in [line.slug for line in crisis_lines(noon(dt.date(2026, 11, 30)))]


def test_the_service_page_says_the_window_is_over_and_offers_no_call(client: Client) -> None:
    yesterday = dt.datetime.now(TOKYO).date() - dt.timedelta(days=1)
    create_service("ended", phones=("0120-262-701",), valid_to=yesterday)
    page = client.get("/services/ended/").content.decode()
    ended = f"{yesterday.year}年{yesterday.month}月{yesterday.day}日"
    assert f"この窓口の実施期間は{ended}で終わりました。" in page
    assert 'href="tel:0120262701"' not in page


def test_the_api_gives_a_services_window(client: Client) -> None:
    campaign_line()
    data = client.get("/api/v1/services/year-end-line").json()
    assert (data["valid_from"], data["valid_to"]) == ("2026-12-01", "2026-12-10")
    assert [p["fact"] for p in data["provenance"]] == ["service", "phones", "hours"]
    assert data["provenance"][1]["checked_on"] == "2026-11-01"


def trial_only(*windows: tuple[dt.date, dt.date]) -> Service:
    service = create_service("trial-dial", phones=("#9999",), holidays="open")
    for i, (start, end) in enumerate(windows):
        Schedule.objects.create(
            service=service,
            position=i,
            byday="MO,TU,WE,TH,FR,SA,SU",
            opens_at="00:00",
            closes_at="24:00",
            valid_from=start,
            valid_to=end,
        )
    return Service.objects.with_details().get(pk=service.pk)


def test_past_trial_windows_are_not_shown_and_none_is_invented() -> None:
    service = trial_only((dt.date(2024, 5, 3), dt.date(2024, 5, 6)))
    hours = describe_hours(service, "ja", dt.date(2026, 12, 3))
    assert hours.rows == ()
    assert hours.awaiting_window


def test_the_next_window_is_shown_once_it_is_published() -> None:
    service = trial_only(
        (dt.date(2024, 5, 3), dt.date(2024, 5, 6)), (dt.date(2027, 5, 2), dt.date(2027, 5, 6))
    )
    hours = describe_hours(service, "ja", dt.date(2026, 12, 3))
    assert [row.period for row in hours.rows] == ["2027年5月2日〜2027年5月6日のみ"]
    assert not hours.awaiting_window
    assert service.hours().next_window(dt.date(2026, 12, 3)) == (
        dt.date(2027, 5, 2),
        dt.date(2027, 5, 6),
    )


def test_the_bundled_mens_sexual_violence_hotline_window_is_over() -> None:
    bundle = read_bundle(Path(settings.DATA_DIR) / "directory")
    (hotline,) = [s for s in bundle.services if s.id == "dansei-seiboryoku-hotline"]
    assert (hotline.valid_from, hotline.valid_to) == (dt.date(2023, 9, 22), dt.date(2023, 12, 23))
    assert not hotline.hours().in_window(dt.date(2023, 12, 24))


def test_the_bundled_9999_shows_no_window_as_open_after_its_last_trial() -> None:
    bundle = read_bundle(Path(settings.DATA_DIR) / "directory")
    (dial,) = [s for s in bundle.services if s.id == "kodoku-koritsu-soudan-dial"]
    hours = dial.hours()
    assert hours.only_in_windows
    after = max(r.valid_to for r in dial.schedules if r.valid_to) + dt.timedelta(days=1)
    assert hours.next_window(after) is None
    assert hours.next_opening(noon(after), horizon_days=60) is None
