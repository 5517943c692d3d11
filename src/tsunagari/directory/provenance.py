"""Where each fact of an entry comes from, whether that page is official, and when it is due.

Every fact an entry states (what the service is, its numbers, its hours, its web address)
has a source: the page, the page's own date and the day it was checked. A source is
official when it is a government domain (go.jp, lg.jp, the older pref./city./town./vill.
domains) or the operator's own site (the organisation's or the service's address);
any other domain needs an exception in data/directory/source-exceptions.yaml with its reason.

Check intervals: crisis lines every CRISIS_CHECK_DAYS (their hours change with the
campaign months, March and September, and their operators with the fiscal year in April:
a quarterly check meets each change within weeks); every other entry once a fiscal year
(settings.DIRECTORY_STALE_AFTER_DAYS).
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from django.conf import settings
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from tsunagari.directory.bundle import Bundle
    from tsunagari.directory.entries import ServiceEntry, SourceException

# Besides "service" (what the service is, from source_url); "languages": those besides Japanese.
FACTS = ("phones", "hours", "url", "languages")
FACT_NAMES = {
    "service": _("窓口の内容"),
    "phones": _("電話番号"),
    "hours": _("受付時間"),
    "url": _("URL"),
    "languages": _("対応言語"),
}
GOVERNMENT_SUFFIXES = (".go.jp", ".lg.jp")
LOCAL_GOVERNMENT_LABELS = ("pref", "city", "town", "vill", "metro")
# Second-level labels under .jp that a registrant's name sits below (since2011.net vs
# houterasu.or.jp): the site is the last three labels there, the last two elsewhere.
JP_SECOND_LEVEL = {"ac", "ad", "co", "ed", "go", "gr", "lg", "ne", "or"}
DUE_SOON_DAYS = 30


@dataclass(frozen=True)
class Provenance:
    """Where one fact comes from: the page, its own date ("" if not recorded), the check."""

    fact: str  # service, phones, hours, url
    url: str
    date: str
    checked: dt.date
    note: str = ""


def resolve(
    main: Provenance, named: Iterable[tuple[Iterable[str], Provenance]], facts: Iterable[str]
) -> list[Provenance]:
    """Each fact's provenance: the source naming it, else the entry's main source."""
    by_fact = {fact: source for covered, source in named for fact in covered}
    chosen = []
    for fact in facts:
        source = by_fact.get(fact, main)
        chosen.append(Provenance(fact, source.url, source.date, source.checked, source.note))
    return chosen


def check_days(crisis_line: bool) -> int:
    return int(
        settings.DIRECTORY_CRISIS_STALE_AFTER_DAYS
        if crisis_line
        else settings.DIRECTORY_STALE_AFTER_DAYS
    )


def site(url: str) -> str:
    """The registrable part of a URL's host: www.since2011.net → since2011.net."""
    labels = (urlsplit(url).hostname or "").lower().split(".")
    keep = 3 if len(labels) >= 3 and labels[-1] == "jp" and labels[-2] in JP_SECOND_LEVEL else 2
    return ".".join(labels[-keep:])


def is_government(url: str) -> bool:
    host = (urlsplit(url).hostname or "").lower()
    if host.endswith(GOVERNMENT_SUFFIXES):
        return True
    # www.city.omura.nagasaki.jp, www.pref.okinawa.jp: local governments before lg.jp
    labels = host.split(".")
    return labels[-1:] == ["jp"] and any(label in LOCAL_GOVERNMENT_LABELS for label in labels)


def is_official(
    url: str, own_sites: Iterable[str], exceptions: Mapping[str, SourceException]
) -> bool:
    """A government page, the operator's own site, or a domain excepted with a reason."""
    own = {site(u) for u in own_sites if u}
    return is_government(url) or site(url) in own or exception_for(url, exceptions) is not None


def exception_for(url: str, exceptions: Mapping[str, SourceException]) -> SourceException | None:
    """The exception for the URL's host or a domain above it (ninti.official.jp)."""
    host = (urlsplit(url).hostname or "").lower()
    labels = host.split(".")
    return next(
        (exceptions[d] for i in range(len(labels)) if (d := ".".join(labels[i:])) in exceptions),
        None,
    )


class Level(enum.Enum):
    ERROR = "error"  # the check fails: fix before the data is served
    DUE = "due"  # for curators: check again


@dataclass(frozen=True)
class Finding:
    level: Level
    service: str
    fact: str
    message: str

    def __str__(self) -> str:
        return f"{self.level.value}: {self.service}: {self.fact}: {self.message}"


def audit(bundle: Bundle, today: dt.date) -> list[Finding]:
    """Every provenance gap of a bundle: unofficial sources, missing dates, overdue checks.

    An unofficial source is an error; so is a crisis line's check older than its interval
    (for other entries, due). A source without its own date is due for a curator: the
    entries of December 2026 were checked before dates were kept.
    """
    organizations = {o.id: o.url for o in bundle.organizations}
    findings: list[Finding] = []
    for entry in bundle.services:
        own = (organizations.get(entry.organization, ""), entry.url)
        findings += audit_entry(entry, own, bundle.source_exceptions, today)
    return findings


def audit_entry(
    entry: ServiceEntry,
    own_sites: Iterable[str],
    exceptions: Mapping[str, SourceException],
    today: dt.date,
) -> list[Finding]:
    """One finding per gap of each source page (naming the facts it shows), not per fact."""
    own_sites = tuple(own_sites)
    pages: dict[tuple[str, str, dt.date], list[str]] = {}
    for source in entry.provenance():
        pages.setdefault((source.url, source.date, source.checked), []).append(source.fact)
    findings = []
    for (url, date, checked), facts in pages.items():
        source = Provenance(", ".join(facts), url, date, checked)
        for level, message in _gaps(source, entry.crisis_line, own_sites, exceptions, today):
            findings.append(Finding(level, entry.id, source.fact, message))
    return findings


def _gaps(
    source: Provenance,
    crisis_line: bool,
    own_sites: tuple[str, ...],
    exceptions: Mapping[str, SourceException],
    today: dt.date,
) -> Iterator[tuple[Level, str]]:
    strict = Level.ERROR if crisis_line else Level.DUE
    if not is_official(source.url, own_sites, exceptions):
        yield Level.ERROR, f"{source.url}: not an official domain and no exception for it"
    elif crisis_line and not _official_for_crisis(source.url, own_sites, exceptions):
        yield Level.ERROR, f"{source.url}: a crisis line's facts come from official pages only"
    if not source.date:
        yield Level.DUE, f"{source.url}: the date of the source is not recorded"
    overdue = (today - source.checked).days - check_days(crisis_line)
    if overdue > 0:
        yield strict, f"checked {source.checked}, {overdue} days past its interval"


def _official_for_crisis(
    url: str, own_sites: tuple[str, ...], exceptions: Mapping[str, SourceException]
) -> bool:
    if is_government(url) or site(url) in {site(u) for u in own_sites if u}:
        return True
    excepted = exception_for(url, exceptions)
    return bool(excepted and excepted.official_copy)


def due_on(checked: dt.date, crisis_line: bool) -> dt.date:
    return checked + dt.timedelta(days=check_days(crisis_line))
