"""Urgency, round 11 (after set 23 was read): classes of meaning, each text written for its
class, not taken from the set.

- Someone else gone, with a note of sorry or goodbye left behind, is in danger now (5); a
  letter of thanks from someone at home is not.
- The present state of a person with a day set ahead (asleep in the next room, still fine,
  nothing can be done from a hospital bed, not today in dialect) is *not now*: 4, not 5.
- When a thought came back (today again, today too, now almost every day) is no time of an act.
- The thesis handed in or defended is a day, not a frame; a new job's training frames nothing;
  a period that was, one's twenties and a school year are the past.
- A denial of wanting to die does not distance burning or cutting as a habit (4); a time alone
  does not take a denial back.
- Preparations looked for and not seen are no plan; times a day is no day set; a decision made
  in one's heart, for next year's anniversary, is a plan with a day.
- Pills taken away from someone are no attempt; a lethal dose asked as "not waking up".
"""

from __future__ import annotations

import pytest

from tests.navigator.conftest import elements
from tsunagari.navigator.urgency import floor_of, grade

GONE_WITH_A_NOTE = [
    "朝起きたら、テーブルに「お母さんごめんね」ってメモがあって、息子が部屋にいません。電話も出ません",
    "My brother left a letter saying sorry for everything and he's not in his room. "
    "He won't answer his phone.",
    "妹留了一张纸条写着对不起，人不见了，电话也不接",
    "Deixou um bilhete pedindo desculpa e sumiu, não atende o celular",
]


@pytest.mark.parametrize("text", GONE_WITH_A_NOTE)
def test_someone_gone_leaving_a_note_of_sorry_is_in_danger_now(text: str) -> None:
    assert "someone-else-now" in elements(text), (text, elements(text))
    assert grade(text).level == 5, (text, grade(text))


def test_a_letter_from_someone_who_is_not_missing_is_no_danger() -> None:
    text = "娘から「ありがとう」と手紙をもらいました。うれしかったです。私には友達がいません"
    assert "someone-else-now" not in elements(text), elements(text)
    assert grade(text).level <= 1, grade(text)


def test_a_thank_you_letter_and_a_son_away_is_no_note_left_behind() -> None:
    # The element only: the crisis rules flag this message (a letter, thanks, away) and the
    # learned reader follows them to 5, as before this round (docs/urgency.md, round 11).
    text = "My son wrote me a thank-you letter for my birthday. He's away at camp this week."
    assert "someone-else-now" not in elements(text), elements(text)


A_DAY_AHEAD_AND_THE_STATE_NOW = [
    "友達が、来月の三連休に海に入るって決めたって言ってた。今は隣の部屋で普通に寝てます",
    "kawa ni suru. raigetsu no tsuitachi ni. ima wa mada daijoubu dakara",
    "退院したら首を吊るつもりです。日も来月の十五日と決めました。今は病院なので何もできません",
    "灯油はもう買うて物置に置いとる。今日はやんねぇ。決めたのは春だ",
    "누나가 다음 달 생일에 죽겠다고 했어요. 지금은 집에 있고 밥도 먹었어요",
]


@pytest.mark.parametrize("text", A_DAY_AHEAD_AND_THE_STATE_NOW)
def test_the_state_now_beside_a_day_ahead_is_not_now(text: str) -> None:
    found = elements(text)
    assert "no-time" in found, (text, found)
    assert grade(text).level == 4, (text, grade(text), found)


def test_asleep_in_english_with_now_is_not_now() -> None:
    text = "My roommate says she'll jump off the bridge after her exams. She's asleep now."
    assert grade(text).level == 4, (text, grade(text), elements(text))


def test_a_pet_asleep_is_no_state_of_a_person() -> None:
    assert "no-time" not in elements("my dog is fine, she's sleeping next to me")


THOUGHT_CAME_BACK = [
    "今日も死にたいって思ってしまった",
    "Hoy otra vez pensé en matarme, no sé qué hacer",
    "Hoje de novo pensei em me matar no trabalho",
    "i want to kill myself again today. it never stops",
    "Ahora pienso en suicidarme casi todos los días",
]


