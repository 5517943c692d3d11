"""The themes and life stages cover the taxonomy's needs and name only real codes."""

from collections import Counter

from tsunagari.directory.taxonomy import load_taxonomy
from tsunagari.web.catalogue import CRISIS_NEEDS, LIFE_STAGES, NEED_GROUPS


def test_every_need_belongs_to_exactly_one_theme() -> None:
    counts = Counter(code for group in NEED_GROUPS for code in group.needs)
    assert sorted(counts) == sorted(load_taxonomy().needs)
    assert [code for code, n in counts.items() if n > 1] == []


def test_life_stages_name_only_codes_of_the_taxonomy() -> None:
    taxonomy = load_taxonomy()
    for stage in LIFE_STAGES:
        assert set(stage.needs) <= set(taxonomy.needs), stage.code
        assert set(stage.audiences) <= set(taxonomy.audiences), stage.code


def test_every_need_is_reachable_from_some_life_stage_or_theme() -> None:
    staged = {code for stage in LIFE_STAGES for code in stage.needs}
    assert CRISIS_NEEDS & staged
    assert len(staged) >= len(load_taxonomy().needs) * 3 // 4


def test_the_seeds_stages_are_there_in_order_of_life() -> None:
    assert [stage.code for stage in LIFE_STAGES] == [
        "children",
        "youth",
        "working-age",
        "parenting",
        "older-age",
        "any-age",
    ]
