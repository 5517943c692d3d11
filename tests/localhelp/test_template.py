"""The upload template: Japanese headers, xlsx and CSV alike, every problem named by its
row and column, and nothing read from a file that is not the template."""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook

from tests.localhelp.conftest import ROW, csv_file
from tests.personas import Personas
from tsunagari.localhelp.changes import Rejected
from tsunagari.localhelp.template import (
    UploadError,
    problem_text,
    read_upload,
    template_csv,
    template_xlsx,
)

pytestmark = pytest.mark.django_db


def test_the_xlsx_template_has_japanese_headers_and_reads_back(personas: Personas) -> None:
    book = load_workbook(io.BytesIO(template_xlsx()))
    headers = [cell.value for cell in book.active[1]]
    assert headers[:4] == ["ID", "種別", "窓口の種類", "名称"]
    assert "電話番号" in headers and "情報源URL" in headers
    found = read_upload("template.xlsx", template_xlsx(), _chiyoda(personas))
    assert [e.name for e in found.entries] == ["かんだこども食堂"]


def test_the_csv_template_opens_in_excel_and_reads_back(personas: Personas) -> None:
    content = template_csv()
    assert content.startswith("\ufeff".encode())
    found = read_upload("template.csv", content, _chiyoda(personas))
    entry = found.entries[0]
    assert entry.scope == "place" and entry.needs == ("food", "community")
    assert entry.schedules[0].days == ("SA",)


def test_a_filled_row_becomes_an_entry_of_the_municipality(personas: Personas) -> None:
    found = read_upload("mine.csv", csv_file(ROW), _chiyoda(personas))
    entry = found.entries[0]
    assert entry.id == "chiyoda-kanda-shokudo"
    assert entry.area.municipalities == ("131016",)  # type: ignore[union-attr]
    assert entry.phones[0].number == "03-3264-2111" and entry.postcode == "101-0041"
    assert found.places == [2]


def test_each_problem_is_named_by_row_and_column(personas: Personas) -> None:
    rows = [ROW, {**ROW, "ID": "b", "電話番号": "03-1"}, {**ROW, "ID": "c", "種別": "店"}]
    with pytest.raises(Rejected) as caught:
        read_upload("mine.csv", csv_file(*rows), _chiyoda(personas))
    texts = [problem_text(p) for p in caught.value.problems]
    assert any(t.startswith("3行目「電話番号」") for t in texts), texts
    assert any(t.startswith("4行目「種別」") for t in texts), texts
    assert not any(t.startswith("2行目") for t in texts)


def test_a_file_with_other_headers_is_refused_with_what_differs(personas: Personas) -> None:
    with pytest.raises(UploadError, match="不明な列「電話」"):
        read_upload("x.csv", "名称,電話\nA,1\n".encode(), _chiyoda(personas))
    with pytest.raises(UploadError, match="xlsx"):
        read_upload("x.pdf", b"%PDF", _chiyoda(personas))


def test_an_unknown_need_names_the_codes_to_use(personas: Personas) -> None:
    with pytest.raises(Rejected) as caught:
        read_upload("x.csv", csv_file({**ROW, "困りごと": "ごはん"}), _chiyoda(personas))
    assert problem_text(caught.value.problems[0]).startswith("2行目「困りごと」: 「ごはん」")


def _chiyoda(personas: Personas):  # type: ignore[no-untyped-def]
    from tests.personas import body

    return body("chiyoda")
