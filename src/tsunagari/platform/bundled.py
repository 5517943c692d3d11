"""The shipped platform data (data/platform/platforms.yaml): the national platform as the
seeds describe it, and the participants of its preparatory meeting."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from tsunagari.platform.models import Platform
from tsunagari.staff.models import Body

FIELDS = (
    "name",
    "name_en",
    "purpose",
    "purpose_en",
    "how_to_join",
    "how_to_join_en",
    "contact_url",
    "source_url",
)


@dataclass(frozen=True)
class Meeting:
    held_on: dt.date
    participants: tuple[str, ...]


@cache
def _data() -> dict[str, Any]:
    path = Path(settings.DATA_DIR) / "platform" / "platforms.yaml"
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return data


def preparatory_meeting() -> Meeting:
    meeting = _data()["preparatory_meeting"]
    return Meeting(meeting["held_on"], tuple(meeting["participants"]))


@transaction.atomic
def load_platforms() -> str:
    """Create or bring up to date the national platform; idempotent."""
    national = _data()["national"]
    values = {key: national[key] for key in FIELDS}
    found = Platform.objects.filter(slug=national["slug"]).first()
    if found and all(getattr(found, k) == v for k, v in values.items()):
        return ""
    Platform.objects.update_or_create(
        slug=national["slug"],
        defaults={
            **values,
            "kind": Platform.Kind.NATIONAL,
            "body": Body.objects.cabinet_office(),
            "published": True,
            "published_at": found.published_at if found else timezone.now(),
        },
    )
    return f"platform: national platform {'updated' if found else 'created'}\n"
