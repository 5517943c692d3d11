"""The person's side without JavaScript: open a chat with no name asked, see the wait and
the 24-hour lines, write, come back with the private code, take a copy, end it, and quick
exit ends it too."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from tests.desk.conftest import started
from tsunagari.desk import conversations
from tsunagari.desk.models import Conversation, Message, Status

pytestmark = pytest.mark.django_db


def _open(client: Client, text: str = "友だちがいなくてさみしいです", prefix: str = "") -> str:
    response = client.post(f"{prefix}/desk/start/", {"text": text})
    assert response.status_code == 200
    match = re.search(r"data-desk-code>([A-Z0-9]{12})<", response.content.decode())
    assert match
    return match.group(1)


def test_the_start_page_asks_no_name_or_number_and_shows_the_lines(client: Client) -> None:
    page = client.get("/desk/").content.decode()
    assert "名前や電話番号は聞きません" in page
    assert "data-crisis-block" in page
    assert 'name="name"' not in page and 'type="tel"' not in page


def test_opening_stores_the_first_message_sealed_and_shows_the_wait(client: Client) -> None:
    started("友だちがいなくてさみしいです")  # the same level: the earlier one goes first
    _open(client)
    conversation = Conversation.objects.latest("pk")
    assert conversation.status == Status.WAITING and conversation.messages.count() == 1
    page = client.get("/desk/chat/")
    text = page.content.decode()
    assert page["Cache-Control"] == "no-store"
    assert "友だちがいなくてさみしいです" in text
    assert "前に1人が待っています" in text
    assert "24時間の窓口" in text and "data-crisis-block" in text


def test_a_message_sent_by_form_comes_back_on_the_page(client: Client) -> None:
    _open(client)
    response = client.post("/desk/chat/send/", {"text": "夜になると不安です"})
    assert response.status_code == 302 and response["Location"].endswith("/desk/chat/#latest")
    assert "夜になると不安です" in client.get("/desk/chat/").content.decode()
    assert Message.objects.count() == 2


def test_an_empty_message_is_a_400_that_says_so(client: Client) -> None:
    _open(client)
    response = client.post("/desk/chat/send/", {"text": " "})
    assert response.status_code == 400
    assert "メッセージが空です" in response.content.decode()
    assert client.post("/desk/start/", {"text": ""}).status_code == 400


def test_the_code_brings_the_person_back_from_another_browser() -> None:
    first = Client()
    code = _open(first)
    second = Client()
    assert second.post("/desk/return/", {"code": code.lower()}).status_code == 302
    assert "友だちがいなくてさみしいです" in second.get("/desk/chat/").content.decode()
    wrong = Client().post("/desk/return/", {"code": "AAAAAAAAAAAA"})
    assert wrong.status_code == 400 and "見つかりません" in wrong.content.decode()


def test_the_code_lapses_after_the_return_period(
    client: Client, settings: pytest.FixtureRequest
) -> None:
    code = _open(client)
    settings.DESK_RETURN_HOURS = 0  # type: ignore[attr-defined]
    assert Client().post("/desk/return/", {"code": code}).status_code == 400


def test_the_copy_is_a_text_file_of_the_conversation(client: Client) -> None:
    _open(client)
    conversation = Conversation.objects.get()
    conversations.post(conversation, "counsellor", "お話を聞かせてください")
    response = client.get("/desk/chat/copy/")
    assert response["Content-Disposition"].startswith("attachment")
    body = response.content.decode()
    assert (
        "あなた: 友だちがいなくてさみしいです" in body and "相談員: お話を聞かせてください" in body
    )


def test_ending_and_quick_exit_end_the_chat(client: Client) -> None:
    _open(client)
    client.post("/desk/chat/end/")
    assert Conversation.objects.get().status == Status.LEFT
    other = Client()
    _open(other)
    other.get("/leave/")
    assert Conversation.objects.latest("pk").status == Status.LEFT
    assert other.get("/desk/chat/").status_code == 302


def test_polling_answers_new_messages_and_a_bad_cursor_is_400(client: Client) -> None:
    _open(client)
    first = Message.objects.get()
    conversations.post(Conversation.objects.get(), "counsellor", "こんにちは")
    data = client.get(f"/desk/chat/since/?after={first.seq}").json()
    assert [m["text"] for m in data["messages"]] == ["こんにちは"] and data["status"] == "waiting"
    assert client.get("/desk/chat/since/?after=x").status_code == 400


def test_english_and_plain_japanese_pages(client: Client) -> None:
    assert "Chat with a counsellor" in client.get("/en/desk/").content.decode()
    assert "なまえや でんわばんごうは いりません" in client.get("/desk/?kids=1").content.decode()


def test_the_area_form_speaks_plain_japanese_english_and_japanese(client: Client) -> None:
    _open(client, prefix="")
    kids = client.get("/desk/chat/?kids=1").content.decode()
    assert "すんでいる ばしょを そうだんいんに つたえる" in kids and ">つたえる</button>" in kids
    assert "住んでいる地域" not in kids and "郵便番号。" not in kids
    assert "住んでいる地域を相談員に伝える（任意）" in client.get("/desk/chat/").content.decode()
    english = client.get("/en/desk/chat/").content.decode()
    assert "Tell the counsellor where you live (optional)" in english
    assert "find support in your area" in english


def test_a_wrong_area_in_plain_japanese_is_answered_in_plain_japanese(client: Client) -> None:
    _open(client)
    answer = client.post("/desk/chat/area/", {"area": "どこでもない町", "kids": "1"})
    page = answer.content.decode()
    assert answer.status_code == 400
    assert "その ばしょは みつかりませんでした" in page and "地域が見つかりませんでした" not in page
    assert "すんでいる ばしょを そうだんいんに つたえる" in page  # the form stays plain too
    told = client.post("/desk/chat/area/", {"area": "東京都", "kids": "1"})
    assert told.status_code == 302 and told["Location"].endswith("?kids=1")
    page = client.get(told["Location"]).content.decode()
    assert "そうだんいんに つたえた ばしょ: 東京都" in page
    assert "ばしょを つたえるのを やめる" in page and Conversation.objects.get().area_code == "13"
