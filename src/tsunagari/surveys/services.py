"""Storing, deleting and auditing survey years: the operations behind the staff pages."""

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
from tsunagari.surveys.estimate import estimate_survey
from tsunagari.surveys.importer import read_microdata
from tsunagari.surveys.mappings import Mapping
from tsunagari.surveys.microdata import Microdata
from tsunagari.surveys.models import AuditEntry, SurveyYear

# Columns with more distinct values than this (ids, free text) are not broken down by.
MAX_LEVELS = 60
User = AbstractBaseUser | AnonymousUser | None


class YearTaken(Exception):
    """A file for that year is already stored; delete it first to replace it."""


def breakdown_columns(data: Microdata) -> list[str]:
    return [name for name, a in data.attributes.items() if 0 < len(a.levels) <= MAX_LEVELS]


def audit(user: User, action: str, target: str, **details: Any) -> AuditEntry:
    account = user if isinstance(user, Account) else None
    return AuditEntry.objects.create(
        user=account,
        username=account.get_username() if account else "",
        action=action,
        target=target,
        details=details,
    )


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
        audit(
            user,
            AuditEntry.Action.LOADED if user is None else AuditEntry.Action.UPLOADED,
            str(survey_year),
            id=survey_year.pk,
            file=source_name,
            sha256=survey_year.sha256,
            respondents=data.n,
            synthetic=data.synthetic,
            mapping=survey_year.mapping,
            lonely_psu=lonely_psu,
        )
    return survey_year


def delete_survey_year(survey_year: SurveyYear, user: User) -> None:
    with transaction.atomic():
        audit(
            user,
            AuditEntry.Action.DELETED,
            str(survey_year),
            id=survey_year.pk,
            file=survey_year.source_name,
            sha256=survey_year.sha256,
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
