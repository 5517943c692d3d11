"""The optional language-model hook keeps to its guardrails (docs/navigator-llm.md)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import pytest

from tsunagari.navigator import llm
from tsunagari.navigator.navigate import navigate

pytestmark = pytest.mark.django_db


class Misbehaving:
    calls: list[str] = []

    def rephrase_question(self, question: str, *, language: str) -> str:
        return "詳しくは https://example.com か 03-1234-5678 へ"

    def suggest_needs(self, text: str, *, codes: Sequence[str]) -> Sequence[str]:
        Misbehaving.calls.append(text)
        return ["crisis", "not-a-need", "loneliness", "loneliness", "poverty", "housing", "food"]


class Polite(Misbehaving):
    def rephrase_question(self, question: str, *, language: str) -> str:
        return "どんなことで困っているか、教えてもらえますか？"


class Broken(Misbehaving):
    def rephrase_question(self, question: str, *, language: str) -> str:
        raise TimeoutError("model too slow")

    def suggest_needs(self, text: str, *, codes: Sequence[str]) -> Sequence[str]:
        raise TimeoutError("model too slow")


def use(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    monkeypatch.setenv(llm.SETTING, f"tests.navigator.test_llm_hook.{name}")


@pytest.fixture(autouse=True)
def _fresh() -> Iterator[None]:
    llm._configured.cache_clear()
    Misbehaving.calls = []
    yield
    llm._configured.cache_clear()


def test_it_is_off_by_default() -> None:
    assert llm.configured() is None


def test_suggestions_are_limited_to_taxonomy_codes_never_crisis(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    use(monkeypatch, "Misbehaving")
    suggested = llm.suggested_needs("なんとなく", crisis=False)
    assert suggested == {"loneliness": 0.5, "poverty": 0.5, "housing": 0.5}


def test_the_model_is_never_asked_in_a_crisis(
    monkeypatch: pytest.MonkeyPatch, directory: None
) -> None:
    use(monkeypatch, "Misbehaving")
    answer = navigate("死にたい")
    assert answer.crisis and Misbehaving.calls == []


def test_suggestions_never_decide_alone(monkeypatch: pytest.MonkeyPatch, directory: None) -> None:
    use(monkeypatch, "Misbehaving")
    answer = navigate("なんとなく")
    assert Misbehaving.calls == ["なんとなく"]
    assert "crisis" not in answer.need_codes and not answer.crisis
    assert answer.follow_up is not None  # still asked: 0.5 is not clear


def test_an_unsafe_rephrasing_is_replaced_by_the_written_question(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    use(monkeypatch, "Misbehaving")
    assert llm.rephrased("いちばん近いのはどれですか？", "ja") == "いちばん近いのはどれですか？"


def test_a_safe_rephrasing_is_used(monkeypatch: pytest.MonkeyPatch) -> None:
    use(monkeypatch, "Polite")
    assert llm.rephrased("いちばん近いのはどれですか？", "ja").startswith("どんなことで")


def test_a_failing_model_changes_nothing(monkeypatch: pytest.MonkeyPatch, directory: None) -> None:
    use(monkeypatch, "Broken")
    assert llm.suggested_needs("なんとなく", crisis=False) == {}
    assert llm.rephrased("質問", "ja") == "質問"
    assert navigate("いじめられている").need_codes[0] == "bullying"


def test_a_factory_that_cannot_be_loaded_leaves_it_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(llm.SETTING, "no.such.module.Factory")
    assert llm.configured() is None
