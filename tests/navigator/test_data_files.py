"""The reviewed data files: complete for the taxonomy, and mistakes named by file and line."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from django.conf import settings

from tsunagari.directory.crisis_lines import STATIC_LINES
from tsunagari.directory.taxonomy import load_taxonomy
from tsunagari.navigator.crisis import load_rules, read_rules
from tsunagari.navigator.datafiles import DataFileError, read_data_file
from tsunagari.navigator.lexicon import load_lexicon, read_lexicon


def test_every_need_of_the_taxonomy_has_cues() -> None:
    lexicon = load_lexicon()
    for code in load_taxonomy().needs:
        entry = lexicon.needs[code]
        assert entry.cues, code


def test_every_crisis_rule_has_a_label_in_both_languages() -> None:
    for rule in load_rules().rules:
        assert rule.label_ja and rule.label_en


def test_a_bad_regular_expression_is_reported_with_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "crisis.yaml"
    path.write_text(
        "rules:\n  - id: broken\n    kind: direct\n    label: {ja: x, en: x}\n"
        "    patterns:\n      - '(unclosed'\nothers: {subjects: [a], reports: [b]}\n",
        encoding="utf-8",
    )
    with pytest.raises(DataFileError, match=r"crisis.yaml:6: rules.0.patterns.0: bad regular"):
        read_rules(read_data_file(path))


def test_an_unknown_macro_is_named(tmp_path: Path) -> None:
    path = tmp_path / "crisis.yaml"
    path.write_text(
        "rules:\n  - id: r\n    kind: direct\n    label: {ja: x, en: x}\n"
        "    patterns: ['{nope}']\nothers: {subjects: [a], reports: [b]}\n",
        encoding="utf-8",
    )
    with pytest.raises(DataFileError, match="unknown macro"):
        read_rules(read_data_file(path))


def test_a_lexicon_missing_a_need_is_refused(tmp_path: Path) -> None:
    source = Path(settings.DATA_DIR) / "navigator" / "lexicon.yaml"
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    del data["needs"]["no-koseki"]
    path = tmp_path / "lexicon.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(DataFileError, match=r"no entry for need.*no-koseki"):
        read_lexicon(read_data_file(path))


def _lexicon_with(tmp_path: Path, code: str, entry: str, concepts: str = "{}") -> Path:
    """A minimal lexicon (one cue per need) where need `code` is written as `entry`."""
    path = tmp_path / "lexicon.yaml"
    needs = "\n".join(
        f"  {c}: {entry if c == code else '{cues: [x]}'}" for c in load_taxonomy().needs
    )
    path.write_text(
        "weights: {strong: 0.9, cues: 0.6, weak: 0.3, combo: 0.8}\n"
        f"concepts: {concepts}\nneeds:\n{needs}\n",
        encoding="utf-8",
    )
    return path


def test_an_unknown_concept_in_a_combo_is_named_with_its_line(tmp_path: Path) -> None:
    path = _lexicon_with(tmp_path, "dv", "{combos: [[nowhere]]}")
    with pytest.raises(DataFileError, match=r"lexicon.yaml:\d+: needs.dv.combos.0.all"):
        read_lexicon(read_data_file(path))


def test_a_combo_is_either_all_or_a_sequence(tmp_path: Path) -> None:
    path = _lexicon_with(
        tmp_path, "dv", "{combos: [{all: [a], sequence: [b]}]}", concepts="{a: [x], b: [y]}"
    )
    with pytest.raises(DataFileError, match=r"needs.dv.combos.0: a combo is a list"):
        read_lexicon(read_data_file(path))


def test_a_number_written_as_a_cue_must_be_quoted(tmp_path: Path) -> None:
    path = _lexicon_with(tmp_path, "consumer", "{cues: [188]}")
    with pytest.raises(DataFileError, match="quote numbers"):
        read_lexicon(read_data_file(path))


def test_a_key_written_twice_is_named_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "rules.yaml"
    path.write_text("rules:\n  - id: a\n    patterns: [x]\n    patterns: [y]\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"rules.yaml:4: rules.0.patterns: repeated key"):
        read_data_file(path)


def test_invalid_yaml_names_its_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("a: [1, 2\nb: 3\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"bad.yaml:\d+: not valid YAML"):
        read_data_file(path)


def test_static_fallback_lines_are_in_the_curated_directory() -> None:
    numbers = set()
    for path in (Path(settings.DATA_DIR) / "directory").rglob("*.yaml"):
        for service in yaml.safe_load(path.read_text(encoding="utf-8")).get("services") or []:
            numbers |= {(service["id"], p["number"]) for p in service.get("phones") or []}
    for line in STATIC_LINES:
        assert (line.slug, line.number) in numbers
