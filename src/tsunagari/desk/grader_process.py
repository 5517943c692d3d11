"""What runs inside the grading process (see grading.py). Nothing here imports a model at
import time: the process unpickles these functions before Django is set up."""

from __future__ import annotations

import os
from typing import Any


def set_up() -> None:
    """The grader yields the CPU to the server: delivery first, then the grade."""
    import django

    os.nice(10)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tsunagari.settings")
    django.setup()


def grade_texts(texts: list[str]) -> list[Any]:
    from tsunagari.navigator.urgency import grade_many

    return grade_many(texts)
