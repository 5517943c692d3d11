"""Plain names of the fields a search hit matched in, for "why this result"."""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

FIELD_LABELS: dict[str, str | Promise] = {
    "name": _("名称"),
    "alternate_name": _("別名"),
    "description": _("説明"),
    "keywords": _("キーワード"),
    "needs": _("困りごと"),
    "audiences": _("対象"),
    "methods": _("相談の方法"),
    "eligibility": _("対象となる人"),
    "organization": _("運営"),
    "reading": _("読み"),
}


def field_labels(fields: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    """Known fields in plain words; internal ones (readings, synonyms) are left out."""
    labels: list[str] = []
    for field in fields:
        label = FIELD_LABELS.get(field.removesuffix("_en"))
        if label is not None and str(label) not in labels:
            labels.append(str(label))
    return tuple(labels)
