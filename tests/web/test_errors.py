import pytest
from django.contrib.auth.models import User
from django.test import Client

pytestmark = pytest.mark.django_db


def test_a_refused_staff_page_is_a_styled_403_with_a_way_home(client: Client) -> None:
    client.force_login(User.objects.create_user("nobody"))
    response = client.get("/staff/surveys/")
    assert response.status_code == 403
    assert "このページを見る権限がありません" in response.content.decode()


def test_the_403_page_is_english_under_en(client: Client) -> None:
    client.force_login(User.objects.create_user("nobody"))
    response = client.get("/en/staff/surveys/")
    assert "You do not have permission to see this page" in response.content.decode()
