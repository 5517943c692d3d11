"""Urgency, round 10 (after set 21 was read) and 10b (after set 22): classes of meaning, each
text written for its class, not taken from the sets.

- How many pills it takes to die, asked in any tone and language, is a method and the
  thought of dying (4); asked for a nursing course or a novel it is framed.
- A frame told in another sentence does not distance a sign of *these days* (`lately`):
  a divorce ten years ago beside 最近…死にたい; until recently is still the past.
- What is no frame: someone playing a game, a pupil's own journal, a technical intern's job,
  the year one came to Japan, after class.
- What is no danger: a carer's round of medicine and meals; the next step to get help on a
  day ahead, with a goodbye; hyperbole of a test, of shame, of pain; a word's meaning asked.
- Farewells and someone else in danger in more forms: thanks for everything in Vietnamese and
  a phone turned off; Nepali in Latin letters.
- Denials, *not now*, days ahead and cutting for months in more languages.
"""

from __future__ import annotations

import pytest

from tests.navigator.conftest import elements
from tsunagari.navigator.urgency import grade

LETHAL_DOSE_QUESTIONS = [
    "風邪薬って何錠ぐらい飲んだら死ねるんですか",
    "how many sleeping pills would it take to die? just curious",
    "uống bao nhiêu viên thuốc cảm thì chết vậy",
    "吃多少片安眠药会死？",
    "quantos comprimidos de dormir precisa pra morrer",
    "수면제 몇 알 먹으면 죽어요?",
]

LETHAL_DOSE_FRAMED = [
    "看護学校の薬理学の授業で、アセトアミノフェンの致死量を調べる課題が出ました",
    "For my mystery novel: how many pills would kill a grown man in the story?",
]


@pytest.mark.parametrize("text", LETHAL_DOSE_QUESTIONS)
def test_how_many_pills_it_takes_to_die_is_a_method_and_a_thought(text: str) -> None:
    found = elements(text)
    assert {"method", "thought"} <= found, (text, found)
    # The elements give 4; the learned reader may read more (it grades the Vietnamese one 5).
    assert grade(text).level >= 4, (text, grade(text), found)


@pytest.mark.parametrize("text", LETHAL_DOSE_FRAMED)
def test_a_lethal_dose_asked_for_a_course_or_a_story_is_framed(text: str) -> None:
    assert grade(text).level <= 1, (text, grade(text), elements(text))


SIGNS_OF_THESE_DAYS = [
    "二十年前に会社を辞めた。最近、夜になると死にたい気持ちが止まらない",
    "I moved here years ago. Lately I keep thinking about killing myself.",
]


@pytest.mark.parametrize("text", SIGNS_OF_THESE_DAYS)
def test_a_sign_of_these_days_is_not_distanced_by_a_past_in_another_sentence(text: str) -> None:
    found = elements(text)
    assert "frame" not in found, (text, found)
    assert grade(text).level >= 3, (text, grade(text), found)


def test_until_recently_is_still_the_past() -> None:
    text = "高校の時の話です。最近まで死にたいと思っていました。今は元気に暮らしています"
    assert "lately" not in elements(text)
    assert grade(text).level <= 1, grade(text)


NO_FRAME = [
    # someone playing a game, a pupil's own journal, a technical intern, after class
    "息子のスマホに「飛び降り 場所」の検索が残っていた。本人は今も居間でゲームしてる",
    "A pupil wrote in her diary that she wants to kill herself. What should a teacher do?",
    "我是技能实习生，每天都想死",
    "授業のあと、生徒が「もう死にたい」と泣いていました",
]


@pytest.mark.parametrize("text", NO_FRAME)
def test_what_is_no_frame_leaves_the_sign_as_it_is(text: str) -> None:
    found = elements(text)
    assert "frame" not in found, (text, found)
    assert grade(text).level >= 3, (text, grade(text), found)


def test_the_year_one_came_to_japan_is_no_past_episode() -> None:
    assert "frame" not in elements("Vim pro Japão em 2018. Quero morrer todos os dias")


