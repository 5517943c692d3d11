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
from tsunagari.directory.hours import TOKYO
from tsunagari.directory.importer import import_path
from tsunagari.directory.models import Service

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
    assert "いつでも窓口" in _up_front(block)
    assert "昼だけの窓口" not in _up_front(block)
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


def test_with_the_curated_directory_110_119_and_the_general_24_hour_line_lead(
    client: Client,
) -> None:
    import_path(Path(settings.DATA_DIR) / "directory")
    block = _crisis_block(client.get("/").content.decode())
    dialled = re.findall(r'class="call[^"]*" href="tel:([^"]+)"', _up_front(block))
    assert dialled == ["119", "110", "0120279338", "0120078310"]  # and the children's line


def test_on_a_crisis_lines_for_a_life_in_danger_come_before_dv_and_189(client: Client) -> None:
    import_path(Path(settings.DATA_DIR) / "directory")
    block = _crisis_block(client.get("/crisis/").content.decode())
    dialled = re.findall(r'<a class="call" href="tel:([^"]+)"', block)
    assert dialled[0] == "0120279338"
    assert len(re.findall(r'<a class="call" href', _up_front(block))) == 3  # a short list
    life = [dialled.index(n) for n in ("0120061338", "0570064556")]  # いのちSOS, こころの健康
    assert max(life) < dialled.index("0120279889") and max(life) < dialled.index("189")


def test_a_child_gets_the_childrens_lines_first_in_plain_words(client: Client) -> None:
    import_path(Path(settings.DATA_DIR) / "directory")
    block = _crisis_block(client.get("/kids/").content.decode())
    dialled = re.findall(r'<a class="call" href="tel:([^"]+)"', _up_front(block))
    assert dialled == ["0120078310"]  # 24時間子供SOSダイヤル
    assert "<ruby>" in block and "いま はなしたい ときは" in block
    assert "命の危険" not in block


def test_in_english_each_line_says_the_language_it_answers_in(client: Client) -> None:
    import_path(Path(settings.DATA_DIR) / "directory")
    block = _crisis_block(client.get("/en/crisis/").content.decode())
    assert block.count("Answers in: Japanese") >= 3
    assert "対応する言葉" not in block


def test_110_and_119_are_not_repeated_among_the_lines(client: Client) -> None:
    import_path(Path(settings.DATA_DIR) / "directory")
    block = _crisis_block(client.get("/crisis/").content.decode())
    assert block.count('href="tel:110"') == 1
    assert 'href="tel:189"' in block


def _up_front(block: str) -> str:
    return block.split("<details", 1)[0]


def _crisis_block(page: str) -> str:
    start = page.index('<aside class="crisis')
    return page[start : page.index("</aside>", start)]


def test_a_crisis_line_changed_shows_on_the_next_page(client: Client) -> None:
    _always("test-line", "0120-111-222", name="はじめの名前")
    assert "はじめの名前" in client.get("/").content.decode()
    line = Service.objects.get(slug="test-line")
    line.name = "あたらしい名前"
    line.save()
    page = client.get("/").content.decode()
    assert "あたらしい名前" in page and "はじめの名前" not in page


def test_a_crisis_lines_badge_follows_the_minute(client: Client) -> None:
    create_service(
        "day-line", crisis_line=True, phones=("0120-111-222",), hours=(("TU", "09:00", "17:00"),)
    )
    before = dt.datetime(2026, 11, 24, 8, 59, 59, tzinfo=TOKYO)  # a Tuesday
    with mock.patch("django.utils.timezone.now", return_value=before):
        closed = client.get("/").content.decode().split("data-crisis-block")[1]
    with mock.patch("django.utils.timezone.now", return_value=before + dt.timedelta(seconds=1)):
        opened = client.get("/").content.decode().split("data-crisis-block")[1]
    assert "badge--closed" in closed and "badge--open" not in closed
    assert "badge--open" in opened
