"""Reading and validating microdata CSV (個票データの取り込み).

A file is read whole or not at all: every problem found is reported with the file, the line
and the column, and a file with any error is rejected. Nothing is dropped or recoded
silently: codes and labels come from tsunagari's codebook or from an explicit mapping.
"""

from __future__ import annotations

import csv
import gc
import io
import unicodedata
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import repeat
from pathlib import Path
from typing import Any

import numpy as np
from django.utils.translation import gettext_lazy as _

from tsunagari.surveys.instruments import (
    ANSWER_COLUMNS,
    DESIGN_COLUMNS,
    DIRECT_COLUMN,
    SYNTHETIC_COLUMN,
    SYNTHETIC_VALUE,
    UCLA_COLUMNS,
    codebook,
)
from tsunagari.surveys.mappings import Mapping
from tsunagari.surveys.microdata import (
    Attribute,
    ErrorCollector,
    FloatArray,
    InputError,
    IntArray,
    Microdata,
    MicrodataError,
)

REQUIRED_COLUMNS = ("id", *ANSWER_COLUMNS)
CHUNK_ROWS = 50_000
csv.field_size_limit(1 << 16)


def read_microdata_file(path: Path, mapping: Mapping | None = None) -> Microdata:
    """Read one CSV file; raises MicrodataError naming file, line and column."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise MicrodataError(
            [InputError(str(path), 0, None, _("ファイルを読めません: %(error)s"), {"error": error})]
        ) from None
    return read_microdata(raw, str(path), mapping)


def read_microdata(raw: bytes, source: str, mapping: Mapping | None = None) -> Microdata:
    """Validate and read microdata from bytes; raises MicrodataError with every problem."""
    errors = ErrorCollector(source)
    text = _decode(raw, errors)
    errors.raise_if_any()
    reader = csv.reader(io.StringIO(text, newline=""))
    header = _read_header(reader, mapping, errors)
    errors.raise_if_any()
    builder = _Builder(header, mapping, errors)
    with _collector_paused():
        for lines, rows in _chunks(reader, header, errors):
            builder.feed(lines, rows)
    if builder.n == 0:
        errors.add(2, None, _("回答者の行がありません"))
    errors.raise_if_any()
    return builder.finish(source, mapping)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Millions of short-lived rows would set off the cyclic garbage collector again and
    again (none of them form cycles); pausing it halves the time to read a large file."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _decode(raw: bytes, errors: ErrorCollector) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        errors.add(
            line,
            None,
            _("UTF-8 ではありません（%(offset)d バイト目）。UTF-8 で保存し直してください"),
            offset=error.start + 1,
        )
        return ""


@dataclass(frozen=True)
class _Header:
    names: list[str]
    position: dict[str, int]

    def has(self, name: str) -> bool:
        return name in self.position

    def label(self, name: str) -> str:
        return f"{name} ({self.position[name] + 1})"

    @property
    def attributes(self) -> list[str]:
        reserved = {"id", *DESIGN_COLUMNS, *ANSWER_COLUMNS, SYNTHETIC_COLUMN}
        return [name for name in self.names if name not in reserved]


def _read_header(
    reader: Iterator[list[str]], mapping: Mapping | None, errors: ErrorCollector
) -> _Header:
    try:
        names = [name.strip() for name in next(reader)]
    except StopIteration:
        names = []
    except csv.Error as error:
        errors.add(1, None, _("CSV として読めません: %(error)s"), error=error)
        return _Header([], {})
    renames = mapping.columns if mapping else {}
    for source in renames:
        if source not in names:
            errors.add(
                1, source, _("対応表にある列 %(column)s がファイルにありません"), column=source
            )
    names = [renames.get(name, name) for name in names]
    position: dict[str, int] = {}
    for index, name in enumerate(names):
        if not name:
            errors.add(1, f"({index + 1})", _("列名が空です"))
        elif name in position:
            errors.add(
                1,
                f"{name} ({index + 1})",
                _("列名 %(column)s が %(first)d 列目と重複しています"),
                column=name,
                first=position[name] + 1,
            )
        else:
            position[name] = index
    for name in REQUIRED_COLUMNS:
        if name not in position:
            errors.add(1, name, _("必須の列 %(column)s がありません"), column=name)
    return _Header(names, position)


def _chunks(
    reader: Iterator[list[str]], header: _Header, errors: ErrorCollector
) -> Iterator[tuple[list[int], list[list[str]]]]:
    """Rows in blocks, each with the physical line it starts on; blank lines are skipped."""
    width = len(header.names)
    lines: list[int] = []
    rows: list[list[str]] = []
    start = 2
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            errors.add(start, None, _("CSV として読めません: %(error)s"), error=error)
            break
        if row and len(row) != width:
            errors.add(
                start,
                None,
                _("列の数が %(found)d です。見出し行は %(expected)d 列です"),
                found=len(row),
                expected=width,
            )
        elif row:
            lines.append(start)
            rows.append(row)
            if len(rows) == CHUNK_ROWS:
                yield lines, rows
                lines, rows = [], []
        start = reader.line_num + 1  # type: ignore[attr-defined]
    if rows:
        yield lines, rows


def _answer_lookup(column: str, mapping: Mapping | None) -> dict[str, int]:
    if mapping and column in mapping.values:
        table = {_normalise(value): code for value, code in mapping.values[column].items()}
    else:
        codes = codebook(column)
        table = {str(code): code for code in codes}
        table.update({label: code for code, label in codes.items()})
    table[""] = 0
    return table


def _normalise(value: str) -> str:
    return unicodedata.normalize("NFKC", value).strip()


class _Builder:
    """Turns validated blocks of rows into the columns of a Microdata."""

    def __init__(self, header: _Header, mapping: Mapping | None, errors: ErrorCollector) -> None:
        self.header = header
        self.mapping = mapping
        self.errors = errors
        self.lookups = {column: _answer_lookup(column, mapping) for column in ANSWER_COLUMNS}
        self.n = 0
        self.ids: list[str] = []
        self.id_lines: dict[str, int] = {}
        self.lines: list[IntArray] = []
        self.weights: list[FloatArray] = []
        self.answers: dict[str, list[IntArray]] = {column: [] for column in ANSWER_COLUMNS}
        self.strata: dict[str, int] = {}
        self.stratum_codes: list[IntArray] = []
        self.psu_labels: dict[str, int] = {}
        self.psu_keys: list[IntArray] = []
        self.levels: dict[str, dict[str, int]] = {name: {} for name in header.attributes}
        self.level_codes: dict[str, list[IntArray]] = {name: [] for name in header.attributes}

    def feed(self, lines: list[int], rows: list[list[str]]) -> None:
        columns = list(zip(*rows, strict=True))
        self.n += len(rows)
        self.lines.append(np.asarray(lines, dtype=np.int64))
        self._ids(lines, columns[self.header.position["id"]])
        for column in ANSWER_COLUMNS:
            self.answers[column].append(
                self._answers(lines, column, columns[self.header.position[column]])
            )
        if self.header.has("weight"):
            self.weights.append(self._weights(lines, columns[self.header.position["weight"]]))
        strata = self._design_labels(lines, "stratum", columns)
        stratum_codes = np.zeros(len(rows), dtype=np.int64)
        if strata is not None:
            stratum_codes = _intern(strata, self.strata)
            self.stratum_codes.append(stratum_codes)
        psus = self._design_labels(lines, "psu", columns)
        if psus is not None:
            # PSU labels are nested in strata: the key is the pair (stratum, label).
            self.psu_keys.append(stratum_codes << 32 | _intern(psus, self.psu_labels))
        if self.header.has(SYNTHETIC_COLUMN):
            self._synthetic(lines, columns[self.header.position[SYNTHETIC_COLUMN]])
        for name in self.header.attributes:
            values = [value.strip() for value in columns[self.header.position[name]]]
            self.level_codes[name].append(_intern(values, self.levels[name], blank=-1))

    def _ids(self, lines: list[int], values: Sequence[str]) -> None:
        ids = [value.strip() for value in values]
        chunk = dict(zip(ids, lines, strict=True))
        if "" not in chunk and len(chunk) == len(ids) and self.id_lines.keys().isdisjoint(chunk):
            self.id_lines.update(chunk)
        else:
            self._check_ids(lines, ids)
        self.ids.extend(ids)

    def _check_ids(self, lines: list[int], ids: list[str]) -> None:
        label = self.header.label("id")
        for line, value in zip(lines, ids, strict=True):
            if not value:
                self.errors.add(line, label, _("id が空です"))
            elif value in self.id_lines:
                self.errors.add(
                    line,
                    label,
                    _("id「%(value)s」は %(first)d 行目と重複しています"),
                    value=value,
                    first=self.id_lines[value],
                )
            else:
                self.id_lines[value] = line

    def _answers(self, lines: list[int], column: str, values: Sequence[str]) -> IntArray:
        lookup = self.lookups[column]
        codes = np.array(list(map(lookup.get, values, repeat(-1))), dtype=np.int64)
        for index in np.flatnonzero(codes < 0):
            value = values[int(index)]
            code = lookup.get(_normalise(value), -1)
            if code >= 0:
                codes[index] = code
            elif self.mapping and column in self.mapping.values:
                self.errors.add(
                    lines[index],
                    self.header.label(column),
                    _("「%(value)s」は対応表「%(mapping)s」にありません"),
                    value=value,
                    mapping=self.mapping.name,
                )
            else:
                top = max(codebook(column))
                self.errors.add(
                    lines[index],
                    self.header.label(column),
                    _(
                        "「%(value)s」は回答コード（1〜%(top)d）でも選択肢名でもありません（無回答は空欄）"
                    ),
                    value=value,
                    top=top,
                )
        return codes

    def _weights(self, lines: list[int], values: Sequence[str]) -> FloatArray:
        try:
            weights = np.asarray(values, dtype=np.float64)
        except ValueError:
            weights = np.fromiter((_to_float(v) for v in values), np.float64, count=len(values))
        label = self.header.label("weight")
        for index in np.flatnonzero(~np.isfinite(weights) | (weights <= 0)):
            value = values[int(index)].strip()
            if not value:
                self.errors.add(lines[index], label, _("ウェイトが空です"))
            else:
                self.errors.add(
                    lines[index],
                    label,
                    _("ウェイト「%(value)s」は正の数ではありません"),
                    value=value,
                )
        return weights

    def _design_labels(
        self, lines: list[int], name: str, columns: list[tuple[str, ...]]
    ) -> list[str] | None:
        if not self.header.has(name):
            return None
        values = [value.strip() for value in columns[self.header.position[name]]]
        if "" not in values:
            return values
        for index, value in enumerate(values):
            if not value:
                self.errors.add(
                    lines[index], self.header.label(name), _("%(column)s が空です"), column=name
                )
        return values

    def _synthetic(self, lines: list[int], values: Sequence[str]) -> None:
        if set(values) == {SYNTHETIC_VALUE}:
            return
        for line, value in zip(lines, values, strict=True):
            if value.strip() != SYNTHETIC_VALUE:
                self.errors.add(
                    line,
                    self.header.label(SYNTHETIC_COLUMN),
                    _("synthetic 列は全行「%(marker)s」です（「%(value)s」）"),
                    marker=SYNTHETIC_VALUE,
                    value=value,
                )

    def finish(self, source: str, mapping: Mapping | None) -> Microdata:
        n = self.n
        if self.psu_keys:
            keys, psu = np.unique(np.concatenate(self.psu_keys), return_inverse=True)
            psu_count = len(keys)
        else:
            psu, psu_count = np.arange(n), n
        return Microdata(
            source=source,
            ids=self.ids,
            lines=np.concatenate(self.lines),
            weight=np.concatenate(self.weights) if self.weights else np.ones(n),
            stratum=np.concatenate(self.stratum_codes)
            if self.stratum_codes
            else np.zeros(n, dtype=np.int64),
            strata=list(self.strata) if self.stratum_codes else [""],
            psu=psu.astype(np.int64),
            psu_count=psu_count,
            direct=np.concatenate(self.answers[DIRECT_COLUMN]),
            ucla=np.column_stack([np.concatenate(self.answers[c]) for c in UCLA_COLUMNS]),
            attributes={
                name: Attribute(
                    name, np.concatenate(self.level_codes[name]), list(self.levels[name])
                )
                for name in self.header.attributes
            },
            design_columns=frozenset(c for c in DESIGN_COLUMNS if self.header.has(c)),
            synthetic=self.header.has(SYNTHETIC_COLUMN),
            mapping=mapping.key if mapping else None,
        )


def _intern(values: Sequence[object], index: dict[Any, int], blank: int | None = None) -> IntArray:
    """Codes of values in order of first appearance; `blank` for empty strings if given."""
    if blank is None:
        codes = [index.setdefault(value, len(index)) for value in values]
    else:
        codes = [blank if value == "" else index.setdefault(value, len(index)) for value in values]
    return np.asarray(codes, dtype=np.int64)


def _to_float(value: str) -> float:
    try:
        return float(value)
    except ValueError:
        return float("nan")
