"""HSDS export → import → export loses nothing: every column of every directory table.

The comparison is over the models' own fields, found at run time, so a field added to the
directory is checked without a change here; a field no row sets is reported, since a round
trip that never carried a value proves nothing about it.
"""

from __future__ import annotations

import json
import shutil
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import models

from tsunagari.directory.importer import import_path
from tsunagari.directory.models import Organization, Service

pytestmark = pytest.mark.django_db

Snapshot = dict[str, list[tuple[Any, ...]]]


def compared_fields(model: type[models.Model]) -> list[models.Field[Any, Any]]:
    """Every stored field but an id made anew on each write (uuid4, a counter) and a time
    the database sets itself."""
    return [
        f
        for f in model._meta.concrete_fields
        if not (f.primary_key and (f.has_default() or "AutoField" in f.get_internal_type()))
        and not getattr(f, "auto_now", False)
        and not getattr(f, "auto_now_add", False)
    ]


# What operators learn about the entries (the link check's outcomes) is the server's own
# record, not part of the directory that HSDS exchanges.
NOT_EXCHANGED = {"LinkCheck"}


def directory_models() -> list[type[models.Model]]:
    return [
        m
        for m in apps.get_app_config("directory").get_models(include_auto_created=True)
        if m.__name__ not in NOT_EXCHANGED
    ]


def snapshot() -> Snapshot:
    """Each table's rows, as (field, value) pairs, so that a difference names its field."""
    return {
        model.__name__: sorted(
            tuple((f.name, repr(getattr(row, f.attname))) for f in compared_fields(model))
            for row in model._default_manager.all()
        )
        for model in directory_models()
    }


def differences(before: Snapshot, after: Snapshot) -> list[str]:
    found = []
    for table, rows in before.items():
        for old, new in zip(rows, after[table], strict=False):
            found += [
                f"{table}.{a[0]}: {a[1]} → {b[1]}" for a, b in zip(old, new, strict=True) if a != b
            ]
        if len(rows) != len(after[table]):
            found.append(f"{table}: {len(rows)} rows → {len(after[table])}")
    return found


def unset_fields() -> list[str]:
    """Fields that no row holds a value other than the default in."""
    unset = []
    for model in directory_models():
        for field in compared_fields(model):
            default = field.get_default() if field.has_default() else None
            values = model._default_manager.values_list(field.attname, flat=True)
            if all(v in (default, "", None, [], False) for v in values):
                unset.append(f"{model.__name__}.{field.name}")
    return unset


def json_differences(a: Any, b: Any, where: str = "") -> list[str]:
    if isinstance(a, dict) and isinstance(b, dict):
        keys = sorted(set(a) | set(b))
        return [d for k in keys for d in json_differences(a.get(k), b.get(k), f"{where}.{k}")]
    if isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
        return [
            d
            for i, (x, y) in enumerate(zip(a, b, strict=True))
            for d in json_differences(x, y, f"{where}[{i}]")
        ]
    return [] if a == b else [f"{where}: {a!r} → {b!r}"]


def export(path: Path) -> list[dict[str, Any]]:
    out = StringIO()
    call_command("directory", "export", "--format", "hsds-json", stdout=out)
    path.write_text(out.getvalue(), encoding="utf-8")
    return without_times(json.loads(out.getvalue()))


def without_times(services: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{k: v for k, v in s.items() if k != "last_modified"} for s in services]


PAUSED_LINE = """
services:
  - id: paused-chat-line
    name: 一時休止中のチャット相談
    name_en: Paused chat line
    organization: cao
    description: 休止中のテキスト相談です。
    description_en: A text line, paused for now.
    status: temporarily closed
    needs: [loneliness]
    methods: [sns]
    minimum_age: 10
    phones:
      - {number: 0120-000-000, type: text, label: ショートメール, label_en: SMS, toll_free: true}
    source_url: https://example.org/source
    verified_on: 2026-11-01
  - id: sample-town-houkatsu
    name: 見本町地域包括支援センター
    name_en: Sample Town Community General Support Centre
    organization: cao
    description: 見本町の高齢者の総合相談窓口です。
    description_en: The general advice desk for older people in Sample Town.
    scope: local
    local_kind: chiiki-houkatsu-shien-center
    address: 東京都千代田区見本1-1
    address_en: 1-1 Mihon, Chiyoda, Tokyo
    postcode: 100-0001
    access: 見本駅から徒歩5分
    access_en: 5 minutes on foot from Mihon Station
    accessibility: 車いすで入れます
    accessibility_en: Wheelchair accessible
    needs: [elderly]
    methods: [in-person]
    area: {municipalities: ["131016"]}
    source_url: https://example.org/source
    verified_on: 2026-11-01
"""


@pytest.fixture
def directory(settings: Any, tmp_path: Path) -> None:
    """The bundled directory, and a service in states it never has (closed for now, a
    text line)."""
    folder = tmp_path / "directory"
    shutil.copytree(Path(settings.DATA_DIR) / "directory", folder)
    (folder / "services" / "zz-paused.yaml").write_text(PAUSED_LINE, encoding="utf-8")
    import_path(folder)


@pytest.mark.usefixtures("directory")
def test_export_import_export_gives_the_same_directory(tmp_path: Path) -> None:
    before = snapshot()
    first = export(tmp_path / "first.json")

    Service.objects.all().delete()
    Organization.objects.all().delete()
    import_path(tmp_path / "first.json")

    assert differences(before, snapshot()) == []
    assert json_differences(first, export(tmp_path / "second.json")) == []


@pytest.mark.usefixtures("directory")
def test_importing_our_own_export_again_changes_nothing(tmp_path: Path) -> None:
    before = snapshot()
    export(tmp_path / "first.json")
    report = import_path(tmp_path / "first.json")
    assert differences(before, snapshot()) == []
    assert (report.created, report.updated) == ([], [])
    assert len(report.unchanged) == Service.objects.count()


@pytest.mark.usefixtures("directory")
def test_the_round_trip_carries_a_value_in_every_field() -> None:
    # A source's place in its entry's list travels as the order of the list (DV相談＋ names
    # two). Who keeps an entry (its owner, a staff body) is this server's own record.
    assert unset_fields() == ["Service.owner"]
