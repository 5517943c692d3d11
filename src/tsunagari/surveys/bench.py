"""`make bench`: the four indicators by age group and sex for 20,000 and 1,000,000 respondents.

Synthetic files with the national survey's design (24 strata, PSUs of about 11 respondents,
unequal weights, item non-response). Reading the CSV and estimating are timed separately;
peak memory is that of the estimation (tracemalloc, numpy's allocations included). With
Rscript and the `survey` package present, R's time for the same 20,000-row estimate is shown.
"""

from __future__ import annotations

import gc
import resource
import shutil
import statistics
import subprocess
import tempfile
import time
import tracemalloc
from pathlib import Path

from tsunagari.apps_base import Writer
from tsunagari.surveys.estimate import estimate_survey
from tsunagari.surveys.importer import read_microdata
from tsunagari.surveys.microdata import Microdata
from tsunagari.surveys.synthetic import generate_survey

BY = ["age_group", "sex"]
R_SCRIPT = """
suppressMessages(library(survey))
d <- read.csv(commandArgs(TRUE)[1], colClasses = "character", fileEncoding = "UTF-8")
for (v in c("q_direct", "ucla_1", "ucla_2", "ucla_3")) d[[v]] <- as.integer(d[[v]])
d$weight <- as.numeric(d$weight)
d$often <- as.numeric(d$q_direct == 1); d$any <- as.numeric(d$q_direct <= 3)
d$ucla <- d$ucla_1 + d$ucla_2 + d$ucla_3; d$high <- as.numeric(d$ucla >= 10)
des <- svydesign(ids = ~psu, strata = ~stratum, weights = ~weight, data = d, nest = TRUE)
t <- system.time(for (v in c("often", "any", "ucla", "high")) {
  a <- des[!is.na(des$variables[[v]]), ]
  f <- as.formula(paste0("~", v))
  svymean(f, a); svyby(f, ~age_group, a, svymean); svyby(f, ~sex, a, svymean)
})
cat(t[["elapsed"]], "\\n")
"""


def _timed_estimate(data: Microdata, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        estimate_survey(data, BY)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _peak_estimate_memory(data: Microdata) -> int:
    gc.collect()
    tracemalloc.start()
    estimate_survey(data, BY)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak


def _r_seconds(csv_text: str) -> float | None:
    if not shutil.which("Rscript"):
        return None
    with tempfile.TemporaryDirectory() as folder:
        data = Path(folder) / "survey.csv"
        data.write_text(csv_text, encoding="utf-8")
        script = Path(folder) / "bench.R"
        script.write_text(R_SCRIPT, encoding="utf-8")
        result = subprocess.run(
            ["Rscript", str(script), str(data)], capture_output=True, text=True, check=False
        )
    try:
        return float(result.stdout.split()[0])
    except (IndexError, ValueError):
        return None


def _one_size(out: Writer, respondents: int, repeats: int, with_r: bool) -> None:
    start = time.perf_counter()
    text = generate_survey(2024, respondents=respondents, seed=1)
    generated = time.perf_counter() - start
    start = time.perf_counter()
    data = read_microdata(text.encode("utf-8"), "bench.csv")
    read = time.perf_counter() - start
    estimate = _timed_estimate(data, repeats)
    peak = _peak_estimate_memory(data)
    out.write(
        f"{data.n:>9,} respondents, {len(data.strata)} strata, {data.psu_count:,} PSUs: "
        f"estimate 4 indicators × (overall + {' + '.join(BY)}) {estimate:.3f} s "
        f"(median of {repeats}), peak memory {peak / 2**20:.1f} MiB; "
        f"CSV read and validated {read:.2f} s ({len(text) / 2**20:.0f} MiB); "
        f"generated in {generated:.2f} s\n"
    )
    if with_r:
        seconds = _r_seconds(text)
        if seconds is None:
            out.write("  R survey: not measured (Rscript with the survey package not found)\n")
        else:
            out.write(
                f"  R survey on the same file: {seconds:.2f} s "
                f"({seconds / estimate:.0f}× tsunagari's time)\n"
            )


def run(out: Writer) -> None:
    _one_size(out, 20_000, repeats=7, with_r=True)
    _one_size(out, 1_000_000, repeats=3, with_r=False)
    max_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    out.write(
        f"process peak resident memory (all of the above, with the 1M-row CSV): {max_rss:.0f} MiB\n"
    )
