"""The crisis lines as every page shows them; they must render whatever else fails.

`crisis_lines()` already falls back from the database to the bundled files. Anything beyond
that (a broken bundle, a bug) falls back to the static copy below, which the 500 page also
carries. Only lines certain to be in the curated directory are copied here (a test checks
each number against data/directory).
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from tsunagari.directory.crisis_lines import STATIC_LINES, CrisisLine, crisis_lines
from tsunagari.directory.hours import OpenState
from tsunagari.directory.phone_numbers import tel_uri
from tsunagari.web.presenters import OpenBadge, PhoneLink, open_badge, phone_link

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ShownLine:
    """A crisis line ready for a template: name, call links, open-now badge."""

    slug: str
    name: str
    description: str
    phones: tuple[PhoneLink, ...]
    badge: OpenBadge
    hours_note: str = ""


@dataclass(frozen=True)
class EmergencyNumber:
    number: str
    label: str

    @property
    def tel_uri(self) -> str:
        return tel_uri(self.number)


def emergency_numbers() -> list[EmergencyNumber]:
    """110 and 119, with what each is for, in the page's language."""
    language = get_language() or "ja"
    return [
        EmergencyNumber(line.number, line.display_note(language))
        for line in STATIC_LINES
        if line.emergency
    ]


def lines_to_show(moment: dt.datetime | None = None) -> list[ShownLine]:
    """The crisis lines, 24-hour ones first; never raises, never empty.

    110 and 119 have a row of their own, so they are not repeated as lines; the general
    lines of the static copy (for anyone, for children) lead among those open now.
    """
    moment = moment or timezone.now()
    try:
        language = get_language() or "ja"
        lines = [
            _shown(line, language, moment)
            for line in crisis_lines(moment)
            if not _only_emergency_numbers(line)
        ]
    except Exception:  # a crisis line must show whatever went wrong
        log.exception("crisis lines: falling back to the static copy")
        lines = []
    return sorted(lines, key=_general_lines_first) or static_lines()


def static_lines() -> list[ShownLine]:
    """The last-resort copy of the lines that listen (110/119 have a row of their own)."""
    language = get_language() or "ja"
    return [
        ShownLine(
            line.slug,
            line.display_name(language),
            line.display_note(language),
            (phone_link(line.number),),
            OpenBadge("open", str(_("24時間受付"))),
        )
        for line in STATIC_LINES
        if not line.emergency
    ]


def _only_emergency_numbers(line: CrisisLine) -> bool:
    emergency = {line.number for line in STATIC_LINES if line.emergency}
    return bool(line.phones) and all(phone.number in emergency for phone in line.phones)


def _general_lines_first(line: ShownLine) -> tuple[bool, int]:
    preferred = [static.slug for static in STATIC_LINES]
    rank = preferred.index(line.slug) if line.slug in preferred else len(preferred)
    return (line.badge.state != OpenState.OPEN.value, rank)  # stable: keeps the rest in order


def _shown(line: CrisisLine, language: str, moment: dt.datetime) -> ShownLine:
    state = line.open_state(moment)
    return ShownLine(
        slug=line.slug,
        name=line.display_name(language),
        description=line.description_en
        if language == "en" and line.description_en
        else line.description,
        phones=tuple(
            phone_link(p.number, label=_label(p.label, p.label_en, language)) for p in line.phones
        ),
        badge=open_badge(state, always_open=line.always_open),
        hours_note=line.hours_note_en
        if language == "en" and line.hours_note_en
        else line.hours_note,
    )


def _label(ja: str, en: str, language: str) -> str:
    return en if language == "en" and en else ja


def first_open(lines: list[ShownLine], count: int) -> list[ShownLine]:
    """For the compact block: lines open now first (they are ranked so), at most `count`."""
    open_now = [line for line in lines if line.badge.state == OpenState.OPEN.value]
    return (open_now or lines)[:count]