@pytest.mark.parametrize("text", THOUGHT_CAME_BACK)
def test_when_a_thought_came_back_is_no_time_of_an_act(text: str) -> None:
    found = elements(text)
    assert "now" not in found, (text, found)
    assert grade(text).level == 3, (text, grade(text), found)


def test_today_too_leaves_an_act_tonight_imminent() -> None:
    text = "今日も薬を机に全部並べた。今夜飲む"
    assert grade(text).level == 5, (text, grade(text), elements(text))


THESIS_AS_A_DAY = [
    "修論の提出が終わったら、死のうと決めています。それまでは頑張ります",
    "等毕业论文答辩结束，我就从实验楼跳下去。",
    "I've decided: after my thesis defence in March, I'll do it. Not before.",
]


@pytest.mark.parametrize("text", THESIS_AS_A_DAY)
def test_the_thesis_handed_in_or_defended_is_a_day_not_a_frame(text: str) -> None:
    found = elements(text)
    assert "frame" not in found and "later" in found, (text, found)
    assert grade(text).level == 4, (text, grade(text), found)


def test_a_new_jobs_training_frames_nothing() -> None:
    text = (
        "前回はありがとうございました。内定先の研修の日程も届きました。"
        "ただ、三月の卒業式が終わったら死ぬと決めています。"
    )
    found = elements(text)
    assert "frame" not in found, found
    assert grade(text).level == 4, (grade(text), found)


PAST_PERIODS = [
    "高校2年のとき、死にたいと思っていた時期がありました。今は看護師として働いています。"
    "同じような子の力になれる仕事を探しています",
    "30대 때 자살 시도를 한 적이 있어요. 지금은 잘 지내요. "
    "자원봉사를 하고 싶은데 어디서 알아보면 될까요?",
]


@pytest.mark.parametrize("text", PAST_PERIODS)
def test_a_period_that_was_is_the_past(text: str) -> None:
    assert "frame" in elements(text), (text, elements(text))
    assert grade(text).level <= 1, (text, grade(text))


def test_the_years_since_someone_came_frame_nothing() -> None:
    text = (
        "My coworker, we moved here together four years ago, told me yesterday she keeps "
        "thinking about killing herself."
    )
    assert "frame" not in elements(text), elements(text)
    assert grade(text).level == 3, grade(text)


HABITS_DENIED_AS_WISHES = [
    "Me sigo cortando las piernas casi cada noche. No quiero morir, es lo único que me calma.",
    "I've been burning myself again most nights. I'm not suicidal, it just helps.",
]


@pytest.mark.parametrize("text", HABITS_DENIED_AS_WISHES)
def test_a_denial_of_dying_does_not_distance_self_harm_as_a_habit(text: str) -> None:
    found = elements(text)
    assert {"repeated-self-harm", "denial"} <= found, (text, found)
    assert grade(text).level == 4, (text, grade(text), found)


DENIALS_WITH_A_TIME = [
    "I'm not suicidal or anything, just tired of the pain. I walk my dog twice a day now.",
    "Our son said he'd never hurt himself. He's in bed now and seems calm.",
]


@pytest.mark.parametrize("text", DENIALS_WITH_A_TIME)
def test_a_time_alone_does_not_take_a_denial_back(text: str) -> None:
    found = elements(text)
    assert "now" not in found and floor_of(found) == 0, (text, found)


def test_a_denial_beside_how_often_now_stays_low() -> None:
    # The second of DENIALS_WITH_A_TIME is still read at 5 by the learned reader alone (a son
    # in bed, seen in its training beside pills that would not let him wake): docs/urgency.md.
    text = DENIALS_WITH_A_TIME[0]
    assert grade(text).level <= 2, (grade(text), elements(text))


def test_preparations_not_seen_are_no_plan() -> None:
    text = "中1の息子が「消えたい」と言うようになりました。何かを用意しているような様子はありません"
    assert "plan" not in elements(text), elements(text)


def test_times_a_day_is_no_day_set() -> None:
    text = "死にたいって気持ちが1日に何度も来る。でもいつやるとかは考えてない"
    assert "later" not in elements(text), elements(text)
    assert grade(text).level == 3, (grade(text), elements(text))


