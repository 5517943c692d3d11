"""Survey pages speak in labels (年齢層, not age_group); the programme report has an
accessible server-drawn chart; files that share no respondent are refused, naming both."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.test import Client

from tests.surveys.factories import FIXTURES
from tsunagari.staff.models import AuditEntry
from tsunagari.surveys.models import SurveyYear


def _visible(page: str) -> str:
    """The page's text, without tags and attribute values (URLs keep variable names)."""
    return re.sub(r"<[^>]+>", " ", page)


def test_the_year_page_names_breakdowns_by_their_labels(
    client: Client, analyst: User, stored_year: SurveyYear
) -> None:
    client.force_login(analyst)
    page = client.get(f"/staff/surveys/{stored_year.pk}/").content.decode()
    text = _visible(page)
    assert "年齢層別" in text and "男女別" in text
    assert "age_group" not in text and "sex" not in text
    english = _visible(client.get(f"/en/staff/surveys/{stored_year.pk}/").content.decode())
    assert "Age group" in english and "age_group" not in english and "年齢層" not in english


def _post(client: Client, pre: bytes, post: bytes) -> object:
    return client.post(
        "/staff/surveys/evaluate/",
        {
            "programme": "居場所づくり",
            "organisation": "",
            "mapping": "",
            "pre": SimpleUploadedFile("before.csv", pre),
            "post": SimpleUploadedFile("after.csv", post),
        },
    )


def test_the_programme_report_has_an_accessible_chart_without_script(
    client: Client, analyst: User
) -> None:
    client.force_login(analyst)
    pre = (FIXTURES / "programme_pre.csv").read_bytes()
    post = (FIXTURES / "programme_post.csv").read_bytes()
    page = _post(client, pre, post).content.decode()  # type: ignore[attr-defined]
    charts = re.findall(r"<svg[^>]*>.*?</svg>", page, re.S)
    assert len(charts) == 2  # one per measure
    for chart in charts:
        assert 'role="img"' in chart and "aria-labelledby" in chart
        assert re.search(r"<title id=\"[^\"]+\">[^<]+：事前と事後の平均</title>", chart)
        assert re.search(r"<desc id=\"[^\"]+\">事前の平均 \d+\.\d\d、事後の平均 \d+\.\d\d", chart)
        assert chart.count("<rect") == 2
        assert "<script" not in chart and "href" not in chart
    assert "<table>" in page  # the numbers, beside the chart
    assert re.findall(r"(?:src|href)=\"https?://", page) == []  # nothing from elsewhere


def test_files_without_a_common_id_are_refused_with_both_names_and_nothing_reported(
    client: Client, analyst: User
) -> None:
    client.force_login(analyst)
    pre = (FIXTURES / "programme_pre.csv").read_text(encoding="utf-8")
    post = re.sub(r"^P(\d+)", r"Q\1", pre, flags=re.M).encode()
    response = _post(client, pre.encode(), post)
    page = response.content.decode()  # type: ignore[attr-defined]
    assert response.status_code == 400  # type: ignore[attr-defined]
    assert "before.csv" in page and "after.csv" in page
    assert "共通する回答者ID（id 列）がひとつもない" in page
    assert "事業評価レポート</h1>" not in page
    entries = AuditEntry.objects.filter(action__startswith="surveys.programme.")
    assert [e.action for e in entries] == ["surveys.programme.rejected"]


def test_the_command_refuses_them_too(tmp_path: object) -> None:
    from pathlib import Path

    folder = Path(str(tmp_path))
    pre = (FIXTURES / "programme_pre.csv").read_text(encoding="utf-8")
    (folder / "pre.csv").write_text(pre, encoding="utf-8")
    (folder / "post.csv").write_text(re.sub(r"^P(\d+)", r"Q\1", pre, flags=re.M))
    with pytest.raises(CommandError, match=r"pre\.csv.*post\.csv"):
        call_command("survey", "evaluate", str(folder / "pre.csv"), str(folder / "post.csv"))
