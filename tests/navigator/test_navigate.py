"""navigate(): the answer's shape, crisis lines first, bad input, and failures that still
show where to call."""

from __future__ import annotations

import pytest
from django.db import DatabaseError

from tests.factories import create_service
from tests.navigator.conftest import NOON
from tsunagari.directory.crisis_lines import STATIC_LINES
from tsunagari.navigator import navigate as navigate_module
from tsunagari.navigator.navigate import navigate
from tsunagari.navigator.text import MAX_CHARS

pytestmark = pytest.mark.django_db

CONTRACT = {"crisis", "needs", "results", "follow_up"}
RESULT = {"id", "name", "needs", "audiences", "methods", "phones", "url", "open_now", "why"}


def crisis_lines_lead(results: list[dict[str, object]]) -> bool:
    flags = [bool(r["crisis_line"]) for r in results]
    return flags[0] and flags == sorted(flags, reverse=True)


def test_the_answer_has_the_documented_shape(directory: None) -> None:
    answer = navigate("学校でいじめられていて、毎日つらい", now=NOON).as_dict()
    assert set(answer) >= CONTRACT
    assert answer["crisis"] is False and answer["error"] is None
    assert answer["needs"][0]["code"] == "bullying"
    assert 0 < answer["needs"][0]["score"] <= 1
    assert "いじめられ" in answer["needs"][0]["words"][0]
    for result in answer["results"]:
        assert set(result) >= RESULT
        assert result["why"]
    assert "bullying" in answer["results"][0]["needs"]


def test_a_crisis_puts_every_crisis_line_first_with_a_short_message(directory: None) -> None:
    answer = navigate("もう死にたい", now=NOON)
    assert answer.crisis
    assert crisis_lines_lead(answer.results)
    assert answer.results[0]["slug"] == "yorisoi-hotline"
    assert answer.message and len(answer.message) < 80
    assert answer.follow_up is None
    non_crisis = [r for r in answer.results if not r["crisis_line"]]
    assert non_crisis, "services for the needs follow the lines"


def test_an_overdose_puts_the_ambulance_first(directory: None) -> None:
    answer = navigate("薬をたくさん飲んでしまった", now=NOON)
    assert answer.results[0]["slug"] == "emergency-119"
    assert "119" in (answer.message or "")


def test_danger_from_a_partner_puts_the_police_first_then_the_dv_line(directory: None) -> None:
    answer = navigate("夫に殺される", now=NOON)
    assert [r["slug"] for r in answer.results[:2]] == ["emergency-110", "dv-sodan-plus"]


def test_a_child_in_crisis_gets_the_childrens_line_first(directory: None) -> None:
    answer = navigate("がっこうでいじめられて しにたい", now=NOON)
    assert answer.results[0]["slug"] == "kodomo-sos-dial"


def test_someone_elses_crisis_gets_a_message_for_the_person_helping(directory: None) -> None:
    answer = navigate("友達が死にたいと言っている。どうしたらいい？", now=NOON)
    assert answer.crisis and answer.about_someone_else
    assert "その人" in (answer.message or "")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("近所で一人暮らししてるおじいさんの家、新聞が二日分たまってて、呼んでも返事がない", "ja"),
        ("My elderly neighbour lives alone. Her mail is piling up and she isn't answering", "en"),
    ],
)
def test_someone_else_in_danger_now_is_told_to_call_119_first(
    directory: None, text: str, language: str
) -> None:
    answer = navigate(text, now=NOON, language=language)
    assert answer.crisis and answer.urgency.level == 5
    message = answer.message or ""
    assert "119" in message and message.index("119") < 20, message
    assert ("その人" if language == "ja" else "them") in message


def test_a_friend_who_thinks_of_dying_gets_no_call_to_119(directory: None) -> None:
    answer = navigate("友達が死にたいと言っている。どうしたらいい？", now=NOON)
    assert answer.crisis and "119" not in (answer.message or "")


def test_ordinary_trouble_does_not_put_crisis_lines_first(directory: None) -> None:
    answer = navigate("仕事をクビになって家賃が払えない", now=NOON)
    assert not answer.crisis
    assert not answer.results[0]["crisis_line"]
    top = [set(r["needs"]) for r in answer.results[:3]]
    assert all(needs & {"employment", "housing", "poverty"} for needs in top)


def test_several_needs_each_get_a_service(directory: None) -> None:
    answer = navigate("仕事をクビになって家賃が払えない", now=NOON)
    served = set().union(*(r["needs"] for r in answer.results[:4]))
    assert {"employment", "housing", "poverty"} <= served


def test_a_vague_text_gets_one_question_and_windows_for_any_trouble(directory: None) -> None:
    answer = navigate("こんにちは", now=NOON)
    assert answer.follow_up is not None and answer.follow_up["id"] == "topic"
    assert len(answer.follow_up["options"]) > 5
    assert answer.results and all("loneliness" in r["needs"] for r in answer.results)


def test_english_gets_english_names_and_reasons(directory: None) -> None:
    answer = navigate("My husband hits me. Where can I get help?", now=NOON, language="en")
    assert answer.results[0]["slug"] in {"dv-sodan-plus", "dv-sodan-navi", "jinken-josei-hotline"}
    assert answer.results[0]["name"].isascii() or "(" in answer.results[0]["name"]
    assert any("Domestic violence" in w for w in answer.results[0]["why"])


