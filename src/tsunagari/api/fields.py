"""Parameter types whose OpenAPI schema says exactly what is accepted.

Codes carry their list (`enum`) in the document while the views still check them, so that a
wrong one gets a 422 naming the field and the known codes; a time is ISO 8601 text only
(pydantic would read `0.5` as half a second after 1970).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any

from pydantic import BeforeValidator, Field, WithJsonSchema

from tsunagari.directory.taxonomy import load_taxonomy

ISO_MOMENT = r"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})?)?$"


def code_of(kind: str) -> Any:
    """A taxonomy code of `kind` (needs, audiences, methods), its codes listed in the schema."""
    return Annotated[str, Field(json_schema_extra={"enum": list(load_taxonomy().of(kind))})]


LanguageCode = Annotated[
    str, Field(json_schema_extra={"pattern": "^[a-z]{2}$"}, description="ISO 639-1")
]


def _iso_moment(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value
    if not isinstance(value, str) or not re.match(ISO_MOMENT, value):
        raise ValueError(
            "an ISO 8601 date or time, such as 2026-12-01 or 2026-12-01T09:00:00+09:00"
        )
    return dt.datetime.fromisoformat(value)


Moment = Annotated[
    dt.datetime,
    BeforeValidator(_iso_moment),
    WithJsonSchema({"type": "string", "pattern": ISO_MOMENT}),
]
