"""Understanding (理解): what a person wrote → needs with scores, audiences, and why.

Deterministic and auditable: every score comes from cues and combinations written in
data/navigator/lexicon.yaml, and each need carries the words of the person's text that
raised it. Crisis is not decided here (see `crisis`); this module only scores needs.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cached_property

from tsunagari.navigator import romaji
from tsunagari.navigator.lexicon import Combo, Entry, Lexicon, load_lexicon
from tsunagari.navigator.matching import Found, Matcher, in_a_row, near
from tsunagari.navigator.spoken import detect
from tsunagari.navigator.text import prepare

MIN_NEED_SCORE = 0.25
MIN_AUDIENCE_SCORE = 0.5
KANA_ONLY_CHILD = 0.5  # がっこうにいきたくない: children write in hiragana
ENGLISH_FOREIGN = 0.6  # someone in Japan writing in English is likely a foreign resident
OTHER_LANGUAGE_FOREIGN = 0.8  # 我在日本工作, tôi mất việc: a resident whose first language it is
_KANJI = re.compile(r"[\u4e00-\u9fff]")
_JAPANESE = re.compile(r"[\u3041-\u30ff\u4e00-\u9fff]")
_LATIN = re.compile(r"[a-z]")
_HIRAGANA = re.compile(r"[\u3041-\u309f]")
_KANA = re.compile(r"[\u3041-\u30ff]")
_SPACES = re.compile(r"[ ]+")


@dataclass(frozen=True)
class Evidence:
    """Why a score was raised: a cue or a combination, and the person's words that matched."""

    source: str  # the cue as written in the lexicon, a combo (partner+violence) or a rule
    words: tuple[str, ...]
    weight: float


@dataclass(frozen=True)
class Score:
    code: str
    score: float
    evidence: tuple[Evidence, ...]

    @property
    def words(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(w for e in self.evidence for w in e.words))


@dataclass(frozen=True)
class Understanding:
    needs: tuple[Score, ...]  # best first, score ≥ MIN_NEED_SCORE
    audiences: tuple[Score, ...]  # best first, score ≥ MIN_AUDIENCE_SCORE
    english: bool
    language: str = ""  # ISO 639-1 code of the language written in ("" when not told)

    def score(self, code: str) -> float:
        return next((n.score for n in self.needs if n.code == code), 0.0)

    @property
    def need_codes(self) -> tuple[str, ...]:
        return tuple(n.code for n in self.needs)

    @property
    def audience_codes(self) -> tuple[str, ...]:
        return tuple(a.code for a in self.audiences)

    @property
    def top_score(self) -> float:
        return self.needs[0].score if self.needs else 0.0


def combine(weights: list[float]) -> float:
    """Independent pieces of evidence: 1 − Π(1 − w)."""
    return 1.0 - math.prod(1.0 - w for w in weights)


class _Reader:
    def __init__(self, text: str, lexicon: Lexicon, from_romaji: bool = False) -> None:
        self.lexicon = lexicon
        self.from_romaji = from_romaji  # kana from Latin letters say nothing of a child
        self.prepared = prepare(text)
        self.matcher = Matcher(self.prepared, lexicon.index)
        self.hits: dict[tuple[str, str], list[tuple[float, Found, str]]] = {}
        concepts: dict[str, dict[int, Found]] = {}
        for text_of_cue, places in self.matcher.found.items():
            if not self._counts_here(text_of_cue):
                continue
            for kind, code, weight in lexicon.owners.get(text_of_cue, ()):
                self.hits.setdefault((kind, code), []).append((weight, places[0], text_of_cue))
            for name in lexicon.concepts_of.get(text_of_cue, ()):
                spots = concepts.setdefault(name, {})
                for found in places:
                    spots.setdefault(found.start, found)
        self.concepts = {
            name: tuple(sorted(spots.values(), key=lambda f: f.start))
            for name, spots in concepts.items()
        }

    def evidence(self, kind: str, entry: Entry) -> list[Evidence]:
        """Cues that occur (one per stretch of text, the strongest) and combos that hold."""
        hits = sorted(self.hits.get((kind, entry.code), ()), key=lambda h: (-h[0], h[1].start))
        taken: list[Found] = []
        result = []
        for weight, found, source in hits:
            if any(found.start < t.end and t.start < found.end for t in taken):
                continue
            taken.append(found)
            result.append(Evidence(source, (self.matcher.shown(found),), weight))
        result += [e for combo in entry.combos if (e := self._combo(combo))]
        return result

    def _combo(self, combo: Combo) -> Evidence | None:
        if any(name not in self.concepts for name in combo.concepts):
            return None
        places = [self.concepts[name] for name in combo.concepts]
        chosen = near(places, combo.within) if combo.gap is None else in_a_row(places, combo.gap)
        if chosen is None:
            return None
        words = tuple(dict.fromkeys(self.matcher.shown(f) for f in chosen))
        return Evidence(combo.label, words, combo.weight)

    def _counts_here(self, cue: str) -> bool:
        """A false friend does not count in the language it misleads in (大家 in Chinese);
        a Chinese word Japanese does not list counts unless the text is Japanese in kana."""
        if self.language in self.lexicon.not_in.get(cue, ()):
            return False
        only = self.lexicon.only_in.get(cue)
        if not only or self.language in only:
            return True
        return self.language != "ja" or not _KANA.search(self.prepared.normalised)

    @cached_property
    def language(self) -> str:
        return "ja" if self.from_romaji else detect(self.prepared.normalised)

    @cached_property
    def english(self) -> bool:
        """English, or Latin letters in no language told apart (often English)."""
        text = self.prepared.folded
        latin = len(_LATIN.findall(text))
        written = latin >= 3 and latin > 2 * len(_JAPANESE.findall(text))
        return written and self.language in ("en", "")

    @cached_property
    def kana_only(self) -> bool:
        if self.from_romaji:
            return False
        text = self.prepared.normalised
        japanese = len(_JAPANESE.findall(text))
        hiragana = len(_HIRAGANA.findall(text))
        return hiragana >= 8 and hiragana >= 0.7 * japanese and not _KANJI.search(text)


