"""The local tier holds only what answers the need: a place's own service comes first where it
serves the words' rare concepts (or the need read) as well as the nation's best, and never
for a common word alone; the navigator puts first only local services near the best score."""

from __future__ import annotations

import pytest

from tests.factories import create_service
from tests.navigator.conftest import NOON
from tsunagari.directory.areas import resolve_place
from tsunagari.directory.models import Service
from tsunagari.navigator.finder import find
from tsunagari.navigator.navigate import navigate
from tsunagari.search.engine import Filters

pytestmark = pytest.mark.django_db

MAEBASHI = (("municipality", "102016"),)
KAIGO_LINE = "ninchisho-kazoku-no-kai-denwa"  # nationwide: dementia and the family's care
HOUKATSU = "chiiki-houkatsu-shien-center"
LOCAL, PLACE = Service.Scope.LOCAL, Service.Scope.PLACE
MAEBASHI_ENTRIES = (
    ("maebashi-ninchisho", "前橋市 もの忘れ・認知症の相談", LOCAL,
     ("dementia", "caregiver", "elderly"), "認知症の心配や家族の介護の悩みを保健師が聞きます。"),
    ("maebashi-kurashi", "前橋市 くらしの総合相談窓口", LOCAL, ("community", "loneliness"),
     "親のこと、家族のこと、暮らしの困りごとを何でも聞く市の窓口です。"),
    ("maebashi-ibasho", "前橋 若者の居場所", PLACE, ("youth", "loneliness"),
     "若者が気軽に立ち寄れる居場所です。スタッフに話もできます。"),
    ("maebashi-saimu", "前橋市 多重債務・借金の相談", LOCAL, ("poverty", "consumer"),
     "借金の返済に困っている人の相談を、市の消費生活センターが受けます。"),
)  # fmt: skip


@pytest.fixture
def maebashi(directory: None) -> None:
    """The bundled directory, and four of 前橋市's own entries beside its prefecture's."""
    for slug, name, scope, needs, description in MAEBASHI_ENTRIES:
        create_service(
            slug, name=name, description=description, scope=scope, needs=needs, areas=MAEBASHI
        )


def _found(query: str, place: str = "前橋市") -> list[str]:
    filters = Filters(place=resolve_place(place))
    return [hit.slug for hit in find(query, filters, now=NOON).results.hits]


def _navigated(text: str, place: str = "前橋市") -> list[str]:
    return [r["slug"] for r in navigate(text, place=place, now=NOON).results]


@pytest.mark.usefixtures("maebashi")
def test_a_local_service_for_the_need_comes_before_the_nations() -> None:
    for slugs in (_found("親の認知症が心配"), _navigated("認知症の父の世話で疲れ果てた")):
        assert slugs.index("maebashi-ninchisho") < slugs.index(KAIGO_LINE)


@pytest.mark.usefixtures("maebashi")
def test_a_local_window_sharing_a_common_word_stays_below_the_nations() -> None:
    slugs = _found("親の認知症が心配")
    assert KAIGO_LINE in slugs
    assert "maebashi-kurashi" not in slugs[: slugs.index(KAIGO_LINE)]


@pytest.mark.usefixtures("maebashi")
def test_a_youth_place_does_not_answer_a_debt_question_before_the_debt_windows() -> None:
    slugs = _found("若者ですが借金が返せない")
    assert slugs[0] == "maebashi-saimu"  # the town's own debt window does
    nationwide_debt = [s for s in slugs[1:5] if not s.startswith("maebashi-")]
    assert nationwide_debt
    if "maebashi-ibasho" in slugs:
        assert slugs.index("maebashi-ibasho") > slugs.index(nationwide_debt[0])


@pytest.mark.usefixtures("maebashi")
def test_the_prefectures_mental_health_centre_does_not_lead_an_answer_about_dementia() -> None:
    slugs = _navigated("認知症の父の世話で疲れ果てた")
    assert "gunma-kokoro-no-kenko-center" not in slugs[: slugs.index(KAIGO_LINE)]


@pytest.mark.usefixtures("directory")
@pytest.mark.parametrize("place", ["盛岡市", "合志市", "愛知県", "札幌市"])
@pytest.mark.parametrize("text", ["認知症の父の世話で疲れ果てた", "親の介護に疲れた"])
def test_the_community_support_centre_comes_up_for_dementia_and_care_in_any_place(
    place: str, text: str
) -> None:
    assert HOUKATSU in _navigated(text, place)  # the navigator's five
    assert HOUKATSU in _found(text, place)[:10]
