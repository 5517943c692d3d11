"""Patterns searched by the scripts of the text (round 7, speed): the same answers as the whole
alternation, with the alternatives a text cannot match left out."""

from __future__ import annotations

import numpy as np
import pytest

from tsunagari.navigator import crisis, urgency
from tsunagari.navigator.alternation import Alternation, needed_pairs, needed_scripts
from tsunagari.navigator.crisis_model import ngrams
from tsunagari.navigator.per_message import reading
from tsunagari.navigator.urgency import found_elements, load_elements, plain
from tsunagari.navigator.urgency_model import Model, NgramWeights

PATTERNS = [
    "死にたい|消えたい",
    r"(?:今|いま)[^。\n]{0,20}(?:殴られ|叩かれ)",
    r"\bwant(?:ed)? to (?:die|disappear)",
    "(?<!không )muốn chết|muon chet",
    "살고 ?싶지 ?않",
    "[0-9]+錠",
    "(?:my )?friend[^.]{0,40}(?:not answering|said goodbye)",
    r"(?<![^\n])(?=[^\n]*?(?:屋上|遺書))[^\n]*?友達[^\n]{0,20}電話に出ない",
    r"[^a]{3}|x?",  # needs nothing: searched on every text
]
TEXTS = [
    "もう死にたい",
    "i want to die tonight",
    "tôi muốn chết",
    "toi khong muon chet",
    "살고 싶지 않아요",
    "薬を30錠のんだ",
    "my friend is not answering and said goodbye",
    "今、夫に殴られている",
    "屋上にいると書いた友達が電話に出ない",
    "友達が電話に出ない。寝てるのかな",
    "",
    "ab",
]


@pytest.mark.parametrize("text", TEXTS)
def test_an_alternation_finds_what_the_whole_pattern_finds_where_it_finds_it(text: str) -> None:
    alternation = Alternation.of(PATTERNS)
    whole = alternation.whole.search(text)
    split = alternation.search(text)
    assert (whole is None) == (split is None) == (not alternation.found(text))
    assert whole is None or split is None or whole.start() == split.start()


def test_an_alternative_needs_a_letter_of_its_own_script() -> None:
    assert needed_scripts("死にたい") == {"CJK"}
    assert needed_scripts("살고 ?싶지 ?않") == {"HANGUL"}
    assert needed_scripts(r"\bwant to (?:die|disappear)") == {"a-z"}
    assert needed_scripts("[0-9]+錠") == {"CJK"}  # the rarer of the two
    assert needed_scripts("(?:my )?friend") == {"a-z"}
    # A positive lookaround must match for the pattern to: its letters are in the text.
    assert needed_scripts("(?=[^\n]*?(?:屋上|遺書))[^\n]*?電話に出ない") == {"CJK"}
    assert needed_scripts("(?<=死)x") == {"CJK"}  # the rarer of the two
    for nothing_needed in ("[^a]{3}", "x?", r"\w+", "(?!死)", "(?<![^\n])", "a*"):
        assert needed_scripts(nothing_needed) is None


def test_an_english_text_is_not_searched_with_japanese_or_korean_alternatives() -> None:
    alternation = Alternation.of(["死にたい", "살고 싶지 않", "want to die"])
    assert [needed for needed, _, _ in alternation.groups] == [{"CJK"}, {"HANGUL"}, {"a-z"}]
    searched = [
        pattern.pattern
        for needed, _, pattern in alternation.groups
        if needed is None or not needed.isdisjoint({"a-z", " "})
    ]
    assert searched == ["(?:want to die)"]
    assert not alternation.may_match("ありがとう")


def test_an_alternative_needs_a_pair_of_its_letters() -> None:
    assert needed_pairs("死にたい") == {"死に"}
    assert needed_pairs("(?:死|し)にたい") == {"にた"}
    assert needed_pairs("[0-9]+錠|くすり") == {"錠", "くす"}
    assert needed_pairs("(?=[^\n]*?(?:屋上|遺書))[^\n]*?電話に出ない") == {"電話"}  # one pair
    assert needed_pairs("(?=[^\n]*?(?:屋上|遺書))[^\n]*?x") == {"屋上", "遺書"}
    assert needed_pairs("(?:my )?friend") == {"fr"}
    assert needed_pairs("死?") is None


def test_a_text_without_the_pairs_an_alternation_needs_is_not_searched() -> None:
    alternation = Alternation.of(["死にたい", "消えたい"])
    assert alternation.may_match("もう死にたい")
    assert not alternation.may_match("死ぬほど笑った、消しゴムも")


def test_the_elements_and_rules_keep_their_whole_patterns() -> None:
    for element in load_elements():
        for alternation in (element.words, element.lemmas):
            if alternation is not None:
                assert alternation.pattern == "|".join(f"(?:{p})" for p in alternation.alternatives)
        if element.plain_words is not None:
            assert element.words is not None
            assert element.plain_words.pattern == plain(element.words.pattern)
    for rule in crisis.load_rules().rules:
        assert len(rule.pattern.groups) >= 1


def test_an_element_known_from_a_sentence_is_not_looked_for_again() -> None:
    assert "wish" not in found_elements("今日は晴れ")
    assert "wish" in found_elements("今日は晴れ", frozenset({"wish"}))
    text = "仕事は順調です。でも夜になると消えたいと思う。明日も早い。"
    per_sentence = [found_elements(s) for s in urgency.sentences(text)]
    assert urgency.message_elements(text)[0] >= frozenset().union(*per_sentence)


def test_the_ngrams_of_a_text_are_read_once_per_grade() -> None:
    text = "もう限界です、消えたい"
    with reading():
        assert ngrams(text) is ngrams(text)
    assert isinstance(ngrams(text), frozenset)


def test_the_ngram_weights_are_one_matrix_summed_as_the_arrays_were() -> None:
    weights = {"死": [0.5, -0.25, 0, 0, 0, 1e-3], "死に": [0.125, 0, 0, 0, 0, 2], "x": [1] * 6}
    model = Model((), np.zeros((6, 512)), weights, np.zeros(6), (0.5,) * 5, "")
    assert isinstance(model.ngrams, NgramWeights)
    assert model.ngrams.matrix.shape == (3, 6)
    total = model.ngrams.total(["死に", "死", "ない"])
    assert total is not None
    expected = np.sum([np.array(weights[g], dtype=np.float32) for g in ("死に", "死")], axis=0)
    assert total.tolist() == expected.tolist()
    assert model.ngrams.total(["ない"]) is None
    assert dict(model.as_dict()["ngrams"])["死"] == [0.5, -0.25, 0.0, 0.0, 0.0, 0.001]


def test_the_romaji_reading_of_a_sentence_is_made_once_per_grade() -> None:
    from tsunagari.navigator import romaji

    with reading():
        assert romaji.reading("mou shinitai") is romaji.reading("mou shinitai") is not None
