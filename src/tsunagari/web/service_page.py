"""Everything the service page shows, gathered from one service in the page's language."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _

from tsunagari.directory.area_names import area_name
from tsunagari.directory.listing import Listing
from tsunagari.directory.models import Service, pick
from tsunagari.directory.provenance import FACT_NAMES
from tsunagari.web.hours_text import HoursText, describe_hours, format_date, join_list
from tsunagari.web.languages import language_name
from tsunagari.web.presenters import OpenBadge, PhoneLink, listing_badge, listing_phones


@dataclass(frozen=True)
class Label:
    code: str
    text: str


@dataclass(frozen=True)
class FactSource:
    """A fact shown by another page than the service's main source."""

    fact: str
    url: str
    date: str
    checked: str


@dataclass(frozen=True)
class ServicePage:
    slug: str
    name: str
    name_ja: str  # on pages in other languages: the name to say when calling
    alternate_name: str
    description: str
    organization: str
    url: str
    email: str
    listed: bool
    status: str
    alert: str
    needs: tuple[Label, ...]
    audiences: tuple[Label, ...]
    methods: tuple[Label, ...]
    ages: str
    eligibility: str
    phones: tuple[PhoneLink, ...]
    badge: OpenBadge
    hours: HoursText
    languages: tuple[str, ...]
    japanese_only: bool
    fees: str
    address: str
    postcode: str
    access: str
    accessibility: str
    local_kind: bool
    local_finder: str
    local_finder_url: str
    areas: tuple[str, ...]
    source_url: str
    source_date: str
    verified_on: str
    verification_note: str
    fact_sources: tuple[FactSource, ...]
    stale: bool
    crisis_line: bool


def service_page(service: Service, language: str, now: dt.datetime) -> ServicePage:
    def text(field: str) -> str:
        return pick(language, getattr(service, field), getattr(service, field + "_en"))

    listing = Listing.of(service)
    terms = {kind: [] for kind in ("needs", "audiences", "methods")}  # type: dict[str, list[Label]]
    for term in sorted(service.terms.all(), key=lambda t: t.code):
        terms[term.taxonomy].append(Label(term.code, term.display_name(language)))
    return ServicePage(
        slug=service.slug,
        name=service.display_name(language),
        name_ja=service.name if language != "ja" else "",
        alternate_name=text("alternate_name"),
        description=text("description"),
        organization=service.organization.display_name(language),
        url=service.url,
        email=service.email,
        listed=service.status not in (Service.Status.DEFUNCT, Service.Status.INACTIVE)
        and not service.ended_on(timezone.localdate(now)),
        status=_status(service, timezone.localdate(now)),
        alert=text("alert"),
        needs=tuple(terms["needs"]),
        audiences=tuple(terms["audiences"]),
        methods=tuple(terms["methods"]),
        ages=_ages(service.minimum_age, service.maximum_age),
        eligibility=text("eligibility"),
        phones=listing_phones(listing, language),
        badge=listing_badge(listing, now),
        hours=describe_hours(service, language, now.date()),
        languages=tuple(language_name(code) for code in service.languages),
        japanese_only=set(service.languages) <= {"ja"},
        fees=text("fees"),
        address=text("address"),
        postcode=service.postcode,
        access=text("access"),
        accessibility=text("accessibility"),
        local_kind=service.scope == Service.Scope.LOCAL_KIND,
        local_finder=text("local_finder"),
        local_finder_url=service.local_finder_url,
        areas=tuple(area_name(kind, code, language) for kind, code in listing.areas),
        source_url=service.source_url,
        source_date=service.source_date,
        verified_on=format_date(service.verified_on),
        verification_note=service.verification_note,
        fact_sources=_fact_sources(service),
        stale=service.is_stale,
        crisis_line=service.crisis_line,
    )


def _fact_sources(service: Service) -> tuple[FactSource, ...]:
    """The pages other than the main source, each once with the facts it shows."""
    pages: dict[tuple[str, str, dt.date], list[str]] = {}
    for fact in service.provenance():
        if fact.url != service.source_url:
            pages.setdefault((fact.url, fact.date, fact.checked), []).append(
                str(FACT_NAMES[fact.fact])
            )
    return tuple(
        FactSource(join_list(facts), url, date, format_date(checked))
        for (url, date, checked), facts in pages.items()
    )


def _ages(minimum: int | None, maximum: int | None) -> str:
    if minimum is not None and maximum is not None:
        return _("%(min)s歳〜%(max)s歳") % {"min": minimum, "max": maximum}
    if minimum is not None:
        return _("%(min)s歳以上") % {"min": minimum}
    if maximum is not None:
        return _("%(max)s歳まで") % {"max": maximum}
    return ""


def _status(service: Service, today: dt.date) -> str:
    messages: dict[str, str] = {
        Service.Status.INACTIVE: _("この窓口は休止しています。"),
        Service.Status.DEFUNCT: _("この窓口は終了しました。"),
        Service.Status.TEMPORARILY_CLOSED: _("この窓口は一時的に休止しています。"),
    }
    if service.status in messages:
        return messages[service.status]
    if service.valid_to and service.ended_on(today):
        return _("この窓口の実施期間は%(end)sで終わりました。") % {
            "end": format_date(service.valid_to)
        }
    if service.valid_from and today < service.valid_from:
        return _("この窓口は%(start)sから始まります。") % {"start": format_date(service.valid_from)}
    return ""
