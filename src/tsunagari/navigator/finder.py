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
import itertools
import logging
import uuid
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from django.utils import timezone

if TYPE_CHECKING:
    from tsunagari.navigator.answer import Answer

from tsunagari.directory.areas import Place, place_in_text
from tsunagari.navigator.crisis import CrisisResult, detect
from tsunagari.navigator.per_message import reading
from tsunagari.navigator.understand import understand
from tsunagari.navigator.urgency import MODEL, grade, raises_flag
from tsunagari.search.engine import Filters, Hit, Results, cards, search

log = logging.getLogger(__name__)

OFFICES = 3  # a kind's own offices shown in its place (a city with several centres)
TOP = 5  # what a person reads before deciding the search failed
POOL = 40  # literal hits looked at when widening
NEED_SCORE = 0.45  # an understood need strong enough to search by
MAX_NEEDS = 3
AUDIENCE_SCORE = 0.5
TIE = 0.1  # needs this close to the clearest one are read as clearly
GENERAL_NEEDS = ("loneliness",)  # the windows for any worry all carry it (よりそいホットライン)


def lines_first(found: CrisisResult | Answer) -> bool:
    """The crisis lines come first when a life may be in danger, or when the detector or
    the answer failed (an error must never hide them)."""
    return found.crisis or bool(found.error)


def crisis_in(text: str) -> bool:
    """A search query: the crisis rules' words, or a grade whose elements raise the flag (a
    farewell on a bridge in Vietnamese names no word the rules know). Here the grade never
    lowers the rules' flag — 「自殺 相談」 is a search for the lines, not a message to read as
    a whole — and the learned reader alone does not raise it: it learned from messages, and
    reads a few words of hyperbole (締め切りで死にそう) darker than they are."""
    with reading():
        rules = detect(text)
        if lines_first(rules):
            return True
        urgency = grade(text)
        # an element of danger itself (a wish to be gone and up), not the reader's impression
        named = any(r.code != MODEL and r.level >= 2 for r in urgency.reasons)
        return raises_flag(urgency, rules_raise=False) and (named or urgency.error)


@dataclass(frozen=True)
class Understood:
    """What the words were read as, when that widened the answer."""

    needs: tuple[str, ...] = ()  # clearest first
    audiences: tuple[str, ...] = ()
    place: Place | None = None
    principal: int = 0  # how many of `needs` are read about as clearly as the first


@dataclass(frozen=True)
class Found:
    crisis: bool  # the crisis lines come first
    results: Results
    understood: Understood = Understood()
    widened: bool = False  # the understanding answered where the words alone were thin
    general: bool = False  # nothing fitted: windows that hear any trouble instead


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
    if filters.place is None and query.strip():  # 前橋市 地域包括: the words name the place
        filters = replace(filters, place=place_in_text(query))
    return _own_offices(_find(query, filters, crisis, limit, offset, now), filters, now)


def _find(
    query: str, filters: Filters, crisis: bool, limit: int, offset: int, now: dt.datetime
) -> Found:
    understood = _understood(query, filters) if query.strip() else Understood()
    read = (*filters.needs, *_principal(understood))  # a place's service for them comes first
    literal = search(query, filters, limit=limit, offset=offset, now=now, local_first=read)
    if not understood.needs or filters.needs:  # a need chosen on the form is understanding
        if literal.total or not query.strip() or filters.needs:
            return Found(crisis, literal, understood)
        return _general(crisis, literal, understood, filters, limit, offset, now)
    first = literal
    if offset or limit < TOP:
        first = search(query, filters, limit=TOP, now=now, local_first=read)
    stored = cards([hit.service_id for hit in first.hits[:TOP]])
    if not _thin(first, stored, _principal(understood)):
        return Found(crisis, literal, understood)
    pool = literal
    if offset or limit < POOL:
        pool = search(query, filters, limit=POOL, now=now, local_first=read)
    merged = _widened(pool, understood, filters, now)
    page = Results(
        merged[offset : offset + limit], len(merged), literal.query_terms, literal.expanded
    )
    return Found(crisis, page, understood, widened=True)