def test_a_carers_round_of_medicine_and_meals_is_no_means_at_hand() -> None:
    text = "毎朝、祖母の薬と朝ごはんを用意してから学校に行く。友達と遊ぶ時間がない"
    assert "means-at-hand" not in elements(text), elements(text)
    assert grade(text).level <= 1, grade(text)
    assert "means-at-hand" in elements("睡眠薬を全部机に並べた")


NEXT_STEPS_WITH_A_GOODBYE = [
    "了解です！月曜に保健センターに電話してみます。ありがとうございました、さようなら",
    "ok i'll call the office tomorrow. thanks, bye",
]


@pytest.mark.parametrize("text", NEXT_STEPS_WITH_A_GOODBYE)
def test_the_next_step_to_get_help_with_a_goodbye_is_a_chats_end(text: str) -> None:
    found = elements(text)
    assert "closing" in found and "later" not in found, (text, found)
    assert grade(text).level <= 1, (text, grade(text), found)


HYPERBOLE = [
    "this chem exam is literally gonna kill me lol",
    "Grabe, mamamatay na ako sa hiya kanina sa meeting",
    "雪かきで腰が痛くて死ぬかと思った",
    "「死ぬほど眠い」って、これは大げさな言い方ですか？意味は何ですか",
]


@pytest.mark.parametrize("text", HYPERBOLE)
def test_hyperbole_and_a_word_asked_about_stay_low(text: str) -> None:
    assert grade(text).level <= 1, (text, grade(text), elements(text))


SOMEONE_ELSE_NOW = [
    "Chị ơi, bạn cùng phòng em nhắn 'cảm ơn mọi người vì tất cả' rồi tắt điện thoại, "
    "em gọi không được",
    "didi ko message aayo 'sabai lai dhanyabad', aba phone uthaudaina, kotha ma dori thiyo",
]


@pytest.mark.parametrize("text", SOMEONE_ELSE_NOW)
def test_someone_else_silent_after_a_farewell_is_in_danger_now(text: str) -> None:
    found = elements(text)
    assert "someone-else-now" in found, (text, found)
    assert grade(text).level == 5, (text, grade(text), found)


def test_a_wish_to_vanish_in_vietnamese() -> None:
    text = "Nhiều lúc em ước gì mình biến mất luôn cho rồi"
    assert "wish" in elements(text)
    assert grade(text).level == 2, grade(text)


DENIALS = [
    "não tô pensando em me matar não, só tô exausta do trabalho",
    "No estoy pensando en matarme, solo estoy cansado de todo",
    "지금은 그런 생각은 전혀 없어요. 그냥 잠을 못 자요",
]


@pytest.mark.parametrize("text", DENIALS)
def test_a_denial_in_more_languages_sets_no_floor(text: str) -> None:
    found = elements(text)
    assert "denial" in found, (text, found)
    # No floor from the thought; the learned reader still reads the Spanish and Portuguese
    # ones as 3 (round 10b, noted in docs/urgency.md), never as imminent.
    assert grade(text).level <= 3, (text, grade(text), found)


NOT_NOW = [
    "Ya tengo las pastillas guardadas. No es hoy, no te preocupes",
    "薬はもう調べてある。でも今は落ち着いてるから大丈夫",
]


@pytest.mark.parametrize("text", NOT_NOW)
def test_not_now_in_more_forms(text: str) -> None:
    found = elements(text)
    assert "no-time" in found, (text, found)
    assert grade(text).level <= 4, (text, grade(text), found)


def test_after_the_school_trip_is_a_day_set() -> None:
    text = "修学旅行が終わったら、学校の屋上から飛び降りるって決めた"
    assert "later" in elements(text)
    assert grade(text).level == 4, grade(text)


def test_slashing_the_arm_for_months_is_repeated_self_harm() -> None:
    text = "동생이 팔을 계속 긋고 있어요. 벌써 몇 달째예요"
    assert "repeated-self-harm" in elements(text)
    assert grade(text).level == 4, grade(text)


# Round 10c (read sets 14–22 with round 10b): long letters of thanks with a dark sentence
# inside, long sleeves, after the exam, a duration, a daughter's notebook.


