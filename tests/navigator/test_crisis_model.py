"""The crisis second reader: in step with its sentences, raising where no rule does, never
lowering, silent on a few words, reproducible, and failing safe."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from tsunagari.navigator import crisis, crisis_model
from tsunagari.navigator.crisis import MODEL, detect, detect_with, label, load_rules
from tsunagari.navigator.crisis_model import fingerprint, load_model
from tsunagari.navigator.datafiles import data_path
from tsunagari.navigator.training import (
    SENTENCES_FILE,
    URGENCY_DIR,
    UrgencyExample,
    danger_examples,
    examples_from,
    train,
    urgency_examples,
    with_messages,
)

CASES = Path(__file__).parent / "cases.yaml"

# Warning signs in words that no rule of crisis.yaml is written for.
UNRULED = [
    "ロープは用意した。どこに掛けるかまで考えてしまう",
    "I keep looking at the bottle of my sleeping tablets and counting them every night",
    "もう十分がんばったと思う。そろそろ楽にさせてほしい",
]


def test_the_shipped_model_was_trained_on_the_current_sentences() -> None:
    messages = urgency_examples(data_path(URGENCY_DIR))
    examples = examples_from(data_path(SENTENCES_FILE), [CASES], messages)
    assert load_model().fingerprint == fingerprint(examples), (
        "data/navigator/crisis-model.json is out of step with its sentences: run make crisis-model"
    )


@pytest.mark.parametrize("text", UNRULED)
def test_the_model_raises_what_no_rule_catches(text: str) -> None:
    assert not detect_with(load_rules(), text).crisis
    result = detect(text)
    assert result.crisis and result.reasons == (MODEL,)


def test_the_model_never_lowers_a_rule() -> None:
    # A rule's reason is kept: the model is asked only when no rule fired.
    assert detect("もう死にたい").reasons != (MODEL,)


def test_a_few_words_are_left_to_the_rules() -> None:
    # One weak sign needs a second one; the model does not judge so short a text.
    for text in ("もう無理", "楽になりたい", "助けて"):
        assert not detect(text).crisis


def test_training_gives_the_same_model_for_the_same_sentences() -> None:
    examples = [
        ("もう生きていたくない。薬も貯めてある", True),
        ("ロープを買ってきた。今夜やる", True),
        ("今日の晩ごはんはカレーにしよう", False),
        ("駅前の図書館で勉強するのが好き", False),
    ]
    first, second = train(examples), train(list(reversed(examples)))
    assert first == second
    assert all((first.probability(text) >= first.threshold) == label for text, label in examples)


def test_reasons_of_the_model_read_as_words() -> None:
    assert label(MODEL, "ja") and label(MODEL, "en") != MODEL


@pytest.fixture
def broken_model(tmp_path: Path) -> Iterator[None]:
    (tmp_path / "navigator").mkdir()
    for name in ("crisis.yaml", "rewrites.yaml"):
        (tmp_path / "navigator" / name).write_bytes(data_path(name).read_bytes())
    (tmp_path / "navigator" / crisis_model.MODEL_FILE).write_text("{not json", encoding="utf-8")
    original = settings.DATA_DIR
    settings.DATA_DIR = tmp_path
    load_model.cache_clear()
    crisis.load_rules.cache_clear()
    yield
    settings.DATA_DIR = original
    load_model.cache_clear()
    crisis.load_rules.cache_clear()


def test_a_damaged_model_file_fails_safe(broken_model: None) -> None:
    # Callers treat an error like a crisis: the 24-hour lines are shown.
    result = detect("ロープは用意した。どこに掛けるかまで考えてしまう")
    assert result.error


def test_training_names_a_bad_case_file(tmp_path: Path) -> None:
    bad = tmp_path / "cases.yaml"
    bad.write_text("cases:\n  - {text: 1, expect: [crisis], crisis: true}\n", encoding="utf-8")
    with pytest.raises(CommandError, match=r"cases.yaml:\d+"):
        call_command("train_crisis_model", "--cases", str(bad), stdout=io.StringIO())


def test_the_model_file_is_plain_json_with_its_fingerprint() -> None:
    data = json.loads(data_path(crisis_model.MODEL_FILE).read_text(encoding="utf-8"))
    assert {"fingerprint", "examples", "threshold", "bias", "weights"} <= data.keys()
    assert data["examples"] > 1000


def test_labelled_messages_teach_the_second_reader_danger_and_ordinary_sentences() -> None:
    messages = [
        UrgencyExample("今夜、薬を全部飲む", 5, 1.0),
        UrgencyExample("消えたいなあ", 2, 1.0),
        UrgencyExample("お花をありがとうございました。これからもよろしくお願いします。", 0, 1.0),
    ]
    assert danger_examples(messages) == [
        ("今夜、薬を全部飲む", True),
        ("お花をありがとうございました。これからもよろしくお願いします。", False),
        ("お花をありがとうございました。", False),
        ("これからもよろしくお願いします。", False),
    ]  # a passive wish (2) is left out: the rules raise it, the scale may not


def test_a_reviewed_sentence_keeps_its_label_against_a_message() -> None:
    reviewed = [("今夜、薬を全部飲む", False)]  # say a reviewer read it as a quote
    labelled = with_messages(reviewed, [UrgencyExample("今夜、薬を全部飲む", 5, 1.0)])
    assert labelled == [("今夜、薬を全部飲む", False)]


def test_a_stand_in_reads_only_inside_its_block() -> None:
    # Training the urgency reader reads each fold with a second reader that has not seen it.
    silent = crisis_model.Model(bias=-50.0, weights={}, threshold=0.5, fingerprint="")
    with crisis_model.read_by(silent):
        assert not detect(UNRULED[0]).crisis
    assert detect(UNRULED[0]).crisis
