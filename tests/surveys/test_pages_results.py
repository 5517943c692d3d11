from __future__ import annotations

import csv
import io
import json

from django.contrib.auth.models import User
from django.test import Client

from tests.surveys.factories import FIXTURES
from tsunagari.surveys.models import SurveyYear
from tsunagari.surveys.services import store_survey_year


def test_the_year_page_shows_tables_charts_with_text_alternatives_and_downloads(
    client: Client, analyst: User, stored_year: SurveyYear
) -> None:
    client.force_login(analyst)
    page = client.get(f"/staff/surveys/{stored_year.pk}/").content.decode()
    assert "<h1>2023年の推計結果</h1>" in page
    assert page.count("<figure>") == 8  # 4 indicators × (age_group, sex)
    assert f'src="/staff/surveys/{stored_year.pk}/charts/ucla3_high/age_group.png"' in page
    assert 'alt="棒グラフ：' in page and "数値は次の表のとおりです" in page
    assert "<caption" in page and '<th scope="row">90+</th>' in page
    assert 'tr class="small"' in page
    assert f"/staff/surveys/{stored_year.pk}/estimates.csv" in page
    assert "SYNTHETIC" not in page
    overall = stored_year.results.indicators["direct_often_always"].overall
    assert overall.estimate is not None
    assert f"{overall.estimate * 100:.1f}%" in page


def test_the_csv_download_has_every_indicator_and_domain(
    client: Client, analyst: User, stored_year: SurveyYear
) -> None:
    client.force_login(analyst)
    response = client.get(f"/staff/surveys/{stored_year.pk}/estimates.csv")
    assert response["Content-Disposition"] == 'attachment; filename="survey-2023-estimates.csv"'
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert len(rows) == 4 * (1 + 5 + 3)  # overall, 5 age groups, 3 sexes
    first = rows[0]
    assert (first["survey_year"], first["indicator"], first["breakdown"]) == (
        "2023",
        "direct_often_always",
        "",
    )
    assert (
        float(first["estimate"])
        == stored_year.results.indicators["direct_often_always"].overall.estimate
    )
    assert {row["data_status"] for row in rows} == {""}
    assert {row["instrument"] for row in rows} == {"direct-ja-5pt", "ucla3-ja-4pt"}


def test_the_json_download_is_the_cli_shape_with_the_year(
    client: Client, analyst: User, stored_year: SurveyYear
) -> None:
    client.force_login(analyst)
    data = json.loads(client.get(f"/staff/surveys/{stored_year.pk}/estimates.json").content)
    assert data["survey_year"] == 2023 and data["n"] == 439
    assert set(data["indicators"]["ucla3_mean"]["overall"]) == {
        "estimate",
        "se",
        "ci_low",
        "ci_high",
        "n",
    }


def test_charts_come_as_png_and_svg_and_can_be_downloaded(
    client: Client, analyst: User, stored_year: SurveyYear
) -> None:
    client.force_login(analyst)
    png = client.get(f"/staff/surveys/{stored_year.pk}/charts/direct_any/sex.png")
    assert png["Content-Type"] == "image/png" and png.content.startswith(b"\x89PNG")
    svg = client.get(f"/staff/surveys/{stored_year.pk}/charts/direct_any/age_group.svg?download=1")
    assert svg["Content-Type"] == "image/svg+xml" and b"<svg" in svg.content
    assert svg["Content-Disposition"].startswith("attachment;")
    assert (
        client.get(f"/staff/surveys/{stored_year.pk}/charts/direct_any/region.png").status_code
        == 404
    )
    assert client.get(f"/staff/surveys/{stored_year.pk}/charts/nonsense/sex.png").status_code == 404


def test_synthetic_years_are_labelled_on_the_page_in_the_csv_and_in_the_chart(
    client: Client, analyst: User
) -> None:
    raw = (FIXTURES.parents[2] / "data" / "surveys" / "synthetic-2022.csv").read_bytes()
    year = store_survey_year(raw, "synthetic-2022.csv", 2022, analyst)
    client.force_login(analyst)
    page = client.get(f"/staff/surveys/{year.pk}/").content.decode()
    assert 'class="synthetic-banner"' in page and "<h1>2022年の推計結果（SYNTHETIC）</h1>" in page
    rows = list(
        csv.DictReader(
            io.StringIO(client.get(f"/staff/surveys/{year.pk}/estimates.csv").content.decode())
        )
    )
    assert {row["data_status"] for row in rows} == {"SYNTHETIC"}
    svg = client.get(f"/staff/surveys/{year.pk}/charts/ucla3_mean/sex.svg").content.decode()
    assert "SYNTHETIC" in svg  # the title, kept as text in the SVG's metadata comment or glyph ids
    assert client.get("/staff/surveys/").content.decode().count("SYNTHETIC") >= 2


def test_the_english_page_is_complete(
    client: Client, analyst: User, stored_year: SurveyYear
) -> None:
    client.force_login(analyst)
    page = client.get(f"/en/staff/surveys/{stored_year.pk}/").content.decode()
    assert '<html lang="en">' in page
    assert "<h1>Estimates for 2023</h1>" in page
    assert "Share who feel lonely often or always" in page
    assert "推計" not in page and "割合" not in page


def test_trends_need_two_years_and_never_mix_synthetic_with_survey_data(
    client: Client, analyst: User, stored_year: SurveyYear
) -> None:
    client.force_login(analyst)
    assert "2か年以上" in client.get("/staff/surveys/trends/survey/").content.decode()
    assert client.get("/staff/surveys/trends/survey/ucla3_mean.png").status_code == 404
    store_survey_year((FIXTURES / "design_srs.csv").read_bytes(), "srs.csv", 2024, analyst)
    page = client.get("/staff/surveys/trends/survey/").content.decode()
    assert page.count("<figure>") == 4 and '<th scope="row">2024</th>' in page
    rows = list(
        csv.DictReader(
            io.StringIO(client.get("/staff/surveys/trends/survey/trend.csv").content.decode())
        )
    )
    assert [row["survey_year"] for row in rows] == ["2023"] * 4 + ["2024"] * 4
    assert client.get("/staff/surveys/trends/synthetic/ucla3_mean.png").status_code == 404
    assert client.get("/staff/surveys/trends/other/").status_code == 404
