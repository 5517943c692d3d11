"""What a survey file's columns are called on pages and charts: 年齢層, not `age_group`.

Files, CSV downloads and the JSON keep the variable names (they are what a file carries);
people read the labels. A column this table does not know is shown by its own name: it
is the only name it has.
"""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

LABELS: dict[str, Promise] = {
    "age_group": _("年齢層"),
    "sex": _("男女"),  # "男女別" reads as "by sex"; 性別 would make 性別別
    "region": _("地域"),
    "prefecture": _("都道府県"),
}


def label(column: str) -> str:
    """The column's label in the active language, or its name when it has none."""
    known = LABELS.get(column)
    return str(known) if known is not None else column
