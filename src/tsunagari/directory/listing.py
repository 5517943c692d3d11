"""A listed service as every public answer shows it (掲載情報): the one read model.

Result cards, the service page, the API's schemas and the navigator's answers all shape a
`Listing`; none of them reads a service row for itself. It is built once from the database
(`Listing.of`) and kept in the search index as JSON (`data()`, `Listing.from_data`), so a
page of results needs no database query. What depends on the moment (open now, stale) is
asked of it with the moment.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, replace
from typing import Any

from django.conf import settings
from django.utils import timezone

from tsunagari.directory.areas import area_term
from tsunagari.directory.bundle import OrganizationEntry, ServiceEntry
from tsunagari.directory.hours import Hours, OpenState, hours_from_signature, hours_signature
from tsunagari.directory.models import Phone, Service, TaxonomyTerm, pick, stable_id
from tsunagari.directory.phone_numbers import call_uri

EMERGENCY_NUMBERS = ("110", "119")


@dataclass(frozen=True)
class Call:
    """A number to call (or text), as dialled in Japan, and the languages it answers in."""

    number: str
    kind: str = Phone.Type.VOICE.value
    label: str = ""
    label_en: str = ""
    toll_free: bool = False
    languages: tuple[str, ...] = ()  # empty: the service's languages

    @property
    def href(self) -> str:
        """tel:, sms:, or "" for a fax (see `phone_numbers.call_uri`)."""
        return call_uri(self.number, self.kind)

    def label_in(self, language: str) -> str:
        return pick(language, self.label, self.label_en)


@dataclass(frozen=True)
class Listing:
    id: uuid.UUID
    slug: str
    name: str
    name_en: str
    organization: str
    organization_en: str
    description: str
    description_en: str
    url: str
    status: str
    scope: str
    crisis_line: bool
    needs: tuple[str, ...]
    audiences: tuple[str, ...]
    methods: tuple[str, ...]
    languages: tuple[str, ...]
    areas: tuple[tuple[str, str], ...]  # (nationwide|prefecture|municipality, code)
    phones: tuple[Call, ...]
    hours: Hours
    verified_on: dt.date
    source_url: str = ""
    alert: str = ""
    alert_en: str = ""
    local_finder: str = ""
    local_finder_en: str = ""
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    hours_note: str = ""
    hours_note_en: str = ""
    of_kind: str = ""  # a local entry: the slug of the local-kind it is one of
    address: str = ""
    address_en: str = ""
    postcode: str = ""
    access: str = ""
    access_en: str = ""
    accessibility: str = ""
    accessibility_en: str = ""

    @classmethod
    def of(cls, service: Service, terms: list[TaxonomyTerm] | None = None) -> Listing:
        """Expects `Service.objects.with_details()`; `terms` when the caller has them."""
        terms = list(service.terms.all()) if terms is None else terms

        def codes(kind: str) -> tuple[str, ...]:
            return tuple(sorted(t.code for t in terms if t.taxonomy == kind))

        org = service.organization
        return cls(
            id=service.id,
            slug=service.slug,
            name=service.name,
            name_en=service.name_en,
            organization=org.name,
            organization_en=org.name_en,
            description=service.description,
            description_en=service.description_en,
            url=service.url,
            status=service.status,
            scope=service.scope,
            crisis_line=service.crisis_line,
            needs=codes("needs"),
            audiences=codes("audiences"),
            methods=codes("methods"),
            languages=tuple(service.languages),  # empty: not known (never assumed Japanese)
            areas=tuple((a.kind, a.code) for a in service.areas.all()),
            phones=tuple(
                Call(p.number, p.type, p.label, p.label_en, p.toll_free, tuple(p.languages))
                for p in service.phones.all()
            ),
            hours=service.hours(),
            verified_on=service.verified_on,
            source_url=service.source_url,
            alert=service.alert,
            alert_en=service.alert_en,
            local_finder=service.local_finder,
            local_finder_en=service.local_finder_en,
            valid_from=service.valid_from,
            valid_to=service.valid_to,
            hours_note=service.hours_note,
            hours_note_en=service.hours_note_en,
            of_kind=service.local_kind.slug if service.local_kind else "",
            **_place_fields(service),
        )

    @classmethod
    def of_entry(cls, entry: ServiceEntry, organization: OrganizationEntry | None) -> Listing:
        """From the bundled files, when the database cannot be read (crisis lines)."""
        area = entry.area
        return cls(
            id=stable_id("service", entry.id),
            slug=entry.id,
            name=entry.name,
            name_en=entry.name_en,
            organization=organization.name if organization else "",
            organization_en=organization.name_en if organization else "",
            description=entry.description,
            description_en=entry.description_en,
            url=entry.url,
            status=entry.status,
            scope=entry.scope,
            crisis_line=entry.crisis_line,
            needs=tuple(sorted(entry.needs)),
            audiences=tuple(sorted(entry.audiences)),
            methods=tuple(sorted(entry.methods)),
            languages=tuple(entry.languages),
            areas=(("nationwide", ""),)
            if isinstance(area, str)
            else tuple(("prefecture", c) for c in area.prefectures)
            + tuple(("municipality", c) for c in area.municipalities),
            phones=tuple(
                Call(p.number, p.type, p.label, p.label_en, p.toll_free, tuple(p.languages))
                for p in entry.phones
            ),
            hours=entry.hours(),
            verified_on=entry.verified_on,
            source_url=entry.source_url,
            alert=entry.alert,
            alert_en=entry.alert_en,
            local_finder=entry.local_finder,
            local_finder_en=entry.local_finder_en,
            valid_from=entry.valid_from,
            valid_to=entry.valid_to,
            hours_note=entry.hours_note,
            hours_note_en=entry.hours_note_en,
            of_kind=entry.local_kind,
            **_place_fields(entry),
        )

    # In the page's language (Japanese when no English was written).
    def name_in(self, language: str) -> str:
        return pick(language, self.name, self.name_en)

    def organization_in(self, language: str) -> str:
        return pick(language, self.organization, self.organization_en)

    def description_in(self, language: str) -> str:
        return pick(language, self.description, self.description_en)

    def alert_in(self, language: str) -> str:
        return pick(language, self.alert, self.alert_en)

    def hours_note_in(self, language: str) -> str:
        return pick(language, self.hours_note, self.hours_note_en)

    def address_in(self, language: str) -> str:
        return pick(language, self.address, self.address_en)

    def access_in(self, language: str) -> str:
        return pick(language, self.access, self.access_en)

    def accessibility_in(self, language: str) -> str:
        return pick(language, self.accessibility, self.accessibility_en)

    display_name = name_in

    @property
    def local(self) -> bool:
        """One municipality's or prefecture's own window or place (居場所)."""
        return self.scope in (Service.Scope.LOCAL, Service.Scope.PLACE)

    @property
    def local_kind(self) -> bool:
        """A kind of window every municipality has (地域包括支援センター): find the local one."""
        return self.scope == Service.Scope.LOCAL_KIND

    @property
    def emergency(self) -> bool:
        """110 and 119: for danger now, not for talking things through."""
        return any(p.number in EMERGENCY_NUMBERS for p in self.phones)

    @property
    def area_terms(self) -> frozenset[str]:
        return frozenset(area_term(kind, code) for kind, code in self.areas)

    @property
    def always_open(self) -> bool:
        return self.hours.always_open

    def open_state(self, moment: dt.datetime | None = None) -> OpenState:
        return self.hours.state_at(moment or timezone.now())

    def stale_on(self, day: dt.date) -> bool:
        """Not re-checked for longer than settings allow: shown with a warning."""
        return day - self.verified_on > dt.timedelta(days=settings.DIRECTORY_STALE_AFTER_DAYS)

    def data(self) -> dict[str, Any]:
        """As JSON: the card the search index keeps and the API answers with."""
        return {
            "id": str(self.id),
            "slug": self.slug,
            "name": _both(self.name, self.name_en),
            "organization": _both(self.organization, self.organization_en),
            "description": _both(self.description, self.description_en),
            "alert": _both(self.alert, self.alert_en),
            "local_finder": _both(self.local_finder, self.local_finder_en),
            "status": self.status,
            "crisis_line": self.crisis_line,
            "scope": self.scope,
            "needs": list(self.needs),
            "audiences": list(self.audiences),
            "methods": list(self.methods),
            "languages": list(self.languages),
            "areas": [{"kind": kind, "code": code} for kind, code in self.areas],
            "phones": [
                {
                    "number": p.number,
                    "tel": p.href,
                    "type": p.kind,
                    "label": _both(p.label, p.label_en),
                    "toll_free": p.toll_free,
                    "languages": list(p.languages),
                }
                for p in self.phones
            ],
            "url": self.url,
            "valid_from": _day(self.valid_from),
            "valid_to": _day(self.valid_to),
            "verified_on": self.verified_on.isoformat(),
            "source_url": self.source_url,
            "hours_note": _both(self.hours_note, self.hours_note_en),
            "hours": hours_signature(self.hours),
            "of_kind": self.of_kind,
            "address": _both(self.address, self.address_en),
            "postcode": self.postcode,
            "access": _both(self.access, self.access_en),
            "accessibility": _both(self.accessibility, self.accessibility_en),
        }

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> Listing:
        return cls(
            id=uuid.UUID(data["id"]),
            slug=data["slug"],
            name=data["name"]["ja"],
            name_en=data["name"]["en"],
            organization=data["organization"]["ja"],
            organization_en=data["organization"]["en"],
            description=data["description"]["ja"],
            description_en=data["description"]["en"],
            alert=data["alert"]["ja"],
            alert_en=data["alert"]["en"],
            local_finder=data["local_finder"]["ja"],
            local_finder_en=data["local_finder"]["en"],
            url=data["url"],
            status=data["status"],
            scope=data["scope"],
            crisis_line=data["crisis_line"],
            needs=tuple(data["needs"]),
            audiences=tuple(data["audiences"]),
            methods=tuple(data["methods"]),
            languages=tuple(data["languages"]),
            areas=tuple((a["kind"], a["code"]) for a in data["areas"]),
            phones=tuple(
                Call(
                    p["number"],
                    p["type"],
                    p["label"]["ja"],
                    p["label"]["en"],
                    p["toll_free"],
                    tuple(p["languages"]),
                )
                for p in data["phones"]
            ),
            hours=replace(
                hours_from_signature(data["hours"]), has_note=bool(data["hours_note"]["ja"])
            ),
            verified_on=dt.date.fromisoformat(data["verified_on"]),
            source_url=data["source_url"],
            valid_from=_date(data["valid_from"]),
            valid_to=_date(data["valid_to"]),
            hours_note=data["hours_note"]["ja"],
            hours_note_en=data["hours_note"]["en"],
            of_kind=data["of_kind"],
            address=data["address"]["ja"],
            address_en=data["address"]["en"],
            postcode=data["postcode"],
            access=data["access"]["ja"],
            access_en=data["access"]["en"],
            accessibility=data["accessibility"]["ja"],
            accessibility_en=data["accessibility"]["en"],
        )


def _place_fields(source: Service | ServiceEntry) -> dict[str, str]:
    return {
        name: getattr(source, name)
        for name in (
            "address",
            "address_en",
            "postcode",
            "access",
            "access_en",
            "accessibility",
            "accessibility_en",
        )
    }


def _both(ja: str, en: str) -> dict[str, str]:
    return {"ja": ja, "en": en}


def _day(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None
