import pytest
from django.utils import translation

from tsunagari.web.hours_text import describe_days, describe_monthdays, describe_times


@pytest.mark.parametrize(
    ("days", "text"),
    [
        (("MO", "TU", "WE", "TH", "FR", "SA", "SU"), "毎日"),
        (("MO", "TU", "WE", "TH", "FR"), "平日（月〜金）"),
        (("SA", "SU"), "土・日"),
        (("MO", "TU", "WE", "TH", "SA"), "月〜木・土"),
        (("WE",), "水"),
    ],
)
def test_days_read_as_a_person_would_say_them(days: tuple[str, ...], text: str) -> None:
    with translation.override("ja"):
        assert describe_days(days) == text


@pytest.mark.parametrize(
    ("opens", "closes", "text"),
    [
        (0, 1440, "24時間"),
        (540, 1020, "9:00〜17:00"),
        (1020, 120, "17:00〜翌2:00"),
        (480, 480, "8:00〜翌日8:00（24時間）"),
    ],
)
def test_times_say_when_a_period_ends_the_next_day(opens: int, closes: int, text: str) -> None:
    with translation.override("ja"):
        assert describe_times(opens, closes) == text


def test_monthly_days_are_listed_in_order() -> None:
    with translation.override("ja"):
        assert describe_monthdays((20, 10)) == "毎月10日・20日"


def test_days_and_times_have_english_wording() -> None:
    with translation.override("en"):
        assert describe_days(("SA", "SU")) == "Sat and Sun"
        assert describe_times(1020, 120) == "17:00–2:00 (next day)"
        assert describe_monthdays((10, 20)) == "On the 10th and 20th of each month"
