"""With the database down, read-only or failing mid-request, every public page still answers
with the crisis lines and a short message: 200 where it needed nothing more, 503 otherwise,
never a 500."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from django.db import OperationalError, connection
from django.test import Client

from tsunagari.directory.models import Service

pytestmark = pytest.mark.usefixtures("bundled")

PUBLIC_PAGES = [
    "/",
    "/en/",
    "/search/?q=いじめ",
    "/needs/",
    "/needs/bullying/",
    "/crisis/",
    "/safety/",
    "/kids/",
    "/navigator/",
    "/navigator/?kids=1",
    "/plan/",
    "/plan/1/",
    "/staff/login/",
]
WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE")


def pages() -> list[str]:
    return [*PUBLIC_PAGES, f"/services/{Service.objects.order_by('slug').first().slug}/"]


@contextmanager
def database(fails: Callable[[str, int], bool]) -> Iterator[None]:
    """Every query the pages make goes through `fails(sql, how many before it)`."""
    count = 0

    def wrapper(execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        nonlocal count
        count += 1
        if fails(sql, count - 1):
            raise OperationalError("the database is not there (test)")
        return execute(sql, params, many, context)

    with connection.execute_wrapper(wrapper):
        yield


def assert_dignified(client: Client, url: str) -> int:
    response = client.get(url, follow=False)
    page = response.content.decode()
    assert response.status_code in (200, 302, 503), (url, response.status_code)
    if response.status_code != 302:
        assert 'href="tel:0120279338"' in page or 'href="tel:0120078310"' in page, url
    if response.status_code == 503:
        assert "一部の機能が一時的に使えません" in page
        assert response["Retry-After"]
    return response.status_code


def test_every_public_page_answers_with_the_database_down() -> None:
    urls = pages()
    client = Client(raise_request_exception=False)
    with database(lambda sql, before: True):
        statuses = {url: assert_dignified(client, url) for url in urls}
    assert statuses["/"] == 200 and statuses["/crisis/"] == 200
    assert statuses["/search/?q=いじめ"] == 503


def test_every_public_page_answers_with_the_database_read_only() -> None:
    urls = pages()
    client = Client(raise_request_exception=False)
    with database(lambda sql, before: sql.lstrip().upper().startswith(WRITES)):
        statuses = {url: assert_dignified(client, url) for url in urls}
    assert statuses["/search/?q=いじめ"] == 200  # reading needs no write
    assert statuses["/navigator/?kids=1"] == 503  # the chat keeps its state in the session


@pytest.mark.parametrize("after", [1, 3, 8])
def test_a_database_that_fails_in_the_middle_of_a_request_is_a_503(after: int) -> None:
    urls = pages()
    client = Client(raise_request_exception=False)
    with database(lambda sql, before: before >= after):
        for url in urls:
            assert_dignified(client, url)


def test_the_api_says_so_in_json_when_the_database_is_down() -> None:
    client = Client(raise_request_exception=False)
    with database(lambda sql, before: True):
        response = client.get("/api/v1/services", {"q": "いじめ"})
    assert response.status_code == 503
    assert response.json()["detail"].startswith("the database is unavailable")
    assert response.json()["request_id"] == response["X-Request-ID"]


def test_the_503_page_is_english_under_en() -> None:
    client = Client(raise_request_exception=False)
    with database(lambda sql, before: True):
        response = client.get("/en/search/", {"q": "bullying"})
    assert response.status_code == 503
    assert "Some features are unavailable for now" in response.content.decode()
