"""Why a service matched: which query words (or their synonyms) it holds, and where."""

from __future__ import annotations

import tantivy

from tsunagari.search.documents import READING_FIELDS, SHOWN_AS, TAG_FIELDS, WORD_FIELDS
from tsunagari.search.query import Alternative, Concept, Kind, ParsedQuery

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


def fields_for(alternative: Alternative) -> dict[str, float]:
    """The fields an alternative is looked for in, with their weights."""
    if alternative.kind is Kind.NEED:
        return {"needs": TAG_FIELDS["needs"]}
    if alternative.kind is Kind.READING:
        return READING_FIELDS
    return WORD_FIELDS


def _held(doc: tantivy.Document, parsed: ParsedQuery) -> dict[str, frozenset[str]]:
    """The query's terms in each of the document's fields (its stored, analysed terms)."""
    wanted = parsed.all_terms
    held: dict[str, frozenset[str]] = {}
    for field in (*WORD_FIELDS, *READING_FIELDS):
        present = wanted.intersection(str(doc.get_first(field) or "").split())
        if present:
            held[field] = present
    return held


def _where(alternative: Alternative, held: dict[str, frozenset[str]]) -> list[str]:
    return [
        SHOWN_AS.get(field, field)
        for field in fields_for(alternative)
        if field in held and held[field].issuperset(alternative.terms)
    ]


def concepts_held(doc: tantivy.Document, parsed: ParsedQuery) -> tuple[Concept, ...]:
    """The query's concepts the document holds (by any of their alternatives)."""
    held = _held(doc, parsed)
    return tuple(c for c in parsed.concepts if any(_where(a, held) for a in c.alternatives))


def explain(doc: tantivy.Document, parsed: ParsedQuery) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The words that matched (the person's own, else the synonyms) and the fields, in order.

    The document's stored fields are its analysed terms, so this checks exactly what the
    index matched.
    """
    held = _held(doc, parsed)
    words: list[str] = []
    places: set[str] = set()
    for concept in parsed.concepts:
        matched = [(a, where) for a in concept.alternatives if (where := _where(a, held))]
        typed = [alternative for alternative, _fields in matched if alternative.typed]
        for alternative in typed or [alternative for alternative, _fields in matched]:
            if alternative.word not in words:
                words.append(alternative.word)
        where_all = {field for _alternative, where in matched for field in where}
        if where_all - {"reading"}:
            where_all.discard("reading")  # said by the text fields already
        places.update(where_all)
    return tuple(words), tuple(sorted(places, key=SHOWN_ORDER.index))
