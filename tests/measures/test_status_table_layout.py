from __future__ import annotations

import pytest

from tsunagari.measures.parsing.errors import SourceError
from tsunagari.measures.parsing.links import extract_urls
from tsunagari.measures.parsing.ministries import match_ministry
from tsunagari.measures.parsing.status_table import Layout, read_status_table

HEADER = "\t".join(
    [
        "施策 No.",
        "施策名",
        "施策の概要",
        "目標及び達成の期間",
        "目標の達成状況",
        "達成状況を踏まえた施策の見直し方針",
        "関連URL",
        "担当 府省庁",
    ]
)
ROW = "1\t孤独・孤立の実態把握\t概要\t目標\t状況\t方針\thttps://example.go.jp/\t内閣府"


def test_a_table_without_the_header_is_refused_at_line_1() -> None:
    with pytest.raises(SourceError) as error:
        read_status_table("a\tb\n", "t.txt")
    assert (error.value.source, error.value.line) == ("t.txt", 1)


def test_a_different_layout_names_the_line_and_column() -> None:
    other = HEADER.replace("目標の達成状況", "予算額")
    with pytest.raises(SourceError) as error:
        read_status_table(f"title\n{other}\n{ROW}\n", "t.txt")
    assert (error.value.line, error.value.column) == (2, 5)


def test_a_row_with_too_few_cells_names_its_line() -> None:
    with pytest.raises(SourceError) as error:
        read_status_table(f"{HEADER}\n{ROW}\n2\tname\tx\n", "t.txt")
    assert error.value.line == 3
    assert "3 cells" in str(error.value)


def test_a_seven_cell_row_with_a_number_lost_its_url_column() -> None:
    rows = read_status_table(f"{HEADER}\n3\tname\ta\tb\tc\td\t法務省\n")
    assert rows[0].layout is Layout.NO_URL
    assert rows[0].cell("ministries") == "法務省"


def test_ministry_misreadings_map_only_to_one_canonical_name() -> None:
    names = ["厚生労働省", "こども家庭庁", "消費者庁", "金融庁"]
    assert match_ministry("享生労働省", names).name == "厚生労働省"
    assert match_ministry("生労働省", names).name == "厚生労働省"
    assert match_ministry("庁", names).name is None


def test_ocr_spaces_in_urls_become_wraps_or_underscores() -> None:
    (url,) = extract_urls("https://www.gender.go. ip/policy/no violence/d v navi/index.html")
    assert url.url == "https://www.gender.go.jp/policy/no_violence/dv_navi/index.html"
