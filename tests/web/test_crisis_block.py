"""The crisis lines render whatever fails, and come first and in full on a crisis."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from unittest import mock

import pytest
from django.conf import settings
from django.db import DatabaseError
from django.test import Client

from tests.factories import create_service
from tsunagari.directory.importer import import_path

pytestmark = pytest.mark.django_db


def _always(slug: str, number: str, **fields: object) -> None:
    create_service(
        slug,
        crisis_line=True,
        phones=(number,),
        holidays="open",
        hours=(("MO,TU,WE,TH,FR,SA,SU", "00:00", "24:00"),),
        **fields,
    )


def test_the_lines_come_from_the_database_when_it_answers(client: Client) -> None:
    _always("test-line", "0120-111-222", name="テスト24時間ライン")
    page = client.get("/").content.decode()
    assert "テスト24時間ライン" in page
    assert 'href="tel:0120111222"' in page


def test_the_bundled_lines_show_when_the_database_query_fails(client: Client) -> None:
    with mock.patch(
        "tsunagari.directory.crisis_lines._from_database", side_effect=DatabaseError("down")
    ):
        response = client.get("/")
    assert response.status_code == 200
    assert 'href="tel:0120078310"' in response.content.decode()


def test_home_renders_with_its_crisis_lines_when_every_query_fails(client: Client) -> None:
    with mock.patch(
        "django.db.backends.utils.CursorWrapper.execute", side_effect=DatabaseError("down")
    ):
        response = client.get("/")
    assert response.status_code == 200
    assert 'href="tel:0120078310"' in response.content.decode()


def test_the_static_copy_shows_when_even_the_bundle_cannot_be_read(client: Client) -> None:
    with mock.patch("tsunagari.web.crisis.crisis_lines", side_effect=RuntimeError("broken")):
        page = client.get("/").content.decode()
    assert 'href="tel:0120279338"' in page
    assert 'href="tel:0120078310"' in page


def test_the_compact_block_prefers_lines_open_now(
    client: Client, tuesday_night: dt.datetime
) -> None:
    create_service(
        "office-hours",
        name="昼だけの窓口",
        crisis_line=True,
        phones=("0570-000-111",),
        hours=(("MO,TU,WE,TH,FR", "09:00", "17:00"),),
    )
    _always("always", "0120-111-222", name="いつでも窓口")
    _always("always-2", "0120-111-333", name="いつでも窓口2")
    block = _crisis_block(client.get("/").content.decode())
    assert "いつでも窓口" in block
    assert "昼だけの窓口" not in block
    assert 'href="/crisis/"' in block


def test_the_crisis_page_lists_every_line_with_its_state(
    client: Client, tuesday_night: dt.datetime
) -> None:
    create_service(
        "office-hours",
        name="昼だけの窓口",
        crisis_line=True,
        phones=("0570-000-111",),
        hours=(("MO,TU,WE,TH,FR", "09:00", "17:00"),),
    )
    _always("always", "0120-111-222", name="いつでも窓口")
    block = _crisis_block(client.get("/crisis/").content.decode())
    assert "crisis--prominent" in block
    assert block.index("いつでも窓口") < block.index("昼だけの窓口")
    assert "受付時間外" in block and "24時間受付" in block


def test_a_line_with_unknown_hours_is_never_shown_as_open(client: Client) -> None:
    create_service("no-hours", name="時間不明の窓口", crisis_line=True, phones=("0570-000-222",))
    block = _crisis_block(client.get("/crisis/").content.decode())
    line = block[block.index("時間不明の窓口") :]
    assert line.index("受付時間は要確認") < line.index("</li>")
    assert "受付中" not in line[: line.index("</li>")]


def test_a_crisis_need_brings_the_lines_first_with_a_warm_message(client: Client) -> None:
    page = client.get("/needs/crisis/").content.decode()
    assert "crisis--prominent" in page
    assert "ひとりで抱えこまないでください" in page
    assert "crisis--prominent" not in client.get("/needs/housing/").content.decode()


def test_with_the_curated_directory_the_general_24_hour_lines_lead(client: Client) -> None:
    import_path(Path(settings.DATA_DIR) / "directory")
    block = _crisis_block(client.get("/").content.decode())
    dialled = re.findall(r'<a class="call" href="tel:([^"]+)"', block)
    assert dialled == ["0120279338", "0120078310"]
    assert block.count('href="tel:110"') == 1 and block.count('href="tel:119"') == 1


def test_110_and_119_are_not_repeated_among_the_lines(client: Client) -> None:
    import_path(Path(settings.DATA_DIR) / "directory")
    block = _crisis_block(client.get("/crisis/").content.decode())
    assert block.count('href="tel:110"') == 1
    assert 'href="tel:189"' in block


def _crisis_block(page: str) -> str:
    start = page.index('<aside class="crisis')
    return page[start : page.index("</aside>", start)]
