"""422 answers in the one shape every API here uses (django-ninja's, naming the parameter),
and the error answers each operation declares in its OpenAPI document."""

from __future__ import annotations

from typing import Annotated

from ninja import Schema
from ninja.errors import ValidationError
from pydantic import AfterValidator, Field


def invalid_param(field: str, message: str, where: str = "query") -> ValidationError:
    """Raise this for a parameter that parsed but means nothing here."""
    return ValidationError([{"type": "value_error", "loc": [where, field], "msg": message}])


class Message(Schema):
    detail: str


class Problem(Schema):
    type: str
    loc: list[str | int] = Field(description="Where: query, path or body, then the field")
    msg: str


class Invalid(Schema):
    detail: list[Problem]


NOT_FOUND: dict[int, type[Schema]] = {404: Message}
INVALID: dict[int, type[Schema]] = {422: Invalid}
UNREADABLE_BODY: dict[int, type[Schema]] = {400: Message}


def _without_nul(value: str) -> str:
    if "\x00" in value:
        raise ValueError("contains a NUL character (\\x00): remove it")
    return value


# Parameters looked up in the database: PostgreSQL refuses a NUL in any string.
NulFree = Annotated[
    str, AfterValidator(_without_nul), Field(json_schema_extra={"pattern": "^[^\\u0000]*$"})
]
