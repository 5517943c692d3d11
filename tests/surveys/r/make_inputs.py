"""Write the small input files that R's `survey` package is run on (tests/surveys/fixtures/).

Run `python tests/surveys/r/make_inputs.py` then `Rscript tests/surveys/r/reference.R`;
commit both the inputs and the reference values. The inputs exercise what the estimates must
get right: strata of different sizes, PSU labels repeated across strata (nesting), unequal
weights, item non-response, answers written as Japanese labels, blank attributes, a domain
where a proportion is exactly 0 or 1, small domains and strata with a single PSU.
"""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
DIRECT_LABELS = ["しばしばある・常にある", "時々ある", "たまにある", "ほとんどない", "決してない"]
UCLA_LABELS = ["決してない", "ほとんどない", "時々ある", "常にある"]
AGES = ["16-29", "30-49", "50-69", "70+"]


def survey_rows(
    rng: np.random.Generator, psus_per_stratum: list[int], design: bool = True
) -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []
    for h, psus in enumerate(psus_per_stratum):
        stratum_weight = float(rng.uniform(300, 3000))
        for p in range(psus):
            effect = rng.normal(0, 0.4)
            for _ in range(int(rng.integers(5, 26))):
                rows.append(respondent(rng, len(rows), h, p, stratum_weight, effect, design))
    add_degenerate_domain(rows)
    return rows


def respondent(
    rng: np.random.Generator,
    index: int,
    stratum: int,
    psu: int,
    stratum_weight: float,
    effect: float,
    design: bool,
) -> dict[str, str]:
    age = int(rng.choice(4, p=[0.2, 0.3, 0.3, 0.2]))
    latent = [0.3, 0.2, 0.0, -0.2][age] + effect + rng.normal(0, 1)
    direct = 5 - int(np.searchsorted([-0.7, 0.3, 0.9, 1.6], latent + rng.normal(0, 0.5)))
    items = [
        1 + int(np.searchsorted([-0.2, 0.7, 1.5], latent + rng.normal(0, 0.6))) for _ in range(3)
    ]
    row = {"id": f"R{index + 1:05d}"}
    if design:
        row["weight"] = f"{stratum_weight * float(rng.lognormal(0, 0.4)):.2f}"
        row["stratum"] = f"S{stratum + 1:02d}"
        row["psu"] = str(psu + 1)  # the same labels in every stratum: PSUs are nested
    row["q_direct"] = answer(rng, direct, DIRECT_LABELS)
    for j, item in enumerate(items, start=1):
        row[f"ucla_{j}"] = answer(rng, item, UCLA_LABELS)
    sex = rng.choice(["男性", "女性", "回答しない", ""], p=[0.47, 0.47, 0.03, 0.03])
    row["age_group"] = AGES[age]
    row["sex"] = str(sex)
    return row


def answer(rng: np.random.Generator, code: int, labels: list[str]) -> str:
    draw = rng.random()
    if draw < 0.08:
        return ""
    if draw < 0.18:
        return labels[code - 1]
    return str(code)


def add_degenerate_domain(rows: list[dict[str, str]]) -> None:
    """Five respondents of their own age group who all answer 「たまにある」 and low UCLA."""
    for row in rows[3:23:4]:
        row["age_group"] = "90+"
        row["q_direct"] = "3"
        row["ucla_1"], row["ucla_2"], row["ucla_3"] = "1", "2", "1"


def write(name: str, rows: list[dict[str, str]]) -> None:
    with (FIXTURES / name).open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def programme_rows(
    rng: np.random.Generator, people: int, shift: float
) -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    before = rng.normal(0.8, 0.8, people)
    after = 0.8 + 0.7 * (before - 0.8) + shift + rng.normal(0, 0.5, people)
    pre, post = [], []
    for i in range(people):
        pre.append(programme_row(rng, i, before[i]))
        if rng.random() > 0.15:
            post.append(programme_row(rng, i, after[i]))
    post.append(programme_row(rng, people + 1, 0.5))  # joined after the start
    return pre, post


def programme_row(rng: np.random.Generator, i: int, latent: float) -> dict[str, str]:
    direct = 5 - int(np.searchsorted([-0.7, 0.3, 0.9, 1.6], latent + rng.normal(0, 0.5)))
    row = {"id": f"P{i + 1:03d}", "q_direct": answer(rng, direct, DIRECT_LABELS)}
    for j in range(1, 4):
        item = 1 + int(np.searchsorted([-0.2, 0.7, 1.5], latent + rng.normal(0, 0.6)))
        row[f"ucla_{j}"] = answer(rng, item, UCLA_LABELS)
    return row


def small_programme() -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    """Seven pairs whose UCLA-3 changes are distinct and non-zero: R's exact Wilcoxon test."""
    before = [(4, 4, 4), (3, 3, 3), (4, 3, 4), (2, 2, 2), (4, 4, 3), (3, 4, 4), (2, 3, 3)]
    after = [(1, 1, 1), (2, 2, 2), (3, 3, 3), (4, 4, 3), (1, 2, 1), (1, 1, 1), (4, 4, 4)]
    directs = [(1, 2), (2, 2), (1, 3), (4, 3), (2, 4), (1, 5), (3, 1)]

    def row(i: int, items: tuple[int, int, int], direct: int) -> dict[str, str]:
        return {
            "id": f"S{i + 1}",
            "q_direct": str(direct),
            **{f"ucla_{j + 1}": str(code) for j, code in enumerate(items)},
        }

    pre = [row(i, items, d[0]) for i, (items, d) in enumerate(zip(before, directs, strict=True))]
    post = [row(i, items, d[1]) for i, (items, d) in enumerate(zip(after, directs, strict=True))]
    return pre, post


def main() -> None:
    FIXTURES.mkdir(exist_ok=True)
    write("design_full.csv", survey_rows(np.random.default_rng(5101), [2, 3, 4, 5, 6, 3, 2, 4]))
    write("design_lonely.csv", survey_rows(np.random.default_rng(5102), [1, 3, 1, 4, 2, 5]))
    srs = survey_rows(np.random.default_rng(5103), [6], design=False)
    write("design_srs.csv", srs)
    strata_only = survey_rows(np.random.default_rng(5104), [4, 3, 5])
    for row in strata_only:
        del row["psu"]
    write("design_strata_only.csv", strata_only)
    pre, post = programme_rows(np.random.default_rng(5105), 80, -0.3)
    write("programme_pre.csv", pre)
    write("programme_post.csv", post)
    pre, post = small_programme()
    write("programme_small_pre.csv", pre)
    write("programme_small_post.csv", post)


if __name__ == "__main__":
    main()
