"""The guided chat page: plain form steps without JavaScript, state only in the session
(never the person's words), children's mode with furigana, English, crisis first, clear."""

from __future__ import annotations

import pytest
from django.contrib.sessions.models import Session
from django.test import Client

from tsunagari.navigator.chat import SESSION_KEY

pytestmark = pytest.mark.django_db
URL = "/navigator/"


def post(client: Client, url: str = URL, **data: str) -> object:
    return client.post(url, data)


def page(client: Client, url: str = URL) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def state(client: Client) -> dict[str, object]:
    return client.session[SESSION_KEY]  # type: ignore[no-any-return]


def walk(client: Client, *answers: dict[str, str]) -> None:
    for data in answers:
        response = client.post(URL, data)
        assert response.status_code == 302, data


def test_the_first_question_asks_who_it_is_for(client: Client) -> None:
    html = page(client)
    assert "だれのことで相談したいですか？" in html
    assert 'name="choice" value="family"' in html
    assert "相談員ではありません" in html
    assert 'name="csrfmiddlewaretoken"' in html


def test_a_full_walk_without_javascript_ends_with_callable_answers(
    client: Client, directory: None
) -> None:
    walk(
        client,
        {"step": "who", "choice": "self"},
        {"step": "topic", "choice": "money"},
        {"step": "method", "choice": "phone"},
        {"step": "when", "choice": "later"},
        {"step": "place", "place": "160-0023", "action": "answer"},
    )
    assert state(client)["step"] == "done"
    html = page(client)
    assert "あなたに合いそうな相談先" in html
    assert 'href="tel:' in html
    assert "東京都新宿区" in html
    assert "お金・生活・住まい" in html


def test_the_post_redirects_and_the_step_moves_on(client: Client) -> None:
    response = client.post(URL, {"step": "who", "choice": "family"})
    assert response.status_code == 302 and response["Location"].endswith("#question")
    assert state(client)["step"] == "topic"
    assert state(client)["audiences"] == {"family": 0.9}


def test_free_text_is_understood_but_never_kept(client: Client) -> None:
    walk(client, {"step": "who", "text": "夫が怒ると物を投げてくる", "action": "text"})
    saved = state(client)
    assert "dv" in saved["needs"]  # type: ignore[operator]
    assert saved["step"] == "method"  # the text said what is wrong: no need to ask
    stored = "".join(s.session_data for s in Session.objects.all())
    decoded = str(client.session.load())
    assert "投げ" not in decoded and "投げ" not in stored


def test_crisis_words_show_the_lines_first_at_once(client: Client, directory: None) -> None:
    walk(client, {"step": "who", "text": "もう消えたい", "action": "text"})
    assert state(client)["crisis"] is True and state(client)["step"] == "done"
    html = page(client)
    assert "crisis--prominent" in html
    assert html.index("crisis--prominent") < html.index("あなたに合いそうな相談先")
    assert "話してくれてありがとう" in html
    answers = html[html.index("あなたに合いそうな相談先") :]
    assert answers.count("card card--crisis") == 3  # the block above lists every line


# Imminent danger the crisis rules know no word of (a place, an apology, a goodbye), in the
# languages foreign residents write: the chat reads free text as navigate does, grade included.
DANGER_WITHOUT_RULE_WORDS = [
    "Em đang đứng trên cầu. Xin lỗi mọi người, em không chịu nổi nữa",
    "Nasa bubong ako ng building ngayon. Paalam na sa inyong lahat",
    "Estou na ponte agora. Desculpa mãe, adeus",
    "Saya sedang di atas jembatan. Maaf semuanya, selamat tinggal",
    "지금 옥상이에요. 다들 미안해, 안녕",
]


@pytest.mark.parametrize("text", DANGER_WITHOUT_RULE_WORDS)
def test_danger_the_rules_do_not_name_shows_the_lines_first(
    client: Client, directory: None, text: str
) -> None:
    walk(client, {"step": "who", "text": text, "action": "text"})
    assert state(client)["crisis"] is True and state(client)["step"] == "done"
    html = page(client)
    assert html.index("crisis--prominent") < html.index("card card--crisis")


def test_someone_else_in_danger_now_is_told_to_call_119_in_the_chat(
    client: Client, directory: None
) -> None:
    # The chat keeps the reasons, never the words: the grade's someone-else-now is a reason.
    text = "近所で一人暮らしの母の家、新聞が三日分たまってて、呼んでも返事がないんです"
    walk(client, {"step": "who", "text": text, "action": "text"})
    assert "someone-else-now" in state(client)["crisis_reasons"]
    message = page(client).split('class="navigator__message"', 1)[1][:300]
    assert "すぐに119番" in message and "その人をひとりにしないで" in message


