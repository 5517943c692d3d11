"""A service's card: its `Listing` as JSON, stored in the index with the service.

A page of results (the search page, the API, the CLI) needs no database query; what depends
on the moment (open now, stale) is added when it is shown.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.utils import timezone

from tsunagari.directory.listing import Listing
from tsunagari.directory.models import Service, TaxonomyTerm
from tsunagari.search.filters import hours_from_signature


def card(service: Service, terms: list[TaxonomyTerm] | None = None) -> dict[str, Any]:
    """The service's `Listing` as JSON (expects `Service.objects.with_details()`)."""
    return Listing.of(service, terms).data()


def shown(
    data: dict[str, Any],
    now: dt.datetime,
    matched: tuple[str, ...] = (),
    fields: tuple[str, ...] = (),
    score: float | None = None,
) -> dict[str, Any]:
    """The card as shown at `now`: open now (true, false, null when unknown), stale, why."""
    result = {key: value for key, value in data.items() if key != "hours"}
    age = timezone.localdate(now) - dt.date.fromisoformat(data["verified_on"])
    result.update(
        open_now=hours_from_signature(data["hours"]).state_at(now).as_bool(),
        stale=age > dt.timedelta(days=settings.DIRECTORY_STALE_AFTER_DAYS),  # as Service.is_stale
        why=list(matched),
        matched_in=list(fields),
        score=round(score, 4) if score is not None else None,
    )
    return result
