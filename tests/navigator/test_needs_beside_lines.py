"""How the crisis lines share the answer with the services for a practical need
(navigator.lines.needs_beside_lines): a flag the urgency grade alone raised, below level 5
and with no sign of danger named, gets the need's services after the first line; anything
else keeps every line first."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.management import call_command
from django.test import Client

from tests.navigator.conftest import NOON
from tsunagari.navigator.answer import Answer, NeedOut
from tsunagari.navigator.crisis import CrisisResult
from tsunagari.navigator.lines import BESIDE_FIRST_LINE, needs_beside_lines, shared
from tsunagari.navigator.navigate import navigate
from tsunagari.navigator.presenters import results_context
from tsunagari.navigator.urgency import MODEL, URGENCY, Reason, Urgency

# A Vietnamese intern who lost the job and the company's housing: no word of danger.
LOST_HOME = "cty cho nghi viec roi, phai roi khoi nha o cua cty, em la thuc tap sinh"
HOME_LOST_TWICE = "cty cho nghi viec roi, phai roi khoi ky tuc xa, gio em khong co cho o"
FLAGGED = CrisisResult(True, (URGENCY,), False)
HOUSING = {"crisis": 1.0, "housing": 0.9, "employment": 0.6, "mental-health": 0.5}
ONE_WORD_EACH = {"housing": 1, "employment": 1}
HOME_TWICE = {"housing": 2, "employment": 1}  # 寮 and 出ていけ: a cue and a combination


def read_as(level: int, *elements: tuple[str, int]) -> Urgency:
    reasons = [Reason(MODEL, level, "", "")] + [Reason(c, lv, "", "") for c, lv in elements]
    return Urgency(level, tuple(reasons))


def lines_lead(results: list[dict[str, Any]]) -> bool:
    flags = [bool(r["crisis_line"]) for r in results]
    return flags[0] and flags == sorted(flags, reverse=True)


@pytest.mark.parametrize("level", [3, 4])
def test_a_grade_alone_with_a_stated_need_puts_the_need_beside_the_lines(level: int) -> None:
    assert needs_beside_lines(FLAGGED, read_as(level), HOUSING, earlier=False, cues=HOME_TWICE)


def test_read_as_a_plan_a_need_named_by_one_word_keeps_every_line_first() -> None:
    """Level 4 is a method, place, time or plan read by the learned reader: a crisis that
    names the company, a visa or a payday in passing (会社の非常階段, 給料日のあと) is not a
    request for work or a home; at 3 one clear word is enough."""
    assert not needs_beside_lines(FLAGGED, read_as(4), HOUSING, earlier=False, cues=ONE_WORD_EACH)
    assert needs_beside_lines(FLAGGED, read_as(3), HOUSING, earlier=False, cues=ONE_WORD_EACH)


@pytest.mark.parametrize(
    ("crisis", "urgency", "earlier"),
    [
        (FLAGGED, read_as(5), False),  # imminent
        (FLAGGED, Urgency(5, (), error=True), False),  # grading failed
        (FLAGGED, read_as(4, ("method", 4)), False),  # a method named
        (FLAGGED, read_as(3, ("wish", 2)), False),  # even a passive wish
        (CrisisResult(True, ("wish-to-die",), False), read_as(3), False),  # a crisis rule
        (CrisisResult(True, ("crisis-model",), False), read_as(3), False),  # the rules' model
        (CrisisResult(True, (URGENCY,), False, error=True), read_as(3), False),
        (FLAGGED, read_as(3), True),  # known from earlier messages of a conversation
        (CrisisResult(False, (), False), read_as(1), False),  # no crisis at all
    ],
)
def test_any_sign_of_danger_keeps_every_line_first(
    crisis: CrisisResult, urgency: Urgency, earlier: bool
) -> None:
    assert not needs_beside_lines(crisis, urgency, HOUSING, earlier=earlier, cues=HOME_TWICE)


def test_a_need_must_be_practical_and_stated_not_guessed_from_the_language() -> None:
    distress = {"crisis": 1.0, "mental-health": 0.9, "dv": 0.9}
    language_only = {"crisis": 1.0, "foreign-residents": 0.48}
    stated = {"mental-health": 2, "dv": 2, "foreign-residents": 2}
    assert not needs_beside_lines(FLAGGED, read_as(3), distress, earlier=False, cues=stated)
    assert not needs_beside_lines(FLAGGED, read_as(3), language_only, earlier=False, cues=stated)


def test_beside_the_need_one_line_leads_then_the_services_then_the_other_lines() -> None:
    lines = [{"slug": f"line-{i}"} for i in range(3)]
    services = [{"slug": f"service-{i}"} for i in range(3)]
    order = [r["slug"] for r in shared(lines, services, beside=True)]
    assert order == ["line-0", "service-0", "service-1", "line-1", "line-2", "service-2"]
    assert BESIDE_FIRST_LINE == 2  # one line among the top three
    assert shared(lines, services, beside=False) == [*lines, *services]
    assert shared([], services, beside=True) == services


@pytest.fixture
def graded(monkeypatch: pytest.MonkeyPatch) -> Any:
    """Grade every message at a chosen level, as the learned reader alone would."""

    def at(level: int) -> None:
        monkeypatch.setattr("tsunagari.navigator.danger.grade", lambda text: read_as(level))

    return at


@pytest.mark.django_db
def test_a_job_and_home_graded_three_by_mistake_gets_services_in_the_language(
    directory: None, graded: Any
) -> None:
    graded(3)
    answer = navigate(LOST_HOME, now=NOON)
    assert answer.crisis and answer.needs_beside_lines and answer.message
    first, *beside = answer.results[:3]
    assert first["crisis_line"] and not any(r["crisis_line"] for r in beside)
    assert all({"housing", "employment", "foreign-residents"} & set(r["needs"]) for r in beside)
    assert any("vi" in r["languages"] for r in beside)
    lines = [r for r in answer.results if r["crisis_line"]]
    assert [r["crisis_line"] for r in answer.results[3 : 2 + len(lines)]] == [True] * (
        len(lines) - 1
    ), "the other lines come right after the two services"


@pytest.mark.django_db
def test_graded_four_the_home_must_be_stated_twice(directory: None, graded: Any) -> None:
    graded(4)
    once = navigate(LOST_HOME, now=NOON)  # nha o, once
    assert once.crisis and not once.needs_beside_lines
    assert lines_lead(once.results)
    twice = navigate(HOME_LOST_TWICE, now=NOON)  # the dormitory, and nowhere to live
    assert twice.crisis and twice.needs_beside_lines
    assert [r["crisis_line"] for r in twice.results[:3]] == [True, False, False]


@pytest.mark.django_db
def test_the_same_message_graded_five_gets_every_line_first(directory: None, graded: Any) -> None:
    graded(5)
    answer = navigate(LOST_HOME, now=NOON)
    assert answer.crisis and not answer.needs_beside_lines
    assert lines_lead(answer.results)


@pytest.mark.django_db
def test_words_of_dying_beside_a_lost_job_keep_every_line_first(directory: None) -> None:
    answer = navigate("会社をクビになって寮も出ないといけない。もう死にたい", now=NOON)
    assert answer.crisis and not answer.needs_beside_lines
    assert lines_lead(answer.results)


@pytest.mark.django_db
def test_the_api_and_the_cli_say_so_and_keep_the_order(
    client: Client, directory: None, graded: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    graded(3)
    body = client.get("/api/v1/navigate", {"text": LOST_HOME}).json()
    assert body["crisis"] is True and body["needs_beside_lines"] is True
    assert [r["crisis_line"] for r in body["results"][:3]] == [True, False, False]
    call_command("navigate", LOST_HOME)
    printed = capsys.readouterr().out
    assert "CRISIS" in printed and "follow the first crisis line" in printed
    schema = client.get("/api/v1/openapi.json").json()["components"]["schemas"]
    assert "needs_beside_lines" in schema["AnswerOut"]["required"]


def test_the_chat_page_keeps_the_answers_order() -> None:
    def result(slug: str, line: bool) -> dict[str, Any]:
        return {"slug": slug, "crisis_line": line, "needs": ["housing"], "open_now": True}

    results = [result("l1", True), result("s1", False), result("s2", False)]
    results += [result(f"l{i}", True) for i in range(2, 6)] + [result("s3", False)]
    answer = Answer(
        crisis=True,
        needs=[NeedOut("housing", 0.9)],
        results=results,
        follow_up=None,
        needs_beside_lines=True,
    )
    shown = [r["slug"] for r in results_context(answer)["results"]]
    assert shown == ["l1", "s1", "s2", "l2", "l3", "s3"]  # three lines; the block has all
