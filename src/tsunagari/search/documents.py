"""A service as the index holds it: analysed text fields, filter codes, a timetable signature.

Records are plain data taken from the database first, so that the (slow) text analysis can
run in other processes when the whole directory is rebuilt.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from tsunagari.directory.models import Service
from tsunagari.search.cards import card
from tsunagari.search.filters import area_term, hours_signature
from tsunagari.search.words import Analysed, analyse

# Field → weight of a match in it. Names outweigh keywords, keywords the description.
# Free text is ranked by BM25, Japanese and English apart so that neither dilutes the other.
TEXT_FIELDS: dict[str, float] = {
    "name": 3.0,
    "name_en": 3.0,
    "organization": 1.0,
    "description": 1.0,
    "description_en": 1.0,
}
# Curated labels count once, whatever their number: a service that serves many needs is
# not a weaker match for each of them (BM25's length normalisation would make it one).
TAG_FIELDS: dict[str, float] = {"keywords": 2.0, "needs": 1.5, "audiences": 0.8, "methods": 0.8}
# Hiragana readings, so that a query in kana meets text in kanji.
READING_FIELDS: dict[str, float] = {"name_reading": 1.5, "reading": 0.6}
WORD_FIELDS = {**TEXT_FIELDS, **TAG_FIELDS}
# What the explanation calls a match in these fields.
SHOWN_AS = {"name_en": "name", "description_en": "description", "name_reading": "name"}
# Crisis lines and lines open around the clock rank a little higher (score × log2(2 + prior):
# × 1.10, × 1.05, both × 1.15): "crisis first", and they answer when other windows are closed.
CRISIS_PRIOR = 0.15
ALWAYS_OPEN_PRIOR = 0.07
UNBOUNDED = dt.date.max.toordinal()
FILTER_FIELDS = ("need", "audience", "method", "language", "area", "hours", "flag")


@dataclass(frozen=True)
class ServiceRecord:
    """What the index needs of one service, as plain (picklable) data."""

    id: str
    slug: str
    names: tuple[str, ...]
    names_en: tuple[str, ...]
    keywords: tuple[str, ...]
    needs: tuple[tuple[str, str, str], ...]  # (code, ja, en)
    audiences: tuple[tuple[str, str, str], ...]
    methods: tuple[tuple[str, str, str], ...]
    organization: tuple[str, ...]
    descriptions: tuple[str, ...]
    descriptions_en: tuple[str, ...]
    languages: tuple[str, ...]
    areas: tuple[str, ...]
    hours: str
    flags: tuple[str, ...]
    modified: int
    until: int  # the last day it is listed, as a date ordinal (UNBOUNDED: no end)
    card: str  # JSON


def record(service: Service) -> ServiceRecord:
    """Expects `Service.objects.with_details()`."""
    terms = list(service.terms.all())

    def codes(kind: str) -> tuple[tuple[str, str, str], ...]:
        return tuple(sorted((t.code, t.name, t.name_en) for t in terms if t.taxonomy == kind))

    hours = service.hours()
    signature = hours_signature(hours)
    flags = ["crisis"] if service.crisis_line else []
    flags += ["always-open"] if hours.always_open else []
    flags.append(service.scope)
    flags += [f"of:{service.local_kind.slug}"] if service.local_kind else []
    org = service.organization
    return ServiceRecord(
        id=str(service.id),
        slug=service.slug,
        names=(service.name, service.alternate_name),
        names_en=(service.name_en, service.alternate_name_en),
        keywords=tuple(str(k) for k in service.keywords),
        needs=codes("needs"),
        audiences=codes("audiences"),
        methods=codes("methods"),
        organization=(org.name, org.name_en),
        descriptions=(
            service.description,
            service.eligibility,
            service.local_finder,
            service.alert,
        ),
        descriptions_en=(
            service.description_en,
            service.eligibility_en,
            service.local_finder_en,
            service.alert_en,
        ),
        languages=tuple(service.languages),
        areas=tuple(sorted({area_term(a.kind, a.code) for a in service.areas.all()})),
        hours=signature,
        flags=tuple(flags),
        modified=int(service.last_modified.timestamp() * 1_000_000),
        until=service.valid_to.toordinal() if service.valid_to else UNBOUNDED,
        card=json.dumps(card(service, terms), ensure_ascii=False, separators=(",", ":")),
    )


def _labels(terms: tuple[tuple[str, str, str], ...]) -> Analysed:
    return analyse(*(label for _code, ja, en in terms for label in (ja, en)))


def fields(rec: ServiceRecord) -> dict[str, Any]:
    """The document: every text field as its terms joined by spaces (the index splits them)."""
    names = analyse(*rec.names)
    keywords = analyse(*rec.keywords)
    needs = _labels(rec.needs)
    organization = analyse(*rec.organization)
    description = analyse(*rec.descriptions)
    other = keywords + needs + organization + description
    return {
        "id": rec.id,
        "slug": rec.slug,
        "name": " ".join(names.terms),
        "name_en": " ".join(analyse(*rec.names_en).terms),
        "description_en": " ".join(analyse(*rec.descriptions_en).terms),
        "keywords": " ".join(keywords.terms),
        "needs": " ".join((*(f"need:{code}" for code, _ja, _en in rec.needs), *needs.terms)),
        "audiences": " ".join(_labels(rec.audiences).terms),
        "methods": " ".join(_labels(rec.methods).terms),
        "organization": " ".join(organization.terms),
        "description": " ".join(description.terms),
        "name_reading": " ".join(names.readings),
        "reading": " ".join(other.readings),
        "need": [code for code, _ja, _en in rec.needs],
        "audience": [code for code, _ja, _en in rec.audiences],
        "method": [code for code, _ja, _en in rec.methods],
        "language": list(rec.languages),
        "area": list(rec.areas),
        "hours": rec.hours,
        "flag": list(rec.flags),
        "modified": rec.modified,
        "until": rec.until,
        "card": rec.card.encode("utf-8"),
        "prior": CRISIS_PRIOR * ("crisis" in rec.flags)
        + ALWAYS_OPEN_PRIOR * ("always-open" in rec.flags),
    }


def fields_of_chunk(records: list[ServiceRecord]) -> list[dict[str, Any]]:
    return [fields(r) for r in records]
