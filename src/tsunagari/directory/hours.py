"""Opening hours: is a service open at a given moment in Japan?

HSDS schedules know nothing of public holidays; Japanese services close on 祝日 and
振替休日 (jpholiday knows both) and at 年末年始, and some lines run past midnight
(17:00–翌2:00 must be open at 01:00), so the rules are evaluated here, in Asia/Tokyo.
"""

from __future__ import annotations

import datetime as dt
import enum
import json
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from zoneinfo import ZoneInfo

import jpholiday

TOKYO = ZoneInfo("Asia/Tokyo")
WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
DAY = 24 * 60


class OpenState(enum.Enum):
    OPEN = "open"
    CLOSED = "closed"
    UNKNOWN = "unknown"

    def as_bool(self) -> bool | None:
        """`open_now` in the APIs: true, false, or null when the hours are not known."""
        return None if self is OpenState.UNKNOWN else self is OpenState.OPEN


def parse_minutes(text: str) -> int:
    hours, minutes = text.split(":")
    value = int(hours) * 60 + int(minutes)
    if not 0 <= value <= DAY:
        raise ValueError(f"{text!r} is not a time between 00:00 and 24:00")
    return value


def is_public_holiday(day: dt.date) -> bool:
    """祝日 or 振替休日 (substitute holiday)."""
    return bool(jpholiday.is_holiday(day))


@dataclass(frozen=True)
class Closure:
    """A yearly closure from one month-day to another, inclusive; may wrap the year end."""

    start: tuple[int, int]
    end: tuple[int, int]

    @classmethod
    def parse(cls, start: str, end: str) -> Closure:
        s_month, s_day = (int(x) for x in start.split("-"))
        e_month, e_day = (int(x) for x in end.split("-"))
        return cls((s_month, s_day), (e_month, e_day))

    def contains(self, day: dt.date) -> bool:
        key = (day.month, day.day)
        if self.start <= self.end:
            return self.start <= key <= self.end
        return key >= self.start or key <= self.end


@dataclass(frozen=True)
class Rule:
    """One schedule row: on these weekdays (or days of the month), from opens to closes.

    Times are minutes after midnight; closes == 1440 is the end of the day; closes <= opens
    means the period ends the next day (equal: 24 hours from opens).
    """

    days: tuple[str, ...]
    monthdays: tuple[int, ...]
    opens: int
    closes: int
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None

    @classmethod
    def parse(
        cls,
        days: tuple[str, ...],
        monthdays: tuple[int, ...],
        opens: str,
        closes: str,
        valid_from: dt.date | None = None,
        valid_to: dt.date | None = None,
    ) -> Rule:
        return cls(
            days, monthdays, parse_minutes(opens), parse_minutes(closes), valid_from, valid_to
        )

    def applies_on(self, day: dt.date) -> bool:
        if self.valid_from and day < self.valid_from:
            return False
        if self.valid_to and day > self.valid_to:
            return False
        return WEEKDAYS[day.weekday()] in self.days or day.day in self.monthdays

    def period_starting(self, day: dt.date) -> tuple[dt.datetime, dt.datetime]:
        start = dt.datetime.combine(day, dt.time(), tzinfo=TOKYO) + dt.timedelta(minutes=self.opens)
        length = self.closes - self.opens
        if length <= 0:
            length += DAY
        return start, start + dt.timedelta(minutes=length)

    @property
    def is_all_day(self) -> bool:
        return self.opens == 0 and self.closes in (0, DAY)


