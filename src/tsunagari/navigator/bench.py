"""`python -m tsunagari.bench navigator`: navigate latency and batch throughput, in process.

On the bundled directory (imported into the benchmark's throw-away database), over the
navigator's own test cases (tests/navigator/cases.yaml) when present, else a built-in mix.
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path

from django.conf import settings

from tsunagari.apps_base import Writer

ROUNDS = 3
FALLBACK = (
    "学校でいじめられていて、毎日つらい",
    "夫が怒ると物を投げてくる",
    "仕事をクビになって家賃が払えない",
    "もう死にたい",
    "がっこうにいきたくない",
    "I live in Japan and I feel very lonely.",
    "認知症の父の世話で疲れ果てた",
    "近所に気軽に集まれる場所はありますか",
)


def _texts() -> list[str]:
    cases = Path(settings.DATA_DIR).parent / "tests" / "navigator" / "cases.yaml"
    if cases.exists():
        from tsunagari.navigator.evaluation import read_cases

        return [case.text for case in read_cases(cases)]
    return list(FALLBACK)


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def run(out: Writer) -> None:
    from tsunagari.directory.importer import import_path
    from tsunagari.navigator.navigate import navigate
    from tsunagari.search.engine import rebuild_index

    import_path(Path(settings.DATA_DIR) / "directory")
    services = rebuild_index()
    texts = _texts()
    for text in texts[:5]:  # warm up: dictionaries, rules, the directory snapshot
        navigate(text)
    timings = []
    for _round in range(ROUNDS):
        for text in texts:
            start = time.perf_counter()
            navigate(text)
            timings.append((time.perf_counter() - start) * 1000)
    out.write(f"directory: {services} services; messages: {len(texts)} × {ROUNDS} rounds\n")
    out.write(
        f"navigate latency: p50 {statistics.median(timings):.1f} ms, "
        f"p95 {_percentile(timings, 0.95):.1f} ms, max {max(timings):.1f} ms "
        "(target p95 ≤ 50 ms)\n"
    )
    start = time.perf_counter()
    for text in texts:
        navigate(text).as_dict()
    elapsed = time.perf_counter() - start
    out.write(f"batch throughput: {len(texts) / elapsed:.0f} messages/s (one process)\n")
    from tsunagari.navigator.crisis import detect

    start = time.perf_counter()
    for _round in range(ROUNDS):
        for text in texts:
            detect(text)
    per = (time.perf_counter() - start) / (ROUNDS * len(texts)) * 1e6
    out.write(f"crisis detection: {per:.0f} µs per message\n")
