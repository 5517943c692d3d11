"""Urgency 0–5: elements recognised as classes of meaning, every sentence read, reasons a
counsellor can read, a learned reader in step with its data, and failing safe."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from tests.navigator.conftest import elements
from tsunagari.navigator import crisis, urgency, urgency_model
from tsunagari.navigator.datafiles import DataFileError, data_path, read_data_file
from tsunagari.navigator.training import (
    URGENCY_DIR,
    train_urgency,
    urgency_examples,
    urgency_fingerprint,
)
from tsunagari.navigator.urgency import (
    ERROR,
    MODEL,
    ceiling_of,
    floor_of,
    grade,
    grade_many,
    read_elements,
)
from tsunagari.navigator.urgency_model import load_model


@pytest.mark.parametrize(
    "text", ["死にたかった", "しにたくて眠れない", "死にたいけん", "もう死にたい", "I want to die"]
)
def test_a_wish_to_die_is_one_class_whatever_its_form(text: str) -> None:
    assert "thought" in elements(text)


def test_each_element_says_its_level_of_the_scale() -> None:
    levels = {e.id: e.level for e in urgency.load_elements()}
    assert levels["wish"] == 2 and levels["thought"] == 3 and levels["method"] == 4
    assert elements("消えてしまいたい") - {"crisis-rules"} == {"wish"}
    assert "thought" in elements("自殺しようと思っている")


def test_two_elements_that_agree_give_a_floor() -> None:
    assert floor_of(elements("消えてしまいたい")) == 0  # one word alone: the learned reader
    assert floor_of(elements("誕生日に死ぬって決めてる")) >= 4
    assert floor_of(elements("今夜、薬を全部飲んで死ぬ")) == 5
    assert floor_of(elements("遺書を書き終えた。今夜、実行する")) == 5


def test_a_time_alone_says_nothing() -> None:
    assert floor_of(elements("今夜は友達と焼肉に行く")) == 0


def test_a_denial_sets_no_floor_unless_something_is_being_done() -> None:
    denied = elements("死にたいとかじゃないです、ただ疲れた")
    assert "denial" in denied and floor_of(denied) == 0
    assert grade("死にたいとかじゃないけど、今夜で終わりにする").level >= 4


def test_fiction_study_and_a_laugh_hold_the_grade_down() -> None:
    for text in (
        "小説の主人公が屋上から飛び降りる場面を書いている。どう書けば自然ですか",
        "Writing a crime novel. How long does carbon monoxide take in a closed car?",
        "今日の試験まじで死んだｗｗ",
    ):
        found = elements(text)
        assert found & {"frame", "laugh"} and ceiling_of(found) <= 1, text
        assert grade(text).level <= 1, text


def test_a_day_set_ahead_is_a_plan_not_yet_imminent() -> None:
    found = elements("薬を集めてる。来週の土曜日に全部飲むつもり")
    assert "later" in found and ceiling_of(found) == 4
    assert grade("薬を集めてる。来週の土曜日に全部飲むつもり").level == 4


def test_every_sentence_of_a_long_message_is_read() -> None:
    letter = (
        "いつもこのサイトのコラムを読んでいます。先月の記事、とても役に立ちました。"
        "職場の人たちも優しくて、毎日それなりに過ごしています。"
        "さっき、手首を深く切りました。血が止まりません。"
        "季節の変わり目なので、皆さんもお体に気をつけてください。"
    )
    graded = grade(letter)
    assert graded.level == 5 and graded.crisis
    assert "attempt" in {r.code for r in graded.reasons}


def test_reasons_name_their_element_in_both_languages() -> None:
    graded = grade("いま会社のビルの屋上。フェンスの外に出た。最後に誰かに聞いてほしくて書いてる")
    assert graded.level == 5
    for reason in graded.reasons:
        assert reason.code and reason.label_ja and reason.label_en and 0 <= reason.level <= 5
    assert graded.as_dict()["reasons"][0].keys() == {"code", "level", "ja", "en"}


def test_ordinary_messages_are_not_urgent() -> None:
    quiet = grade_many(["近所に気軽に集まれる場所はありますか", "仕事が忙しすぎて死にそう"])
    assert [u.level for u in quiet] == [min(u.level, 1) for u in quiet]


def test_the_learned_reader_says_when_it_graded_higher_than_the_elements() -> None:
    text = "ロープは用意した。どこに掛けるかまで考えてしまう"
    graded = grade(text)
    assert graded.level >= 4
    if graded.level > floor_of(elements(text)):
        assert graded.reasons[0].code == MODEL and graded.reasons[0].level == graded.level


def test_grading_never_raises_on_bad_input() -> None:
    for text in (None, b"\xff\xfe", "", " ", "x" * 50_000, 12345):
        graded = grade(text)
        assert 0 <= graded.level <= 5 and not graded.error


def test_the_shipped_model_was_trained_on_the_current_messages() -> None:
    examples = urgency_examples(data_path(URGENCY_DIR))
    heaviest: dict[str, float] = {}
    for example in examples:
        heaviest[example.text] = max(heaviest.get(example.text, 0.0), example.weight)
    kept = [e for e in examples if e.weight == heaviest[e.text]]
    assert load_model().fingerprint == urgency_fingerprint(kept), (
        "data/navigator/urgency-model.json is out of step with data/navigator/urgency/: "
        "run make urgency-model"
    )


def test_the_model_knows_every_element() -> None:
    assert set(load_model().elements) == {e.id for e in urgency.load_elements()}


def test_training_gives_the_same_model_for_the_same_messages() -> None:
    from tsunagari.navigator.training import UrgencyExample

    texts = [
        ("今日の晩ごはんはカレー", 0),
        ("図書館の開館時間を知りたい", 0),
        ("毎日つらくて眠れない", 1),
        ("仕事がしんどい", 1),
        ("消えてしまいたい", 2),
        ("朝が来なければいい", 2),
        ("死にたい", 3),
        ("自殺を考えている", 3),
        ("首を吊る場所を探している", 4),
        ("来週死ぬと決めた", 4),
        ("いま屋上にいる。さようなら", 5),
        ("薬を全部飲んだ", 5),
    ]
    examples = [UrgencyExample(t, level, 1.0) for t, level in texts]
    ids = tuple(e.id for e in urgency.load_elements())
    first, _ = train_urgency(examples, ids)
    second, _ = train_urgency(list(reversed(examples)), ids)
    assert first.as_dict() == second.as_dict()


def test_a_bad_element_is_named_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "urgency.yaml"
    path.write_text(
        "elements:\n  - id: wish\n    level: 9\n    label: {ja: a, en: b}\n    words: [x]\n",
        encoding="utf-8",
    )
    with pytest.raises(DataFileError, match=r"urgency.yaml:\d+.*level"):
        read_elements(read_data_file(path))


@pytest.fixture
def broken_model(tmp_path: Path) -> Iterator[None]:
    (tmp_path / "navigator").mkdir()
    for name in ("crisis.yaml", "rewrites.yaml", "urgency.yaml", "crisis-model.json"):
        (tmp_path / "navigator" / name).write_bytes(data_path(name).read_bytes())
    (tmp_path / "navigator" / urgency_model.MODEL_FILE).write_text("{not json", encoding="utf-8")
    original = settings.DATA_DIR
    settings.DATA_DIR = tmp_path
    for cached in (load_model, crisis.load_rules, urgency.load_elements):
        cached.cache_clear()
    yield
    settings.DATA_DIR = original
    for cached in (load_model, crisis.load_rules, urgency.load_elements):
        cached.cache_clear()


def test_a_damaged_model_fails_safe_as_a_crisis(broken_model: None) -> None:
    graded = grade("今日は晴れ")
    assert graded.error and graded.level == 5 and graded.crisis
    assert [r.code for r in graded.reasons] == [ERROR]


@pytest.mark.django_db
def test_the_evaluation_prints_the_figures(tmp_path: Path) -> None:
    path = tmp_path / "set.yaml"
    path.write_text(
        "cases:\n"
        "  - {text: 今日の晩ごはんはカレー, level: 0, lang: ja}\n"
        "  - {text: 薬を全部飲んだ。さようなら, level: 5, lang: ja}\n",
        encoding="utf-8",
    )
    out = io.StringIO()
    call_command("navigate", "--eval-urgency", str(path), "--misses", stdout=out)
    text = out.getvalue()
    for figure in ("exact level:", "within one level:", "flag on levels 3–5:", "confusion"):
        assert figure in text
    assert "level 5 graded 5:        1/1 = 100.0 %" in text


@pytest.mark.django_db
def test_the_evaluation_names_a_bad_case(tmp_path: Path) -> None:
    path = tmp_path / "set.yaml"
    path.write_text("cases:\n  - {text: x, level: 7}\n", encoding="utf-8")
    with pytest.raises(CommandError, match=r"set.yaml:2.*level"):
        call_command("navigate", "--eval-urgency", str(path), stdout=io.StringIO())


# Written for this test, in none of the training files: wordings the grader has not seen.
UNSEEN_URGENT = [
    "Tôi đã chuẩn bị dây thừng, tối nay tôi sẽ treo cổ",
    "Estou em cima da ponte agora. Adeus a todos",
    "我已经写好遗书了，今晚就走",
    "I've been stockpiling my sleeping pills for weeks and tonight is the night",
    "今週末、誰にも見つからない場所で終わらせるつもりです",
]
UNSEEN_CALM = [
    "死ぬほどお腹すいた、近くに安い定食屋ある？",
    "自殺対策の研修に参加したいのですが、申し込み方法を教えてください",
    "Trabalho muito, estou morto de cansaço. Onde posso aprender japonês de graça?",
]


def test_danger_in_words_never_seen_is_graded_urgent() -> None:
    for text, graded in zip(UNSEEN_URGENT, grade_many(UNSEEN_URGENT), strict=True):
        assert graded.level >= 4, text


def test_ordinary_words_never_seen_are_not_flagged() -> None:
    for text, graded in zip(UNSEEN_CALM, grade_many(UNSEEN_CALM), strict=True):
        assert graded.level <= 2, text


def test_a_frame_taken_back_no_longer_holds_the_grade_down() -> None:
    for text in (
        "me quiero matar jaja... no es broma, lo estoy pensando de verdad",
        "研修の質問のふりをしてたけど、本当は自分が自殺しようかと考えてる",
        "kms lol. no actually. I mean it",
    ):
        found = elements(text)
        assert "sincere" in found and found & {"frame", "laugh"}, text
        assert ceiling_of(found) == 5, text


def test_a_frame_in_a_long_letter_distances_only_its_own_sentences() -> None:
    far = elements(
        "高校の教員をしています。授業の準備で毎晩遅くまで起きています。"
        "家に帰っても持ち帰った仕事が待っています。誰にも相談できません。"
        "最近、本気で死にたいと思うようになりました。"
    )
    assert "frame" not in far and "thought" in far
    near = elements(
        "10年前にうつ病で入院していました。当時は死にたいとばかり考えていました。"
        "今は回復して、フルタイムで働いています。"
    )
    assert "frame" in near and ceiling_of(near) <= 1


def test_the_crisis_rules_verdict_is_a_signal_not_a_floor() -> None:
    found = elements("死ぬほど笑った、あのドラマ最高")
    assert floor_of(elements("生きる理由より死ぬ理由のほうが多くなってきた")) == 0
    assert "crisis-rules" in elements("もう死にたい")
    assert "crisis-rules" not in found


@pytest.mark.parametrize(
    ("level", "rules_raise", "flagged"),
    [(0, True, False), (1, True, False), (2, True, True), (2, False, False), (3, False, True)],
)
def test_the_rules_flag_counts_from_grade_two(level: int, rules_raise: bool, flagged: bool) -> None:
    assert urgency.raises_flag(urgency.Urgency(level, ()), rules_raise) is flagged
    assert urgency.raises_flag(urgency.failed(), rules_raise)


def test_a_wish_in_any_language_raises_the_flag_from_grade_two() -> None:
    (wish,) = [e for e in urgency.load_elements() if e.id == "wish"]
    reason = urgency.Reason(wish.id, wish.level, wish.label_ja, wish.label_en)
    assert urgency.raises_flag(urgency.Urgency(2, (reason,)), False)
    assert not urgency.raises_flag(urgency.Urgency(1, (reason,)), False)
    assert not urgency.raises_flag(urgency.Urgency(2, ()), False)
    for text in ("sana hindi na ako magising bukas", "não quero mais viver", "살기 싫어"):
        assert "wish" in urgency.found_elements(text), text


def test_training_holds_out_whole_files() -> None:
    from tsunagari.navigator.training import UrgencyExample, _folds

    examples = [UrgencyExample(f"m{i}", i % 6, 1.0, f"set-{i % 4}") for i in range(12)]
    examples.append(UrgencyExample("derived", 0, 0.5, "derived"))
    folds = _folds(examples)
    for source in {e.source for e in examples[:-1]}:
        assert len({f for e, f in zip(examples, folds, strict=True) if e.source == source}) == 1
    assert folds[-1] == -1  # a derived example is never held out


def _check_set(name: str) -> list[tuple[str, int]]:
    from tsunagari.navigator.urgency_evaluation import read_urgency_cases

    return [(c.text, c.level) for c in read_urgency_cases(Path(__file__).parent / name)]


@pytest.mark.parametrize(
    ("name", "flagged_share", "paged_share"),
    [
        ("urgency-requests.yaml", 0.10, 0.10),  # the bound on false alarms
        ("urgency-closings.yaml", 0.25, 0.20),  # round 3: 19 of 30 paged before, 5 after
    ],
)
def test_ordinary_chat_and_requests_rarely_raise_the_flag_or_page(
    name: str, flagged_share: float, paged_share: float
) -> None:
    """Check sets written apart from the training corpus (see their headers): ordinary
    requests in many languages, and thanks and goodbyes after a talk. The crisis panel shows
    from 3 and the desk pages a supervisor on every 5; every farewell in danger beside them
    stays 5. (docs/urgency.md, round 3: the thank-you class is not yet within the issue's
    10 %.)"""
    cases = _check_set(name)
    graded = grade_many([text for text, _ in cases])
    ordinary = [(t, g) for g, (t, level) in zip(graded, cases, strict=True) if level <= 1]
    flagged = [t for t, g in ordinary if g.crisis]
    paged = [t for t, g in ordinary if g.level == 5]
    assert len(flagged) <= flagged_share * len(ordinary), flagged
    assert len(paged) <= paged_share * len(ordinary), paged
    for g, (text, level) in zip(graded, cases, strict=True):
        if level == 5:
            assert g.level == 5, text


def test_a_time_beside_the_rules_flag_is_not_an_imminent_element() -> None:
    now = urgency.Reason("now", 5, "いま", "Now")
    farewell = urgency.Reason("farewell", 5, "別れ", "A farewell")
    assert not urgency.raises_flag(urgency.Urgency(0, (now,)), True)
    assert urgency.raises_flag(urgency.Urgency(0, (farewell,)), True)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("こんばんは。はじめて使います。", "now"),  # a greeting, not tonight
        ("今晩は、はじめまして", "now"),
        ("आजकल धेरै थकाइ लाग्छ", "now"),  # these days
        ("mas até agora não fiz nada", "now"),  # so far
        ("Em bị đau răng mấy hôm nay", "now"),  # these few days
        ("Pienso en eso, pero no tengo un plan", "plan"),
        ("我没有计划", "plan"),
        ("들어 주셔서 감사합니다. 안녕히 계세요.", "farewell"),  # an everyday goodbye
        ("I researched how to hang myself", "frame"),  # research is no study frame
        ("Wala po akong matutuluyan", "thought"),  # tự tử without accents is tu tu, not tutu
        ("Hôm nay trời đẹp quá, mình đi dạo công viên", "thought"),
    ],
)
def test_everyday_words_are_not_elements_of_danger(text: str, absent: str) -> None:
    assert absent not in elements(text)


@pytest.mark.parametrize(
    ("text", "present"),
    [
        ("오늘 밤 목숨을 끊을 거야", "thought"),  # hangul read with its spaces folded away
        ("지금 옥상이야", "place"),
        ("요즘은 죽어버릴까 하는 생각이 들어요", "thought"),
        ("生きるのやめようかな", "thought"),
        ("死んでしまうべかって考えでら", "thought"),
        ("二人で車ごと海に入ろうと思っています", "method"),
        ("今天打工累死了哈哈哈", "laugh"),
        ("Em 2009, na crise, perdi o emprego", "frame"),
        ("あれからもう三十年になります", "frame"),
        ("em muon chet, khong muon song nua", "thought"),  # Vietnamese without its accents
        ("toi khong muon song nua", "wish"),
        ("मलाई मर्न मन लाग्यो", "thought"),  # Devanagari with the spaces folded away
        ("बाँच्न मन छैन", "wish"),
        ("sabai lai ma nabhaye ramro hunthyo, marna man lagyo", "thought"),  # romanised Nepali
        ("em thấy cô đơn quá", "distress"),
        ("Hồi trước mình từng có ý định tự tử, năm năm trước rồi", "frame"),  # the long past
        ("Dulu aku pernah coba bunuh diri, tapi itu sudah lama sekali", "frame"),
        ("예전에 자해를 했었는데, 그만둔 지 7년 됐어요", "frame"),
        ("Nóng muốn chết luôn á 🥵", "frame"),  # hyperbole
        ("10 năm trước em từng tự tử, giờ lại muốn chết", "sincere"),  # the past taken back
        ("간호학과 학생인데 자살 예방에 대해 리포트를 쓰고 있어요", "frame"),  # study
        ("스트레스 받으면 또 손목을 그었어", "repeated-self-harm"),
        ("mi amiga me mandó un audio de despedida y ahora no contesta", "someone-else-now"),
    ],
)
def test_elements_in_more_of_their_forms(text: str, present: str) -> None:
    assert present in elements(text)


def test_a_long_past_named_after_its_line_distances_it() -> None:
    found = elements(
        "高校生のころ、リストカットをしていました。もう十五年以上前の話です。"
        "今は結婚して子どももいて、穏やかに暮らしています。"
    )
    assert "frame" in found and ceiling_of(found) <= 1


def test_a_quiet_message_needs_the_stricter_threshold_for_five() -> None:
    import numpy as np

    model = urgency_model.Model(
        (), np.zeros((6, 512)), {}, np.zeros(6), (0.5, 0.5, 0.5, 0.5, 0.2), "", (0.5,) * 5
    )
    row = np.array([[0.1, 0.0, 0.0, 0.0, 0.5, 0.4]])  # P(≥4) 0.9, P(5) 0.4
    assert model.levels(row).tolist() == [5]
    assert model.levels(row, np.array([False])).tolist() == [5]
    assert model.levels(row, np.array([True])).tolist() == [4]
    assert urgency.quiet(elements("話を聞いてくれてありがとうございました"))
    assert not urgency.quiet(elements("もう死にたい"))
    assert not urgency.quiet(elements("遺書を書いた"))
