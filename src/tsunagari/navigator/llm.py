"""An optional language-model hook (生成AIの利用), off by default.

Guardrails: docs/navigator-llm.md.

The navigator works without it, and no test needs it. An operator who wants one sets
TSUNAGARI_NAVIGATOR_LLM to the dotted path of a factory (a class or function taking no
arguments) that returns a `LanguageModel`. The model may only

- rephrase the follow-up question (the text is checked: short, one line, no links or
  numbers; otherwise the written question is used), and
- suggest need codes for a text the lexicon did not understand; the codes are checked
  against the taxonomy, `crisis` is never accepted from it, and at most three are used,
  each at a score too low to decide anything alone.

It never sees a text in which crisis detection found danger (that runs first, always,
deterministically), and nothing it returns is stored or logged.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from functools import cache
from typing import Protocol

from django.utils.module_loading import import_string

from tsunagari.directory.taxonomy import load_taxonomy
from tsunagari.env import env_str

log = logging.getLogger(__name__)

SETTING = "TSUNAGARI_NAVIGATOR_LLM"
MAX_QUESTION = 120
MAX_CODES = 3
SUGGESTED_SCORE = 0.5  # below what the navigator treats as clear (followup.CLEAR)
_UNSAFE = re.compile(r"https?://|www\.|@|\d{2,}|[<>{}]|\n")


class LanguageModel(Protocol):
    def rephrase_question(self, question: str, *, language: str) -> str:
        """The same question in other plain words; nothing else."""

    def suggest_needs(self, text: str, *, codes: Sequence[str]) -> Sequence[str]:
        """Which of `codes` the text is about (may be none)."""


@cache
def _configured(path: str) -> LanguageModel | None:
    if not path:
        return None
    try:
        factory = import_string(path)
        model: LanguageModel = factory()
    except Exception:
        log.exception("%s=%s could not be loaded: the navigator runs without it", SETTING, path)
        return None
    return model


def configured() -> LanguageModel | None:
    """The operator's model, or None (the default)."""
    return _configured(env_str(SETTING, "").strip())


def rephrased(question: str, language: str) -> str:
    model = configured()
    if model is None:
        return question
    try:
        candidate = str(model.rephrase_question(question, language=language)).strip()
    except Exception:
        log.exception("language model failed to rephrase: the written question is used")
        return question
    if not candidate or len(candidate) > MAX_QUESTION or _UNSAFE.search(candidate):
        return question
    return candidate


def suggested_needs(text: str, crisis: bool) -> dict[str, float]:
    """Need codes a model suggests for a text the lexicon did not understand; never in a crisis."""
    model = configured()
    if model is None or crisis or not text.strip():
        return {}
    codes = [code for code in load_taxonomy().needs if code != "crisis"]
    try:
        answer = list(model.suggest_needs(text, codes=codes))
    except Exception:
        log.exception("language model failed to suggest needs: ignored")
        return {}
    valid = [code for code in dict.fromkeys(map(str, answer)) if code in codes]
    return {code: SUGGESTED_SCORE for code in valid[:MAX_CODES]}
