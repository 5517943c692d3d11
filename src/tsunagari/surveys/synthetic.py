"""Synthetic microdata (合成データ) for demonstrations, tests and benchmarks: never real results.

The design imitates the national survey's: strata by region and city size, survey
districts as PSUs with about twenty people sampled in each, age-dependent non-response
adjusted in the weights, item non-response, and loneliness that varies by age, sex, district
and year. Every row says SYNTHETIC in its `synthetic` column, so the label travels with the
file into every table, chart and download made from it.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from tsunagari.spreadsheets import csv_text
from tsunagari.surveys.instruments import SYNTHETIC_VALUE

AGE_GROUPS = ("16-19", "20-29", "30-39", "40-49", "50-59", "60-69", "70-79", "80+")
AGE_SHARES = (0.04, 0.11, 0.12, 0.15, 0.15, 0.14, 0.16, 0.13)
AGE_RESPONSE = (0.35, 0.38, 0.45, 0.52, 0.58, 0.66, 0.70, 0.55)
AGE_LONELINESS = (0.15, 0.30, 0.25, 0.20, 0.10, -0.15, -0.20, -0.05)
SEXES = ("男性", "女性", "回答しない")
SEX_SHARES = (0.485, 0.51, 0.005)
SEX_LONELINESS = (0.05, 0.0, 0.3)
REGIONS = {
    "北海道": 0.041,
    "東北": 0.068,
    "関東": 0.348,
    "中部": 0.168,
    "近畿": 0.176,
    "中国": 0.058,
    "四国": 0.029,
    "九州・沖縄": 0.112,
}
CITY_SIZES = {"大都市": 0.30, "中都市": 0.45, "小都市・町村": 0.25}
POPULATION_16_PLUS = 110_000_000
YEAR_EFFECT = {2021: 0.0, 2022: 0.04, 2023: 0.07, 2024: 0.05}
PSU_SD = 0.25
DIRECT_CUTS = (-0.7, 0.36, 0.97, 1.8)  # η above the last cut: しばしばある・常にある
UCLA_CUTS = (-0.15, 0.72, 1.62)

COLUMNS = ("id", "weight", "stratum", "psu", "q_direct", "ucla_1", "ucla_2", "ucla_3")

Array = npt.NDArray[np.float64]
Ints = npt.NDArray[np.int64]


def generate_survey(year: int, respondents: int = 5000, seed: int | None = None) -> str:
    """One year's synthetic microdata as CSV text, about `respondents` rows."""
    rng = np.random.default_rng(year if seed is None else seed)
    strata = [(r, c, rs * cs) for r, rs in REGIONS.items() for c, cs in CITY_SIZES.items()]
    psu_size = 20
    psus = max(2 * len(strata), round(respondents / 0.55 / psu_size))
    per_stratum = [max(2, round(psus * share)) for _, _, share in strata]
    stratum = np.repeat(np.arange(len(strata)), np.array(per_stratum) * psu_size)
    local_psu = np.concatenate([np.repeat(np.arange(m), psu_size) for m in per_stratum])
    psu_effect = rng.normal(0, PSU_SD, size=sum(per_stratum))[
        np.repeat(np.arange(sum(per_stratum)), psu_size)
    ]
    base_weight = np.array(
        [
            POPULATION_16_PLUS * s / (m * psu_size)
            for (_, _, s), m in zip(strata, per_stratum, strict=True)
        ]
    )[stratum]
    age = rng.choice(len(AGE_GROUPS), size=len(stratum), p=AGE_SHARES)
    sex = rng.choice(len(SEXES), size=len(stratum), p=SEX_SHARES)
    responded = rng.random(len(stratum)) < np.asarray(AGE_RESPONSE)[age]
    weight = _nonresponse_adjusted(base_weight, age * len(SEXES) + sex, responded)
    latent = (
        np.asarray(AGE_LONELINESS)[age]
        + np.asarray(SEX_LONELINESS)[sex]
        + psu_effect
        + YEAR_EFFECT.get(year, 0.05)
        + rng.normal(0, 0.8, size=len(stratum))
    )[responded]
    age, sex, stratum, local_psu = (
        age[responded],
        sex[responded],
        stratum[responded],
        local_psu[responded],
    )
    elderly = age == len(AGE_GROUPS) - 1
    direct = 5 - np.searchsorted(DIRECT_CUTS, latent + rng.normal(0, 0.6, len(latent)))
    direct = _blank_some(rng, direct, 0.015 + 0.02 * elderly)
    items = [
        _blank_some(
            rng,
            1 + np.searchsorted(UCLA_CUTS, 0.9 * latent + rng.normal(0, 0.55, len(latent))),
            0.02 + 0.03 * elderly,
        )
        for _ in range(3)
    ]
    rows = zip(
        (f"{year}-{i + 1:06d}" for i in range(len(latent))),
        (f"{w:.3f}" for w in weight[responded]),
        (f"{strata[h][0]}・{strata[h][1]}" for h in stratum),
        (f"P{p + 1:03d}" for p in local_psu),
        *(_codes(column) for column in (direct, *items)),
        (AGE_GROUPS[a] for a in age),
        (SEXES[s] for s in sex),
        (strata[h][0] for h in stratum),
        strict=True,
    )
    return _csv([*COLUMNS, "age_group", "sex", "region", "synthetic"], rows)


