"""Urgency, round 7: the main confusions of round 6 on the blind sets, as classes — a grade
one level too high (no day chosen yet, no plan, a *now* that counts what is kept), a chat's
end read as a farewell (a writer who will write again), one dark sentence of a long ordinary
letter grading the whole of it, and ordinary questions in the languages the embedding does
not cover (an input of the learned reader)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pytest

from tests.navigator.conftest import elements
from tsunagari.navigator import urgency
from tsunagari.navigator.urgency import ceiling_of, floor_of, grade_many


@pytest.mark.parametrize(
    "text",
    [
        "ロープはもう買ってある。いつやるかはまだ決めてない",
        "薬は集めてある。いつ飲むかは まだ きめていません",
        "I bought a rope last month and it's in my closet. I haven't decided when.",
        "Tengo las pastillas guardadas, todavía no sé cuándo",
        "Já comprei a corda, mas ainda não decidi quando",
        "Nakabili na ako ng lubid. Hindi ko pa alam kung kailan",
        "Em đã mua dây rồi, chưa biết khi nào",
        "Aku sudah beli tali, belum tahu kapan",
        "绳子已经买了，还没决定什么时候",
    ],
)
def test_means_kept_with_no_day_chosen_is_four_not_five(text: str) -> None:
    found = elements(text)
    assert "no-time" in found, (text, found)
    assert min(max(floor_of(found), 4), ceiling_of(found)) == 4, (text, found)


@pytest.mark.parametrize(
    "text",
    [
        "くすり ずっと ためてる。いま 100錠 ぐらい ある",
        "kusuri zutto tamete ru. ima 80 jou gurai aru",
        "been saving my pills, got about two months worth now",
    ],
)
def test_now_counting_what_is_kept_sets_no_time(text: str) -> None:
    found = elements(text)
    assert "now" not in found, (text, found)
    assert floor_of(found) < 5, (text, found)


@pytest.mark.parametrize(
    "text",
    [
        "今、薬を100錠飲んだ",
        "いつにするか決めてなかったけど、さっき薬を全部飲んだ",
        "I haven't decided when, but my friend just took all her pills and won't wake up",
    ],
)
def test_an_attempt_under_way_is_never_held_at_four(text: str) -> None:
    found = elements(text)
    assert ceiling_of(found) == 5, (text, found)


@pytest.mark.parametrize(
    "text",
    [
        "I think about killing myself a lot. No plan, it's just always there now.",
        "最近ずっと死にたいと考えてる。方法とかは考えてない。今は家にいる",
        "友達が「死にたい」って言ってる。今は家にいて、何か用意してるとかではないみたい",
        "Pienso en matarme todos los días ahora. No tengo un plan",
        "지금도 죽고 싶다는 생각이 들어요. 계획은 없어요",
        "Naiisip kong magpakamatay ngayon. Wala pa akong plano",
    ],
)
def test_thoughts_with_no_plan_stay_three_whatever_now(text: str) -> None:
    found = elements(text)
    assert "no-plan" in found, (text, found)
    assert floor_of(found) <= 3, (text, found)
    assert ceiling_of(found) == 3, (text, found)


def test_no_plan_beside_a_method_or_a_day_holds_nothing() -> None:
    found = elements("No plan yet but I bought a rope and I'm on the bridge now")
    assert ceiling_of(found) == 5, found
    found = elements("死にたい。方法は考えてないけど、明日の夜にする")
    assert ceiling_of(found) >= 4, found


@pytest.mark.parametrize(
    "text",
    [
        "きょうは ありがとうございました。また はなしたいです。さようなら",
        "今日はありがとう。また困ったら連絡します。さよなら",
        "Thanks for today, I'll reach out again if it gets bad. Bye!",
        "Hôm nay cảm ơn chị, lần sau em lại nhắn. Tạm biệt",
    ],
)
def test_a_goodbye_with_a_next_time_ends_a_chat(text: str) -> None:
    found = elements(text)
    assert "again" in found, (text, found)
    assert ceiling_of(found) <= 1, (text, found)


@pytest.mark.parametrize(
    "text",
    [
        "今夜で終わりにします。さようなら",
        "今まで話を聞いてくれてありがとう。今夜、さようなら",
        "谢谢你陪我聊天。药我已经都吃下去了，再见。",
        "sorted everything out. thanks for listening all those times. goodbye",
        "いろいろ話聞いてくれてありがとうございました。最後に優しくしてもらえて本当によかった。さようなら",
    ],
)
def test_thanks_for_listening_beside_a_farewell_holds_nothing_down(text: str) -> None:
    found = elements(text)
    assert not found & {"closing", "again"}, (text, found)
    assert ceiling_of(found) == 5, (text, found)


@pytest.mark.parametrize(
    "text",
    [
        "話せてだいぶ落ち着きました。もう寝ますね。おやすみなさい",
        "Salamat po. Gumaan na po pakiramdam ko. Good night po",
        "Cảm ơn chị. Nói chuyện xong em thấy nhẹ lòng hơn rồi.",
    ],
)
def test_calmer_after_talking_is_a_closing(text: str) -> None:
    found = elements(text)
    assert "closing" in found, (text, found)
    assert ceiling_of(found) <= 1, (text, found)


@pytest.mark.parametrize(
    "text",
    [
        "Cho em hỏi phòng khám nào gần ga Nagoya nói được tiếng Việt ạ?",
        "em muon hoi cach doi bang lai xe sang bang lai nhat a",
        "अहिले नजिक कुन अस्पताल खुला हुन्छ होला?",
        "मेरो भिसाको बारेमा सोध्नु थियो।",
        "Pwede po ba mag-consult in Tagalog? Tungkol po sa visa.",
    ],
)
def test_ordinary_questions_are_read_as_asking(text: str) -> None:
    assert "asking" in elements(text), text


class _DarkWindows:
    """A learned reader that grades every two-sentence window 5 and the whole message 1."""

    def probabilities(
        self, vectors: np.ndarray, found: Sequence[frozenset[str]], units: Sequence[str]
    ) -> np.ndarray:
        rows = np.zeros((len(units), 6))
        rows[0, 1] = 1.0
        rows[1:, 5] = 1.0
        return rows

    def levels(self, probabilities: np.ndarray, quiet: Any = None) -> np.ndarray:
        return np.asarray(probabilities).argmax(axis=1)


def test_a_window_needs_the_support_of_its_message(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(urgency, "load_model", _DarkWindows)
    monkeypatch.setattr(urgency, "embed", lambda units: np.zeros((len(units), 4)))
    letter = (
        "母の介護が始まって二年になります。夜中に何度も起きるので眠れません。"
        "ケアマネさんには相談しています。正直、死にたいと思う夜もあります。"
        "でも娘の顔を見ると頑張れます。先週は施設の見学に行きました。"
    )
    (graded,) = grade_many([letter])
    assert graded.level <= 2, graded
