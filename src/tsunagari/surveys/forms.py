"""Forms of the staff survey pages."""

from __future__ import annotations

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

from tsunagari.surveys.mappings import Mapping, bundled_mapping, bundled_mappings

MAX_UPLOAD_BYTES = 64 * 1024 * 1024
LONELY_PSU_CHOICES = [
    ("fail", _("エラーにする（既定）")),
    ("adjust", _("adjust：母集団平均を中心に分散を計算")),
    ("average", _("average：他の層の平均で置き換え")),
    ("certainty", _("certainty：確実に抽出されたとみなし分散0")),
    ("remove", _("remove：分散に寄与させない")),
]


def _mapping_choices() -> list[tuple[str, str]]:
    return [("", str(_("なし（tsunagari の符号表どおり）")))] + [
        (mapping.key, mapping.name) for mapping in bundled_mappings()
    ]


class MappingField(forms.ChoiceField):
    def __init__(self, **kwargs: object) -> None:
        super().__init__(
            choices=_mapping_choices,
            required=False,
            label=_("対応表"),
            help_text=_("別の番号付けのファイルは、明示した対応表でのみ読み込みます。"),
            **kwargs,  # type: ignore[arg-type]
        )


def chosen_mapping(key: str) -> Mapping | None:
    return bundled_mapping(key) if key else None


def _checked_csv(upload: UploadedFile) -> UploadedFile:
    if upload.size is not None and upload.size > MAX_UPLOAD_BYTES:
        raise forms.ValidationError(
            _("ファイルが大きすぎます（上限 %(mb)d MB）"), params={"mb": MAX_UPLOAD_BYTES // 2**20}
        )
    return upload


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("個票データ（CSV、UTF-8）"),
        help_text=_(
            "1行に回答者1人。列: id, q_direct, ucla_1〜ucla_3、"
            "任意で weight, stratum, psu と属性列。"
        ),
    )
    year = forms.IntegerField(label=_("調査年"), min_value=2000, max_value=2100)
    mapping = MappingField()
    lonely_psu = forms.ChoiceField(
        label=_("PSU が1つしかない層の扱い"),
        choices=LONELY_PSU_CHOICES,
        initial="fail",
        help_text=_("R の survey.lonely.psu と同じ規則です。"),
    )

    def clean_file(self) -> UploadedFile:
        return _checked_csv(self.cleaned_data["file"])


class EvaluationForm(forms.Form):
    programme = forms.CharField(label=_("事業名"), max_length=200, required=False)
    organisation = forms.CharField(label=_("団体名"), max_length=200, required=False)
    pre = forms.FileField(label=_("事業開始前の回答（CSV）"))
    post = forms.FileField(label=_("事業開始後の回答（CSV）"))
    mapping = MappingField()

    def clean_pre(self) -> UploadedFile:
        return _checked_csv(self.cleaned_data["pre"])

    def clean_post(self) -> UploadedFile:
        return _checked_csv(self.cleaned_data["post"])
