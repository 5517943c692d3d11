"""The load run reads wrk's report: requests a second, p50/p99 and every kind of error."""

import pytest

from tsunagari.ops.bench import parse_wrk

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
    assert figures == {"rate": 16.59, "p50": 619.65, "p99": pytest.approx(2010.0), "errors": 7}


def test_a_clean_run_has_no_errors() -> None:
    clean = REPORT.replace("  Socket errors: connect 0, read 2, write 0, timeout 1", "")
    assert parse_wrk(clean.replace("Non-2xx or 3xx responses: 4", ""))["errors"] == 0
