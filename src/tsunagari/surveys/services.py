"""Storing and deleting survey years, each in the staff audit log: the operations behind
the staff pages."""

from __future__ import annotations

import gzip
import hashlib
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.contrib.auth.models import User as Account
from django.db import transaction

from tsunagari.apps_base import Writer
from tsunagari.staff import access
from tsunagari.staff.audit import log_action, snapshot
from tsunagari.staff.models import Body
from tsunagari.staff.roles import Permission
from tsunagari.surveys.estimate import estimate_survey
from tsunagari.surveys.importer import read_microdata
from tsunagari.surveys.mappings import Mapping
from tsunagari.surveys.microdata import Microdata
from tsunagari.surveys.models import SurveyYear

# Columns with more distinct values than this (ids, free text) are not broken down by.
MAX_LEVELS = 60
User = AbstractBaseUser | AnonymousUser | None


class YearTaken(Exception):
    """A file for that year is already stored; delete it first to replace it."""


def breakdown_columns(data: Microdata) -> list[str]:
    return [name for name, a in data.attributes.items() if 0 < len(a.levels) <= MAX_LEVELS]


def audit(user: User, action: str, target: str, **details: Any) -> None:
    """Log a step that changes no stored year (a refused file, a programme report) for the
    body the user acted for."""
    log_action(user, f"surveys.{action}", None, body=acting_body(user), label=target, **details)


def acting_body(user: User) -> Body:
    """The body a survey step is done for: the user's own (an NPO evaluating its programme),
    else the Cabinet Office, which runs the national survey."""
    for permission in (Permission.UPLOAD_SURVEYS, Permission.EVALUATE_PROGRAMMES):
        bodies = access.bodies_where(user, permission)
        if bodies:
            return bodies[0]
    return Body.objects.cabinet_office()


def store_survey_year(
    raw: bytes,
    source_name: str,
    year: int,
    user: User,
    mapping: Mapping | None = None,
    lonely_psu: str = "fail",
) -> SurveyYear:
    """Validate, estimate and store one year's file, all or nothing, and log it.

    Raises MicrodataError (input errors), EstimationError (e.g. a single-PSU stratum) or
    YearTaken.
    """
    data = read_microdata(raw, source_name, mapping)
    estimates = estimate_survey(data, breakdown_columns(data), lonely_psu=lonely_psu)
    with transaction.atomic():
        if SurveyYear.objects.filter(year=year, synthetic=data.synthetic).exists():
            raise YearTaken(year)
        survey_year = SurveyYear.objects.create(
            year=year,
            synthetic=data.synthetic,
            source_name=source_name,
            sha256=hashlib.sha256(raw).hexdigest(),
            content=gzip.compress(raw, mtime=0),
            mapping=mapping.key if mapping else "",
            lonely_psu=lonely_psu,
            respondents=data.n,
            attributes=list(data.attributes),
            estimates=estimates.to_json(),
            uploaded_by=user if isinstance(user, Account) else None,
        )
        log_action(
            user,
            "surveys.year.loaded" if user is None else "surveys.year.uploaded",
            survey_year,
            body=Body.objects.cabinet_office(),
        )
    return survey_year


def delete_survey_year(survey_year: SurveyYear, user: User) -> None:
    with transaction.atomic():
        log_action(
            user,
            "surveys.year.deleted",
            survey_year,
            body=Body.objects.cabinet_office(),
            before=snapshot(survey_year),
            after={},
        )
        survey_year.delete()


def trend(synthetic: bool) -> list[SurveyYear]:
    """The stored years of one series (real or synthetic), oldest first."""
    return list(SurveyYear.objects.filter(synthetic=synthetic).order_by("year"))


def bundled_files() -> list[tuple[int, Path]]:
    """The demonstration years in data/surveys/, as (year, path)."""
    found = []
    for path in sorted((Path(settings.DATA_DIR) / "surveys").glob("synthetic-*.csv")):
        year = path.stem.removeprefix("synthetic-")
        if year.isdigit():
            found.append((int(year), path))
    return found


def load_bundled_years(out: Writer) -> None:
    """Store the synthetic demonstration years; a file already stored unchanged is skipped."""
    for year, path in bundled_files():
        raw = path.read_bytes()
        digest = hashlib.sha256(raw).hexdigest()
        stored = SurveyYear.objects.filter(year=year, synthetic=True).first()
        if stored and stored.sha256 == digest:
            continue
        with transaction.atomic():
            if stored:
                delete_survey_year(stored, None)
            store_survey_year(raw, path.name, year, None, lonely_psu="fail")
        out.write(f"surveys: stored synthetic survey year {year} from {path.name}\n")
