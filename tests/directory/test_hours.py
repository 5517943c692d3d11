"""Opening hours in Japan: holidays, closures, periods across midnight, trial windows."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from tsunagari.directory.hours import TOKYO, Closure, Hours, OpenState, Rule

WEEKDAYS = ("MO", "TU", "WE", "TH", "FR")
ALL_DAYS = (*WEEKDAYS, "SA", "SU")


def at(year: int, month: int, day: int, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, tzinfo=TOKYO)


def office_hours(**kwargs: object) -> Hours:
    return Hours(rules=(Rule.parse(WEEKDAYS, (), "09:00", "17:00"),), **kwargs)  # type: ignore[arg-type]


def test_weekday_office_is_open_on_a_tuesday_morning() -> None:
    assert office_hours(holidays="closed").state_at(at(2026, 11, 24, 10)) is OpenState.OPEN


def test_weekday_office_is_closed_after_closing_time() -> None:
    assert office_hours(holidays="closed").state_at(at(2026, 11, 24, 17)) is OpenState.CLOSED


def test_open_now_is_false_on_labour_thanksgiving_day() -> None:
    # 2026-11-23 is a Monday and 勤労感謝の日.
    assert office_hours(holidays="closed").state_at(at(2026, 11, 23, 10)) is OpenState.CLOSED


def test_substitute_holiday_counts_as_a_holiday() -> None:
    # 2025-11-24 was 振替休日 for 勤労感謝の日 falling on a Sunday.
    assert office_hours(holidays="closed").state_at(at(2025, 11, 24, 10)) is OpenState.CLOSED


def test_unknown_holiday_policy_gives_unknown_on_a_holiday() -> None:
    assert office_hours().state_at(at(2026, 11, 23, 10)) is OpenState.UNKNOWN


def test_open_now_is_false_on_new_years_day() -> None:
    hours = office_hours(holidays="open", closures=(Closure.parse("12-29", "01-03"),))
    assert hours.state_at(at(2027, 1, 1, 10)) is OpenState.CLOSED
    assert hours.state_at(at(2026, 12, 29, 10)) is OpenState.CLOSED
    assert hours.state_at(at(2027, 1, 4, 10)) is OpenState.OPEN


def test_evening_line_is_open_after_midnight() -> None:
    hours = Hours(rules=(Rule.parse(("FR",), (), "17:00", "02:00"),), holidays="open")
    assert hours.state_at(at(2026, 11, 27, 23)) is OpenState.OPEN
    assert hours.state_at(at(2026, 11, 28, 1, 59)) is OpenState.OPEN  # Saturday 01:59
    assert hours.state_at(at(2026, 11, 28, 2)) is OpenState.CLOSED


def test_two_periods_in_one_day() -> None:
    hours = Hours(
        rules=(
            Rule.parse(WEEKDAYS, (), "10:00", "12:00"),
            Rule.parse(WEEKDAYS, (), "13:00", "16:00"),
        ),
        holidays="closed",
    )
    assert hours.state_at(at(2026, 11, 25, 11)) is OpenState.OPEN
    assert hours.state_at(at(2026, 11, 25, 12, 30)) is OpenState.CLOSED
    assert hours.state_at(at(2026, 11, 25, 15)) is OpenState.OPEN


def test_monthly_day_runs_24_hours_from_opening() -> None:
    # いのちの電話's free line runs on the 10th of every month from 8:00 to 8:00 next day.
    hours = Hours(rules=(Rule.parse((), (10,), "08:00", "08:00"),), holidays="open")
    assert hours.state_at(at(2026, 12, 10, 7)) is OpenState.CLOSED
    assert hours.state_at(at(2026, 12, 10, 23)) is OpenState.OPEN
    assert hours.state_at(at(2026, 12, 11, 7, 59)) is OpenState.OPEN
    assert hours.state_at(at(2026, 12, 11, 8)) is OpenState.CLOSED


def test_trial_window_is_never_open_outside_its_dates() -> None:
    window = Rule.parse(ALL_DAYS, (), "00:00", "24:00", dt.date(2026, 5, 1), dt.date(2026, 5, 7))
    hours = Hours(rules=(window,), holidays="open")
    assert hours.state_at(at(2026, 5, 3, 3)) is OpenState.OPEN
    assert hours.state_at(at(2026, 5, 8, 3)) is OpenState.CLOSED
    assert hours.state_at(at(2026, 11, 23, 12)) is OpenState.CLOSED


def test_no_rules_means_unknown_never_open() -> None:
    assert Hours(rules=()).state_at(at(2026, 11, 24, 10)) is OpenState.UNKNOWN
    assert OpenState.UNKNOWN.as_bool() is None


def test_a_suspended_service_is_closed_whatever_its_hours() -> None:
    hours = Hours(rules=(Rule.parse(ALL_DAYS, (), "00:00", "24:00"),), status="inactive")
    assert hours.state_at(at(2026, 11, 24, 10)) is OpenState.CLOSED


def test_next_opening_skips_the_holiday() -> None:
    hours = office_hours(holidays="closed")
    assert hours.next_opening(at(2026, 11, 23, 10)) == at(2026, 11, 24, 9)


def test_always_open_needs_every_day_all_day_and_holidays() -> None:
    rule = Rule.parse(ALL_DAYS, (), "00:00", "24:00")
    assert Hours(rules=(rule,), holidays="open").always_open
    assert not Hours(rules=(rule,), holidays="unknown").always_open
    assert not Hours(
        rules=(rule,), holidays="open", closures=(Closure.parse("12-31", "01-01"),)
    ).always_open


def test_utc_moments_are_read_in_tokyo_time() -> None:
    utc_moment = dt.datetime(2026, 11, 24, 0, 30, tzinfo=dt.UTC)  # 09:30 in Tokyo
    assert office_hours(holidays="closed").state_at(utc_moment) is OpenState.OPEN


minutes = st.integers(min_value=0, max_value=24 * 60 - 1)


@given(opens=minutes, length=st.integers(min_value=1, max_value=24 * 60), offset=minutes)
def test_a_period_is_open_exactly_between_its_opening_and_closing(
    opens: int, length: int, offset: int
) -> None:
    closes = (opens + length) % (24 * 60) if opens + length != 24 * 60 else 24 * 60
    rule = Rule(ALL_DAYS, (), opens, closes)
    hours = Hours(rules=(rule,), holidays="open")
    start = at(2026, 6, 10, 0) + dt.timedelta(minutes=opens)  # a Wednesday, no holiday near
    moment = start + dt.timedelta(minutes=offset % length)
    assert hours.state_at(moment) is OpenState.OPEN
    if length < 24 * 60:  # the same period recurs daily, so only a gap-free day has no edge
        assert hours.state_at(start - dt.timedelta(minutes=1)) is OpenState.CLOSED
        assert hours.state_at(start + dt.timedelta(minutes=length)) is OpenState.CLOSED


@given(month=st.integers(1, 12), day=st.integers(1, 28))
def test_a_closure_across_the_year_end_contains_exactly_its_dates(month: int, day: int) -> None:
    closure = Closure.parse("12-29", "01-03")
    date = dt.date(2026, month, day)
    expected = (month == 12 and day >= 29) or (month == 1 and day <= 3)
    assert closure.contains(date) is expected
