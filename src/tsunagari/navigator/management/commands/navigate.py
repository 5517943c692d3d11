"""`tsunagari navigate "TEXT" [--json]`, `--batch FILE [--json]`, `--eval FILE`,
`--eval-urgency FILE [--misses]`, `--eval-languages FILE [--json] [--misses]`.

--batch reads one text per line (UTF-8; `-` for standard input) and writes one JSON answer
per line, in the same order, as it goes (JSON Lines). --eval prints the top-3 hit rate,
crisis recall and false alarms of a case file and lists the failing cases; it exits with
status 1 when the targets are not met. --eval-urgency grades a labelled set (levels 0–5)
and prints the figures of tsunagari.navigator.urgency_evaluation (with --misses, every
message graded wrong). --eval-languages counts a blind multilingual set's figures overall and
by language (tsunagari.navigator.language_evaluation; with --misses, every case missed).
"""

from __future__ import annotations

import json
import sys
from argparse import ArgumentParser
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, OutputWrapper
from django.db import DatabaseError

from tsunagari.directory.areas import resolve_place
from tsunagari.directory.models import Service
from tsunagari.directory.taxonomy import load_taxonomy
from tsunagari.navigator.answer import Answer
from tsunagari.navigator.datafiles import DataFileError
from tsunagari.navigator.evaluation import as_dict, evaluate, summary_lines
from tsunagari.navigator.language_evaluation import as_dict as languages_as_dict
from tsunagari.navigator.language_evaluation import evaluate_languages
from tsunagari.navigator.language_evaluation import summary_lines as languages_summary
from tsunagari.navigator.navigate import MAX_LIMIT, navigate
from tsunagari.navigator.urgency_evaluation import evaluate_urgency
from tsunagari.navigator.urgency_evaluation import summary_lines as urgency_summary

OPEN = {True: "open now", False: "closed now", None: "hours unknown"}


