"""Train the urgency reader on data/navigator/urgency/*.yaml: data/navigator/urgency-model.json."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from tsunagari.navigator.datafiles import DataFileError, data_path
from tsunagari.navigator.training import (
    SENTENCES_FILE,
    URGENCY_DIR,
    examples_from,
    train_urgency,
    urgency_examples,
)
from tsunagari.navigator.urgency import load_elements
from tsunagari.navigator.urgency_model import MODEL_FILE


class Command(BaseCommand):
    help = "Train the urgency classifier on the labelled messages of data/navigator/urgency/."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--cases",
            type=Path,
            action="append",
            default=[],
            help="a navigator case file the crisis second reader learns from",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            examples = urgency_examples(data_path(URGENCY_DIR))
            reviewed = examples_from(data_path(SENTENCES_FILE), options["cases"])
        except (DataFileError, OSError) as error:
            raise CommandError(str(error)) from None
        if not examples:
            raise CommandError(f"no labelled messages in {data_path(URGENCY_DIR)}")
        # A written level outweighs a derived one; two written levels for one text are an error.
        heaviest: dict[str, float] = {}
        for example in examples:
            heaviest[example.text] = max(heaviest.get(example.text, 0.0), example.weight)
        examples = [e for e in examples if e.weight == heaviest[e.text]]
        levels: dict[str, set[int]] = {}
        for example in examples:
            levels.setdefault(example.text, set()).add(example.level)
        contradicting = sorted(t for t, seen in levels.items() if len(seen) > 1)
        if contradicting:
            raise CommandError("labelled at two levels: " + "; ".join(contradicting[:5]))
        elements = tuple(e.id for e in load_elements())
        model, figures = train_urgency(examples, elements, reviewed)
        data = {
            "about": "urgency classifier; see tsunagari.navigator.urgency_model",
            "examples": len(set(examples)),
            "cross_validated": {k: round(v, 4) for k, v in figures.items()},
            **model.as_dict(),
        }
        path = data_path(MODEL_FILE)
        path.write_text(json.dumps(data, ensure_ascii=False) + "\n", encoding="utf-8")
        shown = ", ".join(f"{k} {v:.1%}" for k, v in figures.items())
        self.stdout.write(
            f"urgency model: {len(set(examples))} messages; thresholds "
            f"{', '.join(map(str, model.thresholds))} (quiet: "
            f"{', '.join(map(str, model.quiet_thresholds))}); cross-validated {shown} "
            f"→ {MODEL_FILE}"
        )
