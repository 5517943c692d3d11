"""The crisis panel as every page shows it; it must render whatever else fails.

On a phone the first screen holds 110/119 and the first 24-hour line: the panel opens with
them, then a short list — lines for a life in danger first, then those that fit what the
person wrote (or, for a child, the children's lines first) — and the rest on request.

`crisis_lines()` already falls back from the database to the bundled files. Anything beyond
that (a broken bundle, a bug) falls back to the static copy below, which the 500 page also
carries. Only lines certain to be in the curated directory are copied here (a test checks
each number against data/directory).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Collection
from dataclasses import dataclass, field
from functools import lru_cache

from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from tsunagari.directory.crisis_lines import STATIC_LINES, CrisisLine, crisis_lines
from tsunagari.directory.hours import OpenState
from tsunagari.directory.listing import Call
from tsunagari.directory.phone_numbers import tel_uri
from tsunagari.web.hours_text import join_list
from tsunagari.web.languages import language_name
from tsunagari.web.presenters import OpenBadge, PhoneLink, open_badge, phone_link

log = logging.getLogger(__name__)

SHORT_LIST = 3  # lines shown up front when the panel comes first; the rest on request
COMPACT_LIST = 1  # on every other page
LIFE_NEEDS = frozenset({"self-harm", "mental-health"})  # lines for a life in danger


@dataclass(frozen=True)
class ShownLine:
    """A crisis line ready for a template: name, call links, open-now badge."""

    slug: str
    name: str
    description: str
    phones: tuple[PhoneLink, ...]
    badge: OpenBadge
    hours_note: str = ""
    languages: str = ""  # 日本語 / Japanese, English, …: what the line answers in
    for_children: bool = False  # a line for children themselves (not one adults call too)
    japanese_only: bool = False  # said on pages in other languages
    name_ja: str = ""  # on pages in other languages: the name to say when calling


@dataclass(frozen=True)
class EmergencyNumber:
    number: str
    label: str

    @property
    def tel_uri(self) -> str:
        return tel_uri(self.number)


@dataclass(frozen=True)
class Panel:
    emergency: list[EmergencyNumber]
    lines: list[ShownLine]  # up front
    more: list[ShownLine] = field(default_factory=list)  # on request


# What 110 and 119 are for, in every language of the pages (the directory has ja and en).
EMERGENCY_LABELS = {"119": _("救急・消防"), "110": _("警察")}


def emergency_numbers() -> list[EmergencyNumber]:
    """110 and 119, with what each is for, in the page's language."""
    language = get_language() or "ja"
    return [
        EmergencyNumber(
            line.number, str(EMERGENCY_LABELS.get(line.number, line.display_note(language)))
        )
        for line in STATIC_LINES
        if line.emergency
    ]


def crisis_panel(
    *,
    prominent: bool = False,
    needs: Collection[str] = (),
    kids: bool = False,
    moment: dt.datetime | None = None,
) -> Panel:
    """Never raises, never without a line to call."""
    lines = lines_to_show(needs=needs, kids=kids, moment=moment)
    if prominent or kids:
        shown = SHORT_LIST if prominent else COMPACT_LIST
        return Panel(emergency_numbers(), lines[:shown], lines[shown:])
    # Any page may be a child's first: the first line, and the first line for children.
    child = next((line for line in lines[COMPACT_LIST:] if line.for_children), None)
    first = lines[:COMPACT_LIST] + ([child] if child else [])
    return Panel(emergency_numbers(), first, [line for line in lines if line not in first])


def lines_to_show(
    *, needs: Collection[str] = (), kids: bool = False, moment: dt.datetime | None = None
) -> list[ShownLine]:
    """The lines that listen, in the panel's order; never raises, never empty.

    110 and 119 have a row of their own, so they are not repeated as lines.
    """
    moment = (moment or timezone.now()).replace(second=0, microsecond=0)
    try:
        found = tuple(line for line in crisis_lines(moment) if not line.emergency)
        lines = _ordered(found, tuple(sorted(needs)), kids, get_language() or "ja", moment)
    except Exception:  # a crisis line must show whatever went wrong
        log.exception("crisis lines: falling back to the static copy")
        lines = []
    return lines or static_lines()


@lru_cache(maxsize=64)
def _ordered(
    found: tuple[CrisisLine, ...],
    needs: tuple[str, ...],
    kids: bool,
    language: str,
    minute: dt.datetime,
) -> list[ShownLine]:
    """Every page shows the panel: the same lines at the same minute are shaped once."""
    ordered = sorted(found, key=lambda line: _order(line, minute, set(needs), kids))
    return [_shown(line, language, minute) for line in ordered]


def _order(
    line: CrisisLine, moment: dt.datetime, needs: set[str], kids: bool
) -> tuple[int, int, int, int, int, str]:
    """Children's lines first for a child; then lines for a life in danger; then those for
    what was written; 24-hour and open ones first within each."""
    for_children = "child" in line.audiences
    state = line.open_state(moment)
    return (
        0 if not kids or for_children else 1,
        0 if kids and "adult" not in line.audiences else 1,
        0 if LIFE_NEEDS & set(line.needs) else 1 if needs & set(line.needs) - {"crisis"} else 2,
        0 if line.always_open else 1,
        0 if state is OpenState.OPEN else 1,
        line.slug,
    )


def static_lines() -> list[ShownLine]:
    """The last-resort copy of the lines that listen (110/119 have a row of their own)."""
    language = get_language() or "ja"
    return [
        ShownLine(
            line.slug,
            line.display_name(language),
            line.display_note(language),
            (phone_link(Call(line.number), language),),
            OpenBadge("open", str(_("24時間受付"))),
            languages=_languages(("ja",)),
            for_children=line.children,
            japanese_only=True,
            name_ja=line.name,
        )
        for line in STATIC_LINES
        if not line.emergency
    ]


def _languages(codes: Collection[str]) -> str:
    return join_list([language_name(code) for code in codes])


def _shown(line: CrisisLine, language: str, moment: dt.datetime) -> ShownLine:
    phones = tuple(phone_link(p, language, line.languages) for p in line.phones)
    spoken = dict.fromkeys(code for p in phones for code in p.languages)
    return ShownLine(
        slug=line.slug,
        name=line.name_in(language),
        description=line.description_in(language),
        phones=phones,
        badge=open_badge(line.open_state(moment), always_open=line.always_open),
        hours_note=line.hours_note_in(language),
        languages=_languages(spoken or line.languages),
        for_children="child" in line.audiences and "adult" not in line.audiences,
        japanese_only=set(spoken or line.languages) <= {"ja"},
        name_ja=line.name,
    )
