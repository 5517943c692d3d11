"""/api/v1/services and /api/v1/taxonomy: search the directory, read one service.

Crisis first: when the query reads as a life in danger (the navigator's detector), the
answer says `crisis: true` and carries the crisis lines, 24-hour ones first, before the
results. Every result also carries `crisis_line`.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from django.db.models import Q
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils import timezone
from ninja import Query, Router, Schema
from ninja.errors import HttpError
from pydantic import Field

from tsunagari.api.errors import INVALID, NOT_FOUND, NulFree, invalid_param
from tsunagari.api.fields import LanguageCode, code_of
from tsunagari.directory.crisis_lines import crisis_lines
from tsunagari.directory.models import Service
from tsunagari.directory.taxonomy import KINDS, load_taxonomy
from tsunagari.navigator.finder import find
from tsunagari.search.engine import MAX_LIMIT, MAX_OFFSET, Filters
from tsunagari.search.params import FilterError, build_filters
from tsunagari.search.query import MAX_QUERY_CHARS
from tsunagari.search.summary import detail, result_page

router = Router(tags=["services"])


class Text(Schema):
    ja: str
    en: str


class PhoneOut(Schema):
    number: str
    tel: str = Field(description="A tel: (sms: for a text line) URI; empty for a fax")
    type: str
    label: Text
    toll_free: bool
    languages: list[str] = Field(description="What the line answers in; empty: the service's")


class AreaRef(Schema):
    kind: str = Field(description="nationwide, prefecture or municipality")
    code: str = Field(description="JIS X 0402: 2 digits (prefecture), 6 (municipality)")


class ServiceSummary(Schema):
    id: uuid.UUID
    slug: str
    name: Text
    organization: Text
    description: Text
    alert: Text
    local_finder: Text = Field(description="How to find the local office of this kind")
    hours_note: Text
    status: str
    crisis_line: bool = Field(description="A line shown first when a life is in danger")
    scope: str
    needs: list[str]
    audiences: list[str]
    methods: list[str]
    languages: list[str]
    areas: list[AreaRef]
    phones: list[PhoneOut]
    url: str
    open_now: bool | None = Field(description="null when the hours are not known")
    valid_from: str | None = Field(
        description="A trial, campaign or seasonal service: the first day it runs"
    )
    valid_to: str | None = Field(
        description="Its last day; from the next day it is no longer listed"
    )
    verified_on: str
    source_url: str
    stale: bool = Field(description="Not re-checked for a long time: treat with care")
    why: list[str] = Field(description="The query words (or their synonyms) that matched")
    matched_in: list[str] = Field(description="Where they matched: name, keywords, …")
    score: float | None
    of_kind: str = Field(description="A local entry: the slug of the kind of window it is one of")
    address: Text = Field(description="Where a place or window is; empty for phone-only ones")
    postcode: str
    access: Text = Field(description="How to get there")
    accessibility: Text = Field(description="Step-free access and other arrangements")


class CrisisPhoneOut(Schema):
    number: str
    tel: str
    label: Text
    languages: list[str] = Field(description="What the line answers in")


class CrisisLineOut(Schema):
    slug: str
    name: Text
    phones: list[CrisisPhoneOut]
    open_now: bool | None
    always_open: bool
    url: str


class ServicePage(Schema):
    crisis: bool = Field(description="The query reads as a life in danger: call a line now")
    crisis_lines: list[CrisisLineOut] = Field(
        description="When crisis is true: the lines to call first, 24-hour ones first"
    )
    total: int
    limit: int
    offset: int
    query_terms: list[str]
    expanded: dict[str, list[str]]
    results: list[ServiceSummary]


class ScheduleOut(Schema):
    days: list[str]
    monthdays: list[int]
    opens: str
    closes: str
    valid_from: str | None
    valid_to: str | None
    description: Text


class ClosureOut(Schema):
    start: str
    end: str
    description: Text


class AreaOut(AreaRef):
    name: str
    name_en: str


class ProvenanceOut(Schema):
    fact: str = Field(description="service (what it is), phones, hours or url")
    source_url: str = Field(description="The official page that shows the fact")
    source_date: str | None = Field(
        description="The page's own date (YYYY-MM-DD, YYYY-MM or YYYY); null if not recorded"
    )
    checked_on: str = Field(description="The day the fact was checked against the page")


class ServiceDetail(ServiceSummary):
    alternate_name: Text
    email: str
    fees: Text
    eligibility: Text
    minimum_age: int | None
    maximum_age: int | None
    local_finder_url: str
    holidays: str
    schedules: list[ScheduleOut]
    closures: list[ClosureOut]
    next_opening: str | None
    areas: list[AreaOut]  # type: ignore[assignment]  # the summary's areas, with their names
    verification_note: str
    provenance: list[ProvenanceOut]


class Term(Schema):
    code: str
    ja: str
    en: str


class TaxonomyOut(Schema):
    needs: list[Term]
    audiences: list[Term]
    methods: list[Term]


class SearchParams(Schema):
    q: str = Field("", max_length=MAX_QUERY_CHARS, description="What the person typed")
    need: list[code_of("needs")] = Field([], description="Need codes (any of); see /taxonomy")  # type: ignore[valid-type]
    audience: list[code_of("audiences")] = Field([], description="Audience codes (any of)")  # type: ignore[valid-type]
    method: list[code_of("methods")] = Field([], description="Contact method codes (any of)")  # type: ignore[valid-type]
    language: list[LanguageCode] = Field([], description="ISO 639-1 language codes (any of)")
    area: str = Field(
        "",
        max_length=40,
        description="Prefecture code (13), municipality code (131016 or 13101), postcode "
        "(160-0023) or a prefecture or municipality name",
    )
    open_now: bool = Field(False, description="Only services open now (Asia/Tokyo, 祝日)")
    limit: int = Field(20, ge=1, le=MAX_LIMIT)
    offset: int = Field(0, ge=0, le=MAX_OFFSET)


def filters_from(params: SearchParams) -> Filters:
    """Raises a 422 naming the parameter that is wrong."""
    try:
        return build_filters(
            needs=params.need,
            audiences=params.audience,
            methods=params.method,
            languages=params.language,
            area=params.area,
            open_now=params.open_now,
        )
    except FilterError as error:
        raise invalid_param(error.field, str(error)) from None


@router.get(
    "/services", response={200: ServicePage, **INVALID}, summary="Search the support directory"
)
def list_services(request: HttpRequest, params: Query[SearchParams]) -> HttpResponse:
    """Answered as built (tests check it against ServicePage): validating twenty results
    again on every request would cost as much as the search."""
    filters = filters_from(params)
    now = timezone.now()
    found = find(params.q, filters, limit=params.limit, offset=params.offset, now=now)
    lines = crisis_lines_out(now) if found.crisis else []
    page = result_page(found.results, now, params.limit, params.offset)
    answer = {"crisis": found.crisis, "crisis_lines": lines, **page}
    return JsonResponse(answer, json_dumps_params={"ensure_ascii": False})


def crisis_lines_out(now: dt.datetime) -> list[dict[str, Any]]:
    return [
        {
            "slug": line.slug,
            "name": {"ja": line.name, "en": line.name_en},
            "phones": [
                {
                    "number": p.number,
                    "tel": p.href,
                    "label": {"ja": p.label, "en": p.label_en},
                    "languages": list(p.languages or line.languages),
                }
                for p in line.phones
            ],
            "open_now": line.open_state(now).as_bool(),
            "always_open": line.always_open,
            "url": line.url,
        }
        for line in crisis_lines(now)
    ]


@router.get(
    "/services/{service_id}",
    response={200: ServiceDetail, **NOT_FOUND, **INVALID},
    summary="One service, by id (UUID) or slug",
)
def get_service(request: HttpRequest, service_id: NulFree) -> dict[str, Any]:
    try:
        match = Q(id=uuid.UUID(service_id))
    except ValueError:
        match = Q(slug=service_id)
    service = Service.objects.with_details().filter(match).first()
    if service is None:
        raise HttpError(404, f"no service with id or slug {service_id!r}")
    return detail(service, timezone.now())


@router.get("/taxonomy", response=TaxonomyOut, summary="Needs, audiences and methods codes")
def taxonomy(request: HttpRequest) -> dict[str, list[dict[str, str]]]:
    vocabulary = load_taxonomy()
    return {
        kind: [{"code": t.code, "ja": t.ja, "en": t.en} for t in vocabulary.of(kind).values()]
        for kind in KINDS
    }
