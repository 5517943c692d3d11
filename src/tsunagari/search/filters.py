"""Search filters: taxonomy codes, languages, the place a person lives, and open now.

Every filter is an indexed field, so filtering costs the index nothing. Opening hours are
indexed as a signature, the canonical JSON of a service's `Hours`: services share a few
hundred distinct timetables at most, so "open now" evaluates each distinct timetable once
(with holidays and closures, in Asia/Tokyo) and keeps the services whose timetable is open.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from tsunagari.directory.areas import NATIONWIDE, Place, area_term, designated_city
from tsunagari.directory.hours import OpenState, hours_from_signature, hours_signature

__all__ = [
    "NATIONWIDE",
    "Filters",
    "area_term",
    "area_tier",
    "covering_areas",
    "hours_from_signature",
    "hours_signature",
    "open_signatures",
]


@dataclass(frozen=True)
class Filters:
    """What a search is narrowed to; within each tuple any code may match."""

    needs: tuple[str, ...] = ()
    audiences: tuple[str, ...] = ()
    methods: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()  # ISO 639-1
    place: Place | None = None  # services whose area covers it (nationwide always does)
    open_now: bool = False  # open at `now` for certain; unknown hours are left out
    kinds: tuple[str, ...] = ()  # local entries of these local-kinds (their slugs)


def covering_areas(place: Place) -> tuple[str, ...]:
    """The area terms of every service area that covers `place`."""
    terms = [NATIONWIDE, area_term("prefecture", place.prefecture_code)]
    if place.municipality:
        terms.append(area_term("municipality", place.municipality.code))
        city = designated_city(place.municipality)
        if city:
            terms.append(area_term("municipality", city.code))
    return tuple(terms)


def area_tier(terms: set[str] | frozenset[str], areas: tuple[str, ...]) -> int:
    """Local first, for service areas `terms` and `covering_areas(place)`: 2 for the place's
    municipality (or its designated city), 1 for its prefecture, 0 otherwise."""
    if len(areas) > 2 and terms & set(areas[2:]):
        return 2
    return 1 if len(areas) > 1 and terms & set(areas[1:2]) else 0


def open_signatures(signatures: list[str], now: dt.datetime) -> list[str]:
    """The timetables open for certain at `now`."""
    return [s for s in signatures if hours_from_signature(s).state_at(now) is OpenState.OPEN]