class Command(BaseCommand):
    help = "Guide a text to the right services, crisis first; or answer a batch; or evaluate."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("text", nargs="?", help="what a person would write")
        parser.add_argument("--json", action="store_true", help="the API's JSON answer")
        parser.add_argument("--batch", metavar="FILE", help="one text per line (- for stdin)")
        parser.add_argument("--eval", metavar="FILE", help="evaluate on a case file")
        parser.add_argument(
            "--eval-urgency",
            metavar="FILE",
            help="grade a labelled set (cases: [{text, level, lang}]) and print the figures",
        )
        parser.add_argument(
            "--eval-languages",
            metavar="FILE",
            help="a multilingual set (cases: [{id, lang, text, expect, crisis, topic}]): the "
            "figures overall and by language",
        )
        parser.add_argument(
            "--misses",
            action="store_true",
            help="--eval-urgency, --eval-languages: list every message missed",
        )
        parser.add_argument("--place", default="", help="postcode, municipality or prefecture")
        parser.add_argument("--method", action="append", default=[], help="phone, sns, …")
        parser.add_argument(
            "--limit", type=int, default=5, help=f"services after the crisis lines (≤ {MAX_LIMIT})"
        )
        parser.add_argument("--lang", choices=["ja", "en"], default="ja")
        parser.add_argument(
            "--target-top3", type=float, default=0.95, help="--eval: required hit rate"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        chosen = [
            name
            for name in ("text", "batch", "eval", "eval_urgency", "eval_languages")
            if options[name] is not None
        ]
        if len(chosen) != 1:
            raise CommandError(
                "give exactly one of TEXT, --batch FILE, --eval FILE, --eval-urgency FILE "
                "or --eval-languages FILE"
            )
        if not 1 <= options["limit"] <= MAX_LIMIT:
            raise CommandError(f"--limit must be between 1 and {MAX_LIMIT}")
        methods = load_taxonomy().methods
        unknown = [m for m in options["method"] if m not in methods]
        if unknown:
            raise CommandError(
                f"--method: unknown {', '.join(unknown)}; known: {', '.join(methods)}"
            )
        if options["place"] and resolve_place(options["place"]) is None:
            raise CommandError(
                f"--place: unknown place {options['place']!r} (a postcode, JIS code or name)"
            )
        if options["eval_languages"] is not None:
            self._evaluate_languages(Path(options["eval_languages"]), options)
        elif options["eval_urgency"] is not None:
            self._evaluate_urgency(Path(options["eval_urgency"]), options["misses"])
        elif options["eval"] is not None:
            self._evaluate(Path(options["eval"]), options["target_top3"], options["json"])
        elif options["batch"] is not None:
            self._batch(options["batch"], options)
        else:
            answer = self._answer(options["text"], options)
            if options["json"]:
                self.stdout.write(json.dumps(answer.as_dict(), ensure_ascii=False, indent=2))
            else:
                self._print(answer)

    def _answer(self, text: object, options: dict[str, Any]) -> Answer:
        return navigate(
            text,
            place=options["place"] or None,
            methods=options["method"],
            limit=options["limit"],
            language=options["lang"],
        )

    def _lines(self, name: str) -> Iterator[bytes]:
        if name == "-":
            stream: BinaryIO = sys.stdin.buffer
            yield from stream
            return
        path = Path(name)
        try:
            with path.open("rb") as stream:
                yield from stream
        except OSError as error:
            raise CommandError(f"--batch: cannot read {path} ({error.strerror})") from None

    def _batch(self, name: str, options: dict[str, Any]) -> None:
        for line in self._lines(name):
            answer = self._answer(line.rstrip(b"\r\n"), options)
            self.stdout.write(json.dumps(answer.as_dict(), ensure_ascii=False))
            self.stdout.flush()

    def _evaluate_urgency(self, path: Path, misses: bool) -> None:
        try:
            report = evaluate_urgency(path)
        except DataFileError as error:
            raise CommandError(str(error)) from None
        for line in urgency_summary(report, misses):
            self.stdout.write(line)

    def _evaluate_languages(self, path: Path, options: dict[str, Any]) -> None:
        # The JSON alone goes to standard output; what the set-up says goes beside it.
        self._ensure_directory(self.stderr if options["json"] else self.stdout)
        try:
            report = evaluate_languages(path)
        except DataFileError as error:
            raise CommandError(str(error)) from None
        if options["json"]:
            data = languages_as_dict(report, options["misses"])
            self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
        else:
            for line in languages_summary(report, options["misses"]):
                self.stdout.write(line)

    def _evaluate(self, path: Path, target: float, as_json: bool) -> None:
        self._ensure_directory()
        try:
            report = evaluate(path)
        except DataFileError as error:
            raise CommandError(str(error)) from None
        if as_json:
            self.stdout.write(json.dumps(as_dict(report), ensure_ascii=False, indent=2))
        else:
            for line in summary_lines(report):
                self.stdout.write(line)
        met = report.top3_rate >= target and report.crisis_recall == 1.0 and not report.false_alarms
        self.stdout.write(
            f"targets (top-3 ≥ {target:.0%}, crisis recall 100 %, no false alarms): "
            + ("met" if met else "NOT met")
        )
        if not met:
            sys.exit(1)

    def _ensure_directory(self, say: OutputWrapper | None = None) -> None:
        """A fresh clone has no database yet: set it up as `tsunagari bootstrap` would."""
        say = say or self.stdout
        try:
            present = Service.objects.listed().exists()
        except DatabaseError:
            say.write("database not set up: migrating")
            call_command("migrate", verbosity=0)
            present = False
        if not present:
            say.write("directory empty: loading the bundled directory (data/directory)")
            from django.apps import apps

            for label in ("directory", "search"):
                apps.get_app_config(label).load_bundled_data(say)  # type: ignore[attr-defined]
        count = Service.objects.listed().count()
        say.write(f"directory: {count} listed services")

    def _print(self, answer: Answer) -> None:
        data = answer.as_dict()
        write = self.stdout.write
        if data["error"]:
            write(f"error: {data['error']}")
        if answer.crisis:
            write(f"CRISIS — {answer.message}")
        if answer.needs_beside_lines:
            write("note: the services for the stated need follow the first crisis line")
        for notice in data["notices"]:
            write(f"note: {notice}")
        needs = ", ".join(f"{n['code']} {n['score']:.2f}" for n in data["needs"][:5]) or "—"
        write(f"needs: {needs}")
        if data["audiences"]:
            write(f"audiences: {', '.join(data['audiences'])}")
        for rank, item in enumerate(data["results"], start=1):
            flag = " [crisis line]" if item["crisis_line"] else ""
            write(f"{rank:>3}. {item['name']}{flag}")
            phones = ", ".join(p["number"] for p in item["phones"]) or item["url"] or "—"
            write(f"     {phones} · {OPEN[item['open_now']]} · {item['slug']}")
            if item["why"]:
                write(f"     why: {' / '.join(item['why'])}")
        if data["follow_up"]:
            options = " | ".join(o["label"] for o in data["follow_up"]["options"])
            write(f"question: {data['follow_up']['question']}")
            write(f"  {options}")
        urgency = data["urgency"]
        reasons = ", ".join(r[answer.language] for r in urgency["reasons"]) or "—"
        write(f"urgency: {urgency['level']} ({reasons})")
