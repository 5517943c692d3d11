"""`tsunagari search "QUERY" [filters] [--json]`; `tsunagari search --rebuild`."""

from __future__ import annotations

import json
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from tsunagari.search.engine import MAX_LIMIT, rebuild_index, search
from tsunagari.search.params import FilterError, build_filters
from tsunagari.search.summary import result_page


class Command(BaseCommand):
    help = "Search the support directory, or rebuild the search index (--rebuild)."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("query", nargs="?", default="", help="what a person would type")
        parser.add_argument("--need", action="append", default=[], help="need code (repeatable)")
        parser.add_argument("--audience", action="append", default=[], help="audience code")
        parser.add_argument("--method", action="append", default=[], help="contact method code")
        parser.add_argument("--language", action="append", default=[], help="ISO 639-1 code")
        parser.add_argument("--area", default="", help="prefecture/municipality code, postcode")
        parser.add_argument("--open-now", action="store_true", help="only services open now")
        parser.add_argument("--limit", type=int, default=10, help=f"at most {MAX_LIMIT}")
        parser.add_argument("--offset", type=int, default=0)
        parser.add_argument("--json", action="store_true", help="the API's result shape")
        parser.add_argument("--rebuild", action="store_true", help="rebuild the index and exit")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["rebuild"]:
            self.stdout.write(f"search index rebuilt: {rebuild_index()} services")
            return
        if not 1 <= options["limit"] <= MAX_LIMIT:
            raise CommandError(f"--limit must be between 1 and {MAX_LIMIT}")
        try:
            filters = build_filters(
                needs=options["need"],
                audiences=options["audience"],
                methods=options["method"],
                languages=options["language"],
                area=options["area"],
                open_now=options["open_now"],
            )
        except FilterError as error:
            raise CommandError(f"--{error.field.replace('_', '-')}: {error}") from None
        now = timezone.now()
        results = search(
            options["query"], filters, limit=options["limit"], offset=options["offset"], now=now
        )
        page = result_page(results, now, options["limit"], options["offset"])
        if options["json"]:
            self.stdout.write(json.dumps(page, ensure_ascii=False, indent=2))
        else:
            self._table(page)

    def _table(self, page: dict[str, Any]) -> None:
        terms = " ".join(page["query_terms"]) or "—"
        self.stdout.write(f"{page['total']} services (query read as: {terms})")
        for term, synonyms in page["expanded"].items():
            self.stdout.write(f"  {term}: also {', '.join(synonyms)}")
        open_label = {True: "open", False: "closed", None: "hours unknown"}
        for rank, item in enumerate(page["results"], start=page["offset"] + 1):
            phones = ", ".join(p["number"] for p in item["phones"]) or item["url"] or "—"
            flags = " [24h line]" if item["crisis_line"] else ""
            flags += " [not re-checked for a long time]" if item["stale"] else ""
            self.stdout.write(f"{rank:>3}. {item['name']['ja']}{flags}")
            self.stdout.write(f"     {phones} · {open_label[item['open_now']]} · {item['slug']}")
            if item["why"]:
                where = ", ".join(item["matched_in"])
                self.stdout.write(f"     matched: {', '.join(item['why'])} (in {where})")
