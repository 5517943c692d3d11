"""`make bench` (search): a synthetic national directory, index build, latency, requests/s.

Runs on the throw-away database that `python -m tsunagari.bench` migrated. Figures: DB load
time, index build time and size, in-process search latency (p50/p95) for 1,000 mixed
queries with filters, requests/s of /api/v1/services against `tsunagari serve` (gunicorn)
under a local load generator (wrk, or a Python client when wrk cannot be had), peak memory.
"""

from __future__ import annotations

import contextlib
import os
import random
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from django.conf import settings
from django.utils import timezone

from tsunagari.apps_base import Writer
from tsunagari.directory.areas import Place, municipalities, prefectures
from tsunagari.directory.taxonomy import load_taxonomy
from tsunagari.search import synthetic
from tsunagari.search.engine import Filters, rebuild_index, search
from tsunagari.search.summary import result_page
from tsunagari.search.synonyms import load_thesaurus

SERVICES = int(os.environ.get("TSUNAGARI_BENCH_SERVICES", "100000"))
QUERIES = 1000
LOAD_SECONDS = 15
CONNECTIONS = 16
WORKERS = 3
WARM_UP = 60  # requests before measuring: every worker's caches filled, as in service
PHRASES = (
    "いじめ",
    "イジメ",
    "いじめられた",
    "死にたい",
    "しにたい",
    "じさつ",
    "お金がない",
    "学校に行きたくない",
    "眠れない",
    "ひきこもり",
    "DV",
    "domestic violence",
    "bullying",
    "ぎゃくたい",
    "ひとりぼっち",
    "介護に疲れた",
    "仕事が見つからない",
    "子育て 相談",
    "外国人 相談 english",
    "ヤングケアラー",
    "地域包括支援センター",
    "",
)


def _queries(count: int, rng: random.Random) -> list[tuple[str, Filters]]:
    taxonomy = load_taxonomy()
    needs = list(taxonomy.needs)
    labels = [t.ja.split("・")[0].split("（")[0] for t in taxonomy.needs.values()]
    words = [s.word for g in load_thesaurus().groups for s in g.synonyms]
    places = list(municipalities().values())
    result = []
    for _ in range(count):
        roll = rng.random()
        if roll < 0.3:
            text = rng.choice(PHRASES)
        elif roll < 0.55:
            text = rng.choice(labels)
        elif roll < 0.8:
            text = rng.choice(words)
        else:
            text = f"{rng.choice(places).name} {rng.choice(labels)}"
        place = None
        if rng.random() < 0.5:
            town = rng.choice(places)
            place = Place(town.prefecture_code, town.prefecture, town)
        elif rng.random() < 0.2:
            code = rng.choice(list(prefectures()))
            place = Place(code, prefectures()[code])
        filters = Filters(
            needs=(rng.choice(needs),) if rng.random() < 0.25 else (),
            methods=("phone",) if rng.random() < 0.1 else (),
            languages=("en",) if rng.random() < 0.05 else (),
            place=place,
            open_now=rng.random() < 0.25,
        )
        result.append((text, filters))
    return result


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def _latencies(queries: list[tuple[str, Filters]], with_page: bool) -> list[float]:
    now = timezone.now()

    def one(text: str, filters: Filters) -> None:
        results = search(text, filters, limit=20, now=now)
        if with_page:
            result_page(results, now, 20, 0)

    for text, filters in queries[:50]:
        one(text, filters)  # warm caches: Sudachi, thesaurus, timetables
    times = []
    for text, filters in queries:
        start = time.perf_counter()
        one(text, filters)
        times.append((time.perf_counter() - start) * 1000)
    return times


