"""Search the directory: BM25 over analysed words, synonyms, filters, and why each hit matched.

`search("いじめ")` finds the services whose name, keywords, needs or description hold いじめ
or one of its synonyms (イジメ, 虐め, bullying, …), best first; each hit says which words
matched where. An empty query lists the services that pass the filters: crisis lines first,
then those of the person's municipality and prefecture, then the nationwide ones. Services
that ended (inactive, defunct, or past the end of their window) are never returned.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import tantivy
from django.utils import timezone

from tsunagari.search import index as search_index
from tsunagari.search.documents import READING_FIELDS, TAG_FIELDS, UNBOUNDED
from tsunagari.search.explain import SHORT_FIELDS, explain, fields_for
from tsunagari.search.filters import Filters, covering_areas, open_signatures
from tsunagari.search.query import Alternative, Concept, Kind, Known, ParsedQuery, parse_query
from tsunagari.search.synonyms import load_thesaurus

__all__ = ["Filters", "Hit", "Results", "rebuild_index", "search"]

MAX_LIMIT = 100
MAX_OFFSET = 10_000
TIE_BREAKER = 0.1  # how much a concept's second-best alternative adds to its best one
COMMON_SHARE = 0.3  # a word in more than this share of descriptions is common
LOCAL_TIER = 1000.0  # above any text score: a place's own entries come before the rest
LOCAL_FLAGS = ("local", "place")  # scopes that only mean something to one area's people
RARE_SHARE = 0.1  # a concept held by at most this share of the services is rare (high IDF)
LOCAL_POOL = 20  # the place's own services that may come first (a page)

Occur = tantivy.Occur
Query = tantivy.Query


@dataclass(frozen=True)
class Hit:
    service_id: uuid.UUID
    slug: str
    score: float
    matched: tuple[str, ...]  # the query words (as typed, or their synonyms) that matched
    fields: tuple[str, ...]  # where: "name", "keywords", "needs", "description", …


@dataclass(frozen=True)
class Results:
    hits: list[Hit]
    total: int
    query_terms: tuple[str, ...]  # analysed terms of the query
    expanded: dict[str, tuple[str, ...]]  # term → synonyms it was expanded with


def rebuild_index() -> int:
    """Build the index from the database; returns the number of services indexed."""
    return search_index.rebuild()


def _term(field: str, value: str, boost: float) -> tantivy.Query:
    query = Query.term_query(search_index.SCHEMA, field, value)
    if field in TAG_FIELDS:
        return Query.const_score_query(query, boost)
    return Query.boost_query(query, boost)


def _not_inside(field: str, alternative: Alternative) -> list[tuple[tantivy.Occur, Query]]:
    """In a short field, not where it holds another group's longer word with this synonym."""
    if field not in SHORT_FIELDS:
        return []
    return [
        (Occur.MustNot, Query.boolean_query([(Occur.Must, _term(field, t, 1.0)) for t in longer]))
        for _need, longer in alternative.not_within
    ]


def _alternative_query(alternative: Alternative) -> tantivy.Query:
    per_term = []
    for value in alternative.terms:
        clauses = []
        for field, weight in fields_for(alternative).items():
            term = _term(field, value, weight * alternative.weight)
            if alternative.not_within and field in SHORT_FIELDS:
                term = Query.boolean_query([(Occur.Must, term), *_not_inside(field, alternative)])
            clauses.append((Occur.Should, term))
        per_term.append((Occur.Must, Query.boolean_query(clauses)))
    return per_term[0][1] if len(per_term) == 1 else Query.boolean_query(per_term)


def _concept_query(concept: Concept) -> tantivy.Query:
    return Query.disjunction_max_query(
        [_alternative_query(a) for a in concept.alternatives], TIE_BREAKER
    )


def _held_query(concept: Concept, needs_read: tuple[str, ...]) -> tantivy.Query:
    """The concept as the local tier counts it: by the person's own words, or a need the
    navigator read in them; not by a synonym (介護 for 親の介護, which a council of social
    welfare holds for its elderly people) nor by a need the words were not read as."""
    read = {f"need:{need}" for need in needs_read}
    return Query.boolean_query(
        [
            (Occur.Should, _alternative_query(a))
            for a in concept.alternatives
            if (a.typed and a.kind is not Kind.NEED) or set(a.terms) <= read
        ]
    )


def _known_reading(searcher: tantivy.Searcher) -> Known:
    def known(reading: str) -> bool:
        return any(searcher.doc_freq(field, reading) for field in READING_FIELDS)

    return known


def _any_of(field: str, values: tuple[str, ...]) -> tantivy.Query:
    return Query.term_set_query(search_index.SCHEMA, field, list(values))


@lru_cache(maxsize=256)
def _open_at(signatures: tuple[str, ...], minute: dt.datetime) -> tuple[str, ...]:
    return tuple(open_signatures(list(signatures), minute))


