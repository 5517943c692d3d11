"""Import the directory from our YAML or from HSDS JSON: all or nothing, idempotent."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction

from tsunagari.directory.bundle import Bundle, DirectoryFileError, read_bundle
from tsunagari.directory.models import Organization, Service, TaxonomyTerm
from tsunagari.directory.records import (
    service_to_entry,
    write_if_changed,
    write_organization,
    write_service,
)
from tsunagari.directory.taxonomy import KINDS, load_taxonomy


class ImportFailed(Exception):
    """Nothing was written; the message names file, line and field of every problem."""


@dataclass
class ImportReport:
    source: str
    organizations: int = 0
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    not_in_source: list[str] = field(default_factory=list)

    def summary(self) -> str:
        lines = [
            f"{self.source}: {self.organizations} organizations; services: "
            f"{len(self.created)} created, {len(self.updated)} updated, "
            f"{len(self.unchanged)} unchanged"
        ]
        if self.not_in_source:
            lines.append(
                f"{len(self.not_in_source)} services in the database are not in this source "
                f"and were left as they are: {', '.join(self.not_in_source)}"
            )
        return "\n".join(lines)


def read_source(path: Path) -> Bundle:
    """Our YAML (a folder or a file) or an HSDS JSON array of services."""
    if path.suffix == ".json":
        from tsunagari.directory.hsds import read_hsds_file

        return read_hsds_file(path)
    return read_bundle(path)


def import_path(path: Path) -> ImportReport:
    """Raises ImportFailed, having written nothing, if any part of the source is wrong."""
    if not path.exists():
        raise ImportFailed(f"{path}: no such file or folder")
    try:
        bundle = read_source(path)
    except DirectoryFileError as error:
        raise ImportFailed(
            f"{len(error.problems)} problem(s), nothing imported:\n{error}"
        ) from None
    return import_bundle(bundle, source=str(path))


def sync_taxonomy() -> dict[tuple[str, str], TaxonomyTerm]:
    """The taxonomy's terms as rows, writing only those added or renamed: a saved term
    re-indexes every service that has it (see write_if_changed)."""
    taxonomy = load_taxonomy()
    stored = {(t.taxonomy, t.code): t for t in TaxonomyTerm.objects.all()}
    terms: dict[tuple[str, str], TaxonomyTerm] = {}
    for kind in KINDS:
        for code, term in taxonomy.of(kind).items():
            values = {"name": term.ja, "name_en": term.en}
            row = stored.get((kind, code))
            if row is None or any(getattr(row, k) != v for k, v in values.items()):
                row = write_if_changed(TaxonomyTerm, values, taxonomy=kind, code=code)
            terms[(kind, code)] = row
    return terms


def import_bundle(bundle: Bundle, source: str) -> ImportReport:
    report = ImportReport(source=source)
    with transaction.atomic():
        terms = sync_taxonomy()
        for org_entry in bundle.organizations:
            write_organization(org_entry)
        report.organizations = len(bundle.organizations)
        organizations = {o.slug: o for o in Organization.objects.all()}
        slugs = [s.id for s in bundle.services]
        existing = {
            s.slug: service_to_entry(s)
            for s in Service.objects.with_details().filter(slug__in=slugs)
        }
        problems = [
            f"{source}: service {s.id!r}: unknown organization {s.organization!r}"
            for s in bundle.services
            if s.organization not in organizations
        ]
        problems += _unknown_kinds(bundle, source)
        if problems:
            raise ImportFailed("\n".join(problems))
        # Kinds before the local entries that name them.
        for entry in sorted(bundle.services, key=lambda s: bool(s.local_kind)):
            before = existing.get(entry.id)
            if before == entry.canonical():
                report.unchanged.append(entry.id)
                continue
            write_service(entry, organizations[entry.organization], terms)
            (report.updated if before else report.created).append(entry.id)
        report.not_in_source = sorted(
            Service.objects.exclude(slug__in=slugs).values_list("slug", flat=True)
        )
    return report


def _unknown_kinds(bundle: Bundle, source: str) -> list[str]:
    """A local entry must name a local-kind service of the source or of the database."""
    kinds = {s.id for s in bundle.services if s.scope == "local-kind"}
    kinds |= set(
        Service.objects.filter(scope=Service.Scope.LOCAL_KIND).values_list("slug", flat=True)
    )
    return [
        f"{source}: service {s.id!r}: local_kind {s.local_kind!r} is not a local-kind service"
        for s in bundle.services
        if s.local_kind and s.local_kind not in kinds
    ]
