"""Urgency, round 9 (after set 19 was read): classes of meaning, each text written for its
class, not taken from the sets.

- The crisis second reader learns from the labelled messages too, and from each sentence of
  the ordinary ones: one polite sentence of a long letter no longer reads as danger.
- *Not now* in more forms: 今はまだ何もしない, 今日明日という話ではない, not gonna do
  anything tonight, hindi ngayon, bây giờ thì chưa — but 今しないと is still now.
- A chat that ends because the writer got what they came for (that's all I needed; これで
  失礼します) is no farewell; thanks for everything still is.
- An attempt long past told beside a life that is well now (高校の時に一度…今は毎日楽しい)
  is the past; a wish *since* school goes on.
- A dark line called a lie or a joke in brackets (（嘘だけど）) is a joke.
- A way to die *not* looked up is no method.
- A deadline of daily life (evicted next month, the dormitory by the end of the month) is no
  day set.
- Someone who said they took pills and then went silent is in danger now (in romaji with an
  app's name too: romaji keeps one foreign word as written in a longer text).
"""

from __future__ import annotations

import pytest

from tests.navigator.conftest import elements
from tsunagari.navigator import crisis_model
from tsunagari.navigator.urgency import grade

ORDINARY_SENTENCES = [
    "これからもよろしくお願いいたします。",
    "今日は肉じゃがを作りました。",
    "来週の面談の日程、これから決めますね。",
    "Olá, boa tarde a todos, tudo bem com vocês?",
    "Thank you again for the lovely flowers you sent last week.",
    "Chị ơi, cảm ơn chị nhiều lắm nha.",
]

NOT_NOW = [
    "場所はもう決めてある。でも今はまだ何もしないよ",
    "薬は集めてる。今日明日って話じゃないから心配しないで",
    "I know which pills and how many. not gonna do anything tonight, promise",
    "Alam ko na kung saang tulay. Pero hindi ngayon",
    "Em đã tìm hiểu cách rồi. Bây giờ thì chưa",
    # round 9b: Korean, Chinese, romaji (the particle written *wa*)
    "약은 이미 모아 뒀어요. 아직은 안 할 거예요.",
    "天台的位置我已经找好了。现在还在上班，别担心",
    "yarikata wa shirabeta. ima wa shinai kedo, raigetsu ni suru kamo",
]

GOT_WHAT_THEY_CAME_FOR = [
    "ok got the number, that's all I needed. bye!",
    "わかりました、ありがとうございました。これで失礼いたします。さようなら",
    "nakuha ko na po yung form, salamat po! bye",
]

REAL_FAREWELLS = [
    "今までありがとう。さようなら",
    "thank you for everything. goodbye",
]

PAST_AND_WELL_NOW = [
    "中学の時に一度死のうとしたけど、今は毎日楽しいです。同じ悩みの友達にどう声をかければいい？",
    "二十年も前に自殺未遂をしました。今はすっかり元気です。ボランティアをしたいです",
]

STILL_THERE = [
    "高校の時から死にたいと思ってる",
    "今は楽しくない。死にたい",
]

JOKES = [
    "テスト全滅、もう生きていけない（嘘だけど）",
    "推しが結婚した、もう死ぬ(冗談です)",
]


@pytest.mark.parametrize("text", ORDINARY_SENTENCES)
def test_the_second_reader_is_quiet_on_an_ordinary_sentence(text: str) -> None:
    assert not crisis_model.load_model().raises(text), text
    assert "crisis-rules" not in elements(text), (text, elements(text))


@pytest.mark.parametrize("text", NOT_NOW)
def test_not_now_in_more_forms_is_a_plan_not_imminent(text: str) -> None:
    found = elements(text)
    assert "no-time" in found, (text, found)
    assert grade(text).level == 4, (text, grade(text), found)


def test_what_must_be_done_now_is_still_now() -> None:
    text = "ロープはもう用意した。今しないと、もう勇気が出ない"
    assert "no-time" not in elements(text)
    assert grade(text).level == 5, grade(text)


@pytest.mark.parametrize("text", GOT_WHAT_THEY_CAME_FOR)
def test_a_chat_ended_with_what_was_needed_is_no_farewell(text: str) -> None:
    found = elements(text)
    assert "closing" in found, (text, found)
    assert grade(text).level <= 1, (text, grade(text), found)


@pytest.mark.parametrize("text", REAL_FAREWELLS)
def test_a_farewell_is_still_imminent(text: str) -> None:
    assert grade(text).level == 5, (text, grade(text), elements(text))


@pytest.mark.parametrize("text", PAST_AND_WELL_NOW)
def test_an_attempt_long_past_beside_a_life_well_now_is_the_past(text: str) -> None:
    found = elements(text)
    assert "frame" in found, (text, found)
    assert grade(text).level <= 1, (text, grade(text), found)


