"""つなぎ by the person's area: the organisations a counsellor may refer to are those of the
directory serving the area the person chose to tell, their municipality's first, then their
prefecture's, then nationwide ones; an organisation limited to another area never."""

from __future__ import annotations

import pytest
from django.test import Client

from tests.factories import create_organization, create_service
from tests.personas import Personas
from tsunagari.desk import conversations, referrals
from tsunagari.desk.models import Conversation, Referral
from tsunagari.directory.models import Organization
from tsunagari.staff.models import Body
from tsunagari.staff.roles import Kind

pytestmark = pytest.mark.django_db


def _receiver(slug: str, name: str, *areas: tuple[str, str]) -> Organization:
    """A directory organisation whose staff receive referrals, serving `areas`."""
    organisation = create_organization(slug, name=name)
    create_service(f"{slug}-service", organization=organisation, areas=areas)
    Body.objects.create(kind=Kind.ORGANISATION, code=slug, name=name)
    return organisation


@pytest.fixture
def directory() -> dict[str, Organization]:
    return {
        "national": _receiver("zenkoku", "全国つながりネット", ("nationwide", "")),
        "tokyo": _receiver("tokyo-net", "東京ささえあい", ("prefecture", "13")),
        "chiyoda": _receiver("chiyoda-salon", "千代田ひだまり", ("municipality", "131016")),
        "osaka": _receiver("osaka-net", "大阪よりそい", ("prefecture", "27")),
        "minato": _receiver("minato-salon", "港区いばしょ", ("municipality", "131032")),
    }


def _claimed(personas: Personas, area: str = "") -> tuple[Client, Conversation, Client]:
    person = Client()
    person.post("/desk/start/", {"text": "近くで話せる場所を探しています"})
    if area:
        assert person.post("/desk/chat/area/", {"area": area}).status_code == 302
    conversation = Conversation.objects.get()
    conversations.claim(conversation, personas.counsellor)
    counsellor = Client()
    counsellor.force_login(personas.counsellor)
    return person, conversation, counsellor


def test_the_municipality_comes_first_then_the_prefecture_then_nationwide(
    personas: Personas, directory: dict[str, Organization]
) -> None:
    _person, conversation, counsellor = _claimed(personas, "千代田区")
    found = referrals.receivers_for(conversation.place)
    assert [o.slug for o, _tier in found] == ["chiyoda-salon", "tokyo-net", "zenkoku"]
    page = counsellor.get(f"/staff/desk/{conversation.pk}/").content.decode()
    assert "東京都千代田区" in page
    positions = [page.index(o.name) for o in (directory[k] for k in ("chiyoda", "tokyo"))]
    assert positions == sorted(positions) and page.index("全国つながりネット") > positions[-1]


def test_an_organisation_of_another_area_is_never_offered_nor_accepted(
    personas: Personas, directory: dict[str, Organization]
) -> None:
    _person, conversation, counsellor = _claimed(personas, "千代田区")
    page = counsellor.get(f"/staff/desk/{conversation.pk}/").content.decode()
    assert "大阪よりそい" not in page and "港区いばしょ" not in page
    for other in (directory["osaka"], directory["minato"]):
        response = counsellor.post(
            f"/staff/desk/{conversation.pk}/refer/",
            {"organisation": other.pk, "fields": ["summary"], "summary": "居場所を希望"},
        )
        assert response.status_code == 400
    assert not Referral.objects.exists()


def test_a_prefecture_told_offers_its_organisations_but_no_municipalitys(
    personas: Personas, directory: dict[str, Organization]
) -> None:
    _person, conversation, _counsellor = _claimed(personas, "大阪府")
    found = referrals.receivers_for(conversation.place)
    assert [(o.slug, tier) for o, tier in found] == [("osaka-net", 1), ("zenkoku", 0)]


def test_without_an_area_told_only_nationwide_organisations_are_offered(
    personas: Personas, directory: dict[str, Organization]
) -> None:
    _person, conversation, counsellor = _claimed(personas)
    assert [o.slug for o, _t in referrals.receivers_for(conversation.place)] == ["zenkoku"]
    page = counsellor.get(f"/staff/desk/{conversation.pk}/").content.decode()
    assert "相談者はまだ地域を伝えていません" in page and "東京ささえあい" not in page


def test_the_person_tells_their_area_by_name_or_postcode_and_can_take_it_back(
    personas: Personas,
) -> None:
    person, conversation, _counsellor = _claimed(personas, "〒100-0001")  # 千代田区千代田
    conversation.refresh_from_db()
    assert conversation.area_code == "131016"
    assert "東京都千代田区" in person.get("/desk/chat/").content.decode()
    unknown = person.post("/desk/chat/area/", {"area": "どこでもない町"})
    assert unknown.status_code == 400 and "地域が見つかりませんでした" in unknown.content.decode()
    person.post("/desk/chat/area/", {"clear": "1"})
    conversation.refresh_from_db()
    assert conversation.area_code == ""
