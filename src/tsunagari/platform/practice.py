"""Finding practice cases with the project's Japanese search: a case is analysed as the
directory is (Sudachi lemmas, compound parts, readings: search.words.analyse), and a query
is parsed as the search page parses it (search.query.parse_query, with the thesaurus and
its needs). The library is small (hundreds of cases), so cases are scored in memory: each
concept of the query scores its best alternative the case contains; a case must meet every
concept to be found, ranked by the sum.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from tsunagari.directory.taxonomy import load_taxonomy
from tsunagari.platform.models import Case
from tsunagari.search.query import Concept, Kind, parse_query
from tsunagari.search.synonyms import load_thesaurus
from tsunagari.search.words import analyse

READING = "r:"
NEED = "need:"


def index_terms(case: Case) -> list[str]:
    """What a published case is found by: its words, their readings, its need codes and
    the names of its needs and audiences."""
    taxonomy = load_taxonomy()
    labels = [taxonomy.needs[c].ja for c in case.needs if c in taxonomy.needs]
    labels += [taxonomy.audiences[c].ja for c in case.audiences if c in taxonomy.audiences]
    analysed = analyse(case.title, case.tried, case.for_whom, case.result, case.lessons, *labels)
    found = set(analysed.terms) | {READING + r for r in analysed.readings}
    found |= {NEED + code for code in case.needs}
    return sorted(found)


def _score(concept: Concept, terms: frozenset[str]) -> float:
    best = 0.0
    for alternative in concept.alternatives:
        if alternative.kind == Kind.READING:
            wanted = {READING + t for t in alternative.terms}
        else:
            wanted = set(alternative.terms)
        if wanted <= terms:
            best = max(best, alternative.weight)
    return best


@dataclass(frozen=True)
class Filters:
    need: str = ""
    audience: str = ""
    prefecture: str = ""
    outcome: str = ""


def filtered(filters: Filters) -> Iterable[Case]:
    cases = Case.objects.public().select_related("body")
    if filters.prefecture:
        cases = cases.filter(prefecture_code=filters.prefecture)
    if filters.outcome:
        cases = cases.filter(outcome=filters.outcome)
    for case in cases:
        if filters.need and filters.need not in case.needs:
            continue
        if filters.audience and filters.audience not in case.audiences:
            continue
        yield case


def find_cases(query: str, filters: Filters | None = None) -> list[Case]:
    """Published cases that meet every concept of `query` (all of them for an empty
    query), best first, then newest."""
    cases = list(filtered(filters or Filters()))
    parsed = parse_query(query, load_thesaurus())
    if not parsed.concepts:
        return cases
    scored: list[tuple[float, int, Case]] = []
    for position, case in enumerate(cases):
        terms = frozenset(case.search_terms)
        scores = [_score(concept, terms) for concept in parsed.concepts]
        if all(scores):
            scored.append((sum(scores), -position, case))
    return [case for _score_, _pos, case in sorted(scored, key=lambda s: s[:2], reverse=True)]