def generate_programme(participants: int = 150, seed: int = 7) -> tuple[str, str]:
    """An NPO programme's before and after questionnaires (UCLA-3 and direct question).

    Participants start lonelier than the population; some improve, scores regress towards
    the mean, a sixth drop out and a few join only after the start.
    """
    rng = np.random.default_rng(seed)
    before = rng.normal(0.9, 0.7, participants)
    after = 0.9 + 0.7 * (before - 0.9) - 0.25 + rng.normal(0, 0.45, participants)
    age = rng.choice(len(AGE_GROUPS), size=participants, p=AGE_SHARES)
    sex = rng.choice(2, size=participants)
    stayed = rng.random(participants) > 1 / 6
    newcomers = max(1, participants // 30)
    ids = [f"P{i + 1:04d}" for i in range(participants + newcomers)]
    late = rng.normal(0.9, 0.7, newcomers)
    pre = _programme_rows(rng, ids[:participants], before, age, sex)
    post_ids = [ids[i] for i in np.flatnonzero(stayed)] + ids[participants:]
    post_latent = np.concatenate([after[stayed], late])
    post_age = np.concatenate([age[stayed], rng.choice(len(AGE_GROUPS), newcomers)])
    post_sex = np.concatenate([sex[stayed], rng.choice(2, newcomers)])
    post = _programme_rows(rng, post_ids, post_latent, post_age, post_sex)
    header = ["id", "q_direct", "ucla_1", "ucla_2", "ucla_3", "age_group", "sex", "synthetic"]
    return _csv(header, pre), _csv(header, post)


def _programme_rows(
    rng: np.random.Generator, ids: list[str], latent: Array, age: Ints, sex: Ints
) -> zip[tuple[str, ...]]:
    direct = 5 - np.searchsorted(DIRECT_CUTS, latent + rng.normal(0, 0.6, len(latent)))
    items = [
        _blank_some(
            rng, 1 + np.searchsorted(UCLA_CUTS, latent + rng.normal(0, 0.5, len(ids))), 0.02
        )
        for _ in range(3)
    ]
    return zip(
        ids,
        *(_codes(column) for column in (_blank_some(rng, direct, 0.02), *items)),
        (AGE_GROUPS[a] for a in age),
        (SEXES[s] for s in sex),
        strict=True,
    )


def _nonresponse_adjusted(base: Array, cell: Ints, responded: npt.NDArray[np.bool_]) -> Array:
    """Base weights scaled within age × sex cells so respondents stand for the sample."""
    sampled = np.bincount(cell, weights=base)
    answered = np.bincount(cell, weights=base * responded, minlength=len(sampled))
    with np.errstate(invalid="ignore", divide="ignore"):
        factor = np.where(answered > 0, sampled / answered, 0.0)
    return base * factor[cell]


def _blank_some(rng: np.random.Generator, codes: Ints, share: Array | float) -> Ints:
    codes = codes.astype(np.int64)
    codes[rng.random(len(codes)) < share] = 0
    return codes


def _codes(column: Ints) -> list[str]:
    return ["" if code == 0 else str(code) for code in column.tolist()]


def _csv(header: list[str], rows: zip[tuple[str, ...]]) -> str:
    return csv_text(header, ((*row, SYNTHETIC_VALUE) for row in rows), lineterminator="\n")
