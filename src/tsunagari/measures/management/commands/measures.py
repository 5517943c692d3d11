"""`tsunagari measures ingest|export|report`."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from tsunagari.measures.parsing.errors import SourceError


class Command(BaseCommand):
    help = "The priority plan: ingest the seeds, print the report, export the plan."

    def add_arguments(self, parser: argparse.ArgumentParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        ingest = sub.add_parser("ingest", help="read both seeds into the database (idempotent)")
        ingest.add_argument("--lineup", type=Path)
        ingest.add_argument("--status-table", type=Path)
        ingest.add_argument("--corrections", type=Path)
        ingest.add_argument("--quiet", action="store_true", help="summary only")
        export = sub.add_parser("export", help="write a plan as JSON, CSV or XLSX")
        export.add_argument("--plan", default="", help="a plan's code (default: the plan in force)")
        group = export.add_mutually_exclusive_group(required=True)
        group.add_argument("--json", action="store_true")
        group.add_argument("--csv", action="store_true")
        group.add_argument("--xlsx", type=Path, metavar="FILE")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "ingest":
            self._ingest(options)
        else:
            self._export(options)

    def _ingest(self, options: dict[str, Any]) -> None:
        from tsunagari.measures.ingest import Sources, ingest
        from tsunagari.measures.report import details, summary

        bundled = Sources.bundled()
        sources = Sources(
            options["lineup"] or bundled.lineup,
            options["status_table"] or bundled.status_table,
            options["corrections"] or bundled.corrections,
            bundled.ministries,
        )
        try:
            report = ingest(sources)
        except (SourceError, OSError) as error:
            raise CommandError(f"{error}\nNothing was imported.") from error
        if not options["quiet"]:
            self.stdout.write(details(report))
        self.stdout.write(summary(report))

    def _export(self, options: dict[str, Any]) -> None:
        from tsunagari.measures import exports
        from tsunagari.measures.models import Plan

        code = options["plan"]
        plan = Plan.objects.filter(code=code).first() if code else Plan.objects.current()
        if plan is None:
            raise CommandError(f"no plan {options['plan']!r}: run `tsunagari measures ingest`")
        if options["json"]:
            self.stdout.write(exports.to_json(plan))
        elif options["csv"]:
            self.stdout.write(exports.to_csv(plan), ending="")
        else:
            exports.write_xlsx(plan, options["xlsx"])
            self.stdout.write(f"wrote {options['xlsx']}")
