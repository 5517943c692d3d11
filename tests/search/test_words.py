"""The words search matches on: stop words out, auxiliaries kept with their word."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tsunagari.search.words import analyse, is_one_word, words


def test_a_word_keeps_its_auxiliaries_as_typed() -> None:
    (word,) = words("いじめられた")
    assert (word.text, word.lemma, word.reading) == ("いじめられた", "苛める", "いじめ")


def test_stop_words_carry_no_match() -> None:
    assert [w.lemma for w in words("相談することができます")] == ["相談"]
    assert [w.lemma for w in words("the helpline for you")] == ["helplin"]


def test_kana_misread_by_the_dictionary_is_not_one_word() -> None:
    assert is_one_word("いじめ", words("いじめ"))
    assert not is_one_word("じさつ", words("じさつ"))


def test_a_text_gives_terms_with_compound_parts_and_readings() -> None:
    analysed = analyse("児童相談所に電話する。")
    assert analysed.terms == ("児童相談所", "児童", "相談", "電話")
    assert "じどうそうだんじょ" in analysed.readings
    assert "でんわ" in analysed.readings


def test_sentences_are_analysed_alike_wherever_they_appear() -> None:
    assert analyse("いじめの相談。", "電話。") == analyse("いじめの相談。電話。")


@given(st.text(max_size=200))
def test_any_text_gives_space_free_terms(text: str) -> None:
    analysed = analyse(text)
    assert all(term and " " not in term for term in analysed.terms)
    assert all(reading and " " not in reading for reading in analysed.readings)
