"""The closing record (相談記録): topics as taxonomy need codes, the urgency the counsellor
judged, and the outcome."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from tsunagari.desk.models import Outcome
from tsunagari.directory.taxonomy import load_taxonomy


def _topic_choices() -> list[tuple[str, str]]:
    language = get_language() or "ja"
    return [(code, term.label(language)) for code, term in load_taxonomy().needs.items()]


class CloseForm(forms.Form):
    topics = forms.MultipleChoiceField(
        label=_("相談の分類"), choices=_topic_choices, widget=forms.CheckboxSelectMultiple
    )
    level = forms.TypedChoiceField(
        label=_("緊急度"), choices=[(n, str(n)) for n in range(6)], coerce=int
    )
    outcome = forms.ChoiceField(label=_("結果"), choices=Outcome.choices)

    def record(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {"topics": data["topics"], "outcome": data["outcome"], "level": data["level"]}
