"""Urgency, round 7b: the imminent messages of sets 14–16 graded below 5, as classes —
someone else trying to end their life now or who has just jumped, violence heard now, pills
counted and swallowed (rōmaji, kana), standing now where the act would be, and affairs put in
order in Chinese. One element alone sets no floor (floor_of): the learned reader, which
reads every element, grades it. Each text here is written for the class, not taken from the sets."""

from __future__ import annotations

import pytest

from tests.navigator.conftest import elements
from tsunagari.navigator.urgency import ceiling_of, floor_of


@pytest.mark.parametrize(
    "text",
    [
        "朝ごはんのあと薬を2錠飲んだ",  # a dose is no attempt: the count has two digits
        "kusuri wo nomu no wasureta",
        "友達が来月引っ越そうとしています",
        "昨日、友達がプールに飛び込んだ",
        "站在月台上等车，好累",
        "ima 50 jou gurai aru. itsu ka tsukau",
    ],
)
def test_ordinary_neighbours_of_these_classes_are_not_imminent(text: str) -> None:
    found = elements(text)
    assert not {"someone-else-now", "attempt", "preparation"} & found, (text, found)


def test_the_dialect_wish_form_in_te_is_a_thought() -> None:
    found = elements("なんもかんも嫌んなった。死にてぇ")
    assert "thought" in found, found


@pytest.mark.parametrize(
    ("text", "framed"),
    [
        ("quero morrer, não é drama, é sério", False),
        ("Minha irmã diz que quer morrer, ela assiste muito drama coreano", True),
        ("친구가 자해를 했었는데 지금은 괜찮다고 해요", False),
        ("지금은 괜찮아요. 10년 전 일이에요", True),
        ("유학 온 지 2년째예요. 죽고 싶어요", False),
    ],
)
def test_frames_said_not_to_hold_are_read_out(text: str, framed: bool) -> None:
    found = elements(text)
    assert ("frame" in found) is framed, (text, found)


@pytest.mark.parametrize(
    "text",
    [
        "Salamat po, gumaan talaga loob ko. Matutulog na po ako",
        "오늘 고마웠어요. 이제 자러 갈게요",
        "धन्यवाद, मन हलुका भयो। अब म सुत्न जान्छु",
        "Cảm ơn chị, em thấy ổn hơn rồi",
        "はなし きいてくれて ありがと もうねる",
        "나중에 또 올게요",
        "ありがとな。また寂しくなったら来っから",
    ],
)
def test_a_chats_end_in_more_languages_is_a_closing(text: str) -> None:
    found = elements(text)
    assert found & {"closing", "again"}, (text, found)


@pytest.mark.parametrize(
    "text",
    [
        "ロープは押し入れにある。今やないけど、決めてる",
        "kusuri atsumete aru. ima ja nai kedo",
        "I have the pills ready. Not doing it right now though",
        "Aku sudah beli tali. Belum sekarang kok",
        "Nakatago ang mga gamot. Hindi pa ngayon",
        "번개탄 사놨어요. 아직은 아니에요",
        "绳子买好了，不是今天",
    ],
)
def test_not_now_with_means_or_method_is_four_not_five(text: str) -> None:
    found = elements(text)
    assert "no-time" in found, (text, found)
    assert min(max(floor_of(found), 4), ceiling_of(found)) == 4, (text, found)


def test_not_now_does_not_hold_down_an_attempt() -> None:
    found = elements("今日はしないって言ったけど、さっき薬を全部飲んだ")
    assert "attempt" in found, found
    assert ceiling_of(found) == 5, found


@pytest.mark.parametrize(
    "text",
    [
        "ロープは買ってある。誕生日の前の日にするつもり",
        "Em đã mua dây rồi, nhận lương xong sẽ làm",
        "Aku sudah beli tali. Habis gajian nanti",
        "수면제 모아 뒀어요. 시험 끝나면 할 거예요",
        "I bought a rope. After my exams, that's when",
    ],
)
def test_means_with_a_day_ahead_is_four_not_five(text: str) -> None:
    found = elements(text)
    assert "later" in found, (text, found)
    assert ceiling_of(found) == 4, (text, found)


@pytest.mark.parametrize(
    "text",
    [
        "Compré una cuerda. La tengo guardada por si acaso",
        "I keep a razor in my drawer just in case",
        "kusuri wo atsumete iru. itsu ka tsukau tsumori",
    ],
)
def test_means_kept_just_in_case_is_four_not_five(text: str) -> None:
    found = elements(text)
    assert "no-time" in found, (text, found)
    assert ceiling_of(found) == 4, (text, found)


def test_rent_paid_to_the_end_of_the_month_sets_no_day() -> None:
    found = elements("I wrote the letters. Rent's paid up to the end of the month.")
    assert "later" not in found, found


