from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from tests.surveys.factories import FIXTURES, respondent, survey_csv
from tsunagari.staff.models import AuditEntry


def post(client: Client, pre: bytes, post_: bytes) -> object:
    return client.post(
        "/staff/surveys/evaluate/",
        {
            "programme": "居場所づくり",
            "organisation": "NPO つながり",
            "mapping": "",
            "pre": SimpleUploadedFile("pre.csv", pre),
            "post": SimpleUploadedFile("post.csv", post_),
        },
    )


def test_the_report_shows_the_statistics_and_the_caveat_and_prints(
    client: Client, analyst: User
) -> None:
    client.force_login(analyst)
    response = post(
        client,
        (FIXTURES / "programme_pre.csv").read_bytes(),
        (FIXTURES / "programme_post.csv").read_bytes(),
    )
    page = response.content.decode()  # type: ignore[attr-defined]
    assert response.status_code == 200  # type: ignore[attr-defined]
    assert "<h1>事業評価レポート</h1>" in page
    assert "NPO つながり" in page and "居場所づくり" in page
    assert "比較群" in page and "Cohen" in page and "ウィルコクソン" in page
    assert '<td class="number">43</td>' in page  # pairs with a UCLA-3 score both times
    assert 'href="/static/surveys/print.css" media="print"' in page
    entry = AuditEntry.objects.get(action__startswith="surveys.")
    assert (entry.action, entry.user, entry.details["n_pre"]) == (
        "surveys.programme.evaluated",
        analyst,
        80,
    )


def test_errors_in_either_file_are_listed_and_nothing_is_reported(
    client: Client, analyst: User
) -> None:
    client.force_login(analyst)
    bad = survey_csv([respondent(id="x", ucla_1="9")])
    response = post(client, bad, bad)
    page = response.content.decode()  # type: ignore[attr-defined]
    assert response.status_code == 400  # type: ignore[attr-defined]
    assert page.count("<td>ucla_1 (6)</td>") == 2
    assert AuditEntry.objects.get(action__startswith="surveys.").action == (
        "surveys.programme.rejected"
    )


def test_the_demo_report_is_labelled_synthetic(client: Client, analyst: User) -> None:
    client.force_login(analyst)
    page = client.get("/staff/surveys/evaluate/demo/").content.decode()
    assert "（SYNTHETIC）" in page and 'class="synthetic-banner"' in page
    assert not AuditEntry.objects.filter(action__startswith="surveys.").exists()  # a GET
