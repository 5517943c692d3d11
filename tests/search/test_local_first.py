"""`search(local_first=…)`: one parameter for the local tier — the needs read in the words
(a place's own service for one of them joins the tier), () for the tier on the words alone,
None for no tier (services where their words put them)."""

from __future__ import annotations

import pytest

from tests.factories import create_service
from tsunagari.directory.areas import resolve_place
from tsunagari.search.engine import Filters, search

pytestmark = pytest.mark.django_db

MAEBASHI = (("municipality", "102016"),)


@pytest.fixture
def services() -> None:
    """A nationwide line holding both rare words of 認知症 徘徊, a 前橋市 window holding one
    of them and serving dementia, and enough others for both words to be rare."""
    create_service(
        "nation", name="認知症と徘徊の家族の電話", description="認知症で徘徊する家族の相談。"
    )
    create_service(
        "maebashi",
        name="前橋市 もの忘れ相談",
        description="認知症の相談を保健師が聞きます。",
        needs=("dementia",),
        areas=MAEBASHI,
        scope="local",
    )
    for i in range(20):
        create_service(f"other-{i}", name=f"ほかの窓口{i}")


def _slugs(local_first: tuple[str, ...] | None) -> list[str]:
    filters = Filters(place=resolve_place("前橋市"))
    return [h.slug for h in search("認知症 徘徊", filters, local_first=local_first).hits]


@pytest.mark.usefixtures("services")
def test_a_local_service_for_a_need_read_joins_the_tier() -> None:
    assert _slugs(("dementia",))[:2] == ["maebashi", "nation"]


@pytest.mark.usefixtures("services")
def test_on_the_words_alone_a_local_service_holding_fewer_rare_words_stays_below() -> None:
    assert _slugs(())[:2] == ["nation", "maebashi"]
    assert _slugs(None)[:2] == ["nation", "maebashi"]


@pytest.fixture
def care_services() -> None:
    """A nationwide line for family carers; a 前橋市 council that says 介護 (a synonym of
    親の介護) for its older people; a 前橋市 window serving family carers; and others."""
    create_service(
        "nation-carers",
        name="親の介護の電話相談",
        description="親の介護をしている家族の相談。",
        needs=("caregiver",),
    )
    create_service(
        "maebashi-council",
        name="前橋市 地域の支え合い",
        description="高齢者の暮らしと介護、地域の居場所。",
        needs=("elderly", "community"),
        areas=MAEBASHI,
        scope="local",
    )
    create_service(
        "maebashi-carers",
        name="前橋市 家族のつどい",
        description="家族のつどいです。",
        needs=("caregiver",),
        areas=MAEBASHI,
        scope="local",
    )
    for i in range(20):
        create_service(f"other-{i}", name=f"ほかの窓口{i}")


def _care_slugs(local_first: tuple[str, ...]) -> list[str]:
    filters = Filters(place=resolve_place("前橋市"))
    return [h.slug for h in search("親の介護", filters, local_first=local_first).hits]


@pytest.mark.usefixtures("care_services")
def test_a_synonym_of_the_words_does_not_bring_a_local_service_into_the_tier() -> None:
    slugs = _care_slugs(("caregiver",))
    assert slugs.index("nation-carers") < slugs.index("maebashi-council")


@pytest.mark.usefixtures("care_services")
def test_a_need_counts_for_the_tier_only_when_the_navigator_read_it() -> None:
    assert _care_slugs(("caregiver",))[0] == "maebashi-carers"
    slugs = _care_slugs(())
    assert slugs.index("nation-carers") < slugs.index("maebashi-carers")
