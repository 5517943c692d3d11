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
from typing import Any

from django.db.models import Count, Max

from tsunagari.directory.listing import Listing
from tsunagari.directory.models import Service

REFRESH_SECONDS = 60


Entry = Listing  # the navigator ranks the directory's one read model


def _entry(service: Service) -> Entry:
    return Listing.of(service)


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
