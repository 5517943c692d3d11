"""The bulk-upload template (一括登録の様式): one row per window or place, Japanese column
headers, as staff fill it in Excel (xlsx) or save it as CSV; and HSDS 3.0 JSON.

`read_upload` turns a file into directory entries or raises Rejected, naming every problem
by its row and column (「3行目「電話番号」: …」), or UploadError for a file that cannot be
read or is past a limit (tsunagari.localhelp.limits). Nothing is written here.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import re
import tempfile
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.utils import timezone
from pydantic import ValidationError

from tsunagari.directory.areas import municipality
from tsunagari.directory.bundle import DirectoryFileError, ServiceEntry
from tsunagari.directory.hsds import read_hsds_file
from tsunagari.directory.models import Service
from tsunagari.directory.taxonomy import load_taxonomy
from tsunagari.localhelp import limits
from tsunagari.localhelp.changes import Problem, organization_slug
from tsunagari.spreadsheets import append_row, csv_text, new_workbook
from tsunagari.staff.models import Body


@dataclass(frozen=True)
class Column:
    header: str
    field: str
    example: str
    required: bool = False


COLUMNS = (
    Column("ID", "id", "chiyoda-kodomo-shokudo-1"),
    Column("種別", "scope", "居場所", True),
    Column("窓口の種類", "local_kind", ""),  # for a window: 地域包括支援センター, …
    Column("名称", "name", "かんだこども食堂", True),
    Column("名称（英語）", "name_en", "Kanda Children's Cafeteria"),
    Column("説明", "description", "毎月第2土曜日に、こどもと家族が一緒に食事できます。", True),
    Column("説明（英語）", "description_en", ""),
    Column("地域コード", "area", "131016"),
    Column("住所", "address", "東京都千代田区神田1-1-1"),
    Column("郵便番号", "postcode", "101-0000"),
    Column("電話番号", "phones", ""),
    Column("曜日", "days", "土"),
    Column("開始時刻", "opens", "11:00"),
    Column("終了時刻", "closes", "14:00"),
    Column("受付時間の補足", "hours_note", "第2土曜日のみ"),
    Column("祝日", "holidays", "不明"),
    Column("対象となる人", "eligibility", "区内のこどもと家族"),
    Column("費用", "fees", "こども無料、おとな300円"),
    Column("交通・行き方", "access", "神田駅から徒歩5分"),
    Column("バリアフリー・配慮", "accessibility", "車いすで入れます"),
    Column("困りごと", "needs", "food, community", True),
    Column("対象", "audiences", "child, family"),
    Column("相談方法", "methods", "in-person", True),
    Column("ウェブサイト", "url", ""),
    Column("情報源URL", "source_url", "https://www.city.chiyoda.lg.jp/", True),
    Column("情報源の日付", "source_date", "2026-11"),
    Column("確認日", "verified_on", ""),
)
BY_FIELD = {c.field: c for c in COLUMNS}
BY_HEADER = {c.header: c for c in COLUMNS}
SCOPES = {
    "窓口": "local",
    "地域の窓口": "local",
    "居場所": "place",
    "local": "local",
    "place": "place",
}
DAYS = {"月": "MO", "火": "TU", "水": "WE", "木": "TH", "金": "FR", "土": "SA", "日": "SU"}
DAY_WORDS = {"毎日": "daily", "平日": "weekdays", "土日": "weekends"}
HOLIDAYS = {"受付": "open", "休み": "closed", "不明": "unknown", "": "unknown"}
SPLIT = re.compile(r"[,、，・\s/／]+")
FIRST_ROW = 2  # row 1 holds the headers


class UploadError(ValueError):
    """The file itself cannot be read (format, headers); says what and how to fix it."""


@dataclass(frozen=True)
class Upload:
    """The entries of a file and where each was: its row (xlsx/CSV) or item (HSDS)."""

    entries: list[ServiceEntry]
    places: list[int]
    hsds: bool = False

    def located(self, problems: list[Problem]) -> list[Problem]:
        """Problems found in the entries (by position) named by their row or item."""
        return [Problem(self.places[p.index], p.field, p.message) for p in problems]

    def describe(self, problem: Problem) -> str:
        return problem_text(problem, self.hsds)


def template_rows() -> list[list[str]]:
    return [[c.header for c in COLUMNS], [c.example for c in COLUMNS]]


def template_csv() -> bytes:
    header, *rows = template_rows()
    return csv_text(header, rows).encode("utf-8-sig")  # Excel opens UTF-8 CSV with a BOM correctly


def template_xlsx() -> bytes:
    book, sheet = new_workbook("窓口・居場所")
    for row in template_rows():
        append_row(sheet, row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def read_upload(name: str, content: bytes, body: Body) -> Upload:
    """Entries of an xlsx, CSV or HSDS JSON file; raises UploadError, or Rejected with
    problems named by row (or HSDS item)."""
    from tsunagari.localhelp.changes import Rejected

    try:
        limits.check_size(len(content))
        found = _read(Path(name).suffix.lower(), content, body)
        limits.check_entries(len(found.entries))
    except limits.TooLarge as error:
        raise UploadError(str(error)) from None
    problems = limits.too_long(found.entries)
    if problems:
        raise Rejected(found.located(problems))
    return found


def _read(suffix: str, content: bytes, body: Body) -> Upload:
    if suffix == ".json":
        entries = _hsds(content)
        return Upload(entries, list(range(len(entries))), hsds=True)
    if suffix not in (".xlsx", ".csv"):
        raise UploadError("xlsx・CSV・HSDS JSON のどれかのファイルを選んでください")
    if suffix == ".xlsx":
        limits.check_unpacked(content)
    rows = _xlsx_rows(content) if suffix == ".xlsx" else _csv_rows(content)
    first = next(rows, None)
    if first is None:
        raise UploadError("ファイルに見出しの行がありません")
    headers = [str(h or "").strip() for h in first]
    unknown = [h for h in headers if h and h not in BY_HEADER]
    missing = [c.header for c in COLUMNS if c.required and c.header not in headers]
    if unknown or missing:
        raise UploadError(
            "見出しが様式と合いません（"
            + "、".join(
                [f"不明な列「{h}」" for h in unknown] + [f"列「{h}」がない" for h in missing]
            )
            + "）。様式をダウンロードして使ってください"
        )
    return _entries(headers, _filled(rows), body)


def _filled(rows: Iterator[list[Any]]) -> list[tuple[int, list[Any]]]:
    """The rows after the headers that hold anything, each with its number in the file;
    raises TooLarge past MAX_ROWS (blank rows, which Excel keeps by the thousand, are
    neither kept nor counted)."""
    found = []
    for number, row in enumerate(rows, start=FIRST_ROW):
        if any(value not in (None, "") for value in row):
            found.append((number, row))
            limits.check_rows(len(found))
    return found


def _csv_rows(content: bytes) -> Iterator[list[str]]:
    for encoding in ("utf-8-sig", "cp932"):  # Excel saves CSV as Shift_JIS on Japanese Windows
        try:
            text = content.decode(encoding)
        except UnicodeDecodeError:
            continue
        reader = csv.reader(io.StringIO(text))
        try:
            yield from reader
        except csv.Error:
            raise UploadError(
                f"CSV の {reader.line_num} 行目が読めません（セルが長すぎるか、"
                '「"」が閉じていません）'
            ) from None
        return
    raise UploadError("CSV の文字コードが読めません。UTF-8 で保存してください")


def _xlsx_rows(content: bytes) -> Iterator[list[Any]]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a file that is not xlsx
        raise UploadError("xlsx ファイルとして読めません") from error
    for row in book.worksheets[0].iter_rows(values_only=True):
        yield list(row)


def _entries(headers: list[str], rows: list[tuple[int, list[Any]]], body: Body) -> Upload:
    from tsunagari.localhelp.changes import Rejected

    entries: list[ServiceEntry] = []
    places: list[int] = []
    problems: list[Problem] = []
    for index, raw in rows:
        cells = {BY_HEADER[h].field: _text(v) for h, v in zip(headers, raw, strict=False) if h}
        if not any(cells.values()):
            continue
        try:
            entries.append(_entry(cells, body))
            places.append(index)
        except _CellError as error:
            problems.append(Problem(index, error.field, error.message))
        except ValidationError as error:
            problems += [_from_pydantic(index, e) for e in error.errors()]
    if problems:
        raise Rejected(problems)
    return Upload(entries, places)


def _text(value: Any) -> str:
    if isinstance(value, dt.datetime | dt.date):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    return unicodedata.normalize("NFKC", str(value)).strip() if value is not None else ""


class _CellError(ValueError):
    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field, self.message = field, message


def _from_pydantic(index: int, error: Any) -> Problem:
    loc = [str(p) for p in error["loc"]]
    field = loc[0] if loc else ""
    field = {"schedules": "days", "phones": "phones", "organization": "id"}.get(field, field)
    if field not in BY_FIELD:
        field = ""
    return Problem(index, field, str(error["msg"]).removeprefix("Value error, "))


def _entry(cells: dict[str, str], body: Body) -> ServiceEntry:
    scope = SCOPES.get(cells.get("scope", ""))
    if scope is None:
        raise _CellError("scope", "「窓口」か「居場所」と書いてください")
    return ServiceEntry.model_validate(
        {
            "id": cells.get("id") or _slug(body, cells.get("name", "")),
            "scope": scope,
            "local_kind": _kind(cells.get("local_kind", "")),
            "organization": organization_slug(body),
            "area": _area(cells.get("area", ""), body),
            "phones": [{"number": n} for n in SPLIT.split(cells.get("phones", "")) if n],
            "schedules": _schedules(cells),
            "holidays": _holidays(cells.get("holidays", "")),
            "needs": _codes("needs", cells.get("needs", "")),
            "audiences": _codes("audiences", cells.get("audiences", "")),
            "methods": _codes("methods", cells.get("methods", "")),
            "languages": ["ja"],
            "verified_on": cells.get("verified_on") or timezone.localdate().isoformat(),
            **{
                field: cells.get(field, "")
                for field in (
                    "name",
                    "name_en",
                    "description",
                    "description_en",
                    "address",
                    "postcode",
                    "hours_note",
                    "eligibility",
                    "fees",
                    "access",
                    "accessibility",
                    "url",
                    "source_url",
                    "source_date",
                )
            },
        }
    )


def _slug(body: Body, name: str) -> str:
    """A stable id for a row without one: the body and the name (the same row, the same id)."""
    return f"local-{body.code}-{hashlib.sha1(name.encode()).hexdigest()[:10]}".lower()


def _kind(value: str) -> str:
    if not value:
        return ""
    found = Service.objects.filter(scope=Service.Scope.LOCAL_KIND).filter(slug=value).first()
    found = (
        found
        or Service.objects.filter(scope=Service.Scope.LOCAL_KIND, name__startswith=value).first()
    )
    if found is None:
        raise _CellError("local_kind", f"「{value}」という窓口の種類はありません")
    return found.slug


def _area(value: str, body: Body) -> dict[str, list[str]]:
    codes = [c for c in SPLIT.split(value) if c] or [body.code]
    prefectures = [c for c in codes if re.fullmatch(r"\d{2}", c)]
    municipalities = []
    for code in codes:
        if code in prefectures:
            continue
        found = municipality(code) if re.fullmatch(r"\d{5,6}", code) else None
        if found is None:
            raise _CellError(
                "area", f"{code} は都道府県（2桁）・市区町村（6桁）のコードではありません"
            )
        municipalities.append(found.code)
    return {"prefectures": prefectures, "municipalities": municipalities}


def _schedules(cells: dict[str, str]) -> list[dict[str, Any]]:
    days, opens, closes = cells.get("days", ""), cells.get("opens", ""), cells.get("closes", "")
    if not (days or opens or closes):
        return []
    if not (days and opens and closes):
        field = "days" if not days else "opens" if not opens else "closes"
        raise _CellError(field, "曜日・開始時刻・終了時刻はそろえて書いてください")
    if days in DAY_WORDS:
        return [{"days": DAY_WORDS[days], "opens": opens, "closes": closes}]
    codes = [DAYS.get(d) for d in SPLIT.split(days.replace("曜日", "").replace("曜", "")) if d]
    if not codes or None in codes:
        raise _CellError("days", "曜日は「月,水,金」や「平日」「毎日」のように書いてください")
    return [{"days": codes, "opens": opens, "closes": closes}]


def _holidays(value: str) -> str:
    if value not in HOLIDAYS:
        raise _CellError("holidays", "「受付」「休み」「不明」のどれかを書いてください")
    return HOLIDAYS[value]


def _codes(kind: str, value: str) -> list[str]:
    """Taxonomy codes, or their Japanese names (食料支援 → food)."""
    vocabulary = load_taxonomy().of(kind)
    by_name = {term.ja: code for code, term in vocabulary.items()}
    codes = []
    for word in (w for w in SPLIT.split(value) if w):
        code = word if word in vocabulary else by_name.get(word)
        if code is None:
            raise _CellError(
                kind, f"「{word}」は分類にありません（例: {', '.join(list(vocabulary)[:3])}）"
            )
        codes.append(code)
    return codes


def _hsds(content: bytes) -> list[ServiceEntry]:
    from tsunagari.localhelp.changes import Rejected

    with tempfile.NamedTemporaryFile(suffix=".json") as handle:
        handle.write(content)
        handle.flush()
        try:
            bundle = read_hsds_file(Path(handle.name))
        except RecursionError:
            raise UploadError("HSDS JSON の入れ子が深すぎて読めません") from None
        except DirectoryFileError as error:
            raise Rejected(
                [Problem(_item(p), "", p.split(": ", 1)[-1]) for p in error.problems]
            ) from None
    return list(bundle.services)


def _item(problem: str) -> int:
    found = re.search(r"\[(\d+)\]", problem)
    return int(found.group(1)) if found else 0


def problem_text(problem: Problem, hsds: bool = False) -> str:
    """「3行目「電話番号」: …」 for a row; 「項目 0: …」 for an HSDS service."""
    if hsds:
        field = f"「{problem.field}」" if problem.field else ""
        return f"項目 {problem.index}{field}: {problem.message}"
    column = BY_FIELD.get(problem.field)
    where = f"{problem.index}行目" + (f"「{column.header}」" if column else "")
    return f"{where}: {problem.message}"
