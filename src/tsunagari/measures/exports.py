"""The plan as JSON, CSV and an .xlsx in the official 実施状況 table's layout."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from tsunagari.measures import damage
from tsunagari.measures.models import Indicator, Plan
from tsunagari.measures.queries import MeasureView, views_of
from tsunagari.spreadsheets import append_row, csv_text, new_workbook

XLSX_COLUMNS = (
    ("施策No.", 8),
    ("施策名", 28),
    ("施策の概要", 45),
    ("目標及び達成の期間", 45),
    ("目標の達成状況", 45),
    ("達成状況を踏まえた施策の見直し方針", 45),
    ("関連URL", 30),
    ("担当府省庁", 14),
)


def _number(value: Any) -> float | int | None:
    if value is None:
        return None
    return int(value) if value == int(value) else float(value)


def indicator_dict(indicator: Indicator) -> dict[str, Any]:
    return {
        "name": indicator.name,
        "unit": indicator.unit,
        "direction": indicator.direction,
        "target_value": _number(indicator.target_value),
        "target_year": indicator.target_year,
        "target_year_kind": "fiscal" if indicator.target_year_is_fiscal else "calendar",
        "source": indicator.source_field,
        "source_sentence": indicator.source_sentence,
        "needs_review": indicator.needs_review,
        "observations": [
            {
                "fiscal_year": o.fiscal_year,
                "value": _number(o.value),
                "achievement": o.achievement,
                "source_sentence": o.source_sentence,
                "needs_review": o.needs_review,
            }
            for o in indicator.observations.all()
        ],
    }


def measure_dict(view: MeasureView) -> dict[str, Any]:
    """A measure as the API and the exports give it. A field the source table damaged is
    null, and `incomplete` gives its excerpt with the reasons (measures.damage)."""
    measure, heading, review = view.measure, view.heading, view.review
    texts = {
        "overview": (measure.overview, measure.damaged.get("overview")),
        "target": (measure.target, measure.damaged.get("target")),
        "achievement": (
            (review.achievement_text, review.damaged.get("achievement_text"))
            if review
            else ("", None)
        ),
        "review": (
            (review.policy_text, review.damaged.get("policy_text")) if review else ("", None)
        ),
    }
    return {
        "no": measure.number if measure.number is not None else measure.page,
        "name": measure.name,
        "ministries": view.ministries,
        "pillar": heading.pillar.title if heading else "",
        "heading": heading.title if heading else "",
        **{key: None if codes else text for key, (text, codes) in texts.items()},
        "incomplete": {
            key: damage.incomplete(text, codes) for key, (text, codes) in texts.items() if codes
        },
        "urls": list(measure.urls),
        "indicators": [indicator_dict(i) for i in measure.indicators.all()],
    }


def to_json(plan: Plan) -> str:
    return json.dumps(
        {"measures": [measure_dict(v) for v in views_of(plan)]}, ensure_ascii=False, indent=2
    )


def _cell(data: dict[str, Any], key: str) -> str:
    damaged = data["incomplete"].get(key)
    if damaged is None:
        return str(data[key])
    return damage.marked(str(damaged["excerpt"]), list(damaged["reasons"]))


def _row(view: MeasureView) -> list[Any]:
    data = measure_dict(view)
    return [
        data["no"],
        data["name"],
        *(_cell(data, key) for key in ("overview", "target", "achievement", "review")),
        "\n".join(data["urls"]),
        "\n".join(data["ministries"]),
    ]


def to_csv(plan: Plan) -> str:
    return csv_text(
        ["基本方針", "項目", *[c for c, _ in XLSX_COLUMNS]],
        (
            [view.heading.pillar.title, view.heading.title, *_row(view)]
            if view.heading
            else ["", "", *_row(view)]
            for view in views_of(plan)
        ),
    )


def write_xlsx(plan: Plan, path: Path) -> None:
    """One sheet like the official table: title, header, then pillar and heading rows
    above their measures."""
    book, sheet = new_workbook("実施状況")
    append_row(sheet, [f"「{plan.title}」「Ⅲ.具体的施策」の実施状況"])
    sheet["A1"].font = Font(bold=True, size=12)
    append_row(sheet, [c for c, _ in XLSX_COLUMNS])
    for index, (_, width) in enumerate(XLSX_COLUMNS, start=1):
        cell = sheet.cell(row=2, column=index)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="D9E1F2")
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A3"
    shown: set[tuple[int, int]] = set()
    for view in views_of(plan):
        heading = view.heading
        if heading and (heading.pillar.number, 0) not in shown:
            shown.add((heading.pillar.number, 0))
            append_row(sheet, [f"({heading.pillar.number}){heading.pillar.title}"])
            sheet.cell(row=sheet.max_row, column=1).font = Font(bold=True)
        if heading and (heading.pillar.number, heading.number) not in shown:
            shown.add((heading.pillar.number, heading.number))
            append_row(sheet, [f"{heading.mark}{heading.title}"])
        append_row(sheet, _row(view))
        for cell in sheet[sheet.max_row]:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    book.save(path)
