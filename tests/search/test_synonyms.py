"""The thesaurus: read with line-numbered errors, covering every need."""

from __future__ import annotations

from pathlib import Path

import pytest

from tsunagari.directory.taxonomy import load_taxonomy
from tsunagari.search.synonyms import ThesaurusError, load_thesaurus, read_thesaurus


def test_every_need_has_a_synonym_group() -> None:
    covered = {group.need for group in load_thesaurus().groups}
    assert set(load_taxonomy().needs) - covered == set()


def test_the_bundled_groups_have_at_least_two_searchable_words() -> None:
    for group in load_thesaurus().groups:
        assert len(group.synonyms) >= 2, group.line


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("イジメ", "bullying"),
        ("死にたい", "自殺"),
        ("DV", "domestic violence"),
        ("殴る", "DV"),
        ("ひきこもり", "hikikomori"),
    ],
)
def test_a_word_finds_its_group(word: str, expected: str) -> None:
    from tsunagari.search.words import words

    groups = load_thesaurus().groups_for_terms(tuple(w.lemma for w in words(word)))
    assert any(expected in [s.word for s in g.synonyms] for g in groups)


def test_kana_the_dictionary_misreads_finds_its_group_by_reading() -> None:
    (group,) = load_thesaurus().groups_for_reading("じさつ")
    assert group.need == "crisis"


def test_misread_kana_is_not_a_key_for_its_pieces() -> None:
    # いくじ (育児) reads as 行く + じ: 行く must not expand to parenting.
    assert load_thesaurus().groups_for_terms(("行く",)) == []


def test_mistakes_are_reported_with_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "synonyms.yaml"
    path.write_text(
        "groups:\n"
        "  - need: no-such-need\n"
        "    words: [いじめ, イジメ]\n"
        "  - words: [ひとつ]\n"
        "  - words: [いじめ, の]\n"
        "    colour: red\n",
        encoding="utf-8",
    )
    with pytest.raises(ThesaurusError) as raised:
        read_thesaurus(path)
    message = str(raised.value)
    assert f"{path}:2: need 'no-such-need' is not in data/taxonomy.yaml" in message
    assert f"{path}:4: `words` must list at least two words" in message
    assert f"{path}:5: unknown field(s): colour" in message


def test_a_file_without_groups_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "synonyms.yaml"
    path.write_text("- いじめ\n", encoding="utf-8")
    with pytest.raises(ThesaurusError, match="expected a mapping with a `groups:` list"):
        read_thesaurus(path)


def test_a_word_knows_the_longer_words_of_other_groups_that_hold_it() -> None:
    inside = load_thesaurus().inside
    assert ("young", "carer") in [longer for _group, longer in inside[("carer",)]]
    assert ("介護保険",) in [longer for _group, longer in inside[("介護",)]]


def test_a_phrase_is_not_a_longer_word() -> None:
    """窓口相談 and 親の介護 are words that stand alone: 相談 and 親 are not inside them."""
    inside = load_thesaurus().inside
    assert ("窓口", "相談") not in [longer for _group, longer in inside.get(("相談",), [])]
    assert ("親", "介護") not in [longer for _group, longer in inside.get(("親",), [])]
