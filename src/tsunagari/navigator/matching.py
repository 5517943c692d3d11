"""Where the lexicon's cues occur in a prepared text, and whether they are denied there.

The text is scanned once against the whole lexicon (every substring looked up in the
cue index), so the cost grows with the length of the text, not with the lexicon. Positions
are offsets in `Prepared.folded`: what matched can be shown in the person's own letters, and
a combination can require its parts to stand near each other.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from tsunagari.navigator.lexicon import Cue, CueIndex
from tsunagari.navigator.text import Prepared

# いじめではない, いじめというわけじゃない: the cue is named and denied.
_DENIED_AFTER = re.compile(
    r"^(?:[はも]?(?:では|じゃ)(?:ない|なく|ありません|ねえ)|(?:という|って)?(?:わけ|訳)(?:では|じゃ)(?:ない|なく)"
    r"|とかじゃ(?:ない|なく)|ではないです)"
)
# 出なければならない, 行かなきゃ, 出ないといけない: a denial that makes an obligation.
_OBLIGATION = re.compile(r"な(?:ければ|きゃ|けりゃ|くちゃ|いと(?:いけ|だめ|ならな))")
_ENGLISH_DENIALS = frozenset({"not", "never", "isn't", "aren't", "wasn't", "weren't"})
_KANA = re.compile(r"^[\u3041-\u309f]+$")
_KATAKANA = re.compile(r"^[\u30a1-\u30ff]+$")
_KANJI = re.compile(r"[\u4e00-\u9fff]")


@dataclass(frozen=True)
class Found:
    start: int
    end: int


class Matcher:
    """Every cue of the index found in one text."""

    def __init__(self, text: Prepared, index: CueIndex) -> None:
        self.text = text
        places: dict[str, dict[int, Found]] = defaultdict(dict)
        cues: dict[str, Cue] = {}
        for cue, found in (*self._letters(index), *self._readings(index), *self._lemmas(index)):
            places[cue.text].setdefault(found.start, found)
            cues[cue.text] = cue
        self._found = {
            key: tuple(
                sorted(
                    (f for f in spots.values() if self._counts(cues[key], f)),
                    key=lambda f: f.start,
                )
            )
            for key, spots in places.items()
        }

    @property
    def found(self) -> dict[str, tuple[Found, ...]]:
        """Cue text → places, for every cue that occurs."""
        return {key: places for key, places in self._found.items() if places}

    def find(self, cue: Cue) -> tuple[Found, ...]:
        """Every place the cue occurs and is not denied, first to last."""
        return self._found.get(cue.text, ())

    def shown(self, found: Found) -> str:
        """The matched words as written, with their auxiliaries (殴ら → 殴られる)."""
        end = found.end
        for word in self.text.words:
            if word.start == end and word.token.pos == "助動詞":
                end = word.end
        return self.text.normalised[found.start : end]

    def _letters(self, index: CueIndex) -> list[tuple[Cue, Found]]:
        folded = self.text.folded
        written = self.text.normalised
        starts = {w.start for w in self.text.words}
        result = []
        for i in range(len(folded)):
            for length in range(1, min(index.longest_letters, len(folded) - i) + 1):
                for cue in index.letters.get(folded[i : i + length], ()):
                    if len(cue.letters) <= 3 and i not in starts and _KANA.match(cue.letters):
                        continue  # a short kana cue inside another word: おや in およや
                    short_katakana = length <= 2 and _KATAKANA.match(cue.text)
                    if short_katakana and written[i : i + length] != cue.text:
                        continue  # タイ the country is not the たい of 会いたい
                    result.append((cue, Found(i, i + length)))
        return result

    def _readings(self, index: CueIndex) -> list[tuple[Cue, Found]]:
        """Kana the person wrote matching a cue's reading (ぎゃくたい = 虐待); never kanji,
        whose readings collide (赴任 and 不妊 are both ふにん)."""
        reading = self.text.reading
        result = []
        for word in self.text.words:
            i = word.reading_start
            for length in range(3, min(index.longest_reading, len(reading) - i) + 1):
                cues = index.readings.get(reading[i : i + length])
                if not cues:
                    continue
                last = self.text.word_at_reading(i + length - 1)
                if last is None or _KANJI.search(self.text.folded[word.start : last.end]):
                    continue
                result += [(cue, Found(word.start, last.end)) for cue in cues]
        return result

    def _lemmas(self, index: CueIndex) -> list[tuple[Cue, Found]]:
        lemmas = self.text.lemmas
        words = self.text.words
        content = self.text.content
        result = []
        for position, lemma in enumerate(lemmas):
            for cue in index.first_lemmas.get(lemma, ()):
                wanted = cue.lemmas
                if lemmas[position : position + len(wanted)] == wanted:
                    first = words[content[position]]
                    last = words[content[position + len(wanted) - 1]]
                    result.append((cue, Found(first.start, last.end)))
        return result

    def _counts(self, cue: Cue, found: Found) -> bool:
        if not cue.negated_itself:
            return not self._denied(cue, found)
        return bool(_OBLIGATION.search(cue.letters)) or not self._obligation(found)

    def _obligation(self, found: Found) -> bool:
        """A cue that says "not" (家から出ない) read where the text says "must" (出なければ)."""
        folded = self.text.folded
        last_na = folded.rfind("な", found.start, found.end)
        return last_na >= 0 and bool(_OBLIGATION.match(folded, last_na))

    def _denied(self, cue: Cue, found: Found) -> bool:
        if cue.english:
            # "not lonely", "not bullied": a word denied right before it. Phrases keep their
            # meaning (has not left his room), and so do don't/can't (I don't have food).
            before = self.text.folded[max(0, found.start - 12) : found.start].split()[-1:]
            return len(cue.lemmas) == 1 and any(word in _ENGLISH_DENIALS for word in before)
        return bool(_DENIED_AFTER.match(self.text.folded[found.end : found.end + 14]))


def near(places: list[tuple[Found, ...]], within: int) -> tuple[Found, ...] | None:
    """One place per concept, all starting within `within` characters; None if impossible."""
    if any(not p for p in places):
        return None
    best: tuple[Found, ...] | None = None
    best_span = within + 1
    for anchor in places[0]:
        choice = [anchor]
        for others in places[1:]:
            choice.append(min(others, key=lambda f: abs(f.start - anchor.start)))
        span = max(f.start for f in choice) - min(f.start for f in choice)
        if span <= within and span < best_span:
            best, best_span = tuple(choice), span
    return best


def in_a_row(places: list[tuple[Found, ...]], gap: int) -> tuple[Found, ...] | None:
    """One place per concept, in this order, each starting at most `gap` characters after the
    previous one ends (アメリカ|に住んで, but not アメリカ人で日本|に住んで); None if impossible."""
    chains: list[tuple[Found, ...]] = [(found,) for found in places[0]]
    for others in places[1:]:
        chains = [
            (*chain, found)
            for chain in chains
            for found in others
            if 0 <= found.start - chain[-1].end <= gap
        ]
    return chains[0] if chains else None
