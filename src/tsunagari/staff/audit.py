"""The one audit log: `log_action` writes who did what to which record for which body,
with each changed field before and after; `describe` reads an entry back in the active
language (field names from the models' verbose names, choices by their labels).

Apps register the labels of their actions (`register({"measures.submission.approved":
_("承認")})`) in their AppConfig.ready.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models import Q, QuerySet
from django.utils.functional import Promise
from django.utils.translation import gettext as _

from tsunagari.staff import access
from tsunagari.staff.models import AuditEntry, Body
from tsunagari.staff.roles import Permission

Snapshot = dict[str, Any]
# Never copied into the log: a password hash or an authenticator's secret.
SECRET_FIELDS = frozenset({"password", "key", "secret", "token"})
ACTIONS: dict[str, str | Promise] = {}


AREAS: dict[str, str | Promise] = {}
DETAILS: dict[str, str | Promise] = {}


def register(
    actions: Mapping[str, str | Promise],
    area: tuple[str, str | Promise],
    details: Mapping[str, str | Promise] | None = None,
) -> None:
    """Labels for the action codes of one area (the codes' first part: "measures") and for
    the keys of the details its entries carry."""
    ACTIONS.update(actions)
    AREAS[area[0]] = area[1]
    DETAILS.update(details or {})


def action_label(code: str) -> str:
    return str(ACTIONS.get(code, code))


def _plain(value: Any) -> Any:
    """A value as JSON keeps it (Decimal and dates as text)."""
    return json.loads(json.dumps(value, cls=DjangoJSONEncoder))


def snapshot(record: models.Model) -> Snapshot:
    """The record's fields as stored: foreign keys by id, many-to-many as sorted ids."""
    values: Snapshot = {}
    left_out = SECRET_FIELDS | set(getattr(record, "audit_exclude", ()))
    for field in record._meta.concrete_fields:
        if field.primary_key or field.name in left_out or isinstance(field, models.BinaryField):
            continue
        value = getattr(record, field.attname)
        if isinstance(value, Decimal):  # 350000 whether just typed or read back as 350000.000
            value = f"{value.normalize():f}"
        values[field.name] = _plain(value)
    if record.pk is not None:
        for m2m in record._meta.many_to_many:
            related = getattr(record, m2m.name).values_list("pk", flat=True)
            values[m2m.name] = sorted(_plain(list(related)))
    return values


def diff(before: Snapshot | None, after: Snapshot | None) -> dict[str, list[Any]]:
    before, after = before or {}, after or {}
    return {
        key: [before.get(key), after.get(key)]
        for key in [*before, *(k for k in after if k not in before)]
        if before.get(key) != after.get(key)
    }


def _account(user: Any) -> Any:
    """The signed-in user, or None for the system (an ingestion) or a visitor."""
    if user is None or isinstance(user, AnonymousUser) or not user.is_authenticated:
        return None
    return user


def log_action(
    user: Any,
    action: str,
    record: models.Model | None = None,
    *,
    body: Body | None = None,
    before: Snapshot | None = None,
    after: Snapshot | None = None,
    label: str = "",
    **details: Any,
) -> AuditEntry:
    """Write one entry. `after` defaults to the record as it is now, so a caller takes a
    snapshot before changing the record and passes it as `before`; for a deletion pass
    `after={}` before deleting."""
    account = _account(user)
    if record is not None and after is None:
        after = snapshot(record)
    return AuditEntry.objects.create(
        user=account,
        username=account.get_username() if account else "",
        body=body,
        action=action,
        record_type=ContentType.objects.get_for_model(record) if record is not None else None,
        record_id=str(record.pk) if record is not None and record.pk is not None else "",
        record_label=(label or (str(record) if record is not None else ""))[:255],
        changes=diff(before, after),
        details=_plain(details),
    )


def about(records: Iterable[models.Model]) -> Q:
    """A filter for the entries about any of `records`."""
    query = Q(pk__in=[])
    for record in records:
        query |= Q(record_type=ContentType.objects.get_for_model(record), record_id=str(record.pk))
    return query


def about_all(model: type[models.Model], ids: Iterable[Any]) -> Q:
    return Q(
        record_type=ContentType.objects.get_for_model(model), record_id__in=[str(i) for i in ids]
    )


@dataclass(frozen=True)
class Change:
    field: str
    before: str
    after: str


def _field(model: type[models.Model] | None, name: str) -> models.Field[Any, Any] | None:
    if model is None:
        return None
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return None
    return field if isinstance(field, models.Field) else None


def _shown(model: type[models.Model] | None, name: str, value: Any) -> str:
    custom = getattr(model, "audit_value", None)
    if custom is not None and (text := custom(name, value)) is not None:
        return str(text)
    if value is None or value == "" or value == []:
        return "—"
    field = _field(model, name)
    if field is not None and field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return _("はい") if value else _("いいえ")
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def describe(entry: AuditEntry) -> list[Change]:
    """The entry's changes with translated field names and readable values, then its
    details (a file's name, a count) as rows with only a value after."""
    model = entry.record_model
    rows = [
        Change(str(DETAILS.get(key, key)), "", _shown(None, key, value))
        for key, value in entry.details.items()
    ]
    for name, before, after in entry.changed():
        field = _field(model, name)
        label = str(field.verbose_name) if field is not None else name
        rows.append(Change(label, _shown(model, name, before), _shown(model, name, after)))
    return rows


def visible_to(user: Any) -> QuerySet[AuditEntry]:
    """The entries a member may read: all of them with READ_ALL_AUDIT, else those of the
    bodies where they hold READ_AUDIT."""
    if access.can(user, Permission.READ_ALL_AUDIT):
        return AuditEntry.objects.all()
    return AuditEntry.objects.filter(body__in=access.bodies_where(user, Permission.READ_AUDIT))