def _own_offices(found: Found, filters: Filters, now: dt.datetime) -> Found:
    """A kind of window (地域包括支援センター) stands for the person's own office when the
    directory has it: the office takes the kind's place, unless it is already shown."""
    if filters.place is None or not found.results.hits:
        return found
    stored = cards([hit.service_id for hit in found.results.hits])
    shown = {hit.service_id for hit in found.results.hits}
    hits: list[Hit] = []
    for hit in found.results.hits:
        card = stored.get(hit.service_id, {})
        offices = _offices(hit.slug, filters, now) if card.get("scope") == "local-kind" else []
        fresh = [o for o in offices if o.service_id not in shown]
        shown |= {o.service_id for o in fresh}
        hits += fresh if offices else [hit]
    results = replace(found.results, hits=hits)
    return replace(found, results=results)


def _offices(kind: str, filters: Filters, now: dt.datetime) -> list[Hit]:
    """The local entries of `kind` for the person's place, nearest first."""
    narrowed = Filters(place=filters.place, kinds=(kind,))
    return search("", narrowed, limit=OFFICES, now=now).hits


def _general(
    crisis: bool,
    literal: Results,
    understood: Understood,
    filters: Filters,
    limit: int,
    offset: int,
    now: dt.datetime,
) -> Found:
    """Words that match nothing and say nothing the navigator knows still get an answer:
    the windows that hear any trouble (よろず相談), in the place the words name."""
    narrowed = replace(filters, needs=GENERAL_NEEDS, place=understood.place or filters.place)
    found = search("", narrowed, limit=limit, offset=offset, now=now)
    page = Results(found.hits, found.total, literal.query_terms, literal.expanded)
    return Found(crisis, page, understood, general=bool(found.total))


def _understood(query: str, filters: Filters) -> Understood:
    try:
        reading = understand(query)
    except Exception:  # the literal answer stands on its own
        log.exception("understanding failed: answering with the literal search")
        return Understood()
    clear = [n for n in reading.needs if n.score >= NEED_SCORE][:MAX_NEEDS]
    audiences = tuple(a.code for a in reading.audiences if a.score >= AUDIENCE_SCORE)
    principal = sum(n.score >= clear[0].score - TIE for n in clear) if clear else 0
    place = filters.place or place_in_text(query)
    return Understood(tuple(n.code for n in clear), audiences, place, principal)


def _serves(card: dict[str, Any] | None, needs: tuple[str, ...]) -> bool:
    return bool(card) and bool(set(card["needs"]) & set(needs))  # type: ignore[index]


def _principal(understood: Understood) -> tuple[str, ...]:
    """The needs read about as clearly as the clearest one (いじめ and 同性が好き alike)."""
    return understood.needs[: max(1, understood.principal)]


def _thin(pool: Results, stored: dict[uuid.UUID, dict[str, Any]], needs: tuple[str, ...]) -> bool:
    """Fewer than TOP hits, or a need read most clearly that none of the first TOP serves."""
    first = [stored.get(h.service_id) for h in pool.hits[:TOP]]
    return len(first) < TOP or any(not any(_serves(c, (code,)) for c in first) for code in needs)


def _widened(
    pool: Results, understood: Understood, filters: Filters, now: dt.datetime
) -> list[Hit]:
    """The principal needs take turns: for each, the literal hits that serve it, then the
    services for it (those for the people the words are about first); then the other
    needs' services, then the other literal hits."""
    narrowed = replace(filters, place=understood.place)
    listings = {
        code: search("", replace(narrowed, needs=(code,)), limit=POOL, now=now).hits
        for code in understood.needs
    }
    every = [*pool.hits, *(hit for hits in listings.values() for hit in hits)]
    stored = cards(list({h.service_id for h in every}))

    def fits(hit: Hit) -> bool:
        audiences = stored.get(hit.service_id, {}).get("audiences", [])
        return bool(set(audiences) & set(understood.audiences))

    queues = {
        code: [h for h in pool.hits if _serves(stored.get(h.service_id), (code,))]
        + sorted(hits, key=lambda h: not fits(h))
        for code, hits in listings.items()
    }
    principal = [queues[code] for code in _principal(understood)]
    turns = [hit for row in itertools.zip_longest(*principal) for hit in row if hit]
    others = [
        hit for code, hits in queues.items() if code not in _principal(understood) for hit in hits
    ]
    seen: set[uuid.UUID] = set()
    merged = []
    for hit in [*turns, *others, *pool.hits]:
        if hit.service_id not in seen and hit.service_id in stored:
            seen.add(hit.service_id)
            merged.append(hit)
    return merged
