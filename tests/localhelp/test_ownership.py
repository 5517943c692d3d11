"""Who may write which entry, checked on the preview and again when publishing: an
organisation never adopts an official window nobody owns; a municipality adopts only those
of its own area; an id taken by another body since the preview is not published."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from tests.factories import create_service
from tests.localhelp.conftest import ROW, csv_file
from tests.personas import Personas, body
from tsunagari.directory.models import Service
from tsunagari.localhelp.models import Proposal

pytestmark = pytest.mark.django_db


def _client(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _upload(user: User, owner: str, content: bytes) -> object:
    return _client(user).post(
        "/staff/local/upload/",
        {"body": body(owner).pk, "file": SimpleUploadedFile("list.csv", content)},
    )


def _official_window() -> Service:
    """千代田区's window from the national seed: local, no owner yet."""
    return create_service(
        "chiyoda-official-window",
        name="千代田区の相談窓口",
        scope=Service.Scope.LOCAL,
        needs=("loneliness",),
        methods=("phone",),
        areas=(("municipality", "131016"),),
    )


TAKEOVER = {**ROW, "ID": "chiyoda-official-window", "種別": "窓口", "名称": "乗っ取り"}


def test_an_npo_cannot_take_over_an_official_window_nobody_owns(personas: Personas) -> None:
    _official_window()
    response = _upload(personas.npo_editor, "akari", csv_file(TAKEOVER))
    assert response.status_code == 400
    assert "2行目「ID」" in response.content.decode()
    assert not Proposal.objects.exists()
    window = Service.objects.get(slug="chiyoda-official-window")
    assert window.owner is None and window.name == "千代田区の相談窓口"


def test_another_municipality_cannot_adopt_it_by_moving_its_area(personas: Personas) -> None:
    _official_window()
    moved = {**TAKEOVER, "地域コード": "271004", "住所": "大阪市北区"}
    response = _upload(personas.other_municipal, "osaka", csv_file(moved))
    assert response.status_code == 400 and "2行目「ID」" in response.content.decode()
    assert not Proposal.objects.exists()


def test_the_municipality_of_the_window_adopts_it(personas: Personas) -> None:
    _official_window()
    adopted = {**TAKEOVER, "名称": "千代田区の相談窓口"}
    assert _upload(personas.municipal, "chiyoda", csv_file(adopted)).status_code == 302
    assert Proposal.objects.get().summary["change"] == 1


def _submitted(personas: Personas, content: bytes) -> Proposal:
    assert _upload(personas.municipal, "chiyoda", content).status_code == 302
    proposal = Proposal.objects.get(state=Proposal.State.DRAFT)
    _client(personas.municipal).post(f"/staff/local/proposals/{proposal.pk}/submit/")
    return proposal


def test_an_id_taken_by_another_body_since_the_preview_is_not_published(
    personas: Personas, chiyoda_colleague: User
) -> None:
    proposal = _submitted(personas, csv_file(ROW))
    place = _another_body_publishes_the_same_new_id()  # meanwhile, since the preview
    response = _client(chiyoda_colleague).post(
        f"/staff/local/proposals/{proposal.pk}/publish/", follow=True
    )
    place.refresh_from_db()
    assert place.owner == body("akari") and place.name == "あかりの居場所"
    assert Proposal.objects.get(pk=proposal.pk).state == Proposal.State.SUBMITTED
    page = response.content.decode()
    assert f"ID {ROW['ID']}" in page and "別の所属が管理している窓口のIDです" in page


def test_the_pages_show_what_happened(personas: Personas, chiyoda_colleague: User) -> None:
    proposal = _submitted(personas, csv_file(ROW))
    response = _client(chiyoda_colleague).post(
        f"/staff/local/proposals/{proposal.pk}/publish/", follow=True
    )
    assert "公開しました。" in response.content.decode()
    again = _client(chiyoda_colleague).post(
        f"/staff/local/proposals/{proposal.pk}/publish/", follow=True
    )
    assert 'role="alert"' in again.content.decode()
    assert "この申請はもう確認済みです。" in again.content.decode()


def _another_body_publishes_the_same_new_id() -> Service:
    """NPOあかり's place with the proposal's new id, written as its own publish would."""
    place = create_service(
        ROW["ID"],
        name="あかりの居場所",
        scope=Service.Scope.PLACE,
        needs=("community",),
        methods=("in-person",),
        areas=(("municipality", "131016"),),
    )
    Service.objects.filter(pk=place.pk).update(owner=body("akari"))
    return place


@pytest.mark.parametrize("moment", ["after-the-lock", "while-inserting"])
def test_a_new_id_published_by_another_body_at_the_same_instant_is_refused_by_name(
    personas: Personas, chiyoda_colleague: User, monkeypatch: pytest.MonkeyPatch, moment: str
) -> None:
    """Two publishes of the same new id: neither has a row to lock, both pass the check. The
    other one's row appears after this one locked (it committed first), or while this one
    inserts (its insert waits on the unique slug, then fails): refused, the id named, this
    proposal still waiting and nothing of it written (the other's row, made inside this
    test's transaction, goes with it; before, it was taken over and published)."""
    from tsunagari.localhelp import workflow

    proposal = _submitted(personas, csv_file(ROW))
    if moment == "after-the-lock":
        checked = workflow.check

        def check_then_race(*args: object) -> object:
            found = checked(*args)  # type: ignore[arg-type]
            _another_body_publishes_the_same_new_id()
            return found

        monkeypatch.setattr(workflow, "check", check_then_race)
    else:
        written = workflow.write_service

        def race_then_write(*args: object, **kwargs: object) -> Service:
            _another_body_publishes_the_same_new_id()
            return written(*args, **kwargs)  # type: ignore[arg-type]

        monkeypatch.setattr(workflow, "write_service", race_then_write)
    response = _client(chiyoda_colleague).post(
        f"/staff/local/proposals/{proposal.pk}/publish/", follow=True
    )
    assert Proposal.objects.get(pk=proposal.pk).state == Proposal.State.SUBMITTED
    assert not Service.objects.filter(slug=ROW["ID"], owner=body("chiyoda")).exists()
    page = response.content.decode()
    assert f"ID {ROW['ID']}" in page and "同じ時に別の公開で作られました" in page
