"""Filters from what a person or a client asked for, checked: the API and the CLI share this."""

from __future__ import annotations

from collections.abc import Sequence

from tsunagari.directory.areas import Place, resolve_place
from tsunagari.directory.taxonomy import load_taxonomy
from tsunagari.search.filters import Filters


class FilterError(ValueError):
    """One parameter is wrong; `field` names it, the message says how to put it right."""

    def __init__(self, field: str, message: str) -> None:
        self.field = field
        super().__init__(message)


def _codes(field: str, kind: str, values: Sequence[str]) -> tuple[str, ...]:
    known = load_taxonomy().of(kind)
    unknown = [v for v in values if v not in known]
    if unknown:
        raise FilterError(
            field,
            f"unknown {field} code(s): {', '.join(unknown)}; known: {', '.join(known)}",
        )
    return tuple(dict.fromkeys(values))


def _languages(values: Sequence[str]) -> tuple[str, ...]:
    for value in values:
        if not (len(value) == 2 and value.isascii() and value.isalpha() and value.islower()):
            raise FilterError(
                "language", f"{value!r} is not an ISO 639-1 code (two lower-case letters)"
            )
    return tuple(dict.fromkeys(values))


def place_of(area: str) -> Place | None:
    if not area.strip():
        return None
    place = resolve_place(area)
    if place is None:
        raise FilterError(
            "area",
            f"unknown area {area!r}: give a prefecture code (13), a municipality code "
            "(131016 or 13101), a postcode (160-0023) or a prefecture or municipality name",
        )
    return place


def build_filters(
    *,
    needs: Sequence[str] = (),
    audiences: Sequence[str] = (),
    methods: Sequence[str] = (),
    languages: Sequence[str] = (),
    area: str = "",
    open_now: bool = False,
) -> Filters:
    """Raises FilterError naming the first parameter that is wrong."""
    return Filters(
        needs=_codes("need", "needs", needs),
        audiences=_codes("audience", "audiences", audiences),
        methods=_codes("method", "methods", methods),
        languages=_languages(languages),
        place=place_of(area),
        open_now=open_now,
    )
