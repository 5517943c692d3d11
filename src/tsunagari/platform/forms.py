"""The forms staff post to the platform with: each edits only its model's EDITABLE fields."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from tsunagari.directory.area_names import prefecture_name
from tsunagari.directory.areas import prefectures
from tsunagari.directory.taxonomy import load_taxonomy
from tsunagari.platform.models import Case, Event, News, Platform, Profile
from tsunagari.staff.models import jis_municipality_code_error

TEXT = {"rows": 5}


def prefecture_choices(blank: bool = True) -> list[tuple[str, Any]]:
    language = get_language() or "ja"
    choices = [(code, prefecture_name(code, language)) for code in sorted(prefectures())]
    return [("", _("（指定しない）")), *choices] if blank else choices


def term_choices(kind: str) -> list[tuple[str, str]]:
    language = get_language() or "ja"
    return [(code, term.label(language)) for code, term in load_taxonomy().of(kind).items()]


def _formfield(field: models.Field[Any, Any], **kwargs: Any) -> forms.Field | None:
    """Addresses typed without a scheme are read as https (Django 6's default)."""
    if isinstance(field, models.URLField):
        kwargs["assume_scheme"] = "https"
    return field.formfield(**kwargs)


class PostForm(forms.ModelForm):
    """A form for a Reviewed model: its values go to review.submit."""

    class Meta:
        formfield_callback = _formfield

    def values(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class ProfileForm(PostForm):
    class Meta(PostForm.Meta):
        model = Profile
        fields = list(Profile.EDITABLE)
        widgets = {
            "description": forms.Textarea(attrs=TEXT),
            "description_en": forms.Textarea(attrs=TEXT),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["prefecture_code"] = forms.ChoiceField(
            label=_("主な活動地域（都道府県）"), choices=prefecture_choices(), required=False
        )


class CaseForm(PostForm):
    class Meta(PostForm.Meta):
        model = Case
        fields = list(Case.EDITABLE)
        widgets = {
            name: forms.Textarea(attrs=TEXT) for name in ("tried", "for_whom", "result", "lessons")
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["needs"] = forms.MultipleChoiceField(
            label=_("困りごと"),
            choices=term_choices("needs"),
            required=False,
            widget=forms.CheckboxSelectMultiple,
        )
        self.fields["audiences"] = forms.MultipleChoiceField(
            label=_("対象者"),
            choices=term_choices("audiences"),
            required=False,
            widget=forms.CheckboxSelectMultiple,
        )
        self.fields["prefecture_code"] = forms.ChoiceField(
            label=_("都道府県"), choices=prefecture_choices(), required=False
        )
        self.fields["municipality_code"].help_text = _("6桁の全国地方公共団体コード（任意）")
        this_year = dt.date.today().year
        self.fields["year"] = forms.IntegerField(
            label=_("実施年"), min_value=1990, max_value=this_year
        )

    def clean_municipality_code(self) -> str:
        code = str(self.cleaned_data.get("municipality_code") or "").strip()
        if code and (error := jis_municipality_code_error(code)):
            raise forms.ValidationError(error)
        return code


class EventForm(PostForm):
    class Meta(PostForm.Meta):
        model = Event
        fields = list(Event.EDITABLE)
        widgets = {
            "description": forms.Textarea(attrs=TEXT),
            "starts_at": forms.DateTimeInput(attrs={"type": "datetime-local"}),
            "ends_at": forms.DateTimeInput(attrs={"type": "datetime-local"}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["prefecture_code"] = forms.ChoiceField(
            label=_("都道府県"), choices=prefecture_choices(), required=False
        )
        self.fields["capacity"].validators.append(MinValueValidator(1))

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        starts, ends = data.get("starts_at"), data.get("ends_at")
        if starts and ends and ends < starts:
            self.add_error("ends_at", _("終了は開始より後にしてください。"))
        if not data.get("venue") and not data.get("online_url"):
            self.add_error("venue", _("会場かオンライン参加のページのどちらかを入力してください。"))
        return data


class NewsForm(PostForm):
    class Meta(PostForm.Meta):
        model = News
        fields = list(News.EDITABLE)
        widgets = {"text": forms.Textarea(attrs=TEXT), "text_en": forms.Textarea(attrs=TEXT)}


class LocalPlatformForm(PostForm):
    class Meta(PostForm.Meta):
        model = Platform
        fields = list(Platform.EDITABLE)
        widgets = {
            name: forms.Textarea(attrs=TEXT)
            for name in ("purpose", "purpose_en", "how_to_join", "how_to_join_en")
        }


class JoinForm(forms.Form):
    platform = forms.ModelChoiceField(
        label=_("参加するプラットフォーム"), queryset=Platform.objects.none()
    )
    note = forms.CharField(
        label=_("参加の目的"), widget=forms.Textarea(attrs=TEXT), max_length=2000, required=False
    )

    def __init__(self, *args: Any, joined: list[int], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["platform"].queryset = Platform.objects.public().exclude(pk__in=joined)  # type: ignore[attr-defined]


class CompletedForm(forms.Form):
    completed = forms.IntegerField(label=_("修了者数"), min_value=0)


class ReturnForm(forms.Form):
    comment = forms.CharField(
        label=_("差戻しの理由（投稿者に表示されます）"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
    )
