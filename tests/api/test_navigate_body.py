"""POST /api/v1/navigate: a body that is not a JSON object is a 422, never an empty question.

Found by schemathesis: `[null, null]`, `"x"` or `null` were read as all defaults and
answered 200 with the services for an empty text.
"""

from __future__ import annotations

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db
URL = "/api/v1/navigate"


@pytest.mark.parametrize("body", ["[null, null]", "[]", '"いじめ"', "5", "true", "null"])
def test_a_body_that_is_not_an_object_is_a_422_naming_the_body(client: Client, body: str) -> None:
    response = client.post(URL, body, content_type="application/json")
    assert response.status_code == 422
    [problem] = response.json()["detail"]
    assert problem["loc"][0] == "body"
    assert "must be a JSON object" in problem["msg"]


def test_an_unreadable_body_is_a_400(client: Client) -> None:
    response = client.post(URL, "{", content_type="application/json")
    assert response.status_code == 400
    assert response.json() == {"detail": "Cannot parse request body"}


def test_the_same_fields_in_the_query_string_still_work(client: Client) -> None:
    assert client.get(URL, {"limit": 3, "method": ["sns", "phone"]}).status_code == 200
    assert client.get(URL, {"limit": 0}).json()["detail"][0]["loc"] == ["query", "limit"]
