from __future__ import annotations

import gzip

from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from tests.surveys.factories import FIXTURES, HEADER, respondent, survey_csv
from tsunagari.staff.models import AuditEntry
from tsunagari.surveys.models import SurveyYear


def upload(client: Client, raw: bytes, name: str = "2024.csv", **fields: str) -> object:
    data = {"year": "2024", "mapping": "", "lonely_psu": "fail", **fields}
    return client.post("/staff/surveys/upload/", {**data, "file": SimpleUploadedFile(name, raw)})


def test_a_valid_file_is_stored_with_its_estimates_and_logged(
    client: Client, analyst: User
) -> None:
    client.force_login(analyst)
    raw = (FIXTURES / "design_full.csv").read_bytes()
    response = upload(client, raw)
    stored = SurveyYear.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/staff/surveys/{stored.pk}/"
    assert (stored.year, stored.synthetic, stored.respondents) == (2024, False, 439)
    assert gzip.decompress(bytes(stored.content)) == raw
    assert set(stored.estimates["indicators"]["ucla3_mean"]["by"]) == {"age_group", "sex"}
    entry = AuditEntry.objects.get(action__startswith="surveys.")
    assert (entry.user, entry.action, entry.record_label) == (
        analyst,
        "surveys.year.uploaded",
        "2024",
    )
    assert entry.changes["respondents"] == [None, 439]
    assert entry.changes["source_name"] == [None, "2024.csv"]
    assert "content" not in entry.changes and "estimates" not in entry.changes
    assert entry.body is not None and entry.body.code == "cao"


def test_a_file_with_errors_is_refused_whole_with_lines_and_columns(
    client: Client, analyst: User
) -> None:
    client.force_login(analyst)
    raw = survey_csv([respondent(id="a"), respondent(id="a", weight="0")])
    response = upload(client, raw, name="bad.csv")
    assert response.status_code == 400
    page = response.content.decode()
    assert "ファイルを受け付けませんでした" in page
    assert "<td>weight (2)</td>" in page and "<td>id (1)</td>" in page
    assert '<td class="number">3</td>' in page
    assert not SurveyYear.objects.exists()
    entry = AuditEntry.objects.get(action__startswith="surveys.")
    assert (entry.action, entry.record_label, entry.details) == (
        "surveys.year.rejected",
        "bad.csv",
        {"errors": 2},
    )


def test_a_single_psu_stratum_is_explained_and_a_rule_can_be_chosen(
    client: Client, analyst: User
) -> None:
    client.force_login(analyst)
    raw = (FIXTURES / "design_lonely.csv").read_bytes()
    refused = upload(client, raw)
    assert refused.status_code == 400
    assert "--lonely-psu" in refused.content.decode()
    assert upload(client, raw, lonely_psu="adjust").status_code == 302
    assert SurveyYear.objects.get().lonely_psu == "adjust"


def test_a_year_already_stored_is_not_replaced_silently(client: Client, analyst: User) -> None:
    client.force_login(analyst)
    raw = (FIXTURES / "design_full.csv").read_bytes()
    upload(client, raw)
    response = upload(client, survey_csv())
    assert response.status_code == 400
    assert "すでに登録されています" in response.content.decode()
    assert SurveyYear.objects.get().respondents == 439


def test_a_file_in_another_coding_is_read_through_the_chosen_mapping(
    client: Client, analyst: User
) -> None:
    client.force_login(analyst)
    raw = survey_csv([respondent(id=f"r{i}", psu=f"P{i % 2}", q_direct="5") for i in range(4)])
    response = upload(client, raw, mapping="direct-reversed")
    assert response.status_code == 302
    stored = SurveyYear.objects.get()
    assert stored.mapping == "direct-reversed"
    assert stored.estimates["indicators"]["direct_often_always"]["overall"]["estimate"] == 1.0


def test_synthetic_files_are_stored_as_synthetic(client: Client, analyst: User) -> None:
    client.force_login(analyst)
    raw = survey_csv(
        [respondent(synthetic="SYNTHETIC", id=f"r{i}", psu=f"P{i % 2}") for i in range(4)],
        [*HEADER, "synthetic"],
    )
    upload(client, raw)
    assert SurveyYear.objects.get().synthetic


def test_a_missing_year_is_a_form_error_on_the_list_page(client: Client, analyst: User) -> None:
    client.force_login(analyst)
    response = upload(client, survey_csv(), year="")
    assert response.status_code == 400
    assert "調査年" in response.content.decode()
    assert not SurveyYear.objects.exists()
