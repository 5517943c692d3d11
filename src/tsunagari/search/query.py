"""What a person typed → concepts to look for, each with its alternatives.

A concept is one word of the query (死にたい) or a run of words that the thesaurus knows as
one (domestic violence). Its alternatives are what may stand for it in a document: its
lemma, the parts of a compound, its reading (for kana), the thesaurus' synonyms and the
need a synonym group stands for. A document scores a concept by its best alternative, and
the alternatives that matched are the explanation.

Queries are bounded: at most MAX_QUERY_CHARS characters (after normalisation) and
MAX_CONCEPTS concepts; the rest is ignored.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from functools import cached_property

from tsunagari.search.analysis import normalize
from tsunagari.search.synonyms import Group, Thesaurus
from tsunagari.search.words import (
    Word,
    hiragana_key,
    is_kana,
    is_misread,
    is_one_word,
    only_grammar,
    words,
)

MAX_QUERY_CHARS = 200
MAX_CONCEPTS = 12
MAX_ALTERNATIVES = 24

DIRECT = 1.0
PARTS = 0.6
READING = 0.8
SYNONYM = 0.7
NEED = 0.9


Known = Callable[[str], bool]


class Kind(enum.Enum):
    TERMS = "terms"  # all terms in the document's text fields
    READING = "reading"  # a hiragana reading in the reading fields
    NEED = "need"  # a taxonomy need code


@dataclass(frozen=True)
class Alternative:
    word: str  # what the explanation shows: the word as typed, or the synonym
    terms: tuple[str, ...]
    kind: Kind
    weight: float
    typed: bool  # the person's own word (else a synonym)
    # another group's longer words that hold this synonym, with that group's need: a short
    # field (name, keywords) holding one uses the synonym inside it (carer in young carer)
    not_within: tuple[tuple[str, tuple[str, ...]], ...] = ()


@dataclass(frozen=True)
class Concept:
    text: str  # as typed (normalised)
    key: str  # its analysed term(s), as in Results.query_terms
    alternatives: tuple[Alternative, ...]
    synonyms: tuple[str, ...]  # the thesaurus words it was expanded with


@dataclass(frozen=True)
class ParsedQuery:
    text: str
    concepts: tuple[Concept, ...]

    @property
    def terms(self) -> tuple[str, ...]:
        return tuple(c.key for c in self.concepts)

    @cached_property
    def all_terms(self) -> frozenset[str]:
        """Every term any alternative looks for, and the longer words it must not be in."""
        return frozenset(
            t
            for c in self.concepts
            for a in c.alternatives
            for t in (*a.terms, *(t for _need, longer in a.not_within for t in longer))
        )

    def welcoming(self, needs: tuple[str, ...]) -> ParsedQuery:
        """The same query, where the longer words of a group whose need was read in the words
        are no other group's (young carer when the navigator read young-carer)."""
        if not needs or not any(a.not_within for c in self.concepts for a in c.alternatives):
            return self

        def alternative(a: Alternative) -> Alternative:
            kept = tuple((need, t) for need, t in a.not_within if need not in needs)
            return replace(a, not_within=kept) if kept != a.not_within else a

        concepts = tuple(
            replace(c, alternatives=tuple(alternative(a) for a in c.alternatives))
            for c in self.concepts
        )
        return ParsedQuery(self.text, concepts)

    @property
    def expanded(self) -> dict[str, tuple[str, ...]]:
        return {c.key: c.synonyms for c in self.concepts if c.synonyms}


Inside = Mapping[tuple[str, ...], list[tuple[Group, tuple[str, ...]]]]


def _synonym_alternatives(
    groups: list[Group], typed: str, own: set[tuple[str, ...]], inside: Inside
) -> tuple[list[Alternative], list[str]]:
    alternatives: list[Alternative] = []
    shown: list[str] = []
    for group in groups:
        need = (f"need:{group.need}",)
        if group.need and need not in own:
            own.add(need)
            alternatives.append(Alternative(typed, need, Kind.NEED, NEED, True))
        for synonym in group.synonyms:
            if synonym.word == typed or synonym.word in shown:
                continue
            if synonym.exact and synonym.terms not in own:
                own.add(synonym.terms)
                within = tuple(
                    (g.need, t) for g, t in inside.get(synonym.terms, []) if g not in groups
                )
                alternatives.append(
                    Alternative(synonym.word, synonym.terms, Kind.TERMS, SYNONYM, False, within)
                )
                shown.append(synonym.word)
            elif not synonym.exact and synonym.reading and (synonym.reading,) not in own:
                own.add((synonym.reading,))
                alternatives.append(
                    Alternative(synonym.word, (synonym.reading,), Kind.READING, SYNONYM, False)
                )
                shown.append(synonym.word)
    return alternatives, shown