# Each class of round 7b and the element that names it (texts written for the class).
CLASSES = [
    pytest.param(
        "someone-else-now",
        "いもうとが いま ベランダから とびおりようと しています。どうしよう",
        id="someone_else_trying_now_or_just_jumped_is_imminent",
    ),
    pytest.param(
        "someone-else-now",
        "友達が今、橋から飛び降りようとしてる。止められない",
        id="someone_else_trying_now_or_just_jumped_is_imminent",
    ),
    pytest.param(
        "someone-else-now",
        "My roommate is trying to jump from the balcony and I can't stop him",
        id="someone_else_trying_now_or_just_jumped_is_imminent",
    ),
    pytest.param(
        "someone-else-now",
        "我朋友刚才从宿舍楼上跳下去了，还有意识",
        id="someone_else_trying_now_or_just_jumped_is_imminent",
    ),
    pytest.param(
        "someone-else-now",
        "Adik saya barusan lompat dari jembatan, tolong",
        id="someone_else_trying_now_or_just_jumped_is_imminent",
    ),
    pytest.param(
        "someone-else-now",
        "Bạn em vừa nhảy xuống từ tầng 4, em phải làm gì",
        id="someone_else_trying_now_or_just_jumped_is_imminent",
    ),
    pytest.param(
        "someone-else-now",
        "친구가 방금 뛰어내렸어요 어떡해요",
        id="someone_else_trying_now_or_just_jumped_is_imminent",
    ),
    pytest.param(
        "someone-else-now",
        "Meu irmão acabou de pular da ponte",
        id="someone_else_trying_now_or_just_jumped_is_imminent",
    ),
    pytest.param(
        "someone-else-now",
        "うえの かいで おとこのひとが どなってて、たたく おと が きこえます",
        id="violence_heard_now_is_imminent",
    ),
    pytest.param(
        "someone-else-now",
        "隣の部屋から子どもの泣き声と、殴る音がしています",
        id="violence_heard_now_is_imminent",
    ),
    pytest.param(
        "someone-else-now",
        "I can hear him hitting the kids next door right now",
        id="violence_heard_now_is_imminent",
    ),
    pytest.param("someone-else-now", "我听到隔壁打孩子的声音", id="violence_heard_now_is_imminent"),
    pytest.param(
        "someone-else-now", "옆집에서 아이 때리는 소리가 나요", id="violence_heard_now_is_imminent"
    ),
    pytest.param(
        "someone-else-now", "うえの へやで なぐる おと。いま", id="violence_heard_now_is_imminent"
    ),
    pytest.param(
        "attempt",
        "kusuri 30 jou nonda. atama ga bonyari suru",
        id="pills_counted_and_swallowed_is_an_attempt",
    ),
    pytest.param(
        "attempt", "さっき くすり 40じょう のんだ", id="pills_counted_and_swallowed_is_an_attempt"
    ),
    pytest.param(
        "attempt", "睡眠薬を20錠飲みました", id="pills_counted_and_swallowed_is_an_attempt"
    ),
    pytest.param(
        "attempt", "suiminyaku zenbu nonda", id="pills_counted_and_swallowed_is_an_attempt"
    ),
    pytest.param(
        "attempt", "我现在站在桥边，风很大", id="standing_where_the_act_would_be_is_an_attempt"
    ),
    pytest.param(
        "attempt", "我現在站在頂樓欄杆外", id="standing_where_the_act_would_be_is_an_attempt"
    ),
    pytest.param(
        "attempt",
        "駅の 黄色い線の外側に立ってる",
        id="standing_where_the_act_would_be_is_an_attempt",
    ),
    pytest.param(
        "attempt",
        "I'm standing past the yellow line at the station",
        id="standing_where_the_act_would_be_is_an_attempt",
    ),
    pytest.param(
        "preparation",
        "我把房间整理好了，东西都送给了朋友。给妈妈的信写好了。",
        id="affairs_put_in_order_in_chinese_is_preparation",
    ),
    pytest.param(
        "preparation",
        "房間收拾好了，衣服全給了室友，遺書已經寫好了。論文也不用寫了。",
        id="affairs_put_in_order_in_chinese_is_preparation",
    ),
    pytest.param(
        "repeated-self-harm",
        "Sering banget aku menyilet tangan kalau lagi sedih",
        id="cutting_as_a_habit_is_repeated_self_harm",
    ),
    pytest.param(
        "repeated-self-harm",
        "몇 주째 밤마다 팔을 긋고 있어요",
        id="cutting_as_a_habit_is_repeated_self_harm",
    ),
    pytest.param(
        "repeated-self-harm", "เมื่อคืนก็กรีดแขนอีกแล้ว", id="cutting_as_a_habit_is_repeated_self_harm"
    ),
    pytest.param(
        "repeated-self-harm",
        "ngày nào cũng rạch tay",
        id="cutting_as_a_habit_is_repeated_self_harm",
    ),
    pytest.param(
        "repeated-self-harm",
        "Ilang beses ko na pong sinaktan ang sarili ko",
        id="cutting_as_a_habit_is_repeated_self_harm",
    ),
    pytest.param(
        "place",
        "びょういんの おくじょう かぎが こわれてて はいれる",
        id="the_way_to_a_height_found_open_is_a_place",
    ),
    pytest.param(
        "place",
        "ビルの屋上、鍵がかかってないって知ってる",
        id="the_way_to_a_height_found_open_is_a_place",
    ),
    pytest.param(
        "place", "非常階段の柵が低いのを知っている", id="the_way_to_a_height_found_open_is_a_place"
    ),
    pytest.param(
        "place",
        "The rooftop door is unlocked at night",
        id="the_way_to_a_height_found_open_is_a_place",
    ),
    pytest.param("plan", "时间已经定好了，就在考完试以后", id="the_day_or_the_place_set_is_a_plan"),
    pytest.param("plan", "我看好了那个地方", id="the_day_or_the_place_set_is_a_plan"),
    pytest.param("plan", "장소도 정해 놨어요", id="the_day_or_the_place_set_is_a_plan"),
    pytest.param(
        "plan", "Alam ko na kung saan ko gagawin", id="the_day_or_the_place_set_is_a_plan"
    ),
    pytest.param("plan", "こうえんの いけ あそこで しぬ", id="the_day_or_the_place_set_is_a_plan"),
]


@pytest.mark.parametrize(("element", "text"), CLASSES)
def test_each_class_is_recognised_by_its_element(element: str, text: str) -> None:
    found = elements(text)
    assert element in found, (text, found)