@dataclass(frozen=True)
class Hours:
    """All that decides whether a service is open: its rules, closures and holiday policy."""

    rules: tuple[Rule, ...]
    closures: tuple[Closure, ...] = ()
    holidays: str = "unknown"  # open | closed | unknown
    status: str = "active"
    has_note: bool = False
    valid_from: dt.date | None = None  # the service's own window (a trial, a campaign)
    valid_to: dt.date | None = None

    def in_window(self, day: dt.date) -> bool:
        return not (self.valid_from and day < self.valid_from) and not (
            self.valid_to and day > self.valid_to
        )

    def state_at(self, moment: dt.datetime) -> OpenState:
        if self.status != "active":
            return OpenState.CLOSED
        if not self.rules:
            return OpenState.UNKNOWN
        moment = moment.astimezone(TOKYO)
        state = OpenState.CLOSED
        for start, end, certain in self._periods_around(moment.date()):
            if start <= moment < end:
                if certain:
                    return OpenState.OPEN
                state = OpenState.UNKNOWN
        return state

    def next_opening(self, moment: dt.datetime, horizon_days: int = 14) -> dt.datetime | None:
        """When the service next opens for certain after `moment`, within the horizon."""
        moment = moment.astimezone(TOKYO)
        starts = [
            start
            for offset in range(horizon_days + 1)
            for start, _end, certain in self._periods_on(moment.date() + dt.timedelta(offset))
            if certain and start > moment
        ]
        return min(starts, default=None)

    def _periods_around(self, day: dt.date) -> Iterator[tuple[dt.datetime, dt.datetime, bool]]:
        # A period that started yesterday may still be running (17:00–翌2:00).
        yield from self._periods_on(day - dt.timedelta(days=1))
        yield from self._periods_on(day)

    def _periods_on(self, day: dt.date) -> Iterator[tuple[dt.datetime, dt.datetime, bool]]:
        if not self.in_window(day) or any(closure.contains(day) for closure in self.closures):
            return
        holiday = is_public_holiday(day)
        if holiday and self.holidays == "closed":
            return
        certain = not holiday or self.holidays == "open"
        for rule in self.rules:
            if rule.applies_on(day):
                start, end = rule.period_starting(day)
                yield start, end, certain

    def next_window(self, day: dt.date) -> tuple[dt.date | None, dt.date | None] | None:
        """The current or next published window of a service that runs only in windows
        (#9999's trials): None when the rules are not all windowed or none is still to come."""
        if not self.rules or any(r.valid_to is None for r in self.rules):
            return None
        coming = sorted(
            ((r.valid_from or day), r.valid_to)
            for r in self.rules
            if r.valid_to and r.valid_to >= day
        )
        if not coming:
            return None
        start, end = coming[0]
        for following_start, following_end in coming[1:]:  # adjoining rows are one window
            if following_start > end + dt.timedelta(days=1):
                break
            end = max(end, following_end)
        return start, end

    @property
    def only_in_windows(self) -> bool:
        """Every rule is bounded in time: outside its windows the service does not run."""
        return bool(self.rules) and all(r.valid_to is not None for r in self.rules)

    @property
    def always_open(self) -> bool:
        """24 hours every day of the year, with nothing that could close it."""
        return (
            self.status == "active"
            and not (self.valid_from or self.valid_to)
            and not self.closures
            and self.holidays == "open"
            and any(
                r.is_all_day and len(r.days) == 7 and not (r.valid_from or r.valid_to)
                for r in self.rules
            )
        )


def hours_signature(hours: Hours) -> str:
    """Canonical JSON of what decides open or closed (not the free-text note)."""

    def day(value: dt.date | None) -> str | None:
        return value.isoformat() if value else None

    return json.dumps(
        {
            "rules": sorted(
                (
                    [
                        list(r.days),
                        list(r.monthdays),
                        r.opens,
                        r.closes,
                        day(r.valid_from),
                        day(r.valid_to),
                    ]
                    for r in hours.rules
                ),
                key=json.dumps,  # None (open-ended) and dates do not compare
            ),
            "closures": sorted([list(c.start), list(c.end)] for c in hours.closures),
            "holidays": hours.holidays,
            "status": hours.status,
            "window": [day(hours.valid_from), day(hours.valid_to)],
        },
        separators=(",", ":"),
        sort_keys=True,
    )


@lru_cache(maxsize=4096)
def hours_from_signature(signature: str) -> Hours:
    data = json.loads(signature)

    def day(value: str | None) -> dt.date | None:
        return dt.date.fromisoformat(value) if value else None

    return Hours(
        rules=tuple(
            Rule(tuple(days), tuple(monthdays), opens, closes, day(start), day(end))
            for days, monthdays, opens, closes, start, end in data["rules"]
        ),
        closures=tuple(Closure((s[0], s[1]), (e[0], e[1])) for s, e in data["closures"]),
        holidays=data["holidays"],
        status=data["status"],
        valid_from=day(data["window"][0]),
        valid_to=day(data["window"][1]),
    )
