from __future__ import annotations

import unicodedata
from decimal import Decimal, InvalidOperation
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from tsunagari.measures.models import Decision, Indicator, Review, Status


class ActualField(forms.CharField):
    """A number as people type it: 12,345 or １２３４５ or 44.1."""

    def to_python(self, value: Any) -> Decimal | None:  # type: ignore[override]
        text = unicodedata.normalize("NFKC", str(value or "")).replace(",", "").strip()
        if not text:
            return None
        try:
            number = Decimal(text)
        except InvalidOperation:
            raise forms.ValidationError(
                _("数値で入力してください（例: 12,345 または 44.1）。"), code="invalid"
            ) from None
        if not number.is_finite() or abs(number) >= Decimal("1e12"):
            raise forms.ValidationError(_("数値が大きすぎます。"), code="invalid")
        return number


class ReviewForm(forms.Form):
    fiscal_year = forms.IntegerField(label=_("年度"), min_value=2024, max_value=2040)
    achievement_text = forms.CharField(
        label=_("目標の達成状況"), widget=forms.Textarea(attrs={"rows": 5}), max_length=5000
    )
    status = forms.ChoiceField(label=_("達成区分"), choices=Status.choices)
    policy_text = forms.CharField(
        label=_("達成状況を踏まえた施策の見直し方針"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=5000,
    )
    decision = forms.ChoiceField(
        label=_("見直しの区分"), choices=[("", "—"), *Decision.choices], required=False
    )

    def __init__(self, *args: Any, indicators: list[Indicator], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.indicators = indicators
        for indicator in indicators:
            self.fields[f"actual_{indicator.pk}"] = ActualField(
                label=f"{indicator.name}（{indicator.unit}）", required=False
            )

    def actuals(self) -> dict[int, Decimal | None]:
        return {i.pk: self.cleaned_data.get(f"actual_{i.pk}") for i in self.indicators}

    def values(self) -> dict[str, Any]:
        return {
            k: self.cleaned_data[k]
            for k in ("achievement_text", "status", "policy_text", "decision")
        }


class DecisionForm(forms.Form):
    comment = forms.CharField(
        label=_("コメント（差戻しの場合は必須）"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=2000,
    )


def initial_for(review: Review) -> dict[str, Any]:
    return {
        "fiscal_year": review.fiscal_year,
        "achievement_text": review.achievement_text,
        "status": review.status,
        "policy_text": review.policy_text,
        "decision": review.decision,
    }
