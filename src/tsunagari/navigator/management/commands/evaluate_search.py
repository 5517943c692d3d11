"""`tsunagari evaluate_search FILE [--json]`: the search judged on a set of plain queries.

Each query goes the way the search page and /api/v1/services take it (`finder.find`); a case
passes when one of the first five services serves one of its `expect` need codes. Exits with
status 1 when fewer than --target are served or any query is answered with nothing.
"""

from __future__ import annotations

import json
import sys
from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from tsunagari.directory.models import Service
from tsunagari.navigator.datafiles import DataFileError
from tsunagari.navigator.finder import find
from tsunagari.navigator.search_evaluation import (
    evaluate_search,
    search_as_dict,
    search_summary,
)
from tsunagari.search.engine import cards


def needs_found(query: str) -> list[list[str]]:
    """The need codes of each service on the first page for `query`, best first."""
    hits = find(query, limit=20, now=timezone.now()).results.hits
    stored = cards([hit.service_id for hit in hits])
    return [stored[h.service_id]["needs"] for h in hits if h.service_id in stored]


class Command(BaseCommand):
    help = "Evaluate the search on a set of plain queries (top-5 served, empty answers)."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("file", help="a YAML set: cases: [{id, query, expect: [need]}]")
        parser.add_argument("--json", action="store_true", help="the figures as JSON")
        parser.add_argument("--target", type=float, default=0.9, help="required top-5 rate")

    def handle(self, *args: Any, **options: Any) -> None:
        if not Service.objects.listed().exists():
            raise CommandError("the directory is empty: run `tsunagari bootstrap` first")
        try:
            report = evaluate_search(Path(options["file"]), needs_found)
        except DataFileError as error:
            raise CommandError(str(error)) from None
        if options["json"]:
            self.stdout.write(json.dumps(search_as_dict(report), ensure_ascii=False, indent=2))
        else:
            for line in search_summary(report):
                self.stdout.write(line)
        met = report.served >= options["target"] * report.total and not report.empty
        self.stdout.write(
            f"targets (top-5 ≥ {options['target']:.0%}, nothing empty): "
            + ("met" if met else "NOT met")
        )
        if not met:
            sys.exit(1)
