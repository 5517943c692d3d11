"""404 and 500 pages; the 500 page needs no database and carries 24-hour lines."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from unittest import mock

import pytest
from django.conf import settings
from django.test import Client, RequestFactory
from django.utils import translation

from tsunagari.directory.bundle import ServiceEntry, read_bundle
from tsunagari.directory.crisis_lines import STATIC_LINES, StaticLine
from tsunagari.web.views.errors import server_error


@pytest.mark.django_db
def test_an_unknown_page_is_a_404_with_the_crisis_lines(client: Client) -> None:
    response = client.get("/no-such-page/")
    page = response.content.decode()
    assert response.status_code == 404
    assert "ページが見つかりません" in page
    assert 'href="tel:0120078310"' in page
    assert 'action="/search/"' in page


@pytest.mark.django_db
def test_an_unknown_english_page_is_a_404_in_english(client: Client) -> None:
    response = client.get("/en/no-such-page/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


@pytest.mark.django_db
def test_an_unknown_service_is_a_404(client: Client) -> None:
    assert client.get("/services/no-such-service/").status_code == 404


def test_the_500_page_renders_without_a_database() -> None:
    # No django_db mark: any query here would fail the test.
    response = server_error(RequestFactory().get("/"))
    page = response.content.decode()
    assert response.status_code == 500
    assert 'href="tel:0120279338"' in page and 'href="tel:0120078310"' in page
    assert 'href="tel:110"' in page and 'href="tel:119"' in page
    assert "data-quick-exit" in page


def test_the_500_page_speaks_english_on_english_pages() -> None:
    with translation.override("en"):
        page = server_error(RequestFactory().get("/en/")).content.decode()
    assert '<html lang="en">' in page
    assert "Something went wrong" in page


@pytest.mark.django_db
def test_a_failing_page_answers_with_the_500_page(client: Client) -> None:
    client.raise_request_exception = False
    with mock.patch("tsunagari.web.views.service.service_page", side_effect=RuntimeError):
        from tests.factories import create_service

        create_service("helpline")
        response = client.get("/services/helpline/")
    assert response.status_code == 500
    assert 'href="tel:0120279338"' in response.content.decode()


@cache
def _curated() -> list[ServiceEntry]:
    return list(read_bundle(Path(settings.DATA_DIR) / "directory").services)


def test_the_500_page_dials_the_static_copy_and_the_emergency_numbers() -> None:
    page = server_error(RequestFactory().get("/")).content.decode()
    dialled = set(re.findall(r'href="tel:([^"]+)"', page))
    assert dialled == {line.number.replace("-", "") for line in STATIC_LINES}


def test_the_childrens_sos_line_of_the_static_copy_is_curated() -> None:
    entry = next(s for s in _curated() if s.id == "kodomo-sos-dial")
    assert entry.crisis_line
    assert "0120-0-78310" in {p.number for p in entry.phones}


@pytest.mark.parametrize("line", STATIC_LINES, ids=lambda line: line.slug)
def test_every_line_of_the_static_copy_matches_the_curated_directory(line: StaticLine) -> None:
    entries = [s for s in _curated() if s.id == line.slug]
    assert entries, f"{line.slug} is not in data/directory"
    for entry in entries:
        assert entry.crisis_line, f"{entry.id} is not marked crisis_line"
        assert line.number in {p.number for p in entry.phones}, (
            f"{entry.id}: the 500 page dials {line.number}, the directory does not"
        )


def test_a_ja_address_finds_the_japanese_page(client: Client) -> None:
    response = client.get("/ja/search/", {"q": "いじめ"})
    assert response.status_code == 302
    assert response["Location"] == "/search/?q=%E3%81%84%E3%81%98%E3%82%81"
