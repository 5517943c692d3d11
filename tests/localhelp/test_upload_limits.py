"""An upload past a limit (20 MB, 20,000 rows, 5,000 entries, a cell's length) or broken in
a way a reader trips on is refused whole with what is wrong, and nothing is written."""

from __future__ import annotations

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from tests.localhelp.conftest import ROW, csv_file
from tests.personas import Personas, body
from tsunagari.directory.models import Service
from tsunagari.localhelp import limits
from tsunagari.localhelp.models import Proposal

pytestmark = pytest.mark.django_db


def _refused(personas: Personas, content: bytes, name: str = "list.csv") -> str:
    client = Client()
    client.force_login(personas.municipal)
    response = client.post(
        "/staff/local/upload/",
        {"body": body("chiyoda").pk, "file": SimpleUploadedFile(name, content)},
    )
    assert response.status_code == 400
    assert not Proposal.objects.exists() and not Service.objects.filter(scope="place").exists()
    return response.content.decode()


def test_a_file_over_20_mb_is_refused_naming_its_size(personas: Personas) -> None:
    page = _refused(personas, b"x" * (limits.MAX_FILE_BYTES + 1))
    assert "ファイルが大きすぎます（20.0 MB、上限 20 MB）" in page


def test_more_than_20000_rows_are_refused(personas: Personas) -> None:
    rows = [{"ID": f"x-{i}"} for i in range(limits.MAX_ROWS + 1)]
    page = _refused(personas, csv_file(*rows))
    assert "行が多すぎます（20,000 行を超えています）" in page


def test_blank_rows_are_not_counted(personas: Personas) -> None:
    content = csv_file(ROW) + b",\r\n" * (limits.MAX_ROWS + 10)
    client = Client()
    client.force_login(personas.municipal)
    response = client.post(
        "/staff/local/upload/",
        {"body": body("chiyoda").pk, "file": SimpleUploadedFile("list.csv", content)},
    )
    assert response.status_code == 302 and Proposal.objects.get().summary["add"] == 1


def test_more_than_5000_entries_are_refused(personas: Personas) -> None:
    rows = [
        {**ROW, "ID": f"chiyoda-place-{i}", "名称": f"居場所{i}"}
        for i in range(limits.MAX_ENTRIES + 1)
    ]
    page = _refused(personas, csv_file(*rows))
    assert "窓口・居場所が多すぎます（5,001 件、上限 5,000 件）" in page


def test_a_cell_past_its_length_is_named_by_row_and_column(personas: Personas) -> None:
    long = {**ROW, "ID": "x" * 81, "説明": "あ" * (limits.MAX_CELL_CHARS + 1)}
    page = _refused(personas, csv_file(ROW | {"ID": "fine"}, long))
    assert "3行目「ID」: 長すぎます（81 文字、上限 80 文字）" in page
    assert "3行目「説明」: 長すぎます（5,001 文字、上限 5,000 文字）" in page


def test_a_csv_cell_past_what_the_reader_takes_is_a_clear_error(personas: Personas) -> None:
    content = csv_file(ROW | {"説明": "あ" * 200_000})
    assert "CSV の 2 行目が読めません" in _refused(personas, content)


def test_an_xlsx_that_unpacks_to_gigabytes_is_refused_unread(personas: Personas) -> None:
    packed = io.BytesIO()
    with zipfile.ZipFile(packed, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/sharedStrings.xml", b"0" * (limits.MAX_UNPACKED_BYTES + 1))
    page = _refused(personas, packed.getvalue(), "list.xlsx")
    assert "xlsx の中身が大きすぎます（展開すると 200.0 MB" in page


@pytest.mark.parametrize(
    "content",
    [b"[" * 100_000 + b"]" * 100_000, b"[" + b"9" * 5000 + b"]", b'{"not": "a list"}'],
    ids=["nested", "huge-number", "object"],
)
def test_a_broken_hsds_file_is_a_clear_error(personas: Personas, content: bytes) -> None:
    page = _refused(personas, content, "list.json")
    assert "HSDS" in page or "項目 0" in page


def test_a_file_wrong_in_every_row_shows_the_first_problems_and_counts_the_rest(
    personas: Personas,
) -> None:
    rows = [{"ID": f"x-{i}"} for i in range(limits.MAX_ROWS)]
    page = _refused(personas, csv_file(*rows))
    assert page.count("行目「種別」") == 100 and "2行目「種別」" in page
    assert "ほかに19900件あります" in page and len(page) < 100_000
