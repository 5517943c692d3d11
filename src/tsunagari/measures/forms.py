from __future__ import annotations

import unicodedata
from decimal import Decimal, InvalidOperation
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from tsunagari.measures.damage import MEASURE_FIELDS
from tsunagari.measures.models import Decision, Indicator, Review, Status, Submission
from tsunagari.measures.workflow import Entry


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


RESTORE_LABELS = {
    "overview": _("施策の概要（原文の表で欠けているため、全文を入力してください）"),
    "target": _("目標及び達成の期間（原文の表で欠けているため、全文を入力してください）"),
}


class ReviewForm(forms.Form):
    fiscal_year = forms.IntegerField(label=_("年度"))  # checked against the plan by the view
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

    def __init__(
        self,
        *args: Any,
        indicators: list[Indicator],
        damaged: dict[str, list[str]] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.indicators = indicators
        # The measure's own texts that the source table damaged: the editor may restore
        # them with the report (optional; the reviewer sees them beside the excerpt).
        self.restorable = [f for f in MEASURE_FIELDS if f in (damaged or {})]
        for name in self.restorable:
            self.fields[f"restore_{name}"] = forms.CharField(
                label=RESTORE_LABELS[name],
                widget=forms.Textarea(attrs={"rows": 4}),
                max_length=5000,
                required=False,
            )
        for indicator in indicators:
            self.fields[f"actual_{indicator.pk}"] = ActualField(
                label=f"{indicator.name}（{indicator.unit}）" if indicator.unit else indicator.name,
                required=False,
            )

    def entry(self) -> Entry:
        return Entry(
            values={
                k: self.cleaned_data[k]
                for k in ("achievement_text", "status", "policy_text", "decision")
            },
            actuals={i.pk: self.cleaned_data.get(f"actual_{i.pk}") for i in self.indicators},
            restored={n: self.cleaned_data.get(f"restore_{n}") or "" for n in self.restorable},
        )


class ReturnForm(forms.Form):
    comment = forms.CharField(
        label=_("差戻しの理由（編集者に表示されます）"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        error_messages={"required": _("差戻しにはコメントが必要です。")},
    )


def initial_for(year: int, pending: Submission | None, public: Review | None) -> dict[str, Any]:
    """The form starts from the report being worked on, else the year's public record."""
    source: Submission | Review | None = pending or public
    initial: dict[str, Any] = {"fiscal_year": year}
    if source is not None:
        for key in ("achievement_text", "status", "policy_text", "decision"):
            # a damaged public text is not offered as a start: the editor writes it whole
            if pending is None and public is not None and key in public.damaged:
                continue
            initial[key] = getattr(source, key)
    if pending is not None:
        for actual in pending.actuals:
            initial[f"actual_{actual['indicator']}"] = actual["value"]
        for name, text in pending.restored.items():
            initial[f"restore_{name}"] = text
    return initial
