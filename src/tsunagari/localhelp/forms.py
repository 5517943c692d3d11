"""Forms of the local-help pages: an upload, an edit of one entry, a return's comment."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from tsunagari.directory.models import POSTCODE_VALIDATOR
from tsunagari.localhelp import limits
from tsunagari.staff.models import Body


class UploadForm(forms.Form):
    body = forms.ModelChoiceField(queryset=Body.objects.none(), label=_("所属"), empty_label=None)
    file = forms.FileField(label=_("ファイル（xlsx・CSV・HSDS JSON）"))

    def __init__(self, *args: Any, bodies: list[Body], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["body"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = Body.objects.filter(pk__in=[b.pk for b in bodies])

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        try:
            limits.check_size(upload.size)
        except limits.TooLarge as error:
            raise forms.ValidationError(str(error)) from None
        return upload


class EditForm(forms.Form):
    """What an owner changes most often; the rest comes from a file."""

    name = forms.CharField(label=_("名称"), max_length=200)
    description = forms.CharField(label=_("説明"), widget=forms.Textarea(attrs={"rows": 4}))
    address = forms.CharField(label=_("住所"), max_length=300, required=False)
    postcode = forms.CharField(
        label=_("郵便番号"), max_length=8, required=False, validators=[POSTCODE_VALIDATOR]
    )
    hours_note = forms.CharField(
        label=_("受付時間の補足"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    eligibility = forms.CharField(
        label=_("対象となる人"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    fees = forms.CharField(label=_("費用"), max_length=200, required=False)
    access = forms.CharField(
        label=_("交通・行き方"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    accessibility = forms.CharField(
        label=_("バリアフリー・配慮"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class ReturnForm(forms.Form):
    comment = forms.CharField(label=_("差し戻す理由"), widget=forms.Textarea(attrs={"rows": 3}))
