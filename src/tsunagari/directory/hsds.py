"""The directory as Open Referral HSDS 3.0 objects, out and back in.

HSDS has no place for a second language, a holiday policy or our provenance fields; they
travel as `attributes` under the taxonomy `tsunagari-fields`, so that our own export
imports back without loss. Needs, audiences and methods are attributes whose terms belong
to the taxonomies `tsunagari-needs`, `tsunagari-audiences` and `tsunagari-methods`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry
from referencing.jsonschema import DRAFT202012

from tsunagari.directory.areas import municipality, prefectures
from tsunagari.directory.bundle import Bundle, DirectoryFileError, OrganizationEntry, ServiceEntry
from tsunagari.directory.hsds_fields import (
    extras_of,
    organization_fields,
    part_fields,
    service_fields,
)
from tsunagari.directory.models import Organization, Service, TaxonomyTerm, stable_id
from tsunagari.directory.records import organization_to_entry, service_to_entry
from tsunagari.directory.taxonomy import KINDS

SCHEMA_DIR = Path(__file__).parent / "hsds_schema"
FIELDS_TAXONOMY = "tsunagari-fields"
TOKYO_OFFSET = "+09:00"


def taxonomy_id(name: str) -> str:
    return str(stable_id("taxonomy", name))


def hsds_taxonomies() -> list[dict[str, Any]]:
    described = {
        "tsunagari-needs": "困りごと (needs) — tsunagari data/taxonomy.yaml",
        "tsunagari-audiences": "対象 (audiences) — tsunagari data/taxonomy.yaml",
        "tsunagari-methods": "相談方法 (contact methods) — tsunagari data/taxonomy.yaml",
        FIELDS_TAXONOMY: "tsunagari fields that HSDS has no place for (English text, provenance)",
    }
    return [
        {"id": taxonomy_id(name), "name": name, "description": text, "version": "1"}
        for name, text in described.items()
    ]


def term_object(term: TaxonomyTerm) -> dict[str, Any]:
    name = f"tsunagari-{term.taxonomy}"
    return {
        "id": str(term.id),
        "code": term.code,
        "name": term.name,
        "description": term.name_en,
        "taxonomy": name,
        "taxonomy_id": taxonomy_id(name),
        "language": "ja",
    }


def _field_term(field: str) -> dict[str, Any]:
    return {
        "id": str(stable_id("taxonomy_term", FIELDS_TAXONOMY, field)),
        "code": field,
        "name": field,
        "description": f"tsunagari field {field}",
        "taxonomy": FIELDS_TAXONOMY,
        "taxonomy_id": taxonomy_id(FIELDS_TAXONOMY),
    }


def _attribute(link_id: str, term: dict[str, Any], value: str = "") -> dict[str, Any]:
    return {
        "id": str(stable_id("attribute", link_id, term["taxonomy"], term["code"])),
        "link_id": link_id,
        "link_type": "service",
        "link_entity": "service",
        "taxonomy_term_id": term["id"],
        "taxonomy_term": term,
        "value": value,
    }


def organization_object(org: Organization) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": str(org.id),
        "name": org.name,
        "alternate_name": org.name_en,
        "description": org.description or org.name,
    }
    if org.url:
        data["website"] = org.url
    return data


def service_object(service: Service) -> dict[str, Any]:
    """The full HSDS `service` (as /services/{id} returns it); expects `with_details()`."""
    entry = service_to_entry(service)
    sid = str(service.id)
    data: dict[str, Any] = {
        "id": sid,
        "organization_id": str(service.organization_id),
        "name": service.name,
        "alternate_name": service.alternate_name,
        "description": service.description,
        "status": service.status,
        "fees_description": service.fees,
        "eligibility_description": service.eligibility,
        "alert": service.alert,
        "assured_date": service.verified_on.isoformat(),
        "last_modified": service.last_modified.isoformat(),
        "phones": [_phone_object(sid, p) for p in service.phones.all()],
        "schedules": [_schedule_object(sid, s) for s in service.schedules.all()],
        "service_areas": _area_objects(sid, service),
        "languages": [_language(sid, code) for code in service.languages],
        "organization": organization_object(service.organization),
        "attributes": _attributes(sid, service, entry),
        "service_at_locations": [_virtual_location(sid, service)],
    }
    for field in ("url", "email"):
        if getattr(service, field):
            data[field] = getattr(service, field)
    for field in ("minimum_age", "maximum_age"):
        if getattr(service, field) is not None:
            data[field] = getattr(service, field)
    return data


def _phone_object(sid: str, phone: Any) -> dict[str, Any]:
    pid = str(phone.id)
    return {
        "id": pid,
        "service_id": sid,
        "number": phone.number,
        "type": phone.type,
        "description": phone.label,
        "languages": [_language(pid, code, "phone") for code in phone.languages],
    }


def _schedule_object(sid: str, row: Any) -> dict[str, Any]:
    # HSDS writes 24 hours as 00:00–23:59, with the UTC offset on every time.
    closes = "23:59" if row.closes_at == "24:00" else row.closes_at
    data: dict[str, Any] = {
        "id": str(row.id),
        "service_id": sid,
        "freq": "WEEKLY" if row.byday else "MONTHLY",
        "opens_at": row.opens_at + TOKYO_OFFSET,
        "closes_at": closes + TOKYO_OFFSET,
        "timezone": 9,
        "description": row.description,
    }
    if row.byday:
        data["byday"] = row.byday
    else:
        data["bymonthday"] = row.bymonthday
    if row.valid_from:
        data["valid_from"] = row.valid_from.isoformat()
    if row.valid_to:
        data["valid_to"] = row.valid_to.isoformat()
    return data


def _area_objects(sid: str, service: Service) -> list[dict[str, Any]]:
    result = []
    for area in service.areas.all():
        if area.kind == "nationwide":
            name, uri = "全国", ""
        elif area.kind == "prefecture":
            name, uri = prefectures().get(area.code, area.code), ""
        else:
            found = municipality(area.code)
            name = found.full_name if found else area.code
            uri = ""
        result.append(
            {
                "id": str(area.id),
                "service_id": sid,
                "name": name,
                "description": f"{area.kind}:{area.code}" if area.code else area.kind,
                "extent_type": "text",
                "extent": area.code,
                **({"uri": uri} if uri else {}),
            }
        )
    return result


def _language(link_id: str, code: str, kind: str = "service") -> dict[str, Any]:
    names = {"ja": "日本語", "en": "English"}
    data = {"id": str(stable_id("language", link_id, code)), "name": names.get(code, code)}
    data["code"] = code
    if kind == "service":
        data["service_id"] = link_id
    else:
        data["phone_id"] = link_id
    return data


def _virtual_location(sid: str, service: Service) -> dict[str, Any]:
    """Phone and online services have no street address: a virtual location, never invented."""
    location_id = str(stable_id("location", service.slug, "virtual"))
    location: dict[str, Any] = {
        "id": location_id,
        "location_type": "virtual",
        "name": service.name,
        "organization_id": str(service.organization_id),
    }
    if service.url:
        location["url"] = service.url
    return {
        "id": str(stable_id("service_at_location", service.slug, "virtual")),
        "service_id": sid,
        "location_id": location_id,
        "location": location,
    }


def _attributes(sid: str, service: Service, entry: ServiceEntry) -> list[dict[str, Any]]:
    attributes = [_attribute(sid, term_object(t)) for t in service.terms.all()]
    extras = extras_of(entry, organization_to_entry(service.organization))
    attributes += [_attribute(sid, _field_term(field), value) for field, value in extras.items()]
    return attributes


def export_services(queryset: Iterable[Service] | None = None) -> list[dict[str, Any]]:
    services = queryset if queryset is not None else Service.objects.with_details()
    return [service_object(s) for s in services]


# --- validation -----------------------------------------------------------------------------


@cache
def _registry() -> Registry:
    resources = [
        (path.name, DRAFT202012.create_resource(json.loads(path.read_text(encoding="utf-8"))))
        for path in SCHEMA_DIR.glob("*.json")
    ]
    return Registry().with_resources(resources)


@cache
def validator(name: str) -> Draft202012Validator:
    """A validator for one HSDS object type (`service`, `organization`, `taxonomy_term`, …)."""
    schema = json.loads((SCHEMA_DIR / f"{name}.json").read_text(encoding="utf-8"))
    return Draft202012Validator(schema, registry=_registry(), format_checker=FormatChecker())


def hsds_errors(name: str, data: Any) -> list[str]:
    return [
        f"{'/'.join(str(p) for p in error.absolute_path) or '(root)'}: {error.message}"
        for error in validator(name).iter_errors(data)
    ]


# --- import -----------------------------------------------------------------------------------


def read_hsds_file(path: Path) -> Bundle:
    """An HSDS JSON array of services (as `directory export` writes) → entries.

    Raises DirectoryFileError naming the file, the service's index and the field.
    """
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError) as error:  # ValueError: also a 5,000-digit number
        raise DirectoryFileError([f"{path}: not a JSON file: {error}"]) from None
    if not isinstance(data, list):
        raise DirectoryFileError([f"{path}: expected a JSON array of HSDS services"])
    problems: list[str] = []
    organizations: dict[str, OrganizationEntry] = {}
    services: list[ServiceEntry] = []
    for index, item in enumerate(data):
        errors = hsds_errors("service", item)
        if errors:
            problems += [f"{path}: [{index}] {e}" for e in errors]
            continue
        try:
            org, service = _entries_from_hsds(item)
        except (ValueError, KeyError) as error:
            problems.append(f"{path}: [{index}] {error}")
            continue
        organizations[org.id] = org
        services.append(service)
    if problems:
        raise DirectoryFileError(problems)
    return Bundle(tuple(organizations.values()), tuple(services))


def _entries_from_hsds(item: dict[str, Any]) -> tuple[OrganizationEntry, ServiceEntry]:
    from pydantic import ValidationError

    extras = _extras(item)
    codes = {kind: [] for kind in KINDS}  # type: dict[str, list[str]]
    for attribute in item.get("attributes", []):
        term = attribute.get("taxonomy_term") or {}
        kind = str(term.get("taxonomy", "")).removeprefix("tsunagari-")
        if kind in codes:
            codes[kind].append(term["code"])
    if "source_url" not in extras:
        raise ValueError("source_url: no provenance (attribute tsunagari-fields/source_url)")
    org = item.get("organization") or {}
    carried = service_fields(extras)
    org_carried = organization_fields(extras)
    org_slug = org_carried.get("id") or f"hsds-{item['organization_id']}"
    try:
        organization = OrganizationEntry.model_validate(
            {
                "id": org_slug,
                "name": org.get("name") or org_slug,
                "kind": "other",
                "url": org.get("website", ""),
                "description": org.get("description", "")
                if org.get("description") != org.get("name")
                else "",
                **org_carried,
            }
        )
        service = ServiceEntry.model_validate(
            {
                "id": f"hsds-{item['id']}",
                "name": item["name"],
                "alternate_name": item.get("alternate_name") or "",
                "organization": org_slug,
                "description": item.get("description") or item["name"],
                "url": item.get("url", ""),
                "email": item.get("email", ""),
                "status": item["status"],
                "alert": item.get("alert") or "",
                "fees": item.get("fees_description") or "",
                "eligibility": item.get("eligibility_description") or "",
                "minimum_age": item.get("minimum_age"),
                "maximum_age": item.get("maximum_age"),
                "needs": codes["needs"],
                "audiences": codes["audiences"],
                "methods": codes["methods"],
                # None listed means not known (FRESC's are on no official page), never "Japanese".
                "languages": [lang["code"] for lang in item.get("languages", []) if "code" in lang],
                "phones": [
                    {
                        "number": p["number"],
                        "type": p.get("type") or "voice",
                        "label": p.get("description") or "",
                        "languages": [lang["code"] for lang in p.get("languages", [])],
                        **part_fields(extras, "phones", i),
                    }
                    for i, p in enumerate(item.get("phones", []))
                ],
                "schedules": [
                    {**_schedule_entry(s), **part_fields(extras, "schedules", i)}
                    for i, s in enumerate(item.get("schedules", []))
                ],
                "area": _area_entry(item.get("service_areas", [])),
                "verified_on": item.get("assured_date"),
                **carried,
            }
        )
    except ValidationError as error:
        first = error.errors()[0]
        field = ".".join(str(p) for p in first["loc"])
        raise ValueError(f"{field}: {first['msg']}") from None
    return organization, service


def _extras(item: dict[str, Any]) -> dict[str, str]:
    return {
        attribute["taxonomy_term"]["code"]: attribute.get("value", "")
        for attribute in item.get("attributes", [])
        if (attribute.get("taxonomy_term") or {}).get("taxonomy") == FIELDS_TAXONOMY
    }


def _schedule_entry(row: dict[str, Any]) -> dict[str, Any]:
    def time(value: str) -> str:
        hhmm = value[:5]
        return "24:00" if hhmm == "23:59" else hhmm

    return {
        "days": [d for d in (row.get("byday") or "").split(",") if d],
        "monthdays": [int(d) for d in (row.get("bymonthday") or "").split(",") if d],
        "opens": time(row["opens_at"]),
        "closes": time(row["closes_at"]),
        "valid_from": row.get("valid_from"),
        "valid_to": row.get("valid_to"),
        "description": row.get("description") or "",
    }


def _area_entry(areas: list[dict[str, Any]]) -> str | dict[str, list[str]]:
    codes = [str(a.get("extent") or "") for a in areas]
    if not areas or any(code == "" for code in codes):
        return "nationwide"
    return {
        "prefectures": [c for c in codes if len(c) == 2],
        "municipalities": [c for c in codes if len(c) == 6],
    }
