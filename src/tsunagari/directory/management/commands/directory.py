"""`tsunagari directory check|import|export`: the curated directory in and out."""

from __future__ import annotations

import json
from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from tsunagari.directory.bundle import DirectoryFileError, read_bundle


class Command(BaseCommand):
    help = "Check, import or export the support directory."

    def add_arguments(self, parser: ArgumentParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        check = sub.add_parser("check", help="validate YAML files without writing anything")
        check.add_argument("path", type=Path)
        imp = sub.add_parser("import", help="import our YAML or an HSDS JSON file (idempotent)")
        imp.add_argument("path", type=Path)
        exp = sub.add_parser("export", help="write the directory to stdout")
        exp.add_argument("--format", choices=["hsds-json"], default="hsds-json")

    def handle(self, *args: Any, **options: Any) -> None:
        action = options["action"]
        if action == "check":
            self._check(options["path"])
        elif action == "import":
            self._import(options["path"])
        else:
            self._export()

    def _check(self, path: Path) -> None:
        try:
            bundle = read_bundle(path)
        except DirectoryFileError as error:
            raise CommandError(f"{len(error.problems)} problem(s):\n{error}") from None
        counts = f"{len(bundle.organizations)} organizations, {len(bundle.services)} services"
        self.stdout.write(f"{path}: {counts}: ok")

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
