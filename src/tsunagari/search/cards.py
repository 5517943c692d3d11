"""A service's card: what a list of results shows of it, as JSON-ready data.

The card is stored in the index with the service, so that a page of results needs no
database query; what depends on the moment (open now, stale) is added when it is shown.
The API, the CLI and the service detail share this shape.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.utils import timezone

from tsunagari.directory.models import Service, TaxonomyTerm
from tsunagari.search.filters import hours_from_signature, hours_signature


def _both(ja: str, en: str) -> dict[str, str]:
    return {"ja": ja, "en": en}


def card(
    service: Service, terms: list[TaxonomyTerm] | None = None, hours: str | None = None
) -> dict[str, Any]:
    """Expects `Service.objects.with_details()`; `terms` and `hours` (its signature) when the
    caller has them already."""
    terms = list(service.terms.all()) if terms is None else terms

    def codes(kind: str) -> list[str]:
        return sorted(t.code for t in terms if t.taxonomy == kind)

    return {
        "id": str(service.id),
        "slug": service.slug,
        "name": _both(service.name, service.name_en),
        "organization": _both(service.organization.name, service.organization.name_en),
        "description": _both(service.description, service.description_en),
        "status": service.status,
        "crisis_line": service.crisis_line,
        "scope": service.scope,
        "needs": codes("needs"),
        "audiences": codes("audiences"),
        "methods": codes("methods"),
        "languages": list(service.languages),
        "phones": [
            {
                "number": p.number,
                "tel": p.tel_uri,
                "type": p.type,
                "label": _both(p.label, p.label_en),
                "toll_free": p.toll_free,
            }
            for p in service.phones.all()
        ],
        "url": service.url,
        "valid_from": service.valid_from.isoformat() if service.valid_from else None,
        "valid_to": service.valid_to.isoformat() if service.valid_to else None,
        "verified_on": service.verified_on.isoformat(),
        "source_url": service.source_url,
        "hours": hours or hours_signature(service.hours()),
    }


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
