"""Plain factory functions with keyword defaults (no fixture files)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from tsunagari.directory.importer import sync_taxonomy
from tsunagari.directory.models import (
    Organization,
    Phone,
    Schedule,
    Service,
    ServiceArea,
    TaxonomyTerm,
)
from tsunagari.directory.phone_numbers import is_free_to_call


def create_organization(slug: str = "test-org", **fields: Any) -> Organization:
    defaults = {"name": "テスト団体", "name_en": "Test organisation", "kind": "npo"}
    return Organization.objects.create(slug=slug, **{**defaults, **fields})


def create_service(
    slug: str = "test-service",
    *,
    organization: Organization | None = None,
    needs: tuple[str, ...] = ("loneliness",),
    audiences: tuple[str, ...] = (),
    methods: tuple[str, ...] = ("phone",),
    phones: tuple[str, ...] = (),
    hours: tuple[tuple[str, str, str], ...] = (),
    areas: tuple[tuple[str, str], ...] = (("nationwide", ""),),
    **fields: Any,
) -> Service:
    """A service; `hours` are (byday, opens, closes) rows, e.g. ("MO,TU", "09:00", "17:00")."""
    if not TaxonomyTerm.objects.exists():
        sync_taxonomy()
    organization = organization or (
        Organization.objects.filter(slug="test-org").first() or create_organization()
    )
    defaults = {
        "name": "テスト相談窓口",
        "name_en": "Test helpline",
        "description": "話を聞く電話相談です。",
        "description_en": "A phone line that listens.",
        "source_url": "https://example.org/source",
        "verified_on": dt.date(2026, 11, 1),
    }
    service = Service.objects.create(slug=slug, organization=organization, **{**defaults, **fields})
    codes = [("needs", c) for c in needs] + [("audiences", c) for c in audiences]
    codes += [("methods", c) for c in methods]
    service.terms.set([TaxonomyTerm.objects.get(taxonomy=k, code=c) for k, c in codes])
    for i, number in enumerate(phones):
        free = is_free_to_call(number) is True
        Phone.objects.create(service=service, position=i, number=number, toll_free=free)
    for i, (byday, opens, closes) in enumerate(hours):
        Schedule.objects.create(
            service=service, position=i, byday=byday, opens_at=opens, closes_at=closes
        )
    for kind, code in areas:
        ServiceArea.objects.create(service=service, kind=kind, code=code)
    return service


def create_childrens_sos_dial(**fields: Any) -> Service:
    """24時間子供SOSダイヤル as the curated directory has it: a 24-hour crisis line."""
    defaults: dict[str, Any] = {
        "name": "24時間子供SOSダイヤル",
        "name_en": "24-Hour Children's SOS Dial",
        "description": "いじめなど、こどもの悩みをいつでも相談できる電話。",
        "needs": ("bullying", "child-worries"),
        "audiences": ("child",),
        "keywords": ["いじめ"],
        "crisis_line": True,
        "phones": ("0120-0-78310",),
        "holidays": "open",
        "hours": (("MO,TU,WE,TH,FR,SA,SU", "00:00", "24:00"),),
    }
    return create_service("kodomo-sos-dial", **{**defaults, **fields})