def test_a_decision_in_the_heart_for_next_years_anniversary_is_a_plan_with_a_day() -> None:
    text = "来年の夫の命日に、夫のところへ逝こうと心に決めています。それまでは静かに暮らします"
    found = elements(text)
    assert {"plan", "later", "thought"} <= found, found
    assert grade(text).level == 4, (grade(text), found)


def test_pills_taken_away_are_no_attempt() -> None:
    text = "I found my daughter's stash of pills and I've taken the pills away. She's asleep now."
    assert "attempt" not in elements(text), elements(text)


def test_pills_stored_up_in_dialect_are_means_kept() -> None:
    assert "means-kept" in elements("眠剤をちょっとずつ飲まんでためとる。もう五十錠はある")


def test_a_lethal_dose_asked_as_not_waking_up() -> None:
    text = "Ilang tableta ng sleeping pills ang kailangan para hindi na magising?"
    found = elements(text)
    assert {"method", "thought"} <= found, found
    assert grade(text).level >= 4, (grade(text), found)


# Round 11b (after set 24 was read).

PAST_ATTEMPTS_TOLD_AS_OVER = [
    "二十年ほど前、薬をたくさん飲んで運ばれたことがあります。今は孫もいて元気です。"
    "地域の見守りボランティアに参加するにはどうすればいいですか",
    "我五年前有一次吃了很多药被送到医院。现在已经好了，在名古屋工作。想问一下日语学校的事。",
]


@pytest.mark.parametrize("text", PAST_ATTEMPTS_TOLD_AS_OVER)
def test_an_attempt_told_in_a_framed_sentence_is_the_past(text: str) -> None:
    found = elements(text)
    assert "frame" in found and "attempt" not in found, (text, found)
    assert grade(text).level <= 1, (text, grade(text), found)


def test_an_attempt_now_beside_a_past_one_stays_imminent() -> None:
    text = "十年前にも薬を飲んだことがある。さっき、薬を全部飲んだ"
    assert grade(text).level == 5, (grade(text), elements(text))


def test_someone_else_who_took_many_pills_in_romanised_nepali_is_in_danger_now() -> None:
    text = "mero bhai le dherai chakki khayo, aankha khuldaina. k garne?"
    assert "someone-else-now" in elements(text), elements(text)
    assert grade(text).level == 5, grade(text)


def test_bye_for_now_and_thanks_for_the_information_is_a_chats_end() -> None:
    text = "Siap, makasih ya atas infonya. Selamat tinggal dulu 👋"
    assert "closing" in elements(text), elements(text)
    assert grade(text).level <= 1, (grade(text), elements(text))


def test_decided_to_go_with_a_day_ahead_is_a_plan_not_an_episode_over() -> None:
    text = "다음 달 월급날 밤에 바다에 가기로 정했어요. 지금은 괜찮아요"
    found = elements(text)
    assert "plan" in found, found
    assert grade(text).level == 4, (grade(text), found)


def test_handover_papers_one_writes_frame_nothing() -> None:
    text = "異動前の引き継ぎ資料をまとめています。それが終わったら、死のうと思っています"
    found = elements(text)
    assert "frame" not in found, found
    assert grade(text).level >= 3, (grade(text), found)


NOT_NOW_ROUND_11B = [
    "練炭はもう買ってある。今すぐどうこうじゃなくて、いつかのために",
    "縄は納屋さある。今すぐでねえから心配すんな",
    "dori kineko chu. ahile chai gardina, pachhi herchu",
    "May lubid na ako sa kwarto. Hindi naman po emergency ngayon.",
]


@pytest.mark.parametrize("text", NOT_NOW_ROUND_11B)
def test_not_now_in_round_11b_forms(text: str) -> None:
    found = elements(text)
    assert "no-time" in found, (text, found)
    assert grade(text).level == 4, (text, grade(text), found)


def test_until_now_in_nepali_is_no_time() -> None:
    assert "now" not in elements("आफैंलाई चोट पुर्‍याउन मन लाग्छ। अहिलेसम्म केही गरेको छैन।")


def test_wanting_to_cut_the_arm_again_is_no_habit() -> None:
    text = "半年やめてたのに、また腕を切りたくなってきた"
    found = elements(text)
    assert "repeated-self-harm" not in found, found
    assert grade(text).level == 3, (grade(text), found)
