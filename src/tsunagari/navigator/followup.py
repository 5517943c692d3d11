"""One short question when the text is vague (何に困っていますか？), never during a crisis."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from tsunagari.navigator.answer import need_label
from tsunagari.navigator.llm import rephrased
from tsunagari.navigator.topics import TOPICS

CLEAR = 0.7  # a need this sure needs no question
VAGUE = 0.45  # below this, nothing was really understood
CLOSE = 0.1


def follow_up(needs: dict[str, float], crisis: bool, language: str) -> dict[str, Any] | None:
    if crisis:
        return None
    ranked = sorted(needs.items(), key=lambda item: (-item[1], item[0]))
    if not ranked or ranked[0][1] < VAGUE:
        return {
            "id": "topic",
            "question": rephrased(
                str(_("どんなことで困っていますか？近いものを選ぶか、もう少し書いてください。")),
                language,
            ),
            "options": [
                {"value": c.value, "label": str(c.label), "needs": list(c.codes)} for c in TOPICS
            ],
        }
    top = ranked[0][1]
    close = [code for code, score in ranked[:3] if score >= top - CLOSE]
    if top < CLEAR and len(close) > 1:
        return {
            "id": "need",
            "question": rephrased(str(_("いちばん近いのはどれですか？")), language),
            "options": [
                {"value": code, "label": need_label(code, language), "needs": [code]}
                for code in close
            ],
        }
    return None
