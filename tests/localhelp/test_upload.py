"""A municipality's upload: a preview of what is added, changed and withdrawn before
anything is written; all or nothing; published only by another member of the area, and
then found first by a person there and by nobody elsewhere."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from tests.factories import create_service
from tests.localhelp.conftest import ROW, csv_file
from tests.personas import Personas
from tsunagari.directory.areas import resolve_place
from tsunagari.directory.models import Service
from tsunagari.localhelp.models import Proposal
from tsunagari.navigator.finder import find
from tsunagari.search.engine import Filters
from tsunagari.staff.models import AuditEntry

pytestmark = pytest.mark.django_db


def _client(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _upload(client: Client, content: bytes, body_pk: int, name: str = "list.csv") -> object:
    return client.post(
        "/staff/local/upload/",
        {"body": body_pk, "file": SimpleUploadedFile(name, content)},
    )


def _chiyoda(personas: Personas) -> int:
    from tests.personas import body

    return body("chiyoda").pk


def test_the_preview_writes_nothing_to_the_directory(personas: Personas) -> None:
    response = _upload(_client(personas.municipal), csv_file(ROW), _chiyoda(personas))
    proposal = Proposal.objects.get()
    assert response.status_code == 302 and response["Location"].endswith(f"/{proposal.pk}/")
    assert proposal.state == Proposal.State.DRAFT and proposal.summary["add"] == 1
    assert not Service.objects.filter(slug="chiyoda-kanda-shokudo").exists()
    page = _client(personas.municipal).get(f"/staff/local/proposals/{proposal.pk}/")
    assert "追加 1 件・変更 0 件・掲載終了 0 件" in page.content.decode()


def test_a_file_with_one_bad_row_writes_nothing_and_names_the_row(personas: Personas) -> None:
    bad = {**ROW, "ID": "second", "名称": "二つめ", "郵便番号": "1010041"}
    response = _upload(_client(personas.municipal), csv_file(ROW, bad), _chiyoda(personas))
    assert response.status_code == 400
    assert "3行目「郵便番号」" in response.content.decode()
    assert not Proposal.objects.exists() and not Service.objects.filter(scope="place").exists()


def test_a_row_outside_the_municipality_is_refused(personas: Personas) -> None:
    response = _upload(
        _client(personas.municipal), csv_file({**ROW, "地域コード": "271004"}), _chiyoda(personas)
    )
    assert response.status_code == 400
    assert "2行目「地域コード」: 千代田区の地域の外です" in response.content.decode()


def test_published_by_a_colleague_found_first_in_chiyoda_and_not_in_osaka(
    personas: Personas, chiyoda_colleague: User
) -> None:
    _upload(_client(personas.municipal), csv_file(ROW), _chiyoda(personas))
    proposal = Proposal.objects.get()
    author = _client(personas.municipal)
    author.post(f"/staff/local/proposals/{proposal.pk}/submit/")
    author.post(f"/staff/local/proposals/{proposal.pk}/publish/")  # four eyes: refused
    assert not Service.objects.filter(slug="chiyoda-kanda-shokudo").exists()
    # Osaka's staff may not even see it.
    assert (
        _client(personas.other_municipal).get(f"/staff/local/proposals/{proposal.pk}/").status_code
        == 404
    )
    _client(chiyoda_colleague).post(f"/staff/local/proposals/{proposal.pk}/publish/")
    service = Service.objects.get(slug="chiyoda-kanda-shokudo")
    assert service.owner is not None and service.owner.code == "131016"
    assert AuditEntry.objects.filter(action="localhelp.service.published").count() == 1
    chiyoda = find("こども食堂", Filters(place=resolve_place("千代田区")))
    assert chiyoda.results.hits[0].slug == "chiyoda-kanda-shokudo"
    osaka = find("こども食堂", Filters(place=resolve_place("大阪市")))
    assert "chiyoda-kanda-shokudo" not in [h.slug for h in osaka.results.hits]


def test_a_second_file_changes_and_withdraws(personas: Personas, chiyoda_colleague: User) -> None:
    second = {**ROW, "ID": "chiyoda-salon", "名称": "神田サロン", "困りごと": "community"}
    _publish(personas, chiyoda_colleague, csv_file(ROW, second))
    _upload(_client(personas.municipal), csv_file({**ROW, "費用": "無料"}), _chiyoda(personas))
    proposal = Proposal.objects.filter(state=Proposal.State.DRAFT).get()
    assert (proposal.summary["add"], proposal.summary["change"], proposal.summary["withdraw"]) == (
        0,
        1,
        1,
    )
    _client(personas.municipal).post(f"/staff/local/proposals/{proposal.pk}/submit/")
    _client(chiyoda_colleague).post(f"/staff/local/proposals/{proposal.pk}/publish/")
    assert Service.objects.get(slug="chiyoda-kanda-shokudo").fees == "無料"
    assert Service.objects.get(slug="chiyoda-salon").status == Service.Status.INACTIVE


def test_a_return_leaves_the_directory_as_it_was(
    personas: Personas, chiyoda_colleague: User
) -> None:
    _upload(_client(personas.municipal), csv_file(ROW), _chiyoda(personas))
    proposal = Proposal.objects.get()
    _client(personas.municipal).post(f"/staff/local/proposals/{proposal.pk}/submit/")
    _client(chiyoda_colleague).post(
        f"/staff/local/proposals/{proposal.pk}/return/", {"comment": "電話番号を確認してください"}
    )
    proposal.refresh_from_db()
    assert proposal.state == Proposal.State.RETURNED and "電話番号" in proposal.comment
    assert not Service.objects.filter(slug="chiyoda-kanda-shokudo").exists()


def test_outsiders_cannot_upload(personas: Personas) -> None:
    assert Client().get("/staff/local/upload/").status_code == 302
    assert _client(personas.visitor).get("/staff/local/upload/").status_code == 403
    assert _client(personas.editor).get("/staff/local/upload/").status_code == 403
    response = _upload(_client(personas.other_municipal), csv_file(ROW), _chiyoda(personas))
    assert response.status_code == 400 and not Proposal.objects.exists()


def test_the_templates_download(personas: Personas) -> None:
    client = _client(personas.municipal)
    xlsx = client.get("/staff/local/template.xlsx")
    assert xlsx.status_code == 200 and xlsx.content[:2] == b"PK"
    assert "種別" in client.get("/staff/local/template.csv").content.decode("utf-8-sig")


def _publish(personas: Personas, colleague: User, content: bytes) -> None:
    _upload(_client(personas.municipal), content, _chiyoda(personas))
    proposal = Proposal.objects.filter(state=Proposal.State.DRAFT).get()
    _client(personas.municipal).post(f"/staff/local/proposals/{proposal.pk}/submit/")
    _client(colleague).post(f"/staff/local/proposals/{proposal.pk}/publish/")


def test_an_hsds_file_is_previewed_like_the_template(personas: Personas, tmp_path: object) -> None:
    import json

    from tsunagari.directory.hsds import export_services

    place = create_service(
        "hsds-place",
        name="HSDSの居場所",
        scope=Service.Scope.PLACE,
        needs=("community",),
        methods=("in-person",),
        areas=(("municipality", "131016"),),
    )
    exported = export_services(Service.objects.with_details().filter(pk=place.pk))
    place.delete()
    content = json.dumps(exported, ensure_ascii=False).encode()
    response = _upload(_client(personas.municipal), content, _chiyoda(personas), "list.json")
    assert response.status_code == 302
    proposal = Proposal.objects.get()
    assert proposal.summary["add"] == 1 and proposal.entries[0]["id"] == "hsds-place"
    assert not Service.objects.filter(slug="hsds-place").exists()


def test_a_broken_hsds_file_names_the_item(personas: Personas) -> None:
    content = b'[{"id": "x"}]'
    response = _upload(_client(personas.municipal), content, _chiyoda(personas), "list.json")
    assert response.status_code == 400 and "項目 0" in response.content.decode()


def test_the_staff_bar_tells_a_colleague_what_waits(
    personas: Personas, chiyoda_colleague: User
) -> None:
    from tsunagari.localhelp.notices import for_user

    _upload(_client(personas.municipal), csv_file(ROW), _chiyoda(personas))
    proposal = Proposal.objects.get()
    _client(personas.municipal).post(f"/staff/local/proposals/{proposal.pk}/submit/")
    assert [n.text for n in for_user(chiyoda_colleague)] == [
        "確認を待つ地域の支援情報が1件あります"
    ]
    assert for_user(personas.municipal) == [] and for_user(personas.other_municipal) == []


def test_publishing_indexes_again_only_what_it_changed(
    personas: Personas, chiyoda_colleague: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A municipality's upload is indexed in proportion to its rows: writing the taxonomy
    and the body's provider again as they were must not re-index every service that shares
    a need (at national scale, the whole directory)."""
    others = [create_service(f"elsewhere-{i}", needs=("food", "community")).id for i in range(3)]
    from tsunagari.search import index

    marked: set[object] = set()
    mark = index.mark_changed
    monkeypatch.setattr(index, "mark_changed", lambda ids: marked.update(ids) or mark(ids))
    _publish(personas, chiyoda_colleague, csv_file(ROW))
    published = Service.objects.get(slug="chiyoda-kanda-shokudo")
    assert published.id in marked
    assert not marked & set(others)
