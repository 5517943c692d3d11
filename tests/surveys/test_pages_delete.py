from django.contrib.auth.models import User
from django.test import Client

from tsunagari.staff.models import AuditEntry
from tsunagari.surveys.models import SurveyYear


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
    entry = AuditEntry.objects.filter(action="surveys.year.deleted").get()
    assert (entry.user, entry.record_label) == (analyst, "2023")
    assert entry.changes["source_name"] == ["design_full.csv", None]


def test_the_audit_page_lists_who_did_what(
    client: Client, analyst: User, stored_year: SurveyYear
) -> None:
    client.force_login(analyst)
    client.post(f"/staff/surveys/{stored_year.pk}/delete/")
    response = client.get("/staff/surveys/audit/", follow=True)
    assert response.redirect_chain == [("/staff/audit/?area=surveys", 302)]
    page = response.content.decode()
    assert page.index("<td>削除</td>") < page.index("<td>アップロード</td>")
    assert page.count("<td>analyst") == 2
    assert "design_full.csv" in page  # the file name, before and after
