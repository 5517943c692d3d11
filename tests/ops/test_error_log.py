"""An unhandled error is logged with its request id, view, method, type and place, and
never with the query, the body or the exception's message, which may quote the visitor."""

from __future__ import annotations

import logging
from typing import Any

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db

TYPED = "もう消えたい秘密"


def broken_search(query: str, *args: Any, **kwargs: Any) -> None:
    raise ValueError(f"cannot search for {query!r}")  # a message quoting the visitor


@pytest.fixture
def broken(monkeypatch: Any) -> Client:
    monkeypatch.setattr("tsunagari.web.views.results.find", broken_search)
    monkeypatch.setattr("tsunagari.api.navigate.navigate", broken_search)
    return Client(raise_request_exception=False)


def test_a_500_is_logged_without_the_query_text(
    broken: Client, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.ERROR):
        response = broken.get("/search/", {"q": TYPED})
    assert response.status_code == 500
    (record,) = [r for r in caplog.records if r.name == "tsunagari.errors"]
    line = record.getMessage()
    assert f"request_id={response['X-Request-ID']}" in line
    assert "view=web:search method=GET error=builtins.ValueError" in line
    assert "tests/ops/test_error_log.py" in line and "in broken_search" in line
    assert TYPED not in caplog.text and "cannot search" not in caplog.text
    assert record.exc_info is None  # a traceback would print the message


def test_a_posted_body_is_not_logged_either(
    broken: Client, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.DEBUG):
        response = broken.post("/api/v1/navigate", {"text": TYPED}, content_type="application/json")
    assert response.status_code == 500
    assert "view=api-v1:navigate" in caplog.text and "method=POST" in caplog.text
    assert TYPED not in caplog.text


def test_the_500_page_gives_the_request_id_to_quote(broken: Client) -> None:
    response = broken.get("/search/", {"q": TYPED})
    page = response.content.decode()
    assert response["X-Request-ID"] in page
    assert 'href="tel:0120279338"' in page
    assert TYPED not in page


def test_a_proxys_request_id_is_kept_and_a_strange_one_replaced(client: Client) -> None:
    kept = client.get("/crisis/", headers={"X-Request-ID": "lb-7f3a9c2e41"})
    assert kept["X-Request-ID"] == "lb-7f3a9c2e41"
    replaced = client.get("/crisis/", headers={"X-Request-ID": "<script>"})
    assert len(replaced["X-Request-ID"]) == 32 and replaced["X-Request-ID"].isalnum()
