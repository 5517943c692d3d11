"""Japanese phone numbers as people dial them: 0120-0-78310, 0570-013904, #8008, 189."""

from __future__ import annotations

import re

SHORT = re.compile(r"^(#\d{4}|1\d{2})$")  # #8008 (#-dial services), 110, 119, 188, 189
GROUPED = re.compile(r"^0\d+(-\d+){0,2}$")


def is_dialable(number: str) -> bool:
    """A short code, or 10–11 digits starting with 0, hyphens only between digit groups."""
    if SHORT.match(number):
        return True
    return bool(GROUPED.match(number)) and len(number.replace("-", "")) in (10, 11)


def tel_uri(number: str) -> str:
    """`#` must be escaped as %23, or the dialler drops everything after it."""
    return "tel:" + number.replace("#", "%23").replace("-", "")
