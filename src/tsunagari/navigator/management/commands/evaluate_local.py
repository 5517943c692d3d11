"""`tsunagari evaluate_local [SET ...] [--place P ...] [--every N] [--rows FILE]`: local first
judged — every case of the sets answered in each place, by the search and by the navigator,
counting the local services shown above nationwide ones that serve none of the needs expected
(`local_evaluation`). `--rows` writes each answer's first services (JSON lines) to compare two
runs.
"""

from __future__ import annotations

import json
from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from tsunagari.directory.areas import Place
from tsunagari.directory.models import Service
from tsunagari.navigator import catalogue
from tsunagari.navigator.datafiles import DataFileError
from tsunagari.navigator.finder import find
from tsunagari.navigator.local_evaluation import (
    TOP_NAVIGATOR,
    TOP_SEARCH,
    as_rows,
    judge,
    read_local_cases,
    resolve_places,
    summary_lines,
)
from tsunagari.navigator.navigate import navigate
from tsunagari.search.engine import Filters

# Places whose municipality or prefecture has its own windows in the bundled directory, of
# different kinds: mental health, hikikomori, a council of social welfare, dementia, child
# guidance, DV, crime victims.
PLACES = (
    "札幌市",
    "盛岡市",
    "合志市",
    "浜松市",
    "佐世保市",
    "京都市",
    "大分県",
    "愛知県",
    "東京都",
)
SETS = (
    "../shared/eval/navigator-dev.yaml",
    "tests/navigator/search-cases.yaml",
    "tests/navigator/multilingual-dev.yaml",
)  # and tests/navigator/cases.yaml --every 10 (all of it takes an hour)


class Command(BaseCommand):
    help = "Count local services shown above nationwide ones that do not serve the need."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("sets", nargs="*", help=f"YAML sets (default: {', '.join(SETS)})")
        parser.add_argument("--place", action="append", help="a place (repeat; default: a few)")
        parser.add_argument("--every", type=int, default=1, help="one case in N of each set")
        parser.add_argument("--rows", help="write each answer's first services here (JSON lines)")

    def handle(self, *args: Any, **options: Any) -> None:
        if not Service.objects.listed().exists():
            raise CommandError("the directory is empty: run `tsunagari bootstrap` first")
        paths = [Path(p) for p in options["sets"] or SETS]
        now = timezone.now()

        def searched(text: str, place: Place) -> list[str]:
            found = find(text, Filters(place=place), limit=TOP_SEARCH, now=now)
            return [hit.slug for hit in found.results.hits]

        def navigated(text: str, place: Place) -> list[str]:
            answer = navigate(text, place=place, now=now, limit=TOP_NAVIGATOR)
            return [r["slug"] for r in answer.results]

        try:
            cases = read_local_cases(paths, options["every"])
            places = resolve_places(options["place"] or PLACES)
        except DataFileError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(f"{len(cases)} cases × {len(places)} places")
        report = judge(
            cases, places, catalogue.services(), {"search": searched, "navigator": navigated}
        )
        for line in summary_lines(report):
            self.stdout.write(line)
        if options["rows"]:
            with open(options["rows"], "w", encoding="utf-8") as out:
                for row in as_rows(report):
                    out.write(json.dumps(row, ensure_ascii=False) + "\n")
