"""Design-based estimates (推定) of the four indicators, overall and by domains."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from django.utils.translation import gettext as _

from tsunagari.surveys.design import Design, DesignError, DomainMeans, domain_means
from tsunagari.surveys.instruments import INDICATORS, Indicator
from tsunagari.surveys.intervals import (
    LEVEL,
    PROPORTION_METHODS,
    mean_interval,
    proportion_interval,
)
from tsunagari.surveys.microdata import Microdata
from tsunagari.surveys.results import (
    SMALL_CELL_N,
    SYNTHETIC_NOTICE,
    Cell,
    IndicatorEstimates,
    SurveyEstimates,
    natural,
)


class EstimationError(Exception):
    """The estimate cannot be made as asked (unknown column, single-PSU stratum, ...)."""


def estimate_survey(
    data: Microdata,
    by: Sequence[str] = (),
    lonely_psu: str = "fail",
    ci: str = "logit",
) -> SurveyEstimates:
    """All four indicators, overall and by each column in `by` (one breakdown per column).

    Raises EstimationError with a message a person can act on.
    """
    unknown = [column for column in by if column not in data.attributes]
    if unknown:
        available = ", ".join(data.attributes) or "(none)"
        raise EstimationError(
            _(
                "%(source)s: 集計区分の列 %(columns)s がありません。"
                "このファイルの属性列: %(available)s"
            )
            % {"source": data.source, "columns": ", ".join(unknown), "available": available}
        )
    if ci not in PROPORTION_METHODS:
        raise EstimationError(f"unknown interval method {ci!r}: use {PROPORTION_METHODS}")
    try:
        design = Design.of(data, lonely_psu)
    except DesignError as error:
        raise EstimationError(f"{data.source}: {error}") from None
    everyone = np.zeros(data.n, dtype=np.int64)
    indicators = {}
    for indicator in INDICATORS:
        y, answered = data.indicator_values(indicator.key)
        overall = _cells(indicator, domain_means(design, y, answered, everyone, 1), ci)[0]
        by_cells = {}
        for column in dict.fromkeys(by):
            attribute = data.attributes[column]
            means = domain_means(design, y, answered, attribute.codes, len(attribute.levels))
            cells = _cells(indicator, means, ci)
            order = sorted(range(len(attribute.levels)), key=lambda i: natural(attribute.levels[i]))
            by_cells[column] = {attribute.levels[i]: cells[i] for i in order}
        indicators[indicator.key] = IndicatorEstimates(overall, by_cells)
    return SurveyEstimates(data.n, indicators, _meta(data, design, ci, list(dict.fromkeys(by))))


def _cells(indicator: Indicator, means: DomainMeans, ci: str) -> list[Cell]:
    se = np.sqrt(means.variance)
    if indicator.is_proportion:
        low, high = proportion_interval(ci, means.estimate, se, means.n, means.df)
    else:
        low, high = mean_interval(means.estimate, se, means.df)
    return [Cell.of(*values) for values in zip(means.estimate, se, low, high, means.n, strict=True)]


def _meta(data: Microdata, design: Design, ci: str, by: list[str]) -> dict[str, object]:
    meta: dict[str, object] = {
        "source": data.source,
        "synthetic": data.synthetic,
        "design": {
            "weights": "weight" in data.design_columns,
            "strata": design.stratum_count if "stratum" in data.design_columns else None,
            "psus": design.psu_count if "psu" in data.design_columns else None,
            "nest": True,
            "lonely_psu": design.lonely_psu,
        },
        "variance": "Taylor linearisation, PSUs with replacement within strata",
        "confidence_level": LEVEL,
        "ci_method": {"proportion": ci, "mean": "t"},
        "degrees_of_freedom": "PSUs minus strata among the domain's respondents",
        "small_cell_n": SMALL_CELL_N,
        "breakdowns": list(by),
        "instruments": {i.key: i.instrument.key for i in INDICATORS},
        "mapping": data.mapping,
    }
    if data.synthetic:
        meta["notice"] = SYNTHETIC_NOTICE
    return meta
