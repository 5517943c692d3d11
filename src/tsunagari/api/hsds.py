"""/api/hsds: the directory as an Open Referral HSDS 3.0 API (spec: HSDS openapi.json).

Lists are HSDS `Page` objects (total_items, total_pages, page_number, size, first_page,
last_page, empty, contents); list items carry the one-to-one fields of their object (HSDS
`service_list`, `organization_list`), single objects are fully nested. Services of every
status are listed, with their `status`, so that copies elsewhere learn when one ended.
"""

from __future__ import annotations

import datetime as dt
import math
import uuid
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone
from ninja import NinjaAPI, Query, Schema
from ninja.errors import HttpError
from pydantic import Field

from tsunagari.api.errors import INVALID, NOT_FOUND, NulFree, invalid_param
from tsunagari.api.fields import Moment
from tsunagari.directory.hours import TOKYO
from tsunagari.directory.hsds import (
    hsds_taxonomies,
    organization_object,
    service_object,
    term_object,
)
from tsunagari.directory.models import Organization, Service, TaxonomyTerm
from tsunagari.search.engine import MAX_OFFSET, search
from tsunagari.search.query import MAX_QUERY_CHARS

hsds_api = NinjaAPI(
    title="tsunagari HSDS API",
    version="3.0",
    urls_namespace="api-hsds",
    docs_url=None,
    description="Open Referral Human Services Data Specification 3.0 views of the directory.",
)

MAX_PER_PAGE = 100
PROFILE = "https://docs.openreferral.org/en/v3.0/"
# The one-to-one fields of a service: HSDS compiled/service_list.json.
SERVICE_LIST_FIELDS = (
    "id",
    "organization_id",
    "name",
    "alternate_name",
    "description",
    "url",
    "email",
    "status",
    "fees_description",
    "eligibility_description",
    "minimum_age",
    "maximum_age",
    "assured_date",
    "alert",
    "last_modified",
    "organization",
)
T = TypeVar("T")


class PageParams(Schema):
    page: int = Field(1, ge=1, description="Page number, from 1")
    per_page: int = Field(50, ge=1, le=MAX_PER_PAGE)
    search: NulFree = Field("", max_length=MAX_QUERY_CHARS, description="Full text search")


class ServiceParams(PageParams):
    taxonomy_term_id: uuid.UUID | None = None
    taxonomy_id: uuid.UUID | None = None
    organization_id: uuid.UUID | None = None
    modified_after: Moment | None = Field(
        None,
        description="Changed at or after this time (ISO 8601); without a zone, Japan time",
    )
    full: bool = Field(False, description="Fully nested services")


class TermParams(PageParams):
    taxonomy_id: uuid.UUID | None = None


def page_of(
    items: Sequence[T] | QuerySet[Any],
    params: PageParams,
    render: Callable[[Any], dict[str, Any]],
    total: int | None = None,
) -> dict[str, Any]:
    """An HSDS Page: `items` is everything (or, with `total`, this page already)."""
    if (params.page - 1) * params.per_page > MAX_OFFSET:
        raise invalid_param("page", f"page too far: at most {MAX_OFFSET:,} items are skipped")
    start = (params.page - 1) * params.per_page
    if total is None:
        total = items.count() if isinstance(items, QuerySet) else len(items)
        items = items[start : start + params.per_page]
    contents = [render(item) for item in items]
    pages = math.ceil(total / params.per_page) if total else 0
    return {
        "total_items": total,
        "total_pages": pages,
        "page_number": params.page,
        "size": len(contents),
        "first_page": params.page == 1,
        "last_page": params.page >= pages,
        "empty": not contents,
        "contents": contents,
    }


def service_list_object(service: Service) -> dict[str, Any]:
    full = service_object(service)
    return {key: full[key] for key in SERVICE_LIST_FIELDS if key in full}


def _terms_of_taxonomy(taxonomy: uuid.UUID) -> list[str]:
    names = {t["id"]: t["name"] for t in hsds_taxonomies()}
    kind = str(names.get(str(taxonomy), "")).removeprefix("tsunagari-")
    return [kind]


@hsds_api.get("/", summary="About this API")
def about(request: HttpRequest) -> dict[str, str]:
    return {
        "version": "3.0",
        "profile": PROFILE,
        "openapi_url": request.build_absolute_uri("openapi.json"),
    }


