"""Japanese typed in Latin letters is read as kana; English is left alone."""

from __future__ import annotations

import pytest

from tsunagari.navigator.romaji import reading
from tsunagari.navigator.understand import understand


@pytest.mark.parametrize(
    ("text", "kana"),
    [
        ("shinitai", "しにたい"),
        ("kieteshimaitai", "きえてしまいたい"),
        ("gakkou ni ikitakunai", "がっこう に いきたくない"),
        ("Kodoku de tsurai", "こどく で つらい"),
    ],
)
def test_romaji_is_read_as_kana(text: str, kana: str) -> None:
    assert reading(text) == kana


@pytest.mark.parametrize(
    "text",
    [
        "I want to die",
        "so lonely since I moved to Osaka",
        "My husband hits me",
        "kms",
        "no",
        "日本語です",
    ],
)
def test_english_short_or_japanese_text_is_not_romaji(text: str) -> None:
    assert reading(text) is None


def test_romaji_is_understood_and_english_keeps_its_own_reading() -> None:
    assert "bullying" in understand("ijime ni atte imasu. tasukete").need_codes
    assert "dv" in understand("My husband hits me").need_codes


def test_names_in_capitals_and_laughter_do_not_stop_a_reading() -> None:
    assert reading("tomodachi kara LINE kita www") == "ともだち から LINE きた "
    assert reading("tan'i ga yabai lol") == "たんい が やばい "


def test_the_spaces_of_romaji_are_word_boundaries() -> None:
    # Run together, ははがにんちしょでかいご reads でかい (big) and loses 介護.
    assert "caregiver" in understand("haha ga ninchisho de kaigo ga turai").need_codes[:3]
    # Hiragana alone suggests a child; kana from Latin letters does not.
    assert "child" in understand("まいにちおかねがなくてこまっています").audience_codes
    assert "child" not in understand("mainichi okane ga nakute komatte imasu").audience_codes


def test_a_long_mark_is_met_by_its_vowel_written_out() -> None:
    # フリーランス typed as furiiransu, ハローワーク as haroowaaku.
    assert "freelance" in understand("furiiransu de shigoto wo kirareta").need_codes[:3]
    assert "employment" in understand("haroowaaku ni ikitai").need_codes[:3]


def test_a_long_vowel_dropped_in_romaji_still_meets_the_word() -> None:
    # 認知症 is にんちしょう; romaji often writes ninchisho.
    assert "dementia" in understand("haha ga ninchisho de kaigo ga tsurai").need_codes[:3]


def test_one_foreign_word_in_a_longer_romaji_text_is_kept_as_written() -> None:
    text = "senpai ga ima discord de 'mou owari' tte kaite kara henji ga nai"
    assert (reading(text) or "").startswith("せんぱい が いま discord で"), reading(text)
    assert reading("I come home and take my time, nobody here") is None
    assert reading("kyou discord de hanashita") is None  # too short to tell
