"""The synonym thesaurus (類義語辞書, data/search/synonyms.yaml): groups of equivalent words.

A person types いじめられた, イジメ, ijime or bullying for the same worry; the thesaurus lists
such words in groups, reviewed like code. A query word that equals a word of a group (after
analysis: same lemmas, or for kana, the same reading) is expanded with the group's other
words; a group may name the taxonomy need it stands for.
"""

from __future__ import annotations

import time
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml
from django.conf import settings

from tsunagari.directory.taxonomy import load_taxonomy
from tsunagari.search.analysis import analyze, normalize
from tsunagari.search.words import hiragana_key, is_kana, is_misread, is_one_word, words

RECHECK_SECONDS = 5.0


class ThesaurusError(Exception):
    """A thesaurus file that cannot be used; the message names file, line and problem."""


@dataclass(frozen=True)
class Synonym:
    word: str  # as written in the file, shown in explanations
    terms: tuple[str, ...]  # its lemmas: what the index is searched for
    reading: str = ""  # for a word in kana, its hiragana: matched against readings
    exact: bool = True  # `terms` are the word itself, not a misreading of unfamiliar kana
    parts: tuple[str, ...] = ()  # a one-word compound's parts: 介護, 保険 in 介護保険


@dataclass(frozen=True)
class Group:
    line: int
    synonyms: tuple[Synonym, ...]
    need: str = ""


@dataclass
class Thesaurus:
    groups: list[Group] = field(default_factory=list)
    by_terms: dict[tuple[str, ...], list[Group]] = field(default_factory=dict)
    by_reading: dict[str, list[Group]] = field(default_factory=dict)
    longest: int = 1  # words in the longest synonym
    # terms → the longer words of other groups that hold them (carer → young carer)
    inside: dict[tuple[str, ...], list[tuple[Group, tuple[str, ...]]]] = field(default_factory=dict)

    def groups_for_terms(self, terms: tuple[str, ...]) -> list[Group]:
        return self.by_terms.get(terms, [])

    def groups_for_reading(self, text: str) -> list[Group]:
        return self.by_reading.get(hiragana_key(text), []) if is_kana(text) else []


def _reading(word: str) -> str:
    """The whole reading of a word (死にたい → しにたい), for kana queries Sudachi misreads."""
    return "".join(t.reading for t in analyze(normalize(word)))


def _holds(longer: tuple[str, ...], terms: tuple[str, ...]) -> bool:
    """`terms` are a shorter run of `longer` (carer in young carer, 介護 in 介護・保険)."""
    size = len(terms)
    return size < len(longer) and any(
        longer[i : i + size] == terms for i in range(len(longer) - size + 1)
    )


def _is_one_word(synonym: Synonym) -> bool:
    """A word, not a phrase: one Japanese word (介護保険), or English, which writes a compound
    as words (young carer). 親の介護 and 窓口相談 are phrases: their words stand alone."""
    return len(synonym.terms) == 1 or all(term.isascii() for term in synonym.terms)


def _inside(groups: list[Group]) -> dict[tuple[str, ...], list[tuple[Group, tuple[str, ...]]]]:
    """For each word of a group, the longer words of the groups it is not in that hold it:
    ケアラー's caregiver group is not ヤングケアラー's, nor 介護's 介護保険's."""
    inside: dict[tuple[str, ...], list[tuple[Group, tuple[str, ...]]]] = defaultdict(list)
    for group in groups:
        for synonym in group.synonyms:
            if not synonym.exact:
                continue
            for other in groups:
                if any(s.terms == synonym.terms for s in other.synonyms):
                    continue
                for longer in other.synonyms:
                    if not longer.exact or (other, longer.terms) in inside[synonym.terms]:
                        continue
                    if _is_one_word(longer) and (
                        _holds(longer.terms, synonym.terms) or _holds(longer.parts, synonym.terms)
                    ):
                        inside[synonym.terms].append((other, longer.terms))
    return {terms: found for terms, found in inside.items() if found}


