"""`make bench`: run every app's benchmark (module `tsunagari.<app>.bench`, function `run`)."""

from __future__ import annotations

import importlib
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path


def main() -> None:
    if len(sys.argv) == 1:
        # Each app's benchmark in a process of its own, on a database of its own: the
        # search benchmark's 100,000 synthetic services must not weigh on the others.
        for label in sorted(p.parent.name for p in Path(__file__).parent.glob("*/bench.py")):
            subprocess.run([sys.executable, "-m", "tsunagari.bench", label], check=True)
        return
    # Benchmarks work on their own throw-away database and index, never on var/.
    scratch = tempfile.mkdtemp(prefix="tsunagari-bench-")
    try:
        run_all(scratch)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def run_all(scratch: str) -> None:
    os.environ["TSUNAGARI_VAR_DIR"] = scratch
    os.environ.pop("DATABASE_URL", None)
    # As production runs: a PostgreSQL database of the run's own (it is written to).
    if bench_database := os.environ.get("TSUNAGARI_BENCH_DATABASE_URL"):
        os.environ["DATABASE_URL"] = bench_database
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tsunagari.settings")
    import django

    django.setup()
    from django.apps import apps
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    print(f"scratch directory: {scratch}")

    only = set(sys.argv[1:])
    for config in apps.get_app_configs():
        if not config.name.startswith("tsunagari.") or (only and config.label not in only):
            continue
        try:
            module = importlib.import_module(f"{config.name}.bench")
        except ModuleNotFoundError as error:
            if error.name != f"{config.name}.bench":
                raise
            continue
        print(f"== {config.label} ==", flush=True)
        module.run(sys.stdout)


if __name__ == "__main__":
    main()