@hsds_api.get("/services", response={200: dict[str, Any], **INVALID}, summary="Services, paginated")
def services(request: HttpRequest, params: Query[ServiceParams]) -> dict[str, Any]:
    render = service_object if params.full else service_list_object
    if params.search.strip():
        start = (params.page - 1) * params.per_page
        found = search(params.search, limit=params.per_page, offset=min(start, MAX_OFFSET))
        by_id = {
            s.id: s
            for s in Service.objects.with_details().filter(
                id__in=[h.service_id for h in found.hits]
            )
        }
        hits = [by_id[h.service_id] for h in found.hits if h.service_id in by_id]
        return page_of(hits, params, render, total=found.total)
    services = Service.objects.with_details().order_by("slug")
    if params.taxonomy_term_id:
        services = services.filter(terms__id=params.taxonomy_term_id)
    if params.taxonomy_id:
        services = services.filter(
            terms__taxonomy__in=_terms_of_taxonomy(params.taxonomy_id)
        ).distinct()
    if params.organization_id:
        services = services.filter(organization_id=params.organization_id)
    if params.modified_after:
        services = services.filter(last_modified__gte=_in_utc(params.modified_after))
    return page_of(services, params, render)


def _in_utc(moment: dt.datetime) -> dt.datetime:
    """The time as the database compares it, in UTC; without a zone, Japan time. A time
    beyond what UTC holds (0001-01-01 in Japan is 0000-12-31 there) stands at that end."""
    if timezone.is_naive(moment):
        moment = moment.replace(tzinfo=TOKYO)
    try:
        return moment.astimezone(dt.UTC)
    except OverflowError:
        end = dt.datetime.min if moment.year == dt.MINYEAR else dt.datetime.max
        return end.replace(tzinfo=dt.UTC)


def _service_or_404(service_id: str) -> Service:
    try:
        service = Service.objects.with_details().filter(id=uuid.UUID(service_id)).first()
    except ValueError:
        service = None
    if service is None:
        raise HttpError(404, f"no service with id {service_id!r}")
    return service


@hsds_api.get(
    "/services/{service_id}",
    response={200: dict[str, Any], **NOT_FOUND},
    summary="One service, fully nested",
)
def service(request: HttpRequest, service_id: str) -> dict[str, Any]:
    return service_object(_service_or_404(service_id))


@hsds_api.get(
    "/organizations", response={200: dict[str, Any], **INVALID}, summary="Organizations, paginated"
)
def organizations(request: HttpRequest, params: Query[PageParams]) -> dict[str, Any]:
    rows = Organization.objects.order_by("slug")
    if params.search.strip():
        rows = rows.filter(name__icontains=params.search.strip())
    return page_of(rows, params, organization_object)


@hsds_api.get(
    "/organizations/{organization_id}",
    response={200: dict[str, Any], **NOT_FOUND, **INVALID},
    summary="One organization, with its services",
)
def organization(
    request: HttpRequest, organization_id: str, full_service: bool = False
) -> dict[str, Any]:
    try:
        found = Organization.objects.filter(id=uuid.UUID(organization_id)).first()
    except ValueError:
        found = None
    if found is None:
        raise HttpError(404, f"no organization with id {organization_id!r}")
    render = service_object if full_service else service_list_object
    nested = Service.objects.with_details().filter(organization=found).order_by("slug")
    return {**organization_object(found), "services": [render(s) for s in nested]}


@hsds_api.get(
    "/taxonomies", response={200: dict[str, Any], **INVALID}, summary="Taxonomies, paginated"
)
def taxonomies(request: HttpRequest, params: Query[PageParams]) -> dict[str, Any]:
    return page_of(hsds_taxonomies(), params, dict)


@hsds_api.get(
    "/taxonomies/{taxonomy}", response={200: dict[str, Any], **NOT_FOUND}, summary="One taxonomy"
)
def taxonomy(request: HttpRequest, taxonomy: str) -> dict[str, Any]:
    for item in hsds_taxonomies():
        if taxonomy in (item["id"], item["name"]):
            return item
    raise HttpError(404, f"no taxonomy {taxonomy!r}")


@hsds_api.get(
    "/taxonomy_terms",
    response={200: dict[str, Any], **INVALID},
    summary="Taxonomy terms, paginated",
)
def taxonomy_terms(request: HttpRequest, params: Query[TermParams]) -> dict[str, Any]:
    terms = TaxonomyTerm.objects.order_by("taxonomy", "code")
    if params.taxonomy_id:
        terms = terms.filter(taxonomy__in=_terms_of_taxonomy(params.taxonomy_id))
    if params.search.strip():
        terms = terms.filter(name__icontains=params.search.strip())
    return page_of(terms, params, term_object)


@hsds_api.get(
    "/taxonomy_terms/{term_id}",
    response={200: dict[str, Any], **NOT_FOUND},
    summary="One taxonomy term",
)
def taxonomy_term(request: HttpRequest, term_id: str) -> dict[str, Any]:
    try:
        term = TaxonomyTerm.objects.filter(id=uuid.UUID(term_id)).first()
    except ValueError:
        term = None
    if term is None:
        raise HttpError(404, f"no taxonomy term with id {term_id!r}")
    return term_object(term)
