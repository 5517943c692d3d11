"""Between database rows and directory entries (the bundle format), both ways.

Every input (our YAML, HSDS JSON) becomes entries first, and the database is compared with
and written from entries: one path, so an import run twice changes nothing the second time.
"""

from __future__ import annotations

from typing import Any, TypeVar

from django.db.models import Model

from tsunagari.directory.bundle import AreaEntry, OrganizationEntry, ScheduleEntry, ServiceEntry
from tsunagari.directory.models import Closure as ClosureRow
from tsunagari.directory.models import (
    Organization,
    Phone,
    Schedule,
    Service,
    ServiceArea,
    Source,
    TaxonomyTerm,
    stable_id,
)

_Row = TypeVar("_Row", bound=Model)


def organization_to_entry(org: Organization) -> OrganizationEntry:
    return OrganizationEntry(
        id=org.slug,
        name=org.name,
        name_en=org.name_en,
        kind=org.kind,  # type: ignore[arg-type]
        url=org.url,
        description=org.description,
        description_en=org.description_en,
    )


def service_to_entry(service: Service) -> ServiceEntry:
    """The entry a service would have in a file (expects `with_details()` prefetching)."""
    return ServiceEntry.model_validate(
        {
            "id": service.slug,
            "name": service.name,
            "name_en": service.name_en,
            "alternate_name": service.alternate_name,
            "alternate_name_en": service.alternate_name_en,
            "organization": service.organization.slug,
            "description": service.description,
            "description_en": service.description_en,
            "url": service.url,
            "email": service.email,
            "status": service.status,
            "alert": service.alert,
            "alert_en": service.alert_en,
            "scope": service.scope,
            "local_kind": service.local_kind.slug if service.local_kind else "",
            "address": service.address,
            "address_en": service.address_en,
            "postcode": service.postcode,
            "access": service.access,
            "access_en": service.access_en,
            "accessibility": service.accessibility,
            "accessibility_en": service.accessibility_en,
            "local_finder": service.local_finder,
            "local_finder_en": service.local_finder_en,
            "local_finder_url": service.local_finder_url,
            "crisis_line": service.crisis_line,
            "needs": service.codes("needs"),
            "audiences": service.codes("audiences"),
            "methods": service.codes("methods"),
            "languages": service.languages,
            "minimum_age": service.minimum_age,
            "maximum_age": service.maximum_age,
            "fees": service.fees,
            "fees_en": service.fees_en,
            "eligibility": service.eligibility,
            "eligibility_en": service.eligibility_en,
            "phones": [_phone_entry(p) for p in service.phones.all()],
            "holidays": service.holidays,
            "closures": [_closure_entry(c) for c in service.closures.all()],
            "schedules": [_schedule_entry(s) for s in service.schedules.all()],
            "hours_note": service.hours_note,
            "hours_note_en": service.hours_note_en,
            "area": _area_entry(list(service.areas.all())),
            "keywords": service.keywords,
            "valid_from": service.valid_from,
            "valid_to": service.valid_to,
            "source_url": service.source_url,
            "source_date": service.source_date,
            "verified_on": service.verified_on,
            "verification_note": service.verification_note,
            "sources": [_source_entry(s) for s in service.sources.all()],
        }
    ).canonical()


def _source_entry(row: Source) -> dict[str, object]:
    return {
        "facts": row.facts.split(","),
        "url": row.url,
        "date": row.date,
        "checked": row.checked_on,
        "note": row.note,
    }


def _phone_entry(phone: Phone) -> dict[str, object]:
    return {
        "number": phone.number,
        "type": phone.type,
        "label": phone.label,
        "label_en": phone.label_en,
        "languages": phone.languages,
        "toll_free": phone.toll_free,
    }


def _schedule_entry(row: Schedule) -> dict[str, object]:
    return {
        "days": [d for d in row.byday.split(",") if d],
        "monthdays": [int(d) for d in row.bymonthday.split(",") if d],
        "opens": row.opens_at,
        "closes": row.closes_at,
        "valid_from": row.valid_from,
        "valid_to": row.valid_to,
        "description": row.description,
        "description_en": row.description_en,
    }


def _closure_entry(row: ClosureRow) -> dict[str, object]:
    return {
        "from": row.start,
        "to": row.end,
        "description": row.description,
        "description_en": row.description_en,
    }


def _area_entry(areas: list[ServiceArea]) -> str | dict[str, list[str]]:
    if not areas or any(a.kind == ServiceArea.Kind.NATIONWIDE for a in areas):
        return "nationwide"
    return {
        "prefectures": [a.code for a in areas if a.kind == ServiceArea.Kind.PREFECTURE],
        "municipalities": [a.code for a in areas if a.kind == ServiceArea.Kind.MUNICIPALITY],
    }


