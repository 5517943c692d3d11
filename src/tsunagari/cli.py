"""The `tsunagari` console script: Django's management commands under one name.

`tsunagari directory export ...` runs the `directory` command, `tsunagari serve` the `serve`
command, and so on; any other Django command (`migrate`, `createsuperuser`) works as well.
"""

from __future__ import annotations

import os
import sys
import tempfile


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tsunagari.settings")
    from django.core.management import execute_from_command_line

    args = sys.argv[1:] if argv is None else argv
    if args[:1] == ["serve"] and "PROMETHEUS_MULTIPROC_DIR" not in os.environ:
        # The workers add up their metrics through files here; prometheus_client reads the
        # variable when first imported, which Django's setup does.
        os.environ["PROMETHEUS_MULTIPROC_DIR"] = tempfile.mkdtemp(prefix="tsunagari-metrics-")
    execute_from_command_line(["tsunagari", *args])


if __name__ == "__main__":
    main()
