"""Crisis detection (危機の検知): suicidal thoughts, self-harm, immediate danger.

Deterministic and auditable: the rules are regular expressions in data/navigator/crisis.yaml
(read its header), tried on normalised, kana-folded text after hyperbole (死ぬほど笑った) and
benign set phrases are blanked out. Missing a crisis is the worst error, so the rules lean
towards raising the flag, and where no rule fires a second reader (`crisis_model`, a linear
model trained on our own sentences and shipped as a file) may still raise it, never lower
it. `detect` is fast (well under a millisecond for a message) and never raises: a broken
rule file is reported when the app starts, and anything unexpected at run time returns a
result with `error` set, which callers treat like a crisis for the purpose of showing the
24-hour lines.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from tsunagari.navigator import romaji
from tsunagari.navigator.alternation import Alternation
from tsunagari.navigator.crisis_model import reader
from tsunagari.navigator.datafiles import DataFile, Location, data_path, read_data_file
from tsunagari.navigator.text import surface
from tsunagari.search.analysis import to_hiragana

log = logging.getLogger(__name__)

SCAN_CHARS = 20_000  # far beyond what is analysed for needs: a crisis at the end still counts
KINDS = ("direct", "indirect", "self-harm", "method", "place", "danger", "weak")
# Harm a person may do to themselves, as opposed to danger from another person (殺される):
# only these can be "about someone else" (友達が死にたいと言っている).
SELF_DIRECTED = frozenset({"direct", "indirect", "self-harm", "method", "place"})
WEAK_NEEDED = 2
SOMEONE_ELSE = "about-someone-else"
MODEL = "crisis-model"  # the reason when only the second reader raised the flag
_MASK = "\ue000"  # private use: blanked text that must not join its neighbours
_NOT_LETTER = re.compile(r"[^\w\ue000]+")
_MACRO = re.compile(r"\{([a-z_]+)\}")
_FIRST_PERSON = re.compile(
    r"(?:私|わたし|あたし|自分|じぶん|僕|ぼく|俺|おれ)(?:は|が|も)|(?<![a-z])i (?:am|'m|want|feel)"
)


@dataclass(frozen=True)
class CrisisResult:
    crisis: bool
    reasons: tuple[str, ...]  # ids of the rules that fired (and about-someone-else)
    about_someone_else: bool
    first: tuple[str, ...] = ()  # crisis-line slugs to show before the others
    weak: tuple[str, ...] = ()  # weak signals seen, to carry over a conversation
    error: bool = False  # the detector failed: show the crisis lines anyway


@dataclass(frozen=True)
class Rule:
    id: str
    kind: str
    label_ja: str
    label_en: str
    pattern: Alternation  # searched only with the alternatives the text's scripts allow
    first: tuple[str, ...]

    def label(self, language: str) -> str:
        return self.label_en if language == "en" else self.label_ja


@dataclass(frozen=True)
class Rules:
    exceptions: tuple[Alternation, ...]
    rules: tuple[Rule, ...]
    subjects: re.Pattern[str]
    reports: re.Pattern[str]

    def by_id(self, rule_id: str) -> Rule | None:
        return next((r for r in self.rules if r.id == rule_id), None)


def _expand(source: DataFile, where: Location, pattern: Any, macros: dict[str, str]) -> str:
    if not isinstance(pattern, str) or not pattern:
        raise source.error(where, f"a pattern is a non-empty string, not {pattern!r}")

    def macro(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in macros:
            raise source.error(where, f"unknown macro {{{name}}}; known: {', '.join(macros)}")
        return macros[name]

    # The text is read with katakana folded to hiragana, so a pattern is folded the same way:
    # ビルの上 in a rule still meets ビルの上 in a message.
    return to_hiragana(_MACRO.sub(macro, pattern))


def _compile(
    source: DataFile, where: Location, patterns: Any, macros: dict[str, str]
) -> Alternation:
    if not isinstance(patterns, list) or not patterns:
        raise source.error(where, "needs a list of patterns")
    expanded = [_expand(source, (*where, i), p, macros) for i, p in enumerate(patterns)]
    for i, pattern in enumerate(expanded):
        try:
            re.compile(pattern)
        except re.error as error:
            raise source.error((*where, i), f"bad regular expression: {error}") from None
    return Alternation.of(expanded)


def read_rules(source: DataFile) -> Rules:
    """Raises DataFileError naming file, line and field for any mistake."""
    data = source.data if isinstance(source.data, dict) else {}
    macros = {str(k): str(v) for k, v in (data.get("macros") or {}).items()}
    exceptions = tuple(
        _compile(source, ("exceptions", i, "patterns"), entry.get("patterns"), macros)
        for i, entry in enumerate(data.get("exceptions") or [])
    )
    rules = []
    seen: set[str] = set()
    for i, entry in enumerate(data.get("rules") or []):
        where: Location = ("rules", i)
        rule_id = entry.get("id")
        if not isinstance(rule_id, str) or rule_id in seen:
            raise source.error((*where, "id"), f"each rule needs a unique id, not {rule_id!r}")
        seen.add(rule_id)
        if entry.get("kind") not in KINDS:
            raise source.error((*where, "kind"), f"kind is one of {', '.join(KINDS)}")
        label = entry.get("label") or {}
        if not label.get("ja") or not label.get("en"):
            raise source.error((*where, "label"), "needs a label in ja and en")
        rules.append(
            Rule(
                rule_id,
                entry["kind"],
                label["ja"],
                label["en"],
                _compile(source, (*where, "patterns"), entry.get("patterns"), macros),
                tuple(entry.get("first") or ()),
            )
        )
    if not rules:
        raise source.error(("rules",), "no rules: crisis detection would never raise")
    others = data.get("others") or {}
    return Rules(
        exceptions,
        tuple(rules),
        _compile(source, ("others", "subjects"), others.get("subjects"), macros).whole,
        _compile(source, ("others", "reports"), others.get("reports"), macros).whole,
    )


@cache
def load_rules() -> Rules:
    return read_rules(read_data_file(data_path("crisis.yaml")))


def _masked(folded: str, exceptions: tuple[Alternation, ...]) -> str:
    for exception in exceptions:
        if exception.may_match(folded):  # most are Japanese: an English text skips them
            folded = exception.whole.sub(lambda m: _MASK * len(m.group(0)), folded)
    return folded


def _about_someone_else(rules: Rules, text: str, at: int) -> bool:
    """友達が…死にたい…と言っている: someone named before, their words reported after
    (in English the report comes first: my friend says she wants to die)."""
    subject = None
    for match in rules.subjects.finditer(text, 0, at):
        subject = match
    if subject is None:
        return False
    if _FIRST_PERSON.search(text, subject.end(), at):
        return False
    reported_from = subject.start() if subject.group(0).isascii() else at
    return rules.reports.search(text, reported_from) is not None


def detect_with(rules: Rules, text: str, earlier_weak: tuple[str, ...] = ()) -> CrisisResult:
    found = _detect_in(rules, text, earlier_weak)
    kana = romaji.reading(text[:SCAN_CHARS])
    if found.crisis or kana is None:
        return found
    return _detect_in(rules, kana, found.weak)  # "shinitai" is しにたい


def _detect_in(rules: Rules, text: str, earlier_weak: tuple[str, ...]) -> CrisisResult:
    folded = _masked(to_hiragana(surface(text[:SCAN_CHARS])), rules.exceptions)
    letters_only = _NOT_LETTER.sub("", folded)
    fired: list[Rule] = []
    first_at = len(folded)  # where the person's own danger is first named
    for rule in rules.rules:
        match = rule.pattern.search(folded)
        if match:
            fired.append(rule)
            if rule.kind in SELF_DIRECTED:
                first_at = min(first_at, match.start())
        elif letters_only != folded and rule.pattern.found(letters_only):
            fired.append(rule)
    weak = tuple(dict.fromkeys([*earlier_weak, *(r.id for r in fired if r.kind == "weak")]))
    strong = [r for r in fired if r.kind != "weak"]
    crisis = bool(strong) or len(weak) >= WEAK_NEEDED
    if not crisis:
        return CrisisResult(False, (), False, weak=weak)
    reasons = [r.id for r in strong] + ([] if strong else list(weak))
    self_directed = any(r.kind in SELF_DIRECTED for r in strong)
    about_other = self_directed and _about_someone_else(rules, folded, first_at)
    if about_other:
        reasons.append(SOMEONE_ELSE)
    first = tuple(dict.fromkeys(slug for r in strong for slug in r.first))
    return CrisisResult(True, tuple(reasons), about_other, first, weak)


def detect(text: object, earlier_weak: tuple[str, ...] = ()) -> CrisisResult:
    """Is a life in danger in `text`? Never raises; see the module docstring."""
    try:
        if isinstance(text, bytes | bytearray):
            text = bytes(text).decode("utf-8", errors="replace")
        text = text if isinstance(text, str) else str(text)
        found = detect_with(load_rules(), text, earlier_weak)
        if found.crisis or not reader().raises(text):
            return found
        return CrisisResult(True, (MODEL,), False, weak=found.weak)
    except Exception:
        log.exception("crisis detection failed (the text is not logged)")
        return CrisisResult(False, ("detector-error",), False, error=True)


def label(reason: str, language: str = "ja") -> str:
    """A reason as a person may read it: 死にたい気持ち / wanting to die."""
    if reason == SOMEONE_ELSE:
        return "Someone else is in danger" if language == "en" else "まわりの人のこと"
    if reason == "urgency":
        return "Graded urgent (level 3 or more)" if language == "en" else "緊急度の判定（3以上）"
    if reason == MODEL:
        return "Words like those of people in danger" if language == "en" else "危険を感じる言葉"
    rule = load_rules().by_id(reason)
    if rule:
        return rule.label(language)
    # An urgency element that danger.graded adds (attempt, someone-else-now) has its label in
    # urgency.yaml; urgency reads this module, so it is imported here, late.
    from tsunagari.navigator.urgency import load_elements

    element = next((e for e in load_elements() if e.id == reason), None)
    if element is None:
        return reason
    return element.label_en if language == "en" else element.label_ja