def _concept(
    text: str,
    found: list[Word],
    groups: list[Group],
    kana: bool,
    inside: Inside,
    whole: bool = False,
) -> Concept:
    """One concept: the words `found` in `text`, and the thesaurus groups they belong to.

    `whole`: `text` is kana that stands for one word although the dictionary read it as
    several (じんけん → じん・けん for 人権): its reading is the best alternative.
    """
    lemmas = tuple(w.lemma for w in found)
    alternatives: list[Alternative] = []
    if whole:
        alternatives.append(Alternative(text, (hiragana_key(text),), Kind.READING, DIRECT, True))
    if lemmas:
        alternatives.append(Alternative(text, lemmas, Kind.TERMS, PARTS if whole else DIRECT, True))
    if len(found) == 1 and found[0].parts:
        alternatives.append(Alternative(text, found[0].parts, Kind.TERMS, PARTS, True))
    # Readings only for kana the dictionary could not resolve: しにたい is read as 死ぬ, and
    # reading matches on top would rank it apart from 死にたい.
    if kana and not (lemmas and not any(is_kana(lemma) for lemma in lemmas)):
        readings = {hiragana_key(text)} | {w.reading for w in found if len(w.reading) > 1}
        alternatives += [
            Alternative(text, (r,), Kind.READING, READING, True)
            for r in sorted(readings)
            if (r,) not in {a.terms for a in alternatives}
        ]
    own = {a.terms for a in alternatives}
    synonyms, shown = _synonym_alternatives(groups, text, own, inside)
    alternatives += synonyms
    key = " ".join(lemmas) if lemmas else hiragana_key(text)
    return Concept(text, key, tuple(alternatives[:MAX_ALTERNATIVES]), tuple(shown))


def _span_text(text: str, span: list[Word]) -> str:
    """The words of a span as typed, with the particles between them (学校に行きたくない)."""
    start = text.find(span[0].text)
    end = text.find(span[-1].text, max(start, 0))
    if start < 0 or end < 0:
        return " ".join(w.text for w in span)
    return text[start : end + len(span[-1].text)]


def _word_concepts(text: str, found: list[Word], thesaurus: Thesaurus) -> list[Concept]:
    """Concepts of consecutive words, the longest runs the thesaurus knows taken as one."""
    concepts: list[Concept] = []
    i = 0
    while i < len(found):
        size = min(thesaurus.longest, len(found) - i)
        while True:
            span = found[i : i + size]
            groups = thesaurus.groups_for_terms(tuple(w.lemma for w in span))
            if groups or size == 1:
                break
            size -= 1
        kana = size == 1 and is_kana(span[0].text)
        if kana and not groups:
            groups = thesaurus.groups_for_reading(span[0].text)
        concepts.append(_concept(_span_text(text, span), span, groups, kana, thesaurus.inside))
        i += size
    return concepts


def _is_one_kana_word(chunk: str, found: list[Word], thesaurus: Thesaurus, known: Known) -> bool:
    """Kana that stands for one word the dictionary does not know in kana: じさつ (自殺),
    じんけん (人権), cut into pieces; recognised as misread, as a thesaurus word, or as the
    reading of a word in the directory."""
    if not is_kana(chunk) or is_one_word(chunk, found) or only_grammar(chunk):
        return False
    return (
        is_misread(chunk) or bool(thesaurus.groups_for_reading(chunk)) or known(hiragana_key(chunk))
    )


def _concepts(text: str, thesaurus: Thesaurus, known: Known) -> list[Concept]:
    concepts: list[Concept] = []
    pending: list[Word] = []
    for chunk in text.split(" "):
        found = words(chunk)
        if _is_one_kana_word(chunk, found, thesaurus, known):
            concepts += _word_concepts(text, pending, thesaurus)
            pending = []
            groups = list(thesaurus.groups_for_reading(chunk))
            for word in found:
                groups += [g for g in thesaurus.groups_for_terms((word.lemma,)) if g not in groups]
            concepts.append(_concept(chunk, found, groups, True, thesaurus.inside, whole=True))
        else:
            pending += found
    return concepts + _word_concepts(text, pending, thesaurus)


def _unknown(reading: str) -> bool:
    return False


def parse_query(query: str, thesaurus: Thesaurus, known: Known = _unknown) -> ParsedQuery:
    """`known(reading)`: whether the directory has a word with this hiragana reading."""
    text = normalize(query)[:MAX_QUERY_CHARS]
    concepts: list[Concept] = []
    seen: set[str] = set()
    for concept in _concepts(text, thesaurus, known):
        if concept.key and concept.key not in seen and concept.alternatives:
            seen.add(concept.key)
            concepts.append(concept)
    return ParsedQuery(text, tuple(concepts[:MAX_CONCEPTS]))
