"""The lines shown first to a person at risk: from the database, else from the bundled files.

Crisis handling must never fail quietly. If the database cannot be read, the lines come
from data/directory (read once and kept); when even that fails (the 500 page, a broken
bundle), STATIC_LINES is the last resort: only numbers certain to be in the curated
directory, which tests check.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.conf import settings
from django.db import DatabaseError
from django.db.models import Count, Max
from django.utils import timezone

from tsunagari.directory.bundle import read_bundle
from tsunagari.directory.hours import OpenState
from tsunagari.directory.listing import Listing
from tsunagari.directory.models import Service, ServiceQuerySet, pick
from tsunagari.directory.phone_numbers import tel_uri

log = logging.getLogger(__name__)


CrisisLine = Listing  # a listed service with crisis_line set


@dataclass(frozen=True)
class StaticLine:
    """One line of the last-resort copy."""

    slug: str
    name: str
    name_en: str
    number: str
    note: str  # hours of a line that listens; what an emergency number is for
    note_en: str
    emergency: bool = False  # 110/119: danger now, not a line that listens
    children: bool = False  # a line for children themselves

    def display_name(self, language: str) -> str:
        return pick(language, self.name, self.name_en)

    def display_note(self, language: str) -> str:
        return pick(language, self.note, self.note_en)

    @property
    def tel_uri(self) -> str:
        return tel_uri(self.number)


STATIC_LINES = (
    StaticLine(
        "yorisoi-hotline",
        "よりそいホットライン",
        "Yorisoi Hotline",
        "0120-279-338",
        "24時間・無料",
        "24 hours, free",
    ),
    StaticLine(
        "kodomo-sos-dial",
        "24時間子供SOSダイヤル",
        "24-Hour Children's SOS Dial",
        "0120-0-78310",
        "24時間・無料・こども向け",
        "24 hours, free, for children",
        children=True,
    ),
    StaticLine(
        "emergency-119",
        "救急・消防（119番）",
        "Ambulance and fire (119)",
        "119",
        "救急・消防",
        "Ambulance and fire",
        emergency=True,
    ),
    StaticLine(
        "emergency-110", "警察（110番）", "Police (110)", "110", "警察", "Police", emergency=True
    ),
)


def crisis_lines(moment: dt.datetime | None = None) -> list[CrisisLine]:
    """24-hour lines first, then those open now, then the rest; never empty if data exist."""
    try:
        lines = _from_database()
    except DatabaseError:
        log.exception("crisis lines: database unavailable, using the bundled directory")
        lines = []
    if not lines:
        lines = list(_from_bundle())
    moment = moment or timezone.now()
    today = timezone.localdate(moment)
    in_window = [line for line in lines if line.hours.in_window(today)]
    return sorted(in_window, key=lambda line: _rank(line, moment))


def _rank(line: CrisisLine, moment: dt.datetime) -> tuple[int, int, str]:
    state = line.open_state(moment)
    return (0 if line.always_open else 1, 0 if state is OpenState.OPEN else 1, line.slug)


def _from_database() -> list[CrisisLine]:
    """Every page shows these lines: they are read again only when a crisis line changed
    (a fingerprint query), and that is asked at most every REFRESH_SECONDS: on a national
    directory the question costs more than the rest of a page."""
    global _cached, _checked_at
    if _cached is not None and time.monotonic() - _checked_at < REFRESH_SECONDS:
        return list(_cached[1])
    crisis = Service.objects.listed().filter(crisis_line=True)
    fingerprint = tuple(crisis.aggregate(n=Count("id"), changed=Max("last_modified")).values())
    if _cached is None or _cached[0] != fingerprint:
        _cached = (fingerprint, _read(crisis))
    _checked_at = time.monotonic()
    return list(_cached[1])


REFRESH_SECONDS = 30.0  # a changed crisis line shows on every page within this time
_checked_at = 0.0
_cached: tuple[tuple[object, ...], tuple[CrisisLine, ...]] | None = None


def _read(crisis: ServiceQuerySet) -> tuple[CrisisLine, ...]:
    return tuple(Listing.of(s) for s in crisis.with_details())


@cache
def _from_bundle() -> tuple[CrisisLine, ...]:
    bundle = read_bundle(Path(settings.DATA_DIR) / "directory")
    organizations = {o.id: o for o in bundle.organizations}
    return tuple(
        Listing.of_entry(s, organizations.get(s.organization))
        for s in bundle.services
        if s.crisis_line and s.status == "active"
    )
