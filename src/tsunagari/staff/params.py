"""Query parameters read strictly: a value that means nothing is a 400 naming it."""

from __future__ import annotations

from django.core.exceptions import BadRequest
from django.http import QueryDict
from django.utils.translation import gettext as _


class BadParameter(BadRequest):
    """A parameter's value that this page cannot use; its message names both."""

    def __init__(self, name: str, value: str, expected: str) -> None:
        self.name, self.value, self.expected = name, value, expected
        super().__init__(
            _("パラメータ %(name)s の値「%(value)s」は使えません（%(expected)s）。")
            % {"name": name, "value": value[:50], "expected": expected}
        )


def integer(query: QueryDict, name: str, default: int, minimum: int, maximum: int) -> int:
    """`query[name]` as an integer in [minimum, maximum]; `default` when absent or empty.
    Raises BadParameter."""
    raw = query.get(name, "").strip()
    if not raw:
        return default
    expected = _("%(minimum)d〜%(maximum)dの整数") % {"minimum": minimum, "maximum": maximum}
    if not raw.isascii() or not raw.isdigit():
        raise BadParameter(name, raw, expected)
    value = int(raw)
    if not minimum <= value <= maximum:
        raise BadParameter(name, raw, expected)
    return value
