"""Ranking (順位付け): which services to show for the needs understood, and why.

A service's relevance comes from the person's needs it serves, weighted by how sure the
navigator is of each (the best fully, two more a quarter each; needs that say who the
person is rather than what troubles them — women, men — count less). It is then raised by
what fits the person (a service for children when a child writes, one that speaks English,
the way they want to talk, open now, their area, the search engine's text relevance) and
lowered by what does not (a children's line for an adult). Results are picked one at a
time and a need already served counts less again, so that several needs each get a
service (仕事をクビになって家賃が払えない: work, money and housing).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from django.utils import timezone

from tsunagari.directory.hours import OpenState
from tsunagari.navigator.catalogue import Entry
from tsunagari.search.filters import area_tier

FURTHER_NEED = 0.25
REPEAT_DISCOUNT = 0.75  # a need already served by a result counts this much again
SEARCH_BONUS = 0.3
METHOD_BONUS = 0.4
METHOD_MISS = 0.1
NOW_BONUS = 0.3  # when the person wants to talk now
OPEN_BONUS = 0.15
OWN_LANGUAGE_BONUS = 0.5  # a line that answers in the language the person writes in
OTHER_LANGUAGE_BONUS = 0.2  # one that answers in some language besides Japanese
LOCAL_BONUS = 0.2
LOCAL_SHARE = 0.75  # of the best score: a local service below it is not put first
SPECIALISED_MISS = 0.2
BROAD_PENALTY = 0.02  # per need beyond four: a line for everything is rarely the best
CHILDREN_ONLY = frozenset({"child", "family"})


@dataclass(frozen=True)
class Request:
    needs: dict[str, float]
    audiences: dict[str, float] = field(default_factory=dict)
    methods: tuple[str, ...] = ()
    areas: tuple[str, ...] = ()  # area terms covering the person's place (empty: anywhere)
    prefer_open_now: bool = False
    english: bool = False
    language: str = ""  # ISO 639-1 code of the language the person writes in ("" unknown)
    now: dt.datetime | None = None
    text_scores: dict[str, float] = field(default_factory=dict)  # slug → 0..1 from search
    modifiers: dict[str, float] = field(default_factory=dict)  # need → share (women: 0.5)
    specialised: frozenset[str] = frozenset()  # needs that define who a service is for

    def weight(self, code: str) -> float:
        return self.needs.get(code, 0.0) * self.modifiers.get(code, 1.0)

    @property
    def top_need(self) -> str | None:
        return max(self.needs, key=lambda code: (self.weight(code), code), default=None)

    def is_(self, audience: str) -> bool:
        return self.audiences.get(audience, 0.0) >= 0.5


@dataclass(frozen=True)
class Ranked:
    entry: Entry
    score: float
    needs: tuple[str, ...]  # the person's needs this service serves, surest first
    open_state: OpenState
    reasons: tuple[str, ...]  # audience:child, language, method, open-now, local, text


def _covers(entry: Entry, request: Request) -> bool:
    """Its area covers the person's place; with no place known, one area's own windows
    and places are no answer (they would be another area's)."""
    if not request.areas:
        return not entry.local
    return bool(entry.area_terms & set(request.areas))


def _tier(entry: Entry, request: Request) -> int:
    """Local first: 2 for the person's municipality, 1 for the prefecture, 0 otherwise; `rank`
    puts a tier first only where its service scores LOCAL_SHARE of the best (a town's
    general window that serves the elderly is no first answer to 認知症の父の世話)."""
    return area_tier(entry.area_terms, request.areas)


def _resolved_kinds(entries: tuple[Entry, ...], request: Request) -> frozenset[str]:
    """The kinds of window (地域包括支援センター) whose own office for the person's place
    the directory has: the office is the answer, not the kind."""
    if not request.areas:
        return frozenset()
    return frozenset(e.of_kind for e in entries if e.of_kind and _covers(e, request))


def _audience(entry: Entry, request: Request) -> tuple[float, float, list[str]]:
    served = set(entry.audiences)
    bonus, penalty, reasons = 0.0, 0.0, []
    for code, weight in (("child", 0.15), ("family", 0.1), ("elderly", 0.1), ("foreign", 0.15)):
        if request.is_(code) and code in served:
            bonus += weight
            reasons.append(f"audience:{code}")
    if (request.is_("women") and "women" in served) or (request.is_("men") and "men" in served):
        bonus += 0.05
    # English keeps the share it has always had: the English cases were measured with it.
    if request.language not in ("", "ja", "en") and request.language in entry.languages:
        bonus += OWN_LANGUAGE_BONUS
        reasons.append(f"language:{request.language}")
    elif (request.is_("foreign") or request.english) and set(entry.languages) - {"ja"}:
        bonus += OTHER_LANGUAGE_BONUS
        reasons.append("language")
    if served and served <= CHILDREN_ONLY and not request.is_("child"):
        # A children's line for a parent only if it also takes parents' calls.
        penalty += 0.1 if request.is_("family") and "family" in served else 0.3
    if request.is_("child") and served and "child" not in served:
        penalty += 0.15
    for code, other in (("women", "men"), ("men", "women")):
        only_for = code in entry.needs and other not in entry.needs
        if only_for and not request.is_(code) and request.needs.get(code, 0.0) < 0.3:
            penalty += 0.1  # 女性の人権ホットライン for someone not known to be a woman
    return bonus, penalty, reasons


def _adjustment(entry: Entry, request: Request, state: OpenState) -> tuple[float, float, list[str]]:
    bonus, penalty, reasons = _audience(entry, request)
    if request.methods:
        if set(entry.methods) & set(request.methods):
            bonus += METHOD_BONUS
            reasons.append("method")
        else:
            penalty += METHOD_MISS
    if state is OpenState.OPEN:
        bonus += NOW_BONUS if request.prefer_open_now else OPEN_BONUS
        reasons.append("open-now")
    elif state is OpenState.CLOSED:
        penalty += 0.1 if request.prefer_open_now else 0.03
    if len(request.areas) > 1 and entry.area_terms & set(request.areas[1:]):
        bonus += LOCAL_BONUS
        reasons.append("local")
    text = request.text_scores.get(entry.slug, 0.0)
    if text > 0.2:
        bonus += SEARCH_BONUS * text
        reasons.append("text")
    penalty += BROAD_PENALTY * max(0, len(entry.needs) - 4) + (
        0.05 if entry.stale_on(_today(request)) else 0.0
    )
    specialised = set(entry.needs) & request.specialised
    if specialised and len(entry.needs) <= 4 and not any(request.needs.get(c) for c in specialised):
        penalty += SPECIALISED_MISS  # a line for people leaving prison, for someone who is not
    if "crisis" not in request.needs and "crisis" in entry.needs:
        # Lines for a life in danger (110, suicide prevention) are not the first answer to
        # trouble that is not (yet) a crisis, unless they are for that very trouble (DV相談＋).
        if entry.emergency:
            penalty += 0.3
        elif request.top_need not in entry.needs:
            penalty += 0.25
    return bonus, penalty, reasons


def _relevance(entry: Entry, request: Request, served: Counter[str]) -> tuple[float, str | None]:
    parts = sorted(
        ((request.weight(code) * REPEAT_DISCOUNT ** served[code], code) for code in entry.needs),
        reverse=True,
    )
    parts = [p for p in parts if p[0] > 0]
    if not parts:
        return 0.0, None
    return parts[0][0] + FURTHER_NEED * sum(p for p, _code in parts[1:3]), parts[0][1]


def rank(
    entries: tuple[Entry, ...], request: Request, limit: int, exclude: frozenset[str] = frozenset()
) -> list[Ranked]:
    """The best `limit` services, picked one by one so that the needs are shared out."""
    candidates = []
    exclude = exclude | _resolved_kinds(entries, request)
    for entry in entries:
        if entry.slug in exclude or not _covers(entry, request):
            continue
        if not set(entry.needs) & set(request.needs):
            continue
        state = entry.hours.state_at(request.now) if request.now else OpenState.UNKNOWN
        candidates.append((entry, state, *_adjustment(entry, request, state)))
    served: Counter[str] = Counter()
    chosen: list[Ranked] = []
    while candidates and len(chosen) < limit:
        scored = []
        for index, (entry, _state, bonus, penalty, _reasons) in enumerate(candidates):
            relevance, main = _relevance(entry, request, served)
            score = relevance * (1 + bonus) - penalty
            scored.append((_tier(entry, request), score, entry.slug, index, main))
        floor = LOCAL_SHARE * max(s[1] for s in scored)
        _local, total, _slug, index, main = max(
            scored, key=lambda s: (s[0] if s[1] >= floor > 0 else 0, s[1], [-ord(c) for c in s[2]])
        )
        entry, state, _bonus, _penalty, reasons = candidates.pop(index)
        if main:
            served[main] += 1
        needs = tuple(
            sorted((c for c in entry.needs if c in request.needs), key=lambda c: -request.needs[c])
        )
        chosen.append(Ranked(entry, round(total, 4), needs, state, tuple(reasons)))
    return chosen


BROAD_NEEDS = frozenset({"mental-health", "poverty", "child-worries", "community", "crisis"})


def _today(request: Request) -> dt.date:
    return timezone.localdate(request.now) if request.now else timezone.localdate()


def general_windows(entries: tuple[Entry, ...], request: Request, limit: int) -> list[Ranked]:
    """When nothing was understood: windows that take any trouble, open ones first."""
    found = []
    for entry in entries:
        # よろず相談: loneliness and at least two broad kinds of trouble.
        general = "loneliness" in entry.needs and len(BROAD_NEEDS & set(entry.needs)) >= 2
        if not general or entry.emergency or not _covers(entry, request):
            continue
        state = entry.hours.state_at(request.now) if request.now else OpenState.UNKNOWN
        bonus, penalty, reasons = _adjustment(entry, request, state)
        found.append(Ranked(entry, round(1 + bonus - penalty, 4), (), state, ("general", *reasons)))
    found.sort(key=lambda r: (-r.score, r.entry.slug))
    return found[:limit]
