"""Opening hours in plain words: 平日 9:00〜17:00, 毎月10日, 5月1日〜5月31日のみ, 祝日は休み."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils.formats import date_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from tsunagari.directory.hours import DAY, WEEKDAYS
from tsunagari.directory.models import Closure, Schedule, Service, pick


@dataclass(frozen=True)
class HoursRow:
    """One line of the hours table: on which days, at what times, and for which period."""

    days: str
    times: str
    period: str = ""
    note: str = ""


@dataclass(frozen=True)
class HoursText:
    rows: tuple[HoursRow, ...]
    holidays: str
    closures: tuple[str, ...]
    note: str
    awaiting_window: bool = False  # runs only in windows, and none is published yet

    @property
    def known(self) -> bool:
        return bool(self.rows or self.note or self.awaiting_window)


def describe_hours(service: Service, language: str, today: dt.date) -> HoursText:
    """The hours as they stand `today`: a window that has ended is no longer shown."""
    current = [s for s in service.schedules.all() if not (s.valid_to and s.valid_to < today)]
    rows = tuple(_row(s, language) for s in current)
    hours = service.hours()
    return HoursText(
        rows=rows,
        holidays=_holidays(service.holidays) if rows else "",
        closures=tuple(_closure(c, language) for c in service.closures.all()),
        note=pick(language, service.hours_note, service.hours_note_en),
        awaiting_window=hours.only_in_windows and hours.next_window(today) is None,
    )


def weekday_names() -> dict[str, str]:
    return {
        "MO": _("月"),
        "TU": _("火"),
        "WE": _("水"),
        "TH": _("木"),
        "FR": _("金"),
        "SA": _("土"),
        "SU": _("日"),
    }


def describe_days(days: tuple[str, ...]) -> str:
    """毎日 / 平日（月〜金） / 土・日 / 月〜木・土."""
    ordered = [d for d in WEEKDAYS if d in days]
    if len(ordered) == 7:
        return _("毎日")
    if ordered == list(WEEKDAYS[:5]):
        return _("平日（月〜金）")
    names = weekday_names()
    parts = []
    for run in _runs([WEEKDAYS.index(d) for d in ordered]):
        if len(run) >= 3:
            first, last = names[WEEKDAYS[run[0]]], names[WEEKDAYS[run[-1]]]
            parts.append(_("%(first)s〜%(last)s") % {"first": first, "last": last})
        else:
            parts.extend(names[WEEKDAYS[i]] for i in run)
    return join_list(parts)


def describe_monthdays(monthdays: tuple[int, ...]) -> str:
    days = join_list([_day_of_month(day) for day in sorted(monthdays)])
    return _("毎月%(days)s") % {"days": days}


def join_list(parts: list[str]) -> str:
    """月・水・金 in Japanese; "Mon, Wed and Fri" in English."""
    if get_language() != "en" or len(parts) < 2:
        return "・".join(parts)
    return ", ".join(parts[:-1]) + " and " + parts[-1]


def _day_of_month(day: int) -> str:
    if get_language() != "en":
        return f"{day}日"
    suffix = "th" if 11 <= day % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return f"{day}{suffix}"


def describe_times(opens: int, closes: int) -> str:
    """0:00〜24:00 is 24時間; a period that ends at or before it starts ends the next day."""
    if opens == 0 and closes in (0, DAY):
        return _("24時間")
    start = _clock(opens)
    if closes == opens:
        return _("%(start)s〜翌日%(start)s（24時間）") % {"start": start}
    if closes < opens:
        return _("%(start)s〜翌%(end)s") % {"start": start, "end": _clock(closes)}
    return _("%(start)s〜%(end)s") % {"start": start, "end": _clock(closes)}


def format_date(day: dt.date) -> str:
    # Translators: a Django date format for a full date (Y年n月j日).
    return date_format(day, _("Y年n月j日"))


def _row(schedule: Schedule, language: str) -> HoursRow:
    rule = schedule.rule()
    days = describe_days(rule.days) if rule.days else describe_monthdays(rule.monthdays)
    return HoursRow(
        days=days,
        times=describe_times(rule.opens, rule.closes),
        period=_period(rule.valid_from, rule.valid_to),
        note=pick(language, schedule.description, schedule.description_en),
    )


def _period(start: dt.date | None, end: dt.date | None) -> str:
    if start and end:
        return _("%(start)s〜%(end)sのみ") % {"start": format_date(start), "end": format_date(end)}
    if start:
        return _("%(start)sから") % {"start": format_date(start)}
    if end:
        return _("%(end)sまで") % {"end": format_date(end)}
    return ""


def _holidays(policy: str) -> str:
    if policy == Service.Holidays.OPEN:
        return _("祝日も受け付けています。")
    if policy == Service.Holidays.CLOSED:
        return _("祝日はお休みです。")
    return _("祝日に受け付けているかは分かりません。かける前に確かめてください。")


def _closure(closure: Closure, language: str) -> str:
    rule = closure.rule()
    start = date_format(dt.date(2000, *rule.start), _("n月j日"))
    end = date_format(dt.date(2000, *rule.end), _("n月j日"))
    text = _("%(start)s〜%(end)sはお休み") % {"start": start, "end": end}
    note = pick(language, closure.description, closure.description_en)
    return _("%(text)s（%(note)s）") % {"text": text, "note": note} if note else text


def _clock(minutes: int) -> str:
    return f"{minutes // 60}:{minutes % 60:02d}"


def _runs(indexes: list[int]) -> list[list[int]]:
    runs: list[list[int]] = []
    for index in indexes:
        if runs and index == runs[-1][-1] + 1:
            runs[-1].append(index)
        else:
            runs.append([index])
    return runs
