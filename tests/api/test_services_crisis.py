"""/api/v1/services: a query that reads as a crisis brings the crisis lines first."""

from unittest import mock

import pytest
from django.test import Client

from tests.factories import create_service

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def lines() -> None:
    create_service(
        "always-open",
        crisis_line=True,
        phones=("0120-279-338",),
        holidays="open",
        hours=(("MO,TU,WE,TH,FR,SA,SU", "00:00", "24:00"),),
    )
    create_service("office", crisis_line=True, phones=("0570-064-556",))
    create_service("housing", needs=("housing",))


def test_a_crisis_query_answers_crisis_with_24_hour_lines_first(client: Client) -> None:
    answer = client.get("/api/v1/services", {"q": "もう死にたい"}).json()
    assert answer["crisis"] is True
    assert [line["slug"] for line in answer["crisis_lines"]] == ["always-open", "office"]
    assert answer["crisis_lines"][0]["phones"][0]["tel"] == "tel:0120279338"
    assert list(answer)[:2] == ["crisis", "crisis_lines"]


def test_an_ordinary_query_carries_no_crisis_lines(client: Client) -> None:
    answer = client.get("/api/v1/services", {"q": "住まい"}).json()
    assert answer["crisis"] is False and answer["crisis_lines"] == []


def test_hyperbole_is_not_a_crisis(client: Client) -> None:
    assert client.get("/api/v1/services", {"q": "締め切りで死にそう"}).json()["crisis"] is False


def test_when_the_detector_fails_the_lines_still_come(client: Client) -> None:
    with mock.patch("tsunagari.navigator.crisis.load_rules", side_effect=OSError):
        answer = client.get("/api/v1/services", {"q": "住まい"}).json()
    assert answer["crisis"] is True and answer["crisis_lines"]
