"""`tsunagari directory check|import|export`: the curated directory in and out.

`check PATH` validates files and reports their provenance gaps; `check` alone does the
same for the database (what is served). `--links` also requests every source and service
URL and reports what moved or vanished. The exit status is 1 when anything must be fixed.
"""

from __future__ import annotations

import json
from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from tsunagari.directory.bundle import Bundle, DirectoryFileError, read_bundle, today
from tsunagari.directory.provenance import Level, audit


class Command(BaseCommand):
    help = "Check, import or export the support directory."

    def add_arguments(self, parser: ArgumentParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        check = sub.add_parser(
            "check", help="validate files (or the database) and report provenance gaps"
        )
        check.add_argument("path", type=Path, nargs="?", help="YAML files; default: the database")
        check.add_argument("--links", action="store_true", help="also request every URL")
        check.add_argument("--timeout", type=float, default=10.0, help="seconds per request")
        imp = sub.add_parser("import", help="import our YAML or an HSDS JSON file (idempotent)")
        imp.add_argument("path", type=Path)
        exp = sub.add_parser("export", help="write the directory to stdout")
        exp.add_argument("--format", choices=["hsds-json"], default="hsds-json")

    def handle(self, *args: Any, **options: Any) -> None:
        action = options["action"]
        if action == "check":
            self._check(options["path"], options["links"], options["timeout"])
        elif action == "import":
            self._import(options["path"])
        else:
            self._export()

    def _check(self, path: Path | None, links: bool, timeout: float) -> None:
        if path is None:
            from tsunagari.directory.curation import database_bundle

            bundle, where = database_bundle(), "database"
        else:
            bundle, where = self._read(path), str(path)
        findings = audit(bundle, today())
        errors = [f for f in findings if f.level is Level.ERROR]
        for finding in findings:
            self.stdout.write(str(finding))
        counts = f"{len(bundle.organizations)} organizations, {len(bundle.services)} services"
        due = len(findings) - len(errors)
        self.stdout.write(f"{where}: {counts}: {len(errors)} errors, {due} due for a check")
        broken = self._links(bundle, timeout, record=path is None) if links else 0
        if errors or broken:
            raise CommandError(f"{len(errors)} provenance errors, {broken} links to fix")

    def _read(self, path: Path) -> Bundle:
        try:
            return read_bundle(path)
        except DirectoryFileError as error:
            raise CommandError(f"{len(error.problems)} problem(s):\n{error}") from None

    def _links(self, bundle: Bundle, timeout: float, record: bool) -> int:
        """`record`: keep the outcomes for the curators' page (when checking the database)."""
        from tsunagari.directory.links import Outcome, check_links, links_of

        reports = check_links(links_of(bundle), timeout)
        if record:
            from tsunagari.directory.curation import record_link_checks

            record_link_checks(reports)
        broken = [r for r in reports if r.outcome is not Outcome.OK]
        for report in broken:
            self.stdout.write(str(report))
        self.stdout.write(f"links: {len(reports)} checked, {len(broken)} moved, vanished or failed")
        return len(broken)

    def _import(self, path: Path) -> None:
        from tsunagari.directory.importer import ImportFailed, import_path

        try:
            report = import_path(path)
        except ImportFailed as error:
            raise CommandError(str(error)) from None
        self.stdout.write(report.summary())

    def _export(self) -> None:
        from tsunagari.directory.hsds import export_services

        json.dump(export_services(), self.stdout, ensure_ascii=False, indent=1)
        self.stdout.write("\n")
