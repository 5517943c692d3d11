"""The need lexicon (data/navigator/lexicon.yaml), compiled into cues that can be matched.

A cue is matched three ways, each explainable: by its letters (kana folded), by its kana
reading from a word boundary, or by the dictionary forms of its words in a row (so 殴る
matches 殴られた and なぐられる). See the file's header for the rules it is written to.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from functools import cache, cached_property
from typing import Any

from tsunagari.directory.taxonomy import load_taxonomy
from tsunagari.navigator.datafiles import DataFile, Location, data_path, read_data_file
from tsunagari.navigator.spoken import LanguageWords, load_languages
from tsunagari.navigator.text import prepare

TIERS = ("strong", "cues", "weak")
DEFAULT_WITHIN = 40
MIN_READING = 3  # shorter kana readings meet too many unrelated words
_KANA_ONLY = re.compile(r"^[\u3041-\u309fー]+$")


@dataclass(frozen=True)
class Cue:
    text: str  # as written in the lexicon
    english: bool
    letters: str  # folded letters to find ("" when only whole words count)
    reading: str  # hiragana reading to find from a word boundary ("" when too short)
    lemmas: tuple[str, ...]  # dictionary forms (English: stems) in a row
    negated_itself: bool  # the cue says ない itself (学校に行きたくない)


@dataclass(frozen=True)
class CueIndex:
    """Every cue by its letters, its reading and its first lemma: a text is scanned once."""

    letters: dict[str, tuple[Cue, ...]]
    readings: dict[str, tuple[Cue, ...]]
    first_lemmas: dict[str, tuple[Cue, ...]]
    longest_letters: int
    longest_reading: int

    @classmethod
    def of(cls, cues: list[Cue]) -> CueIndex:
        letters: dict[str, list[Cue]] = {}
        readings: dict[str, list[Cue]] = {}
        first_lemmas: dict[str, list[Cue]] = {}
        for cue in {c.text: c for c in cues}.values():
            if cue.letters:
                for spelling in (cue.letters, *spelled_out(cue.letters)):
                    letters.setdefault(spelling, []).append(cue)
            if cue.reading:
                for reading in dict.fromkeys((cue.reading, _shortened(cue.reading))):
                    readings.setdefault(reading, []).append(cue)
            if cue.lemmas:
                first_lemmas.setdefault(cue.lemmas[0], []).append(cue)
        return cls(
            {k: tuple(v) for k, v in letters.items()},
            {k: tuple(v) for k, v in readings.items()},
            {k: tuple(v) for k, v in first_lemmas.items()},
            max(map(len, letters), default=0),
            max(map(len, readings), default=0),
        )


_VOWELS = {
    **dict.fromkeys("あかさたなはまやらわがざだばぱぁゃゎ", "あ"),
    **dict.fromkeys("いきしちにひみりぎじぢびぴぃ", "い"),
    **dict.fromkeys("うくすつぬふむゆるぐずづぶぷぅゅ", "う"),
    **dict.fromkeys("えけせてねへめれげぜでべぺぇ", "え"),
    **dict.fromkeys("おこそとのほもよろをごぞどぼぽぉょ", "お"),
}


_LONG_U = re.compile(r"(?<=[おこそとのほもよろごぞどぼぽょうくすつぬふむゆるぐずづぶぷゅ])う")


def _shortened(reading: str) -> str:
    """The reading with its long う dropped, as romaji often writes it (ninchisho for
    にんちしょう, chutai for ちゅうたい); the reading itself when that would leave too little."""
    short = _LONG_U.sub("", reading)
    return short if len(short) >= 4 else reading


def spelled_out(letters: str) -> tuple[str, ...]:
    """The long mark written as a vowel, as romaji writes it (ふりーらんす: ふりいらんす; こーひー:
    こうひい, こおひい). Only for a word with one or two long marks."""
    if not 0 < letters.count("ー") <= 2:
        return ()
    spellings = [""]
    for i, letter in enumerate(letters):
        if letter != "ー" or i == 0 or letters[i - 1] not in _VOWELS:
            spellings = [s + letter for s in spellings]
            continue
        vowel = _VOWELS[letters[i - 1]]
        options = ("う", "お") if vowel == "お" else (vowel,)
        spellings = [s + option for s in spellings for option in options]
    return tuple(s for s in spellings if s != letters)


@dataclass(frozen=True)
class WeightedCue:
    cue: Cue
    weight: float


@dataclass(frozen=True)
class Combo:
    concepts: tuple[str, ...]
    weight: float
    within: int
    # A sequence (アメリカ + に住んで, living in + germany): the concepts in this order, each
    # starting at most `gap` characters after the previous one ends; None: any order, `within`.
    gap: int | None = None

    @property
    def label(self) -> str:
        return "+".join(self.concepts)


@dataclass(frozen=True)
class Entry:
    """One need (or audience): its cues, its combinations and what it implies."""

    code: str
    cues: tuple[WeightedCue, ...]
    combos: tuple[Combo, ...]
    implies: tuple[tuple[str, float], ...]
    examples: tuple[str, ...]


@dataclass(frozen=True)
class Lexicon:
    needs: dict[str, Entry]
    audiences: dict[str, Entry]
    concepts: dict[str, tuple[Cue, ...]]
    audience_implies: dict[str, tuple[tuple[str, float], ...]]
    modifiers: dict[str, float]
    specialised: frozenset[str]
    index: CueIndex
    # A language file's word in Chinese characters that the Japanese lexicon does not list
    # (非礼 is an assault in Chinese, a discourtesy in Japanese): the languages it counts in.
    only_in: dict[str, frozenset[str]] = field(default_factory=dict)
    # A false friend (大家: everyone in Chinese, a landlord in Japanese): where it does not count.
    not_in: dict[str, frozenset[str]] = field(default_factory=dict)

    @cached_property
    def owners(self) -> dict[str, tuple[tuple[str, str, float], ...]]:
        """Cue text → (kind, code, weight) of every need or audience that lists it."""
        result: dict[str, list[tuple[str, str, float]]] = {}
        for kind, entries in (("needs", self.needs), ("audiences", self.audiences)):
            for code, entry in entries.items():
                for weighted in entry.cues:
                    result.setdefault(weighted.cue.text, []).append((kind, code, weighted.weight))
        return {text: tuple(owners) for text, owners in result.items()}

    @cached_property
    def concepts_of(self) -> dict[str, tuple[str, ...]]:
        """Cue text → the concepts it belongs to."""
        result: dict[str, list[str]] = {}
        for name, cues in self.concepts.items():
            for cue in cues:
                result.setdefault(cue.text, []).append(name)
        return {text: tuple(names) for text, names in result.items()}

    @property
    def cue_count(self) -> int:
        entries = [*self.needs.values(), *self.audiences.values()]
        return sum(len(e.cues) for e in entries) + sum(len(c) for c in self.concepts.values())


@cache
def compile_cue(text: str) -> Cue:
    prepared = prepare(text)
    letters = prepared.folded
    english = letters.isascii()
    lemmas = prepared.lemmas
    words = prepared.words
    if (len(lemmas) == 1 and any(w.token.pos == "助詞" for w in words)) or (
        words and words[0].token.pos == "助詞"
    ):
        # 誰とも is not 誰, and に来た is not から来た: a particle that carries the meaning
        # must be matched, so such a cue is found by its letters only.
        lemmas = ()
    if not english and _KANA_ONLY.match(prepared.normalised):
        # Hiragana alone is read ambiguously (はぶられ as 振ら・れ): letters only. Katakana
        # words are read well, so チェックされる also meets チェックされて.
        lemmas = ()
    negated = letters.endswith(("ない", "なく", "ません", "ず")) or " not " in f" {letters} "
    if english:
        return Cue(text, True, "", "", lemmas, negated)
    whole_word = len(letters) <= 1
    reading = prepared.reading if len(prepared.reading) >= MIN_READING else ""
    return Cue(
        text,
        False,
        "" if whole_word else letters,
        "" if whole_word else reading,
        lemmas,
        negated,
    )


@cache
def written_cue(text: str) -> Cue:
    """A cue found by its letters as written, never by a Japanese reading or dictionary form
    (a Chinese word read by a Japanese dictionary meets Japanese words)."""
    letters = prepare(text).folded
    if len(letters) <= 1:
        return compile_cue(text)
    return Cue(text, False, letters, "", (), False)


def _compile(word: str, written: Collection[str]) -> Cue:
    return written_cue(word) if word in written else compile_cue(word)


def _strings(source: DataFile, where: Location, value: Any) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise source.error(where, "must be a list of words")
    for i, item in enumerate(value):
        if not isinstance(item, str) or not item.strip():
            raise source.error((*where, i), f"{item!r} is not a word: quote numbers and yes/no")
    return [item.strip() for item in value]


def _weight(source: DataFile, where: Location, value: Any) -> float:
    if not isinstance(value, int | float) or not 0 < value <= 1:
        raise source.error(where, f"a weight is a number in (0, 1], not {value!r}")
    return float(value)


def _implies(
    source: DataFile, where: Location, value: Any, needs: set[str]
) -> tuple[tuple[str, float], ...]:
    if value is None:
        return ()
    if not isinstance(value, dict):
        raise source.error(where, "must map need codes to shares")
    for code in value:
        if code not in needs:
            raise source.error((*where, code), f"unknown need code {code!r}")
    return tuple((code, _weight(source, (*where, code), share)) for code, share in value.items())


def _combo(
    source: DataFile, where: Location, value: Any, weights: dict[str, float], concepts: set[str]
) -> Combo:
    if isinstance(value, list):
        value = {"all": value}
    shapes = ("all", "sequence")
    if not isinstance(value, dict) or sum(isinstance(value.get(k), list) for k in shapes) != 1:
        raise source.error(
            where,
            "a combo is a list of concepts, {all: [...], weight: …} or {sequence: [...], gap: …}",
        )
    key = "all" if "all" in value else "sequence"
    unknown = [name for name in value[key] if name not in concepts]
    if unknown:
        raise source.error((*where, key), f"unknown concept(s): {', '.join(map(str, unknown))}")
    within = value.get("within", DEFAULT_WITHIN)
    if not isinstance(within, int) or within < 1:
        raise source.error((*where, "within"), "within is a number of characters (≥ 1)")
    gap = value.get("gap", 0) if key == "sequence" else None
    if gap is not None and (not isinstance(gap, int) or gap < 0):
        raise source.error((*where, "gap"), "gap is a number of characters (≥ 0)")
    weight = _weight(source, (*where, "weight"), value.get("weight", weights["combo"]))
    return Combo(tuple(value[key]), weight, within, gap)


def _entry(
    source: DataFile,
    where: Location,
    code: str,
    value: Any,
    weights: dict[str, float],
    concepts: set[str],
    needs: set[str],
    written: Collection[str] = (),
) -> Entry:
    if not isinstance(value, dict):
        raise source.error(where, "must be a mapping with strong/cues/weak/combos")
    allowed = {*TIERS, "combos", "implies", "examples"}
    extra = set(value) - allowed
    if extra:
        raise source.error(where, f"unknown key(s) {sorted(extra)}; allowed: {sorted(allowed)}")
    cues = tuple(
        WeightedCue(_compile(word, written), weights[tier])
        for tier in TIERS
        for word in _strings(source, (*where, tier), value.get(tier))
    )
    combos = tuple(
        _combo(source, (*where, "combos", i), combo, weights, concepts)
        for i, combo in enumerate(value.get("combos") or [])
    )
    implies = _implies(source, (*where, "implies"), value.get("implies"), needs)
    examples = tuple(_strings(source, (*where, "examples"), value.get("examples")))
    return Entry(code, cues, combos, implies, examples)


def _with_languages(
    source: DataFile, data: dict[str, Any], languages: Sequence[LanguageWords]
) -> dict[str, Any]:
    """The lexicon with each language's words added to its concepts and needs' tiers."""
    concepts = {name: list(words or []) for name, words in (data.get("concepts") or {}).items()}
    needs = {code: dict(value or {}) for code, value in (data.get("needs") or {}).items()}
    for language in languages:
        for name, words in language.concepts.items():
            if name not in concepts:
                raise language.source.error(
                    ("concepts", name), f"no concept {name!r} in {source.path.name}"
                )
            concepts[name] += words
        for code, tiers in language.needs.items():
            entry = needs.setdefault(code, {})
            for tier, words in tiers.items():
                entry[tier] = [*(entry.get(tier) or []), *words]
    return {**data, "concepts": concepts, "needs": needs}


def _listed(data: dict[str, Any]) -> set[str]:
    """Every word of the lexicon's concepts, needs and audiences."""
    words = {w for ws in (data.get("concepts") or {}).values() for w in ws or ()}
    for kind in ("needs", "audiences"):
        for value in (data.get(kind) or {}).values():
            if isinstance(value, dict):
                words.update(w for tier in TIERS for w in value.get(tier) or ())
    return {str(w).strip() for w in words}


