"""How much one upload may carry (一括登録の上限): a municipality's list fits well within
them, and a file past any of them is refused whole with what is too large and by how much,
before anything is written.

The request limit of staff pages (TSUNAGARI_MAX_UPLOAD_BYTES) is larger because survey
microdata comes through it; local help's own file is capped here.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence

from django.core.exceptions import FieldDoesNotExist

from tsunagari.directory.bundle import ServiceEntry
from tsunagari.directory.models import Service
from tsunagari.localhelp.changes import Problem

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_ROWS = 20_000  # rows with anything in them, blank ones not counted
MAX_ENTRIES = 5_000
MAX_CELL_CHARS = 5_000  # a text field without a length of its own (a description)
# An xlsx is a zip: its unpacked parts are read, so they are capped too (a small file can
# unpack to gigabytes).
MAX_UNPACKED_BYTES = 10 * MAX_FILE_BYTES


class TooLarge(ValueError):
    """The file as a whole is past a limit; the message says which and how to fix it."""


def megabytes(size: int) -> str:
    return f"{size / 2**20:.1f} MB"


def check_size(size: int) -> None:
    if size > MAX_FILE_BYTES:
        raise TooLarge(
            f"ファイルが大きすぎます（{megabytes(size)}、上限 {MAX_FILE_BYTES // 2**20} MB）。"
            "ファイルを分けて登録してください"
        )


def check_unpacked(content: bytes) -> None:
    """Raises TooLarge when an xlsx would unpack past MAX_UNPACKED_BYTES (a file that is
    not a zip is left for the reader to refuse)."""
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, ValueError):
        return
    if unpacked > MAX_UNPACKED_BYTES:
        raise TooLarge(
            f"xlsx の中身が大きすぎます（展開すると {megabytes(unpacked)}、上限 "
            f"{MAX_UNPACKED_BYTES // 2**20} MB）。不要なシートや書式を消してください"
        )


def check_rows(count: int) -> None:
    if count > MAX_ROWS:
        raise TooLarge(
            f"行が多すぎます（{MAX_ROWS:,} 行を超えています）。ファイルを分けて登録してください"
        )


def check_entries(count: int) -> None:
    if count > MAX_ENTRIES:
        raise TooLarge(
            f"窓口・居場所が多すぎます（{count:,} 件、上限 {MAX_ENTRIES:,} 件）。"
            "ファイルを分けて登録してください"
        )


def cell_limit(field: str) -> int:
    """The longest text a field of an entry may hold: the directory's own column length
    where it has one (an ID 80, a name 200), else MAX_CELL_CHARS."""
    try:
        column = Service._meta.get_field("slug" if field == "id" else field)
    except FieldDoesNotExist:
        return MAX_CELL_CHARS
    return min(getattr(column, "max_length", None) or MAX_CELL_CHARS, MAX_CELL_CHARS)


def too_long(entries: Sequence[ServiceEntry]) -> list[Problem]:
    """Each text field of `entries` past its limit, by the entry's place and the field."""
    found = []
    for index, entry in enumerate(entries):
        for field, value in entry:
            if isinstance(value, str) and len(value) > (limit := cell_limit(field)):
                found.append(
                    Problem(index, field, f"長すぎます（{len(value):,} 文字、上限 {limit:,} 文字）")
                )
    return found
