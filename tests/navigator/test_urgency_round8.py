"""Urgency, round 8 (after set 17 was read): classes of meaning, each text written for its
class, not taken from the sets.

- *Not today, fine today*: a method, a place or means kept with "not today" (in dialect, in
  other languages) is a plan, level 4, not imminent.
- A blade held to the neck or wrist now, by the writer or by someone else, is under way.
- An older person living alone who does not answer, beside the signs of a fall (newspapers
  not taken in, a locked door, the television on), is someone else in danger now.
- A frame in another sentence (a game, a thesis) does not distance a sentence that acts
  (pills tonight, a day chosen); a social network's story is no fiction; 「ドラマじゃない」
  says the opposite of a story.
- Someone else who has *not* spoken of dying is a denial, not a thought.
"""

from __future__ import annotations

import pytest

from tests.navigator.conftest import elements
from tsunagari.navigator.urgency import grade

NOT_TODAY = [
    "ロープはもう買ってある。場所も決めた。今日はせえへんから安心して",
    "練炭は車に積んである。でも今日じゃなかよ",
    "薬を貯めてるけど、今日どうこうするつもりはないです",
    "I've picked the bridge. I'm fine for today though",
    "Ya tengo las pastillas guardadas. Hoy estoy bien, no te preocupes",
    "약은 모아 뒀어요. 오늘은 아니에요.",
    "Em đã mua dây thừng rồi. Hôm nay em vẫn ổn",
    "ตัดสินใจแล้วว่าจะกระโดดจากสะพาน ตอนนี้ยังไม่ทำหรอก",
]

BLADE_HELD_NOW = [
    "父がカッターを手首に当てて座り込んでいます",
    "弟が包丁を自分の首に突きつけてる、どうしよう",
    "My roommate is holding a knife to her throat and won't put it down",
    "我男朋友拿着刀架在脖子上，说要死给我看",
    "Mẹ em đang kề dao vào cổ",
    "Mi hermano tiene un cuchillo contra el cuello",
    "엄마가 칼을 목에 대고 있어요",
]

ALONE_AND_NO_ANSWER = [
    "近所で一人暮らししてるおじいさんの家、新聞が二日分たまってて、呼んでも返事がない",
    "独り暮らしの母に会いに来たら鍵がかかってて、中で電気がついてるのに返事がありません",
    "My elderly neighbour lives alone. Her mail is piling up and she isn't answering the door",
    "A vizinha mora sozinha, os jornais estão na porta e ela não atende",
    "邻居老奶奶一个人住，报纸堆在门口，敲门没人应",
]

# Newspapers collected and an answer given: no element of danger (the learned reader, not
# retrained this round, still reads the first like the welfare checks it was trained on).
ALONE_AND_WELL = [
    "隣のおじいさんが毎朝新聞を取りに出てくる。今日も元気そうだった",
    "一人暮らしの祖母に電話したら、ちゃんと返事があって安心しました",
]

ACTS_BESIDE_ANOTHER_FRAME = [
    "ゲームも楽しくない。もう死にたい。今夜、薬を全部飲む",
    "論文が書けない。今夜、屋上から飛ぶと決めた",
    "I used to love movies. Not anymore. Tonight I'm taking all my pills",
]

FICTION_THAT_ACTS = [
    "小説を書いています。主人公が今夜薬を全部飲む場面です。リアルに書くにはどうしたら",
    "I'm writing a short story. The main character takes all her pills tonight. Is that realistic?",
]

NOT_A_STORY = [
    "ドラマじゃないよ。もう薬を全部飲んだ",
    "Hindi ito drama. Nainom ko na lahat ng gamot",
    "My sister just posted a story on instagram saying goodbye everyone, now she won't pick up",
]

NOT_SPOKEN_OF_DYING = [
    "父は最近お酒が増えた。死にたいとかは言ってないけど、心配です",
    "My son is withdrawn. He hasn't said anything about hurting himself, but I worry",
]


@pytest.mark.parametrize("text", NOT_TODAY)
def test_means_or_a_place_with_not_today_is_a_plan(text: str) -> None:
    found = elements(text)
    assert "no-time" in found, (text, found)
    assert grade(text).level == 4, (text, grade(text), found)


def test_today_said_to_act_is_still_now() -> None:
    for text in ("ロープはもう買ってある。今日やる", "I've got the pills. Tonight's the night"):
        assert "no-time" not in elements(text), text
        assert grade(text).level == 5, (text, grade(text))


@pytest.mark.parametrize("text", BLADE_HELD_NOW)
def test_a_blade_held_to_the_body_now_is_under_way(text: str) -> None:
    found = elements(text)
    assert "attempt" in found, (text, found)
    assert grade(text).level == 5, (text, grade(text), found)


@pytest.mark.parametrize("text", ALONE_AND_NO_ANSWER)
def test_someone_alone_who_does_not_answer_beside_signs_of_a_fall(text: str) -> None:
    found = elements(text)
    assert "someone-else-now" in found, (text, found)
    assert grade(text).level == 5, (text, grade(text), found)


@pytest.mark.parametrize("text", ALONE_AND_WELL)
def test_someone_alone_who_answers_is_no_one_in_danger(text: str) -> None:
    found = elements(text)
    assert "someone-else-now" not in found, (text, found)
    assert "frame" not in found, (text, found)  # a newspaper taken in is no news story


@pytest.mark.parametrize("text", ACTS_BESIDE_ANOTHER_FRAME)
def test_a_sentence_that_acts_is_not_framed_by_another(text: str) -> None:
    assert grade(text).level == 5, (text, grade(text), elements(text))


@pytest.mark.parametrize("text", FICTION_THAT_ACTS)
def test_fiction_whose_acting_sentence_names_its_frame_stays_low(text: str) -> None:
    assert grade(text).level <= 1, (text, grade(text), elements(text))


@pytest.mark.parametrize("text", NOT_A_STORY)
def test_not_a_story(text: str) -> None:
    found = elements(text)
    assert "frame" not in found, (text, found)
    assert grade(text).level == 5, (text, grade(text), found)


@pytest.mark.parametrize("text", NOT_SPOKEN_OF_DYING)
def test_someone_who_has_not_spoken_of_dying_is_a_denial(text: str) -> None:
    found = elements(text)
    assert "denial" in found, (text, found)
    assert grade(text).level <= 2, (text, grade(text), found)
