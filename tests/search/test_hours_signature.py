"""Opening hours indexed as a signature evaluate exactly as the service's own hours."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from tsunagari.directory.hours import TOKYO, WEEKDAYS, Closure, Hours, Rule
from tsunagari.search.filters import hours_from_signature, hours_signature

times = st.integers(min_value=0, max_value=24 * 60).map(lambda m: f"{m // 60:02d}:{m % 60:02d}")
days = st.dates(min_value=dt.date(2025, 1, 1), max_value=dt.date(2027, 12, 31))
rules = st.builds(
    Rule.parse,
    st.lists(st.sampled_from(WEEKDAYS), unique=True).map(tuple),
    st.lists(st.integers(1, 31), unique=True, max_size=3).map(tuple),
    times,
    times,
    st.none() | days,
    st.none() | days,
)
month_days = st.tuples(st.integers(1, 12), st.integers(1, 28))
hours = st.builds(
    Hours,
    rules=st.lists(rules, max_size=3).map(tuple),
    closures=st.lists(st.builds(Closure, month_days, month_days), max_size=2).map(tuple),
    holidays=st.sampled_from(["open", "closed", "unknown"]),
    status=st.sampled_from(["active", "temporarily closed"]),
)
moments = st.datetimes(min_value=dt.datetime(2025, 1, 1), max_value=dt.datetime(2027, 12, 31)).map(
    lambda m: m.replace(tzinfo=TOKYO)
)


@given(hours, moments)
def test_a_signature_opens_and_closes_like_the_hours_it_came_from(
    original: Hours, moment: dt.datetime
) -> None:
    restored = hours_from_signature(hours_signature(original))
    assert restored.state_at(moment) == original.state_at(moment)


@given(hours)
def test_equal_timetables_have_equal_signatures(original: Hours) -> None:
    reordered = Hours(
        rules=tuple(reversed(original.rules)),
        closures=tuple(reversed(original.closures)),
        holidays=original.holidays,
        status=original.status,
        has_note=not original.has_note,  # a note says nothing about open or closed
    )
    assert hours_signature(reordered) == hours_signature(original)
