"""Japanese text analysis: normalisation, spelling variants, kana, English."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tsunagari.search.analysis import analyze, normalize, readings, terms


def test_width_variants_fold_to_one_form() -> None:
    assert normalize("ｼﾆﾀｲ") == normalize("シニタイ")
    assert normalize("ＤＶ　相談") == "dv 相談"
    assert normalize("１８８") == "188"


def test_spaces_between_japanese_characters_are_dropped() -> None:
    assert normalize("し に た い") == "しにたい"
    assert normalize("domestic  violence") == "domestic violence"


def test_long_repeats_are_shortened_but_numbers_are_kept() -> None:
    assert normalize("つらいいいいいい") == "つらいいい"
    assert normalize("#9999") == "#9999"
    assert normalize("0120-0-78310") == "0120-0-78310"


def test_ijime_in_every_spelling_has_one_lemma() -> None:
    assert terms("いじめ") == terms("イジメ") == terms("虐め") == terms("苛め")


def test_shinitai_in_kana_and_kanji_meet() -> None:
    assert terms("しにたい") == terms("死にたい") == terms("ｼﾆﾀｲ") == ["死ぬ"]


def test_hikikomori_spellings_meet() -> None:
    assert terms("ひきこもり") == terms("引きこもり") == terms("ヒキコモリ")


def test_a_loanword_the_dictionary_lacks_stays_one_word() -> None:
    assert [t.lemma for t in analyze(normalize("ヤングケアラー"))] == ["ヤングケアラー"]


def test_english_is_stemmed_and_phrases_read_word_by_word() -> None:
    assert terms("bullying") == terms("bullied") == ["bulli"]
    assert terms("domestic violence") == ["domest", "violenc"]


def test_compounds_are_also_split_into_their_parts() -> None:
    assert terms("児童相談所")[:3] == ["児童相談所", "児童", "相談"]


def test_readings_are_hiragana() -> None:
    assert readings("虐待") == ["ぎゃくたい"]


@given(st.text(max_size=200))
def test_normalisation_is_idempotent(text: str) -> None:
    once = normalize(text)
    assert normalize(once) == once


@given(st.text(alphabet=st.characters(min_codepoint=0x21, max_codepoint=0x7E), max_size=50))
def test_full_width_ascii_normalises_like_ascii(text: str) -> None:
    full_width = "".join(chr(ord(c) + 0xFEE0) for c in text)
    assert normalize(full_width) == normalize(text)


@given(st.text(max_size=300))
def test_any_unicode_is_analysed_without_error(text: str) -> None:
    for token in analyze(normalize(text)):
        assert token.surface.strip()
    terms(text)
    readings(text)
