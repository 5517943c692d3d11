"""An alternation of regular expressions searched only with the alternatives a text can match.

The elements of urgency.yaml and the rules of crisis.yaml are each one alternation of patterns
in a dozen languages. Python's `re` tries every alternative at every position of the text, so
an English letter paid for the Japanese, Korean, Thai and Nepali patterns too (round 7: the
element and crisis searches were half the grading time of a long message). Most alternatives
cannot match without a letter of their own script: 死にたい needs a kanji, 살고 싶지 않 a
hangul syllable, không nghe máy a Vietnamese vowel, "friend" an ASCII letter. The
alternatives are grouped by the scripts of the letters they need, and a text is searched
only with the groups whose script it has, and only where it also has one of the pairs of
neighbouring letters a group needs (死に for 死にたい): a Japanese text has kanji and kana,
but seldom the words of the many Japanese groups (round 11).

The answer is the one the whole alternation gives: whether there is a match, and where the
leftmost one starts (the leftmost match of an alternation starts where the earliest of its
alternatives' leftmost matches does). A positive lookaround's needs count, since the text
must hold them to match (round 7d's "a person who does not answer, beside a sign of danger on
the same line" starts with one). An alternative whose needs cannot be read (a negated class, a
negative lookaround, a repeat that may be empty) is searched on every text.
"""

from __future__ import annotations

import operator
import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from re import _parser  # type: ignore[attr-defined]  # read only: which letters a pattern needs
from typing import Any

from tsunagari.navigator.per_message import per_message

# What the "script" of a letter is, for grouping: an ASCII letter, an ASCII digit, any other
# ASCII sign by itself (a space, a full stop), else the first word of its Unicode name (CJK,
# HIRAGANA, HANGUL, THAI, DEVANAGARI, LATIN for an accented letter…).
_LETTER, _DIGIT = "a-z", "0-9"
_RANGE_MAX = 64  # a class [0-9] or [a-f] is read letter by letter; a wider one is not read


@lru_cache(maxsize=8192)
def script(char: str) -> str:
    if char.isascii():
        return _LETTER if char.isalpha() else _DIGIT if char.isdigit() else char
    return unicodedata.name(char, "?").split(" ", 1)[0]


@per_message
def scripts_of(text: str) -> frozenset[str]:
    """The scripts of the letters of `text`; the same texts are searched by every element
    and rule of one grade, so the answer is shared within its reading (`per_message`)."""
    return frozenset(script(char) for char in set(text))


@per_message
def pairs_of(text: str) -> frozenset[str]:
    """The letters of `text` and its pairs of neighbouring letters, shared as `scripts_of`."""
    return frozenset(text).union(map(operator.add, text, text[1:]))


def _cost(needed: frozenset[str]) -> int:
    """How often texts have one of these letters: an ASCII sign (a space) is everywhere, an
    ASCII letter in most texts, a hangul syllable only in Korean ones."""
    weights = {_LETTER: 20, _DIGIT: 10}
    scripts = {script(char) for char in needed}
    return sum(weights.get(s, 1 if len(s) > 1 else 1000) for s in scripts)


def _pair_cost(needed: frozenset[str]) -> int:
    """How often texts have one of these letters or pairs: a pair of letters outside ASCII
    (死に, 薬を) is rarer than a pair in ASCII (e ), which is rarer than any one letter."""
    return sum(1 if len(n) == 2 and not n.isascii() else 3 if len(n) == 2 else 30 for n in needed)


def _needed(items: Iterable[tuple[Any, Any]], pairs: bool = False) -> frozenset[str] | None:
    """Letters of which every match of the sequence `items` contains one (the rarest such
    set of any of its items), or None where no item says; with `pairs`, two literal letters
    in a row count as the pair they make."""
    cost = _pair_cost if pairs else _cost
    best: frozenset[str] | None = None
    before = ""  # the literal letter just before, if any
    for op, av in items:
        needed = _needed_by(op, av, pairs)
        letter = chr(av) if op is _parser.LITERAL else ""
        if pairs and before and letter:
            needed = frozenset({before + letter})
        before = letter
        if needed is not None and (best is None or cost(needed) < cost(best)):
            best = needed
    return best


