"""Urgency, round 6: classes of blind sets 8 and 9 read as classes — a chat's closing held
down, a laugh that never frames an imminent message, things given away as preparation, a
long past told calmly as distance, imminent messages with no word of danger, and *now* in
"what do I do now" not read as a time."""

from __future__ import annotations

import pytest

from tests.navigator.conftest import elements
from tsunagari.navigator.urgency import ceiling_of, floor_of


@pytest.mark.parametrize(
    "text",
    [
        "話せてよかった、なんか気が楽になりました。おやすみなさい",
        "じゃあね〜 またあした！",
        "thanks for listening, i feel a lot better now. good night!",
        "Cảm ơn chị nhiều, em thấy nhẹ hơn rồi. Chúc chị ngủ ngon",
        "Salamat po, gumaan na ang pakiramdam ko. Ingat po",
        "谢谢你陪我聊天，我好多了，晚安",
        "고마워요, 얘기하니까 좀 후련해요. 잘 자요",
    ],
)
def test_a_short_closing_with_no_sign_of_danger_stays_at_one_at_most(text: str) -> None:
    found = elements(text)
    assert "closing" in found and ceiling_of(found) <= 1, text


@pytest.mark.parametrize(
    "text",
    [
        "今までありがとう。もう楽になれる。みんな、さようなら",
        "thank you for everything. this is goodbye. i'll finally be at peace",
        "Obrigada por tudo. Finalmente vou descansar. Adeus a todos",
        "그동안 고마웠어. 이제 편해질 거야. 안녕",
    ],
)
def test_a_farewell_in_danger_is_no_closing(text: str) -> None:
    found = elements(text)
    assert "farewell" in found and ceiling_of(found) == 5, text


def test_a_goodbye_beside_a_closing_is_held_down_and_alone_is_not() -> None:
    for text in ("ばいばい！またね〜", "すこし あんしん しました。さようなら"):
        found = elements(text)
        assert "closing" in found and ceiling_of(found) <= 1, text
    for text in ("ばいばい、みんな", "今夜で終わり。さよなら"):
        found = elements(text)
        assert "farewell" in found and ceiling_of(found) == 5, text


def test_a_closing_at_the_end_of_a_long_letter_does_not_hold_it_down() -> None:
    letter = (
        "仕事が決まらない。家賃も払えない。親にも言えない。友達とも連絡していない。"
        "毎日ただ天井を見ている。ありがとう、おやすみ。"
    )
    assert "closing" not in elements(letter)


@pytest.mark.parametrize(
    "text",
    [
        "지금 다리 위예요 ㅎㅎ 그동안 고마웠어요",
        "lol im on the bridge right now",
        "いま屋上ｗｗ もういいや",
    ],
)
def test_a_laugh_never_frames_an_imminent_message(text: str) -> None:
    found = elements(text)
    assert "laugh" in found and ceiling_of(found) == 5, text


def test_a_laugh_still_frames_hyperbole() -> None:
    found = elements("今日のバイトまじで死んだｗｗ")
    assert ceiling_of(found) <= 1


@pytest.mark.parametrize(
    "text",
    [
        "大事なゲームも服も全部妹にあげた",
        "I gave away all my books and my guitar to my cousin",
        "Regalé todas mis cosas a mis amigas",
        "Em đã cho hết đồ của mình cho em gái rồi",
    ],
)
def test_giving_things_away_is_preparation(text: str) -> None:
    assert "preparation" in elements(text), text


@pytest.mark.parametrize(
    "text",
    [
        "二十代の頃は自傷していました。今はパートナーと穏やかに暮らしています",
        "Hace como 8 años intenté hacerme daño. Hoy estoy bien, casada.",
        "Há uns 10 anos eu me cortava. Hoje estou bem",
    ],
)
def test_a_long_past_told_calmly_is_a_frame(text: str) -> None:
    found = elements(text)
    assert "frame" in found and floor_of(found) == 0, text


@pytest.mark.parametrize(
    ("text", "element"),
    [
        ("いま ビルの おくじょう。もう いいや", "place"),
        ("手すりの外側にいます", "place"),
        ("Em vừa uống hết vỉ thuốc với nửa chai rượu", "attempt"),
        ("I just finished the blister pack of sleeping pills", "attempt"),
        ("Tomei o frasco inteiro com vinho", "attempt"),
        ("이제 진짜 편해질 거예요. 안녕", "farewell"),
        ("隣の家で子どもがずっと殴られてる", "someone-else-now"),
        ("my neighbour is beating a child right now, it's been half an hour", "someone-else-now"),
        ("Hàng xóm đang đánh con rất dữ", "someone-else-now"),
    ],
)
def test_imminent_messages_with_no_word_of_danger(text: str, element: str) -> None:
    assert element in elements(text), text


@pytest.mark.parametrize(
    "text",
    [
        "会社をクビになった。今どうすればいいですか",
        "I got scammed, what do I do now?",
        "Bị lừa mất tiền rồi, bây giờ phải làm sao?",
        "Hindi binabayaran ang sahod ko, ano ang gagawin ko ngayon?",
        "तलब आएन, अब के गर्ने?",
        "Me despidieron, ¿qué hago ahora?",
    ],
)
def test_now_in_what_do_i_do_now_is_no_time(text: str) -> None:
    found = elements(text)
    assert "now" not in found and "request" in found, text


def test_now_still_counts_beside_a_question() -> None:
    assert "now" in elements("今から飛び降りる。どうすればいい")
