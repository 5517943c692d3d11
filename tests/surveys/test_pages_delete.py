from django.contrib.auth.models import User
from django.test import Client

from tsunagari.surveys.models import AuditEntry, SurveyYear


def test_deleting_asks_first_then_deletes_and_logs(
    client: Client, analyst: User, stored_year: SurveyYear
) -> None:
    client.force_login(analyst)
    confirm = client.get(f"/staff/surveys/{stored_year.pk}/delete/")
    assert confirm.status_code == 200 and "削除する" in confirm.content.decode()
    assert SurveyYear.objects.exists()
    response = client.post(f"/staff/surveys/{stored_year.pk}/delete/")
    assert response.status_code == 302 and response["Location"] == "/staff/surveys/"
    assert not SurveyYear.objects.exists()
    entry = AuditEntry.objects.filter(action="deleted").get()
    assert (entry.user, entry.target, entry.details["file"]) == (analyst, "2023", "design_full.csv")


def test_the_audit_page_lists_who_did_what(
    client: Client, analyst: User, stored_year: SurveyYear
) -> None:
    client.force_login(analyst)
    client.post(f"/staff/surveys/{stored_year.pk}/delete/")
    page = client.get("/staff/surveys/audit/").content.decode()
    assert page.index("削除") < page.index("アップロード")
    assert page.count("analyst") == 2
