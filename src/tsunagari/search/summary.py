"""A search answer as JSON-ready data: one shape for the API and `tsunagari search --json`."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from tsunagari.directory.area_names import area_name
from tsunagari.directory.models import Service
from tsunagari.search.cards import card, shown
from tsunagari.search.engine import Results, cards


def _both(ja: str, en: str) -> dict[str, str]:
    return {"ja": ja, "en": en}


def result_page(results: Results, now: dt.datetime, limit: int, offset: int) -> dict[str, Any]:
    """The whole answer to a search: totals, what the query was read as, the results.

    Built from the cards stored in the index: no database query.
    """
    stored = cards([hit.service_id for hit in results.hits])
    return {
        "total": results.total,
        "limit": limit,
        "offset": offset,
        "query_terms": list(results.query_terms),
        "expanded": {term: list(words) for term, words in results.expanded.items()},
        "results": [
            shown(stored[hit.service_id], now, hit.matched, hit.fields, hit.score)
            for hit in results.hits
            if hit.service_id in stored
        ],
    }


def detail(service: Service, now: dt.datetime) -> dict[str, Any]:
    """Everything a service page shows (expects `with_details()`): the card and the rest."""
    following = service.hours().next_opening(now)
    today = timezone.localdate(now)
    return {
        **shown(card(service), now),
        "alternate_name": _both(service.alternate_name, service.alternate_name_en),
        "email": service.email,
        "fees": _both(service.fees, service.fees_en),
        "eligibility": _both(service.eligibility, service.eligibility_en),
        "minimum_age": service.minimum_age,
        "maximum_age": service.maximum_age,
        "local_finder_url": service.local_finder_url,
        "holidays": service.holidays,
        "schedules": [
            {
                "days": [d for d in s.byday.split(",") if d],
                "monthdays": [int(d) for d in s.bymonthday.split(",") if d],
                "opens": s.opens_at,
                "closes": s.closes_at,
                "valid_from": s.valid_from.isoformat() if s.valid_from else None,
                "valid_to": s.valid_to.isoformat() if s.valid_to else None,
                "description": _both(s.description, s.description_en),
            }
            for s in service.schedules.all()
            if not (s.valid_to and s.valid_to < today)  # a window that has ended is gone
        ],
        "closures": [
            {"start": c.start, "end": c.end, "description": _both(c.description, c.description_en)}
            for c in service.closures.all()
        ],
        "next_opening": following.isoformat() if following else None,
        "areas": [
            {
                "kind": a.kind,
                "code": a.code,
                "name": area_name(a.kind, a.code, "ja"),
                "name_en": area_name(a.kind, a.code, "en"),
            }
            for a in service.areas.all()
        ],
        "verification_note": service.verification_note,
        "provenance": [
            {
                "fact": p.fact,
                "source_url": p.url,
                "source_date": p.date or None,
                "checked_on": p.checked.isoformat(),
            }
            for p in service.provenance()
        ],
    }
