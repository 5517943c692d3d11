"""The grading process never outlives its server, even one killed outright."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest

pytestmark = pytest.mark.slow

SERVER = """
import multiprocessing, os, signal, sys
from concurrent.futures import ProcessPoolExecutor
from tsunagari.desk import grader_process

if __name__ == "__main__":
    context = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(1, mp_context=context, initializer=grader_process.set_up)
    print(pool.submit(os.getpid).result(timeout=120), flush=True)
    os.kill(os.getpid(), signal.SIGKILL)  # no shutdown, no atexit: as an OOM kill would
"""


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
        return stat.read().split()[2] != "Z"  # a zombie has ended


def test_the_grader_ends_when_its_server_is_killed(tmp_path: os.PathLike[str]) -> None:
    done = subprocess.run(
        [sys.executable, "-c", SERVER],
        capture_output=True,
        text=True,
        timeout=180,
        env={**os.environ, "TSUNAGARI_VAR_DIR": str(tmp_path)},
    )
    worker = int(done.stdout.split()[0])
    deadline = time.monotonic() + 15
    while _alive(worker) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not _alive(worker)
