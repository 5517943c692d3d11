"""The listed services as the navigator ranks them: a snapshot kept in memory.

Ranking reads every candidate's needs, audiences, methods, areas and hours; reading them
from the database on each message would cost more than the whole of understanding. The
snapshot is taken again whenever the listed services change (their count or their latest
change), which one aggregate query tells, or after REFRESH_SECONDS at most (phones and
hours edited on their own).
"""

from __future__ import annotations

import threading
import time
import uuid
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Max

from tsunagari.directory.hours import Hours
from tsunagari.directory.models import Service, pick
from tsunagari.search.filters import area_term

REFRESH_SECONDS = 60


@dataclass(frozen=True)
class PhoneEntry:
    number: str
    type: str
    label: str
    label_en: str
    toll_free: bool

    @property
    def tel(self) -> str:
        """`#` must be escaped as %23 or the dialler drops everything after it."""
        prefix = "sms:" if self.type == "text" else "tel:"
        return prefix + self.number.replace("#", "%23").replace("-", "")


@dataclass(frozen=True)
class Entry:
    """One listed service, with what ranking and the answer need."""

    id: uuid.UUID
    slug: str
    name: str
    name_en: str
    description: str
    description_en: str
    organization: str
    organization_en: str
    url: str
    crisis_line: bool
    local_kind: bool
    local_finder: str
    local_finder_en: str
    needs: tuple[str, ...]
    audiences: tuple[str, ...]
    methods: tuple[str, ...]
    languages: tuple[str, ...]
    areas: frozenset[str]  # area terms: nationwide, pref:13, muni:131016
    phones: tuple[PhoneEntry, ...]
    hours: Hours
    stale: bool

    def display_name(self, language: str) -> str:
        return pick(language, self.name, self.name_en)

    @property
    def emergency(self) -> bool:
        """110 and 119: for danger now, not for talking things through."""
        return any(p.number in ("110", "119") for p in self.phones)


def _entry(service: Service) -> Entry:
    terms = list(service.terms.all())
    return Entry(
        id=service.id,
        slug=service.slug,
        name=service.name,
        name_en=service.name_en,
        description=service.description,
        description_en=service.description_en,
        organization=service.organization.name,
        organization_en=service.organization.name_en,
        url=service.url,
        crisis_line=service.crisis_line,
        local_kind=service.scope == Service.Scope.LOCAL_KIND,
        local_finder=service.local_finder,
        local_finder_en=service.local_finder_en,
        needs=tuple(sorted(t.code for t in terms if t.taxonomy == "needs")),
        audiences=tuple(sorted(t.code for t in terms if t.taxonomy == "audiences")),
        methods=tuple(sorted(t.code for t in terms if t.taxonomy == "methods")),
        languages=tuple(service.languages or ("ja",)),
        areas=frozenset(area_term(a.kind, a.code) for a in service.areas.all()),
        phones=tuple(
            PhoneEntry(p.number, p.type, p.label, p.label_en, p.toll_free)
            for p in service.phones.all()
        ),
        hours=service.hours(),
        stale=service.is_stale,
    )


class _Snapshot:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.key: tuple[Any, ...] | None = None
        self.taken_at = 0.0
        self.entries: tuple[Entry, ...] = ()


_snapshot = _Snapshot()


def _key() -> tuple[Any, ...]:
    listed = Service.objects.listed().aggregate(count=Count("id"), latest=Max("last_modified"))
    return (listed["count"], listed["latest"])


def services() -> tuple[Entry, ...]:
    """Every listed service (not inactive or defunct); raises DatabaseError if unreadable."""
    key = _key()
    with _snapshot.lock:
        fresh = time.monotonic() - _snapshot.taken_at < REFRESH_SECONDS
        if key != _snapshot.key or not fresh:
            listed = Service.objects.listed().with_details()
            _snapshot.entries = tuple(_entry(s) for s in listed)
            _snapshot.key = key
            _snapshot.taken_at = time.monotonic()
        return _snapshot.entries


def forget() -> None:
    """Drop the snapshot (tests that change the database under the same key)."""
    with _snapshot.lock:
        _snapshot.key = None
        _snapshot.entries = ()
