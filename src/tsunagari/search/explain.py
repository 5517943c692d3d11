"""Why a service matched: which query words (or their synonyms) it holds, and where."""

from __future__ import annotations

import tantivy

from tsunagari.search.documents import READING_FIELDS, SHOWN_AS, TAG_FIELDS, WORD_FIELDS
from tsunagari.search.query import Alternative, Kind, ParsedQuery

SHOWN_ORDER = (
    "name",
    "keywords",
    "needs",
    "audiences",
    "methods",
    "organization",
    "description",
    "reading",
)


# Short fields, where a word that holds a synonym is taken to be where the synonym stands (the
# index keeps no positions): Carer in "Young carer support" is the young carer.
SHORT_FIELDS = frozenset({"name", "name_en", "keywords"})


def inside_longer(alternative: Alternative, field: str, held: frozenset[str]) -> bool:
    """The field holds the synonym only inside another group's longer word (see SHORT_FIELDS)."""
    return field in SHORT_FIELDS and any(held.issuperset(t) for _need, t in alternative.not_within)


def fields_for(alternative: Alternative) -> dict[str, float]:
    """The fields an alternative is looked for in, with their weights."""
    if alternative.kind is Kind.NEED:
        return {"needs": TAG_FIELDS["needs"]}
    if alternative.kind is Kind.READING:
        return READING_FIELDS
    return WORD_FIELDS


def explain(doc: tantivy.Document, parsed: ParsedQuery) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The words that matched (the person's own, else the synonyms) and the fields, in order.

    The document's stored fields are its analysed terms, so this checks exactly what the
    index matched.
    """
    wanted = parsed.all_terms
    held: dict[str, frozenset[str]] = {}
    for field in (*WORD_FIELDS, *READING_FIELDS):
        present = wanted.intersection(str(doc.get_first(field) or "").split())
        if present:
            held[field] = present
    words: list[str] = []
    places: set[str] = set()
    for concept in parsed.concepts:
        matched: list[tuple[Alternative, list[str]]] = []
        for alternative in concept.alternatives:
            where = [
                SHOWN_AS.get(field, field)
                for field in fields_for(alternative)
                if field in held
                and held[field].issuperset(alternative.terms)
                and not inside_longer(alternative, field, held[field])
            ]
            if where:
                matched.append((alternative, where))
        typed = [alternative for alternative, _where in matched if alternative.typed]
        for alternative in typed or [alternative for alternative, _where in matched]:
            if alternative.word not in words:
                words.append(alternative.word)
        where_all = {field for _alternative, where in matched for field in where}
        if where_all - {"reading"}:
            where_all.discard("reading")  # said by the text fields already
        places.update(where_all)
    return tuple(words), tuple(sorted(places, key=SHOWN_ORDER.index))
