"""GET /api/v1/services/{id}: by UUID or slug; 404 with a clear message."""

from __future__ import annotations

import pytest
from django.test import Client

from tests.factories import create_service

pytestmark = pytest.mark.django_db


def test_a_service_is_found_by_uuid_and_by_slug(client: Client) -> None:
    service = create_service(
        "line",
        phones=("0120-279-338",),
        hours=(("MO,TU,WE,TH,FR", "09:00", "17:00"),),
        holidays="closed",
        areas=(("prefecture", "13"),),
        keywords=["電話"],
    )
    by_id = client.get(f"/api/v1/services/{service.id}")
    by_slug = client.get("/api/v1/services/line")
    assert by_id.status_code == by_slug.status_code == 200
    assert by_id.json() == by_slug.json()
    body = by_id.json()
    assert body["id"] == str(service.id)
    assert body["phones"][0]["tel"] == "tel:0120279338"
    assert body["schedules"] == [
        {
            "days": ["MO", "TU", "WE", "TH", "FR"],
            "monthdays": [],
            "opens": "09:00",
            "closes": "17:00",
            "valid_from": None,
            "valid_to": None,
            "description": {"ja": "", "en": ""},
        }
    ]
    assert body["holidays"] == "closed"
    assert body["areas"] == [
        {"kind": "prefecture", "code": "13", "name": "東京都", "name_en": "Tokyo"}
    ]
    assert body["next_opening"] is not None
    assert body["open_now"] in (True, False)


def test_an_unknown_service_is_a_404_naming_it(client: Client) -> None:
    response = client.get("/api/v1/services/no-such-line")
    assert response.status_code == 404
    assert response.json() == {"detail": "no service with id or slug 'no-such-line'"}
    unknown_uuid = "00000000-0000-0000-0000-000000000000"
    assert client.get(f"/api/v1/services/{unknown_uuid}").status_code == 404