def test_hyperbole_in_the_chat_is_read_as_navigate_reads_it(client: Client) -> None:
    walk(client, {"step": "who", "text": "今日の授業で死にたいって思ったｗ", "action": "text"})
    assert state(client)["crisis"] is False and state(client)["step"] != "done"


def test_a_child_choosing_to_die_gets_the_lines(client: Client, directory: None) -> None:
    walk(
        client,
        {"step": "who", "choice": "child"},
        {"step": "topic", "choice": "kids-self"},
        {"step": "detail", "choice": "die"},
    )
    html = page(client)
    assert state(client)["crisis"] is True
    assert "crisis--prominent" in html and "0120-0-78310" in html


def test_the_childrens_mode_uses_easy_words_with_furigana(client: Client) -> None:
    walk(client, {"step": "who", "choice": "child"})
    html = page(client)
    assert "なにに こまって いますか？" in html
    assert "がっこうの こと" in html
    assert "<ruby>" in html and "<rt>" in html


def test_the_childrens_mode_can_be_chosen_by_link(client: Client, directory: None) -> None:
    response = client.get(URL + "?kids=1")
    assert response.status_code == 302
    assert state(client)["kids"] is True
    assert "だれの ことで そうだん したい？" in page(client)
    walk(client, {"step": "who", "text": "がっこうで いじめられてる", "action": "text"})
    walk(client, {"step": "method", "action": "results"})
    html = page(client)
    assert "はなしを きいて くれる ところ" in html
    assert "<ruby>時間<rt>じかん</rt></ruby>" in html  # 24時間子供SOSダイヤル


def test_english_pages_ask_in_english(client: Client) -> None:
    html = page(client, "/en/navigator/")
    assert "Who is this about?" in html
    assert "not a counsellor" in html


def test_a_step_without_an_answer_asks_again(client: Client) -> None:
    response = client.post(URL, {"step": "who", "action": "answer"})
    assert response.status_code == 200
    assert "選ぶか、自由に書いてください" in response.content.decode()
    assert state(client)["step"] == "who"


def test_an_unknown_place_asks_again(client: Client) -> None:
    walk(client, {"step": "who", "action": "skip"}, {"step": "topic", "action": "skip"})
    walk(client, {"step": "method", "action": "skip"}, {"step": "when", "action": "skip"})
    response = client.post(URL, {"step": "place", "place": "どこでもない", "action": "answer"})
    assert "その地域が見つかりませんでした" in response.content.decode()


def test_back_goes_to_the_previous_question(client: Client) -> None:
    walk(client, {"step": "who", "choice": "self"}, {"step": "topic", "choice": "work"})
    walk(client, {"step": "method", "action": "back"})
    assert state(client)["step"] == "topic"


def test_an_old_form_does_not_change_a_later_step(client: Client) -> None:
    walk(client, {"step": "who", "choice": "self"}, {"step": "topic", "choice": "work"})
    walk(client, {"step": "who", "choice": "family"})
    assert state(client)["step"] == "method"
    assert "family" not in state(client)["audiences"]  # type: ignore[operator]


def test_clearing_removes_the_conversation(client: Client) -> None:
    walk(client, {"step": "who", "choice": "self"}, {"step": "topic", "choice": "work"})
    response = client.post(URL + "clear/")
    assert response.status_code == 302
    assert SESSION_KEY not in client.session
    assert "だれのことで相談したいですか？" in page(client)


def test_clear_needs_a_post(client: Client) -> None:
    assert client.get(URL + "clear/").status_code == 405


def test_forms_need_the_csrf_token() -> None:
    client = Client(enforce_csrf_checks=True)
    assert client.post(URL, {"step": "who", "choice": "self"}).status_code == 403


def test_the_print_view_lists_the_answers_and_says_nothing_is_stored(
    client: Client, directory: None
) -> None:
    walk(client, {"step": "who", "text": "いじめられている", "action": "text"})
    walk(client, {"step": "method", "action": "results"})
    html = page(client, URL + "print/")
    assert "相談先のメモ" in html and 'href="tel:' in html
    assert "何も保存されていません" in html


def test_pages_are_not_cached(client: Client) -> None:
    assert client.get(URL)["Cache-Control"] == "no-store"


def test_a_broken_session_starts_again(client: Client) -> None:
    session = client.session
    session[SESSION_KEY] = {"step": "nowhere", "junk": 1}
    session.save()
    assert "だれのことで相談したいですか？" in page(client)
