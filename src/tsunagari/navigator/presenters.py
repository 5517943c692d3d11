"""What the chat templates show: the question of each step, the answers so far, the results."""

from __future__ import annotations

from typing import Any

from django.utils.functional import Promise
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from tsunagari.navigator.answer import Answer, need_label
from tsunagari.navigator.chat import ChatState

QUESTIONS: dict[str, tuple[str | Promise, str | Promise]] = {
    # step: (adults, children in やさしい日本語)
    "who": (
        gettext_lazy("だれのことで相談したいですか？"),
        gettext_lazy("だれの ことで そうだん したい？"),
    ),
    "topic": (
        gettext_lazy("どんなことで困っていますか？"),
        gettext_lazy("なにに こまって いますか？"),
    ),
    "detail": (
        gettext_lazy("いちばん近いものを選んでください。"),
        gettext_lazy("どれに ちかい？"),
    ),
    "method": (
        gettext_lazy("どうやって相談したいですか？"),
        gettext_lazy("どうやって はなしたい？"),
    ),
    "when": (gettext_lazy("いつ話したいですか？"), gettext_lazy("いつ はなしたい？")),
    "place": (
        gettext_lazy(
            "お住まいの地域を教えてください。郵便番号か市区町村名で（とばしてもかまいません）。"
        ),
        gettext_lazy(
            "すんでいる ところの ゆうびんばんごうを おしえてね（わからなければ とばして いいよ）。"
        ),
    ),
    "done": (
        gettext_lazy("あなたに合いそうな相談先"),
        gettext_lazy("はなしを きいて くれる ところ"),
    ),
}

STEP_NAMES: dict[str, str | Promise] = {
    "who": gettext_lazy("だれのこと"),
    "topic": gettext_lazy("困っていること"),
    "detail": gettext_lazy("くわしく"),
    "method": gettext_lazy("相談の方法"),
    "when": gettext_lazy("いつ"),
    "place": gettext_lazy("地域"),
    "done": gettext_lazy("追加で書いたこと"),
}

BADGES = {
    True: ("open", gettext_lazy("受付中")),
    False: ("closed", gettext_lazy("受付時間外")),
    None: ("unknown", gettext_lazy("受付時間は要確認")),
}


def questions(state: ChatState) -> str:
    adults, children = QUESTIONS[state.step]
    return str(children if state.kids else adults)


def turns_shown(state: ChatState) -> list[dict[str, str]]:
    """The answers so far, as a person reads them (never the words they wrote)."""
    language = get_language() or "ja"
    shown = []
    for turn in state.turns:
        answer = turn.answer
        if answer.startswith("text:"):
            codes = [c for c in answer[5:].split(",") if c]
            labels = "、".join(need_label(c, language) for c in codes)
            answer = (
                _("書いた内容から: %(needs)s") % {"needs": labels} if labels else _("書いた内容")
            )
        shown.append({"step": str(STEP_NAMES.get(turn.step, turn.step)), "answer": answer})
    return shown


SHOWN_CRISIS_LINES = 3  # on the page; all of them are in the crisis block above it
UNDERSTOOD = 0.45  # a need read clearly enough to be named back to the person


def serving(found: Answer) -> list[dict[str, Any]]:
    """The services that serve a need the person was understood to have (named back to
    them as わかったこと): no 学生相談室 for a 78-year-old because of a faint guess. When
    nothing was understood clearly, the answer stands as ranked (general windows)."""
    clear = {n.code for n in found.needs if n.score >= UNDERSTOOD}
    kept = [r for r in found.results if r["crisis_line"] or clear & set(r["needs"])]
    return kept if any(not r["crisis_line"] for r in kept) else found.results


def results_context(found: Answer) -> dict[str, Any]:
    """The answers as cards in the answer's order: in a crisis the best-fitting crisis
    lines (the page's crisis block above lists them all) — first, or with the services for
    a practical need after the first (`Answer.needs_beside_lines`) — then the services."""
    listed = serving(found)
    crisis_only = found.crisis and not found.error
    lines = [item["slug"] for item in listed if item["crisis_line"]][:SHOWN_CRISIS_LINES]
    kept = [item for item in listed if not item["crisis_line"] or item["slug"] in lines]
    shown = kept if crisis_only else listed
    results = []
    for item in shown:
        state, label = BADGES.get(item["open_now"], BADGES[None])
        results.append({**item, "badge_state": state, "badge_label": str(label)})
    language = found.language
    understood = [need_label(n.code, language) for n in found.needs if n.score >= UNDERSTOOD][:4]
    return {
        "answer": found,
        "results": results,
        "understood": understood,
        "follow_up": found.follow_up,
        "crisis_needs": [n.code for n in found.needs if n.score >= UNDERSTOOD],
    }
