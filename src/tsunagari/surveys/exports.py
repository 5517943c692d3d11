"""Estimates as CSV files and as a plain-text table for the terminal (出力)."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from django.utils.translation import gettext as _

from tsunagari.spreadsheets import csv_text
from tsunagari.surveys import variables
from tsunagari.surveys.evaluate import CAVEAT, MEASURES, Evaluation, PairedChange
from tsunagari.surveys.instruments import INDICATORS_BY_KEY
from tsunagari.surveys.results import SMALL_CELL_N, SYNTHETIC_NOTICE, Cell, SurveyEstimates

DATA_STATUS_SYNTHETIC = "SYNTHETIC"
ESTIMATE_COLUMNS = ["estimate", "se", "ci_low", "ci_high", "n", "small"]


def _number(value: float | None) -> str:
    return "" if value is None else repr(value)


def _cell_fields(cell: Cell) -> list[str]:
    return [
        _number(cell.estimate),
        _number(cell.se),
        _number(cell.ci_low),
        _number(cell.ci_high),
        str(cell.n),
        "1" if cell.small else "0",
    ]


def estimates_csv(estimates: SurveyEstimates, year: int | None = None) -> str:
    """One row per indicator and domain; every row says SYNTHETIC when the data are."""
    status = DATA_STATUS_SYNTHETIC if estimates.synthetic else ""
    ci = estimates.meta.get("ci_method", {}).get("proportion", "")
    rows = []
    for row in estimates.rows():
        indicator = INDICATORS_BY_KEY[row.indicator]
        method = ci if indicator.is_proportion else "t"
        rows.append(
            [
                *("" if year is None else str(year), status, estimates.meta.get("source", "")),
                *(row.indicator, indicator.instrument.key, row.breakdown, row.level),
                *_cell_fields(row.cell),
                method,
            ]
        )
    header = [
        *("survey_year", "data_status", "source", "indicator", "instrument"),
        *("breakdown", "level", *ESTIMATE_COLUMNS, "ci_method"),
    ]
    return csv_text(header, rows, lineterminator="\n")


def trend_csv(points: Iterable[tuple[int, SurveyEstimates]], synthetic: bool) -> str:
    status = DATA_STATUS_SYNTHETIC if synthetic else ""
    rows = (
        [
            str(year),
            status,
            key,
            INDICATORS_BY_KEY[key].instrument.key,
            *_cell_fields(result.overall),
        ]
        for year, estimates in points
        for key, result in estimates.indicators.items()
    )
    header = ["survey_year", "data_status", "indicator", "instrument", *ESTIMATE_COLUMNS]
    return csv_text(header, rows, lineterminator="\n")


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _pad(text: str, width: int, right: bool = False) -> str:
    space = " " * max(0, width - _width(text))
    return space + text if right else text + space


def format_cell(cell: Cell, proportion: bool) -> list[str]:
    """Estimate, SE and interval as people read them: percentages for proportions."""
    if cell.estimate is None:
        return ["—", "—", "—"]
    scale, digits = (100, 1) if proportion else (1, 2)
    unit = "%" if proportion else ""

    def show(value: float | None, places: int = digits) -> str:
        return "—" if value is None else f"{value * scale:.{places}f}"

    interval = f"[{show(cell.ci_low)}, {show(cell.ci_high)}]"
    return [f"{show(cell.estimate)}{unit}", show(cell.se, digits + 1), interval]


def format_table(estimates: SurveyEstimates) -> str:
    """The readable table printed by `tsunagari survey estimate` without --json."""
    lines = []
    if estimates.synthetic:
        lines += [str(estimates.meta.get("notice", DATA_STATUS_SYNTHETIC)), ""]
    meta = estimates.meta
    lines.append(
        _("ファイル: %(source)s　回答者: %(n)d　95%%信頼区間（割合: %(ci)s、平均: t）")
        % {
            "source": meta.get("source", ""),
            "n": estimates.n,
            "ci": meta["ci_method"]["proportion"],
        }
    )
    header = ["", _("推定値"), _("標準誤差"), _("95%信頼区間"), "n"]
    widths = [26] + [
        max(w, _width(h) + 2) for h, w in zip(header[1:], (10, 10, 20, 8), strict=True)
    ]
    for key, result in estimates.indicators.items():
        indicator = INDICATORS_BY_KEY[key]
        lines += ["", f"{indicator.label} [{key}]"]
        lines.append(
            "".join(_pad(h, w, i > 0) for i, (h, w) in enumerate(zip(header, widths, strict=True)))
        )
        rows: list[tuple[str, Cell | None]] = [(_("全体"), result.overall)]
        for column, cells in result.by.items():
            rows.append((variables.label(column), None))
            rows += [(f"  {level}", cell) for level, cell in cells.items()]
        for label, maybe_cell in rows:
            if maybe_cell is None:
                lines.append(label)
                continue
            flag = " *" if maybe_cell.small else ""
            fields = [*format_cell(maybe_cell, indicator.is_proportion), f"{maybe_cell.n}{flag}"]
            lines.append(
                _pad(label, widths[0])
                + "".join(_pad(f, w, True) for f, w in zip(fields, widths[1:], strict=True))
            )
    lines += [
        "",
        _("* 回答者が%(n)d人未満の区分：参考値（公表統計では秘匿または注記の対象）")
        % {"n": SMALL_CELL_N},
    ]
    return "\n".join(lines) + "\n"


def format_evaluation(evaluation: Evaluation) -> str:
    """The readable report printed by `tsunagari survey evaluate` without --json."""
    lines = []
    if evaluation.synthetic:
        lines += [SYNTHETIC_NOTICE, ""]
    lines.append(
        _("事前: %(pre)s（%(n_pre)d人）　事後: %(post)s（%(n_post)d人）")
        % {
            "pre": evaluation.pre_source,
            "n_pre": evaluation.n_pre,
            "post": evaluation.post_source,
            "n_post": evaluation.n_post,
        }
    )
    lines.append(
        _("事後に回答のなかった人: %(lost)d人　事後のみの人: %(late)d人")
        % {"lost": evaluation.n_dropped_out, "late": evaluation.n_joined_late}
    )
    for key, change in evaluation.measures.items():
        lines += ["", f"{MEASURES[key][1]} [{key}]"]
        lines += [f"  {label}: {value}" for label, value in evaluation_rows(change)]
    lines += ["", str(CAVEAT)]
    return "\n".join(lines) + "\n"


def evaluation_rows(change: PairedChange) -> list[tuple[str, str]]:
    """Label and value of each statistic, shared by the terminal report and the page."""

    def show(value: float | None, digits: int = 2) -> str:
        return "—" if value is None else f"{value:.{digits}f}"

    def p_value(value: float | None) -> str:
        return "—" if value is None else ("< 0.001" if value < 0.001 else f"= {value:.3f}")

    return [
        (_("対になった回答者（n）"), str(change.n_paired)),
        (_("対にならなかった事前回答者"), str(change.n_lost)),
        (_("事前の平均"), show(change.mean_pre)),
        (_("事後の平均"), show(change.mean_post)),
        (
            _("平均の変化（事後−事前）と95%信頼区間"),
            f"{show(change.mean_change)} "
            f"[{show(change.change_ci_low)}, {show(change.change_ci_high)}]",
        ),
        (
            _("対応のある t 検定"),
            f"t({change.t_df if change.t_df is not None else '—'}) = {show(change.t)}, "
            f"p {p_value(change.t_p)}",
        ),
        (
            _("ウィルコクソンの符号付順位検定"),
            f"V = {show(change.wilcoxon_v, 1)}, p {p_value(change.wilcoxon_p)}"
            + (f" ({change.wilcoxon_method})" if change.wilcoxon_method else ""),
        ),
        (
            _("効果量 Cohen の dz と95%信頼区間"),
            f"{show(change.dz)} [{show(change.dz_ci_low)}, {show(change.dz_ci_high)}]",
        ),
    ]
