"""The load run reads wrk's report: requests a second, p50/p99 and every kind of error."""

import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

import pytest

from tsunagari.ops.bench import SAME_QUERIES, cpu_seconds, page_share, parse_wrk

REPORT = "\n".join(
    [
        "Running 5s test @ http://127.0.0.1:8104/",
        "  2 threads and 16 connections",
        "  Latency Distribution",
        "     50%  619.65ms",
        "     75%  885.72ms",
        "     90%    1.73s ",  # wrk pads seconds with a space
        "     99%    2.01s ",
        "  84 requests in 5.06s, 2.24MB read",
        "  Socket errors: connect 0, read 2, write 0, timeout 1",
        "  Non-2xx or 3xx responses: 4",
        "Requests/sec:     16.59",
    ]
)


def test_wrk_figures_are_read_in_milliseconds_with_every_error_counted() -> None:
    figures = parse_wrk(REPORT)
    assert figures == {
        "rate": 16.59,
        "p50": 619.65,
        "p99": pytest.approx(2010.0),
        "errors": 7,
        "requests": 84,
    }


def test_a_clean_run_has_no_errors() -> None:
    clean = REPORT.replace("  Socket errors: connect 0, read 2, write 0, timeout 1", "")
    assert parse_wrk(clean.replace("Non-2xx or 3xx responses: 4", ""))["errors"] == 0


def test_the_page_rate_is_shown_as_a_share_of_the_api_rate_for_the_same_queries() -> None:
    rates = {}
    for query in SAME_QUERIES:
        rates[f"/search/?q={quote(query)}"] = 60.0
        rates[f"/api/v1/services?q={quote(query)}"] = 100.0
    report = page_share(rates)
    assert "(target >= 60 %): 60 %" in report
    assert all(f"  {query}: 60 %" in report for query in SAME_QUERIES)


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads Linux's /proc")
def test_the_cpu_of_a_server_counts_its_workers() -> None:
    burn = "import time\nend = time.process_time() + 0.5\nwhile time.process_time() < end: pass"
    spawn = f"import subprocess, sys; subprocess.Popen([sys.executable, '-c', {burn!r}]); input()"
    server = subprocess.Popen([sys.executable, "-c", spawn], stdin=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 30
        while cpu_seconds(server.pid) < 0.4 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert cpu_seconds(server.pid) >= 0.4  # the worker's half second, not only its own
    finally:
        server.communicate(b"\n", timeout=30)
