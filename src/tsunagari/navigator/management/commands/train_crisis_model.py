"""Train the crisis second reader on our own sentences and labelled messages:
data/navigator/crisis-model.json."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from tsunagari.navigator.crisis_model import MODEL_FILE
from tsunagari.navigator.datafiles import DataFileError, data_path
from tsunagari.navigator.training import (
    SENTENCES_FILE,
    URGENCY_DIR,
    examples_from,
    train,
    urgency_examples,
    write_model,
)


class Command(BaseCommand):
    help = (
        "Train the crisis model on data/navigator/crisis-sentences.yaml, case files and the "
        "labelled messages of data/navigator/urgency/."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--cases", type=Path, action="append", default=[], help="a navigator case file"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            examples = examples_from(
                data_path(SENTENCES_FILE),
                options["cases"],
                urgency_examples(data_path(URGENCY_DIR)),
            )
        except (DataFileError, OSError) as error:
            raise CommandError(str(error)) from None
        labelled = set(examples)
        contradicting = {t for t, label in labelled if (t, not label) in labelled}
        if contradicting:
            raise CommandError("labelled both ways: " + "; ".join(sorted(contradicting)[:5]))
        model = train(examples)
        positives = sum(label for _, label in examples)
        write_model(model, data_path(MODEL_FILE), len(examples), positives)
        wrong = sum(
            (model.probability(text) >= model.threshold) != label for text, label in examples
        )
        self.stdout.write(
            f"crisis model: {len(examples)} sentences ({positives} in danger), "
            f"{len(model.weights)} weights, {wrong} misread in training → {MODEL_FILE}"
        )
