"""Urgency, round 7d: someone else not answering the phone or out of reach is imminent only
beside a sign of danger — a goodbye or farewell before the silence, a wish to die, pills, a
roof, a method, self-harm. Without one, no answer is a quarrel, a busy day, sleep, work or a
dead battery, and stays low. Each text here is written for the class, not taken from the sets."""

from __future__ import annotations

import pytest

from tests.navigator.conftest import elements
from tsunagari.navigator.urgency import grade

# Graded at most 1 now that no element reads them as someone else in danger.
NO_ANSWER_WITHOUT_DANGER = [
    "彼女が電話に出ない。怒ってるのかな",
    "夫が電話に出ません。会議中なんだと思います",
    "My friend isn't answering, probably still at work",
    "My brother can't reach our mom, her phone battery must be dead",
    "Mi amiga no contesta, se le murió la batería",
    "彼女にごめんって謝ったけど既読にならない",
]
# No someone-else-now either; the learned reader alone still grades some of them 2–5 from
# their words (round 7's model, not retrained here): only the elements are held.
NO_ANSWER_NO_ELEMENT = [
    *NO_ANSWER_WITHOUT_DANGER,
    "友達が電話に出ない。たぶんまだ寝てる",
    "She doesn't answer my calls, I think she's angry",
    "妈妈不接电话，可能在忙",
    "Meu namorado não atende, acho que está dormindo",
    "친구가 전화를 안 받아요. 자나봐요",
    "Bạn tôi không nghe máy, chắc đang ngủ",
    "Pacar saya nggak angkat telepon, mungkin lagi kerja",
]

NO_ANSWER_BESIDE_DANGER = [
    "彼女から「今までありがとう、さようなら」ってLINEが来て、それから電話に出ない",
    "彼女が死にたいって言ってて、いま電話に出ない",
    "友達が薬を大量に飲んだって言ってから連絡がつかない",
    "My sister said she wanted to die and now she isn't picking up",
    "My friend took a lot of pills and isn't answering",
    "My friend sent me a goodbye message and now she isn't answering",
    "朋友说想死，现在联系不上",
    "Mi hermana dijo que quería morir y no contesta",
    "친구가 죽고 싶다고 했는데 전화를 안 받아요",
    "Yung kapatid ko, uminom daw ng maraming gamot, hindi na sumasagot",
    "Teman saya bilang minum banyak obat, sekarang tidak bisa dihubungi",
]


@pytest.mark.parametrize("text", NO_ANSWER_NO_ELEMENT)
def test_no_answer_without_a_sign_of_danger_is_no_one_in_danger(text: str) -> None:
    found = elements(text)
    # (crisis-rules may still come from the crisis flag's learned reader on English "isn't
    # answering": a signal weighed by the reader, never a floor.)
    assert not found & {"someone-else-now", "farewell"}, (text, found)


@pytest.mark.parametrize("text", NO_ANSWER_WITHOUT_DANGER)
def test_no_answer_without_a_sign_of_danger_stays_low(text: str) -> None:
    assert grade(text).level <= 1, (text, grade(text))


@pytest.mark.parametrize("text", NO_ANSWER_BESIDE_DANGER)
def test_no_answer_beside_a_sign_of_danger_is_someone_else_now(text: str) -> None:
    found = elements(text)
    assert "someone-else-now" in found, (text, found)


@pytest.mark.parametrize("text", NO_ANSWER_BESIDE_DANGER)
def test_no_answer_beside_a_sign_of_danger_stays_five(text: str) -> None:
    assert grade(text).level == 5, (text, grade(text), elements(text))