def test_the_empty_text_is_answered_with_a_notice(directory: None) -> None:
    answer = navigate("", now=NOON)
    assert answer.notices and answer.follow_up is not None
    assert answer.error is None


def test_huge_text_is_cut_and_the_answer_says_so(directory: None) -> None:
    answer = navigate("夫に殴られる。" * 1000, now=NOON)
    assert f"{MAX_CHARS:,}" in answer.notices[0]
    assert "dv" in answer.need_codes


def test_binary_and_markup_are_dropped_and_said(directory: None) -> None:
    answer = navigate(b"<b>\x00\x07\xff" + "いじめ".encode(), now=NOON)
    assert len(answer.notices) == 2
    assert "bullying" in answer.need_codes


def test_limit_counts_the_services_after_the_crisis_lines(directory: None) -> None:
    answer = navigate("死にたい", now=NOON, limit=2)
    assert len([r for r in answer.results if not r["crisis_line"]]) <= 2
    assert len(navigate("いじめ", now=NOON, limit=2).results) == 2


def test_a_chosen_method_comes_first(db: None) -> None:
    create_service("phone-line", needs=("bullying",), methods=("phone",))
    create_service("chat-line", needs=("bullying",), methods=("sns",))
    assert navigate("いじめ", methods=("sns",), now=NOON).results[0]["slug"] == "chat-line"
    assert navigate("いじめ", methods=("phone",), now=NOON).results[0]["slug"] == "phone-line"


def test_services_of_another_prefecture_are_left_out(db: None) -> None:
    create_service("osaka-line", needs=("bullying",), areas=(("prefecture", "27"),))
    create_service("tokyo-line", needs=("bullying",), areas=(("prefecture", "13"),))
    create_service("national-line", needs=("bullying",))
    slugs = [r["slug"] for r in navigate("いじめ", place="160-0023", now=NOON).results]
    assert slugs[0] == "tokyo-line" and "osaka-line" not in slugs and "national-line" in slugs


def test_an_unknown_place_is_said_and_ignored(db: None) -> None:
    create_service("line", needs=("bullying",))
    answer = navigate("いじめ", place="どこでもない町", now=NOON)
    assert answer.results and any("全国" in n for n in answer.notices)


def test_open_now_is_preferred_when_asked(db: None) -> None:
    create_service(
        "night", needs=("loneliness",), hours=(("MO,TU,WE,TH,FR,SA,SU", "20:00", "23:00"),)
    )
    create_service(
        "day", needs=("loneliness",), hours=(("MO,TU,WE,TH,FR,SA,SU", "09:00", "17:00"),)
    )
    answer = navigate("さみしい", prefer_open_now=True, now=NOON)
    assert answer.results[0]["slug"] == "day" and answer.results[0]["open_now"] is True


def test_a_childrens_line_is_not_first_for_a_parent(db: None) -> None:
    create_service("child-only", needs=("bullying",), audiences=("child",))
    create_service("parents-too", needs=("bullying",), audiences=("child", "family"))
    slugs = [r["slug"] for r in navigate("息子がいじめられている", now=NOON).results]
    assert slugs[0] == "parents-too"


def test_a_failure_inside_still_gives_the_crisis_lines(
    directory: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(text: str) -> None:
        raise RuntimeError("lexicon broken")

    monkeypatch.setattr(navigate_module, "understand", broken)
    answer = navigate("死にたい", now=NOON)
    assert answer.crisis and answer.error and "RuntimeError" in answer.error
    assert answer.results and all(r["crisis_line"] for r in answer.results)


def test_an_unreadable_database_falls_back_to_the_bundled_lines(
    db: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    def down() -> None:
        raise DatabaseError("database is down")

    monkeypatch.setattr(navigate_module.catalogue, "services", down)
    monkeypatch.setattr("tsunagari.directory.crisis_lines._from_database", down)
    answer = navigate("いじめ", now=NOON)
    assert answer.error
    slugs = [r["slug"] for r in answer.results]
    assert "yorisoi-hotline" in slugs and all(r["crisis_line"] for r in answer.results)


def test_when_nothing_can_be_read_the_static_lines_are_shown(
    db: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object) -> None:
        raise OSError("disk gone")

    monkeypatch.setattr(navigate_module.catalogue, "services", broken)
    monkeypatch.setattr(navigate_module, "fallback_lines", broken)
    answer = navigate("いじめ", now=NOON)
    assert [r["slug"] for r in answer.results] == [line.slug for line in STATIC_LINES]
    assert answer.results[0]["phones"][0]["tel"] == "tel:0120279338"


def test_the_grades_call_now_elements_are_crisis_reasons_with_labels() -> None:
    from tsunagari.navigator import danger
    from tsunagari.navigator.crisis import label

    found, _ = danger.read("隣のおばあさん、新聞がたまってて呼んでも返事がない")
    assert "someone-else-now" in found.reasons and found.about_someone_else
    assert label("someone-else-now", "en") == "Someone else in danger now"
    calm, _ = danger.read("友達が死にたいと言っている")
    assert "someone-else-now" not in calm.reasons
