"""Urgency, round 6 after the lead's blind set 12: four classes of imminent messages graded
low — a farewell (thanks for a long time, things put in order, a letter written) read as a
chat's closing, violence to another person now written in kana, an attempt just made in every
language, and someone else's attempt under way in romaji as in kana and kanji."""

from __future__ import annotations

import pytest

from tests.navigator.conftest import elements
from tsunagari.navigator.urgency import ceiling_of, floor_of


@pytest.mark.parametrize(
    "text",
    [
        "部屋はぜんぶ片付けた。遺書も書いた。今夜行く。お世話になりました",
        "身辺整理は済んだし、手紙もかいだ。今から海さ行ぐ。ありがとな",
        "書き置きを残した。今日で終わり。今まで本当にありがとう。またね",
        "I wrote a letter to my mom. Tonight I go to the river. Thank you for everything, see you",
    ],
)
def test_a_closing_never_holds_down_preparation_a_time_or_a_place(text: str) -> None:
    found = elements(text)
    assert {"preparation", "now"} <= found and ceiling_of(found) == 5, text
    assert floor_of(found) == 5, text


@pytest.mark.parametrize(
    "text",
    [
        "長いこと世話になったな",
        "ながいあいだ お世話になりました",
        "今までありがとう",
        "thank you for everything",
        "谢谢你们这些年",
        "Gracias por todo, de verdad",
        "Obrigado por tudo",
    ],
)
def test_thanks_for_a_long_time_is_a_farewell(text: str) -> None:
    assert "farewell" in elements(text), text


@pytest.mark.parametrize(
    "text",
    [
        "もう整理したし、てがみも かいた",
        "部屋を片付けた。置き手紙を書いた",
        "身辺整理しておいた",
    ],
)
def test_things_put_in_order_and_a_letter_written_are_preparation(text: str) -> None:
    assert "preparation" in elements(text), text


@pytest.mark.parametrize(
    "text",
    [
        "となりの いえの こども、いま おやに なぐられて ないています",
        "上の階の女の人がいま殴られて叫んでる。ずっと",
        "アパートの となりで おんなのひとが たたかれて います。いま",
        "my neighbour is being beaten right now, she keeps screaming",
        "Chị hàng xóm đang bị đánh bây giờ, la hét mãi",
        "隔壁的女人现在正在被打，一直在叫",
    ],
)
def test_violence_to_another_now_in_any_script_is_danger_to_someone_else(text: str) -> None:
    found = elements(text)
    assert "someone-else-now" in found and "now" in found, text
    assert floor_of(found) == 5, text


@pytest.mark.parametrize(
    "text",
    [
        "방금 팔을 그었어요. 피가 안 멈춰요",
        "刚才割了手腕，流了很多血",
        "Em vừa mới cắt tay, chảy nhiều máu quá",
        "Kakahiwa ko lang kanina lang, ang dami ng dugo",
        "Acabei de me cortar agora, muito sangue",
        "Acabo de cortarme hace un rato, no deja de sangrar",
        "भर्खर हात काटें, धेरै रगत आयो",
        "Barusan menyayat tangan, darahnya tidak berhenti",
        "เมื่อกี้เพิ่งกรีดแขน เลือดออกไม่หยุด",
        "I just cut my wrist just now and I'm bleeding so much",
        "さっき手首を切った。血がとまらない",
        "sakki tekubi kitta. chi ga tomaranai",
    ],
)
def test_an_attempt_just_made_in_every_language(text: str) -> None:
    found = elements(text)
    assert {"attempt", "now"} <= found and floor_of(found) == 5, text


@pytest.mark.parametrize(
    "text",
    [
        "kare ga kusuri wo zenbu nonda. yondemo okinai",
        "ともだちが くすり たくさん のんで おきない。こきゅうが へん",
        "友達が薬を大量に飲んで、揺すっても起きない",
        "imouto ga te wo kitte chi ga tomaranai",
        "my roommate took a lot of pills and won't wake up",
        "Bạn em uống hết thuốc, gọi không tỉnh",
    ],
)
def test_someone_elses_attempt_under_way(text: str) -> None:
    found = elements(text)
    assert {"attempt", "someone-else-now"} <= found and floor_of(found) == 5, text


@pytest.mark.parametrize(
    "text",
    [
        "今夜行くね。長いこと世話になったな。またね",
        "tonight is the night. thank you for everything. see you soon",
        "Esta noche me voy. Gracias por todo. Hasta mañana",
    ],
)
def test_a_farewell_with_a_time_is_no_closing(text: str) -> None:
    found = elements(text)
    assert {"closing", "farewell", "now"} <= found and ceiling_of(found) == 5, text
