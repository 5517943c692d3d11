"""Explicit mappings (対応表) from another survey's coding to tsunagari's codebook.

The official questionnaire and other surveys may number the options the other way round or
name the columns differently. Such a file is read only through a mapping that lists every
accepted value; a value the mapping does not list is an input error, never a guess. A
mapping renumbers the options of the same instrument: it cannot turn a 3-point scale into
the 4-point one, because scores of different instruments are never pooled.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml
from django.conf import settings

from tsunagari.surveys.instruments import (
    ANSWER_COLUMNS,
    DIRECT_COLUMN,
    UCLA3_JA,
    codebook,
)


class MappingError(Exception):
    """The mapping file itself is wrong; the message names the file and the entry."""


@dataclass(frozen=True)
class Mapping:
    key: str
    name: str
    columns: dict[str, str]
    values: dict[str, dict[str, int]]
    instrument: str | None


_ALLOWED_KEYS = {"name", "instrument", "columns", "values"}


def mappings_dir() -> Path:
    return Path(settings.DATA_DIR) / "surveys" / "mappings"


def bundled_mappings() -> list[Mapping]:
    """The mappings shipped in data/surveys/mappings/, sorted by key."""
    return [load_mapping(path) for path in sorted(mappings_dir().glob("*.yaml"))]


def bundled_mapping(key: str) -> Mapping:
    path = mappings_dir() / f"{key}.yaml"
    if not key.replace("-", "").replace("_", "").isalnum() or not path.is_file():
        raise MappingError(f"no bundled mapping named {key!r}")
    return load_mapping(path)


def load_mapping(path: Path) -> Mapping:
    """Read and check a mapping file; raises MappingError naming the file and entry."""
    try:
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise MappingError(f"{path}: cannot read the mapping: {error}") from None
    if not isinstance(document, dict):
        raise MappingError(f"{path}: a mapping is a YAML mapping with name, columns, values")
    unknown = set(document) - _ALLOWED_KEYS
    if unknown:
        raise MappingError(f"{path}: unknown entries {sorted(unknown)}")
    name = document.get("name")
    if not isinstance(name, str) or not name.strip():
        raise MappingError(f"{path}: 'name' must say what coding this maps from")
    columns = _read_columns(path, document.get("columns") or {})
    values = {
        str(column): _read_values(path, str(column), table)
        for column, table in (document.get("values") or {}).items()
    }
    instrument = document.get("instrument")
    if any(column != DIRECT_COLUMN for column in values) and instrument != UCLA3_JA.key:
        raise MappingError(
            f"{path}: a mapping of UCLA items must declare 'instrument: {UCLA3_JA.key}'; "
            "scores of other instruments are never pooled with it"
        )
    return Mapping(path.stem, name.strip(), columns, values, instrument)


def _read_columns(path: Path, table: object) -> dict[str, str]:
    if not isinstance(table, dict):
        raise MappingError(f"{path}: 'columns' maps a column of the file to a tsunagari column")
    columns = {str(source).strip(): str(target).strip() for source, target in table.items()}
    targets = list(columns.values())
    duplicated = sorted({t for t in targets if targets.count(t) > 1})
    if duplicated:
        raise MappingError(f"{path}: columns: several columns map to {duplicated}")
    return columns


def _read_values(path: Path, column: str, table: object) -> dict[str, int]:
    if column not in ANSWER_COLUMNS:
        raise MappingError(f"{path}: values: {column!r} is not one of {list(ANSWER_COLUMNS)}")
    if not isinstance(table, dict) or not table:
        raise MappingError(f"{path}: values: {column}: map each value of the file to a code")
    codes = codebook(column)
    recoded: dict[str, int] = {}
    for source, target in table.items():
        if not isinstance(target, int) or isinstance(target, bool) or target not in codes:
            raise MappingError(
                f"{path}: values: {column}: {source!r} maps to {target!r}, "
                f"which is not a code of {sorted(codes)}"
            )
        recoded[str(source).strip()] = target
    missing = sorted(set(codes) - set(recoded.values()))
    if missing:
        raise MappingError(
            f"{path}: values: {column}: no value maps to codes {missing}; "
            "a mapping renumbers every option of the same question"
        )
    return recoded