@pytest.mark.parametrize("text", STILL_THERE)
def test_a_wish_since_school_or_no_joy_now_is_no_past(text: str) -> None:
    assert "frame" not in elements(text), text
    assert grade(text).level >= 2, (text, grade(text))


@pytest.mark.parametrize("text", JOKES)
def test_a_line_called_a_joke_in_brackets_is_a_joke(text: str) -> None:
    assert grade(text).level <= 1, (text, grade(text), elements(text))


def test_a_way_to_die_not_looked_up_is_no_method() -> None:
    found = elements("死ぬ方法は調べてないけど、消えたいと毎日思う")
    assert "method" not in found, found
    assert "method" in elements("死ぬ方法を調べてしまった")


SAID_PILLS_THEN_SILENCE = [
    "弟が「薬飲んだ」って送ってきてから返信がない",
    "kanojo ga insta de 'kusuri nonda' tte kaite kara henji nai. dou shitara ii",
]


@pytest.mark.parametrize("text", SAID_PILLS_THEN_SILENCE)
def test_someone_who_said_they_took_pills_then_went_silent_is_in_danger_now(text: str) -> None:
    found = elements(text)
    assert "someone-else-now" in found, (text, found)
    assert grade(text).level == 5, (text, grade(text), found)


def test_cold_medicine_and_no_reply_is_no_danger() -> None:
    assert "someone-else-now" not in elements("風邪薬飲んだって友達に言ったら返事がない")


DEADLINES_OF_DAILY_LIFE = [
    "来月までにアパートを出ていくように言われた",
    "My visa runs out next month and I don't know what to do",
    "公司让我下个月底搬出宿舍，怎么办",
]


@pytest.mark.parametrize("text", DEADLINES_OF_DAILY_LIFE)
def test_a_deadline_of_daily_life_is_no_day_set(text: str) -> None:
    assert "later" not in elements(text), (text, elements(text))
    assert grade(text).level <= 2, (text, grade(text))


def test_a_day_chosen_to_die_is_still_a_day_set() -> None:
    found = elements("来月の20日に死ぬと決めた")
    assert "later" in found, found
    assert grade("来月の20日に死ぬと決めた").level == 4


# --- round 9b (after set 20 was read) ---------------------------------------------------------

FOLLOW_UPS = [
    "先週はお電話で話を聞いていただき、ありがとうございました。おかげさまで、息子と久しぶりに"
    "ご飯を食べることができました。地域のサロンにも行ってみます。本当にありがとうございました。"
    "さようなら。",
    "Hi, I just wanted to let you know things got better: I passed the interview! Thanks again "
    "for your help last week. Bye!",
]


@pytest.mark.parametrize("text", FOLLOW_UPS)
def test_a_letter_back_after_help_that_went_better_is_no_farewell(text: str) -> None:
    found = elements(text)
    assert "follow-up" in found, (text, found)
    assert grade(text).level <= 1, (text, grade(text), found)


def test_thanks_for_the_other_day_with_a_goodbye_tonight_is_still_a_farewell() -> None:
    text = "先日は話を聞いてくれてありがとう。今夜、さようなら"
    assert grade(text).level == 5, (text, grade(text), elements(text))


URGES_TO_CUT_AGAIN = [
    "またきりたい。はんとし やめてたのに",
    "また切りたくなってる。一年やめてたのに",
]


@pytest.mark.parametrize("text", URGES_TO_CUT_AGAIN)
def test_an_urge_to_cut_again_is_self_harm_not_a_habit(text: str) -> None:
    found = elements(text)
    assert "repeated-self-harm" not in found and "self-harm" in found, (text, found)
    assert grade(text).crisis, (text, grade(text))


def test_vegetables_cut_again_are_no_self_harm() -> None:
    assert "self-harm" not in elements("野菜をまた切りたい")


CUTTING_AS_A_HABIT = [
    "my sister has been cutting every night for a few weeks, she hides it with long sleeves",
    "Hindi ko na mapigilan maghiwa, halos araw-araw na",
]


@pytest.mark.parametrize("text", CUTTING_AS_A_HABIT)
def test_cutting_every_night_is_repeated_self_harm(text: str) -> None:
    assert "repeated-self-harm" in elements(text), (text, elements(text))


JOKES_WITH_DEATH_EMOJI = [
    "締め切り三本重なってマジで死ぬ😇 来週は休む",
    "lmao that exam killed me 💀 anyway pizza tonight?",
    "这个boss打了一晚上，死了三十次，有攻略吗",
]


@pytest.mark.parametrize("text", JOKES_WITH_DEATH_EMOJI)
def test_death_as_a_joke_or_a_game_stays_low(text: str) -> None:
    assert grade(text).level <= 1, (text, grade(text), elements(text))
