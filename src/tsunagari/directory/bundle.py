"""The curated directory's files (data/directory/*.yaml), read and validated with line numbers.

See data/directory/README.md for the format and `entries` for one entry. Reading never
touches the database, so the crisis lines can be read from the bundle even when the
database is down.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from tsunagari.directory import phone_numbers
from tsunagari.directory.entries import (
    FREE_TEXT,
    AreaEntry,
    DirectoryFile,
    OrganizationEntry,
    ScheduleEntry,
    ServiceEntry,
    SourceException,
    today,
)
from tsunagari.directory.phone_numbers import SHORT_CODES, numbers_in_text
from tsunagari.directory.taxonomy import Taxonomy, load_taxonomy

__all__ = [
    "FREE_TEXT",
    "AreaEntry",
    "Bundle",
    "DirectoryFileError",
    "OrganizationEntry",
    "ScheduleEntry",
    "ServiceEntry",
    "SourceException",
    "read_bundle",
    "today",
]


class DirectoryFileError(Exception):
    """A directory file that cannot be imported; the message names file, line and field."""

    def __init__(self, problems: Sequence[str]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(self.problems))


@dataclass(frozen=True)
class Bundle:
    """Everything read from a directory folder or file, validated as a whole."""

    organizations: tuple[OrganizationEntry, ...]
    services: tuple[ServiceEntry, ...]
    source_exceptions: Mapping[str, SourceException] = dataclasses.field(default_factory=dict)


def read_bundle(path: Path, taxonomy: Taxonomy | None = None, curated: bool = True) -> Bundle:
    """Read and validate a folder (organizations.yaml + services/*.yaml) or one YAML file.

    Curated files must be complete in English as well (Japanese first, English complete).
    Raises DirectoryFileError listing every problem found, each with file, line and field.
    """
    taxonomy = taxonomy or load_taxonomy()
    files = _yaml_files(path)
    if not files:
        raise DirectoryFileError([f"{path}: no .yaml files found"])
    problems: list[str] = []
    organizations: list[tuple[Path, yaml.Node, int, OrganizationEntry]] = []
    services: list[tuple[Path, yaml.Node, int, ServiceEntry]] = []
    exceptions: dict[str, SourceException] = {}
    for file in files:
        try:
            text = file.read_text(encoding="utf-8")
            node = yaml.compose(text) or yaml.MappingNode("tag:yaml.org,2002:map", [])
            data = yaml.safe_load(text)
        except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
            problems.append(f"{file}: cannot read YAML: {error}")
            continue
        if not isinstance(data, dict) or not (set(DirectoryFile.model_fields) & data.keys()):
            problems.append(f"{file}:1: expected a mapping with 'organizations' or 'services'")
            continue
        try:
            parsed = DirectoryFile.model_validate(data)
        except ValidationError as error:
            problems.extend(_describe(file, node, error))
            continue
        organizations.extend((file, node, i, o) for i, o in enumerate(parsed.organizations))
        services.extend((file, node, i, s) for i, s in enumerate(parsed.services))
        exceptions.update((e.domain, e) for e in parsed.source_exceptions)
    problems.extend(_check_organizations(organizations))
    problems.extend(_check_lengths(services))
    if curated:
        problems.extend(_check_english(organizations, services))
    problems.extend(_cross_check([o for *_, o in organizations], services, taxonomy))
    problems.extend(_check_numbers_in_text(services))
    if problems:
        raise DirectoryFileError(problems)
    return Bundle(
        tuple(entry for *_, entry in organizations),
        tuple(entry for *_, entry in services),
        exceptions,
    )


def _yaml_files(path: Path) -> list[Path]:
    if path.is_file():
        return [path]
    return sorted(p for p in path.rglob("*.yaml") if p.is_file())


def _check_organizations(
    organizations: Iterable[tuple[Path, yaml.Node, int, OrganizationEntry]],
) -> Iterator[str]:
    seen: dict[str, str] = {}
    for file, node, index, org in organizations:
        where = f"{file}:{_line(node, ('organizations', index))}"
        if org.id in seen:
            yield f"{where}: organizations[{index}].id: {org.id!r} is also at {seen[org.id]}"
        seen[org.id] = where


def _check_lengths(
    services: Iterable[tuple[Path, yaml.Node, int, ServiceEntry]],
) -> Iterator[str]:
    """The database's column limits, checked here so that a file never fails half-imported."""
    from tsunagari.directory import models

    parts: list[tuple[str, type[models.models.Model]]] = [
        ("phones", models.Phone),
        ("schedules", models.Schedule),
        ("closures", models.Closure),
    ]
    for file, node, index, service in services:
        where = f"{file}:{_line(node, ('services', index))}: services[{index}]"
        yield from _too_long(where, service, models.Service)
        for attribute, model in parts:
            for i, item in enumerate(getattr(service, attribute)):
                yield from _too_long(f"{where}.{attribute}[{i}]", item, model)


def _too_long(where: str, entry: BaseModel, model: type[Any]) -> Iterator[str]:
    from django.db.models import CharField

    for field in model._meta.get_fields():
        if not isinstance(field, CharField):
            continue
        limit = field.max_length
        value = getattr(entry, field.name, None)
        if limit and isinstance(value, str) and len(value) > limit:
            yield f"{where}.{field.name}: {len(value)} characters, at most {limit}"


def _check_english(
    organizations: Iterable[tuple[Path, yaml.Node, int, OrganizationEntry]],
    services: Iterable[tuple[Path, yaml.Node, int, ServiceEntry]],
) -> Iterator[str]:
    for file, node, index, org in organizations:
        if not org.name_en:
            where = f"{file}:{_line(node, ('organizations', index))}"
            yield f"{where}: organizations[{index}].name_en: English name missing"
    for file, node, index, service in services:
        for field in service.missing_english():
            where = f"{file}:{_line(node, ('services', index))}"
            yield f"{where}: services[{index}].{field}: English text missing"


def _cross_check(
    organizations: Iterable[OrganizationEntry],
    services: Iterable[tuple[Path, yaml.Node, int, ServiceEntry]],
    taxonomy: Taxonomy,
) -> Iterator[str]:
    org_ids = {org.id for org in organizations}
    seen: dict[str, str] = {}
    for file, node, index, service in services:
        where = f"{file}:{_line(node, ('services', index))}"
        if service.id in seen:
            yield f"{where}: services[{index}].id: {service.id!r} is also at {seen[service.id]}"
        seen[service.id] = where
        if org_ids and service.organization not in org_ids:
            yield f"{where}: services[{index}].organization: unknown {service.organization!r}"
        for field, vocabulary in (
            ("needs", taxonomy.needs),
            ("audiences", taxonomy.audiences),
            ("methods", taxonomy.methods),
        ):
            for code in getattr(service, field):
                if code not in vocabulary:
                    yield f"{where}: services[{index}].{field}: unknown code {code!r}"


def _check_numbers_in_text(
    services: Sequence[tuple[Path, yaml.Node, int, ServiceEntry]],
) -> Iterator[str]:
    """A number in a text must be in the plan and be one of the directory's own numbers, so
    that a digit wrong or missing in a note is caught as it would be in `phones`."""
    listed = {phone.number for *_, service in services for phone in service.phones}
    for file, node, index, service in services:
        where = f"{file}:{_line(node, ('services', index))}: services[{index}]"
        for field, text in service.texts():
            for number in numbers_in_text(text):
                wrong = phone_numbers.problem(number)
                if wrong:
                    yield f"{where}.{field}: {wrong}"
                elif number not in listed and number not in SHORT_CODES:
                    yield f"{where}.{field}: {number} is not the number of any entry's phones"


def _describe(file: Path, node: yaml.Node, error: ValidationError) -> Iterator[str]:
    for problem in error.errors():
        loc = tuple(part for part in problem["loc"] if not _is_union_tag(part))
        field = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in loc).lstrip(".")
        yield f"{file}:{_line(node, loc)}: {field}: {problem['msg']}"


def _is_union_tag(part: Any) -> bool:
    return isinstance(part, str) and (part.startswith("literal[") or part == "AreaEntry")


def _line(node: yaml.Node, loc: Sequence[Any]) -> int:
    """The 1-based line of the deepest YAML node that `loc` reaches."""
    for part in loc:
        child = None
        if isinstance(node, yaml.MappingNode):
            child = next((v for k, v in node.value if k.value == part), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
            child = node.value[part] if part < len(node.value) else None
        if child is None:
            break
        node = child
    return node.start_mark.line + 1
