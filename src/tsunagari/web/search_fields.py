"""Plain names of the fields a search hit matched in, for "why this result"."""

from __future__ import annotations

from functools import lru_cache

from django.utils.functional import Promise
from django.utils.translation import get_language, pgettext_lazy

FIELD_LABELS: dict[str, str | Promise] = {
    "name": pgettext_lazy("matched in", "名称"),
    "alternate_name": pgettext_lazy("matched in", "別名"),
    "description": pgettext_lazy("matched in", "説明"),
    "keywords": pgettext_lazy("matched in", "キーワード"),
    "needs": pgettext_lazy("matched in", "困りごと"),
    "audiences": pgettext_lazy("matched in", "対象"),
    "methods": pgettext_lazy("matched in", "相談の方法"),
    "eligibility": pgettext_lazy("matched in", "対象となる人"),
    "organization": pgettext_lazy("matched in", "運営"),
    "reading": pgettext_lazy("matched in", "読み"),
}


def field_labels(fields: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    """Known fields in plain words; internal ones (readings, synonyms) are left out."""
    return _labels(tuple(fields), get_language() or "ja")


@lru_cache(maxsize=512)
def _labels(fields: tuple[str, ...], language: str) -> tuple[str, ...]:
    labels: list[str] = []
    for field in fields:
        label = FIELD_LABELS.get(field.removesuffix("_en"))
        if label is not None and str(label) not in labels:
            labels.append(str(label))
    return tuple(labels)