def _scores(evidence: dict[str, list[Evidence]]) -> dict[str, float]:
    return {code: combine([e.weight for e in items]) for code, items in evidence.items() if items}


def _imply(
    scores: dict[str, float],
    evidence: dict[str, list[Evidence]],
    rules: dict[str, tuple[tuple[str, float], ...]],
    origin: dict[str, float],
) -> None:
    for source, source_score in origin.items():
        for target, share in rules.get(source, ()):
            implied = source_score * share
            if implied > scores.get(target, 0.0):
                scores[target] = implied
                evidence.setdefault(target, []).append(Evidence(f"→{source}", (), implied))


def _ranked(
    scores: dict[str, float], evidence: dict[str, list[Evidence]], floor: float
) -> tuple[Score, ...]:
    ranked = sorted(
        (
            Score(code, round(score, 3), tuple(evidence.get(code, ())))
            for code, score in scores.items()
        ),
        key=lambda s: (-s.score, s.code),
    )
    return tuple(s for s in ranked if s.score >= floor)


def _audiences(reader: _Reader) -> tuple[dict[str, float], dict[str, list[Evidence]]]:
    evidence = {
        code: reader.evidence("audiences", entry)
        for code, entry in reader.lexicon.audiences.items()
    }
    if reader.kana_only:
        evidence.setdefault("child", []).append(Evidence("ひらがなだけの文", (), KANA_ONLY_CHILD))
    if reader.english:
        evidence.setdefault("foreign", []).append(Evidence("English text", (), ENGLISH_FOREIGN))
    if reader.language not in ("", "ja", "en"):
        evidence.setdefault("foreign", []).append(
            Evidence(f"language:{reader.language}", (), OTHER_LANGUAGE_FOREIGN)
        )
    scores = _scores(evidence)
    # 息子が学校で…: the school words are the son's; the writer is his family, not a child.
    if scores.get("family", 0.0) >= 0.8 and scores.get("child", 0.0) < 0.9:
        scores["child"] = scores.get("child", 0.0) * 0.5
    return scores, evidence


def understand(text: str, lexicon: Lexicon | None = None) -> Understanding:
    """Needs and audiences of a cleaned text (see text.clean_input), best first."""
    lexicon = lexicon or load_lexicon()
    read = _understand(text, lexicon)
    kana = romaji.reading(text) if read.language in ("", "en") else None
    if kana is None:
        return read
    # "ijime ni atte imasu" may be Japanese in Latin letters, "I go to Kobe" English: the
    # reading that finds more wins. The spaces of romaji are word boundaries, which kana
    # run together loses (ははがにんちしょでかいご reads でかい, big): they are kept as 、.
    readings = (
        _understand(kana, lexicon, from_romaji=True),
        _understand(_SPACES.sub("、", kana.strip()), lexicon, from_romaji=True),
    )
    best = max(readings, key=lambda r: r.top_score)
    return best if best.top_score > read.top_score else read


def _understand(text: str, lexicon: Lexicon, from_romaji: bool = False) -> Understanding:
    reader = _Reader(text, lexicon, from_romaji)
    evidence = {
        code: reader.evidence("needs", entry) for code, entry in reader.lexicon.needs.items()
    }
    scores = _scores(evidence)
    base = dict(scores)
    _imply(scores, evidence, {c: e.implies for c, e in reader.lexicon.needs.items()}, base)
    audience_scores, audience_evidence = _audiences(reader)
    _imply(scores, evidence, reader.lexicon.audience_implies, audience_scores)
    return Understanding(
        needs=_ranked(scores, evidence, MIN_NEED_SCORE),
        audiences=_ranked(audience_scores, audience_evidence, MIN_AUDIENCE_SCORE),
        english=reader.english,
        language=reader.language or ("en" if reader.english else ""),
    )
