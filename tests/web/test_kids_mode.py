"""Children's mode: the kids page has its own text box, and every page it leads to keeps
the plain words, the children's lines first and the children's windows."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client

from tsunagari.directory.importer import import_path

pytestmark = pytest.mark.django_db


def test_the_kids_page_has_its_own_text_box_into_the_childrens_search(client: Client) -> None:
    page = client.get("/kids/").content.decode()
    assert 'id="kids-q"' in page and 'name="kids" value="1"' in page
    assert "need=bullying&amp;audience=child&amp;kids=1" in page


def test_a_childs_search_stays_in_plain_words_with_childrens_windows(client: Client) -> None:
    import_path(Path(settings.DATA_DIR) / "directory")
    page = client.get("/search/", {"q": "いじめられてる", "kids": "1"}).content.decode()
    assert "はなせる ところを さがす" in page and "いま はなしたい ときは" in page
    assert "相談窓口をさがす" not in page and "条件でしぼりこむ" not in page
    assert '?kids=1"' in page  # the cards' links keep the mode
    assert "こまったときに はなせる ところを さがす" in page


def test_english_pages_never_switch_to_childrens_japanese(client: Client) -> None:
    page = client.get("/en/search/", {"q": "bullying", "kids": "1"}).content.decode()
    assert "いま はなしたい ときは" not in page


def test_a_service_page_opened_from_a_childs_search_keeps_the_plain_words(client: Client) -> None:
    import_path(Path(settings.DATA_DIR) / "directory")
    page = client.get("/services/kodomo-sos-dial/", {"kids": "1"}).content.decode()
    assert "どんな ところ？" in page and "だれが そうだん できる？" in page
    assert "どんな窓口か" not in page and "受付時間</h2>" not in page
    assert "<ruby>" in page  # readings over the kanji of the name and description
    adult = client.get("/services/kodomo-sos-dial/").content.decode()
    assert "どんな窓口か" in adult and "<ruby>" not in adult
