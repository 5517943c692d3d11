"""Find (さがす): the one route from what a person typed to a page of services.

The search page, /api/v1/services and `tsunagari evaluate_search` all call `find`. The
literal search answers first. When it is thin — fewer than TOP services, or none of its first
TOP serves a need the navigator read in the words — the navigator's understanding (needs, who,
place) widens it: services for those needs (and the place the words name) come after the
literal hits that serve them and before the rest. 「妻を亡くした」 finds no service by its
words, but it is read as bereavement, and a page of bereavement help is the answer.

`lines_first` is the one place where "show the crisis lines first" is decided: a life may be
in danger, or the detector could not tell.
"""

from __future__ import annotations

import datetime as dt
import logging
import uuid
from dataclasses import dataclass, replace
from typing import Any

from django.utils import timezone

from tsunagari.directory.areas import Place, place_in_text
from tsunagari.navigator.crisis import CrisisResult, detect
from tsunagari.navigator.understand import understand
from tsunagari.search.engine import Filters, Hit, Results, cards, search

log = logging.getLogger(__name__)

TOP = 5  # what a person reads before deciding the search failed
POOL = 40  # literal hits looked at when widening
NEED_SCORE = 0.45  # an understood need strong enough to search by
MAX_NEEDS = 3
AUDIENCE_SCORE = 0.5


def lines_first(found: CrisisResult) -> bool:
    """The crisis lines come first when a life may be in danger, or when the detector failed
    (an error must never hide them)."""
    return found.crisis or found.error


def crisis_in(text: str) -> bool:
    return lines_first(detect(text))


@dataclass(frozen=True)
class Understood:
    """What the words were read as, when that widened the answer."""

    needs: tuple[str, ...] = ()
    audiences: tuple[str, ...] = ()
    place: Place | None = None


@dataclass(frozen=True)
class Found:
    crisis: bool  # the crisis lines come first
    results: Results
    understood: Understood = Understood()
    widened: bool = False  # the understanding answered where the words alone were thin


def find(
    query: str,
    filters: Filters = Filters(),  # noqa: B008 — frozen, so a shared default is safe
    *,
    limit: int = 20,
    offset: int = 0,
    now: dt.datetime | None = None,
) -> Found:
    """Services for `query` within `filters`, best first, and whether the crisis lines
    come first. Raises only what `search` raises."""
    now = now or timezone.now()
    crisis = crisis_in(query)
    literal = search(query, filters, limit=limit, offset=offset, now=now)
    understood = _understood(query, filters) if query.strip() else Understood()
    if not understood.needs or filters.needs:  # a need chosen on the form is understanding
        return Found(crisis, literal, understood)
    pool = search(query, filters, limit=POOL, now=now) if offset or limit < POOL else literal
    stored = cards([hit.service_id for hit in pool.hits[:TOP]])
    if not _thin(pool, stored, understood.needs):
        return Found(crisis, literal, understood)
    merged = _widened(pool, understood, filters, now)
    page = Results(
        merged[offset : offset + limit], len(merged), literal.query_terms, literal.expanded
    )
    return Found(crisis, page, understood, widened=True)


def _understood(query: str, filters: Filters) -> Understood:
    try:
        reading = understand(query)
    except Exception:  # the literal answer stands on its own
        log.exception("understanding failed: answering with the literal search")
        return Understood()
    needs = tuple(n.code for n in reading.needs if n.score >= NEED_SCORE)[:MAX_NEEDS]
    audiences = tuple(a.code for a in reading.audiences if a.score >= AUDIENCE_SCORE)
    return Understood(needs, audiences, filters.place or place_in_text(query))


def _serves(card: dict[str, Any] | None, needs: tuple[str, ...]) -> bool:
    return bool(card) and bool(set(card["needs"]) & set(needs))  # type: ignore[index]


def _thin(pool: Results, stored: dict[uuid.UUID, dict[str, Any]], needs: tuple[str, ...]) -> bool:
    first = pool.hits[:TOP]
    return len(first) < TOP or not any(_serves(stored.get(h.service_id), needs) for h in first)


def _widened(
    pool: Results, understood: Understood, filters: Filters, now: dt.datetime
) -> list[Hit]:
    """Literal hits that serve an understood need, then services for the needs (best need
    first; those for the people the words are about first), then the other literal hits."""
    narrowed = replace(filters, place=understood.place)
    by_need: list[Hit] = []
    for code in understood.needs:
        found = search("", replace(narrowed, needs=(code,)), limit=POOL, now=now)
        by_need += found.hits
    stored = cards(list({h.service_id for h in [*pool.hits, *by_need]}))

    def fits(hit: Hit) -> bool:
        audiences = stored.get(hit.service_id, {}).get("audiences", [])
        return bool(set(audiences) & set(understood.audiences))

    serving = [h for h in pool.hits if _serves(stored.get(h.service_id), understood.needs)]
    ordered = [*serving, *sorted(by_need, key=lambda h: not fits(h)), *pool.hits]
    seen: set[uuid.UUID] = set()
    merged = []
    for hit in ordered:
        if hit.service_id not in seen and hit.service_id in stored:
            seen.add(hit.service_id)
            merged.append(hit)
    return merged