def _problem(path: Path, line: int, message: str) -> str:
    return f"{path}:{line}: {message}"


def _read_group(path: Path, node: yaml.Node, needs: set[str], problems: list[str]) -> Group | None:
    line = node.start_mark.line + 1
    if not isinstance(node, yaml.MappingNode):
        problems.append(_problem(path, line, "a group is a mapping with `words` (and `need`)"))
        return None
    values = {key.value: value for key, value in node.value}
    unknown = set(values) - {"words", "need"}
    if unknown:
        problems.append(_problem(path, line, f"unknown field(s): {', '.join(sorted(unknown))}"))
    need = values.get("need")
    need_code = need.value if isinstance(need, yaml.ScalarNode) else ""
    if need is not None and need_code not in needs:
        problems.append(_problem(path, line, f"need {need_code!r} is not in data/taxonomy.yaml"))
    word_nodes = values.get("words")
    if not isinstance(word_nodes, yaml.SequenceNode) or len(word_nodes.value) < 2:
        problems.append(_problem(path, line, "`words` must list at least two words"))
        return None
    synonyms = []
    for word_node in word_nodes.value:
        word = str(word_node.value).strip()
        found = words(word)
        terms = tuple(w.lemma for w in found)
        reading = hiragana_key(word) if is_kana(word) else ""
        exact = bool(terms) and (not reading or (is_one_word(word, found) and not is_misread(word)))
        if not terms and not reading:
            problems.append(
                _problem(path, word_node.start_mark.line + 1, f"{word!r} has no searchable word")
            )
            continue
        parts = found[0].parts if len(found) == 1 else ()
        synonyms.append(Synonym(word, terms, reading, exact, parts))
    return Group(line, tuple(synonyms), need_code)


def read_thesaurus(path: Path) -> Thesaurus:
    """Raises ThesaurusError naming the file, line and problem of every mistake."""
    try:
        root = yaml.compose(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise ThesaurusError(f"{path}: cannot be read: {error}") from None
    groups_node = None
    if isinstance(root, yaml.MappingNode):
        groups_node = next((v for k, v in root.value if k.value == "groups"), None)
    if not isinstance(groups_node, yaml.SequenceNode):
        raise ThesaurusError(f"{path}: expected a mapping with a `groups:` list")
    needs = set(load_taxonomy().needs)
    problems: list[str] = []
    thesaurus = Thesaurus()
    by_terms: dict[tuple[str, ...], list[Group]] = defaultdict(list)
    by_reading: dict[str, list[Group]] = defaultdict(list)
    for node in groups_node.value:
        group = _read_group(path, node, needs, problems)
        if group is None:
            continue
        thesaurus.groups.append(group)
        for synonym in group.synonyms:
            if synonym.exact and group not in by_terms[synonym.terms]:
                by_terms[synonym.terms].append(group)
            reading = _reading(synonym.word)
            if reading and group not in by_reading[reading]:
                by_reading[reading].append(group)
    if problems:
        raise ThesaurusError("\n".join(problems))
    thesaurus.by_terms = dict(by_terms)
    thesaurus.by_reading = dict(by_reading)
    thesaurus.longest = max((len(terms) for terms in by_terms), default=1)
    thesaurus.inside = _inside(thesaurus.groups)
    return thesaurus


def thesaurus_path() -> Path:
    return Path(settings.DATA_DIR) / "search" / "synonyms.yaml"


@lru_cache(maxsize=4)
def _cached(path: Path, mtime: float) -> Thesaurus:
    return read_thesaurus(path)


_checked: dict[Path, tuple[float, float]] = {}  # path → (when looked, its mtime)


def load_thesaurus() -> Thesaurus:
    """The bundled thesaurus, read again when the file changes (looked at every few seconds)."""
    path = thesaurus_path()
    looked, mtime = _checked.get(path, (0.0, 0.0))
    if time.monotonic() - looked > RECHECK_SECONDS:
        mtime = path.stat().st_mtime
        _checked[path] = (time.monotonic(), mtime)
    return _cached(path, mtime)
