"""Urgency, round 6 after the lead's blind set 13: a wish to sleep and not wake up read as an
attempt (not waking is an attempt only when someone else is being woken now), a friend hit at
work (the Japanese -ている form alone is a habit, not violence now), and someone else found
hanging or with a cord at the neck, not moving, graded 1 in kana."""

from __future__ import annotations

import pytest

from tests.navigator.conftest import elements
from tsunagari.navigator.urgency import floor_of


@pytest.mark.parametrize(
    "text",
    [
        "Às vezes eu queria dormir e não acordar mais. Não vou fazer nada, é só cansaço mesmo",
        "às vezes penso que seria melhor se eu dormisse e não acordasse mais. não vou fazer nada",
        "Sometimes I think it would be better if I didn't wake up",
        "眠ったまま目が覚めなければいいのに",
        "睡着了不要醒来就好了",
        "muốn ngủ một giấc không dậy nữa",
        "gusto ko na lang matulog at hindi na magising",
        "A veces quisiera dormir y no despertar más",
        "kadang ingin tidur dan tidak bangun lagi",
        "잠들어서 다시는 깨어나지 않았으면 좋겠어",
    ],
)
def test_a_wish_not_to_wake_up_is_no_attempt(text: str) -> None:
    found = elements(text)
    assert not {"attempt", "method", "someone-else-now"} & found, (text, found)
    assert floor_of(found) < 5, text


@pytest.mark.parametrize(
    "text",
    [
        "My friend took all her pills and won't wake up",
        "Mi amiga tomó muchas pastillas y no despierta",
        "Minha amiga tomou muitos remédios e ela não acorda",
        "友達が薬をたくさん飲んで、呼んでも起きない",
    ],
)
def test_someone_else_not_waking_after_pills_is_still_found(text: str) -> None:
    assert "someone-else-now" in elements(text), text


@pytest.mark.parametrize(
    "text",
    [
        "わたしの ともだちは ベトナム人です。かいしゃの 人に たたかれて います。"
        "でも けいさつに いきたくない と いいます。どうしたら いいですか。",
        "友達が会社の人に叩かれています",
        "ともだちは おっとに けられて います。どうしたら いいですか",
        "友だちが職場でずっと殴られている。警察には行きたくないと言う",
    ],
)
def test_a_friend_hit_as_a_habit_is_no_danger_now(text: str) -> None:
    found = elements(text)
    assert not {"someone-else-now", "now"} & found, (text, found)
    assert floor_of(found) < 5, text


@pytest.mark.parametrize(
    "text",
    [
        "いま となりの へやで ははが ちちに たたかれて います",
        "姉が今も殴られてる、ずっと叫んでる",
    ],
)
def test_a_friend_hit_now_is_still_danger_now(text: str) -> None:
    assert "someone-else-now" in elements(text), text


@pytest.mark.parametrize(
    "text",
    [
        "たすけて ください。ともだちが へやで くびに ひもを… いま うごかない。"
        "きゅうきゅうしゃ なんばん ですか",
        "tasukete kudasai. tomodachi ga heya de kubi ni himo wo... ima ugokanai.",
        "兄が部屋で首を吊っていました。動かないです",
        "I found my brother hanging in his room, he is not moving",
        "Nakita ko ang kapatid ko, nagbigti siya, hindi na siya gumagalaw",
        "Tôi vừa thấy bạn tôi treo cổ trong phòng",
        "Encontrei meu irmão enforcado no quarto",
        "我朋友在房间里上吊了，一动不动",
    ],
)
def test_someone_else_found_hanging_is_in_danger_now(text: str) -> None:
    assert "someone-else-now" in elements(text), text


@pytest.mark.parametrize(
    "text",
    [
        "首を吊りたいと思うことがある",
        "I sometimes think about hanging myself",
        "muốn treo cổ",
        "몸이 움직이지 않아 너무 피곤해",
    ],
)
def test_ones_own_thought_of_hanging_is_not_someone_else(text: str) -> None:
    assert "someone-else-now" not in elements(text), text
