"""422 answers in the one shape every API here uses (django-ninja's, naming the parameter)."""

from __future__ import annotations

from ninja.errors import ValidationError


def invalid_param(field: str, message: str, where: str = "query") -> ValidationError:
    """Raise this for a parameter that parsed but means nothing here."""
    return ValidationError([{"type": "value_error", "loc": [where, field], "msg": message}])
