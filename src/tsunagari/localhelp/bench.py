"""`make bench` (localhelp): local first at scale, and one municipality's upload.

On the throw-away database of `python -m tsunagari.bench`: synthetic local entries over
every municipality (tsunagari.search.synthetic, made only here), then the in-process latency
(p50/p95) of the search and of the one route to results (`finder.find`, which also reads the
words for needs), for 1,000 queries each with the place a person gave (target p95 ≤ 30 ms),
and the time one municipality's template takes from file to published: read, preview,
submit, publish and index. Times are wall clock and this process's CPU time: on a shared,
loaded machine the CPU time is the steadier figure.

Scale: TSUNAGARI_BENCH_LOCAL_SERVICES entries, 20,000 unless set (under a minute). The
national 100,000 (set it to 100000) took four minutes on two busy cores, three and a
half of them loading and indexing (mostly the Japanese analysis of every entry); 20,000 over
the same 1,900 municipalities still shows how publishing and searching grow with the
directory.
"""

from __future__ import annotations

import os
import random
import resource
import time
from collections.abc import Callable
from typing import Any

from django.contrib.auth.models import User
from django.utils import timezone

from tsunagari.apps_base import Writer
from tsunagari.directory.areas import Place, municipalities
from tsunagari.directory.models import Service, ServiceArea
from tsunagari.directory.taxonomy import load_taxonomy
from tsunagari.localhelp import workflow
from tsunagari.localhelp.changes import plan
from tsunagari.localhelp.template import COLUMNS, read_upload
from tsunagari.navigator.finder import find
from tsunagari.search import synthetic
from tsunagari.search.bench import PHRASES, _percentile
from tsunagari.search.engine import Filters, rebuild_index, search
from tsunagari.spreadsheets import csv_text
from tsunagari.staff.members import grant
from tsunagari.staff.models import Body
from tsunagari.staff.roles import Kind, Role

SERVICES = int(os.environ.get("TSUNAGARI_BENCH_LOCAL_SERVICES", "20000"))
QUERIES = 1000
ROWS = 60  # a municipality's windows and places: about 100,000 / 1,900 at most twice over


def _queries(rng: random.Random) -> list[tuple[str, Filters]]:
    places = [m for m in municipalities().values()]
    needs = list(load_taxonomy().needs)
    queries = []
    for _ in range(QUERIES):
        m = rng.choice(places)
        place = Place(m.prefecture_code, m.prefecture, m)
        chosen = (rng.choice(needs),) if rng.random() < 0.3 else ()
        queries.append((rng.choice(PHRASES), Filters(needs=chosen, place=place)))
    return queries


def _latencies(
    queries: list[tuple[str, Filters]], route: Callable[..., Any]
) -> tuple[list[float], list[float]]:
    """Wall and CPU milliseconds of each query."""
    now = timezone.now()
    for text, filters in queries[:50]:
        route(text, filters, now=now)  # warm: Sudachi, thesaurus, the understanding model
    wall, cpu = [], []
    for text, filters in queries:
        start, start_cpu = time.perf_counter(), time.process_time()
        route(text, filters, now=now)
        wall.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    return wall, cpu


def _template(code: str, count: int) -> bytes:
    rows = []
    for i in range(count):
        row = {
            "ID": f"bench-{code}-{i}",
            "種別": "居場所" if i % 2 else "窓口",
            "名称": f"ベンチ用の居場所{i}",
            "説明": "ベンチマークのためだけの合成データです。",
            "地域コード": code,
            "電話番号": f"03-3264-{2000 + i:04d}",
            "曜日": "平日",
            "開始時刻": "09:00",
            "終了時刻": "17:00",
            "困りごと": "community, loneliness",
            "相談方法": "in-person",
            "情報源URL": "https://example.org/bench",
        }
        rows.append([row.get(c.header, "") for c in COLUMNS])
    return csv_text([c.header for c in COLUMNS], rows).encode("utf-8-sig")


def _import_once(out: Writer) -> None:
    body, _ = Body.objects.get_or_create(
        kind=Kind.MUNICIPALITY, code="131016", defaults={"name": "千代田区"}
    )
    author = User.objects.create_user("bench-author")
    reviewer = User.objects.create_user("bench-reviewer")
    grant(author, body, Role.MUNICIPAL_STAFF)
    grant(reviewer, body, Role.MUNICIPAL_STAFF)
    content = _template(body.code, ROWS)
    start, start_cpu = time.perf_counter(), time.process_time()
    found = read_upload("bench.csv", content, body)
    read = time.perf_counter()
    changes = plan(body, found.entries, complete=True)
    proposal = workflow.draft(author, body, changes, "bench.csv")
    workflow.submit(author, proposal)
    previewed = time.perf_counter()
    workflow.publish(reviewer, proposal)  # indexes the published entries once committed
    done, cpu = time.perf_counter(), time.process_time() - start_cpu
    out.write(
        f"  one municipality's upload ({ROWS} rows): {done - start:5.2f} s, CPU {cpu:.2f} s "
        f"(read {read - start:.2f} s, preview and submit {previewed - read:.2f} s, "
        f"publish and index {done - previewed:.2f} s)\n"
    )


def _peak_memory_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux


def run(out: Writer) -> None:
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    out.write(
        f"local help benchmark: {SERVICES:,} synthetic entries "
        f"(TSUNAGARI_BENCH_LOCAL_SERVICES), {os.cpu_count()} CPUs "
        f"(load average at start {load}; wall times suffer from other work, CPU times less)\n"
    )
    start, start_cpu = time.perf_counter(), time.process_time()
    synthetic.load(SERVICES)
    local = Service.objects.filter(
        areas__kind__in=[ServiceArea.Kind.PREFECTURE, ServiceArea.Kind.MUNICIPALITY]
    )
    made_local = Service.objects.filter(pk__in=local.values("pk")).update(scope=Service.Scope.LOCAL)
    indexed = rebuild_index()
    out.write(
        f"  load and index:      {time.perf_counter() - start:6.1f} s, CPU of this process "
        f"{time.process_time() - start_cpu:.1f} s ({indexed:,} entries indexed, {made_local:,} "
        f"of them local, over {len(municipalities()):,} municipalities)\n"
    )
    queries = _queries(random.Random(11))
    for label, route in (("search() with a place", search), ("finder.find with a place", find)):
        wall, cpu = _latencies(queries, route)
        out.write(
            f"  {label:<26} p50 {_percentile(wall, 0.5):6.2f} ms   "
            f"p95 {_percentile(wall, 0.95):6.2f} ms   max {max(wall):7.2f} ms   "
            f"CPU p50 {_percentile(cpu, 0.5):5.2f} ms p95 {_percentile(cpu, 0.95):5.2f} ms "
            f"({len(wall)} queries; target p95 ≤ 30 ms)\n"
        )
    _import_once(out)
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    out.write(
        f"  peak memory of the process: {_peak_memory_mb():,.0f} MB; "
        f"load average at the end: {load}\n"
    )
