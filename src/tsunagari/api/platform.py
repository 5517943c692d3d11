"""/api/v1 for the public–private platform and the plan's results: platforms and their
members, coverage (the measure-140 KPI), practice cases, events and training, news,
indicators against targets, and the survey estimates an analyst approved."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from django.http import HttpRequest
from django.utils import timezone
from ninja import Query, Router, Schema
from ninja.errors import HttpError
from pydantic import Field

from tsunagari.api.errors import INVALID, NOT_FOUND, NulFree, invalid_param
from tsunagari.api.services import Text
from tsunagari.directory.areas import prefectures
from tsunagari.directory.taxonomy import load_taxonomy
from tsunagari.platform.coverage import KPI_MEASURE, coverage
from tsunagari.platform.models import Case, Event, Member, News, Outcome, Platform, Profile
from tsunagari.platform.practice import Filters, find_cases
from tsunagari.platform.results import estimate_rows, indicator_results, public_years
from tsunagari.platform.training import trained_by_prefecture_and_year
from tsunagari.surveys.instruments import INDICATORS_BY_KEY

router = Router(tags=["platform"])
results_router = Router(tags=["results"])


class MemberOut(Schema):
    name: Text
    kind: str = Field(description="npo, council, municipality, company, foundation, other")
    profile_id: int | None


class PlatformOut(Schema):
    slug: str
    kind: str = Field(description="national, prefecture or municipality")
    name: Text
    prefecture_code: str
    municipality_code: str
    purpose: Text
    how_to_join: Text
    contact_url: str
    members: list[MemberOut]


def _members(platform: Platform) -> list[MemberOut]:
    members = Member.objects.public().filter(platform=platform).select_related("body")
    profiles = {
        p.body_id: p for p in Profile.objects.public().filter(body__in=[m.body for m in members])
    }
    found = []
    for m in members:
        profile = profiles.get(m.body_id)
        name = Text(ja=m.body.name, en=m.body.name_en)
        if profile:
            name = Text(ja=profile.display_name, en=profile.display_name_en)
        kind = (
            profile.kind
            if profile
            else ("municipality" if m.body.kind in ("prefecture", "municipality") else "other")
        )
        found.append(MemberOut(name=name, kind=kind, profile_id=profile.pk if profile else None))
    return found


def _platform(p: Platform) -> PlatformOut:
    return PlatformOut(
        slug=p.slug,
        kind=p.kind,
        name=Text(ja=p.name, en=p.name_en),
        prefecture_code=p.prefecture_code,
        municipality_code=p.municipality_code,
        purpose=Text(ja=p.purpose, en=p.purpose_en),
        how_to_join=Text(ja=p.how_to_join, en=p.how_to_join_en),
        contact_url=p.contact_url,
        members=_members(p),
    )


@router.get(
    "/platforms", response=list[PlatformOut], summary="Published platforms and their members"
)
def list_platforms(request: HttpRequest) -> list[PlatformOut]:
    return [_platform(p) for p in Platform.objects.public()]


@router.get("/platforms/{slug}", response={200: PlatformOut, **NOT_FOUND}, summary="One platform")
def get_platform(request: HttpRequest, slug: str) -> PlatformOut:
    found = Platform.objects.public().filter(slug=slug[:40]).first()
    if found is None:
        raise HttpError(404, f"no platform {slug[:40]!r}")
    return _platform(found)


class PrefectureOut(Schema):
    code: str
    name: str
    local_platforms: int
    members: int
    local_windows: int = Field(
        description="Local windows (scope local) listed in the directory for the prefecture "
        "or a municipality in it"
    )
    places: int = Field(
        description="Places (居場所, scope place) listed in the directory for the prefecture "
        "or a municipality in it"
    )


class CoverageOut(Schema):
    measure: int = Field(description="The plan's measure whose KPI this is (2024 plan)")
    covered: int = Field(description="Prefectures with at least one published local platform")
    target: int
    achieved: bool
    prefectures: list[PrefectureOut]


@router.get(
    "/coverage",
    response=CoverageOut,
    summary="Local platforms, members, windows and places per prefecture; the measure-140 KPI",
)
def get_coverage(request: HttpRequest) -> CoverageOut:
    found = coverage("ja")
    return CoverageOut(
        measure=KPI_MEASURE,
        covered=found.covered,
        target=found.target,
        achieved=found.achieved,
        prefectures=[
            PrefectureOut(
                code=p.code,
                name=p.name,
                local_platforms=p.platforms,
                members=p.members,
                local_windows=p.windows,
                places=p.places,
            )
            for p in found.prefectures
        ],
    )


class CaseOut(Schema):
    id: int
    title: str
    tried: str
    for_whom: str
    result: str
    lessons: str = Field(description="What did not work, and why")
    outcome: str = Field(description=", ".join(Outcome.values))
    needs: list[str]
    audiences: list[str]
    prefecture_code: str
    municipality_code: str
    year: int
    organisation: str


class CasePage(Schema):
    count: int
    limit: int
    offset: int
    cases: list[CaseOut]


class CaseFilters(Schema):
    q: str = Field("", max_length=200, description="Japanese (or English) words")
    need: NulFree = Field("", max_length=40, description="A need code of /api/v1/taxonomy")
    audience: NulFree = Field("", max_length=40, description="An audience code")
    prefecture: NulFree = Field("", max_length=2, description="01–47")
    outcome: str = Field(
        "", description="worked, mixed or failed", json_schema_extra={"enum": ["", *Outcome.values]}
    )
    limit: int = Field(20, ge=1, le=100)
    offset: int = Field(0, ge=0, le=10_000)


def _case(c: Case) -> CaseOut:
    return CaseOut(
        id=c.pk,
        title=c.title,
        tried=c.tried,
        for_whom=c.for_whom,
        result=c.result,
        lessons=c.lessons,
        outcome=c.outcome,
        needs=list(c.needs),
        audiences=list(c.audiences),
        prefecture_code=c.prefecture_code,
        municipality_code=c.municipality_code,
        year=c.year,
        organisation=c.body.name,
    )


def _checked(filters: CaseFilters) -> Filters:
    taxonomy = load_taxonomy()
    if filters.need and filters.need not in taxonomy.needs:
        raise invalid_param("need", f"unknown need {filters.need!r}")
    if filters.audience and filters.audience not in taxonomy.audiences:
        raise invalid_param("audience", f"unknown audience {filters.audience!r}")
    if filters.prefecture and filters.prefecture not in prefectures():
        raise invalid_param("prefecture", "a prefecture code, 01–47")
    if filters.outcome and filters.outcome not in Outcome.values:
        raise invalid_param("outcome", f"one of {', '.join(Outcome.values)}")
    return Filters(filters.need, filters.audience, filters.prefecture, filters.outcome)


@router.get(
    "/practices",
    response={200: CasePage, **INVALID},
    summary="Published practice cases, searched in Japanese",
)
def list_practices(request: HttpRequest, filters: Query[CaseFilters]) -> CasePage:
    found = find_cases(filters.q.replace("\x00", ""), _checked(filters))
    page = found[filters.offset : filters.offset + filters.limit]
    return CasePage(
        count=len(found), limit=filters.limit, offset=filters.offset, cases=[_case(c) for c in page]
    )


@router.get(
    "/practices/{case_id}",
    response={200: CaseOut, **NOT_FOUND, **INVALID},
    summary="One practice case",
)
def get_practice(request: HttpRequest, case_id: int) -> CaseOut:
    found = (
        Case.objects.public().select_related("body").filter(pk=case_id).first()
        if 0 < case_id < 2**31
        else None
    )
    if found is None:
        raise HttpError(404, f"no published case {case_id}")
    return _case(found)


class EventOut(Schema):
    id: int
    kind: str = Field(description=", ".join(Event.Kind.values))
    title: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    venue: str
    online_url: str
    prefecture_code: str
    capacity: int
    signups: int
    organiser: str


@router.get("/events", response=list[EventOut], summary="Published events that have not ended")
def list_events(request: HttpRequest) -> list[EventOut]:
    upcoming = Event.objects.public().filter(ends_at__gte=timezone.now()).select_related("body")
    return [
        EventOut(
            id=e.pk,
            kind=e.kind,
            title=e.title,
            starts_at=e.starts_at,
            ends_at=e.ends_at,
            venue=e.venue,
            online_url=e.online_url,
            prefecture_code=e.prefecture_code,
            capacity=e.capacity,
            signups=e.signups,
            organiser=e.body.name,
        )
        for e in upcoming
    ]


class TrainedOut(Schema):
    prefecture_code: str = Field(description="Empty for online or nationwide courses")
    fiscal_year: int
    people: int = Field(description="つながりサポーター who completed a course")
    courses: int


@router.get(
    "/training",
    response=list[TrainedOut],
    summary="つながりサポーター trained per prefecture and fiscal year",
)
def list_training(request: HttpRequest) -> list[TrainedOut]:
    return [TrainedOut(**t.__dict__) for t in trained_by_prefecture_and_year()]


class NewsOut(Schema):
    id: int
    topic: str
    title: Text
    text: Text
    published_at: dt.datetime | None


@router.get("/news", response=list[NewsOut], summary="Published announcements, newest first")
def list_news(request: HttpRequest) -> list[NewsOut]:
    return [
        NewsOut(
            id=n.pk,
            topic=n.topic,
            title=Text(ja=n.title, en=n.title_en),
            text=Text(ja=n.text, en=n.text_en),
            published_at=n.published_at,
        )
        for n in News.objects.public()[:50]
    ]


class IndicatorOut(Schema):
    measure: int | None
    measure_name: str
    indicator: str
    unit: str
    direction: str
    baseline: float | None
    baseline_year: int | None
    target: float | None
    target_year: int | None
    latest: float | None
    latest_year: int | None
    achievement: str | None


@results_router.get(
    "/indicators",
    response=list[IndicatorOut],
    summary="Every measure's indicators against their targets (the plan in force)",
)
def list_indicators(request: HttpRequest) -> list[IndicatorOut]:
    return [IndicatorOut(**r.to_json()) for r in indicator_results()]


class EstimateOut(Schema):
    year: int
    synthetic: bool = Field(description="Demonstration data, not survey results")
    indicator: str
    breakdown: str = Field(description="'' for everyone, age_group or sex")
    level: str
    estimate: float | None
    se: float | None
    ci_low: float | None = Field(description="95 % confidence interval")
    ci_high: float | None
    n: int
    small: bool = Field(False, description="Fewer than 30 respondents")


class EstimateFilters(Schema):
    indicator: str = Field("", json_schema_extra={"enum": ["", *INDICATORS_BY_KEY]})
    breakdown: Literal["", "overall", "age_group", "sex"] = ""


@results_router.get(
    "/survey-estimates",
    response={200: list[EstimateOut], **INVALID},
    summary="The national survey's estimates an analyst approved for publication",
)
def list_estimates(request: HttpRequest, filters: Query[EstimateFilters]) -> list[EstimateOut]:
    if filters.indicator and filters.indicator not in INDICATORS_BY_KEY:
        raise invalid_param("indicator", f"one of {', '.join(INDICATORS_BY_KEY)}")
    rows = estimate_rows(public_years())
    if filters.indicator:
        rows = [r for r in rows if r.indicator == filters.indicator]
    if filters.breakdown:
        wanted = "" if filters.breakdown == "overall" else filters.breakdown
        rows = [r for r in rows if r.breakdown == wanted]
    return [EstimateOut(**{"small": False, **r.to_json()}) for r in rows]
