"""The navigator's reviewed data files (data/navigator/*.yaml), read with line numbers.

A mistake in a rule file must be reported where it is (file, line, field), never ignored:
a broken crisis rule that silently matched nothing would hide a person in danger.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from django.conf import settings

Location = tuple[str | int, ...]


class DataFileError(ValueError):
    """A data file that cannot be used; the message names file, line and field."""


class _RepeatedKey(ValueError):
    """line: field: a key written twice in one mapping."""


@dataclass(frozen=True)
class DataFile:
    path: Path
    data: Any
    lines: dict[Location, int]

    def line(self, where: Location) -> int:
        """The line of `where`, or of its nearest enclosing entry."""
        while where and where not in self.lines:
            where = where[:-1]
        return self.lines.get(where, 1)

    def error(self, where: Location, message: str) -> DataFileError:
        field = ".".join(str(part) for part in where) or "(top)"
        return DataFileError(f"{self.path}:{self.line(where)}: {field}: {message}")


def data_path(name: str) -> Path:
    return Path(settings.DATA_DIR) / "navigator" / name


def read_data_file(path: Path) -> DataFile:
    """Raises DataFileError when the file is missing or is not valid YAML."""
    try:
        text = path.read_text(encoding="utf-8")
        data = yaml.safe_load(text)
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except OSError as error:
        raise DataFileError(f"{path}: cannot be read ({error.strerror})") from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        raise DataFileError(f"{path}:{line}: not valid YAML ({error})") from None
    lines: dict[Location, int] = {}
    if node is not None:
        try:
            _record_lines(node, (), lines)
        except _RepeatedKey as error:
            raise DataFileError(f"{path}:{error}") from None
    return DataFile(path, data, lines)


def case_mappings(source: DataFile, shape: str) -> Iterator[tuple[Location, dict[str, Any]]]:
    """The mappings of an evaluation file's `cases` list, each with where it is.

    Raises DataFileError when the file is not {cases: [...]} or a case is not a mapping;
    `shape` names the fields a case has, for that message.
    """
    data = source.data
    if not isinstance(data, dict) or not isinstance(data.get("cases"), list):
        raise source.error((), "must be a mapping with a `cases` list")
    for i, raw in enumerate(data["cases"]):
        where: Location = ("cases", i)
        if not isinstance(raw, dict):
            raise source.error(where, f"a case is a mapping {shape}")
        yield where, raw


def _record_lines(node: yaml.Node, where: Location, lines: dict[Location, int]) -> None:
    lines[where] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key_node, value_node in node.value:
            key = str(key_node.value)
            if key in seen:
                # YAML keeps the last of two equal keys: a rule's patterns would silently
                # replace another's.
                field = ".".join(str(part) for part in (*where, key))
                raise _RepeatedKey(f"{key_node.start_mark.line + 1}: {field}: repeated key")
            seen.add(key)
            _record_lines(value_node, (*where, key), lines)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _record_lines(item, (*where, i), lines)
