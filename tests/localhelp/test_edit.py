"""An NPO editor edits its own place (reviewed by the municipality it is in) and cannot
touch another organisation's."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.test import Client

from tests.factories import create_service
from tests.personas import Personas, body
from tsunagari.directory.models import Service
from tsunagari.localhelp.models import Proposal
from tsunagari.staff.models import AuditEntry

pytestmark = pytest.mark.django_db


def _client(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _place(slug: str, owner: str) -> Service:
    service = create_service(
        slug,
        name="あかりの居場所",
        scope=Service.Scope.PLACE,
        needs=("community",),
        methods=("in-person",),
        areas=(("municipality", "131016"),),
    )
    service.owner = body(owner)
    service.save()
    return service


def _form(**changes: str) -> dict[str, str]:
    return {"name": "あかりの居場所", "description": "話せる場所です。", **changes}


def test_the_npo_edits_its_own_place_and_chiyoda_publishes_it(personas: Personas) -> None:
    _place("akari-ibasho", "akari")
    response = _client(personas.npo_editor).post(
        "/staff/local/entries/akari-ibasho/",
        _form(address="東京都千代田区1-1", postcode="100-0001"),
    )
    proposal = Proposal.objects.get()
    assert response.status_code == 302 and proposal.state == Proposal.State.SUBMITTED
    assert Service.objects.get(slug="akari-ibasho").address == ""  # not before review
    # Another NPO may not decide it; the municipality of the place does.
    other = _client(personas.other_npo_editor)
    assert other.post(f"/staff/local/proposals/{proposal.pk}/publish/").status_code == 404
    _client(personas.municipal).post(f"/staff/local/proposals/{proposal.pk}/publish/")
    assert Service.objects.get(slug="akari-ibasho").address == "東京都千代田区1-1"
    assert AuditEntry.objects.filter(action="localhelp.service.published").exists()


def test_an_npo_cannot_touch_another_organisations_place(personas: Personas) -> None:
    _place("hidamari-ibasho", "hidamari")
    client = _client(personas.npo_editor)
    assert client.get("/staff/local/entries/hidamari-ibasho/").status_code == 404
    assert client.post("/staff/local/entries/hidamari-ibasho/", _form()).status_code == 404
    assert not Proposal.objects.exists()


def test_a_bad_postcode_is_a_400_naming_the_field(personas: Personas) -> None:
    _place("akari-ibasho", "akari")
    response = _client(personas.npo_editor).post(
        "/staff/local/entries/akari-ibasho/", _form(postcode="1000001")
    )
    assert response.status_code == 400 and "123-4567" in response.content.decode()
    assert not Proposal.objects.exists()


def test_a_get_writes_nothing(personas: Personas) -> None:
    _place("akari-ibasho", "akari")
    before = AuditEntry.objects.count()
    client = _client(personas.npo_editor)
    assert client.get("/staff/local/entries/akari-ibasho/").status_code == 200
    assert client.get("/staff/local/").status_code == 200
    assert AuditEntry.objects.count() == before and not Proposal.objects.exists()


def test_a_municipalitys_staff_cannot_edit_or_publish_another_municipalitys_entry(
    personas: Personas,
) -> None:
    window = create_service(
        "chiyoda-hokatsu",
        name="千代田区の相談窓口",
        scope=Service.Scope.LOCAL,
        needs=("loneliness",),
        methods=("phone",),
        areas=(("municipality", "131016"),),
    )
    window.owner = body("chiyoda")
    window.save()
    osaka = _client(personas.other_municipal)
    assert osaka.get("/staff/local/entries/chiyoda-hokatsu/").status_code == 404
    changed = {"name": "千代田区の相談窓口", "description": "書き換え", "address": "大阪市"}
    assert osaka.post("/staff/local/entries/chiyoda-hokatsu/", changed).status_code == 404
    assert not Proposal.objects.exists()
    # Chiyoda's own proposal cannot be published from Osaka either.
    _client(personas.municipal).post("/staff/local/entries/chiyoda-hokatsu/", changed)
    proposal = Proposal.objects.get()
    assert osaka.post(f"/staff/local/proposals/{proposal.pk}/publish/").status_code == 404
    assert Service.objects.get(slug="chiyoda-hokatsu").address == ""
