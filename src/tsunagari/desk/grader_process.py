"""What runs inside the grading process (see grading.py). Nothing here imports a model at
import time: the process unpickles these functions before Django is set up."""

from __future__ import annotations

import os
import threading
import time
from typing import Any

PARENT_CHECK_SECONDS = 1.0


def set_up() -> None:
    """The grader yields the CPU to the server: delivery first, then the grade."""
    import django

    os.nice(10)
    _end_with(os.getppid())
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tsunagari.settings")
    django.setup()


def _end_with(parent: int) -> None:
    """A server killed outright (SIGKILL, an OOM kill) cannot stop its pool: the worker holds
    both ends of its own queue and would wait for work for ever, keeping the server's output
    open. It ends itself once its parent is gone."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_CHECK_SECONDS)
        os._exit(0)

    threading.Thread(target=watch, name="end-with-server", daemon=True).start()


def grade_texts(texts: list[str]) -> list[Any]:
    from tsunagari.navigator.urgency import grade_many

    return grade_many(texts)
