"""`make bench`: run every app's benchmark (module `tsunagari.<app>.bench`, function `run`)."""

from __future__ import annotations

import importlib
import os
import shutil
import sys
import tempfile


def main() -> None:
    # Benchmarks work on their own throw-away database and index, never on var/.
    scratch = tempfile.mkdtemp(prefix="tsunagari-bench-")
    try:
        run_all(scratch)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def run_all(scratch: str) -> None:
    os.environ["TSUNAGARI_VAR_DIR"] = scratch
    os.environ.pop("DATABASE_URL", None)
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