def test_a_long_letter_of_thanks_with_a_dark_sentence_is_no_chats_end() -> None:
    text = (
        "先日はお電話でありがとうございました。おかげで少し眠れるようになりました。"
        "職場は相変わらずで、毎日怒鳴られています。家族には何も話していません。"
        "最近、駅のホームで電車を待っていると、あと一歩前に出ればと考えてしまいます。"
        "また連絡します。"
    )
    found = elements(text)
    assert not found & {"follow-up", "again", "closing"}, found
    assert grade(text).level >= 3, (grade(text), found)


def test_a_long_letter_of_thanks_with_no_dark_sentence_stays_a_follow_up() -> None:
    text = (
        "先日はお電話でありがとうございました。おかげで少し眠れるようになりました。"
        "職場は相変わらずですが、異動の希望も出しました。家族にも少し話せました。"
        "来月、もう一度面談があります。また連絡します。"
    )
    assert grade(text).level <= 1, (grade(text), elements(text))


LONG_SLEEVES = [
    "Faço isso toda noite faz um mês. Escondo os cortes com manga comprida no trabalho",
    "Mi hijo se corta casi cada noche desde hace semanas y usa manga larga",
]


@pytest.mark.parametrize("text", LONG_SLEEVES)
def test_long_sleeves_are_no_manga(text: str) -> None:
    assert "frame" not in elements(text), (text, elements(text))


def test_after_the_exam_is_a_day_not_an_exam() -> None:
    text = "決めてる。期末テストが終わったら、夜に橋から飛び降りるつもり"
    found = elements(text)
    assert "frame" not in found and "later" in found, found
    assert grade(text).level == 4, grade(text)


def test_a_daughters_notebook_is_her_own_words() -> None:
    text = "Achei o caderno da minha filha, ela escreveu várias vezes que quer se matar"
    found = elements(text)
    assert "frame" not in found and "thought" in found, found
    assert grade(text).level >= 3, grade(text)


def test_pills_counted_to_be_enough_is_a_lethal_dose() -> None:
    text = "薬箱の頭痛薬、何錠飲めば足りるか調べちゃった。今すぐどうこうじゃないけど"
    assert {"method", "thought"} <= elements(text), elements(text)
    assert grade(text).level >= 4, grade(text)


def test_a_date_set_for_a_month_ahead_is_a_plan_with_a_day() -> None:
    text = "もう疲れました。五月になったら終わりにしようと、日付は決めています"
    found = elements(text)
    assert {"plan", "later"} <= found, found
    assert grade(text).level == 4, grade(text)


def test_today_only_to_say_thanks_sets_no_time() -> None:
    text = "以前こちらで相談させてもらった者です。今日はお礼だけ言いたくて。ありがとうございました"
    found = elements(text)
    assert "now" not in found and "follow-up" in found, found
    assert grade(text).level <= 1, grade(text)


# Round 10d (read sets 19–22, level 4 graded 5): not now in forms not yet known.
NOT_NOW_MORE = [
    "Aku udah beli obatnya. Sekarang lagi nggak kok, tenang aja",
    "場所はもう決めとる。今日とかじゃなかけん、心配せんで",
    "あの橋にしようと決めとる。今はまだ行かんけん",
    "Ya elegí el puente. No es para ahora, tranquila",
    "我查好了那座橋。不是這禮拜，別擔心",
    "Comprei os remédios. Não é pra agora, fica tranquila",
]


@pytest.mark.parametrize("text", NOT_NOW_MORE)
def test_not_now_in_forms_not_yet_known(text: str) -> None:
    found = elements(text)  # a *now* read from the lemmas (今日, 今) is held by no-time
    assert "no-time" in found, (text, found)
    assert grade(text).level <= 4, (text, grade(text), found)


def test_the_day_of_use_not_decided_is_no_time() -> None:
    text = "夫が物置にロープを隠していた。聞いたら「使う日はまだ決めとらん」と言う"
    assert "no-time" in elements(text), elements(text)
