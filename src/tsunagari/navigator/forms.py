"""The guided chat's one form: a choice, free text, a place, or an action (back, skip)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from tsunagari.navigator.chat import STEPS
from tsunagari.navigator.text import MAX_CHARS

ACTIONS = ("answer", "text", "skip", "back", "results")


class AnswerForm(forms.Form):
    step = forms.ChoiceField(choices=[(s, s) for s in STEPS])
    choice = forms.CharField(required=False, max_length=40)
    text = forms.CharField(
        label=_("自由に書いてもかまいません（任意）"),
        required=False,
        strip=True,
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": MAX_CHARS}),
    )
    place = forms.CharField(label=_("郵便番号か市区町村名（任意）"), required=False, max_length=40)
    action = forms.ChoiceField(choices=[(a, a) for a in ACTIONS], required=False)

    def clean_text(self) -> str:
        # Longer text is read up to the navigator's limit; the rest is not kept anywhere.
        return str(self.cleaned_data.get("text") or "")[: MAX_CHARS * 10]
