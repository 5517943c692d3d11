"""Local first in every answer: the person's municipality, then the prefecture, then the
nation; another area's entries never; a kind of window stands for the person's own office."""

from __future__ import annotations

import pytest

from tests.factories import create_service
from tsunagari.directory.areas import resolve_place
from tsunagari.directory.models import Service
from tsunagari.navigator.finder import find
from tsunagari.search.engine import Filters

pytestmark = pytest.mark.django_db

MAEBASHI = "102016"
TAKASAKI = "102024"
SAPPORO = "011002"


@pytest.fixture
def local_directory() -> None:
    kind = create_service(
        "chiiki-houkatsu",
        name="地域包括支援センター",
        description="高齢者と家族の介護の相談を受ける、市区町村の窓口です。",
        scope=Service.Scope.LOCAL_KIND,
        local_finder="お住まいの市区町村の窓口でたずねてください。",
        needs=("elderly", "caregiver"),
    )
    create_service(
        "national-care-line",
        name="介護の全国電話相談",
        description="介護の悩みを全国どこからでも相談できる電話です。",
        needs=("elderly", "caregiver"),
    )
    for slug, name, areas in (
        ("maebashi-houkatsu", "前橋市中央地域包括支援センター", (("municipality", MAEBASHI),)),
        ("takasaki-houkatsu", "高崎市地域包括支援センター", (("municipality", TAKASAKI),)),
        ("sapporo-houkatsu", "札幌市地域包括支援センター", (("municipality", SAPPORO),)),
    ):
        create_service(
            slug,
            name=name,
            description="高齢者と家族の介護の相談窓口です。",
            scope=Service.Scope.LOCAL,
            local_kind=kind,
            needs=("elderly", "caregiver"),
            areas=areas,
        )
    create_service(
        "gunma-care-line",
        name="群馬県介護の電話相談",
        description="県内の方の介護の相談を受けます。",
        scope=Service.Scope.LOCAL,
        needs=("elderly", "caregiver"),
        areas=(("prefecture", "10"),),
    )


def _slugs(query: str, place: str = "") -> list[str]:
    filters = Filters(place=resolve_place(place)) if place else Filters()
    return [hit.slug for hit in find(query, filters).results.hits]


@pytest.mark.usefixtures("local_directory")
@pytest.mark.parametrize("place", ["前橋市", "まえばし", "Maebashi", "Maebashi City", "371-0026"])
def test_the_persons_municipality_comes_first_then_the_prefecture_then_the_nation(
    place: str,
) -> None:
    slugs = _slugs("介護 相談", place)
    assert slugs[0] == "maebashi-houkatsu"
    assert slugs.index("gunma-care-line") < slugs.index("national-care-line")


@pytest.mark.usefixtures("local_directory")
def test_another_areas_entries_are_never_shown() -> None:
    slugs = _slugs("介護 相談", "前橋市")
    assert "sapporo-houkatsu" not in slugs and "takasaki-houkatsu" not in slugs
    sapporo = _slugs("介護 相談", "Sapporo")
    assert sapporo[0] == "sapporo-houkatsu"
    assert not {"maebashi-houkatsu", "gunma-care-line"} & set(sapporo)


@pytest.mark.usefixtures("local_directory")
def test_a_prefecture_ranks_its_own_entries_first_and_no_others() -> None:
    slugs = _slugs("介護", "群馬県")
    assert slugs[0] == "gunma-care-line"
    # A person who named only the prefecture may live in any of its towns: one town's
    # window is not theirs to be sent to.
    assert not {"maebashi-houkatsu", "takasaki-houkatsu", "sapporo-houkatsu"} & set(slugs)


@pytest.mark.usefixtures("local_directory")
def test_without_a_place_no_local_entry_is_shown() -> None:
    slugs = _slugs("介護 相談")
    assert "national-care-line" in slugs
    assert not {"maebashi-houkatsu", "sapporo-houkatsu", "gunma-care-line"} & set(slugs)


@pytest.mark.usefixtures("local_directory")
def test_a_place_named_in_the_words_is_the_persons_place() -> None:
    slugs = _slugs("前橋市 介護")
    assert slugs[0] == "maebashi-houkatsu"
    assert "sapporo-houkatsu" not in slugs


@pytest.mark.usefixtures("local_directory")
def test_a_kind_of_window_resolves_to_the_persons_own_office() -> None:
    slugs = _slugs("地域包括支援センター", "前橋市")
    assert "chiiki-houkatsu" not in slugs
    assert slugs[0] == "maebashi-houkatsu"
    # Where the directory has no office of the kind, the kind says how to find one.
    assert "chiiki-houkatsu" in _slugs("地域包括支援センター", "千代田区")


@pytest.mark.usefixtures("local_directory")
@pytest.mark.parametrize("place", ["前橋市", "Maebashi"])
def test_the_navigator_answers_with_the_persons_own_office_first(place: str) -> None:
    from tsunagari.navigator.navigate import navigate

    slugs = [r["slug"] for r in navigate("母の介護で疲れています", place=place).results]
    assert slugs[0] == "maebashi-houkatsu"
    assert "chiiki-houkatsu" not in slugs  # the kind gives way to the office
    assert not {"sapporo-houkatsu", "takasaki-houkatsu"} & set(slugs)


@pytest.mark.usefixtures("local_directory")
def test_the_navigator_shows_no_local_entry_without_a_place() -> None:
    from tsunagari.navigator.navigate import navigate

    slugs = [r["slug"] for r in navigate("母の介護で疲れています").results]
    assert "chiiki-houkatsu" in slugs
    assert not [s for s in slugs if s != "chiiki-houkatsu" and s.endswith("houkatsu")]
    in_words = [r["slug"] for r in navigate("前橋に住む母の介護で疲れています").results]
    assert in_words[0] == "maebashi-houkatsu"
