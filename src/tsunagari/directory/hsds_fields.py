"""The fields of our entries that HSDS has no place for, carried as `tsunagari-fields`
attributes so that an export imports back without loss.

Which fields HSDS itself carries is listed once below; every other field of an entry is
carried, so a field added to `ServiceEntry`, `OrganizationEntry`, `PhoneEntry` or
`ScheduleEntry` travels without a change here (tests/directory/test_hsds_round_trip.py
checks every column). A field at its default is left out. Text (and dates) go as they are,
anything else as JSON; an organization's, the phones' and the schedules' fields go as one
JSON attribute each (`organization`, `phones`, `schedules`, the latter two one object per
phone or schedule, in order).
"""

from __future__ import annotations

import json
import types
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel

from tsunagari.directory.bundle import OrganizationEntry, ServiceEntry

# Mapped to HSDS's own fields by tsunagari.directory.hsds, both ways.
SERVICE_IN_HSDS = frozenset(
    {
        "name",
        "alternate_name",
        "organization",
        "description",
        "url",
        "email",
        "status",
        "alert",
        "fees",
        "eligibility",
        "minimum_age",
        "maximum_age",
        "needs",
        "audiences",
        "methods",
        "languages",
        "phones",
        "schedules",
        "area",
        "verified_on",
    }
)
ORGANIZATION_IN_HSDS = frozenset({"name", "url", "description"})
PHONE_IN_HSDS = frozenset({"number", "type", "label", "languages"})
SCHEDULE_IN_HSDS = frozenset(
    {"days", "monthdays", "opens", "closes", "valid_from", "valid_to", "description"}
)
NESTED = ("organization", "phones", "schedules")
SLUG = "slug"  # the service's `id` (its slug): HSDS's id is a UUID


def _beyond(entry: BaseModel, in_hsds: frozenset[str]) -> dict[str, Any]:
    """Fields HSDS does not carry and that differ from their default, JSON-ready."""
    fields = type(entry).model_fields
    dumped = entry.model_dump(mode="json", by_alias=True)
    return {
        (info.alias or name): dumped[info.alias or name]
        for name, info in fields.items()
        if name not in in_hsds and getattr(entry, name) != info.get_default()
    }


def extras_of(service: ServiceEntry, organization: OrganizationEntry) -> dict[str, str]:
    """Attribute code → value, for every field of these entries that HSDS does not carry."""
    carried = {
        (SLUG if name == "id" else name): value if isinstance(value, str) else _json(value)
        for name, value in _beyond(service, SERVICE_IN_HSDS).items()
    }
    carried["organization"] = _json(_beyond(organization, ORGANIZATION_IN_HSDS))
    for name, items in (("phones", service.phones), ("schedules", service.schedules)):
        in_hsds = PHONE_IN_HSDS if name == "phones" else SCHEDULE_IN_HSDS
        rows = [_beyond(item, in_hsds) for item in items]
        if any(rows):
            carried[name] = _json(rows)
    return carried


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def service_fields(extras: dict[str, str]) -> dict[str, Any]:
    """ServiceEntry fields from the attributes; raises ValueError naming one it cannot read."""
    fields: dict[str, Any] = {}
    for code, raw in extras.items():
        if code in NESTED:
            continue
        name = "id" if code == SLUG else code
        info = ServiceEntry.model_fields.get(name)
        if info is None or name in SERVICE_IN_HSDS:
            raise ValueError(f"attribute {code}: not a field that tsunagari-fields carries")
        fields[name] = raw if _is_text(info.annotation) else _loads(code, raw)
    return fields


def organization_fields(extras: dict[str, str]) -> dict[str, Any]:
    return dict(_loads("organization", extras.get("organization", "{}")))


def part_fields(extras: dict[str, str], name: str, index: int) -> dict[str, Any]:
    """The carried fields of the index-th phone or schedule."""
    rows = _loads(name, extras.get(name, "[]"))
    return dict(rows[index]) if index < len(rows) else {}


def _loads(code: str, raw: str) -> Any:
    try:
        return json.loads(raw)
    except json.JSONDecodeError as error:
        raise ValueError(f"attribute {code}: not JSON ({error.msg})") from None


def _is_text(annotation: Any) -> bool:
    """A str, a date or a choice of strings, written as it is rather than as JSON."""
    import datetime as dt

    if get_origin(annotation) is Annotated:
        return _is_text(get_args(annotation)[0])
    if get_origin(annotation) in (Union, types.UnionType):
        options = [a for a in get_args(annotation) if a is not type(None)]
        return bool(options) and all(_is_text(a) for a in options)
    if get_origin(annotation) is Literal:
        return all(isinstance(a, str) for a in get_args(annotation))
    return annotation in (str, dt.date, dt.datetime)
