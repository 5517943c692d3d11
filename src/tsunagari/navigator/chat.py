"""The guided chat (対話で案内): a few short questions, free text at any step, state only in
the session.

Like the government chatbot: who is it for → what is troubling you (children: 学校・家族・
友だち・自分のこと, then one narrower question) → how would you like to talk → now or later
→ where you live (optional) → answers. The person's own words are never kept: what they
write is read at once (crisis first) and only what was understood — need codes, crisis
reasons — stays in the session, which ends with the browser or with "clear".
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from tsunagari.directory.areas import resolve_place
from tsunagari.directory.taxonomy import load_taxonomy
from tsunagari.navigator import danger
from tsunagari.navigator.crisis import CrisisResult
from tsunagari.navigator.spoken import page_language
from tsunagari.navigator.text import clean_input
from tsunagari.navigator.topics import (
    KIDS_AREAS,
    KIDS_DETAILS,
    KIDS_METHODS,
    KIDS_WHEN,
    KIDS_WHO,
    METHODS,
    TOPICS,
    WHEN,
    WHO,
    Choice,
    find,
)
from tsunagari.navigator.understand import understand

SESSION_KEY = "navigator"
STEPS = ("who", "topic", "detail", "method", "when", "place", "done")
CLEAR_NEED = 0.7  # free text this clear answers "what is troubling you"
CHOSEN_CRISIS = "chose-crisis"  # the child chose しにたい・きえたい
CHILD_MODE = 0.6


@dataclass
class Turn:
    step: str
    answer: str  # the label of a choice, or what was understood from free text (never the text)


@dataclass
class ChatState:
    step: str = "who"
    kids: bool = False
    area: str = ""  # the children's worry area chosen (kids-school, …)
    needs: dict[str, float] = field(default_factory=dict)
    audiences: dict[str, float] = field(default_factory=dict)
    methods: list[str] = field(default_factory=list)
    now: bool = False
    place: str = ""  # a municipality or prefecture code
    crisis: bool = False
    crisis_reasons: list[str] = field(default_factory=list)
    about_someone_else: bool = False
    first: list[str] = field(default_factory=list)
    weak: list[str] = field(default_factory=list)
    turns: list[Turn] = field(default_factory=list)
    written: str = ""  # the site language the person writes in (zh-hans, vi…; never the words)

    @classmethod
    def load(cls, data: Any) -> ChatState:
        """From the session; anything unexpected starts a new conversation."""
        if not isinstance(data, dict):
            return cls()
        try:
            turns = [Turn(**t) for t in data.get("turns", [])]
            state = cls(**{**data, "turns": turns})
        except TypeError:
            return cls()
        return state if state.step in STEPS else cls()

    def dump(self) -> dict[str, Any]:
        return asdict(self)

    @property
    def known_crisis(self) -> CrisisResult | None:
        if not self.crisis:
            return None
        return CrisisResult(
            True,
            tuple(self.crisis_reasons),
            self.about_someone_else,
            tuple(self.first),
            tuple(self.weak),
        )

    @property
    def has_need(self) -> bool:
        return any(score >= CLEAR_NEED for score in self.needs.values())


@dataclass(frozen=True)
class Outcome:
    error: str = ""  # a message to show with the same question again


def choices_for(state: ChatState) -> tuple[Choice, ...]:
    kids = state.kids
    by_step = {
        "who": KIDS_WHO if kids else WHO,
        "topic": KIDS_AREAS if kids else TOPICS,
        "detail": KIDS_DETAILS.get(state.area, ()),
        "method": KIDS_METHODS if kids else METHODS,
        "when": KIDS_WHEN if kids else WHEN,
    }
    return by_step.get(state.step, ())


def _merge(target: dict[str, float], scores: dict[str, float]) -> None:
    for code, score in scores.items():
        target[code] = round(max(target.get(code, 0.0), score), 3)


def read_text(state: ChatState, raw: str) -> str:
    """Free text: crisis first, then needs and audiences. Returns what was understood."""
    cleaned = clean_input(raw)
    if cleaned.empty:
        return ""
    crisis, _ = danger.read(cleaned.text, tuple(state.weak))
    state.weak = list(crisis.weak)
    if crisis.crisis:
        state.crisis = True
        state.crisis_reasons = list(dict.fromkeys([*state.crisis_reasons, *crisis.reasons]))
        state.about_someone_else = state.about_someone_else or crisis.about_someone_else
        state.first = list(dict.fromkeys([*state.first, *crisis.first]))
    understanding = understand(cleaned.text)
    if understanding.language:
        state.written = page_language(understanding.language, cleaned.text)
    _merge(state.needs, {n.code: n.score for n in understanding.needs})
    _merge(state.audiences, {a.code: a.score for a in understanding.audiences})
    if state.step in ("who", "topic") and state.audiences.get("child", 0.0) >= CHILD_MODE:
        state.kids = True  # がっこうでいじめられてる: go on in やさしい日本語
    return ",".join(n.code for n in understanding.needs[:3])


def _choose(state: ChatState, choice: Choice) -> None:
    step = state.step
    if step == "who":
        if choice.value == "child":
            state.kids = True
            _merge(state.audiences, {"child": 1.0})
        elif choice.value in ("family", "friend"):
            _merge(state.audiences, {"family": 0.9})
    elif step == "topic" and state.kids:
        state.area = choice.value
        _merge(state.needs, choice.need_scores())
    elif step in ("topic", "detail"):
        if "crisis" in choice.codes:
            state.crisis = True
            state.crisis_reasons = list(dict.fromkeys([*state.crisis_reasons, CHOSEN_CRISIS]))
        _merge(state.needs, {c: s for c, s in choice.need_scores().items() if c != "crisis"})
    elif step == "method":
        state.methods = list(choice.codes)
    elif step == "when":
        state.now = choice.value == "now"


def _skipped(state: ChatState, step: str) -> bool:
    if step == "topic":
        # Free text already said what is wrong, and the question was not answered.
        return state.has_need and not any(t.step == "topic" for t in state.turns)
    if step == "detail":
        return not (state.kids and state.area)
    return False


def next_step(state: ChatState) -> str:
    if state.crisis:
        return "done"  # the lines first; the questions can go on from the answers
    later = STEPS[STEPS.index(state.step) + 1 :]
    return next((step for step in later if not _skipped(state, step)), "done")


def previous_step(state: ChatState) -> str:
    earlier = STEPS[: STEPS.index(state.step)]
    return next(
        (step for step in reversed(earlier) if step == "who" or not _skipped(state, step)), "who"
    )


def _follow_up(state: ChatState, choice: str) -> None:
    """An option of the answers' follow-up question: a topic, or one need code."""
    topic = find(TOPICS, choice)
    if topic is not None:
        _merge(state.needs, topic.need_scores())
        state.turns.append(Turn("done", str(topic.label)))
    elif choice in load_taxonomy().needs and choice != "crisis":
        _merge(state.needs, {choice: 0.9})
        state.turns.append(Turn("done", "text:" + choice))


def answer(
    state: ChatState, *, choice: str = "", text: str = "", place: str = "", skip: bool = False
) -> Outcome:
    """Apply one answer to the state and move on (or stay, with an error to show)."""
    understood = read_text(state, text) if text else ""
    if state.step == "place" and place.strip() and not skip:
        found = resolve_place(place)
        if found is None:
            return Outcome("place")
        state.place = found.municipality.code if found.municipality else found.prefecture_code
        state.turns.append(Turn("place", found.label))
    picked = find(choices_for(state), choice) if choice else None
    if picked is not None:
        _choose(state, picked)
        state.turns.append(Turn(state.step, str(picked.label)))
    elif state.step == "done" and choice:
        _follow_up(state, choice)
    if understood:
        state.turns.append(Turn(state.step, "text:" + understood))
    answered = picked is not None or understood or skip or (text and state.crisis)
    if not answered and state.step not in ("place", "done"):
        return Outcome("choose")
    state.step = next_step(state) if state.step != "done" else "done"
    return Outcome()