def _size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_until_up(url: str, server: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError("the server stopped while starting")
        try:
            with urllib.request.urlopen(url, timeout=30) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise RuntimeError(f"the server did not answer {url} within 120 s")


ENDPOINTS = ("/api/v1/services", "/search/")  # the same queries on the same server


def _paths(queries: list[tuple[str, Filters]], endpoint: str) -> list[str]:
    paths = []
    for text, filters in queries[:200]:
        params: list[tuple[str, str]] = [("q", text)] if text else []
        params += [("need", n) for n in filters.needs]
        if filters.place and filters.place.municipality:
            params.append(("area", filters.place.municipality.code))
        elif filters.place:
            params.append(("area", filters.place.prefecture_code))
        if filters.open_now:
            params.append(("open_now", "true"))
        paths.append(endpoint + "?" + urllib.parse.urlencode(params))
    return paths


def _wrk() -> str | None:
    found = shutil.which("wrk")
    if found:
        return found
    try:
        subprocess.run(
            ["apt-get", "install", "-y", "-q", "wrk"],
            check=True,
            capture_output=True,
            timeout=300,
            env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"},
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return shutil.which("wrk")


def _load_with_wrk(wrk: str, base: str, paths: list[str]) -> dict[str, str]:
    lines = ",\n".join(f'  "{p}"' for p in paths)
    script = (
        f"local paths = {{\n{lines}\n}}\nlocal i = 0\n"
        "request = function()\n  i = i % #paths + 1\n"
        '  return wrk.format("GET", paths[i])\nend\n'
    )
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as handle:
        handle.write(script)
    command = [wrk, "-t2", f"-c{CONNECTIONS}", f"-d{LOAD_SECONDS}s", "--latency", "-s"]
    out = subprocess.run(
        [*command, handle.name, base], capture_output=True, text=True, check=True
    ).stdout
    os.unlink(handle.name)
    figures = {}
    for line in out.splitlines():
        parts = line.split()
        if line.startswith("Requests/sec:"):
            figures["requests/s"] = parts[1]
        elif parts[:1] in (["50%"], ["90%"], ["99%"]):
            figures[f"latency p{parts[0][:-1]}"] = parts[1]
        elif "Non-2xx" in line:
            figures["non-2xx responses"] = parts[-1]
        elif "requests in" in line:
            figures["requests"] = parts[0]
    return figures


def _load_with_python(base: str, paths: list[str]) -> dict[str, str]:
    deadline = time.monotonic() + LOAD_SECONDS
    timings: list[float] = []
    failures = 0

    def client(offset: int) -> tuple[list[float], int]:
        mine: list[float] = []
        bad = 0
        i = offset
        while time.monotonic() < deadline:
            start = time.perf_counter()
            try:
                with urllib.request.urlopen(base + paths[i % len(paths)], timeout=30) as r:
                    r.read()
                    bad += r.status != 200
            except OSError:
                bad += 1
            mine.append(time.perf_counter() - start)
            i += 1
        return mine, bad

    start = time.monotonic()
    with ThreadPoolExecutor(CONNECTIONS) as pool:
        for mine, bad in pool.map(client, range(CONNECTIONS)):
            timings += mine
            failures += bad
    elapsed = time.monotonic() - start
    return {
        "requests/s": f"{len(timings) / elapsed:.0f}",
        "latency p50": f"{_percentile(timings, 0.5) * 1000:.1f}ms",
        "latency p99": f"{_percentile(timings, 0.99) * 1000:.1f}ms",
        "failed": str(failures),
    }


def _memory(pid: int) -> str:
    """Peak RSS of the largest process, and PSS summed over the server's processes (RSS
    counts the shared index and dictionary pages in every worker; PSS shares them out)."""
    pids = [pid]
    with contextlib.suppress(OSError):
        pids += [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    peak = pss = 0
    for one in pids:
        try:
            status = Path(f"/proc/{one}/status").read_text()
            rollup = Path(f"/proc/{one}/smaps_rollup").read_text()
        except OSError:
            continue
        peak = max(
            [peak] + [int(x.split()[1]) for x in status.splitlines() if x.startswith("VmHWM:")]
        )
        pss += sum(int(x.split()[1]) for x in rollup.splitlines() if x.startswith("Pss:"))
    return (
        f"{len(pids)} processes, largest peak RSS {peak / 1024:.0f} MB, "
        f"PSS total {pss / 1024:.0f} MB"
    )


def _serve_and_load(out: Writer, queries: list[tuple[str, Filters]]) -> None:
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    command = [sys.executable, "-m", "tsunagari.cli", "serve", "--port", str(port)]
    server = subprocess.Popen(
        [*command, "--workers", str(WORKERS)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "TSUNAGARI_VAR_DIR": str(settings.VAR_DIR)},
    )
    try:
        _wait_until_up(base + "/api/v1/taxonomy", server)
        wrk = _wrk()
        tool = "wrk" if wrk else "python client"
        rates = {}
        for endpoint in ENDPOINTS:
            paths = _paths(queries, endpoint)
            for path in paths[:WARM_UP]:
                urllib.request.urlopen(base + path, timeout=60).read()  # warm every worker
            figures = _load_with_wrk(wrk, base, paths) if wrk else _load_with_python(base, paths)
            out.write(
                f"  {endpoint} under load ({tool}, {CONNECTIONS} connections, "
                f"{LOAD_SECONDS} s, gunicorn {WORKERS} workers, 200 distinct queries):\n"
            )
            for name, value in figures.items():
                out.write(f"    {name:<20} {value}\n")
            rates[endpoint] = float(figures["requests/s"])
        page, api = rates["/search/"], rates["/api/v1/services"]
        out.write(
            f"  /search/ page at {page:.0f} req/s = {100 * page / api:.0f} % of the API's "
            f"{api:.0f} req/s (target ≥ 60 %)\n"
        )
        out.write(f"  server memory: {_memory(server.pid)}\n")
    finally:
        server.terminate()
        server.wait(timeout=30)


def run(out: Writer) -> None:
    rng = random.Random(7)
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    out.write(
        f"search benchmark: {SERVICES:,} synthetic services, {os.cpu_count()} CPUs "
        f"(load average at start {load})\n"
    )
    start = time.perf_counter()
    sizes = synthetic.load(SERVICES)
    out.write(
        f"  DB load:             {time.perf_counter() - start:6.1f} s "
        f"({sizes.services:,} services, {len(municipalities()):,} municipalities)\n"
    )
    start = time.perf_counter()
    indexed = rebuild_index()
    out.write(
        f"  index build:         {time.perf_counter() - start:6.1f} s "
        f"({indexed:,} listed services, {_size(Path(settings.INDEX_DIR)) / 1e6:.0f} MB on disk)\n"
    )
    queries = _queries(QUERIES, rng)
    for label, with_page in (("search()", False), ("search() + result page", True)):
        times = _latencies(queries, with_page)
        out.write(
            f"  {label:<24} p50 {_percentile(times, 0.5):6.2f} ms   "
            f"p95 {_percentile(times, 0.95):6.2f} ms   max {max(times):7.2f} ms "
            f"({len(times)} mixed queries with filters)\n"
        )
    hits = [search(text, filters).total for text, filters in queries[:200]]
    out.write(f"  median total per query: {statistics.median(hits):,.0f}\n")
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    out.write(f"  peak RSS: this process {own:.0f} MB, largest analysis worker {children:.0f} MB\n")
    _serve_and_load(out, queries)
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    out.write(f"  load average at the end: {load}\n")
