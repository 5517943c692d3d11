"""A synonym does not match inside another group's longer word in a short field (name,
keywords): carer, a synonym of 介護, is not the carer of "young carer"."""

from __future__ import annotations

import pytest

from tests.factories import create_service
from tsunagari.search.engine import search

pytestmark = pytest.mark.django_db


@pytest.fixture
def services() -> None:
    create_service(
        "young-carers",
        name="こどもの家事の相談",
        name_en="Young carer support",
        keywords=["young carer"],
        needs=("child-worries",),
    )
    create_service(
        "carers",
        name="家族の支え",
        name_en="Carer support",
        needs=("child-worries",),
    )
    create_service(
        "young-carers-elsewhere",
        name="こどもの家事の相談",
        name_en="Help at home",
        keywords=["young carer"],
        description_en="Support for carers of every age.",
        needs=("child-worries",),
    )


@pytest.mark.usefixtures("services")
def test_a_synonym_inside_another_groups_longer_word_does_not_match() -> None:
    slugs = [hit.slug for hit in search("介護").hits]
    assert "carers" in slugs
    assert "young-carers" not in slugs


@pytest.mark.usefixtures("services")
def test_the_explanation_says_no_more_than_the_index_matched() -> None:
    """carer stands alone in the description, and only inside young carer in the keywords."""
    (hit,) = [hit for hit in search("介護").hits if hit.slug == "young-carers-elsewhere"]
    assert hit.matched == ("carer",)
    assert hit.fields == ("description",)


@pytest.mark.usefixtures("services")
def test_the_longer_word_of_a_need_read_in_the_words_matches() -> None:
    """Read as a young carer's words, young carer is no other group's word."""
    slugs = [hit.slug for hit in search("介護", local_first=("young-carer",)).hits]
    assert "young-carers" in slugs