def _open_now(searcher: tantivy.Searcher, now: dt.datetime) -> tantivy.Query:
    signatures = tuple(sorted(term for term, _count in searcher.terms_with_prefix("hours", "")))
    minute = now.replace(second=0, microsecond=0)
    open_ones = _open_at(signatures, minute)
    return _any_of("hours", open_ones) if open_ones else Query.empty_query()


def _not_over(now: dt.datetime) -> tantivy.Query:
    """Services whose window has not ended by `now`'s day in Japan: an ended trial or
    campaign leaves the answers the day after its end, with no change to the data."""
    today = timezone.localdate(now).toordinal()
    return Query.range_query(
        search_index.SCHEMA, "until", tantivy.FieldType.Integer, today, UNBOUNDED
    )


def _filter_clauses(
    filters: Filters, searcher: tantivy.Searcher, now: dt.datetime
) -> list[tuple[tantivy.Occur, tantivy.Query]]:
    queries = []
    for field, values in (
        ("need", filters.needs),
        ("audience", filters.audiences),
        ("method", filters.methods),
        ("language", filters.languages),
    ):
        if values:
            queries.append(_any_of(field, values))
    if filters.place:
        queries.append(_any_of("area", covering_areas(filters.place)))
    if filters.kinds:
        queries.append(_any_of("flag", tuple(f"of:{kind}" for kind in filters.kinds)))
    if filters.open_now:
        queries.append(_open_now(searcher, now))
    queries.append(_not_over(now))
    clauses = [(Occur.Must, Query.const_score_query(q, 0.0)) for q in queries]
    if not filters.place:  # one municipality's window is no answer for a person anywhere
        clauses.append((Occur.MustNot, _any_of("flag", LOCAL_FLAGS)))
    return clauses


def _holders(concept: Concept, searcher: tantivy.Searcher) -> int:
    """About how many services hold the concept (its most frequent alternative's count)."""
    return max(
        min(max(searcher.doc_freq(field, term) for field in fields_for(a)) for term in a.terms)
        for a in concept.alternatives
    )


def _rare(parsed: ParsedQuery, searcher: tantivy.Searcher) -> list[Concept]:
    """The query's rare concepts: held by at most RARE_SHARE of the services, and the rarest
    of them always (認知症 in 親の認知症が心配, not 親, which most services hold)."""
    holders = [_holders(c, searcher) for c in parsed.concepts]
    limit = max(RARE_SHARE * searcher.num_docs, min(holders))
    return [c for c, count in zip(parsed.concepts, holders, strict=True) if count <= limit]


def _local_tier(
    parsed: ParsedQuery, filters: Filters, searcher: tantivy.Searcher, needs_read: tuple[str, ...]
) -> list[tuple[tantivy.Occur, tantivy.Query]]:
    """The person's own services first — the municipality's far above any text score, the
    prefecture's below it — but only those that hold as many of the query's rare concepts as
    the nationwide service holding most, or hold one and serve a need the navigator read in
    the words. A town's general window that shares only 親 with 親の認知症が心配, or a youth
    place only 若者 with 若者ですが借金が返せない, stays among the rest, ranked by its words."""
    place = filters.place
    if not place:
        return []
    areas = covering_areas(place)
    # Each rare concept held scores 1: a service's score is the number it holds.
    rare = _rare(parsed, searcher)
    held = Query.boolean_query(
        [(Occur.Should, Query.const_score_query(_held_query(c, needs_read), 1.0)) for c in rare]
    )
    # Beside a need read in the words, a concept held by a synonym will do: the need says
    # what the service is for (a prefecture's child-abuse hotline for 相談, a helpline).
    held_for_need = Query.boolean_query([(Occur.Should, _concept_query(c)) for c in rare])

    def holding(areas: tuple[str, ...], *needs: str, limit: int = LOCAL_POOL) -> list[Any]:
        clauses = [(Occur.Must, held_for_need if needs else held)]
        clauses.append((Occur.Must, _any_of("area", areas)))
        clauses += [(Occur.Must, _any_of("need", needs))] if needs else []
        return list(searcher.search(Query.boolean_query(clauses), limit, count=False).hits)

    nationwide = holding(areas[:1], limit=1)
    enough = nationwide[0][0] if nationwide else 0.0
    tiers = [(areas[2:], LOCAL_TIER)] if place.municipality else []
    tiers.append((areas[1:2], LOCAL_TIER / 2))
    clauses = []
    for terms, boost in tiers:
        if not enough:  # no nationwide service holds a rare concept either
            clauses.append((Occur.Should, Query.const_score_query(_any_of("area", terms), boost)))
            continue
        found = [a for score, a in holding(terms) if score >= enough]
        found += [a for _score, a in holding(terms, *needs_read)] if needs_read else []
        ids = tuple({str(searcher.doc(a).get_first("id")) for a in found})
        if ids:
            clauses.append((Occur.Should, Query.const_score_query(_any_of("id", ids), boost)))
    return clauses