def write_if_changed(model: type[_Row], values: dict[str, Any], **lookup: Any) -> _Row:
    """The row of `lookup`, created or given `values`, but saved only when something differs.

    update_or_create always saves, and every save of an organisation or a term tells the
    search index that all of its services changed: re-saving the whole taxonomy for one
    municipality's upload re-indexed the national directory. Unchanged rows stay unsaved.
    """
    row = model._default_manager.filter(**lookup).first()
    if row is None:
        return model._default_manager.create(**lookup, **values)
    changed = [name for name, value in values.items() if getattr(row, name) != value]
    if changed:
        for name in changed:
            setattr(row, name, values[name])
        row.save(update_fields=changed)
    return row


def write_organization(entry: OrganizationEntry) -> Organization:
    return write_if_changed(
        Organization,
        {
            "name": entry.name,
            "name_en": entry.name_en,
            "kind": entry.kind,
            "url": entry.url,
            "description": entry.description,
            "description_en": entry.description_en,
        },
        slug=entry.id,
    )


def write_service(
    entry: ServiceEntry,
    organization: Organization,
    terms: dict[tuple[str, str], TaxonomyTerm],
    *,
    new: bool = False,
) -> Service:
    """Create or replace the service `entry.id` with exactly what the entry says; with `new`,
    only create it (raises IntegrityError if the id exists, never updates another's)."""
    kind = Service.objects.get(slug=entry.local_kind) if entry.local_kind else None
    values = {
        "organization": organization,
        "local_kind": kind,
        **{field: getattr(entry, field) for field in _PLAIN_FIELDS},
        "languages": list(entry.languages),
        "keywords": list(entry.keywords),
    }
    if new:
        service = Service.objects.create(slug=entry.id, **values)
    else:
        service, _ = Service.objects.update_or_create(slug=entry.id, defaults=values)
    service.terms.set(
        [
            terms[(kind, code)]
            for kind in ("needs", "audiences", "methods")
            for code in getattr(entry, kind)
        ]
    )
    service.phones.all().delete()
    Phone.objects.bulk_create(
        Phone(
            id=stable_id("phone", entry.id, str(i)),
            service=service,
            position=i,
            number=p.number,
            type=p.type,
            label=p.label,
            label_en=p.label_en,
            languages=list(p.languages),
            toll_free=p.toll_free,
        )
        for i, p in enumerate(entry.phones)
    )
    service.schedules.all().delete()
    Schedule.objects.bulk_create(
        _schedule_row(service, entry.id, i, rule) for i, rule in enumerate(entry.schedules)
    )
    service.closures.all().delete()
    ClosureRow.objects.bulk_create(
        ClosureRow(
            id=stable_id("closure", entry.id, str(i)),
            service=service,
            start=c.from_,
            end=c.to,
            description=c.description,
            description_en=c.description_en,
        )
        for i, c in enumerate(entry.closures)
    )
    service.areas.all().delete()
    ServiceArea.objects.bulk_create(_area_rows(service, entry))
    service.sources.all().delete()
    Source.objects.bulk_create(
        Source(
            id=stable_id("source", entry.id, str(i)),
            service=service,
            position=i,
            facts=",".join(s.facts),
            url=s.url,
            date=s.date,
            checked_on=s.checked,
            note=s.note,
        )
        for i, s in enumerate(entry.sources)
    )
    return service


_PLAIN_FIELDS = (
    "name",
    "name_en",
    "alternate_name",
    "alternate_name_en",
    "description",
    "description_en",
    "url",
    "email",
    "status",
    "alert",
    "alert_en",
    "scope",
    "local_finder",
    "local_finder_en",
    "local_finder_url",
    "address",
    "address_en",
    "postcode",
    "access",
    "access_en",
    "accessibility",
    "accessibility_en",
    "crisis_line",
    "minimum_age",
    "maximum_age",
    "fees",
    "fees_en",
    "eligibility",
    "eligibility_en",
    "holidays",
    "hours_note",
    "hours_note_en",
    "valid_from",
    "valid_to",
    "source_url",
    "source_date",
    "verified_on",
    "verification_note",
)


def _schedule_row(service: Service, slug: str, index: int, rule: ScheduleEntry) -> Schedule:
    return Schedule(
        id=stable_id("schedule", slug, str(index)),
        service=service,
        position=index,
        byday=",".join(rule.days),
        bymonthday=",".join(str(d) for d in rule.monthdays),
        opens_at=rule.opens,
        closes_at=rule.closes,
        valid_from=rule.valid_from,
        valid_to=rule.valid_to,
        description=rule.description,
        description_en=rule.description_en,
    )


def _area_rows(service: Service, entry: ServiceEntry) -> list[ServiceArea]:
    def row(kind: ServiceArea.Kind, code: str) -> ServiceArea:
        return ServiceArea(
            id=stable_id("service_area", entry.id, kind.value, code),
            service=service,
            kind=kind,
            code=code,
        )

    if not isinstance(entry.area, AreaEntry):
        return [row(ServiceArea.Kind.NATIONWIDE, "")]
    return [row(ServiceArea.Kind.PREFECTURE, c) for c in entry.area.prefectures] + [
        row(ServiceArea.Kind.MUNICIPALITY, c) for c in entry.area.municipalities
    ]
