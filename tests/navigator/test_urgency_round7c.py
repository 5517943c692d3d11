"""Urgency, round 7c: someone else in danger now, said by what they do not do — gone up to
the roof and not come back down, not coming out of a room or answering at the door among
pills or after a wish to die, no reply since a goodbye. Read only beside a sign of danger,
so that a son who won't come out to play games, or a friend who doesn't answer because she
is angry, stays low. Each text here is written for the class, not taken from the sets."""

from __future__ import annotations

import pytest

from tests.navigator.conftest import elements
from tsunagari.navigator.urgency import grade

GONE_QUIET_BESIDE_DANGER = [
    "先輩が屋上に行ったきり、一時間たっても降りてこない",
    "母がノックしても返事がない。机に睡眠薬の空のシートがあった",
    "おかんが「死にたい」言うて部屋に入ったまま出てこん",
    "imouto ga okujou ni itta kedo mada orite konai",
    "My brother went up to the rooftop after dinner and hasn't come back down",
    "My roommate texted me goodbye at midnight, no reply since",
    "My sister said she wanted to die and now she won't answer the door",
    "室友说了再见了就一直没有回复",
    "我媽說不想活了，把自己關在房間裡，敲門也沒反應",
    "동생이 옥상에 올라가서 안 내려와요",
    "Bạn tôi nhắn tạm biệt rồi không ai trả lời",
    "Meu irmão subiu no telhado e ainda não desceu",
    "Mi hija dijo que quería morir y no abre la puerta",
    "Nagpaalam si kuya sa chat, hindi na siya sumasagot",
    "Adik saya bilang ingin mati, dia nggak mau buka pintu",
    "พี่ชายขึ้นไปบนดาดฟ้า ยังไม่ลงมา",
    "दाइ छतमा जानुभयो, अझै झरेको छैन",
]


@pytest.mark.parametrize("text", GONE_QUIET_BESIDE_DANGER)
def test_someone_gone_quiet_beside_a_sign_of_danger_is_someone_else_now(text: str) -> None:
    found = elements(text)
    assert "someone-else-now" in found, (text, found)


@pytest.mark.parametrize(
    "text",
    [
        "同僚が屋上に上がっていったまま降りてきません。様子が変だった",
        "My friend sent a farewell message an hour ago and hasn't replied",
        "朋友發了告別的訊息之後一直沒有回覆",
    ],
)
def test_someone_gone_quiet_beside_a_sign_of_danger_is_graded_5(text: str) -> None:
    assert grade(text).level == 5, text


@pytest.mark.parametrize(
    "text",
    [
        "my son won't come out of his room, he plays games all night",
        "she doesn't answer my calls, I think she's angry",
        "息子が部屋から出てこない。一晩中ゲームしてる",
        "娘はこの半年、部屋からほとんど出てきません。睡眠薬を処方されています",
        "Minha filha não sai do quarto, fica no celular o dia todo",
        "我儿子一直不出来，整天打游戏",
        "我去看过那栋楼的天台，白天照常上班，别人看不出来",  # 看不出来: cannot tell, no door
        "Anak saya nggak mau keluar kamar, main game terus",
        "동생이 방에서 안 나와요. 게임만 해요",
    ],
)
def test_not_coming_out_without_a_sign_of_danger_is_not_someone_else_now(text: str) -> None:
    found = elements(text)
    assert "someone-else-now" not in found, (text, found)
