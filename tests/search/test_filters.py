"""Filters: taxonomy codes, languages, the place a person lives, and what is open now."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.factories import create_service
from tsunagari.directory.areas import resolve_place
from tsunagari.directory.hours import TOKYO
from tsunagari.directory.models import Closure, Service
from tsunagari.search.engine import Filters, search

pytestmark = pytest.mark.django_db

WEEKDAYS = "MO,TU,WE,TH,FR"
EVERY_DAY = "MO,TU,WE,TH,FR,SA,SU"
MONDAY_NOON = dt.datetime(2026, 11, 16, 12, 0, tzinfo=TOKYO)
HOLIDAY_NOON = dt.datetime(2026, 11, 23, 12, 0, tzinfo=TOKYO)  # 勤労感謝の日, a Monday


def found(query: str = "", now: dt.datetime | None = None, **filters: object) -> set[str]:
    return {hit.slug for hit in search(query, Filters(**filters), now=now).hits}  # type: ignore[arg-type]


def test_need_audience_and_method_filters_keep_services_with_any_of_the_codes() -> None:
    create_service("a", needs=("bullying",), audiences=("child",), methods=("phone",))
    create_service("b", needs=("dv",), audiences=("women",), methods=("sns",))
    create_service("c", needs=("poverty",), audiences=("adult",), methods=("phone",))
    assert found(needs=("bullying", "dv")) == {"a", "b"}
    assert found(audiences=("women",)) == {"b"}
    assert found(methods=("phone",)) == {"a", "c"}
    assert found(needs=("bullying", "dv"), methods=("phone",)) == {"a"}


def test_language_filter() -> None:
    create_service("japanese", languages=["ja"])
    create_service("multilingual", languages=["ja", "en", "vi"])
    assert found(languages=("vi",)) == {"multilingual"}
    assert found(languages=("en", "ja")) == {"japanese", "multilingual"}


def test_filters_apply_to_a_text_query() -> None:
    create_service("bullying-phone", description="いじめの電話相談", methods=("phone",))
    create_service("bullying-chat", description="いじめのチャット相談", methods=("sns",))
    assert found("いじめ", methods=("sns",)) == {"bullying-chat"}


def test_a_place_is_covered_by_nationwide_prefecture_and_municipality_services() -> None:
    create_service("nationwide")
    create_service("tokyo", areas=(("prefecture", "13"),))
    create_service("shinjuku", areas=(("municipality", "131041"),))
    create_service("shibuya", areas=(("municipality", "131130"),))
    create_service("osaka", areas=(("prefecture", "27"),))
    assert found(place=resolve_place("160-0023")) == {"nationwide", "tokyo", "shinjuku"}
    assert found(place=resolve_place("13")) == {"nationwide", "tokyo"}
    assert found(place=resolve_place("27")) == {"nationwide", "osaka"}


def test_a_designated_citys_service_covers_its_wards() -> None:
    create_service("sapporo", areas=(("municipality", "011002"),))
    create_service("hakodate", areas=(("municipality", "012025"),))
    chuo_ku = resolve_place("011011")  # 札幌市中央区
    assert chuo_ku is not None and chuo_ku.municipality is not None
    assert found(place=chuo_ku) == {"sapporo"}


def test_an_empty_query_lists_crisis_lines_then_the_nearest_services() -> None:
    create_service("national")
    create_service("crisis", crisis_line=True)
    create_service("tokyo", areas=(("prefecture", "13"),), scope="local-kind", local_finder="x")
    create_service(
        "shinjuku", areas=(("municipality", "131041"),), scope="local-kind", local_finder="x"
    )
    hits = search("", Filters(place=resolve_place("131041"))).hits
    assert [h.slug for h in hits] == ["crisis", "shinjuku", "tokyo", "national"]


def test_ended_services_are_never_found_but_paused_ones_are() -> None:
    create_service("active", description="いじめの相談")
    create_service("defunct", description="いじめの相談", status=Service.Status.DEFUNCT)
    create_service("inactive", description="いじめの相談", status=Service.Status.INACTIVE)
    create_service("paused", description="いじめの相談", status=Service.Status.TEMPORARILY_CLOSED)
    assert found("いじめ") == found() == {"active", "paused"}


class TestOpenNow:
    def test_weekday_hours_are_open_on_a_weekday_and_closed_at_night(self) -> None:
        create_service("office", hours=((WEEKDAYS, "09:00", "17:00"),), holidays="closed")
        assert found(open_now=True, now=MONDAY_NOON) == {"office"}
        assert found(open_now=True, now=MONDAY_NOON.replace(hour=20)) == set()

    def test_a_service_closed_on_holidays_is_closed_on_a_public_holiday(self) -> None:
        create_service(
            "closed-on-holidays", hours=((WEEKDAYS, "09:00", "17:00"),), holidays="closed"
        )
        create_service("open-on-holidays", hours=((WEEKDAYS, "09:00", "17:00"),), holidays="open")
        assert found(open_now=True, now=HOLIDAY_NOON) == {"open-on-holidays"}

    def test_unknown_holiday_hours_are_not_shown_as_open_on_a_holiday(self) -> None:
        create_service("unsure", hours=((WEEKDAYS, "09:00", "17:00"),), holidays="unknown")
        assert found(open_now=True, now=MONDAY_NOON) == {"unsure"}
        assert found(open_now=True, now=HOLIDAY_NOON) == set()

    def test_hours_past_midnight_are_open_after_midnight(self) -> None:
        create_service("evening", hours=(("MO", "17:00", "02:00"),), holidays="open")
        tuesday_1am = dt.datetime(2026, 11, 17, 1, 0, tzinfo=TOKYO)
        monday_1am = dt.datetime(2026, 11, 16, 1, 0, tzinfo=TOKYO)
        assert found(open_now=True, now=tuesday_1am) == {"evening"}
        assert found(open_now=True, now=tuesday_1am.replace(hour=3)) == set()
        assert found(open_now=True, now=monday_1am) == set()

    def test_services_with_unknown_hours_are_left_out(self) -> None:
        create_service("no-hours")
        create_service("always", hours=((EVERY_DAY, "00:00", "24:00"),), holidays="open")
        assert found(open_now=True, now=MONDAY_NOON) == {"always"}
        assert found(now=MONDAY_NOON) == {"no-hours", "always"}

    def test_a_year_end_closure_closes_a_24_hour_line(self) -> None:
        line = create_service("line", hours=((EVERY_DAY, "00:00", "24:00"),), holidays="open")
        Closure.objects.create(service=line, start="12-29", end="01-03")
        new_years_eve = dt.datetime(2026, 12, 31, 12, 0, tzinfo=TOKYO)
        assert found(open_now=True, now=new_years_eve) == set()
        assert found(open_now=True, now=MONDAY_NOON) == {"line"}

    def test_a_paused_service_is_not_open(self) -> None:
        create_service(
            "paused",
            hours=((EVERY_DAY, "00:00", "24:00"),),
            holidays="open",
            status=Service.Status.TEMPORARILY_CLOSED,
        )
        assert found(open_now=True, now=MONDAY_NOON) == set()

    def test_open_now_agrees_with_the_services_own_hours(self) -> None:
        create_service("office", hours=((WEEKDAYS, "09:00", "17:00"),), holidays="closed")
        create_service("evening", hours=(("MO,TU", "17:00", "02:00"),), holidays="open")
        create_service("always", hours=((EVERY_DAY, "00:00", "24:00"),), holidays="open")
        start = dt.datetime(2026, 11, 20, 0, 0, tzinfo=TOKYO)
        for hour in range(0, 24 * 5, 5):
            moment = start + dt.timedelta(hours=hour)
            expected = {
                s.slug
                for s in Service.objects.with_details()
                if s.hours().state_at(moment).as_bool() is True
            }
            assert found(open_now=True, now=moment) == expected, moment
