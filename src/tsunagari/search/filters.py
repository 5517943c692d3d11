"""Search filters: taxonomy codes, languages, the place a person lives, and open now.

Every filter is an indexed field, so filtering costs the index nothing. Opening hours are
indexed as a signature, the canonical JSON of a service's `Hours`: services share a few
hundred distinct timetables at most, so "open now" evaluates each distinct timetable once
(with holidays and closures, in Asia/Tokyo) and keeps the services whose timetable is open.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from functools import lru_cache

from tsunagari.directory.areas import Place, designated_city
from tsunagari.directory.hours import Closure, Hours, OpenState, Rule

NATIONWIDE = "nationwide"


@dataclass(frozen=True)
class Filters:
    """What a search is narrowed to; within each tuple any code may match."""

    needs: tuple[str, ...] = ()
    audiences: tuple[str, ...] = ()
    methods: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()  # ISO 639-1
    place: Place | None = None  # services whose area covers it (nationwide always does)
    open_now: bool = False  # open at `now` for certain; unknown hours are left out


def area_term(kind: str, code: str = "") -> str:
    """The indexed form of a service area: nationwide, pref:13, muni:131016."""
    if kind == NATIONWIDE:
        return NATIONWIDE
    return f"{'pref' if kind == 'prefecture' else 'muni'}:{code}"


def covering_areas(place: Place) -> tuple[str, ...]:
    """The area terms of every service area that covers `place`."""
    terms = [NATIONWIDE, area_term("prefecture", place.prefecture_code)]
    if place.municipality:
        terms.append(area_term("municipality", place.municipality.code))
        city = designated_city(place.municipality)
        if city:
            terms.append(area_term("municipality", city.code))
    return tuple(terms)


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


def open_signatures(signatures: list[str], now: dt.datetime) -> list[str]:
    """The timetables open for certain at `now`."""
    return [s for s in signatures if hours_from_signature(s).state_at(now) is OpenState.OPEN]
