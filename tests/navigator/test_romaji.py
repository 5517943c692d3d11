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
