"""Input is cleaned, never refused: empty, binary, markup, huge; slang is rewritten."""

import pytest

from tsunagari.navigator.text import MAX_CHARS, clean_input, prepare, surface


def test_none_and_empty_become_empty_text() -> None:
    assert clean_input(None).empty
    assert clean_input("   \n ").empty


def test_bytes_that_are_not_utf8_and_control_characters_are_dropped_and_said() -> None:
    cleaned = clean_input(b"\x00\x01\xff\xfe\xe3\x81\x82")
    assert cleaned.text == "あ"
    assert cleaned.dropped_characters


def test_markup_is_removed_but_the_words_between_tags_are_read() -> None:
    cleaned = clean_input("<script>alert(1)</script>死にたい<b>")
    assert "<" not in cleaned.text and "死にたい" in cleaned.text
    assert cleaned.dropped_markup


def test_huge_text_is_cut_at_the_documented_limit() -> None:
    cleaned = clean_input("あ" * (MAX_CHARS + 500))
    assert len(cleaned.text) == MAX_CHARS
    assert cleaned.truncated


def test_text_within_the_limit_is_kept_whole() -> None:
    cleaned = clean_input("夫に殴られる")
    assert cleaned.text == "夫に殴られる"
    assert not (cleaned.truncated or cleaned.dropped_characters or cleaned.dropped_markup)


def test_online_spelling_of_death_is_rewritten() -> None:
    assert surface("タヒにたい") == "死にたい"
    assert surface("ﾀﾋにたい") == "死にたい"
    assert surface("タヒチに行きたい") == "タヒチに行きたい"


def test_half_width_and_spaced_kana_are_normalised() -> None:
    assert surface("ｼﾆﾀｲ") == "シニタイ"
    assert surface("し に た い") == "しにたい"


def test_stretched_and_colloquial_endings_are_rewritten() -> None:
    assert surface("しにたーい") == "しにたい"
    assert surface("がっこういきたくねー") == "がっこういきたくない"
    assert surface("しにたぃ") == "しにたい"


@pytest.mark.parametrize(
    ("text", "standard"),
    [
        ("もう生きとっても意味ないけえ", "もう生きていても意味ないから"),
        ("橋の上におる", "橋の上にいる"),
        ("もうおらんくなりたい", "もういなくなりたい"),
        ("誰にも言うてへん", "誰にも言うてない"),
        ("聞こえへんかった", "聞こえなかった"),
        ("家におります", "家にいます"),
        ("生ぎでぐね", "生きていけない"),
        ("なんもかんもやんだぐなった", "なんもかんもいやになった"),
        ("冬の海さ入る", "冬の海に入る"),
        ("薬いっぺぇ飲んだ", "薬いっぱい飲んだ"),
    ],
)
def test_regional_forms_are_read_in_the_standard_form(text: str, standard: str) -> None:
    assert surface(text) == standard


@pytest.mark.parametrize(
    "text",
    ["たいへんです", "このへんで", "おらんだに行く", "上着をはおる", "手でおる", "いっぺんに"],
)
def test_ordinary_words_like_regional_forms_are_left_alone(text: str) -> None:
    assert surface(text) == text


def test_prepared_text_knows_readings_and_dictionary_forms() -> None:
    prepared = prepare("親にたたかれる")
    assert "叩く" in prepared.lemmas
    assert prepared.reading.startswith("おや")
    assert prepared.folded == "親にたたかれる"
