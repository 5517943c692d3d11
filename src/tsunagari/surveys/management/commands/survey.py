"""`tsunagari survey estimate|evaluate|generate`: the loneliness survey from the terminal.

    tsunagari survey estimate FILE [--by COL ...] [--json] [--lonely-psu RULE] [--ci logit|beta]
    tsunagari survey evaluate PRE.csv POST.csv [--json]
    tsunagari survey generate --year 2024 [--respondents 4000] [--out FILE]
    tsunagari survey generate-programme PRE.csv POST.csv

Input errors name the file, line and column, and the command exits non-zero.
"""

from __future__ import annotations

import json
from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _

from tsunagari.surveys.design import LONELY_PSU_RULES
from tsunagari.surveys.estimate import EstimationError, estimate_survey
from tsunagari.surveys.evaluate import PairingError, evaluate_programme
from tsunagari.surveys.exports import format_evaluation, format_table
from tsunagari.surveys.importer import read_microdata_file
from tsunagari.surveys.intervals import PROPORTION_METHODS
from tsunagari.surveys.mappings import Mapping, MappingError, bundled_mapping, load_mapping
from tsunagari.surveys.microdata import Microdata, MicrodataError
from tsunagari.surveys.synthetic import generate_programme, generate_survey


class Command(BaseCommand):
    help = "Loneliness survey: design-based estimates, programme evaluation, synthetic data."

    def add_arguments(self, parser: ArgumentParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True)
        estimate = actions.add_parser(
            "estimate", help="the four indicators, overall and by domains"
        )
        estimate.add_argument("file", type=Path)
        estimate.add_argument("--by", action="extend", nargs="+", default=[], metavar="COL")
        estimate.add_argument("--json", action="store_true", help="print JSON (docs: spec)")
        estimate.add_argument("--lonely-psu", choices=LONELY_PSU_RULES, default="fail")
        estimate.add_argument("--ci", choices=PROPORTION_METHODS, default="logit")
        self._common(estimate)
        evaluate = actions.add_parser("evaluate", help="before/after change of a programme")
        evaluate.add_argument("pre", type=Path)
        evaluate.add_argument("post", type=Path)
        evaluate.add_argument("--json", action="store_true")
        self._common(evaluate)
        generate = actions.add_parser("generate", help="synthetic survey microdata (CSV)")
        generate.add_argument("--year", type=int, required=True)
        generate.add_argument("--respondents", type=int, default=4000)
        generate.add_argument("--seed", type=int, default=None)
        generate.add_argument("--out", type=Path, default=None)
        programme = actions.add_parser("generate-programme", help="synthetic before/after files")
        programme.add_argument("pre", type=Path)
        programme.add_argument("post", type=Path)
        programme.add_argument("--participants", type=int, default=150)

    def _common(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--mapping", default=None, help="a mapping YAML file, or the name of a bundled one"
        )
        parser.add_argument("--lang", choices=("ja", "en"), default="ja")

    def handle(self, *args: Any, **options: Any) -> None:
        action = options["action"]
        if action == "generate":
            text = generate_survey(options["year"], options["respondents"], options["seed"])
            self._write(options["out"], text)
        elif action == "generate-programme":
            pre, post = generate_programme(options["participants"])
            self._write(options["pre"], pre)
            self._write(options["post"], post)
        else:
            with translation.override(options["lang"]):
                self.stdout.write(self._analyse(action, options), ending="")

    def _analyse(self, action: str, options: dict[str, Any]) -> str:
        mapping = _mapping(options["mapping"])
        if action == "evaluate":
            try:
                evaluation = evaluate_programme(
                    _read(options["pre"], mapping), _read(options["post"], mapping)
                )
            except PairingError as error:
                raise CommandError(str(error)) from None
            if options["json"]:
                return json.dumps(evaluation.to_json(), ensure_ascii=False, indent=2) + "\n"
            return format_evaluation(evaluation)
        try:
            estimates = estimate_survey(
                _read(options["file"], mapping),
                options["by"],
                lonely_psu=options["lonely_psu"],
                ci=options["ci"],
            )
        except EstimationError as error:
            raise CommandError(str(error)) from None
        if options["json"]:
            return json.dumps(estimates.to_json(), ensure_ascii=False, indent=2) + "\n"
        return format_table(estimates)

    def _write(self, path: Path | None, text: str) -> None:
        if path is None:
            self.stdout.write(text, ending="")
        else:
            path.write_text(text, encoding="utf-8")


def _mapping(name: str | None) -> Mapping | None:
    if name is None:
        return None
    try:
        path = Path(name)
        return load_mapping(path) if path.suffix in (".yaml", ".yml") else bundled_mapping(name)
    except MappingError as error:
        raise CommandError(str(error)) from None


def _read(path: Path, mapping: Mapping | None) -> Microdata:
    try:
        return read_microdata_file(path, mapping)
    except MicrodataError as error:
        more = error.total - len(error.errors)
        lines = [str(e) for e in error.errors]
        if more:
            lines.append(_("ほかに %(more)d 件の誤りがあります。") % {"more": more})
        lines.append(
            _(
                "%(file)s は誤り %(total)d 件のため全体を受け付けませんでした"
                "（何も読み込んでいません）"
            )
            % {"file": path, "total": error.total}
        )
        raise CommandError("\n".join(lines)) from None