def _needed_by(op: Any, av: Any, pairs: bool) -> frozenset[str] | None:
    if op is _parser.LITERAL:
        return frozenset(chr(av))
    if op is _parser.IN:  # a class: [ab] or [0-9], never a negated one or a category (\w)
        letters: set[str] = set()
        for kind, value in av:
            if kind is _parser.LITERAL:
                letters.add(chr(value))
            elif kind is _parser.RANGE and value[1] - value[0] < _RANGE_MAX:
                letters.update(chr(c) for c in range(value[0], value[1] + 1))
            else:
                return None
        return frozenset(letters)
    if op is _parser.SUBPATTERN:
        _group, add_flags, _del_flags, sub = av
        return None if add_flags & re.IGNORECASE else _needed(sub.data, pairs)
    if op is _parser.BRANCH:  # one of the branches matches: its letters, for every branch
        branches = [_needed(branch.data, pairs) for branch in av[1]]
        if any(b is None for b in branches):
            return None
        return frozenset().union(*(b for b in branches if b is not None))
    if op in (_parser.MAX_REPEAT, _parser.MIN_REPEAT, _parser.POSSESSIVE_REPEAT):
        least, _most, sub = av
        return _needed(sub.data, pairs) if least >= 1 else None
    if op is _parser.ATOMIC_GROUP:
        return _needed(av.data, pairs)
    if op is _parser.ASSERT:  # (?=…), (?<=…): the text holds what it needs, if not the match
        _direction, sub = av
        return _needed(sub.data, pairs)
    return None  # ., [^…], \w, ^, \b, a negative lookaround: nothing needed


def _needed_in(pattern: str, pairs: bool) -> frozenset[str] | None:
    try:
        parsed = _parser.parse(pattern)
        if parsed.state.flags & re.IGNORECASE:
            return None
        return _needed(parsed.data, pairs)
    except Exception:  # the parser is Python's own and private: if it changes, search all
        return None


def needed_scripts(pattern: str) -> frozenset[str] | None:
    """The scripts one of whose letters every match of `pattern` contains, or None."""
    needed = _needed_in(pattern, pairs=False)
    return None if needed is None else frozenset(script(char) for char in needed)


def needed_pairs(pattern: str) -> frozenset[str] | None:
    """Letters and pairs of neighbouring letters one of which every match of `pattern` puts
    in the text, or None."""
    return _needed_in(pattern, pairs=True)


def _top_level(pattern: str) -> list[str]:
    """`pattern` cut at its top-level bars ("a|b(c|d)" → "a", "b(c|d)"), or whole where the
    cut is in doubt (the parser must see as many branches)."""
    parts: list[str] = []
    depth, start, i, in_class = 0, 0, 0, False
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            i += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            i += 2 if pattern[i + 1 : i + 2] == "^" else 1
            i += 1 if pattern[i : i + 1] == "]" else 0  # []…] and [^]…]: a ] of the class
            continue
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
        i += 1
    parts.append(pattern[start:])
    try:
        parsed = _parser.parse(pattern).data
        branch = len(parsed) == 1 and parsed[0][0] is _parser.BRANCH
        branches = len(parsed[0][1][1]) if branch else 1
    except Exception:
        return [pattern]
    return parts if branches == len(parts) else [pattern]


@dataclass(frozen=True)
class Alternation:
    """`"|".join(f"(?:{p})" for p in alternatives)`, searched by the scripts of the text."""

    alternatives: tuple[str, ...]
    whole: re.Pattern[str]  # the alternation as one pattern (for sub, and as it reads)
    # Per group: the scripts it needs, the letters or pairs it needs (None: every text).
    groups: tuple[tuple[frozenset[str] | None, frozenset[str] | None, re.Pattern[str]], ...]

    @classmethod
    def of(cls, alternatives: Sequence[str]) -> Alternation:
        whole = re.compile("|".join(f"(?:{p})" for p in alternatives))
        grouped: dict[frozenset[str] | None, list[str]] = {}
        for alternative in alternatives:
            for part in _top_level(alternative):
                grouped.setdefault(needed_scripts(part), []).append(part)
        groups = []
        for needed, parts in grouped.items():
            pattern = "|".join(f"(?:{p})" for p in parts)
            groups.append((needed, needed_pairs(pattern), re.compile(pattern)))
        return cls(tuple(alternatives), whole, tuple(groups))

    @property
    def pattern(self) -> str:
        return self.whole.pattern

    def _searched(self, text: str) -> Iterator[re.Pattern[str]]:
        """The groups that may match `text`: by its scripts, then by its pairs (the regular
        expressions that found nothing were a fifth of the grading, round 11)."""
        scripts = scripts_of(text)
        # Built once, when a group first needs them: outside a reading pairs_of is not shared.
        text_pairs: frozenset[str] | None = None
        for needed, pairs, pattern in self.groups:
            if needed is not None and needed.isdisjoint(scripts):
                continue
            if pairs is not None:
                text_pairs = pairs_of(text) if text_pairs is None else text_pairs
                if pairs.isdisjoint(text_pairs):
                    continue
            yield pattern

    def may_match(self, text: str) -> bool:
        """False where no alternative can match: `text` has none of the letters they need."""
        return any(True for _ in self._searched(text))

    def search(self, text: str) -> re.Match[str] | None:
        """The leftmost match (as `whole.search` finds it: where it starts), or None."""
        first: re.Match[str] | None = None
        for pattern in self._searched(text):
            match = pattern.search(text)
            if match and (first is None or match.start() < first.start()):
                first = match
        return first

    def found(self, text: str) -> bool:
        """Whether the alternation matches anywhere in `text` (stops at the first group)."""
        return any(pattern.search(text) for pattern in self._searched(text))