def _scopes(
    data: dict[str, Any], languages: Sequence[LanguageWords]
) -> tuple[dict[str, frozenset[str]], dict[str, frozenset[str]]]:
    """Words in Chinese characters of a language file and not of the lexicon → the languages
    they count in; false friends → the languages they do not count in."""
    japanese = _listed(data)
    only: dict[str, set[str]] = {}
    false: dict[str, set[str]] = {}
    for language in languages:
        for word in language.false_friends:
            false.setdefault(word, set()).add(language.code)
        if language.script != "han":
            continue
        words = [w for ws in language.concepts.values() for w in ws]
        words += [w for tiers in language.needs.values() for ws in tiers.values() for w in ws]
        for word in (w for w in words if w not in japanese):
            only.setdefault(word, set()).add(language.code)
    return (
        {w: frozenset(codes) for w, codes in only.items()},
        {w: frozenset(codes) for w, codes in false.items()},
    )


def read_lexicon(source: DataFile, languages: Sequence[LanguageWords] = ()) -> Lexicon:
    """Raises DataFileError naming file, line and field for any mistake."""
    data = source.data
    if not isinstance(data, dict):
        raise source.error((), "must be a mapping with weights, concepts, needs, audiences")
    only_in, not_in = _scopes(data, languages)
    data = _with_languages(source, data, languages)
    taxonomy = load_taxonomy()
    weights = {
        name: _weight(source, ("weights", name), (data.get("weights") or {}).get(name))
        for name in (*TIERS, "combo")
    }
    raw_concepts = data.get("concepts") or {}
    concepts = {
        name: tuple(_compile(w, only_in) for w in _strings(source, ("concepts", name), words))
        for name, words in raw_concepts.items()
    }
    need_codes = set(taxonomy.needs)
    raw_needs = data.get("needs") or {}
    missing = [code for code in taxonomy.needs if code not in raw_needs]
    if missing:
        raise source.error(("needs",), f"no entry for need(s) {', '.join(missing)}")
    needs = {}
    for code, value in raw_needs.items():
        if code not in need_codes:
            raise source.error(("needs", code), f"{code!r} is not a need of data/taxonomy.yaml")
        needs[code] = _entry(
            source, ("needs", code), code, value, weights, set(concepts), need_codes, only_in
        )
    audiences = {}
    for code, value in (data.get("audiences") or {}).items():
        if code not in taxonomy.audiences:
            raise source.error(("audiences", code), f"{code!r} is not an audience code")
        audiences[code] = _entry(
            source, ("audiences", code), code, value, weights, set(concepts), need_codes
        )
    audience_implies = {
        code: _implies(source, ("audience_implies", code), shares, need_codes)
        for code, shares in (data.get("audience_implies") or {}).items()
    }
    modifiers = {
        str(code): _weight(source, ("modifiers", code), share)
        for code, share in (data.get("modifiers") or {}).items()
    }
    unknown = [code for code in modifiers if code not in need_codes]
    if unknown:
        raise source.error(("modifiers",), f"unknown need code(s) {', '.join(unknown)}")
    specialised = frozenset(_strings(source, ("specialised",), data.get("specialised")))
    if specialised - need_codes:
        raise source.error(
            ("specialised",), f"unknown need code(s) {sorted(specialised - need_codes)}"
        )
    every_cue = [c for words in concepts.values() for c in words]
    every_cue += [w.cue for e in (*needs.values(), *audiences.values()) for w in e.cues]
    return Lexicon(
        needs,
        audiences,
        concepts,
        audience_implies,
        modifiers,
        specialised,
        CueIndex.of(every_cue),
        only_in,
        not_in,
    )


@cache
def load_lexicon() -> Lexicon:
    return read_lexicon(read_data_file(data_path("lexicon.yaml")), load_languages())
