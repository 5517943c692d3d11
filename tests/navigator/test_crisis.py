"""Crisis detection: direct and indirect words, slang, English, someone else, danger now;
hyperbole and ordinary talk do not raise it; it never raises an exception. The sentences
are in data/navigator/crisis-sentences.yaml."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from django.conf import settings

from tsunagari.navigator.crisis import SOMEONE_ELSE, detect, label

SENTENCES = yaml.safe_load(
    (Path(settings.DATA_DIR) / "navigator" / "crisis-sentences.yaml").read_text(encoding="utf-8")
)
RAISE = [text for group in SENTENCES["raise"].values() for text in group]
ORDINARY = SENTENCES["ordinary"]


@pytest.mark.parametrize("text", RAISE)
def test_crisis_is_raised(text: str) -> None:
    result = detect(text)
    assert result.crisis, text
    assert result.reasons


@pytest.mark.parametrize("text", ORDINARY)
def test_hyperbole_and_ordinary_trouble_do_not_raise_it(text: str) -> None:
    assert not detect(text).crisis, text


def test_two_weak_signals_raise_it_and_one_does_not() -> None:
    assert not detect("もう限界").crisis
    assert not detect("楽になりたい").crisis
    assert detect("もう限界です。楽になりたい").crisis


def test_weak_signals_carry_over_a_conversation() -> None:
    first = detect("もう限界")
    assert not first.crisis and first.weak == ("at-the-limit",)
    assert detect("楽になりたい", first.weak).crisis


def test_a_goodbye_with_an_ending_raises_it() -> None:
    assert detect("今日で全部終わらせる。みんなありがとう").crisis
    assert not detect("みんなありがとう").crisis


def test_an_exception_never_hides_words_it_was_not_written_for() -> None:
    # 尊し (とうとし) once blanked 絶とうとした.
    assert detect("自分で命を絶とうとしたことがある").crisis


def test_a_scene_or_a_report_named_as_such_hides_nothing_else() -> None:
    assert detect("自殺のニュースを見て死にたくなった").crisis


def test_a_preparation_with_a_set_time_raises_it() -> None:
    assert detect("ロープを買った。今夜やるつもり").crisis


@pytest.mark.parametrize(
    "text",
    [
        "友達が死にたいと言っている",
        "息子が自殺をほのめかしている",
        "彼氏が死にたいってLINEしてきた",
        "母が消えたいとつぶやいていた",
        "My friend says she wants to kill herself",
    ],
)
def test_someone_elses_crisis_is_raised_and_marked(text: str) -> None:
    result = detect(text)
    assert result.crisis and result.about_someone_else
    assert SOMEONE_ELSE in result.reasons


@pytest.mark.parametrize(
    "text",
    ["死にたい", "友達がいなくて死にたい", "彼氏に死ねと言われて死にたい", "夫に殴られて消えたい"],
)
def test_the_writers_own_crisis_is_not_taken_for_someone_elses(text: str) -> None:
    result = detect(text)
    assert result.crisis and not result.about_someone_else


def test_a_threat_from_a_partner_is_danger_to_the_writer() -> None:
    result = detect("彼氏が別れたら殺すと言ってくる")
    assert result.crisis and not result.about_someone_else
    assert result.first == ("emergency-110",)


def test_an_overdose_puts_the_ambulance_first() -> None:
    assert detect("薬をたくさん飲んでしまった").first == ("emergency-119",)


def test_a_crisis_late_in_a_long_text_is_still_found() -> None:
    assert detect("今日は天気がいい。" * 500 + "死にたい").crisis


@pytest.mark.parametrize(
    "odd", [None, 42, b"\xff\xfe\x00", "", "\x00" * 10, "<script>", "あ" * 100_000]
)
def test_odd_input_gets_a_result_not_an_exception(odd: object) -> None:
    result = detect(odd)
    assert result.crisis is False
    assert not result.error


def test_bytes_are_read_as_utf8() -> None:
    assert detect("死にたい".encode()).crisis


def test_reasons_read_as_words_in_both_languages() -> None:
    assert label("wish-to-die") == "死にたい気持ち"
    assert label("wish-to-die", "en") == "wanting to die"
    assert label(SOMEONE_ELSE, "en") == "Someone else is in danger"
