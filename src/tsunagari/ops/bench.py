"""`make bench` (ops): a bounded load run over loopback against `tsunagari serve`.

wrk (Debian's package, installed by `make bench`) opens 16 connections to each address in
turn for LOAD_SECONDS and reports requests a second, the median and 99th-percentile
latency, errors (answers of 4xx/5xx and socket errors), and the CPU the server's processes
spent a request (read from /proc: on a shared machine the rate moves with the others' load,
the CPU a request much less), on the bundled directory. The search page and the API are
loaded with the same queries, one after the other on the same server, and the page's rate is
printed as a share of the API's (target: at least 60 %).

TSUNAGARI_BENCH_SEARCH_ONLY=1 loads only those pairs; TSUNAGARI_BENCH_PORT serves on that
port (a machine whose users each keep to a block of ports) instead of a free one.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import quote, unquote

from django.conf import settings
from django.core.management import call_command

from tsunagari.apps_base import Writer

CONNECTIONS = 16
WORKERS = 2  # as a production server with Redis runs (one without Redis runs one, see serve)
LOAD_SECONDS = int(os.environ.get("TSUNAGARI_BENCH_LOAD_SECONDS", "10"))
SAME_QUERIES = ("眠れない", "いじめ", "仕事 なくした 家賃")
SAME_ROUTES = tuple(
    f"{route}?q={quote(query)}"
    for query in SAME_QUERIES
    for route in ("/search/", "/api/v1/services")
)
ADDRESSES = (
    "/",
    *SAME_ROUTES,
    "/api/v1/navigate?text=" + quote("仕事をなくして、誰にも相談できない"),
)
UNITS = {"us": 1e-3, "ms": 1.0, "s": 1e3}


def run(out: Writer) -> None:
    if shutil.which("wrk") is None:
        out.write("wrk is missing: `make bench` installs it (apt-get install wrk)\n")
        return
    directory = str(Path(settings.DATA_DIR) / "directory")
    call_command("directory", "import", directory, stdout=io.StringIO())
    port = int(os.environ.get("TSUNAGARI_BENCH_PORT") or _free_port())
    search_only = os.environ.get("TSUNAGARI_BENCH_SEARCH_ONLY") == "1"
    env = {
        **os.environ,
        "TSUNAGARI_VAR_DIR": str(settings.VAR_DIR),
        "TSUNAGARI_LOG_LEVEL": "WARNING",
    }
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "tsunagari.cli",
            "serve",
            "--port",
            str(port),
            "--no-jobs",
            "--workers",
            str(WORKERS),
        ],
        env=env,
        stdout=subprocess.DEVNULL,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        _wait_for(base)
        out.write(
            f"load: {CONNECTIONS} connections, {LOAD_SECONDS} s an address, {WORKERS} workers, "
            "SQLite, bundled directory\n"
        )
        out.write(
            f"{'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'errors':>7} {'CPU ms':>7}  address\n"
        )
        rates: dict[str, float] = {}
        for address in SAME_ROUTES if search_only else ADDRESSES:
            _get(base + address)  # warm: the index, the caches
            before = cpu_seconds(server.pid)
            figures = _load(base + address)
            spent = cpu_seconds(server.pid) - before
            rates[address] = figures["rate"]
            cpu = 1000 * spent / figures["requests"] if figures["requests"] else float("nan")
            out.write(
                f"{figures['rate']:>8.1f} {figures['p50']:>8.1f} {figures['p99']:>8.1f} "
                f"{figures['errors']:>7d} {cpu:>7.1f}  {unquote(address)}\n"
            )
        out.write(page_share(rates))
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)


def page_share(rates: dict[str, float]) -> str:
    """The search page's rate as a share of the API's, query by query and over all."""
    lines, page_total, api_total = [], 0.0, 0.0
    for query in SAME_QUERIES:
        page = rates[f"/search/?q={quote(query)}"]
        api = rates[f"/api/v1/services?q={quote(query)}"]
        page_total, api_total = page_total + page, api_total + api
        lines.append(f"  {query}: {100 * page / api:.0f} %" if api else f"  {query}: no API rate")
    overall = f"{100 * page_total / api_total:.0f} %" if api_total else "no API rate"
    return (
        "/search/ page rate as a share of /api/v1/services, same queries (target >= 60 %): "
        + overall
        + "\n"
        + "\n".join(lines)
        + "\n"
    )


def _load(url: str) -> dict[str, float]:
    done = subprocess.run(
        [
            "wrk",
            "-t2",
            f"-c{CONNECTIONS}",
            f"-d{LOAD_SECONDS}s",
            "--latency",
            "--timeout",
            "10s",
            url,
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=LOAD_SECONDS + 60,
    )
    return parse_wrk(done.stdout)


def parse_wrk(report: str) -> dict[str, float]:
    """Requests a second, p50 and p99 in ms, errors and requests from wrk's --latency report."""

    def latency(percent: str) -> float:
        found = re.search(rf"^\s+{percent}%\s+([\d.]+)(us|ms|s)\s*$", report, re.M)
        return float(found.group(1)) * UNITS[found.group(2)] if found else float("nan")

    rate = re.search(r"^Requests/sec:\s+([\d.]+)", report, re.M)
    requests = re.search(r"^\s+(\d+) requests in ", report, re.M)
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", report)
    sockets = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", report
    )
    errors = int(non_2xx.group(1)) if non_2xx else 0
    errors += sum(int(n) for n in sockets.groups()) if sockets else 0
    return {
        "rate": float(rate.group(1)) if rate else 0.0,
        "p50": latency("50"),
        "p99": latency("99"),
        "errors": errors,
        "requests": int(requests.group(1)) if requests else 0,
    }


def cpu_seconds(root: int) -> float:
    """User and system CPU time of a process and all its descendants, from Linux's /proc
    (0.0 elsewhere). A worker's time counts while it lives and after, in its parent's."""
    parents: dict[int, int] = {}
    spent: dict[int, float] = {}
    ticks = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue  # gone meanwhile
        pid = int(stat.parent.name)
        parents[pid] = int(fields[1])
        # utime, stime, and the children's that were waited for (cutime, cstime)
        spent[pid] = sum(int(n) for n in fields[11:15]) / ticks
    tree, grown = {root}, True
    while grown:
        more = {pid for pid, parent in parents.items() if parent in tree} - tree
        tree, grown = tree | more, bool(more)
    return sum(spent.get(pid, 0.0) for pid in tree)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _get(url: str) -> None:
    with urllib.request.urlopen(url, timeout=30) as response:
        response.read()


def _wait_for(base: str) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            _get(base + "/healthz")
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("the server did not start within 60 s")
