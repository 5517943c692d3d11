"""`python -m tsunagari.bench navigator`: navigate latency and batch throughput, in process.

On the bundled directory (imported into the benchmark's throw-away database), over the
navigator's own test cases (tests/navigator/cases.yaml) when present, else a built-in mix.
"""

from __future__ import annotations

import os
import statistics
import time
from pathlib import Path

from django.conf import settings

from tsunagari.apps_base import Writer

ROUNDS = 3
QUIET = "在留カードの住所変更は、引っ越してから何日以内にすればいいですか"
REQUESTS = "corpus-requests-1.yaml"  # ordinary requests in thirteen languages, levels 0–1
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
    import resource

    from tsunagari.directory.importer import import_path
    from tsunagari.navigator.crisis import detect
    from tsunagari.navigator.navigate import navigate
    from tsunagari.navigator.urgency import grade
    from tsunagari.search.engine import rebuild_index

    # The grader's memory, measured before navigate() loads it: its elements, the sentence
    # encoder's weights and the classifier (the crisis rules are loaded first, as ever).
    detect("つながり")
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    grade("つながり")
    loaded_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    # Grading first, and on its own with TSUNAGARI_BENCH_ONLY=urgency (`make bench-urgency`):
    # the navigate rounds below take minutes on a shared machine.
    _grading(out, loaded_mb)
    if os.environ.get("TSUNAGARI_BENCH_ONLY") == "urgency":
        return

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
    start = time.perf_counter()
    for _round in range(ROUNDS):
        for text in texts:
            detect(text)
    per = (time.perf_counter() - start) / (ROUNDS * len(texts)) * 1e6
    out.write(f"crisis detection: {per:.0f} µs per message\n")


def _grading(out: Writer, loaded_mb: float) -> None:
    """Urgency grading per message, as the desk will call it: one message at a time, on a
    quiet message (a request with no sign of danger, the most common kind) and on the
    urgency corpus (every level, many languages, long messages)."""
    import resource

    from tsunagari.navigator.urgency import grade

    corpus = Path(settings.DATA_DIR) / "navigator" / "urgency"
    texts = list(FALLBACK)
    requests: list[str] = []
    if corpus.exists():
        from tsunagari.navigator.urgency_evaluation import read_urgency_cases

        texts = [c.text for path in sorted(corpus.glob("*.yaml")) for c in read_urgency_cases(path)]
        texts = texts[:: max(1, len(texts) // 500)]  # about five hundred, spread over the files
        requests = [c.text for c in read_urgency_cases(corpus / REQUESTS)]
    samples = [("a quiet message", [QUIET] * 200), (f"{len(texts)} messages", texts)]
    if requests:
        samples.insert(1, (f"{len(requests)} ordinary requests", requests))
    for label, sample in samples:
        timings = []
        cpu = []
        for text in sample:
            start, start_cpu = time.perf_counter(), time.process_time()
            grade(text)
            timings.append((time.perf_counter() - start) * 1000)
            cpu.append((time.process_time() - start_cpu) * 1000)
        out.write(
            f"urgency grading, {label}: p50 {statistics.median(timings):.1f} ms, "
            f"p95 {_percentile(timings, 0.95):.1f} ms, max {max(timings):.1f} ms "
            f"(CPU p50 {statistics.median(cpu):.1f} ms, p95 {_percentile(cpu, 0.95):.1f} ms; "
            "target p95 ≤ 20 ms)\n"
        )
    out.write(
        f"urgency memory: the model adds {loaded_mb:.0f} MB to the process "
        f"(peak resident {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB)\n"
    )