def _listing_boosts(filters: Filters) -> list[tuple[tantivy.Occur, tantivy.Query]]:
    """An empty query's order: crisis lines, then the nearest areas, then nationwide."""
    boosts = [(Query.term_query(search_index.SCHEMA, "flag", "crisis"), 8.0)]
    place = filters.place
    if place:
        areas = covering_areas(place)
        boosts += [(_any_of("area", areas[2:]), 4.0)] if place.municipality else []
        boosts.append((_any_of("area", areas[1:2]), 2.0))
    boosts.append((Query.term_query(search_index.SCHEMA, "flag", "national"), 1.0))
    return [(Occur.Should, Query.const_score_query(q, boost)) for q, boost in boosts]


def _is_common(concept: Concept, searcher: tantivy.Searcher) -> bool:
    """A word in most documents (相談 in a directory of consultation windows)."""
    typed = concept.alternatives[0]
    limit = COMMON_SHARE * max(searcher.num_docs, 1)
    return typed.kind is Kind.TERMS and all(
        searcher.doc_freq("description", term) > limit for term in typed.terms
    )


def _text_query(parsed: ParsedQuery, searcher: tantivy.Searcher) -> tantivy.Query:
    """Any of the concepts; but when some words are common and others not, a service must
    hold one of the others, and the common words only add to its score (子育て 相談 finds
    the 子育て services, best those that also say 相談, not every 相談 window)."""
    common = [c for c in parsed.concepts if _is_common(c, searcher)]
    rare = [c for c in parsed.concepts if c not in common]
    if not common or not rare:
        return Query.boolean_query([(Occur.Should, _concept_query(c)) for c in parsed.concepts])
    required = Query.boolean_query([(Occur.Should, _concept_query(c)) for c in rare])
    return Query.boolean_query(
        [(Occur.Must, required), *((Occur.Should, _concept_query(c)) for c in common)]
    )


def _query(
    parsed: ParsedQuery,
    filters: Filters,
    searcher: tantivy.Searcher,
    now: dt.datetime,
    local_first: tuple[str, ...] | None,
) -> tantivy.Query:
    """`local_first`: the needs read in the words, or None to leave the place's own services
    where their words put them."""
    clauses = _filter_clauses(filters, searcher, now)
    if parsed.concepts:
        clauses.append((Occur.Must, _text_query(parsed, searcher)))
        if local_first is not None:
            clauses += _local_tier(parsed, filters, searcher, local_first)
    else:
        clauses.append((Occur.Must, Query.const_score_query(Query.all_query(), 1.0)))
        clauses += _listing_boosts(filters)
    return Query.boolean_query(clauses)


def cards(ids: list[uuid.UUID]) -> dict[uuid.UUID, dict[str, Any]]:
    """The stored cards (see `cards.card`) of these services, from the index."""
    return {service: json.loads(card) for service, card in stored_cards(ids).items()}


def stored_cards(ids: list[uuid.UUID]) -> dict[uuid.UUID, bytes]:
    """The same cards as the index keeps them (JSON): a service edited is stored anew, so
    its card's bytes name one version of it."""
    if not ids:
        return {}
    searcher = search_index.current().searcher()
    found = searcher.search(_any_of("id", tuple(str(i) for i in ids)), limit=len(ids))
    result = {}
    for _score, address in found.hits:
        doc = searcher.doc(address)
        result[uuid.UUID(str(doc.get_first("id")))] = doc.get_first("card") or b"{}"
    return result


def search(
    query: str,
    filters: Filters = Filters(),  # noqa: B008 — frozen, so a shared default is safe
    *,
    limit: int = 20,
    offset: int = 0,
    now: dt.datetime | None = None,
    local_first: tuple[str, ...] | None = (),
) -> Results:
    """Listed services matching `query` and `filters`, best first; `now` decides open now.

    With a place, its own services that answer the words as well as the nation's come first
    (`_local_tier`), and those serving one of the needs in `local_first` (what the navigator
    read in the words); `local_first=None` leaves them where their words put them.

    The query is bounded (query.MAX_QUERY_CHARS characters, query.MAX_CONCEPTS words);
    `limit` is at most MAX_LIMIT and `offset` at most MAX_OFFSET.
    """
    limit = max(0, min(limit, MAX_LIMIT))
    offset = max(0, min(offset, MAX_OFFSET))
    searcher = search_index.current().searcher()
    parsed = parse_query(query, load_thesaurus(), _known_reading(searcher))
    parsed = parsed.welcoming(local_first or ())
    found = searcher.search(
        _query(parsed, filters, searcher, now or timezone.now(), local_first),
        limit=max(limit, 1),
        count=True,
        offset=offset,
        weight_by_field="prior",
    )
    hits = []
    for score, address in found.hits[:limit]:
        doc = searcher.doc(address)
        matched, fields = explain(doc, parsed) if parsed.concepts else ((), ())
        hits.append(
            Hit(
                service_id=uuid.UUID(str(doc.get_first("id"))),
                slug=str(doc.get_first("slug")),
                score=float(score),
                matched=matched,
                fields=fields,
            )
        )
    total = int(found.count or 0)  # type: ignore[attr-defined]  # missing from tantivy's stubs
    return Results(hits, total, parsed.terms, parsed.expanded)
